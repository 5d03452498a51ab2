package dev.optkit.rewriters.loops;

import dev.optkit.analyzers.proof.Reason;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.facts.SourceRange;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.rewriters.edit.SourceDocument;
import dev.optkit.rewriters.edit.TextEdit;
import dev.optkit.rewriters.source.EntityIds;
import dev.optkit.rewriters.source.TypeVariables;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.analyzers.proof.Proof;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A Spring Data {@code findById} per element of a loop (the N+1 shape) becomes one
 * {@code findAllById} per chunk of ids before the loop, and each element takes its row from what
 * they loaded:
 *
 * <pre>
 * Map&lt;Long, Order&gt; loadedOrders = new LinkedHashMap&lt;&gt;();   // every id asked, once, in input order
 * ... findAllById per 1,000 ids, each row put under its id ...
 * for (Long id : ids) {
 *     Optional&lt;Order&gt; order = loadedOrders.containsKey(id) ? Optional.ofNullable(loadedOrders.remove(id)) : orders.findById(id);
 *     ... (the loop's statements, unchanged)
 * }
 * </pre>
 *
 * The answers are the original's element for element: the loop's order (findAllById keeps none), a
 * missing id's empty {@code Optional}, and each occurrence its own object, since an id asked again
 * (or a null id, whose exception stays findById's) calls findById as before. What is proved first:
 * the repository's findById is Spring Data's own (no query, entity graph or custom implementation
 * of the project's, which findAllById would not share); the id is a number or a UUID (equal as the
 * database compares it, unlike strings under a case-insensitive collation); the loop body makes no
 * other I/O and changes nothing but its own locals (so reading every row first reads what each
 * findById would have read, and a failed load leaves nothing half done); it leaves the loop neither
 * by {@code break} nor {@code return} (the rows of ids it never reaches would be loaded for
 * nothing).
 */
final class FindByIdBatchRewrite {
  /** Ids per findAllById: Oracle's IN-list limit, and far below SQL Server's 2,100 and PostgreSQL's 32,767 binds. */
  static final int CHUNK = 1000;

  /** Spring Data repository interfaces whose findById and findAllById are the framework's own. */
  private static final Set<String> CRUD_REPOSITORIES = Set.of("CrudRepository", "ListCrudRepository", "JpaRepository",
      "JpaRepositoryImplementation", "MongoRepository", "CassandraRepository", "ElasticsearchRepository",
      "Neo4jRepository", "CouchbaseRepository", "KeyValueRepository");

  /** A JPA entity em.find may answer from Hibernate's second-level cache, which a query does not read. */
  private static final List<String> SECOND_LEVEL_CACHE = List.of("org.hibernate.annotations.Cache",
      "jakarta.persistence.Cacheable", "javax.persistence.Cacheable");

  /**
   * Hibernate's filters, which make a query and a load by id see different rows; its restrictions and custom loads do
   * too, read from the entity's {@link dev.optkit.analyzers.facts.MappingSql} as every reader of its mapping does.
   */
  private static final List<String> FILTERS = List.of("org.hibernate.annotations.Filter",
      "org.hibernate.annotations.Filters", "org.hibernate.annotations.FilterDef", "org.hibernate.annotations.FilterDefs");

  /** The mapping's additions that make a query of the entity and its load by id see different rows. */
  private static final Set<dev.optkit.analyzers.facts.MappingSql.Kind> DIFFERENT_ROWS = Set.of(
      dev.optkit.analyzers.facts.MappingSql.Kind.RESTRICTION, dev.optkit.analyzers.facts.MappingSql.Kind.CUSTOM_LOAD);

  /** Id types whose equality is the database's: numbers and UUIDs, boxed as the repository declares them. */
  private static final Set<String> ID_TYPES = Set.of("Long", "Integer", "UUID");

  private final SourceDocument document;
  private final CompilationUnit unit;
  private final ProjectIndex index;
  private final EntityIds ids;
  private final TypeVariables typeVariables;
  private final LoopSites sites;
  private final LoadAheadProof ahead;
  private final JdbcKeyQueryBatchRewrite keyQueries;
  private final JpaLoadScope jpaScope;
  private final OtherLoopIo otherIo;

  FindByIdBatchRewrite(SourceDocument document, CompilationUnit unit, ProjectIndex index, EntityIds ids,
      TypeVariables typeVariables, JpaLoadScope jpaScope, ImmutableTypes immutables) {
    this.jpaScope = jpaScope;
    this.document = document;
    this.unit = unit;
    this.index = index;
    this.ids = ids;
    this.typeVariables = typeVariables;
    this.sites = new LoopSites(document, unit, index);
    this.ahead = new LoadAheadProof(document, unit, index, sites, immutables);
    this.keyQueries = new JdbcKeyQueryBatchRewrite(document, unit, index, sites, ahead);
    this.otherIo = new OtherLoopIo(sites, jpaScope);
  }

  /** {@code loaded.containsKey(id) ? ...} or {@code loaded.containsKey(id) && ... ? ...}: the lookup a rewrite wrote. */
  private static boolean startsWithLookup(Expression condition) {
    Expression first = condition;
    while (first instanceof com.github.javaparser.ast.expr.BinaryExpr both
        && both.getOperator() == com.github.javaparser.ast.expr.BinaryExpr.Operator.AND) {
      first = both.getLeft();
    }
    return first instanceof MethodCallExpr test && test.getNameAsString().equals("containsKey");
  }

  /** The loop's rewrite: the lines before it and the call replaced, or why it is refused. */
  FuturesJoinedInLoopRewrite.Outcome rewrite(CallableDeclaration<?> method, ForEachStmt loop, IndexedMethod indexed) {
    // every I/O in the body: a client's call or method reference (orders::save), a project method reaching one
    SourceRange loopBody = FactRanges.span(loop.getBody());
    List<String> io = new ArrayList<>();
    List<IoSite> reachedInside = new ArrayList<>();
    MethodCallExpr find = null;
    List<MethodCallExpr> siteCalls = new ArrayList<>();
    for (IoSite inside : index.sitesOf(indexed)) {
      if (loopBody.contains(inside.range())) {
        io.add(inside.snippet());
      }
    }
    for (MethodCallExpr call : loop.getBody().findAll(MethodCallExpr.class)) {
      if (sites.site(indexed, call).isPresent()) {
        find = call;
        siteCalls.add(call);
      } else if (!sites.reached(indexed, call).isEmpty()) {
        io.add(call.toString());
        sites.reached(indexed, call).forEach(r -> reachedInside.add(((dev.optkit.analyzers.index.ReachedIo) r).site()));
      }
    }
    if (io.size() == 1 && find == null) {
      return new FuturesJoinedInLoopRewrite.Refused(Proof.LOOP_OTHER_IO, OtherLoopIo.insideProjectCode(io.get(0), reachedInside));
    }
    Optional<String> managedSave = io.size() == siteCalls.size() ? otherIo.savesWhatItLoads(loop, siteCalls, indexed)
        : Optional.empty();
    if (managedSave.isPresent()) {
      return new FuturesJoinedInLoopRewrite.Refused(Proof.LOOP_BATCH_ENTITY, managedSave.get());
    }
    if (io.size() != 1 || find == null) {
      return new FuturesJoinedInLoopRewrite.Refused(Proof.LOOP_OTHER_IO, io.isEmpty() ? "optkit cannot find its query in the loop's body"
          : "its body makes " + io.size() + " calls that query or wait on I/O (" + String.join(", ", io) + "), and "
              + "optkit batches a loop whose one query is a findById or a JdbcTemplate queryForObject or query by key");
    }
    if (find.getParentNode().orElse(null) instanceof com.github.javaparser.ast.expr.ConditionalExpr choice
        && choice.getElseExpr() == find && startsWithLookup(choice.getCondition())) {
      return new FuturesJoinedInLoopRewrite.Refused(Proof.LOOP_BATCH_FORM, "it is batched already: its " + find.getNameAsString() + " runs "
          + "only for a key the loading before the loop did not answer");
    }
    Optional<IoSite> site = sites.site(indexed, find);
    if (site.isPresent() && site.get().access() == Access.READ && JdbcKeyQueryBatchRewrite.handles(site.get())) {
      return keyQueries.rewrite(method, loop, indexed, find, site.get());
    }
    Optional<Reason> shape = ahead.shapeProblem(method, loop, "findById");
    if (shape.isPresent()) {
      return new FuturesJoinedInLoopRewrite.Refused(shape.get());
    }
    String iterable = sites.iterableText(loop);
    if (site.isEmpty() || !find.getNameAsString().equals("findById") || find.getArguments().size() != 1
        || site.get().kind() != ClientKind.DB || site.get().access() != Access.READ || find.getScope().isEmpty()) {
      String client = site.map(IoSite::provider).orElse("a client optkit cannot name");
      return new FuturesJoinedInLoopRewrite.Refused(Proof.LOOP_BATCH_FORM, "its query is " + find.getNameAsString() + "() of " + client
          + ", and optkit batches a Spring Data repository's findById and a JdbcTemplate queryForObject or query by key"
          + site.map(IoSite::sql).map(sql -> KeyQuerySql.of(sql).byHand()).orElse(""));
    }
    LoopKey.KeyOrProblem keyed = LoopKey.of(loop, find.getArgument(0), index, sites, indexed);
    if (keyed.key() == null) {
      return new FuturesJoinedInLoopRewrite.Refused(Proof.LOOP_BATCH_FORM, "findById is given " + find.getArgument(0) + ": "
          + keyed.problem());
    }
    LoopKey key = keyed.key();
    Expression receiver = find.getScope().get();
    boolean fieldReceiver = receiver instanceof com.github.javaparser.ast.expr.FieldAccessExpr access
        && access.getScope() instanceof com.github.javaparser.ast.expr.ThisExpr
        || receiver instanceof NameExpr name && !LoadAheadProof.declaredIn(method, name.getNameAsString());
    if (!fieldReceiver) {
      return new FuturesJoinedInLoopRewrite.Refused(Proof.LOOP_BATCH_FORM, "its findById is called on " + receiver + ", not on a field of "
          + "the class: the loading before the loop could not name the same repository");
    }
    for (Node at = find.getParentNode().orElse(null); at != null && at != loop; at = at.getParentNode().orElse(null)) {
      if (at instanceof com.github.javaparser.ast.stmt.TryStmt) {
        return new FuturesJoinedInLoopRewrite.Refused(Proof.LOOP_SHAPE, "its findById is inside a try block, whose catch would no longer "
            + "see a failed load: the loading before the loop would fail for every element");
      }
    }
    Optional<String> repository = repositoryProblem(site.get().receiverType());
    if (repository.isPresent()) {
      return new FuturesJoinedInLoopRewrite.Refused(Proof.LOOP_BATCH_FORM, repository.get());
    }
    List<String> arguments = crudArguments(site.get().receiverType()).orElseThrow();
    String entity = arguments.get(0);
    String idType = simple(arguments.get(1));
    String elementType = LoopProof.boxed(loop.getVariableDeclarator().getType().asString());
    if (!ID_TYPES.contains(idType) || !simple(key.type()).equals(idType)) {
      return new FuturesJoinedInLoopRewrite.Refused(Proof.LOOP_BATCH_FORM, "its ids are " + key.type() + " for a repository of " + idType
          + " ids, and optkit batches Long, Integer and UUID ids only: those compare as the database compares them");
    }
    if (index.type(entity).filter(t -> t.hasAnnotation("jakarta.persistence.Entity")
        || t.hasAnnotation("javax.persistence.Entity")).isPresent() || crudSimple(site.get().receiverType()).equals("JpaRepository")) {
      Optional<String> transaction = jpaScope.transactionAround(indexed);
      boolean clean = transaction.isPresent() && jpaScope.opensCleanTransaction(indexed, FactRanges.span(loop));
      if (transaction.isPresent() && !clean) {
        return new FuturesJoinedInLoopRewrite.Refused(Proof.LOOP_BATCH_ENTITY, simple(entity) + " is a JPA entity and the loop runs in "
            + transaction.get() + ": a findAllById query first flushes the changes that transaction holds, which "
            + "findById (em.find) does not, so a failing write would fail at the loading; optkit batches a JPA "
            + "loop that runs outside transactions, where each call has a read-only one of its own, or first in "
            + "a transaction its method opens");
      }
      Optional<String> graph = jpaGraphProblem(entity, clean);
      if (graph.isPresent()) {
        return new FuturesJoinedInLoopRewrite.Refused(Proof.LOOP_BATCH_ENTITY, graph.get());
      }
    }
    Optional<String> baseClass = index.files().stream().flatMap(f -> f.types().stream())
        .flatMap(t -> t.annotationValues().keySet().stream()).filter(k -> k.endsWith("#repositoryBaseClass")).findFirst();
    if (baseClass.isPresent()) {
      return new FuturesJoinedInLoopRewrite.Refused(Proof.LOOP_BATCH_FORM, "the project sets its own repository base class (" + baseClass.get()
          + "), whose findById findAllById need not go through");
    }
    // a getter's collection: the loop's own header, which compiles, shows its elements fit the element type
    String collected = IterableGetter.is(loop) ? LoopProof.boxed(loop.getVariableDeclarator().getType().asString())
        : LoopProof.boxed(IteratedCollection.declaredElementType(method, loop, iterable));
    if (!simple(collected).equals(key.isElement() ? idType : simple(elementType))) {
      return new FuturesJoinedInLoopRewrite.Refused(Proof.LOOP_COLLECTION, iterable + " holds " + (collected.isEmpty() ? "elements of a type "
          + "optkit cannot name" : collected) + ", not " + (key.isElement() ? "the repository's " + idType + " ids"
              : "the loop's " + elementType));
    }
    Optional<EntityIds.Id> id = ids.of(entity);
    if (id.isEmpty()) {
      return new FuturesJoinedInLoopRewrite.Refused(Proof.LOOP_BATCH_ENTITY, "optkit cannot find the getter of " + simple(entity) + "'s @Id "
          + "field, which it needs to put each loaded row under its id");
    }
    if (!simple(id.get().type()).equals(idType)) {
      return new FuturesJoinedInLoopRewrite.Refused(Proof.LOOP_BATCH_ENTITY, simple(entity) + "'s @Id field is a " + id.get().type()
          + " where its repository declares " + idType + " ids");
    }
    // on the entity, or on the inheritance root or mapped superclass it extends
    Optional<String> filtered = hierarchy(entity).stream()
        .flatMap(type -> java.util.stream.Stream.concat(FILTERS.stream().filter(type::hasAnnotation),
            type.mappingSql().stream().filter(sql -> sql.member().isEmpty() && DIFFERENT_ROWS.contains(sql.kind()))
                .map(dev.optkit.analyzers.facts.MappingSql::annotation))).findFirst();
    if (filtered.isPresent()) {
      return new FuturesJoinedInLoopRewrite.Refused(Proof.LOOP_BATCH_ENTITY, simple(entity) + " has @" + simple(filtered.get()) + ": Hibernate "
          + "applies filters and restrictions to queries, such as findAllById's, and not always to loading by id, "
          + "so the two may find different rows");
    }
    Optional<String> callback = loadCallback(entity);
    if (callback.isPresent()) {
      return new FuturesJoinedInLoopRewrite.Refused(Proof.LOOP_BATCH_ENTITY, callback.get());
    }
    Optional<Reason> body = ahead.bodyProblem(method, loop, find, indexed);
    if (body.isPresent()) {
      return new FuturesJoinedInLoopRewrite.Refused(body.get());
    }
    return text(method, loop, find, iterable, entity, idType, id.get().getter(), key);
  }

  /** Store callbacks run per loaded row: Spring Data's AfterConvert/AfterLoad callbacks and events, JPA's @PostLoad. */
  private static final Set<String> LOAD_CALLBACKS = Set.of("AfterConvertCallback", "AfterLoadCallback",
      "ReactiveAfterConvertCallback");

  /**
   * Code the store runs for each row it loads: with the rows loaded ahead it runs in the database's
   * order, for every id before the loop's first element, and for ids a failing element never reached.
   */
  private Optional<String> loadCallback(String entity) {
    for (var file : index.files()) {
      for (dev.optkit.analyzers.facts.TypeFact type : file.types()) {
        boolean callback = type.superTypes().stream().anyMatch(t -> LOAD_CALLBACKS.contains(simple(t)))
            || type.superTypeArguments().entrySet().stream().anyMatch(e -> simple(e.getKey()).equals("ApplicationListener")
                && e.getValue().stream().anyMatch(a -> a.startsWith("org.springframework.data.")));
        if (callback) {
          return Optional.of(simple(type.qualifiedName()) + " runs for each row the store loads: loaded ahead, the rows "
              + "would meet it in the database's order and before the loop's first element");
        }
      }
    }
    for (IndexedMethod listener : index.methods()) {
      boolean event = listener.fact().annotations().stream().anyMatch(a -> a.endsWith("EventListener"))
          && listener.fact().params().stream().anyMatch(p -> p.qualifiedType().startsWith("org.springframework.data."));
      if (event) {
        return Optional.of(listener.fact().displayName() + "() listens to the store's events, which come for each row "
            + "it loads: loaded ahead, the rows would meet it in the database's order and before the loop's first element");
      }
    }
    for (dev.optkit.analyzers.facts.TypeFact type : hierarchy(entity)) {
      for (IndexedMethod method : index.methodsOfType(type.qualifiedName())) {
        if (method.fact().annotations().stream().anyMatch(a -> a.endsWith("PostLoad"))) {
          return Optional.of(simple(entity) + "'s " + method.fact().name() + "() runs as JPA loads each row (@PostLoad): "
              + "loaded ahead, the rows would meet it in the database's order and before the loop's first element");
        }
      }
    }
    return Optional.empty();
  }

  /** The entity's project types: itself, the project types it extends, and the project types extending it. */
  private List<dev.optkit.analyzers.facts.TypeFact> hierarchy(String entity) {
    List<dev.optkit.analyzers.facts.TypeFact> types = new java.util.ArrayList<>();
    index.type(entity).ifPresent(types::add);
    for (String supertype : index.supertypesOf(entity)) {
      index.type(supertype).filter(t -> !types.contains(t)).ifPresent(types::add);
    }
    index.files().stream().flatMap(f -> f.types().stream())
        .filter(t -> !types.contains(t) && index.supertypesOf(t.qualifiedName()).contains(entity)).forEach(types::add);
    return types;
  }

  /**
   * Why the rows of one query may differ from rows loaded one by one: each findById outside a
   * transaction has a persistence context of its own, the query one for all its rows. An association
   * then joins rows that were apart (two orders of one customer hold one Customer object, a lazy
   * association to another loaded row loads where it threw); em.find may answer from the
   * second-level cache, the query does not read it; a mapping optkit does not read may hold either.
   */
  private Optional<String> jpaGraphProblem(String entity, boolean oneTransaction) {
    for (dev.optkit.analyzers.facts.TypeFact type : hierarchy(entity)) {
      if (SECOND_LEVEL_CACHE.stream().anyMatch(type::hasAnnotation)) {
        return Optional.of(simple(entity) + " is in Hibernate's second-level cache: findById answers from it, a "
            + "findAllById query from the database");
      }
      if (!oneTransaction && !type.associations().isEmpty()) {
        return Optional.of(simple(entity) + " is a JPA entity with associations (" + simple(type.qualifiedName()) + "."
            + type.associations().get(0).field() + "): the rows of one findAllById query share one persistence "
            + "context, where each findById had its own, so rows would share associated objects, and a lazy "
            + "association to another loaded row would load where it threw; optkit batches JPA entities without "
            + "associations");
      }
      if (!index.embeddedMappings().readWhole(type) || index.beyondMapping(type)) {
        return Optional.of(simple(entity) + "'s JPA mapping is one optkit does not read whole (annotations on getters, "
            + "@Access, embedded objects, Hibernate SQL or listeners), so it cannot tell that a query loads its rows "
            + "as findById does");
      }
    }
    return Optional.empty();
  }

  /** The repository's findById and findAllById must be Spring Data's own: nothing of the project's stands in for them. */
  private Optional<String> repositoryProblem(String repository) {
    if (repository == null) {
      return Optional.of("optkit cannot tell the type of the object its findById is called on, so not that it is a "
          + "Spring Data repository whose findAllById it would call instead");
    }
    if (crudArguments(repository).isEmpty()) {
      return Optional.of("its findById is called on " + simple(repository) + ", which optkit cannot trace to a Spring "
          + "Data CrudRepository (or MongoRepository, CassandraRepository...) with its entity and id types, whose "
          + "findAllById it would call instead");
    }
    for (String type : index.supertypesOf(repository)) {
      for (String name : List.of("findById", "findAllById")) {
        if (!index.methods(type, name).isEmpty()) {
          return Optional.of(simple(type) + " declares its own " + name + "() (a query or an entity graph of its own), "
              + "which the other would not share");
        }
      }
    }
    for (IndexedMethod candidate : index.methodsNamed("findById")) {
      if (!candidate.fact().ownerType().equals(repository)
          && index.supertypesOf(candidate.fact().ownerType()).contains(repository)) {
        return Optional.of(simple(candidate.fact().ownerType()) + " implements " + simple(repository) + "'s findById "
            + "itself, and findAllById would not go through it");
      }
    }
    return Optional.empty();
  }

  /** The entity and id type arguments of the repository's Spring Data CRUD supertype, qualified. */
  private Optional<List<String>> crudArguments(String repository) {
    if (repository == null) {
      return Optional.empty();
    }
    // through generic project interfaces between (BaseRepository<T, ID> extends CrudRepository<T, ID>)
    return typeVariables.argumentsOf(repository, type -> CRUD_REPOSITORIES.contains(simple(type))
        && type.startsWith("org.springframework.data.")).filter(arguments -> arguments.size() == 2);
  }

  /** The simple name of the Spring Data CRUD supertype the repository extends. */
  private String crudSimple(String repository) {
    for (String type : index.supertypesOf(repository)) {
      Optional<String> found = index.type(type).flatMap(fact -> fact.superTypeArguments().keySet().stream()
          .map(FindByIdBatchRewrite::simple).filter(CRUD_REPOSITORIES::contains).findFirst());
      if (found.isPresent()) {
        return found.get();
      }
    }
    return "";
  }

  private FuturesJoinedInLoopRewrite.Outcome text(CallableDeclaration<?> method, ForEachStmt loop, MethodCallExpr find,
      String iterable, String entity, String idType, String getter, LoopKey loopKey) {
    FreshNames names = new FreshNames(method);
    String element = loop.getVariableDeclarator().getNameAsString();
    String loaded = names.take("loaded" + simple(entity) + "s");
    String key = names.take("key");
    String toLoad = names.take("idsToLoad");
    String from = names.take("from");
    String row = names.take("row");
    Set<String> imports = new LinkedHashSet<>();
    String map = sites.use("java.util.Map", imports);
    String linkedMap = sites.use("java.util.LinkedHashMap", imports);
    String list = sites.use("java.util.List", imports);
    String arrayList = sites.use("java.util.ArrayList", imports);
    String optional = sites.use("java.util.Optional", imports);
    String entityType = entity.contains(".") ? sites.use(entity, imports) : entity;
    if (idType.equals("UUID")) {
      idType = sites.use("java.util.UUID", imports);
    }
    String repository = document.text().substring(sites.offset(find.getScope().get(), true), sites.offset(find.getScope().get(), false));
    String nl = document.lineSeparator();
    String unitIndent = document.indentUnit();
    String indent = document.indentationOf(loop.getBegin().get().line);
    String i1 = indent + unitIndent;
    String i2 = i1 + unitIndent;
    StringBuilder out = new StringBuilder();
    out.append(indent).append("// optkit migrate: one findAllById per ").append(CHUNK).append(" ids before the loop "
        + "instead of a findById per id; each id").append(nl);
    out.append(indent).append("// takes its row once (a missing id none), and an id asked again, or null, calls "
        + "findById as before").append(nl);
    out.append(indent).append(map).append('<').append(idType).append(", ").append(entityType).append("> ").append(loaded)
        .append(" = new ").append(linkedMap).append("<>();").append(nl);
    out.append(loopKey.collectLoop(indent, unitIndent, nl, iterable, loopKey.isElement() ? idType
        : loop.getVariableDeclarator().getType().asString(), element, key, loaded, "null"));
    out.append(indent).append(list).append('<').append(idType).append("> ").append(toLoad).append(" = new ")
        .append(arrayList).append("<>(").append(loaded).append(".keySet());").append(nl);
    out.append(indent).append("for (int ").append(from).append(" = 0; ").append(from).append(" < ").append(toLoad)
        .append(".size(); ").append(from).append(" += ").append(CHUNK).append(") {").append(nl);
    out.append(i1).append("for (").append(entityType).append(' ').append(row).append(" : ").append(repository)
        .append(".findAllById(").append(toLoad).append(".subList(").append(from).append(", ").append(sites.javaLang("Math"))
        .append(".min(").append(from)
        .append(" + ").append(CHUNK).append(", ").append(toLoad).append(".size())))) {").append(nl);
    out.append(i2).append(loaded).append(".put(").append(row).append('.').append(getter).append("(), ").append(row)
        .append(");").append(nl);
    out.append(i1).append('}').append(nl);
    out.append(indent).append('}').append(nl);
    // the loop's own lines follow as they were, but for the call, which takes its row from the loaded ones
    int loopStart = document.lineStart(loop.getBegin().get().line);
    int loopEnd = document.lineEnd(loop.getEnd().get().line);
    String lookup = loaded + ".containsKey(" + loopKey.of(element) + ") ? " + optional + ".ofNullable(" + loaded
        + ".remove(" + loopKey.of(element) + ")) : " + document.text().substring(sites.offset(find, true),
            sites.offset(find, false));
    Node parent = find.getParentNode().orElse(null);
    boolean bare = parent instanceof VariableDeclarator || parent instanceof ExpressionStmt
        || parent instanceof AssignExpr assign && assign.getValue() == find;
    out.append(document.text(), loopStart, sites.offset(find, true)).append(bare ? lookup : "(" + lookup + ")")
        .append(document.text(), sites.offset(find, false), loopEnd);
    return new FuturesJoinedInLoopRewrite.Rewritten(new TextEdit(loopStart, loopEnd, out.toString()), imports,
        "loads its " + simple(entity) + " rows with one findAllById per " + CHUNK + " ids instead of a findById per id");
  }

  private static String simple(String type) {
    return LoopSites.simple(type);
  }
}
