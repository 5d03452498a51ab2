package dev.optkit.analyzers.index;

import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.catalog.DeclaredClientSignature;
import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.extract.FactExtractor;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.schema.MyBatisXmlMappers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The I/O sites the index adds to a method's own: calls of declared-client methods (a Spring Data
 * query method, a Feign method, a MyBatis mapper statement) with their SQL or HTTP verb and path,
 * calls of catalogued client methods a project class inherits, calls of query wrappers given SQL
 * ({@link QueryWrappers}), and the second-level cache that already answers a mapper's query.
 */
final class DeclaredSites {
  private static final Set<String> HTTP_VERB_ANNOTATIONS = Set.of(
      "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

  private final Map<IndexedMethod, List<IoSite>> declaredSites = new java.util.IdentityHashMap<>();
  private final Map<IndexedMethod, List<IoSite>> sites = new java.util.IdentityHashMap<>();

  private final ProjectIndex index;
  private final TypeHierarchy types;
  private final QueryWrappers wrappers;
  private final LibrarySites bytecodeSites;

  DeclaredSites(ProjectIndex index, TypeHierarchy types, QueryWrappers wrappers) {
    this.index = index;
    this.types = types;
    this.wrappers = wrappers;
    this.bytecodeSites = new LibrarySites(index, types);
  }

  /** Every I/O site in the method's own body: catalogue calls and calls of declared-client methods. */
  List<IoSite> sitesOf(IndexedMethod method) {
    return ProjectIndex.remembered(sites, method, this::computeSites);
  }

  private List<IoSite> computeSites(IndexedMethod method) {
    List<IoSite> result = new ArrayList<>(method.fact().ioSites());
    Optional<QueryWrappers.Helper> helper = wrappers.helper(method);
    if (helper.isPresent() && result.contains(helper.get().inner()) && wrappers.coveredByCallSites(method)) {
      // the statement or URL it runs is its parameter: every call site of it is that query, reported there
      ClientKind kind = helper.get().kind();
      result.removeIf(site -> site.kind() == kind && (kind == ClientKind.DB ? site.sql() == null : site.url() == null));
    }
    result.replaceAll(site -> withConstantSql(method, site));
    for (IoSite declared : declaredSitesOf(method)) {
      // one statement, one finding: a call the catalogue already made a site of (a stored query at its run, q.list())
      // is not a second site because the library's bytecode also reaches a statement from it
      if (LibrarySites.CLIENT_ID.equals(declared.clientId()) && result.stream()
          .anyMatch(site -> site.kind() == declared.kind() && site.range().equals(declared.range()))) {
        continue;
      }
      result.add(declared);
    }
    for (dev.optkit.analyzers.facts.SentRequest send : method.fact().sentRequests()) {
      sentRequest(method, send).ifPresent(sent -> {
        // one request, one site: where it is sent, with what its build declares; the build and the send's own site
        // (Call's execute(), known to the catalogue without its verb or path) are that request
        if (!sent.handedOn()) {
          result.removeIf(site -> site.kind() == sent.site().kind() && site.range().equals(sent.builtAt()));
        }
        int at = -1;
        for (int i = 0; i < result.size() && at < 0; i++) {
          if (result.get(i).kind() == sent.site().kind() && result.get(i).range().equals(sent.site().range())) {
            at = i;
          }
        }
        if (at >= 0) {
          result.set(at, sent.site());
        } else if (!sent.handedOn()) {
          // a cold request a project method built and handed on stays a site where it was built (asynchronous there):
          // one request, one finding, however many callers send it; the loops sending it read the send
          result.add(sent.site());
        }
      });
    }
    result.replaceAll(this::procedureRead);
    return List.copyOf(result);
  }

  /**
   * A database site running another class's constant as its SQL (audit 16's S31: {@code
   * jdbc.update(OrderQueries.INSERT_ORDER, code)}), or SQL made of such constants and literals ({@code
   * OrderQueries.BASE + " AND code = ?"}), with that text, in place of the one the file tells with the constants
   * unknown: the tables it writes can then be named. Its
   * access stays a write when its client's method or the SQL says so; an unknown one is the SQL's, and so is an
   * EntityManager's or Session's query's, whose factory's name says nothing.
   */
  private IoSite withConstantSql(IndexedMethod method, IoSite site) {
    if (site.kind() != ClientKind.DB || method.fact().sqlConstants().isEmpty()) {
      return site;
    }
    Optional<String> sql = method.fact().sqlConstants().stream().filter(c -> c.site().equals(site.range())).findFirst()
        .flatMap(c -> c.text().text(this::constantText))
        .map(text -> text.strip().replaceAll("\\s+", " "));
    if (sql.isEmpty()) {
      return site;
    }
    Access told = dev.optkit.analyzers.facts.sites.SqlStatements.access(sql.get());
    // its name's "create" was no write; a chain running executeUpdate() is one whatever the text says (review 49's S3)
    boolean updating = site.snippet() != null && site.snippet().contains("executeUpdate");
    Access access = site.makesJpaQuery() && told != Access.UNKNOWN && !updating ? told
        : site.access() == Access.WRITE || told == Access.WRITE ? Access.WRITE
        : site.access() == Access.UNKNOWN ? told : site.access();
    return new IoSite(site.kind(), site.clientId(), site.provider(), access, site.confidence(), site.receiverType(),
        site.method(), site.httpMethod(), site.url(), site.host(), sql.get(), site.llm(), site.async(), site.deferred(),
        site.range(), site.snippet(), site.basis(), site.argumentCount());
  }

  /**
   * {@code jdbc.query("CALL GetKind(?)", ...)}: a call of a procedure the project's scripts create from queries only
   * reads what they read (audit 10's s1), the queries standing for its SQL; any other CALL stays a write.
   */
  private IoSite procedureRead(IoSite site) {
    if (site.kind() != ClientKind.DB || site.access() == Access.READ || site.sql() == null) {
      return site;
    }
    return index.procedures().queriesOf(site.sql()).filter(this::readsNoView).map(queries -> new IoSite(site.kind(), site.clientId(),
        site.provider(), Access.READ, site.confidence(), site.receiverType(), site.method(), site.httpMethod(),
        site.url(), site.host(), queries, site.llm(), site.async(), site.deferred(), site.range(), site.snippet(),
        site.basis(), site.argumentCount())).orElse(site);
  }

  /**
   * Whether a procedure's queries read no view of the project's scripts: a view may call a function that writes
   * (hostile review 34's q13), which the procedure's own text does not show.
   */
  private boolean readsNoView(String queries) {
    try {
      for (net.sf.jsqlparser.statement.Statement statement : net.sf.jsqlparser.parser.CCJSqlParserUtil.parseStatements(queries)) {
        for (String table : new net.sf.jsqlparser.util.TablesNamesFinder<Void>().getTables(statement)) {
          String name = dev.optkit.analyzers.schema.TableNames.normalise(dev.optkit.analyzers.schema.SchemaViews.bare(table));
          if (index.schemaViews().expand(name).size() > 1) {
            return false;
          }
        }
      }
      return true;
    } catch (Exception | Error unparsed) {
      return false;
    }
  }

  /** {@link ProjectIndex#librarySite}. */
  Optional<IoSite> librarySite(CallRef link) {
    return link.receiverType() == null ? Optional.empty() : bytecodeSites.siteOf(link);
  }

  /** Sites that are calls of declared-client methods, in the order of the method's calls. */
  List<IoSite> declaredSitesOf(IndexedMethod method) {
    return ProjectIndex.remembered(declaredSites, method, m -> {
      List<IoSite> result = new ArrayList<>();
      boolean main = startsTheProgram(m.fact());
      for (CallRef call : m.fact().calls()) {
        Optional<IoSite> site = declaredSite(call);
        if (main && (handsOverTheArguments(call) || handsOverTheProgram(call, m.fact()))
            && site.filter(s -> LibrarySites.CLIENT_ID.equals(s.clientId())).isPresent()) {
          // start-up is not a query: a library call handed the program's arguments or its own class
          // (SpringApplication.run(App.class, args), Micronaut.run(App.class), a framework's launcher) starts the
          // application, whatever its bytecode reaches
          continue;
        }
        site.ifPresent(result::add);
      }
      for (CallRef link : m.fact().opaqueCalls()) {
        if (link.receiverType() != null) { // a link of a library's chain the solver typed: its bytecode may tell
          bytecodeSites.siteOf(link).ifPresent(result::add);
        }
      }
      return List.copyOf(result);
    });
  }

  /**
   * Whether one of the call's arguments is the program's arguments themselves ({@code run(App.class, args)}), not a
   * value made of them ({@code "delete " + args[i]}, a query a command line names).
   */
  private static boolean handsOverTheArguments(CallRef call) {
    List<dev.optkit.analyzers.facts.Roots> roots = call.roots();
    for (int i = 1; i < roots.size(); i++) {
      if (roots.get(i).any().equals(List.of(new dev.optkit.analyzers.facts.Root.Parameter(0)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the call is handed the class whose {@code main} makes it ({@code Micronaut.run(App.class)} in
   * {@code App.main}): the program gives a framework itself to start (a blind trial's Micronaut services: nine
   * {@code main}s reported as queries).
   */
  private static boolean handsOverTheProgram(CallRef call, MethodFact main) {
    String program = main.ownerType();
    return call.classLiterals().stream().anyMatch(literal -> program.equals(literal.qualified())
        || literal.qualified() == null && program.substring(program.lastIndexOf('.') + 1).equals(literal.simpleName()));
  }

  /** Whether the method is a program's {@code public static void main(String[])}. */
  private static boolean startsTheProgram(MethodFact fact) {
    return fact.isStatic() && fact.name().equals("main") && fact.params().size() == 1
        && fact.params().get(0).type() != null
        && java.util.Set.of("String[]", "String...", "java.lang.String[]", "java.lang.String...")
            .contains(fact.params().get(0).type().replace(" ", ""))
        && "void".equals(fact.returnType());
  }

  /**
   * The I/O an abstract method of a declared client stands for (a Spring Data query method, a
   * Feign method): the library implements it, so a call dispatched to it, through an interface it
   * redeclares, runs what a call of it on its own interface is. Empty for other methods and for a
   * method already cached (@Cacheable on it: the cache proxy answers).
   */
  Optional<IoSite> implementedByLibrary(IndexedMethod method) {
    MethodFact fact = method.fact();
    if (!fact.isAbstract() || fact.isConstructor()) {
      return Optional.empty();
    }
    String client = fact.ownerType();
    if (index.declaredClient(client).isEmpty()) {
      // declared on a project interface a repository extends (NameWriter { @Modifying @Query int rename(...); }):
      // the library implements it for that repository (hostile review 34's b6, b7)
      client = index.subtypesOf(fact.ownerType()).stream().filter(sub -> index.declaredClient(sub).isPresent())
          .sorted().findFirst().orElse(null);
      if (client == null) {
        return Optional.empty();
      }
    }
    String receiver = client;
    synchronized (librarySites) {
      Optional<IoSite> known = librarySites.get(method);
      if (known != null) {
        return known;
      }
    }
    Optional<IoSite> site = computeBuilt(new CallRef(receiver, fact.name(), fact.params().size(),
        dev.optkit.analyzers.facts.Confidence.HIGH, false, fact.range(), fact.signature())).flatMap(this::asWritten);
    if (!receiver.equals(fact.ownerType()) && site.filter(s -> s.access() == dev.optkit.analyzers.facts.Access.READ)
        .isPresent() && implementedInProject(fact)) {
      // a read the project's own classes implement too: the call fans out to them, as any interface method's does
      site = Optional.empty();
    }
    synchronized (librarySites) {
      librarySites.putIfAbsent(method, site);
      return librarySites.get(method);
    }
  }

  private final Map<IndexedMethod, Optional<IoSite>> librarySites = new java.util.IdentityHashMap<>();

  /** Whether a project class of the interface's subtypes implements the method with a body. */
  private boolean implementedInProject(MethodFact fact) {
    return index.subtypesOf(fact.ownerType()).stream().flatMap(sub -> index.methods(sub, fact.name()).stream())
        .anyMatch(m -> !m.fact().isAbstract() && m.fact().params().size() == fact.params().size());
  }

  /** The declared-client site a call is, if its receiver is a declared client, or a query wrapper given SQL. */
  Optional<IoSite> declaredSite(CallRef call) {
    return ProjectIndex.remembered(declaredSiteOfCall, call, c -> built(c).flatMap(this::asWritten));
  }

  private final Map<CallRef, Optional<IoSite>> declaredSiteOfCall = new java.util.IdentityHashMap<>();

  private Optional<Built> computeBuilt(CallRef call) {
    CallRef written = call;
    Optional<IoSite> wrapped = wrappers.queryWrapperSite(call);
    if (wrapped.isPresent()) {
      return wrapped.map(Built::plain);
    }
    if (call.receiverType() == null && call.receivedFrom() != null) {
      String received = index.receivedType(call);
      if (received == null) {
        return Optional.empty();
      }
      call = call.withReceiverType(received);
      if (!types.contains(received) && index.declaredClient(received).isEmpty()) {
        // a library type a project method answers (ChatQuery.byId(id, s) giving Hibernate's Criteria): the catalogue's
        // client, else what the library's bytecode says of the method, as for a receiver typed where it is
        Optional<IoSite> catalogued = returnedClientSite(call);
        return (catalogued.isPresent() ? catalogued : bytecodeSites.siteOf(call)).map(Built::plain);
      }
    }
    if (call.receiverType() == null) {
      return Optional.empty();
    }
    Optional<DeclaredClientSignature> client = index.declaredClient(call.receiverType());
    if (client.isEmpty() && (index.implementedOnlyApart(written, call.receiverType()) || index.madeByRemoting(written))) {
      // the project implements the interface only in applications never deployed with the caller: what it calls is
      // what a library made at run time (a client proxy), as for an interface the project does not implement
      client = index.declaredWhereUnimplemented(call.receiverType());
    }
    if (client.isEmpty()) {
      Optional<IoSite> inherited = inheritedClientSite(call);
      return (inherited.isPresent() ? inherited : bytecodeSites.siteOf(call)).map(Built::plain);
    }
    DeclaredClientSignature signature = client.get();
    MethodFact declaration = findDeclaration(call.receiverType(), call.name());
    if (DeclaredClients.BY_ANNOTATIONS.contains(signature.id()) && declaration != null
        && !DeclaredClients.declaresByAnnotation(declaration)) {
      // a base interface whose sub-interfaces, one per API version, carry the requests (a trial's GitLabApiProxy with
      // V3 and V4 proxies): the call runs whichever the library made, each declaring its request
      declaration = annotatedOverride(call, declaration);
    }
    if (signature.id().equals(DeclaredClients.REMOTE_SERVICE_ID) && (declaration == null || !declaration.isAbstract())) {
      return Optional.empty(); // only what the interface declares crosses to the other application (not toString())
    }
    if (declaration != null && declaration.usesExistingCache()) {
      return Optional.empty(); // @Cacheable on the repository method: served by the cache proxy
    }
    if (declaration != null && (declaration.isStatic() || declaration.isPrivate())) {
      return Optional.empty(); // a private or static helper of the interface (legacyId(id)): its own code, no query
    }
    if (bodiedOnly(call)) {
      // a default method (findPaged choosing between two @SqlQuery siblings): the project's code, whose calls of its
      // siblings are the queries; the call of it was a second finding of them
      return Optional.empty();
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
      sql = declaration == null ? null : annotatedQuery(declaration);
      if (sql == null && declaration != null) {
        // a project's own query annotation (@Sql("SELECT ...")) on an interface it implements by delegation
        sql = declaration.annotationValues().values().stream()
            .filter(dev.optkit.analyzers.facts.sites.SqlStatements::looksLikeSql).findFirst().orElse(null);
      }
      access = dbAccess(declaration, call.name(), sql);
      Optional<MyBatisXmlMappers.Statement> mapped = index.xmlMappers.statement(call.receiverType(), call.name());
      if (sql == null && mapped.isPresent()) {
        sql = mapped.get().sql();
        access = mapped.get().access();
      }
    }
    if (signature.id().startsWith(DeclaredClients.DELEGATED) && (signature.kind() == ClientKind.DB ? sql == null : httpMethod == null)) {
      return Optional.empty(); // the project implements the interface: a method without a query annotation is its own code
    }
    if (DeclaredClients.BY_ANNOTATIONS.contains(signature.id()) && !DeclaredClients.declaresByAnnotation(declaration)) {
      // a client known by its annotations alone runs what they declare: a method without one, or one it inherits from
      // the library (Jdbi's getHandle()), none; one whose text is not read (a classpath locator) still runs a query
      return Optional.empty();
    }
    IoSite site = new IoSite(signature.kind(), signature.id(), signature.provider(), access, call.confidence(),
        call.receiverType(), call.name(), httpMethod, url, null, sql, false, false, call.deferred(), call.range(),
        call.snippet()).withArgumentCount(call.argumentCount());
    return Optional.of(new Built(withEntityName(site, declaration), pendingAnswered(declaration)));
  }

  /**
   * What a call of a declared client's method makes: its request, and the pending request it answers when the
   * request is not sent by the call ({@code Call<T>}, {@code Single<T>}), else null.
   */
  record Built(IoSite request, dev.optkit.analyzers.catalog.PendingRequestSignature pending) {
    static Built plain(IoSite site) {
      return new Built(site, null);
    }
  }

  /** {@link #computeBuilt}, once per call. */
  private Optional<Built> built(CallRef call) {
    return ProjectIndex.remembered(builtByCall, call, this::computeBuilt);
  }

  private final Map<CallRef, Optional<Built>> builtByCall = new java.util.IdentityHashMap<>();

  /**
   * The site a call of a declared client's method is where it is written: its request, unless the method answers a
   * {@link dev.optkit.analyzers.catalog.PendingRequestSignature pending request}. Then the request goes where it is
   * sent; a pending request that is a catalogued client itself (Retrofit's {@code Call}) is a site at every send,
   * so the build is none (a trial's 55-endpoint API: two findings for one request); another (a cold
   * {@code Single}) is a site here that starts nothing here, unless the method sends it ({@link #sentRequest}).
   */
  private Optional<IoSite> asWritten(Built built) {
    if (built.pending() == null) {
      return Optional.of(built.request());
    }
    if (built.pending().types().stream().anyMatch(type -> !index.catalog.clientsForType(type).isEmpty())) {
      return Optional.empty();
    }
    IoSite site = built.request();
    return Optional.of(new IoSite(site.kind(), site.clientId(), site.provider(), site.access(), site.confidence(),
        site.receiverType(), site.method(), site.httpMethod(), site.url(), site.host(), site.sql(), site.llm(), true,
        site.deferred(), site.range(), site.snippet(), site.basis(), site.argumentCount()));
  }

  /**
   * The request a call of the method sends ({@code call.execute()}, {@code single.blockingGet()}) when what it is
   * called on is a pending request that a declared client's method built in the same method, or that a project method
   * called there returns unsent ({@link #returnedBuild}): that request, with its
   * verb, path or query, at the send; asynchronous when the send only starts it ({@code enqueue}, {@code subscribe}).
   * The build is then no site of its own.
   */
  Optional<Sent> sentRequest(IndexedMethod method, dev.optkit.analyzers.facts.SentRequest send) {
    for (dev.optkit.analyzers.facts.CallAt at : send.built()) {
      CallRef call = method.fact().calls().stream().filter(at::is).findFirst().orElse(null);
      Optional<Built> here = call == null ? Optional.empty() : built(call);
      Optional<Built> built = here.isPresent() || call == null ? here : returnedBuild(call, 0);
      if (built.isPresent() && built.get().pending() != null && built.get().pending().sends(send.name())) {
        IoSite site = built.get().request();
        return Optional.of(new Sent(new IoSite(site.kind(), site.clientId(), site.provider(), site.access(),
            site.confidence(), site.receiverType(), site.method(), site.httpMethod(), site.url(), site.host(),
            site.sql(), site.llm(), built.get().pending().startsOnly(send.name()), send.deferred(), send.range(),
            send.snippet(), site.basis(), site.argumentCount()), call.range(), here.isEmpty()));
      }
    }
    return Optional.empty();
  }

  /** The most project methods a built request is followed back through, each returning what the next returns. */
  private static final int MAX_RETURN_DEPTH = 4;

  /**
   * The request a call of a project method hands on unsent: the one a declared client's method built that the method
   * returns as it is ({@code Single<T> one(id) { return api.item(id); }}), or that a project method it returns the
   * result of hands on. Only a method declared to return the pending request itself, and only when every method the
   * call may run returns the same build; else nothing.
   */
  private Optional<Built> returnedBuild(CallRef call, int depth) {
    List<IndexedMethod> targets = depth >= MAX_RETURN_DEPTH ? List.of() : index.targetsOf(call);
    Built found = null;
    for (IndexedMethod target : targets) {
      MethodFact fact = target.fact();
      if (pendingAnswered(fact) == null || fact.returnedCalls().size() != 1) {
        return Optional.empty();
      }
      CallRef returned = fact.calls().stream().filter(fact.returnedCalls().get(0)::is).findFirst().orElse(null);
      Optional<Built> built = returned == null ? Optional.empty()
          : built(returned).filter(b -> b.pending() != null).or(() -> returnedBuild(returned, depth + 1));
      if (built.isEmpty() || found != null && !found.request().equals(built.get().request())) {
        return Optional.empty();
      }
      found = built.get();
    }
    return Optional.ofNullable(found);
  }

  /**
   * A request sent where {@code site} is, built by the call at {@code builtAt}, or by a project method that call runs
   * and that hands it on unsent ({@code handedOn}).
   */
  record Sent(IoSite site, dev.optkit.analyzers.facts.SourceRange builtAt, boolean handedOn) {}

  /** The pending request a declared method answers ({@code Call<T>}, {@code Single<T>}), else null. */
  private dev.optkit.analyzers.catalog.PendingRequestSignature pendingAnswered(MethodFact declaration) {
    String returned = declaration == null || declaration.returnType() == null ? null
        : dev.optkit.analyzers.facts.types.TypeNames.raw(declaration.returnType());
    return returned == null ? null : index.catalog.pendingRequest(returned).orElse(null);
  }

  /**
   * The declaration of the called method in the project's sub-interfaces of the receiver's, when there is one or more
   * and every one declares its query or request by annotation: the first by type name (its verb and path, where they
   * describe the site); the declaration itself otherwise.
   */
  private MethodFact annotatedOverride(CallRef call, MethodFact declaration) {
    List<MethodFact> overrides = new ArrayList<>();
    for (String sub : new java.util.TreeSet<>(index.subtypesOf(call.receiverType()))) {
      if (sub.equals(call.receiverType())) {
        continue;
      }
      for (IndexedMethod method : index.methods(sub, call.name())) {
        if (method.fact().isAbstract() && method.fact().params().size() == declaration.params().size()) {
          overrides.add(method.fact());
        }
      }
    }
    if (overrides.isEmpty() || !overrides.stream().allMatch(DeclaredClients::declaresByAnnotation)) {
      return declaration;
    }
    return overrides.get(0);
  }

  /** Spring Data JPA's SpEL for the repository's entity name in a query's text. */
  private static final String ENTITY_NAME = "#{#entityName}";

  /**
   * A repository query's {@code #{#entityName}} put in as Spring Data JPA does: the name JPA gives the entity the
   * called repository stores ({@code @Entity(name)}, else its simple name), so a generic base repository's {@code
   * from #{#entityName} e} reads each entity's table. Left as written where that is not a JPA entity of the project
   * (the generic repository called as such, another store's) or its name is another file's constant.
   */
  private IoSite withEntityName(IoSite site, MethodFact declaration) {
    if (site.kind() != ClientKind.DB || site.sql() == null || !site.sql().contains(ENTITY_NAME)) {
      return site;
    }
    Optional<String> name = index.footprints().storedEntity(site).flatMap(index::type)
        .filter(entity -> entity.hasAnnotation("Entity")).flatMap(DataFootprint.Reader::jpqlName);
    if (name.isEmpty()) {
      return site;
    }
    String sql = site.sql().replace(ENTITY_NAME, name.get());
    return new IoSite(site.kind(), site.clientId(), site.provider(), dbAccess(declaration, site.method(), sql),
        site.confidence(), site.receiverType(), site.method(), site.httpMethod(), site.url(), site.host(), sql,
        site.llm(), site.async(), site.deferred(), site.range(), site.snippet(), site.basis(), site.argumentCount());
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
          call.confidence().min(dev.optkit.analyzers.facts.Confidence.MEDIUM), call.receiverType(), call.name(),
          null, null, null, null, signature.llm(), false, call.deferred(), call.range(), call.snippet())
          .withArgumentCount(call.argumentCount());
    });
  }

  /**
   * A call on the catalogued client a getter of the project hands back ({@code getJdbcTemplate().update(sql)},
   * {@code getClient().send(request, handler)}), its type read from the getter's declaration: the file
   * calling it may not import the client, and the getter may be inherited from a base class. Medium
   * confidence: the declared type, not the solver's.
   */
  private Optional<IoSite> returnedClientSite(CallRef call) {
    return index.catalog.match(List.of(call.receiverType()), call.name()).map(signature -> {
      Boolean reads = signature.readsByMethod(call.name());
      Access access = call.sql() != null && signature.kind() == ClientKind.DB
          ? dev.optkit.analyzers.facts.sites.SqlStatements.access(call.sql()) : Access.UNKNOWN;
      if (access == Access.UNKNOWN) {
        access = reads == null ? FactExtractor.methodNameAccess(call.name()) : reads ? Access.READ : Access.WRITE;
      }
      String sql = signature.kind() == ClientKind.DB ? call.sql() : null;
      String url = signature.kind() == ClientKind.API ? call.url() : null;
      return new IoSite(signature.kind(), signature.id(), signature.provider(), access,
          call.confidence().min(dev.optkit.analyzers.facts.Confidence.MEDIUM), call.receiverType(), call.name(),
          null, url, IoSite.hostOf(url), sql, signature.llm(), false, call.deferred(),
          call.range(), call.snippet()).withArgumentCount(call.argumentCount());
    });
  }

  /** Which library client a project class inherits this method from, by receiver type and method name. */
  private final Map<String, Map<String, Optional<dev.optkit.analyzers.catalog.ClientSignature>>> inheritedClients =
      new ConcurrentHashMap<>();

  private Optional<dev.optkit.analyzers.catalog.ClientSignature> inheritedClient(String receiverType, String name) {
    TypeFact type = types.get(receiverType);
    if (type == null || type.isInterface() || !index.methods(receiverType, name).isEmpty()) {
      return Optional.empty();
    }
    List<String> ancestors = types.supertypesOf(receiverType);
    for (String ancestor : ancestors.subList(1, ancestors.size())) {
      if (!index.methods(ancestor, name).isEmpty()) {
        return Optional.empty(); // a project superclass declares it
      }
      for (dev.optkit.analyzers.catalog.ClientSignature signature : index.catalog.clientsForType(ancestor)) {
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
        // a @Select reads unless its SQL changes data (a data-modifying WITH, a procedure call): one SQL reader decides
        return sql != null && dev.optkit.analyzers.facts.sites.SqlStatements.access(sql) == Access.WRITE
            ? Access.WRITE : Access.READ;
      }
      // a MongoDB query document is no SQL: its annotation says what it does
      Optional<Access> mongo = dev.optkit.analyzers.facts.sites.MongoRepositoryQueries.access(declaration);
      if (mongo.isPresent()) {
        return mongo.get();
      }
    }
    if (sql != null) {
      // SQL or JPQL, read by the one SQL reader; text it cannot read (another query language) may write
      Access told = dev.optkit.analyzers.facts.sites.SqlStatements.access(sql);
      return told == Access.UNKNOWN ? Access.WRITE : told;
    }
    return FactExtractor.methodNameAccess(name);
  }

  /**
   * The query a method's annotation gives ({@link AnnotationValues#QUERY_ANNOTATIONS}, the first of them): its text,
   * made whole by the index where it names other types' constants and each of them is known; else the text the file
   * tells, with its unknown parts as such; null where it has none.
   */
  String annotatedQuery(MethodFact declaration) {
    for (String annotation : dev.optkit.analyzers.facts.types.AnnotationValues.QUERY_ANNOTATIONS) {
      Optional<String> composed = declaration.composedAnnotationValues().entrySet().stream()
          .filter(entry -> dev.optkit.analyzers.facts.AnnotationNames.matches(entry.getKey(), annotation))
          .findFirst().flatMap(entry -> entry.getValue().text(this::constantText));
      if (composed.isPresent()) {
        return composed.get();
      }
      String told = declaration.annotationValue(annotation);
      if (told != null) {
        return told;
      }
    }
    return null;
  }

  /**
   * A project type's text constant, or what its static builder returns ({@code TypeFact#textConstants}), or a constant
   * of its made of other classes' constants, read through them ({@code TypeFact#composedConstants}, up to {@value
   * #MAX_CONSTANT_DEPTH} classes deep); empty where one of them is not known.
   */
  private Optional<String> constantText(String type, String name) {
    return constantText(type, name, 0);
  }

  private static final int MAX_CONSTANT_DEPTH = 8;

  private Optional<String> constantText(String type, String name, int depth) {
    Optional<dev.optkit.analyzers.facts.TypeFact> declaring = index.type(type);
    if (declaring.isEmpty()) {
      return Optional.empty();
    }
    String known = declaring.get().textConstants().get(name);
    if (known != null) {
      return Optional.of(known);
    }
    dev.optkit.analyzers.facts.ComposedText composed = declaring.get().composedConstants().get(name);
    return composed == null || depth >= MAX_CONSTANT_DEPTH ? Optional.empty()
        : composed.text((other, constant) -> constantText(other, constant, depth + 1));
  }

  private String httpVerb(MethodFact method) {
    // a method member names the verb: @RequestMapping(method = POST), @HttpExchange(method = "POST"), @HTTP(...)
    for (Map.Entry<String, String> entry : method.annotationValues().entrySet()) {
      if (entry.getKey().endsWith("#method")) {
        String verbs = entry.getValue();
        // one verb it is; several, or one optkit cannot read, may write
        return verbs.contains(",") || !HTTP_VERB_ANNOTATIONS.contains(verbs) ? "UNKNOWN" : verbs;
      }
    }
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

  /**
   * Whether every method the call may run, of its name and argument count (or varargs) in the receiver and its project
   * supertypes, has a body, and no library supertype may declare one: none a library implements.
   */
  private boolean bodiedOnly(CallRef call) {
    boolean any = false;
    for (String ancestor : types.supertypesOf(call.receiverType())) {
      if (index.type(ancestor).isEmpty() && !ancestor.equals("java.lang.Object")
          && !index.libraryIo().declaresName(ancestor, call.name()).equals(Optional.of(false))) {
        // a library interface the receiver extends may declare an overload the library implements (a repository's
        // default findById(Integer) calling CrudRepository's findById(ID)): arguments' types would tell, not the count
        return false;
      }
      for (IndexedMethod method : index.methods(ancestor, call.name())) {
        MethodFact fact = method.fact();
        int params = fact.params().size();
        boolean varargs = params > 0 && fact.params().get(params - 1).type() != null
            && fact.params().get(params - 1).type().endsWith("...");
        if (params == call.argumentCount() || varargs && call.argumentCount() >= params - 1) {
          if (fact.isAbstract()) {
            return false;
          }
          any = true;
        }
      }
    }
    return any;
  }

  MethodFact findDeclaration(String type, String name) {
    for (String ancestor : types.supertypesOf(type)) {
      List<IndexedMethod> found = index.methods(ancestor, name);
      if (!found.isEmpty()) {
        return found.get(0).fact();
      }
    }
    return null;
  }

  /**
   * The cache that already answers a query site: MyBatis's second-level cache of its mapper
   * namespace ({@code <cache/>} in the XML mapper, {@code @CacheNamespace} on the interface).
   */
  Optional<String> secondLevelCache(IoSite site) {
    if (site.access() != Access.READ || site.receiverType() == null) {
      return Optional.empty();
    }
    Optional<String> xml = index.xmlMappers.statement(site.receiverType(), site.method())
        .map(MyBatisXmlMappers.Statement::cachedBy);
    if (xml.isPresent()) {
      return xml;
    }
    return index.type(site.receiverType()).filter(t -> t.annotations().stream()
            .anyMatch(a -> a.equals("org.apache.ibatis.annotations.CacheNamespace")
                || a.equals("org.apache.ibatis.annotations.CacheNamespaceRef")))
        .map(t -> "MyBatis's second-level cache (@CacheNamespace on " + t.simpleName() + ")");
  }
}
