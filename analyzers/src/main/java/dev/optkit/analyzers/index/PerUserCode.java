package dev.optkit.analyzers.index;

import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.ParamFact;
import dev.optkit.analyzers.facts.TypeFact;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Code whose answer depends on who asks: secured methods, and methods that read the security
 * context, the current request or the session, directly or through project methods. A cache keyed
 * by the parameters would serve one user's answer to another, or skip an authorisation check.
 * Reachability is computed once over the whole call graph (callers of a reader are readers), so
 * cycles and depth do not matter.
 */
public final class PerUserCode {
  /** What a per-user read means for a cache, the end of each reason (a loop rewrite, caching nothing, leaves it out). */
  public static final String CACHED_ANSWER = "; a cache keyed by its parameters would serve one user's answer to another";

  private static final Set<String> SECURITY_ANNOTATIONS = Set.of(
      "PreAuthorize", "PostAuthorize", "PreFilter", "PostFilter", "Secured", "RolesAllowed", "PermitAll", "DenyAll",
      "RequiresPermissions", "RequiresRoles", "RequiresUser", "RequiresAuthentication");
  /** Types whose static or instance calls read the caller's identity, request or session. */
  private static final Set<String> CONTEXT_TYPES = Set.of(
      "org.springframework.security.core.context.SecurityContextHolder",
      "org.springframework.security.core.context.ReactiveSecurityContextHolder",
      "org.springframework.security.core.context.SecurityContext",
      "org.springframework.security.core.Authentication",
      "org.springframework.web.context.request.RequestContextHolder",
      "jakarta.servlet.http.HttpServletRequest", "javax.servlet.http.HttpServletRequest",
      "jakarta.servlet.http.HttpSession", "javax.servlet.http.HttpSession",
      "jakarta.ws.rs.core.SecurityContext", "javax.ws.rs.core.SecurityContext",
      "jakarta.security.enterprise.SecurityContext", "org.apache.shiro.SecurityUtils",
      "org.springframework.web.server.ServerWebExchange");
  private static final Set<String> CONTEXT_SIMPLE_NAMES = Set.of(
      "SecurityContextHolder", "ReactiveSecurityContextHolder", "RequestContextHolder", "HttpServletRequest",
      "HttpSession", "SecurityUtils");
  /** Parameter types that carry the caller's identity or request. */
  private static final Set<String> IDENTITY_PARAMETERS = Set.of(
      "java.security.Principal", "org.springframework.security.core.Authentication",
      "org.springframework.security.core.userdetails.UserDetails", "jakarta.servlet.http.HttpServletRequest",
      "javax.servlet.http.HttpServletRequest", "jakarta.servlet.http.HttpSession", "javax.servlet.http.HttpSession",
      "org.springframework.web.server.ServerWebExchange", "jakarta.ws.rs.core.SecurityContext",
      "javax.ws.rs.core.SecurityContext");

  /** Authentication SPIs: what their implementations return is a login's credentials. */
  private static final Set<String> AUTHENTICATION_SPIS = Set.of(
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
   * The methods a login calls on each Spring Security SPI: a login runs these and what they call in their class, not
   * the class's other methods (trial 59: a UserDetailsService's sign-up and admin reads are no login). Shiro's realms
   * and Jakarta's identity stores are left whole: their logins run hooks of base classes (doGetAuthenticationInfo).
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
  /** Packages of security frameworks whose interfaces the framework calls back, unseen. */
  private static final List<String> SECURITY_PACKAGES = List.of("org.springframework.security.", "org.apache.shiro.",
      "jakarta.security.", "javax.security.");

  private final ProjectIndex index;
  private Map<String, String> readers;

  public PerUserCode(ProjectIndex index) {
    this.index = index;
  }

  /** Why the method is a login's own code (a method of an authentication SPI's implementation), or empty. */
  public Optional<String> authentication(IndexedMethod method) {
    return authenticationCode(method);
  }

  /** Whether objects of the type are a login's credentials: a {@code UserDetails}, Spring's {@code User} and the like. */
  public boolean credentials(String type) {
    return index.supertypesOf(type).stream().anyMatch(CREDENTIAL_TYPES::contains);
  }

