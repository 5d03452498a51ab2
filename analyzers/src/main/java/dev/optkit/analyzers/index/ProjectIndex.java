package dev.optkit.analyzers.index;

import dev.optkit.analyzers.catalog.ClientCatalog;
import dev.optkit.analyzers.catalog.DeclaredClientSignature;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.FileFacts;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.schema.MyBatisXmlMappers;
import dev.optkit.analyzers.schema.OrmXmlMappings;
import dev.optkit.analyzers.schema.SchemaViews;
import dev.optkit.analyzers.schema.SchemaWriteEffects;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The whole project seen through its files' facts: types, their hierarchy, the call graph over
 * method summaries, and the I/O each method reaches transitively (to a bounded depth).
 *
 * <p>The questions are answered in rooms of their own: {@link TypeHierarchy} (types, supertypes,
 * subtypes), {@link CallTargets} (what a call may run) and {@link CallGraph} (who calls whom),
 * {@link DeclaredClients} (interfaces a library implements), {@link DeclaredSites} and
 * {@link QueryWrappers} (the I/O sites the index adds to a method's own), {@link IoReachability}
 * (the I/O a method reaches), and the code sets over the call graph ({@link WebEntryPoints},
 * {@link PerUserCode}, {@link CachedCode}, {@link StartupCode}).
 */
public final class ProjectIndex {
  private final List<FileFacts> files;
  final MyBatisXmlMappers xmlMappers;
  private final EmbeddedMappings embeddedMappings;
  private final SchemaViews views;
  private final SchemaWriteEffects writeEffects;
  private final OrmXmlMappings ormXml;
  final ClientCatalog catalog;
  private final int maxDepth;
  private final TypeHierarchy types = new TypeHierarchy();
  /** By type, then by name: call targets ask it per supertype and subtype, and a "type#name" key was a new string each time. */
  private final Map<String, Map<String, List<IndexedMethod>>> methodsByTypeAndName = new HashMap<>();
  private final Map<String, List<IndexedMethod>> methodsByName = new HashMap<>();
  private final Map<String, List<IndexedMethod>> methodsByType = new HashMap<>();
  private final List<IndexedMethod> methods = new ArrayList<>();
  private final CallTargets targets = new CallTargets(this, types);
  private final CallGraph callGraph = new CallGraph(this, methods);
  private final DeclaredClients declaredClients = new DeclaredClients(this, types);
  private final ProxiedReceivers proxiedReceivers = new ProxiedReceivers(this);
  /** The calls whose receiver is being traced on this thread ({@link #madeByRemoting}): a cycle answers no. */
  private final ThreadLocal<Set<CallRef>> tracingReceivers = ThreadLocal.withInitial(
      () -> java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
  private final QueryWrappers queryWrappers = new QueryWrappers(this, methods);
  private final DeclaredSites declaredSites = new DeclaredSites(this, types, queryWrappers);
  private final IoReachability reachability = new IoReachability(this);
  private final InheritedMemberTypes inheritedMembers = new InheritedMemberTypes(this);
  private final ReceivedTypes receivedTypes = new ReceivedTypes(this, targets, inheritedMembers);
  /** Which library methods the dependency jars' bytecode shows doing I/O; set before any question is asked. */
  private volatile dev.optkit.analyzers.bytecode.LibraryIo libraryIo = dev.optkit.analyzers.bytecode.LibraryIo.NONE;

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
    this.embeddedMappings = new EmbeddedMappings(this);
    this.views = views;
    this.writeEffects = writeEffects;
    this.ormXml = ormXml;
    this.xmlMappers = xmlMappers;
    this.files = List.copyOf(files);
    this.catalog = catalog;
    this.maxDepth = maxDepth;
    for (FileFacts file : files) {
      for (TypeFact type : file.types()) {
        types.add(type, file.path());
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

  /** Uses the dependency jars' I/O summaries for calls into library methods the catalogue does not name. */
  public ProjectIndex withLibraryIo(dev.optkit.analyzers.bytecode.LibraryIo value) {
    this.libraryIo = value;
    return this;
  }

  /** The versions of the libraries the project resolves ({@link dev.optkit.analyzers.dependencies.LibraryVersions}). */
  public ProjectIndex withLibraryVersions(dev.optkit.analyzers.dependencies.LibraryVersions value) {
    this.libraryVersions = value;
    return this;
  }

  public dev.optkit.analyzers.dependencies.LibraryVersions libraryVersions() {
    return libraryVersions;
  }

  private dev.optkit.analyzers.dependencies.LibraryVersions libraryVersions =
      dev.optkit.analyzers.dependencies.LibraryVersions.none();

  /** The stored procedures the project's scripts create: a CALL of one made of queries only is a read. */
  /** The tables the project's SQL scripts create and their indexes, for the database hints. */
  public ProjectIndex withSchemaIndexes(dev.optkit.analyzers.schema.SchemaIndexes value) {
    this.schemaIndexes = value;
    return this;
  }

  /** The scanned SQL scripts by classpath path, as a test's {@code @Sql} names them. */
  public ProjectIndex withClasspathScripts(dev.optkit.analyzers.schema.ClasspathScripts value) {
    this.classpathScripts = value;
    return this;
  }

  public dev.optkit.analyzers.schema.ClasspathScripts classpathScripts() {
    return classpathScripts;
  }

  private dev.optkit.analyzers.schema.ClasspathScripts classpathScripts =
      dev.optkit.analyzers.schema.ClasspathScripts.none();

  public dev.optkit.analyzers.schema.SchemaIndexes schemaIndexes() {
    return schemaIndexes;
  }

  /**
   * Whether an entity mapped to the table (as its scripts name it) owns a to-one association: a join column holding
   * another table's key, which the scripts may not declare as a foreign key (Hibernate makes it); a table no script
   * declares is not known either way, and answers true.
   */
  public boolean mayHoldUndeclaredKeys(String table) {
    Optional<dev.optkit.analyzers.schema.SchemaIndexes.Table> declared = schemaIndexes().table(table);
    if (declared.isEmpty()) {
      return true;
    }
    EntityColumns columns = new EntityColumns(this);
    for (TypeFact entity : types()) {
      if (DataFootprint.Reader.isEntity(entity) && columns.table(entity).map(t -> t.name().equals(declared.get().name()))
          .orElse(false) && entity.associations().stream().anyMatch(a -> !a.toMany())) {
        return true;
      }
    }
    return false;
  }

  /** The classes Spring makes no bean of with the configuration their module ships, each property read once a run. */
  public dev.optkit.analyzers.settings.SwitchedOffBeans switchedOffBeans() {
    dev.optkit.analyzers.settings.SwitchedOffBeans known = switchedOffBeans;
    if (known == null) {
      synchronized (this) {
        if (switchedOffBeans == null) {
          switchedOffBeans = new dev.optkit.analyzers.settings.SwitchedOffBeans(displayRoot());
        }
        known = switchedOffBeans;
      }
    }
    return known;
  }

  private volatile dev.optkit.analyzers.settings.SwitchedOffBeans switchedOffBeans;

  /** The schema with the columns entities store an enum or a boolean in bounded by its values ({@link FewValuedColumns}). */
  public dev.optkit.analyzers.schema.SchemaIndexes fewValuedColumnsCounted() {
    return FewValuedColumns.counted(this);
  }

  private dev.optkit.analyzers.schema.SchemaIndexes schemaIndexes = dev.optkit.analyzers.schema.SchemaIndexes.none();

  /** Whether the project's configuration says it runs on PostgreSQL (and not on MySQL or MariaDB). */
  public ProjectIndex withPostgresql(boolean value) {
    this.postgresql = value;
    return this;
  }

  public boolean runsOnPostgresql() {
    return postgresql;
  }

  /**
   * Which modules of the build may run in one process ({@link dev.optkit.analyzers.source.ModuleDeployments}): the
   * targets a call ranks for its I/O ({@link #targetsOf}) are those deployed with its caller. {@link #allTargetsOf}
   * keeps every implementation, for the questions where missing one is unsafe.
   */
  public ProjectIndex withDeployments(dev.optkit.analyzers.source.ModuleDeployments value) {
    this.deployments = value;
    Map<CallRef, String> files = new java.util.IdentityHashMap<>();
    if (value.separatesAny()) {
      for (IndexedMethod method : methods) {
        method.fact().calls().forEach(call -> files.put(call, method.path()));
      }
    }
    this.callerFiles = files;
    return this;
  }

  /**
   * Whether every project implementation of the call's receiver type is in a module never deployed with the caller:
   * the object it is called on is then none of them (a client proxy of an interface another application implements).
   */
  boolean implementedOnlyApart(CallRef call, String type) {
    String caller = callerFiles.get(call);
    if (caller == null) {
      return false;
    }
    // a test's fake answers no call of the application's code
    boolean fromMain = !dev.optkit.analyzers.source.SourceSet.isTestPath(caller);
    java.util.function.Predicate<String> apart = path -> path != null && (fromMain
        && dev.optkit.analyzers.source.SourceSet.isTestPath(path) || !deployments.mayRunTogether(caller, path));
    List<String> classes = subtypesOf(type).stream().filter(sub -> !sub.equals(type))
        .filter(sub -> types.get(sub) != null && !types.get(sub).isInterface()).toList();
    // every class of the hierarchy, and every method of the name a class of it declares (two classes of one name in
    // two modules: each file), in modules never deployed with the caller
    List<IndexedMethod> declared = classes.stream().flatMap(sub -> methods(sub, call.name()).stream()).toList();
    if (classes.isEmpty() || !classes.stream().map(types::pathOf).allMatch(apart)
        || !declared.stream().map(IndexedMethod::path).allMatch(apart)) {
      return false;
    }
    // an anonymous class is an implementation too, where it is written
    return anonymousImplementations.computeIfAbsent(type, this::filesMakingAnonymous).stream().allMatch(apart);
  }

  private final Map<String, List<String>> anonymousImplementations = new java.util.concurrent.ConcurrentHashMap<>();

  /** The files making an anonymous class of the type (by its name or its simple name, as the file writes it). */
  private List<String> filesMakingAnonymous(String type) {
    String simple = type.substring(type.lastIndexOf('.') + 1);
    // a name the file qualified is that type; one it left simple may be it
    return files.stream().filter(file -> file.creations().stream().anyMatch(creation -> creation.anonymous()
        && creation.type() != null && (creation.type().equals(type) || creation.type().equals(simple))))
        .map(FileFacts::path).toList();
  }

  /**
   * Whether the call is made on a client proxy a remoting library made of the project interface it calls, which the
   * project also implements ({@link ProxiedReceivers}).
   */
  boolean madeByRemoting(CallRef call) {
    if (!ProxiedReceivers.onACallsResult(call)) {
      return false;
    }
    Set<CallRef> tracing = tracingReceivers.get();
    if (!tracing.add(call)) {
      return false;
    }
    try {
      String type = call.receiverType() != null ? call.receiverType()
          : call.receivedFrom() != null ? receivedType(call) : null;
      TypeFact fact = type == null ? null : types.get(type);
      // only an interface declaring its requests (JAX-RS, JAX-WS, Feign...): a factory by one of those names may as well
      // hand back the project's own object for any other (GWT's deferred binding, an in-process Camel proxy), and
      // dropping its targets would hide its writes from migrate's proofs
      return fact != null && fact.isInterface() && types.hasSubtypes(type)
          && declaredClients.unimplemented(type).filter(client -> DeclaredClients.BY_ANNOTATIONS.contains(client.id()))
              .isPresent()
          && proxiedReceivers.proxied(call, type);
    } finally {
      tracing.remove(call);
    }
  }

  private dev.optkit.analyzers.source.ModuleDeployments deployments =
      dev.optkit.analyzers.source.ModuleDeployments.UNKNOWN;
  /** The file of each call a method makes, kept only where the build separates modules. */
  private Map<CallRef, String> callerFiles = Map.of();

  /** The folder the findings' paths are relative to: where a module's configuration is found from a path. */
  public ProjectIndex withDisplayRoot(java.nio.file.Path value) {
    this.displayRoot = value;
    return this;
  }

  /** The folder the findings' paths are relative to; null when the index was built without one (tests of parts). */
  public java.nio.file.Path displayRoot() {
    return displayRoot;
  }

  private java.nio.file.Path displayRoot;

  private boolean postgresql;

  public ProjectIndex withStoredProcedures(dev.optkit.analyzers.schema.StoredProcedures value) {
    this.procedures = value;
    return this;
  }

  dev.optkit.analyzers.schema.StoredProcedures procedures() {
    return procedures;
  }

  private dev.optkit.analyzers.schema.StoredProcedures procedures = dev.optkit.analyzers.schema.StoredProcedures.none();

  /**
   * Whether a library type, or anything it extends or implements, declares a method of that name, from the dependency
   * jars' bytecode; empty when they do not show it.
   */
  public Optional<Boolean> libraryDeclaresName(String type, String name) {
    return libraryIo.declaresName(type, name);
  }

  dev.optkit.analyzers.bytecode.LibraryIo libraryIo() {
    return libraryIo;
  }

  public List<FileFacts> files() {
    return files;
  }

  public List<IndexedMethod> methods() {
    return Collections.unmodifiableList(methods);
  }

  /** Every project type of this simple name, each declaration counted (two files may declare one name). */
  public List<TypeFact> typesNamed(String simpleName) {
    return types.named(simpleName);
  }

  /** The embedded objects of entities: which hold columns only, so the entity's mapping is read whole. */
  public EmbeddedMappings embeddedMappings() {
    return embeddedMappings;
  }

  /** Every project type, each qualified name once. */
  public java.util.Collection<TypeFact> types() {
    return Collections.unmodifiableCollection(types.all());
  }

  /** The project types declared inside this one, at any depth ({@code Outer.Inner}, {@code Outer.Inner.Deep}), sorted. */
  public List<String> typesNestedIn(String outer) {
    return types.nestedIn(outer);
  }

  public Optional<TypeFact> type(String qualifiedName) {
    return Optional.ofNullable(types.get(qualifiedName));
  }

  private final ImmutableTypes immutableTypes = new ImmutableTypes(this);

  /** Whose objects nobody can change: the one registry every proof asks. */
  public ImmutableTypes immutableTypes() {
    return immutableTypes;
  }

  /**
   * The answer remembered for a key, computed once. Not {@code computeIfAbsent}: computing one
   * answer asks for others (declared sites ask for call targets), which would change the map
   * while it computes.
   */
  static <K, V> V remembered(Map<K, V> memo, K key, java.util.function.Function<K, V> compute) {
    V known = memo.get(key);
    if (known == null) {
      known = compute.apply(key);
      memo.put(key, known);
    }
    return known;
  }

  /** Project supertypes of a type, itself first, nearest first. */
  public List<String> supertypesOf(String type) {
    return types.supertypesOf(type);
  }

  /** Whether the project declares every ancestor of a type it declares, Object aside ({@link TypeHierarchy}). */
  boolean ancestryDeclared(String type) {
    return types.ancestryDeclared(type);
  }

  /** Whether a project type extends or implements this one. */
  public boolean hasSubtypes(String type) {
    return types.hasSubtypes(type);
  }

  /** The type of the field a class or its nearest project superclass declares with that name (generics bound), or null. */
  public String fieldTypeOf(String owner, String field) {
    return inheritedMembers.fieldType(owner, field);
  }

  /** Every project type extending or implementing this one, at any depth. */
  public Set<String> subtypesOf(String type) {
    return types.subtypesOf(type);
  }

  /** Whether a method of this name is one the catalogue lists for some client: a call of it may be I/O. */
  public boolean isClientMethodName(String name) {
    return catalog.isCandidateMethod(name);
  }

  /** Whether a site's client reads a remote cache store (Redis, Memcached...). */
  public boolean isCacheStore(IoSite site) {
    return catalog.isCacheStore(site.clientId());
  }

  /** The declared-client signature a project type matches (Feign, Spring Data...), if any. */
  public Optional<DeclaredClientSignature> declaredClient(String type) {
    return declaredClients.declaredClient(type);
  }

  /** The client a type would be if the project implemented it nowhere ({@link DeclaredClients#unimplemented}). */
  Optional<DeclaredClientSignature> declaredWhereUnimplemented(String type) {
    return declaredClients.unimplemented(type);
  }

  /**
   * Whether reading or writing the entity (or embeddable) may touch data its mapping does not name: SQL in the
   * mapping, listeners, auditing ({@link TypeFact#dataBeyondMapping()}), or a Hibernate filter where the project
   * enables one ({@code session.enableFilter(...)}): a filter nothing enables changes no read.
   */
  /** The project's named JPA queries: which repository methods run one ({@link NamedQueries}). */
  public synchronized NamedQueries namedQueries() {
    if (namedQueries == null) {
      namedQueries = new NamedQueries(this);
    }
    return namedQueries;
  }

  private NamedQueries namedQueries;

  public boolean beyondMapping(TypeFact type) {
    return type.dataBeyondMapping() || type.filtered() && enablesFilters();
  }

  private Boolean enablesFilters;

  /** Whether the project enables a Hibernate filter anywhere ({@code session.enableFilter(...)}). */
  boolean enablesFilters() {
    if (enablesFilters == null) {
      // session.enableFilter(..) anywhere, or @FilterDef(autoEnabled = true) (Hibernate 6.5), which every session has on
      enablesFilters = methods.stream().anyMatch(m -> java.util.stream.Stream.concat(m.fact().calls().stream(),
          m.fact().opaqueCalls().stream()).anyMatch(call -> call.name().equals("enableFilter")))
          || types().stream().anyMatch(t -> "true".equals(t.annotationValue("FilterDef", "autoEnabled")));
    }
    return enablesFilters;
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
    return declaredSites.sitesOf(method);
  }

  /** Sites that are calls of declared-client methods, in the order of the method's calls. */
  /**
   * The declaration a call of {@code type.name} reads its query annotations from: the method of that name in the type or
   * the nearest project supertype declaring one; null where none does.
   */
  public MethodFact declarationOf(String type, String name) {
    return declaredSites.findDeclaration(type, name);
  }

  /**
   * The query a repository or mapper method's annotation gives, as the index reads it (other classes' constants put
   * in where it can read them); null where it gives none.
   */
  public String annotatedQuery(MethodFact declaration) {
    return declaredSites.annotatedQuery(declaration);
  }

  /**
   * The request a call of the method sends, when what it is called on is a pending request ({@code Call<T>}, a cold
   * {@code Single<T>}) a declared client's method built in the same method: that request, at the send.
   */
  public Optional<IoSite> sentRequest(IndexedMethod method, dev.optkit.analyzers.facts.SentRequest send) {
    return declaredSites.sentRequest(method, send).map(DeclaredSites.Sent::site);
  }

  public List<IoSite> declaredSitesOf(IndexedMethod method) {
    return declaredSites.declaredSitesOf(method);
  }

  /**
   * The I/O an abstract method of a declared client stands for (a Spring Data query method, a
   * Feign method): the library implements it, so a call dispatched to it, through an interface it
   * redeclares, runs what a call of it on its own interface is. Empty for other methods and for a
   * method already cached (@Cacheable on it: the cache proxy answers).
   */
  public Optional<IoSite> implementedByLibrary(IndexedMethod method) {
    return declaredSites.implementedByLibrary(method);
  }

  /** The site a link of a library's chain is when the solver typed it and the library's bytecode reaches I/O. */
  public Optional<IoSite> librarySite(CallRef link) {
    return declaredSites.librarySite(link);
  }

  /** The declared-client site a call is, if its receiver is a declared client, or a query wrapper given SQL. */
  public Optional<IoSite> declaredSite(CallRef call) {
    return declaredSites.declaredSite(call);
  }

  /**
   * The project methods a call may run: the method in the receiver's type or its supertypes, and
   * overrides in its subtypes. Calls with an unknown receiver match only a name that is unique in
   * the project.
   */
  public List<IndexedMethod> targetsOf(CallRef call) {
    if (madeByRemoting(call)) {
      return List.of(); // a client proxy of the interface: the request runs the service, not this project's code
    }
    String caller = callerFiles.get(call);
    List<IndexedMethod> targets = typedTargetsOf(call);
    return caller == null ? targets : targets.stream().filter(target -> deployments.mayRunTogether(caller, target.path()))
        .toList();
  }

  private List<IndexedMethod> typedTargetsOf(CallRef call) {
    call = onEnclosingObject(call);
    if (call.receiverType() == null && call.receivedFrom() != null) {
      String received = receivedType(call);
      if (received != null) {
        return targets.targetsOf(call.withReceiverType(received));
      }
      // a field no project superclass declares: by a name unique in the project, as any unknown receiver
      return call.receivedFromField() ? targets.targetsOf(call) : List.of();
    }
    return targets.targetsOf(call);
  }

  /** An unqualified call of a member class on the enclosing class that has the method ({@link ReceivedTypes}). */
  private CallRef onEnclosingObject(CallRef call) {
    if (call.receivedFrom() instanceof dev.optkit.analyzers.facts.ReceivedFrom.EnclosingThis) {
      String received = receivedType(call);
      return received == null || received.equals(call.receiverType()) ? call : call.withReceiverType(received);
    }
    return call;
  }

  /**
   * The type of what a call is made on when that is what a method of the caller's own object returned
   * ({@code getClient().get(url)}), or a field it inherits: {@link ReceivedTypes}; else null.
   */
  public String receivedType(CallRef call) {
    return receivedTypes.of(call);
  }

  /**
   * Every project method a call may run, every override included: for questions where missing one
   * implementation is unsafe (does this reach per-user code?), unlike the I/O ranking, which caps them.
   */
  public List<IndexedMethod> allTargetsOf(CallRef call) {
    call = onEnclosingObject(call);
    if (call.receiverType() == null && call.receivedFrom() != null) {
      String received = receivedType(call);
      if (received != null) {
        return targets.allTargetsOf(call.withReceiverType(received));
      }
      return call.receivedFromField() ? targets.allTargetsOf(call) : List.of();
    }
    return targets.allTargetsOf(call);
  }

  /**
   * Every project method that may call this one, every override counted ({@link #allTargetsOf}),
   * each caller once, in index order. The call graph is built once: the planner, the per-user
   * code, start-up code and cached-code questions all walk it, and each building it again made
   * them the largest single-threaded cost of assess on big projects.
   */
  public List<IndexedMethod> callersOf(IndexedMethod callee) {
    return callGraph.callersOf(callee);
  }

  /** Every project method this one's calls may run, every override counted, each once. */
  public List<IndexedMethod> calleesOf(IndexedMethod caller) {
    return callGraph.calleesOf(caller);
  }

  /**
   * A class Spring Data registers as a bean and runs a repository's custom methods in: named after an
   * interface it implements plus {@code Impl} (Spring Data's default postfix), that interface being one a
   * project repository extends (a fragment: {@code EventRepositoryCustomImpl implements EventRepositoryCustom})
   * or the class being named after the repository itself ({@code EventRepositoryImpl}).
   */
  public boolean repositoryImplementation(String type) {
    return types.repositoryImplementation(type);
  }

  /**
   * The cache that already answers a query site: MyBatis's second-level cache of its mapper
   * namespace ({@code <cache/>} in the XML mapper, {@code @CacheNamespace} on the interface).
   */
  public Optional<String> secondLevelCache(IoSite site) {
    return declaredSites.secondLevelCache(site);
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

  /** The client id of calls of the project's own query wrappers. */
  public static final String QUERY_WRAPPER = "project-query-wrapper";

  /**
   * Whether every call of this query wrapper in the project passes it SQL text: its own JDBC call
   * then runs nothing but what those call sites say, and they stand for its reads and writes.
   */
  public boolean coveredByCallSites(IndexedMethod wrapper) {
    return queryWrappers.coveredByCallSites(wrapper);
  }

  /** Request handlers, listeners and web response types. */
  public synchronized WebEntryPoints webEntryPoints() {
    return webEntryPoints == null ? webEntryPoints = new WebEntryPoints(this) : webEntryPoints;
  }

  /** Secured code and code reading the caller's identity, request or session. */
  public synchronized PerUserCode perUserCode() {
    return perUserCode == null ? perUserCode = new PerUserCode(this) : perUserCode;
  }

  /**
   * Computes now what is computed over the whole call graph: the graph itself, the code the
   * project already caches and the code that reads the caller's identity. Assess runs this on a
   * second thread beside the rules, which compute each method's I/O sites: the two share only the
   * type and call-target memos, which are concurrent, and everything else here is computed under
   * its own lock. Each answer is a function of the facts, so which thread computes it first never
   * changes it.
   */
  public void computeGraphQuestions() {
    callGraph.buildCallGraph();
    cachedCode().compute();
    perUserCode().compute();
  }

  /** Code behind the project's own caches: what it calls runs once per miss. */
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

  /** The SQL each database site runs, as far as the sources tell it. */
  public synchronized SqlAsRun sqlAsRun() {
    return sqlAsRun == null ? sqlAsRun = new SqlAsRun(this) : sqlAsRun;
  }

  private SqlAsRun sqlAsRun;

  /** The data each I/O site reads or writes. */
  public synchronized DataFootprint.Reader footprints() {
    return footprints == null ? footprints = new DataFootprint.Reader(this) : footprints;
  }

  /**
   * Whether the project caches the method's answers already: a cache it uses itself, or {@code @Cacheable} on a
   * method it overrides or implements, which Spring's annotation parser finds there too (an interface's
   * {@code @Cacheable}: audit 12's appstore, where a second cache on the implementation would silently replace it).
   */
  public boolean alreadyCached(IndexedMethod method) {
    if (method.fact().usesExistingCache()) {
      return true;
    }
    return inheritedCache.computeIfAbsent(method, m -> supertypesOf(m.fact().ownerType()).stream()
        .filter(type -> !type.equals(m.fact().ownerType()))
        .flatMap(type -> methods(type, m.fact().name()).stream())
        .anyMatch(over -> over.fact().params().size() == m.fact().params().size()
            // @Cacheable only: a @Caching there may only evict (hostile review 37's p3)
            && over.fact().hasAnnotation("org.springframework.cache.annotation.Cacheable")));
  }

  private final Map<IndexedMethod, Boolean> inheritedCache = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Whether the method's own body caches (a field or map it fills, a Caffeine cache it reads through), which holds
   * however it is called, a call from its own class included; an annotation's cache holds only through the proxy.
   */
  public boolean cachedInItsBody(IndexedMethod method) {
    return method.fact().usesExistingCache() && method.fact().annotations().stream()
        .noneMatch(a -> CACHE_ANNOTATIONS.contains(a.substring(a.lastIndexOf('.') + 1)));
  }

  private static final java.util.Set<String> CACHE_ANNOTATIONS = java.util.Set.of("Cacheable", "CachePut", "Caching",
      "CacheResult", "CacheEvict");

  public String pathOfType(String type) {
    return types.pathOf(type);
  }

  /** Each file's declared package, by path: built on first use. */
  private volatile java.util.Map<String, String> packageByPath;

  /** The names each file's code calls or refers to ({@code save(x)}, {@code this::save}), by path: built on first use. */
  private volatile java.util.Map<String, java.util.Set<String>> namesCalledByPath;

  /** Whether any code of the project looks methods up by reflection: it may run a private one by its name. */
  private volatile Boolean reflectiveLookups;

  /** Calls that find or run a method by its name, a private one too ({@code getDeclaredMethod}, Spring's utilities). */
  private static final java.util.Set<String> REFLECTIVE_LOOKUPS = java.util.Set.of("getDeclaredMethod",
      "getDeclaredMethods", "findMethod", "invokeMethod", "doWithMethods", "doWithLocalMethods",
      "getAllDeclaredMethods", "getUniqueDeclaredMethods", "getMethodsWithAnnotation", "getMethodsListWithAnnotation",
      "findMethodHandle", "findVirtual", "findSpecial", "findStatic", "unreflect", "setTargetMethod",
      "setStaticMethod");

  /** What the JVM runs on an object by name, private or not: serialization's hooks. */
  private static final java.util.Set<String> JVM_HOOKS = java.util.Set.of("writeObject", "readObject",
      "readObjectNoData", "writeReplace", "readResolve");

  /**
   * Whether a method can never run: a private method (no constructor) without annotations, which nothing in the
   * project calls and no code of its file names in a call or a method reference, and no hook the JVM runs by name;
   * and none at all where the project's code (its tests too) looks methods up by reflection.
   * Its writes change no data (a trial's DAO kept an old private save nothing called, and every read of its table
   * was refused for a writer no eviction could reach).
   */
  public boolean neverRuns(IndexedMethod method) {
    MethodFact fact = method.fact();
    if (!fact.isPrivate() || fact.isConstructor() || !fact.annotations().isEmpty() || JVM_HOOKS.contains(fact.name())
        || !callersOf(method).isEmpty()) {
      return false;
    }
    java.util.Map<String, java.util.Set<String>> byPath = namesCalledByPath;
    if (byPath == null) {
      java.util.Map<String, java.util.Set<String>> built = new java.util.HashMap<>();
      for (FileFacts file : files) {
        java.util.Set<String> names = new java.util.HashSet<>();
        file.methods().forEach(m -> m.allCalls().forEach(call -> names.add(call.name())));
        file.methods().forEach(m -> m.opaqueCalls().forEach(call -> names.add(call.name())));
        // what field initialisers, initialiser blocks and enum constants call or hold as code (this::clear in a map)
        file.types().forEach(type -> names.addAll(type.fieldCodeCalls()));
        built.put(file.path(), names);
      }
      reflectiveLookups = built.values().stream().anyMatch(names -> names.stream().anyMatch(REFLECTIVE_LOOKUPS::contains));
      namesCalledByPath = byPath = built;
    }
    java.util.Set<String> named = byPath.getOrDefault(method.path(), java.util.Set.of());
    return !reflectiveLookups && !named.contains(fact.name())
        && !named.contains(dev.optkit.analyzers.facts.values.FieldCodeCalls.THIS) && !namedInCallText(fact.name());
  }

  /** The text of every call of the project, built on first use. */
  private volatile java.util.List<String> callTexts;

  /**
   * Whether a call anywhere in the project passes the name as a string literal ({@code setTargetMethod("purge")},
   * a library's lookup by name): what it names may run, whatever calls it by code.
   */
  public boolean namedInCallText(String name) {
    java.util.List<String> texts = callTexts;
    if (texts == null) {
      java.util.List<String> built = new java.util.ArrayList<>();
      methods().forEach(m -> java.util.stream.Stream.concat(m.fact().calls().stream(), m.fact().opaqueCalls().stream())
          .map(CallRef::snippet).filter(java.util.Objects::nonNull).forEach(built::add));
      callTexts = texts = built;
    }
    String quoted = "\"" + name + "\"";
    return texts.stream().anyMatch(text -> text.contains(quoted));
  }

  /**
   * The package a project type is declared in, from its file's package declaration: a nested type's is its top-level
   * type's package, not its outer class's name. A type the project does not declare gives what precedes its last dot.
   */
  public String packageOfType(String type) {
    java.util.Map<String, String> byPath = packageByPath;
    if (byPath == null) {
      java.util.Map<String, String> built = new java.util.HashMap<>();
      files.forEach(file -> built.put(file.path(), file.packageName()));
      packageByPath = byPath = built;
    }
    // a nested type the hierarchy does not hold is found through its outer types
    for (String declaring = type; declaring.indexOf('.') > 0; declaring = declaring.substring(0, declaring.lastIndexOf('.'))) {
      String path = types.pathOf(declaring);
      String declared = path == null ? null : byPath.get(path);
      if (declared != null) {
        return declared;
      }
    }
    int dot = type.lastIndexOf('.');
    return dot < 0 ? "" : type.substring(0, dot);
  }
}
