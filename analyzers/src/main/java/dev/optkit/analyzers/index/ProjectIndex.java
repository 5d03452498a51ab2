package dev.optkit.analyzers.index;

import dev.optkit.analyzers.catalog.ClientCatalog;
import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.catalog.DeclaredClientSignature;
import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.ArgumentKinds;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.FactExtractor;
import dev.optkit.analyzers.facts.FileFacts;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.TypeFact;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The whole project seen through its files' facts: types, their hierarchy, the call graph over
 * method summaries, and the I/O each method reaches transitively (to a bounded depth).
 */
public final class ProjectIndex {
  private static final Set<String> HTTP_VERB_ANNOTATIONS = Set.of(
      "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

  private static final int MAX_FOLLOWED_OVERRIDES = 2;

  private final List<FileFacts> files;
  private final MyBatisXmlMappers xmlMappers;
  private final SchemaViews views;
  private final SchemaWriteEffects writeEffects;
  private final OrmXmlMappings ormXml;
  private final ClientCatalog catalog;
  private final int maxDepth;
  private final Map<String, TypeFact> types = new HashMap<>();
  private final Map<String, String> typePaths = new HashMap<>();
  /** By type, then by name: call targets ask it per supertype and subtype, and a "type#name" key was a new string each time. */
  private final Map<String, Map<String, List<IndexedMethod>>> methodsByTypeAndName = new HashMap<>();
  private final Map<String, List<IndexedMethod>> methodsByName = new HashMap<>();
  private final Map<String, List<IndexedMethod>> methodsByType = new HashMap<>();
  private final Map<String, List<TypeFact>> typesBySimpleName = new HashMap<>();
  private final Map<String, Set<String>> subtypes = new HashMap<>();
  private final Map<String, Optional<DeclaredClientSignature>> declaredClients = new HashMap<>();
  /**
   * Call targets by what decides them (receiver type, name, argument count), not by call site: the
   * same call shape recurs thousands of times in a large project, and each was computed anew.
   */
  private record CallShape(String receiverType, String name, int argumentCount, String qualifier, String argumentKinds) {
    CallShape(CallRef call) {
      this(call.receiverType(), call.name(), call.argumentCount(), call.qualifier(), call.argumentKinds());
    }
  }

  // concurrent: the call graph is built on a second thread while the rules ask for call targets (graphQuestions)
  private final Map<CallShape, List<IndexedMethod>> callTargets = new ConcurrentHashMap<>();
  /** Every override included, by call shape. */
  private final Map<CallShape, List<IndexedMethod>> allCallTargets = new ConcurrentHashMap<>();
  private Map<IndexedMethod, List<IndexedMethod>> allCallers;
  private Map<IndexedMethod, List<IndexedMethod>> allCallees;
  private final Map<IndexedMethod, List<IoSite>> declaredSites = new java.util.IdentityHashMap<>();
  private final Map<IndexedMethod, List<IoSite>> sites = new java.util.IdentityHashMap<>();
  private final List<IndexedMethod> methods = new ArrayList<>();
  private final IoReachability reachability = new IoReachability(this);

  public ProjectIndex(List<FileFacts> files, ClientCatalog catalog, int maxDepth) {
    this(files, catalog, maxDepth, MyBatisXmlMappers.none());
  }

  /** @param xmlMappers MyBatis statements declared in XML, for mapper interfaces without annotations */
  public ProjectIndex(List<FileFacts> files, ClientCatalog catalog, int maxDepth, MyBatisXmlMappers xmlMappers) {
    this(files, catalog, maxDepth, xmlMappers, SchemaViews.none());
  }

  /** @param views the views the project's SQL scripts create: reading one reads the tables behind it */
  public ProjectIndex(List<FileFacts> files, ClientCatalog catalog, int maxDepth, MyBatisXmlMappers xmlMappers,
      SchemaViews views) {
    this(files, catalog, maxDepth, xmlMappers, views, SchemaWriteEffects.none());
  }

  /** @param writeEffects what a write to a table also writes: triggers (anything), cascading foreign keys */
  public ProjectIndex(List<FileFacts> files, ClientCatalog catalog, int maxDepth, MyBatisXmlMappers xmlMappers,
      SchemaViews views, SchemaWriteEffects writeEffects) {
    this(files, catalog, maxDepth, xmlMappers, views, writeEffects, OrmXmlMappings.none());
  }

  /** @param ormXml JPA entities and associations mapped in XML ({@code orm.xml}), beside the annotations */
  public ProjectIndex(List<FileFacts> files, ClientCatalog catalog, int maxDepth, MyBatisXmlMappers xmlMappers,
      SchemaViews views, SchemaWriteEffects writeEffects, OrmXmlMappings ormXml) {
    this.views = views;
    this.writeEffects = writeEffects;
    this.ormXml = ormXml;
    this.xmlMappers = xmlMappers;
    this.files = List.copyOf(files);
    this.catalog = catalog;
    this.maxDepth = maxDepth;
    for (FileFacts file : files) {
      for (TypeFact type : file.types()) {
        types.putIfAbsent(type.qualifiedName(), type);
        typePaths.putIfAbsent(type.qualifiedName(), file.path());
        typesBySimpleName.computeIfAbsent(type.simpleName(), k -> new ArrayList<>()).add(type);
        for (String superType : type.superTypes()) {
          subtypes.computeIfAbsent(superType, k -> new HashSet<>()).add(type.qualifiedName());
        }
      }
      for (MethodFact method : file.methods()) {
        IndexedMethod indexed = new IndexedMethod(file.path(), method);
        methods.add(indexed);
        methodsByTypeAndName.computeIfAbsent(method.ownerType(), k -> new HashMap<>())
            .computeIfAbsent(method.name(), k -> new ArrayList<>()).add(indexed);
        methodsByName.computeIfAbsent(method.name(), k -> new ArrayList<>()).add(indexed);
        methodsByType.computeIfAbsent(method.ownerType(), k -> new ArrayList<>()).add(indexed);
      }
    }
  }

  public List<FileFacts> files() {
    return files;
  }

  public List<IndexedMethod> methods() {
    return Collections.unmodifiableList(methods);
  }

  /** Every project type of this simple name, each declaration counted (two files may declare one name). */
  public List<TypeFact> typesNamed(String simpleName) {
    return Collections.unmodifiableList(typesBySimpleName.getOrDefault(simpleName, List.of()));
  }

  public Optional<TypeFact> type(String qualifiedName) {
    return Optional.ofNullable(types.get(qualifiedName));
  }

  /**
   * The answer remembered for a key, computed once. Not {@code computeIfAbsent}: computing one
   * answer asks for others (declared sites ask for call targets), which would change the map
   * while it computes.
   */
  private static <K, V> V remembered(Map<K, V> memo, K key, java.util.function.Function<K, V> compute) {
    V known = memo.get(key);
    if (known == null) {
      known = compute.apply(key);
      memo.put(key, known);
    }
    return known;
  }

  /** Project supertypes of a type, itself first, nearest first. */
  public List<String> supertypesOf(String type) {
    return remembered(supertypes, type, this::computeSupertypes);
  }

  /** Ancestries and descendants by type: every call target asks for its receiver's. */
  private final Map<String, List<String>> supertypes = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> allSubtypes = new ConcurrentHashMap<>();

  private List<String> computeSupertypes(String type) {
    List<String> result = new ArrayList<>();
    Deque<String> queue = new ArrayDeque<>(List.of(type));
    Set<String> seen = new HashSet<>();
    while (!queue.isEmpty()) {
      String current = queue.poll();
      if (!seen.add(current)) {
        continue;
      }
      result.add(current);
      TypeFact fact = types.get(current);
      if (fact != null) {
        queue.addAll(fact.superTypes());
      }
    }
    return java.util.Collections.unmodifiableList(result);
  }

  /** Whether a project type extends or implements this one. */
  public boolean hasSubtypes(String type) {
    return !subtypes.getOrDefault(type, Set.of()).isEmpty();
  }

  /** Every project type extending or implementing this one, at any depth. */
  public Set<String> subtypesOf(String type) {
    return remembered(allSubtypes, type, t -> java.util.Collections.unmodifiableSet(computeSubtypes(t)));
  }

  private Set<String> computeSubtypes(String type) {
    Set<String> result = new HashSet<>();
    Deque<String> queue = new ArrayDeque<>(List.of(type));
    while (!queue.isEmpty()) {
      for (String sub : subtypes.getOrDefault(queue.poll(), Set.of())) {
        if (result.add(sub)) {
          queue.add(sub);
        }
      }
    }
    return result;
  }

  /** Whether a site's client reads a remote cache store (Redis, Memcached...). */
  /** Whether a method of this name is one the catalogue lists for some client: a call of it may be I/O. */
  public boolean isClientMethodName(String name) {
    return catalog.isCandidateMethod(name);
  }

  public boolean isCacheStore(IoSite site) {
    return catalog.isCacheStore(site.clientId());
  }

  /** The declared-client signature a project type matches (Feign, Spring Data...), if any. */
  public Optional<DeclaredClientSignature> declaredClient(String type) {
    Optional<DeclaredClientSignature> cached = declaredClients.get(type);
    if (cached != null) {
      return cached;
    }
    Optional<DeclaredClientSignature> result = Optional.empty();
    TypeFact fact = types.get(type);
    if (fact != null && fact.isInterface() && xmlMappers.isMapper(type)) {
      result = catalog.declaredClients().stream().filter(d -> d.id().equals("mybatis-mapper")).findFirst();
    } else if (fact != null && fact.isInterface()) {
      List<String> ancestry = supertypesOf(type);
      for (DeclaredClientSignature signature : catalog.declaredClients()) {
        if (matches(signature, ancestry)) {
          result = Optional.of(signature);
          break;
        }
      }
      if (result.isEmpty()) {
        result = declaredByAnnotations(type, ancestry);
      }
    }
    declaredClients.put(type, result);
    return result;
  }

  /** Method annotations that declare a query, whatever library they come from (by simple name). */
  private static final Set<String> SQL_DECLARATIONS = Set.of(
      "Query", "NativeQuery", "Select", "Insert", "Update", "Delete", "SqlQuery", "SqlUpdate", "SqlBatch", "SqlCall");
  /** Method annotations that declare an HTTP request on a client interface (not Spring MVC's server mappings). */
  private static final Set<String> HTTP_DECLARATIONS = Set.of(
      "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "Get", "Post", "Put", "Delete", "Patch", "Head",
      "Options", "RequestLine");

  /**
   * The generic rule beside the catalogue: an interface no project class implements whose methods
   * carry query or HTTP declaration annotations is a client of a library optkit has never heard of
   * (the library implements it at run time). An interface the project implements is its own
   * server side (a JAX-RS resource interface, a generated API) and is left alone.
   */
  private Optional<DeclaredClientSignature> declaredByAnnotations(String type, List<String> ancestry) {
    if (hasSubtypes(type)) {
      return Optional.empty();
    }
    for (String ancestor : ancestry) {
      for (IndexedMethod method : methodsOfType(ancestor)) {
        for (String annotation : method.fact().annotations()) {
          String simple = annotation.substring(annotation.lastIndexOf('.') + 1);
          if (SQL_DECLARATIONS.contains(simple)) {
            return Optional.of(new DeclaredClientSignature("declared-query-interface", ClientKind.DB,
                "declared queries (@" + simple + ")", List.of(), List.of(annotation), List.of()));
          }
          if (HTTP_DECLARATIONS.contains(simple)) {
            return Optional.of(new DeclaredClientSignature("declared-http-interface", ClientKind.API,
                "declared HTTP client (@" + simple + ")", List.of(), List.of(annotation), List.of()));
          }
        }
      }
    }
    return Optional.empty();
  }

  private boolean matches(DeclaredClientSignature signature, List<String> ancestry) {
    for (String ancestor : ancestry) {
      if (signature.superTypes().contains(ancestor)) {
        return true;
      }
      TypeFact fact = types.get(ancestor);
      if (fact == null) {
        continue;
      }
      if (fact.annotations().stream().anyMatch(signature.typeAnnotations()::contains)) {
        return true;
      }
      for (IndexedMethod method : methodsOfType(ancestor)) {
        if (method.fact().annotations().stream().anyMatch(signature.methodAnnotations()::contains)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The project methods of this name declared by this type. */
  public List<IndexedMethod> methods(String type, String name) {
    Map<String, List<IndexedMethod>> byName = methodsByTypeAndName.get(type);
    return byName == null ? List.of() : byName.getOrDefault(name, List.of());
  }

  /** The project methods and constructors (named as their class) of this name, in index order. */
  public List<IndexedMethod> methodsNamed(String name) {
    return Collections.unmodifiableList(methodsByName.getOrDefault(name, List.of()));
  }

  public List<IndexedMethod> methodsOfType(String type) {
    return methodsByType.getOrDefault(type, List.of());
  }

  /** Every I/O site in the method's own body: catalogue calls and calls of declared-client methods. */
  public List<IoSite> sitesOf(IndexedMethod method) {
    return remembered(sites, method, this::computeSites);
  }

  private List<IoSite> computeSites(IndexedMethod method) {
    List<IoSite> result = new ArrayList<>(method.fact().ioSites());
    if (method.fact().isQueryWrapper() && coveredByCallSites(method)) {
      // the statement it runs is its parameter: every call site of it is that query, reported there
      result.removeIf(site -> site.kind() == ClientKind.DB && site.sql() == null);
    }
    result.addAll(declaredSitesOf(method));
    return List.copyOf(result);
  }

  /** Sites that are calls of declared-client methods, in the order of the method's calls. */
  public List<IoSite> declaredSitesOf(IndexedMethod method) {
    return remembered(declaredSites, method, m -> {
      List<IoSite> result = new ArrayList<>();
      for (CallRef call : m.fact().calls()) {
        declaredSite(call).ifPresent(result::add);
      }
      return List.copyOf(result);
    });
  }

  /**
   * The I/O an abstract method of a declared client stands for (a Spring Data query method, a
   * Feign method): the library implements it, so a call dispatched to it, through an interface it
   * redeclares, runs what a call of it on its own interface is. Empty for other methods and for a
   * method already cached (@Cacheable on it: the cache proxy answers).
   */
  public Optional<IoSite> implementedByLibrary(IndexedMethod method) {
    MethodFact fact = method.fact();
    if (!fact.isAbstract() || fact.isConstructor() || declaredClient(fact.ownerType()).isEmpty()) {
      return Optional.empty();
    }
    synchronized (librarySites) {
      Optional<IoSite> known = librarySites.get(method);
      if (known != null) {
        return known;
      }
    }
    Optional<IoSite> site = computeDeclaredSite(new CallRef(fact.ownerType(), fact.name(), fact.params().size(),
        dev.optkit.analyzers.findings.Confidence.HIGH, false, fact.range(), fact.signature()));
    synchronized (librarySites) {
      librarySites.putIfAbsent(method, site);
      return librarySites.get(method);
    }
  }

  private final Map<IndexedMethod, Optional<IoSite>> librarySites = new java.util.IdentityHashMap<>();

  /** The declared-client site a call is, if its receiver is a declared client, or a query wrapper given SQL. */
  public Optional<IoSite> declaredSite(CallRef call) {
    return remembered(declaredSiteOfCall, call, this::computeDeclaredSite);
  }

  private final Map<CallRef, Optional<IoSite>> declaredSiteOfCall = new java.util.IdentityHashMap<>();

  private Optional<IoSite> computeDeclaredSite(CallRef call) {
    Optional<IoSite> wrapped = queryWrapperSite(call);
    if (wrapped.isPresent()) {
      return wrapped;
    }
    if (call.receiverType() == null) {
      return Optional.empty();
    }
    Optional<DeclaredClientSignature> client = declaredClient(call.receiverType());
    if (client.isEmpty()) {
      return inheritedClientSite(call);
    }
    DeclaredClientSignature signature = client.get();
    MethodFact declaration = findDeclaration(call.receiverType(), call.name());
    if (declaration != null && declaration.usesExistingCache()) {
      return Optional.empty(); // @Cacheable on the repository method: served by the cache proxy
    }
    if (declaration != null && (declaration.isStatic() || declaration.isPrivate())) {
      return Optional.empty(); // a private or static helper of the interface (legacyId(id)): its own code, no query
    }
    String httpMethod = null;
    String url = null;
    String sql = null;
    Access access;
    if (signature.kind() == ClientKind.API) {
      httpMethod = declaration == null ? null : httpVerb(declaration);
      url = declaration == null ? null : httpPath(declaration);
      access = httpMethod == null ? FactExtractor.methodNameAccess(call.name())
          : Set.of("GET", "HEAD", "OPTIONS").contains(httpMethod) ? Access.READ : Access.WRITE;
    } else {
      sql = declaration == null ? null : firstNonNull(declaration.annotationValue("Query"),
          declaration.annotationValue("Select"), declaration.annotationValue("Insert"),
          declaration.annotationValue("Update"), declaration.annotationValue("Delete"),
          declaration.annotationValue("SqlQuery"), declaration.annotationValue("SqlUpdate"),
          declaration.annotationValue("NativeQuery"));
      access = dbAccess(declaration, call.name(), sql);
      Optional<MyBatisXmlMappers.Statement> mapped = xmlMappers.statement(call.receiverType(), call.name());
      if (sql == null && mapped.isPresent()) {
        sql = mapped.get().sql();
        access = mapped.get().access();
      }
    }
    return Optional.of(new IoSite(signature.kind(), signature.id(), signature.provider(), access, call.confidence(),
        call.receiverType(), call.name(), httpMethod, url, null, sql, false, false, call.deferred(), call.range(),
        call.snippet()));
  }

  /**
   * A call of a catalogued client method that a project class inherits: Quarkus Panache entities
   * ({@code Person.findById(id)}, {@code person.persist()}), a project subclass of RestTemplate. The
   * file alone cannot see the client behind the project type; the index can. A method the project
   * type declares itself is its own code, followed like any other.
   */
  private Optional<IoSite> inheritedClientSite(CallRef call) {
    Map<String, Optional<dev.optkit.analyzers.catalog.ClientSignature>> byName =
        inheritedClients.computeIfAbsent(call.receiverType(), type -> new ConcurrentHashMap<>());
    Optional<dev.optkit.analyzers.catalog.ClientSignature> inherited = byName.get(call.name());
    if (inherited == null) {
      inherited = inheritedClient(call.receiverType(), call.name());
      byName.put(call.name(), inherited);
    }
    return inherited.map(signature -> {
      Boolean reads = signature.readsByMethod(call.name());
      Access access = reads == null ? FactExtractor.methodNameAccess(call.name()) : reads ? Access.READ : Access.WRITE;
      return new IoSite(signature.kind(), signature.id(), signature.provider(), access,
          call.confidence().min(dev.optkit.analyzers.findings.Confidence.MEDIUM), call.receiverType(), call.name(),
          null, null, null, null, signature.llm(), false, call.deferred(), call.range(), call.snippet());
    });
  }

  /** Which library client a project class inherits this method from, by receiver type and method name. */
  private final Map<String, Map<String, Optional<dev.optkit.analyzers.catalog.ClientSignature>>> inheritedClients =
      new ConcurrentHashMap<>();

  private Optional<dev.optkit.analyzers.catalog.ClientSignature> inheritedClient(String receiverType, String name) {
    TypeFact type = types.get(receiverType);
    if (type == null || type.isInterface() || !methods(receiverType, name).isEmpty()) {
      return Optional.empty();
    }
    List<String> ancestors = supertypesOf(receiverType);
    for (String ancestor : ancestors.subList(1, ancestors.size())) {
      if (!methods(ancestor, name).isEmpty()) {
        return Optional.empty(); // a project superclass declares it
      }
      for (dev.optkit.analyzers.catalog.ClientSignature signature : catalog.clientsForType(ancestor)) {
        if (signature.matchesMethod(name)) {
          return Optional.of(signature);
        }
      }
    }
    return Optional.empty();
  }

  private Access dbAccess(MethodFact declaration, String name, String sql) {
    if (declaration != null) {
      if (declaration.hasAnnotation("Modifying") || declaration.hasAnnotation("org.apache.ibatis.annotations.Insert")
          || declaration.hasAnnotation("org.apache.ibatis.annotations.Update")
          || declaration.hasAnnotation("org.apache.ibatis.annotations.Delete")) {
        return Access.WRITE;
      }
      if (declaration.hasAnnotation("org.apache.ibatis.annotations.Select")) {
        return Access.READ;
      }
    }
    if (sql != null) {
      String lower = sql.strip().toLowerCase(Locale.ROOT);
      if (lower.startsWith("select") || lower.startsWith("from") || lower.startsWith("with")) {
        return Access.READ;
      }
      return Access.WRITE;
    }
    return FactExtractor.methodNameAccess(name);
  }

  private static String firstNonNull(String... values) {
    for (String value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private String httpVerb(MethodFact method) {
    for (String annotation : method.annotations()) {
      String simple = annotation.substring(annotation.lastIndexOf('.') + 1);
      if (HTTP_VERB_ANNOTATIONS.contains(simple)) {
        return simple;
      }
      for (String verb : HTTP_VERB_ANNOTATIONS) {
        String camel = verb.charAt(0) + verb.substring(1).toLowerCase(Locale.ROOT);
        if (simple.equals(camel) || simple.equals(camel + "Mapping") || simple.equals(camel + "Exchange")) {
          return verb;
        }
      }
    }
    String requestLine = method.annotationValue("RequestLine");
    if (requestLine != null && requestLine.contains(" ")) {
      return requestLine.substring(0, requestLine.indexOf(' ')).toUpperCase(Locale.ROOT);
    }
    return null;
  }

  private String httpPath(MethodFact method) {
    for (Map.Entry<String, String> entry : method.annotationValues().entrySet()) {
      String simple = entry.getKey().substring(entry.getKey().lastIndexOf('.') + 1);
      if (HTTP_VERB_ANNOTATIONS.contains(simple) || simple.endsWith("Mapping") || simple.endsWith("Exchange")) {
        return entry.getValue();
      }
      if (simple.equals("RequestLine") && entry.getValue().contains(" ")) {
        return entry.getValue().substring(entry.getValue().indexOf(' ') + 1);
      }
    }
    return null;
  }

  private MethodFact findDeclaration(String type, String name) {
    for (String ancestor : supertypesOf(type)) {
      List<IndexedMethod> found = methods(ancestor, name);
      if (!found.isEmpty()) {
        return found.get(0).fact();
      }
    }
    return null;
  }

  /**
   * The project methods a call may run: the method in the receiver's type or its supertypes, and
   * overrides in its subtypes. Calls with an unknown receiver match only a name that is unique in
   * the project.
   */
  public List<IndexedMethod> targetsOf(CallRef call) {
    return callTargets.computeIfAbsent(new CallShape(call), this::computeTargets);
  }

  private List<IndexedMethod> computeTargets(CallShape call) {
    if (call.receiverType() == null) {
      List<IndexedMethod> named = methodsByName.getOrDefault(call.name(), List.of()).stream()
          .filter(m -> arityMatches(m, call))
          .toList();
      return named.size() == 1 ? named : List.of();
    }
    if (!types.containsKey(call.receiverType())) {
      return List.of();
    }
    Map<String, IndexedMethod> own = new LinkedHashMap<>();
    for (String ancestor : supertypesOf(call.receiverType())) {
      for (IndexedMethod method : methods(ancestor, call.name())) {
        if (arityMatches(method, call)) {
          own.putIfAbsent(method.key(), method);
        }
      }
    }
    Map<String, IndexedMethod> overrides = new LinkedHashMap<>();
    for (String sub : subtypesOf(call.receiverType())) {
      for (IndexedMethod method : methods(sub, call.name())) {
        if (arityMatches(method, call)) {
          overrides.putIfAbsent(method.key(), method);
        }
      }
    }
    Map<String, IndexedMethod> result = new LinkedHashMap<>(own);
    // an interface with one or two implementations is the service/impl idiom: follow them; a
    // method overridden all over a hierarchy (Resource.exists) says nothing about this call
    if (followsOverrides(overrides.values())) {
      overrides.forEach(result::putIfAbsent);
    }
    return qualified(List.copyOf(result.values()), call.qualifier());
  }

  /**
   * The targets a call on a field wired by name ({@code @Qualifier("filmDbStorage")}) may run: those of
   * the bean's class and of its supertypes. All of them unless exactly one project class has that bean
   * name or that {@code @Qualifier} value (a @Bean method's bean, a library's, two candidates): the call
   * graph never loses a target it cannot rule out.
   */
  private List<IndexedMethod> qualified(List<IndexedMethod> targets, String qualifier) {
    if (qualifier == null) {
      return targets;
    }
    // Spring matches a qualifier against the beans' own @Qualifier values as well as their names
    List<String> named = types.values().stream().filter(type -> qualifier.equals(beanName(type))
            || qualifier.equals(type.annotationValue("org.springframework.beans.factory.annotation.Qualifier", "value"))
            || qualifier.equals(type.annotationValue("Qualifier", "value")))
        .map(TypeFact::qualifiedName).distinct().toList();
    if (named.size() != 1) {
      return targets;
    }
    java.util.Set<String> runs = new java.util.HashSet<>(supertypesOf(named.get(0)));
    runs.add(named.get(0));
    List<IndexedMethod> kept = targets.stream().filter(m -> runs.contains(m.fact().ownerType())).toList();
    return kept.isEmpty() ? targets : kept;
  }

  private static final List<String> STEREOTYPES = List.of("org.springframework.stereotype.Component",
      "org.springframework.stereotype.Service", "org.springframework.stereotype.Repository",
      "org.springframework.stereotype.Controller", "org.springframework.web.bind.annotation.RestController",
      "jakarta.inject.Named", "javax.inject.Named");

  /** A stereotype-annotated class's bean name: the annotation's value, else its simple name decapitalised. */
  private static String beanName(TypeFact type) {
    for (String stereotype : STEREOTYPES) {
      if (type.hasAnnotation(stereotype)) {
        String value = type.annotationValue(stereotype, "value");
        if (value != null && !value.isEmpty() && !value.equals(TypeFact.UNRESOLVED)) {
          return value;
        }
        return java.beans.Introspector.decapitalize(type.simpleName());
      }
    }
    return null;
  }

  /**
   * Whether a call's overrides are its implementations rather than a hierarchy's many variants: at
   * most {@link #MAX_FOLLOWED_OVERRIDES} of them run code (an abstract redeclaration in a
   * sub-interface runs nothing, unless a library implements it: a Spring Data query method), or
   * every one of them is in a bean the deployment selects (@Profile, @Conditional...), of which
   * one runs, whichever it is: a repository interface with jdbc, jpa and spring-data-jpa profiles.
   */
  private boolean followsOverrides(java.util.Collection<IndexedMethod> overrides) {
    long implementations = overrides.stream()
        .filter(m -> !m.fact().isAbstract() || declaredClient(m.fact().ownerType()).isPresent())
        .count();
    if (implementations <= MAX_FOLLOWED_OVERRIDES) {
      return true;
    }
    return overrides.stream().allMatch(m -> selectedByDeployment(m.fact().ownerType()));
  }

  /** A type annotated @Profile or with one of Spring's @Conditional annotations (by simple name). */
  private boolean selectedByDeployment(String type) {
    TypeFact fact = types.get(type);
    return fact != null && fact.annotations().stream().map(a -> a.substring(a.lastIndexOf('.') + 1))
        .anyMatch(a -> a.equals("Profile") || a.startsWith("Conditional"));
  }

  /**
   * Every project method a call may run, every override included: for questions where missing one
   * implementation is unsafe (does this reach per-user code?), unlike the I/O ranking, which caps them.
   */
  public List<IndexedMethod> allTargetsOf(CallRef call) {
    return remembered(allCallTargets, new CallShape(call), this::computeAllTargets);
  }

  /**
   * Every project method that may call this one, every override counted ({@link #allTargetsOf}),
   * each caller once, in index order. The call graph is built once: the planner, the per-user
   * code, start-up code and cached-code questions all walk it, and each building it again made
   * them the largest single-threaded cost of assess on big projects.
   */
  public List<IndexedMethod> callersOf(IndexedMethod callee) {
    buildCallGraph();
    return allCallers.getOrDefault(callee, List.of());
  }

  /** Every project method this one's calls may run, every override counted, each once. */
  public List<IndexedMethod> calleesOf(IndexedMethod caller) {
    buildCallGraph();
    return allCallees.getOrDefault(caller, List.of());
  }

  /** Its own lock, not the index's: the rules' synchronized questions go on while another thread builds it. */
  private final Object callGraphLock = new Object();

  private void buildCallGraph() {
    synchronized (callGraphLock) {
      if (allCallers != null) {
        return;
      }
      Map<IndexedMethod, List<IndexedMethod>> callers = new java.util.IdentityHashMap<>();
      Map<IndexedMethod, List<IndexedMethod>> callees = new java.util.IdentityHashMap<>();
      for (IndexedMethod method : methods) {
        Set<IndexedMethod> called = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (CallRef call : method.fact().allCalls()) {
          for (IndexedMethod target : allTargetsOf(call)) {
            if (called.add(target)) {
              callers.computeIfAbsent(target, k -> new ArrayList<>()).add(method);
              callees.computeIfAbsent(method, k -> new ArrayList<>()).add(target);
            }
          }
        }
      }
      allCallers = callers;
      allCallees = callees;
    }
  }

  private List<IndexedMethod> computeAllTargets(CallShape call) {
    List<IndexedMethod> capped = callTargets.computeIfAbsent(call, this::computeTargets);
    if (call.receiverType() == null || !types.containsKey(call.receiverType())) {
      return capped;
    }
    Map<String, IndexedMethod> result = new LinkedHashMap<>();
    capped.forEach(m -> result.putIfAbsent(m.key(), m));
    List<String> receivers = new ArrayList<>(List.of(call.receiverType()));
    receivers.addAll(subtypesOf(call.receiverType()));
    for (String sub : receivers) {
      for (IndexedMethod method : methods(sub, call.name())) {
        if (arityMatches(method, call)) {
          result.putIfAbsent(method.key(), method);
        }
      }
      if (springDataRepository(sub)) {
        // a repository interface's custom methods run in the class implementing the fragment interface that
        // declares them (SpringDataPetRepository extends PetRepositoryOverride, implemented by ...Impl)
        for (String fragment : supertypesOf(sub)) {
          if (!fragment.equals(sub) && types.containsKey(fragment) && !methods(fragment, call.name()).isEmpty()) {
            for (String implementation : subtypesOf(fragment)) {
              for (IndexedMethod method : methods(implementation, call.name())) {
                if (arityMatches(method, call) && !method.fact().isAbstract()) {
                  result.putIfAbsent(method.key(), method);
                }
              }
            }
          }
        }
      }
    }
    return qualified(List.copyOf(result.values()), call.qualifier());
  }

  /**
   * A class Spring Data registers as a bean and runs a repository's custom methods in: named after an
   * interface it implements plus {@code Impl} (Spring Data's default postfix), that interface being one a
   * project repository extends (a fragment: {@code EventRepositoryCustomImpl implements EventRepositoryCustom})
   * or the class being named after the repository itself ({@code EventRepositoryImpl}).
   */
  public boolean repositoryImplementation(String type) {
    TypeFact fact = types.get(type);
    if (fact == null || fact.isInterface() || !fact.simpleName().endsWith("Impl")) {
      return false;
    }
    String base = fact.simpleName().substring(0, fact.simpleName().length() - "Impl".length());
    for (String implemented : supertypesOf(type)) {
      TypeFact declared = types.get(implemented);
      if (declared == null || !declared.isInterface()) {
        continue;
      }
      for (String repository : subtypesOf(implemented)) {
        if (springDataRepository(repository) && (declared.simpleName().equals(base)
            || types.get(repository).simpleName().equals(base))) {
          return true;
        }
      }
    }
    return false;
  }

  /** A Spring Data repository interface: one extending a type of {@code org.springframework.data}. */
  private boolean springDataRepository(String type) {
    TypeFact fact = types.get(type);
    return fact != null && fact.kind().equals("interface")
        && supertypesOf(type).stream().anyMatch(s -> s.startsWith("org.springframework.data."));
  }

  private static boolean arityMatches(IndexedMethod method, CallShape call) {
    int params = method.fact().params().size();
    if (call.argumentCount() < 0) {
      return params <= 2;
    }
    boolean varArgs = params > 0 && method.fact().params().get(params - 1).varArgs();
    // byKey("a") runs byKey(String), not byKey(long), an overload of the same arity
    return (params == call.argumentCount() || varArgs && call.argumentCount() >= params - 1)
        && ArgumentKinds.accepts(method.fact().params(), call.argumentKinds());
  }

  /** The I/O a method performs directly or through project methods, up to the index's depth. */
  /**
   * The cache that already answers a query site: MyBatis's second-level cache of its mapper
   * namespace ({@code <cache/>} in the XML mapper, {@code @CacheNamespace} on the interface).
   */
  public Optional<String> secondLevelCache(IoSite site) {
    if (site.access() != Access.READ || site.receiverType() == null) {
      return Optional.empty();
    }
    Optional<String> xml = xmlMappers.statement(site.receiverType(), site.method())
        .map(MyBatisXmlMappers.Statement::cachedBy);
    if (xml.isPresent()) {
      return xml;
    }
    return type(site.receiverType()).filter(t -> t.annotations().stream()
            .anyMatch(a -> a.equals("org.apache.ibatis.annotations.CacheNamespace")
                || a.equals("org.apache.ibatis.annotations.CacheNamespaceRef")))
        .map(t -> "MyBatis's second-level cache (@CacheNamespace on " + t.simpleName() + ")");
  }

  /**
   * The I/O the method performs, directly or through project methods at any depth, each site once
   * by its shortest chain (see {@link IoReachability}).
   */
  public List<ReachedIo> reachedIo(IndexedMethod method) {
    return reachability.of(method);
  }

  /** The I/O one call of {@code caller} reaches through the project methods it may run. */
  public List<ReachedIo> reachedThrough(IndexedMethod caller, CallRef call) {
    return reachability.through(caller, call);
  }

  /** How many methods of a chain messages print (analysis.callDepth): reachability itself has no cap. */
  public int messageDepth() {
    return maxDepth;
  }

  private WebEntryPoints webEntryPoints;
  private PerUserCode perUserCode;
  private CachedCode cachedCode;
  private DataFootprint.Reader footprints;

  /**
   * A call of a project query wrapper ({@code runner.update("UPDATE ...", id)}) with SQL text at the
   * wrapper's SQL parameter is a query of its own: the call site reports it, with that SQL for its
   * tables and read or write, and reachability stops there instead of reaching the wrapper's own
   * JDBC call, whose SQL is whatever it is given.
   */
  private Optional<IoSite> queryWrapperSite(CallRef call) {
    if (call.sql() == null) {
      return Optional.empty();
    }
    for (IndexedMethod target : targetsOf(call)) {
      MethodFact wrapper = target.fact();
      if (!wrapper.isQueryWrapper() || wrapper.sqlParameter() != call.sqlArgument()) {
        continue;
      }
      Access access = dev.optkit.analyzers.facts.SqlStatements.access(call.sql());
      if (access == Access.UNKNOWN) {
        access = wrapper.ioSites().stream().map(IoSite::access).filter(a -> a != Access.UNKNOWN).findFirst()
            .orElse(Access.UNKNOWN);
      }
      return Optional.of(new IoSite(ClientKind.DB, QUERY_WRAPPER, "query wrapper " + simpleName(wrapper.ownerType()),
          access, call.confidence(), wrapper.ownerType(), call.name(), null, null, null, call.sql(), false, false,
          call.deferred(), call.range(), call.snippet()));
    }
    return Optional.empty();
  }

  /** The client id of calls of the project's own query wrappers. */
  public static final String QUERY_WRAPPER = "project-query-wrapper";

  /**
   * Whether every call of this query wrapper in the project passes it SQL text: its own JDBC call
   * then runs nothing but what those call sites say, and they stand for its reads and writes.
   */
  public synchronized boolean coveredByCallSites(IndexedMethod wrapper) {
    if (!wrapper.fact().isQueryWrapper()) {
      return false;
    }
    return wrapperCoverage.computeIfAbsent(wrapper, w -> {
      boolean called = false;
      for (CallRef call : callsNamed(w.fact().name())) {
        if (targetsOf(call).contains(w)) {
          if (queryWrapperSite(call).isEmpty()) {
            return false; // SQL built at run time, or passed on from a parameter
          }
          called = true;
        }
      }
      return called;
    });
  }

  private final Map<IndexedMethod, Boolean> wrapperCoverage = new java.util.HashMap<>();
  /** The project's calls of query wrappers' names, by name, built at the first question: each wrapper scanned them all. */
  private Map<String, List<CallRef>> callsByName;

  private synchronized List<CallRef> callsNamed(String name) {
    if (callsByName == null) {
      // only the names of query wrappers are asked for: the calls of other names are never listed
      callsByName = new HashMap<>();
      for (IndexedMethod method : methods) {
        if (method.fact().isQueryWrapper()) {
          callsByName.putIfAbsent(method.fact().name(), new ArrayList<>());
        }
      }
      for (IndexedMethod method : methods) {
        for (CallRef call : method.fact().calls()) {
          List<CallRef> named = callsByName.get(call.name());
          if (named != null) {
            named.add(call);
          }
        }
      }
    }
    return callsByName.getOrDefault(name, List.of());
  }

  private static String simpleName(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }

  /** Request handlers, listeners and web response types. */
  public synchronized WebEntryPoints webEntryPoints() {
    return webEntryPoints == null ? webEntryPoints = new WebEntryPoints(this) : webEntryPoints;
  }

  /** Secured code and code reading the caller's identity, request or session. */
  public synchronized PerUserCode perUserCode() {
    return perUserCode == null ? perUserCode = new PerUserCode(this) : perUserCode;
  }

  /** Code behind the project's own caches: what it calls runs once per miss. */
  /**
   * Computes now what is computed over the whole call graph: the graph itself, the code the
   * project already caches and the code that reads the caller's identity. Assess runs this on a
   * second thread beside the rules, which compute each method's I/O sites: the two share only the
   * type and call-target memos, which are concurrent, and everything else here is computed under
   * its own lock. Each answer is a function of the facts, so which thread computes it first never
   * changes it.
   */
  public void computeGraphQuestions() {
    buildCallGraph();
    cachedCode().compute();
    perUserCode().compute();
  }

  public synchronized CachedCode cachedCode() {
    return cachedCode == null ? cachedCode = new CachedCode(this) : cachedCode;
  }

  public OrmXmlMappings ormXml() {
    return ormXml;
  }

  /**
   * An entity's associations: the annotated ones, each overridden by the XML mapping of the same
   * field, and those only the XML maps.
   */
  public List<TypeFact.Association> associations(String entity) {
    Map<String, TypeFact.Association> byField = new LinkedHashMap<>();
    type(entity).ifPresent(t -> t.associations().forEach(a -> byField.put(a.field(), a)));
    ormXml.entity(entity).ifPresent(e -> e.associations().forEach(a -> byField.put(a.field(), a)));
    return List.copyOf(byField.values());
  }

  public SchemaWriteEffects schemaWriteEffects() {
    return writeEffects;
  }

  public SchemaViews schemaViews() {
    return views;
  }

  /** The data each I/O site reads or writes. */
  public synchronized DataFootprint.Reader footprints() {
    return footprints == null ? footprints = new DataFootprint.Reader(this) : footprints;
  }

  public String pathOfType(String type) {
    return typePaths.get(type);
  }
}