  /** Why the method's answer depends on the caller's identity, or empty when nothing says so. */
  public Optional<String> whyPerUser(IndexedMethod method) {
    Optional<String> secured = securityAnnotation(method);
    if (secured.isPresent()) {
      return secured;
    }
    Optional<String> authentication = authenticationCode(method);
    if (authentication.isPresent()) {
      return authentication;
    }
    String reason = readers().get(method.key() + "@" + method.path());
    return Optional.ofNullable(reason);
  }

  /**
   * A login's own code: a method of a class implementing an authentication SPI, or one returning
   * credentials. Spring Security erases the credentials of the object a login used
   * ({@code eraseCredentials()}), so a cached one fails every later login with the right password;
   * and a cache would keep password hashes in memory.
   */
  private Optional<String> authenticationCode(IndexedMethod method) {
    return authenticationCode(method, new java.util.HashSet<>());
  }

  /** @param asking the methods whose answer is being decided (a cycle of callers proves nothing) */
  private Optional<String> authenticationCode(IndexedMethod method, Set<IndexedMethod> asking) {
    MethodFact fact = method.fact();
    Optional<String> spi = index.supertypesOf(fact.ownerType()).stream().filter(AUTHENTICATION_SPIS::contains)
        .findFirst();
    // a factory of the SPI (@Bean UserDetailsService users() { return name -> ...; }): its lambda is the login
    Optional<String> made = index.supertypesOf(fact.returnType()).stream().filter(AUTHENTICATION_SPIS::contains)
        .findFirst();
    if (made.isPresent()) {
      return Optional.of("authentication code: it makes the " + simple(made.get()) + " a login runs; a cache would "
          + "keep what a login checks (password hashes) in memory and hand one object to every login, and Spring "
          + "Security erases the credentials of a CredentialsContainer (its own User) a login used, so a cached one "
          + "of those fails the next login");
    }
    if (spi.isPresent() && asking.add(method) && loginRuns(method, asking)) {
      return Optional.of("authentication code: " + simple(fact.ownerType())
          + (LOGIN_BASE_CLASSES.contains(spi.get()) ? " extends " : " implements ") + simple(spi.get())
          + "; a cache would keep what a login checks (password hashes) in memory and hand one object to every "
          + "login, and Spring Security erases the credentials of a CredentialsContainer (its own User) a login "
          + "used, so a cached one of those fails the next login");
    }
    return returnsCredentials(fact);
  }

