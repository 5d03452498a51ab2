package dev.optkit.analyzers.index;

import dev.optkit.analyzers.facts.types.TypeNames;
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

  /** How a read of thread-bound state ends its description: it reads that, not the caller's identity as such. */
  private static final String THREAD_BOUND = ", state bound to the calling thread";

  /** Scopes whose bean is one for the context, or a new one per lookup: neither bound to a request or thread. */
  private static final Set<String> CONTEXT_SCOPES = Set.of("singleton", "prototype", "application", "refresh", "",
      "ConfigurableBeanFactory.SCOPE_SINGLETON", "ConfigurableBeanFactory.SCOPE_PROTOTYPE", "SCOPE_SINGLETON",
      "SCOPE_PROTOTYPE", "WebApplicationContext.SCOPE_APPLICATION");

  private final ProjectIndex index;
  private final LoginCode login;
  private Map<String, String> readers;

  public PerUserCode(ProjectIndex index) {
    this.index = index;
    this.login = new LoginCode(index);
  }

  /** Why the method is a login's own code (a method of an authentication SPI's implementation), or empty. */
  public Optional<String> authentication(IndexedMethod method) {
    return login.authentication(method);
  }

  /**
   * Why a login reads what the method answers: a caller a login runs, however deep ("a login reads it
   * (UserService.account(), UserService implements UserDetailsService; ...)"); test code is no login.
   */
  public Optional<String> readByLogin(IndexedMethod method) {
    return index.callersOf(method).stream().filter(c -> !dev.optkit.analyzers.source.SourceSet.isTestPath(c.path()))
        .flatMap(c -> login.whyRun(c).map(why -> "a login reads it (" + c.fact().displayName() + "(), " + why + ")")
            .or(() -> login.whyMadeInto(method, c)).stream())
        .findFirst();
  }

  /** Whether objects of the type are a login's credentials: a {@code UserDetails}, Spring's {@code User} and the like. */
  public boolean credentials(String type) {
    return login.credential(type).isPresent();
  }

  /** Why the method's answer depends on the caller's identity, or empty when nothing says so. */
  public Optional<String> whyPerUser(IndexedMethod method) {
    Optional<String> secured = securityAnnotation(method);
    if (secured.isPresent()) {
      return secured;
    }
    Optional<String> authentication = login.authentication(method);
    if (authentication.isPresent()) {
      return authentication;
    }
    String reason = readers().get(method.key() + "@" + method.path());
    if (reason != null) {
      return Optional.of(reason);
    }
    Optional<String> routing = tenantRouting().filter(r -> index.reachedIo(method).stream()
        .anyMatch(io -> io.site().kind() == dev.optkit.analyzers.catalog.ClientKind.DB))
        .map(r -> "reads the database, whose rows depend on the calling thread's tenant (" + r + ")" + CACHED_ANSWER);
    return routing.or(() -> filteredRead(method));
  }

  /** Loads of one row by its key: Hibernate applies no filter to them (a filter narrows queries only). */
  private static final Set<String> LOADS_BY_KEY = Set.of("findById", "getReferenceById", "getById", "getOne", "find",
      "load", "get");

  /**
   * A read of an entity a Hibernate filter narrows, where the project enables one per session (a tenant's rows only):
   * a repository query of a filtered entity, or a query that touches its table, or one whose tables cannot be told.
   * A load by key is no query, and no filter narrows it.
   */
  private Optional<String> filteredRead(IndexedMethod method) {
    if (!index.enablesFilters()) {
      return Optional.empty();
    }
    Filters filters = filters();
    DataFootprint.Reader footprints = index.footprints();
    for (ReachedIo io : index.reachedIo(method)) {
      if (io.site().kind() != dev.optkit.analyzers.catalog.ClientKind.DB
          || io.site().sql() == null && LOADS_BY_KEY.contains(io.site().method()) && !filters.loadsByKey()) {
        continue;
      }
      Optional<TypeFact> stored = io.site().sql() == null ? footprints.storedEntity(io.site()).flatMap(index::type)
          : Optional.empty();
      Optional<String> filtered = stored.filter(filters.entities()::contains).map(TypeFact::simpleName);
      if (stored.isEmpty()) {
        DataFootprint read = footprints.of(io.site());
        filtered = read.unknown() ? Optional.of("a query whose tables optkit cannot tell")
            : filters.entities().stream().filter(e -> footprints.tableName(e).filter(read.names()::contains).isPresent())
                .map(TypeFact::simpleName).findFirst();
      }
      if (filtered.isPresent()) {
        return Optional.of("reads " + filtered.get() + " through " + io.site().method() + "(), whose rows a Hibernate "
            + "filter the project enables per session narrows (to a tenant's rows, or what its condition keeps)" + CACHED_ANSWER);
      }
    }
    return Optional.empty();
  }

  /**
   * The project's Hibernate filters, read once: the types one narrows (on the type or a class it extends, {@code
   * @Filter} on a mapped superclass), by name; and whether one narrows loads by key too ({@code @FilterDef(
   * applyToLoadByKey = true)}, Hibernate 6.5).
   */
  private record Filters(List<TypeFact> entities, boolean loadsByKey) {}

  private Filters filters;

  private synchronized Filters filters() {
    if (filters == null) {
      filters = new Filters(index.types().stream()
          .filter(type -> index.supertypesOf(type.qualifiedName()).stream().map(index::type).flatMap(Optional::stream)
              .anyMatch(TypeFact::filtered))
          .sorted(java.util.Comparator.comparing(TypeFact::qualifiedName)).toList(),
          index.types().stream().anyMatch(t -> "true".equals(t.annotationValue("FilterDef", "applyToLoadByKey"))));
    }
    return filters;
  }

  /** Implementing one of these makes what a query answers depend on the thread's tenant: the lookup key, the resolver. */
  private static final Set<String> TENANT_ROUTERS = Set.of(
      "org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource",
      "org.hibernate.context.spi.CurrentTenantIdentifierResolver",
      "org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider");

  private Optional<String> tenantRouting;

  /**
   * What routes the project's queries by the thread's tenant, or empty: a routing DataSource's lookup key, Hibernate's
   * tenant resolver (behind {@code @TenantId} and schema or database per tenant) or connection provider. Any query may
   * go through it, so every database read is the tenant's.
   */
  private synchronized Optional<String> tenantRouting() {
    if (tenantRouting == null) {
      List<TypeFact> types = index.types().stream().sorted(java.util.Comparator.comparing(TypeFact::qualifiedName)).toList();
      tenantRouting = types.stream().flatMap(type -> index.supertypesOf(type.qualifiedName()).stream()
              .filter(TENANT_ROUTERS::contains).filter(router -> routesByCaller(type, router))
              .map(router -> type.simpleName() + " " + (router.endsWith("DataSource") ? "extends " : "implements ")
                  + TypeNames.simple(router)))
          .findFirst()
          // new AbstractRoutingDataSource() { ... } in a @Bean method: what its key reads is not looked into
          .or(() -> index.files().stream().sorted(java.util.Comparator.comparing(f -> f.path()))
              .flatMap(f -> f.creations().stream().filter(c -> TENANT_ROUTERS.contains(c.type()))
                  .map(c -> f.path() + ":" + c.range().line() + " makes " + (c.anonymous() ? "an anonymous " + TypeNames.simple(c.type())
                      : article(TypeNames.simple(c.type())))))
              .findFirst())
          // a DataSource of the project's that reads the thread's state as it hands out connections (a schema per tenant)
          .or(() -> types.stream().filter(type -> index.supertypesOf(type.qualifiedName()).stream()
                  .anyMatch(DATA_SOURCES::contains))
              .flatMap(type -> index.methodsOfType(type.qualifiedName()).stream()
                  .filter(m -> readers().containsKey(key(m)))
                  .map(m -> type.simpleName() + ", a DataSource, reads the caller's state in " + m.fact().name()
                      + "() as it hands out connections"))
              .findFirst());
    }
    return tenantRouting;
  }

  /**
   * Whether a routing DataSource's lookup key depends on the caller: its {@code determineCurrentLookupKey} reads the
   * caller's state, or optkit cannot see it. One routing by the transaction's read-only flag (a replica) does not.
   */
  private boolean routesByCaller(TypeFact type, String router) {
    if (!router.endsWith("AbstractRoutingDataSource")) {
      return true;
    }
    List<IndexedMethod> key = index.supertypesOf(type.qualifiedName()).stream()
        .flatMap(t -> index.methods(t, "determineCurrentLookupKey").stream()).toList();
    return key.isEmpty() || key.stream().anyMatch(m -> readers().containsKey(key(m)));
  }

  /** javax.sql.DataSource and the library classes a project's own DataSource extends. */
  private static final Set<String> DATA_SOURCES = Set.of("javax.sql.DataSource",
      "org.springframework.jdbc.datasource.DelegatingDataSource", "org.springframework.jdbc.datasource.AbstractDataSource",
      "org.springframework.jdbc.datasource.AbstractDriverBasedDataSource",
      "org.springframework.jdbc.datasource.DriverManagerDataSource",
      "org.springframework.jdbc.datasource.SimpleDriverDataSource",
      "org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy",
      "org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy",
      "org.springframework.jdbc.datasource.UserCredentialsDataSourceAdapter", "com.zaxxer.hikari.HikariDataSource");


  /** A security annotation on the method, its class, or the declarations it overrides or inherits. */
  private Optional<String> securityAnnotation(IndexedMethod method) {
    MethodFact fact = method.fact();
    for (String ancestor : index.supertypesOf(fact.ownerType())) {
      Optional<String> onType = index.type(ancestor).flatMap(t -> t.annotations().stream()
          .filter(a -> securing(a, new java.util.HashSet<>())).findFirst());
      if (onType.isPresent()) {
        return Optional.of("secured: @" + TypeNames.simple(onType.get()) + " on " + TypeNames.simple(ancestor)
            + "; a cache would answer callers the check would refuse");
      }
      for (IndexedMethod declared : index.methods(ancestor, fact.name())) {
        if (declared.fact().params().size() != fact.params().size()) {
          continue;
        }
        Optional<String> onMethod = declared.fact().annotations().stream()
            .filter(a -> securing(a, new java.util.HashSet<>())).findFirst();
        if (onMethod.isPresent()) {
          return Optional.of("secured: @" + TypeNames.simple(onMethod.get()) + " on " + declared.fact().displayName()
              + "; a cache would answer callers the check would refuse");
        }
      }
    }
    return Optional.empty();
  }

  /** A security annotation, itself or through project meta-annotations ({@code @OwnedOnly} carrying {@code @PostFilter}). */
  private boolean securing(String annotation, Set<String> seen) {
    if (SECURITY_ANNOTATIONS.contains(TypeNames.simple(annotation))) {
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
        found.put(keys.get(method), (direct.get().endsWith(THREAD_BOUND) ? "reads " + direct.get()
            : "reads the caller's identity or request (" + direct.get() + ")") + CACHED_ANSWER);
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
      Optional<String> scope = index.type(call.receiverType()).flatMap(t -> scope(t, new java.util.HashSet<>()))
          .or(() -> Optional.ofNullable(beanMethodScopes().get(TypeNames.simple(call.receiverType()))));
      if (scope.isPresent()) {
        return Optional.of(TypeNames.simple(call.receiverType()) + "." + call.name() + "() of a " + scope.get() + " bean");
      }
    }
    return Optional.empty();
  }

  /**
   * The scope of a bean class that is bound to the request, the session, the thread or whatever a custom scope (a
   * tenant's) keys it by: any but the context's own (singleton, prototype, application, refresh), written on the class
   * or on a project annotation it carries ({@code @TenantScoped} meta-annotated {@code @Scope("tenant")}).
   */
  private Optional<String> scope(TypeFact type, Set<String> seen) {
    if (type.hasAnnotation("RequestScope") || type.hasAnnotation("SessionScope")) {
      return Optional.of("@" + (type.hasAnnotation("RequestScope") ? "RequestScope" : "SessionScope"));
    }
    String value = type.annotationValue("Scope", "value");
    if (value == null) {
      value = type.annotationValue("Scope", "scopeName");
    }
    if (value != null && !CONTEXT_SCOPES.contains(value) && !value.equals(TypeFact.UNRESOLVED)) {
      return Optional.of("@Scope(\"" + value + "\")");
    }
    for (String annotation : type.annotations()) {
      if (seen.add(annotation)) {
        Optional<String> meta = index.type(annotation).flatMap(a -> scope(a, seen));
        if (meta.isPresent()) {
          return Optional.of("@" + TypeNames.simple(annotation) + " (" + meta.get() + ")");
        }
      }
    }
    return Optional.empty();
  }

  private Map<String, String> beanMethodScopes;

  /**
   * Beans a {@code @Bean} method makes in a scope bound to the request, session or thread, by the simple name of the
   * type it returns: the scope is on the method, not on the class.
   */
  private synchronized Map<String, String> beanMethodScopes() {
    if (beanMethodScopes == null) {
      Map<String, String> scopes = new HashMap<>();
      for (IndexedMethod method : index.methods()) {
        MethodFact fact = method.fact();
        if (!fact.hasAnnotation("Bean") || fact.returnType() == null) {
          continue;
        }
        String value = fact.annotationValue("Scope");
        String scope = fact.hasAnnotation("RequestScope") ? "@RequestScope"
            : fact.hasAnnotation("SessionScope") ? "@SessionScope"
            : value != null && !CONTEXT_SCOPES.contains(value) && !value.equals(TypeFact.UNRESOLVED)
                ? "@Scope(\"" + value + "\")" : null;
        if (scope != null) {
          String returned = fact.returnType().indexOf('<') < 0 ? fact.returnType()
              : fact.returnType().substring(0, fact.returnType().indexOf('<'));
          scopes.putIfAbsent(TypeNames.simple(returned), scope + " (@Bean " + fact.displayName() + "())");
        }
      }
      beanMethodScopes = scopes;
    }
    return beanMethodScopes;
  }

  private Optional<String> directRead(MethodFact fact) {
    // a field of its class holding thread-bound state (private static final ThreadLocal<String> CURRENT), whose calls
    // on the JDK's type are no call facts: the field read is the read of the thread's state
    Optional<TypeFact> owner = index.type(fact.ownerType());
    for (String field : fact.fieldsRead()) {
      Optional<ThreadBoundState.Holder> holder = holderField(owner, field);
      if (holder.isPresent()) {
        return Optional.of(field + ", " + article(holder.get().simpleName()) + THREAD_BOUND);
      }
    }
    // TenantHolder.CURRENT.get(): another class's static holder, read directly
    for (String read : fact.otherStaticsRead()) {
      int hash = read.indexOf('#');
      if (hash > 0) {
        Optional<ThreadBoundState.Holder> holder = holderField(index.type(read.substring(0, hash)), read.substring(hash + 1));
        if (holder.isPresent()) {
          return Optional.of(TypeNames.simple(read.substring(0, hash)) + "." + read.substring(hash + 1) + ", "
              + article(holder.get().simpleName()) + THREAD_BOUND);
        }
      }
    }
    for (ParamFact param : fact.params()) {
      if (IDENTITY_PARAMETERS.contains(param.qualifiedType())) {
        return Optional.of("parameter " + param.type() + " " + param.name());
      }
    }
    for (CallRef call : fact.calls()) {
      String receiver = call.receiverType();
      if (receiver != null && (CONTEXT_TYPES.contains(receiver) || CONTEXT_SIMPLE_NAMES.contains(receiver))) {
        return Optional.of(TypeNames.simple(receiver) + "." + call.name() + "()");
      }
      // MDC, a ThreadLocal however it is held: what the caller's thread holds, set wherever (a filter optkit does not
      // read), is part of the answer
      Optional<ThreadBoundState.Holder> holder = ThreadBoundState.callerContext(receiver);
      if (holder.isPresent() && !ThreadBoundState.writesOnly(call.name())) {
        return Optional.of(holder.get().simpleName() + "." + call.name() + "()" + THREAD_BOUND);
      }
    }
    // a static call the extractor could not type (SecurityContextHolder.getContext() it took for a field a static
    // import might bring): by its name as written, which refuses, never caches (trial 80)
    for (CallRef call : fact.calls()) {
      String snippet = call.snippet();
      int dot = snippet == null ? -1 : snippet.indexOf('.');
      if (call.receiverType() == null && dot > 0 && CONTEXT_SIMPLE_NAMES.contains(snippet.substring(0, dot).strip())) {
        return Optional.of(snippet.substring(0, dot).strip() + "." + call.name() + "()");
      }
      if (call.receiverType() == null && dot > 0 && ThreadBoundState.callerContext(snippet.substring(0, dot).strip())
          .isPresent() && call.name().equals("get")) {
        return Optional.of(snippet.substring(0, dot).strip() + "." + call.name() + "()" + THREAD_BOUND);
      }
    }
    return Optional.empty();
  }

  /** The holder a field of the type is: its declared type, or a project class extending one (a ThreadLocal subclass). */
  private Optional<ThreadBoundState.Holder> holderField(Optional<TypeFact> owner, String field) {
    String type = owner.map(t -> t.fieldTypes().get(field)).orElse(null);
    if (type == null) {
      return Optional.empty();
    }
    String raw = type.indexOf('<') < 0 ? type : type.substring(0, type.indexOf('<'));
    return index.supertypesOf(raw).stream().map(ThreadBoundState::callerContext).flatMap(Optional::stream).findFirst()
        .or(() -> ThreadBoundState.callerContext(raw));
  }

  /** "a ThreadLocal", "an InheritableThreadLocal". */
  private static String article(String noun) {
    return ("AEIOU".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
  }

  private static String key(IndexedMethod method) {
    return method.key() + "@" + method.path();
  }

}
