package dev.optkit.analyzers.index;

import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.source.SourceSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a login runs. A login enters the project through the callbacks of a security SPI (a UserDetailsService's
 * loadUserByUsername, an AuthenticationProvider's authenticate), through every method of a class whose callbacks optkit
 * does not list (a Shiro realm, a subclass of Spring's JdbcDaoImpl or of a project class, a class implementing another
 * security interface the framework calls unseen), or through a method making such a service (a @Bean returning a
 * lambda). From those entries, everything they call, in any class and at any depth, is run by a login: computed once
 * over the whole call graph (hostile reviews 59 and 60: a walk within the class, or one caller up, missed logins that
 * pass through another bean, and a cached User failed every second login once Spring Security erased its password).
 */
final class LoginCode {
  /** Authentication SPIs and Spring's login base classes: what their implementations answer is a login's. */
  static final Set<String> AUTHENTICATION_SPIS = Set.of(
      "org.springframework.security.core.userdetails.UserDetailsService",
      "org.springframework.security.core.userdetails.ReactiveUserDetailsService",
      "org.springframework.security.core.userdetails.UserDetailsPasswordService",
      "org.springframework.security.provisioning.UserDetailsManager",
      "org.springframework.security.authentication.AuthenticationProvider",
      "org.springframework.security.authentication.AuthenticationManager",
      "org.springframework.security.oauth2.client.userinfo.OAuth2UserService",
      "org.apache.shiro.realm.Realm", "jakarta.security.enterprise.identitystore.IdentityStore",
      "org.springframework.security.core.userdetails.jdbc.JdbcDaoImpl",
      "org.springframework.security.provisioning.JdbcUserDetailsManager",
      "org.springframework.security.authentication.dao.AbstractUserDetailsAuthenticationProvider",
      "org.springframework.security.authentication.dao.DaoAuthenticationProvider",
      "org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService");
  /**
   * Spring's base classes of logins among them, whose subclasses' hooks (loadUsersByUsername, retrieveUser) a login
   * runs: a subclass is login code whole, even where their jars are not at hand to tell the interfaces they implement.
   */
  private static final Set<String> LOGIN_BASE_CLASSES = Set.of(
      "org.springframework.security.core.userdetails.jdbc.JdbcDaoImpl",
      "org.springframework.security.provisioning.JdbcUserDetailsManager",
      "org.springframework.security.authentication.dao.AbstractUserDetailsAuthenticationProvider",
      "org.springframework.security.authentication.dao.DaoAuthenticationProvider",
      "org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService");
  /**
   * The methods a login calls on each Spring Security SPI (trial 59: a UserDetailsService's sign-up and admin reads are
   * no login). Shiro's realms and Jakarta's identity stores are left whole: their logins run hooks of base classes.
   */
  private static final Map<String, Set<String>> LOGIN_METHODS = Map.of(
      "org.springframework.security.core.userdetails.UserDetailsService", Set.of("loadUserByUsername"),
      "org.springframework.security.core.userdetails.ReactiveUserDetailsService", Set.of("findByUsername"),
      "org.springframework.security.core.userdetails.UserDetailsPasswordService", Set.of("updatePassword"),
      "org.springframework.security.provisioning.UserDetailsManager", Set.of("loadUserByUsername", "createUser",
          "updateUser", "deleteUser", "changePassword", "userExists"),
      "org.springframework.security.authentication.AuthenticationProvider", Set.of("authenticate", "supports"),
      "org.springframework.security.authentication.AuthenticationManager", Set.of("authenticate"),
      "org.springframework.security.oauth2.client.userinfo.OAuth2UserService", Set.of("loadUser"));
  /** Results that carry credentials: Spring Security erases those of a CredentialsContainer after each login. */
  private static final Set<String> CREDENTIAL_TYPES = Set.of(
      "org.springframework.security.core.userdetails.UserDetails",
      "org.springframework.security.core.userdetails.User",
      "org.springframework.security.core.Authentication",
      "org.springframework.security.core.CredentialsContainer",
      // a remember-me login compares the cookie with its token value
      "org.springframework.security.web.authentication.rememberme.PersistentRememberMeToken");
  private static final String RETURNS_CREDENTIALS = "returns credentials (";
  private static final String GRANTED_AUTHORITY = "org.springframework.security.core.GrantedAuthority";
  /** Answers that cannot hold a password; with the wrappers a query's answer comes in. */
  private static final Set<String> NO_SECRET_TYPES = Set.of("void", "boolean", "int", "long", "short", "byte",
      "java.lang.Boolean", "java.lang.Integer", "java.lang.Long", "java.lang.Short", "Boolean", "Integer", "Long",
      "Short", "java.util.Optional", "java.util.List", "java.util.Set", "java.util.Collection");
  /** The fields of an authority that holds values alone. */
  private static final Set<String> VALUE_FIELDS = Set.of("long", "int", "short", "byte", "boolean", "char",
      "java.lang.Long", "java.lang.Integer", "java.lang.Short", "java.lang.Byte", "java.lang.Boolean", "java.lang.String",
      "java.util.UUID", "java.time.Instant", "java.time.LocalDateTime", "java.time.LocalDate", "java.time.OffsetDateTime");
  private static final Set<String> WRAPPERS = Set.of("java.util.Optional", "java.util.List", "java.util.Set",
      "java.util.Collection");
  /** Packages of security frameworks whose interfaces the framework calls back, unseen. */
  private static final List<String> SECURITY_PACKAGES = List.of("org.springframework.security.", "org.apache.shiro.",
      "jakarta.security.", "javax.security.");
  private static final String CONSEQUENCE = "a cache would keep what a login checks (password hashes) in memory and "
      + "hand one object to every login, and Spring Security erases the credentials of a CredentialsContainer (its "
      + "own User) a login used, so a cached one of those fails the next login";

  private final ProjectIndex index;
  /** Each method a login runs, with the entry it is run from (itself for an entry); production code only. */
  private Map<IndexedMethod, IndexedMethod> run;

  LoginCode(ProjectIndex index) {
    this.index = index;
  }

  /**
   * Why the method is a login's own code: an entry, or run by one in a login class ("authentication code: UserService
   * implements UserDetailsService; ..."), a maker of a login service, or a method answering credentials; else empty.
   */
  Optional<String> authentication(IndexedMethod method) {
    MethodFact fact = method.fact();
    Optional<String> made = index.supertypesOf(fact.returnType()).stream().filter(AUTHENTICATION_SPIS::contains)
        .findFirst();
    if (made.isPresent()) {
      return Optional.of("authentication code: it makes the " + TypeNames.simple(made.get()) + " a login runs; " + CONSEQUENCE);
    }
    Optional<String> spi = loginSpi(fact.ownerType());
    if (spi.isPresent() && run().containsKey(method)) {
      return Optional.of("authentication code: " + TypeNames.simple(fact.ownerType())
          + (LOGIN_BASE_CLASSES.contains(spi.get()) ? " extends " : " implements ") + TypeNames.simple(spi.get()) + "; "
          + CONSEQUENCE);
    }
    return returnsCredentials(fact);
  }

  /**
   * Why a login runs the method, said after its name ("UserService implements UserDetailsService; ..." or "which
   * UserService.loadUserByUsername() runs, ..."), or empty when no login runs it.
   */
  Optional<String> whyRun(IndexedMethod method) {
    // a method answering credentials is not run by a login for that (trial 88's sign-up returning its new user): its
    // callees are refused by whyMadeInto when their answer may be a password
    Optional<String> own = authentication(method).filter(why -> !why.startsWith(RETURNS_CREDENTIALS));
    if (own.isPresent()) {
      return Optional.of(own.get().replaceFirst("^authentication code: ", ""));
    }
    IndexedMethod entry = run().get(method);
    if (entry == null) {
      return Optional.empty();
    }
    return Optional.of("which " + entry.fact().displayName() + "() runs: what a login reads may be what it checks "
        + "(password hashes) or the object it gives Spring Security, which erases the credentials of a "
        + "CredentialsContainer it used, and optkit does not follow what the login does with it");
  }

  /**
   * Why the callee's answer may be the secret in the credentials its caller answers, where no login is seen to run the
   * caller ("its caller SignUp.insert() answers credentials (UserDetails) made from what it reads ..."); empty when the
   * answer is an authority (trial 88: a role entity put in a new user's authorities is no secret) or a number or flag.
   * A cached credential is refused on its own.
   */
  Optional<String> whyMadeInto(IndexedMethod callee, IndexedMethod caller) {
    Optional<String> credentials = returnsCredentials(caller.fact());
    if (credentials.isEmpty() || run().containsKey(caller)) {
      return Optional.empty();
    }
    List<String> answered = new ArrayList<>(List.of(callee.fact().returnType()));
    List<com.github.javaparser.ast.type.Type> arguments = ReturnTypeArguments.of(callee.fact());
    if (arguments.isEmpty() && WRAPPERS.contains(callee.fact().returnType())) {
      answered.add("?"); // a raw or generic method's wrapper: what it holds is not known
    }
    for (var argument : arguments) { // Optional<String>: the String is what is cached
      argument.findAll(com.github.javaparser.ast.type.Type.class, t -> t.isWildcardType()
          ? t.asWildcardType().getExtendedType().isEmpty() && t.asWildcardType().getSuperType().isEmpty()
          : !t.isClassOrInterfaceType() || t.asClassOrInterfaceType().getTypeArguments().isEmpty()).forEach(type -> {
            List<TypeFact> project = type.isClassOrInterfaceType()
                ? index.typesNamed(type.asClassOrInterfaceType().getNameAsString()) : List.of();
            answered.add(project.size() == 1 ? project.get(0).qualifiedName() : type.asString());
          });
    }
    if (answered.stream().allMatch(this::noSecret)) {
      return Optional.empty();
    }
    return Optional.of("its caller " + caller.fact().displayName() + "() " + credentials.get()
        .replaceFirst(";.*", "").replaceFirst("^returns", "answers") + " made from what it reads, and optkit does not "
        + "follow whether this answer is, or holds, the password hash in them; a cache would keep it in memory");
  }

  /**
   * An answer that holds no password: a number, a flag, nothing, or an authority holding values alone (a role's id
   * and name). An authority holding another object (hostile review 94's c44-c48: an {@code Authority} with its
   * {@code Account}, whose hash a hand-written login checks) may hold the secret.
   */
  private boolean noSecret(String type) {
    if (NO_SECRET_TYPES.contains(type)) {
      return true;
    }
    if (!index.supertypesOf(type).contains(GRANTED_AUTHORITY)) {
      return false;
    }
    int texts = 0;
    for (String declaring : index.supertypesOf(type)) {
      TypeFact fact = index.type(declaring).orElse(null);
      if (fact == null) {
        continue;
      }
      for (Map.Entry<String, String> field : fact.fieldTypes().entrySet()) {
        String erased = field.getValue().replaceAll("<.*", "");
        boolean value = VALUE_FIELDS.contains(erased)
            || index.type(erased).filter(t -> t.kind().equals("enum")).isPresent();
        if (!value) {
          return false;
        }
        if (erased.equals("java.lang.String")) {
          // the role's name; a second text, or one named for a secret, may be the hash (hostile review 96's l01: an
          // authority holding the account's passwordHash beside its role)
          String name = field.getKey().toLowerCase(java.util.Locale.ROOT);
          if (++texts > 1 || SECRET_NAMES.stream().anyMatch(name::contains)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private static final List<String> SECRET_NAMES = List.of("pass", "pwd", "hash", "secret", "token", "credential",
      "salt", "key", "pin");

  /** Why the method's answer is a login's credentials, or holds them in a field; else empty. */
  private Optional<String> returnsCredentials(MethodFact fact) {
    List<String> returnedTypes = new ArrayList<>(List.of(fact.returnType()));
    returnedTypes.addAll(typeArgumentsOfReturn(fact)); // Optional<SecuredUser>, List<Account>, Mono<UserDetails>
    for (String returned : returnedTypes) {
      Optional<String> credential = credential(returned);
      if (credential.isPresent()) {
        return Optional.of(RETURNS_CREDENTIALS + TypeNames.simple(credential.get()) + "); " + kept(returned));
      }
      // record LoginAccount(User principal, String tenant): the login's credentials held in the answer
      for (TypeFact type : index.type(returned).stream().toList()) {
        for (Map.Entry<String, String> field : new java.util.TreeMap<>(type.fieldTypes()).entrySet()) {
          Optional<String> held = credential(field.getValue());
          if (held.isPresent()) {
            return Optional.of(RETURNS_CREDENTIALS + TypeNames.simple(held.get()) + ", held in " + type.simpleName() + "."
                + field.getKey() + "); " + kept(field.getValue()));
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * What caching credentials of the type does: kept in memory and handed to every login; and, where the object may be
   * a CredentialsContainer (Spring's User, an interface it implements, a type optkit cannot read), erased by the
   * first login. A project class that is no CredentialsContainer is not erased (trial 98: its AppUser implements
   * UserDetails alone, and the reason said a cached one fails the next login).
   */
  private String kept(String type) {
    String memory = CONSEQUENCE.replaceFirst("^a cache would keep what a login checks \\(password hashes\\) in memory",
        "a cache would keep them in memory");
    boolean projectClass = index.type(type).map(t -> t.kind().equals("class") || t.kind().equals("record")).orElse(false);
    // a subclass of it may be one: a cached answer may be an instance of it
    boolean erasable = java.util.stream.Stream.concat(java.util.stream.Stream.of(type), index.subtypesOf(type).stream())
        .anyMatch(each -> index.supertypesOf(each).stream().anyMatch(ERASED::contains));
    return projectClass && !erasable ? memory.substring(0, memory.indexOf(", and Spring Security erases")) : memory;
  }

  /** Spring Security's types whose credentials a login erases. */
  private static final Set<String> ERASED = Set.of("org.springframework.security.core.CredentialsContainer",
      "org.springframework.security.core.userdetails.User");

  /** The credential type (UserDetails...) objects of the type are, or empty. */
  Optional<String> credential(String type) {
    return index.supertypesOf(type).stream().filter(CREDENTIAL_TYPES::contains).findFirst();
  }

  /** The first SPI or login base class a type implements or extends. */
  private Optional<String> loginSpi(String type) {
    return index.supertypesOf(type).stream().filter(AUTHENTICATION_SPIS::contains).findFirst();
  }

  private synchronized Map<IndexedMethod, IndexedMethod> run() {
    if (run != null) {
      return run;
    }
    List<IndexedMethod> entries = new ArrayList<>();
    for (IndexedMethod method : index.methods()) {
      if (!SourceSet.isTestPath(method.path()) && entry(method)) {
        entries.add(method);
      }
    }
    entries.sort(Comparator.comparing(m -> m.key() + "@" + m.path()));
    Map<IndexedMethod, IndexedMethod> found = new HashMap<>();
    for (IndexedMethod entry : entries) {
      Deque<IndexedMethod> pending = new ArrayDeque<>(List.of(entry));
      while (!pending.isEmpty()) {
        IndexedMethod next = pending.poll();
        if (SourceSet.isTestPath(next.path()) || found.putIfAbsent(next, entry) != null) {
          continue;
        }
        pending.addAll(index.calleesOf(next));
      }
    }
    run = found;
    return run;
  }

  /** Password checks: a login written by hand compares the password it is given with the stored hash through them. */
  private static final Map<String, String> PASSWORD_CHECKS = Map.of(
      "org.springframework.security.crypto.password.PasswordEncoder", "matches",
      "org.springframework.security.crypto.bcrypt.BCrypt", "checkpw",
      "org.mindrot.jbcrypt.BCrypt", "checkpw");

  /**
   * Whether the method checks a password itself ({@code passwordEncoder.matches(password, user.getPassword())}): a
   * login written by hand, beside the framework's SPIs (a trial's bank service cached the user its loginUser() read).
   */
  private boolean checksPassword(MethodFact fact) {
    return fact.allCalls().stream().anyMatch(call -> call.receiverType() != null
        && index.supertypesOf(call.receiverType()).stream()
            .anyMatch(type -> call.name().equals(PASSWORD_CHECKS.get(type))));
  }

  /** Whether a login enters the project through the method. */
  private boolean entry(IndexedMethod method) {
    MethodFact fact = method.fact();
    if (index.supertypesOf(fact.returnType()).stream().anyMatch(AUTHENTICATION_SPIS::contains)) {
      return true; // it makes a login service: its lambda is the login
    }
    if (checksPassword(fact)) {
      return true;
    }
    String owner = fact.ownerType();
    List<String> spis = index.supertypesOf(owner).stream().filter(AUTHENTICATION_SPIS::contains).toList();
    if (spis.isEmpty()) {
      return false;
    }
    Optional<TypeFact> declared = index.type(owner);
    // a superclass (the project's, or a library's whose methods call back hooks of its subclasses) or a project
    // subclass (whose overrides a login may run): every method may be the login's; project interfaces are no such
    boolean family = declared.isEmpty() || declared.get().superTypes().stream()
        .anyMatch(s -> !declared.get().interfaces().contains(s) && !s.equals("java.lang.Object") && !s.equals("Object"))
        || !index.subtypesOf(owner).isEmpty();
    // another security interface beside the SPI (a PersistentTokenRepository's getTokenForSeries, which a remember-me
    // login calls): the framework calls its methods where optkit does not see it
    boolean otherSecurity = declared.isPresent() && declared.get().interfaces().stream()
        .anyMatch(i -> SECURITY_PACKAGES.stream().anyMatch(i::startsWith) && !LOGIN_METHODS.containsKey(i));
    if (family || otherSecurity || !spis.stream().allMatch(LOGIN_METHODS::containsKey)) {
      return true;
    }
    Set<String> callbacks = new HashSet<>();
    spis.forEach(s -> callbacks.addAll(LOGIN_METHODS.get(s)));
    return callbacks.contains(fact.name());
  }

  /**
   * The types among the type arguments of a method's return type, read from its signature with JavaParser: the
   * project's ({@code SecuredUser} of {@code Optional<SecuredUser>}), and where no project type has the name a
   * credential type of the library it names ({@code UserDetails} of {@code Optional<UserDetails>}; not "User", which
   * many libraries name a class).
   */
  private List<String> typeArgumentsOfReturn(MethodFact fact) {
    List<String> found = new ArrayList<>();
    for (var argument : ReturnTypeArguments.of(fact)) {
      argument.findAll(com.github.javaparser.ast.type.ClassOrInterfaceType.class).forEach(type -> {
        List<TypeFact> project = index.typesNamed(type.getNameAsString());
        project.forEach(t -> found.add(t.qualifiedName()));
        if (project.isEmpty()) {
          CREDENTIAL_TYPES.stream().filter(c -> TypeNames.simple(c).equals(type.getNameAsString()) && !TypeNames.simple(c).equals("User"))
              .forEach(found::add);
        }
      });
    }
    return found;
  }

}