  /** Why the method's answer is a login's credentials ({@code UserDetails}, {@code Optional<UserDetails>}), or empty. */
  private Optional<String> returnsCredentials(MethodFact fact) {
    List<String> returnedTypes = new java.util.ArrayList<>(List.of(fact.returnType()));
    returnedTypes.addAll(typeArgumentsOfReturn(fact)); // Optional<SecuredUser>, List<Account>, Mono<UserDetails>
    for (String returned : returnedTypes.stream().flatMap(type -> index.supertypesOf(type).stream()).toList()) {
      if (CREDENTIAL_TYPES.contains(returned)) {
        return Optional.of("returns credentials (" + simple(returned) + "); a cache would keep them in memory and hand "
            + "one object to every login, and Spring Security erases the credentials of a CredentialsContainer (its "
            + "own User) a login used, so a cached one of those fails the next login");
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a login runs a method of a class implementing an authentication SPI: one of the methods the SPI calls
   * back ({@link #LOGIN_METHODS}), or one they call in the class, however deep. Every method counts where optkit does
   * not list an SPI's callbacks, and where the class is not the one place its login code can be: a project
   * superclass or subclass (whose overrides and inherited callbacks the walk would have to follow).
   */
  private boolean loginRuns(IndexedMethod method, Set<IndexedMethod> asking) {
    String owner = method.fact().ownerType();
    List<String> spis = index.supertypesOf(owner).stream().filter(AUTHENTICATION_SPIS::contains).toList();
    // a superclass of its own (the project's, or a library's such as DaoAuthenticationProvider, whose authenticate
    // calls back hooks like retrieveUser): the login may run any method of the class
    Optional<TypeFact> declared = index.type(owner);
    boolean family = declared.isEmpty() || declared.get().superTypes().stream()
        .anyMatch(s -> !declared.get().interfaces().contains(s) && !s.equals("java.lang.Object") && !s.equals("Object"))
        || index.supertypesOf(owner).stream().anyMatch(s -> !s.equals(owner) && index.type(s).isPresent())
        || !index.subtypesOf(owner).isEmpty();
    // another security interface beside the SPI (a PersistentTokenRepository's getTokenForSeries, which a remember-me
    // login calls): the framework calls its methods where optkit does not see it
    boolean otherSecurity = declared.isPresent() && declared.get().interfaces().stream()
        .anyMatch(i -> SECURITY_PACKAGES.stream().anyMatch(i::startsWith) && !LOGIN_METHODS.containsKey(i));
    if (family || otherSecurity || !spis.stream().allMatch(LOGIN_METHODS::containsKey)) {
      return true;
    }
    Set<String> callbacks = new java.util.HashSet<>();
    spis.forEach(s -> callbacks.addAll(LOGIN_METHODS.get(s)));
    Deque<IndexedMethod> pending = new ArrayDeque<>(index.methodsOfType(owner).stream()
        .filter(m -> callbacks.contains(m.fact().name())).toList());
    Set<IndexedMethod> seen = new java.util.HashSet<>();
    while (!pending.isEmpty()) {
      IndexedMethod next = pending.poll();
      if (!seen.add(next)) {
        continue;
      }
      if (next.equals(method)) {
        return true;
      }
      index.calleesOf(next).stream().filter(c -> c.fact().ownerType().equals(owner)).forEach(pending::add);
    }
    // not run by its own class's login: still a login's when login code elsewhere calls it (a provider's retrieveUser
    // calling userService.findLogin), or when it answers credentials
    return index.callersOf(method).stream().filter(c -> !dev.optkit.analyzers.source.SourceSet.isTestPath(c.path()))
        .anyMatch(c -> !c.fact().ownerType().equals(owner) && authenticationCode(c, asking).isPresent())
        || returnsCredentials(method.fact()).isPresent();
  }

  /**
   * The project types among the type arguments of a method's return type ({@code SecuredUser} of
   * {@code Optional<SecuredUser>}), read from its signature with JavaParser; none when it does not parse.
   */
  private List<String> typeArgumentsOfReturn(MethodFact fact) {
    List<String> found = new java.util.ArrayList<>();
    for (var argument : ReturnTypeArguments.of(fact)) {
      argument.findAll(com.github.javaparser.ast.type.ClassOrInterfaceType.class).forEach(type -> {
        List<TypeFact> project = index.typesNamed(type.getNameAsString());
        project.forEach(t -> found.add(t.qualifiedName()));
        if (project.isEmpty()) {
          // no project type of that name: the library's credential type it names (UserDetails of Optional<UserDetails>);
          // not "User", which many libraries name a class (a GitHub or Discord client's)
          CREDENTIAL_TYPES.stream().filter(c -> simple(c).equals(type.getNameAsString()) && !simple(c).equals("User"))
              .forEach(found::add);
        }
      });
    }
    return found;
  }

  /** A security annotation on the method, its class, or the declarations it overrides or inherits. */
  private Optional<String> securityAnnotation(IndexedMethod method) {
    MethodFact fact = method.fact();
    for (String ancestor : index.supertypesOf(fact.ownerType())) {
      Optional<String> onType = index.type(ancestor).flatMap(t -> t.annotations().stream()
          .filter(a -> securing(a, new java.util.HashSet<>())).findFirst());
      if (onType.isPresent()) {
        return Optional.of("secured: @" + simple(onType.get()) + " on " + simple(ancestor)
            + "; a cache would answer callers the check would refuse");
      }
      for (IndexedMethod declared : index.methods(ancestor, fact.name())) {
        if (declared.fact().params().size() != fact.params().size()) {
          continue;
        }
        Optional<String> onMethod = declared.fact().annotations().stream()
            .filter(a -> securing(a, new java.util.HashSet<>())).findFirst();
        if (onMethod.isPresent()) {
          return Optional.of("secured: @" + simple(onMethod.get()) + " on " + declared.fact().displayName()
              + "; a cache would answer callers the check would refuse");
        }
      }
    }
    return Optional.empty();
  }

  /** A security annotation, itself or through project meta-annotations ({@code @OwnedOnly} carrying {@code @PostFilter}). */
  private boolean securing(String annotation, Set<String> seen) {
    if (SECURITY_ANNOTATIONS.contains(simple(annotation))) {
      return true;
    }
    return seen.add(annotation) && index.type(annotation)
        .map(t -> t.annotations().stream().anyMatch(meta -> securing(meta, seen))).orElse(false);
  }

  void compute() {
    readers();
  }

  /** Every method that reads the caller's context, with the shortest explanation, by method key. */
  private synchronized Map<String, String> readers() {
    if (readers != null) {
      return readers;
    }
    Map<String, String> found = new HashMap<>();
    // each method's key built once: the walk below asks for it once per call edge
    Map<IndexedMethod, String> keys = new java.util.IdentityHashMap<>(index.methods().size() * 2);
    for (IndexedMethod method : index.methods()) {
      keys.put(method, key(method));
    }
    Map<String, List<IndexedMethod>> callers = new HashMap<>();
    Deque<IndexedMethod> queue = new ArrayDeque<>();
    for (IndexedMethod method : index.methods()) {
      Optional<String> direct = directRead(method.fact()).or(() -> scopedBeanRead(method.fact()));
      if (direct.isPresent()) {
        found.put(keys.get(method), "reads the caller's identity or request (" + direct.get() + ")" + CACHED_ANSWER);
        queue.add(method);
      }
      for (IndexedMethod target : index.calleesOf(method)) {
        callers.computeIfAbsent(keys.get(target), k -> new java.util.ArrayList<>()).add(method);
      }
    }
    while (!queue.isEmpty()) {
      IndexedMethod reader = queue.poll();
      for (IndexedMethod caller : callers.getOrDefault(keys.get(reader), List.of())) {
        if (!found.containsKey(keys.get(caller))) {
          found.put(keys.get(caller), "calls " + reader.fact().displayName() + "(), which " + found.get(keys.get(reader)));
          queue.add(caller);
        }
      }
    }
    readers = found;
    return found;
  }

  /** A call on a request- or session-scoped bean: its state is the current request's or user's. */
  private Optional<String> scopedBeanRead(MethodFact fact) {
    for (CallRef call : fact.calls()) {
      if (call.receiverType() == null || call.receiverType().equals(fact.ownerType())) {
        continue;
      }
      Optional<String> scope = index.type(call.receiverType()).flatMap(t -> {
        if (t.hasAnnotation("RequestScope") || t.hasAnnotation("SessionScope")) {
          return Optional.of("@" + (t.hasAnnotation("RequestScope") ? "RequestScope" : "SessionScope"));
        }
        String value = t.annotationValue("Scope", "value");
        return value != null && (value.contains("request") || value.contains("session"))
            ? Optional.of("@Scope(\"" + value + "\")") : Optional.empty();
      });
      if (scope.isPresent()) {
        return Optional.of(simple(call.receiverType()) + "." + call.name() + "() of a " + scope.get() + " bean");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> directRead(MethodFact fact) {
    for (ParamFact param : fact.params()) {
      if (IDENTITY_PARAMETERS.contains(param.qualifiedType())) {
        return Optional.of("parameter " + param.type() + " " + param.name());
      }
    }
    for (CallRef call : fact.calls()) {
      String receiver = call.receiverType();
      if (receiver != null && (CONTEXT_TYPES.contains(receiver) || CONTEXT_SIMPLE_NAMES.contains(receiver))) {
        return Optional.of(simple(receiver) + "." + call.name() + "()");
      }
    }
    return Optional.empty();
  }

  private static String key(IndexedMethod method) {
    return method.key() + "@" + method.path();
  }

  private static String simple(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }
}
