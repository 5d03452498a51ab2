package dev.optkit.rewriters.caching.requests;

import dev.optkit.analyzers.facts.CallReceiver;
import dev.optkit.analyzers.index.Transactions;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.source.SourceSet;
import dev.optkit.rewriters.caching.ProjectTraits;
import dev.optkit.rewriters.caching.WholeProject;
import dev.optkit.rewriters.caching.sharing.EntityResults;
import dev.optkit.rewriters.caching.SpringXmlScans;
import java.util.List;
import java.util.Optional;

/**
 * A database read inside a transaction on MySQL or MariaDB (REPEATABLE READ by default) sees the
 * snapshot its transaction took at its first read: loaded after a writer's eviction, it may still
 * predate that write, and nothing after the load would tell the cache. Reads that never run in a
 * transaction read the latest commit.
 */
public final class SnapshotReads {
  private final WholeProject whole;
  private final ProjectIndex index;
  private final Transactions transactions;
  private final ProjectTraits traits;

  /** Whether a cached method's cache is a Spring proxy's, which a call through {@code this} never consults. */
  private final java.util.function.Predicate<IndexedMethod> proxied;

  public SnapshotReads(WholeProject whole, ProjectTraits traits, java.util.function.Predicate<IndexedMethod> proxied) {
    this.whole = whole;
    this.index = whole.index();
    this.transactions = whole.transactions();
    this.traits = traits;
    this.proxied = proxied;
    this.lazyLoads = new LazyAssociationLoads(whole.index(), whole.scanRoot());
    this.scalars = new ScalarQueries(whole.index());
  }

  private final ScalarQueries scalars;

  private final LazyAssociationLoads lazyLoads;

  private boolean onlyThroughThis(IndexedMethod caller, IndexedMethod cached) {
    String owner = cached.fact().ownerType();
    // a repository interface's default method runs on the JDK proxy itself: its calls through 'this' are advised
    if (!caller.fact().ownerType().equals(owner)
        || index.type(owner).map(t -> !t.kind().equals("class")).orElse(true)) {
      return false;
    }
    List<dev.optkit.analyzers.facts.CallRef> calls = caller.fact().calls().stream()
        .filter(call -> call.name().equals(cached.fact().name()) && index.allTargetsOf(call).contains(cached)).toList();
    return !calls.isEmpty() && calls.stream().allMatch(call -> owner.equals(call.receiverType())
        && (call.receiver() == CallReceiver.IMPLICIT || call.receiver() == CallReceiver.THIS));
  }

  /**
   * The cached method starts the transaction itself and no caller runs in one: its snapshot is taken
   * at its own first read, after the cache missed, so it is no older than the read a method without
   * a transaction would make (the window any cache-aside read has), whatever the isolation.
   */
  private Boolean xmlTransactions;

  private boolean ownTransactionOnly(IndexedMethod cached, IndexedMethod transaction) {
    if (xmlTransactions == null) {
      // transactions XML applies by pointcut are invisible in the code: a caller may run in one
      xmlTransactions = SpringXmlScans.declaresTransactions(traits.root());
    }
    return transaction == cached && !xmlTransactions && index.callersOf(cached).stream()
        .filter(caller -> !SourceSet.isTestPath(caller.path()))
        .allMatch(caller -> transactions.above(caller).isEmpty());
  }

  /**
   * Every production caller of the cached method either runs outside any transaction, or opens one
   * whose first database access is this call, made once (petclinic-rest's ClinicServiceImpl.findAllVets(),
   * which only returns vetRepository.findAll(); eladmin's JobServiceImpl.create(), which checks
   * findByName before it saves) and is itself called outside any: each transaction's snapshot is then
   * taken at this read, after the cache missed. What the transaction does after the read does not
   * change what the read saw.
   *
   * @return a transaction whose snapshot may predate the read; empty when every one is taken at it
   */
  private Optional<IndexedMethod> snapshotOlderThanTheRead(IndexedMethod cached) {
    return snapshotOlderThanTheRead(cached, site -> true);
  }

  /** @param counts whether an access before the read may take the snapshot (or load what the read answers) */
  private Optional<IndexedMethod> snapshotOlderThanTheRead(IndexedMethod cached,
      java.util.function.Predicate<dev.optkit.analyzers.facts.IoSite> counts) {
    if (xmlTransactions == null) {
      xmlTransactions = SpringXmlScans.declaresTransactions(traits.root());
    }
    Optional<IndexedMethod> any = transactions.above(cached);
    if (xmlTransactions) {
      return any;
    }
    java.util.Set<IndexedMethod> callers = new java.util.LinkedHashSet<>(index.callersOf(cached));
    if (cached.fact().isAbstract()) {
      // a Spring Data query method is called as a client site, which the call graph does not list
      index.methods().stream().filter(m -> index.sitesOf(m).stream().anyMatch(site -> calledSite(site, cached)))
          .forEach(callers::add);
    }
    callers.removeIf(c -> SourceSet.isTestPath(c.path()));
    if (callers.isEmpty()) {
      return any;
    }
    // a caller reaching it only through 'this' never consults a proxy's cache: its transaction is no cached read's
    // (audit 14's s22: NoteService.update() calling getNote() on itself)
    if (proxied.test(cached)) {
      callers.removeIf(caller -> onlyThroughThis(caller, cached));
      if (callers.isEmpty()) {
        return Optional.empty();
      }
    }
    for (IndexedMethod caller : callers) {
      Optional<IndexedMethod> older = olderSnapshotOnTheWayUp(caller, cached, 0, counts);
      if (older.isPresent()) {
        return older;
      }
    }
    return Optional.empty();
  }

  private static final int MAX_TRANSACTION_DEPTH = 4;

  /**
   * From a caller of the read up to the method that opens its transaction: at each level the call
   * toward the read must be the method's first database access, made once and not in a loop
   * (petclinic-rest's UserServiceImpl.saveUser() opens the transaction and first calls save(), whose
   * first access is getByUsername()). A caller outside any transaction takes no snapshot.
   *
   * @return the method whose transaction may have taken its snapshot before the read
   */
  private Optional<IndexedMethod> olderSnapshotOnTheWayUp(IndexedMethod caller, IndexedMethod toward, int depth,
      java.util.function.Predicate<dev.optkit.analyzers.facts.IoSite> counts) {
    Optional<IndexedMethod> opener = transactions.above(caller);
    if (opener.isEmpty()) {
      return Optional.empty();
    }
    List<IndexedMethod> above = index.callersOf(caller).stream().filter(c -> !SourceSet.isTestPath(c.path())).toList();
    if (opener.get() == caller) {
      // the transaction opens here; a caller running in one of its own would join it, its snapshot older
      Optional<IndexedMethod> outer = above.stream().map(transactions::above).flatMap(Optional::stream).findFirst();
      if (outer.isPresent()) {
        return outer;
      }
    }
    if (depth >= MAX_TRANSACTION_DEPTH || !firstAccessIsTheOneCall(caller, toward, counts)) {
      return opener;
    }
    if (opener.get() == caller) {
      return Optional.empty();
    }
    if (above.isEmpty()) {
      return opener; // the transaction comes from somewhere optkit does not see calling
    }
    for (IndexedMethod next : above) {
      Optional<IndexedMethod> older = olderSnapshotOnTheWayUp(next, caller, depth + 1, counts);
      if (older.isPresent()) {
        return older;
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the method's first database access that counts, in source order, is its one call of {@code toward},
   * outside loops.
   */
  private boolean firstAccessIsTheOneCall(IndexedMethod caller, IndexedMethod toward,
      java.util.function.Predicate<dev.optkit.analyzers.facts.IoSite> counts) {
    // the caller's database accesses in the order they run: a call runs after its arguments and its receiver
    // (dao.price(dao.idByName(n)): idByName reads first), so by where each ends
    java.util.TreeMap<dev.optkit.analyzers.facts.SourceRange, Boolean> accesses = new java.util.TreeMap<>(
        java.util.Comparator.comparingInt(dev.optkit.analyzers.facts.SourceRange::endLine)
            .thenComparingInt(dev.optkit.analyzers.facts.SourceRange::endColumn)
            .thenComparing(java.util.Comparator.naturalOrder()));
    java.util.Set<dev.optkit.analyzers.facts.SourceRange> deferred = new java.util.HashSet<>();
    // a Spring Data query method is called as a client site: the cached method when its repository is
    for (dev.optkit.analyzers.facts.IoSite site : index.sitesOf(caller)) {
      if (site.kind() == dev.optkit.analyzers.catalog.ClientKind.DB && (calledSite(site, toward) || counts.test(site))) {
        accesses.put(site.range(), calledSite(site, toward));
        if (site.deferred()) {
          deferred.add(site.range());
        }
      }
    }
    for (dev.optkit.analyzers.facts.CallRef call : caller.fact().calls()) {
      boolean reachesDb = index.reachedThrough(caller, call).stream()
          .anyMatch(r -> r.site().kind() == dev.optkit.analyzers.catalog.ClientKind.DB && counts.test(r.site()));
      boolean towardCall = index.targetsOf(call).contains(toward) || index.allTargetsOf(call).contains(toward);
      if (reachesDb || towardCall || accesses.containsKey(call.range())) {
        accesses.merge(call.range(), towardCall, Boolean::logicalOr);
        if (call.deferred()) {
          deferred.add(call.range());
        }
      } else if (runsCodeOptkitCannotList(call)) {
        // publishEvent(e) runs the listeners, provider.getObject() a new bean's @PostConstruct: either may read
        accesses.putIfAbsent(call.range(), false);
      }
    }
    for (dev.optkit.analyzers.facts.CallRef call : caller.fact().opaqueCalls()) {
      if (mayQuery(call.name())) {
        accesses.putIfAbsent(call.range(), false);
      }
    }
    long callsOfToward = accesses.values().stream().filter(Boolean::booleanValue).count();
    if (accesses.isEmpty() || callsOfToward != 1) {
      return false;
    }
    dev.optkit.analyzers.facts.SourceRange first = accesses.entrySet().stream().filter(java.util.Map.Entry::getValue)
        .findFirst().orElseThrow().getKey();
    if (!accesses.headMap(first).isEmpty()) {
      // an access written before it counts only when it may run first: not in a branch that excludes the call
      // (if (name != null) return byName(name); return all();)
      Optional<com.github.javaparser.ast.body.CallableDeclaration<?>> body = whole.declaration(caller);
      if (body.isEmpty() || !accesses.headMap(first).keySet().stream()
          .allMatch(earlier -> ExclusiveBranches.exclusive(body.get(), earlier, first))) {
        return false;
      }
    }
    if (deferred.contains(first)) {
      return false; // handed to an executor or kept: it runs later
    }
    // inside another call that is no database access: perhaps in a lambda that call runs when, and as often as,
    // it likes (Util.each(ids, id -> dao.price(id)): a helper's loop); an argument of a query runs before it, once,
    // and so does the receiver of a call starting where the read starts (repo.findBy(p).stream().map(..))
    // (trial 85's mapper.toDto(repo.findByTitle(t).orElseThrow(..)): an argument of any call runs before it, once)
    boolean nested = caller.fact().calls().stream().map(dev.optkit.analyzers.facts.CallRef::range)
        .anyMatch(range -> !range.equals(first) && range.contains(first) && !accesses.containsKey(range)
            && !(range.line() == first.line() && range.column() == first.column())
            && !plainArgument(caller, first, range));
    if (nested) {
      return false;
    }
    // in a loop, the second turn's read comes after the first's; the source of a pipeline starting with it
    // (repo.findBy(p).stream().map(..), repo.findAll().forEach(..)) runs once, before the turns
    return caller.fact().loops().stream().noneMatch(loop -> loop.range().contains(first)
        && !(loop.range().line() == first.line() && loop.range().column() == first.column()));
  }

  /**
   * Whether the read at {@code inner} is evaluated as part of the call at {@code outer}'s own receiver or arguments,
   * before it runs and once: in no lambda, method reference, anonymous or local class between the two.
   */
  private boolean plainArgument(IndexedMethod caller, dev.optkit.analyzers.facts.SourceRange inner,
      dev.optkit.analyzers.facts.SourceRange outer) {
    var declaration = whole.declaration(caller).orElse(null);
    if (declaration == null) {
      return false;
    }
    var read = declaration.findFirst(com.github.javaparser.ast.expr.MethodCallExpr.class, call -> call.getBegin()
        .map(at -> at.line == inner.line() && at.column == inner.column()).orElse(false)
        && call.getEnd().map(at -> at.line == inner.endLine() && at.column == inner.endColumn()).orElse(false));
    if (read.isEmpty()) {
      return false;
    }
    for (var at = read.get().getParentNode().orElse(null); at != null && at != declaration;
        at = at.getParentNode().orElse(null)) {
      if (at instanceof com.github.javaparser.ast.expr.LambdaExpr
          || at instanceof com.github.javaparser.ast.expr.MethodReferenceExpr
          || at instanceof com.github.javaparser.ast.body.TypeDeclaration<?>
          || at instanceof com.github.javaparser.ast.expr.ObjectCreationExpr made && made.getAnonymousClassBody().isPresent()
          || at instanceof com.github.javaparser.ast.stmt.Statement) {
        return false; // code that runs when, and as often as, its taker likes; or no expression of the outer call
      }
      if (at instanceof com.github.javaparser.ast.expr.MethodCallExpr call && call.getBegin()
          .map(b -> b.line == outer.line() && b.column == outer.column()).orElse(false)
          && call.getEnd().map(e -> e.line == outer.endLine() && e.column == outer.endColumn()).orElse(false)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a call whose receiver's type is unknown ({@code account.getRoles().isEmpty()} on a Lombok
   * getter) may query the database: a client method's name, or the name of a project method that
   * queries or that a library implements (a repository's). {@code isEmpty} is neither.
   */
  private boolean mayQuery(String name) {
    return index.isClientMethodName(name) || index.methodsNamed(name).stream().anyMatch(m -> m.fact().isAbstract()
        || index.reachedIo(m).stream().anyMatch(r -> r.site().kind() == dev.optkit.analyzers.catalog.ClientKind.DB));
  }

  /** Library calls that run project code the call graph does not list: listeners, a new bean's callbacks. */
  private static final java.util.Set<String> DISPATCHING = java.util.Set.of("getObject", "getIfAvailable",
      "getIfUnique", "getBean", "getBeansOfType", "createBean", "autowireBean", "initializeBean");

  private boolean runsCodeOptkitCannotList(dev.optkit.analyzers.facts.CallRef call) {
    return (EntityResults.OPAQUE.contains(call.name()) || DISPATCHING.contains(call.name()))
        && index.allTargetsOf(call).isEmpty();
  }

  /** Whether a client site is a call of the cached repository method. */
  private boolean calledSite(dev.optkit.analyzers.facts.IoSite site, IndexedMethod cached) {
    return site.method().equals(cached.fact().name()) && site.receiverType() != null
        && (site.receiverType().equals(cached.fact().ownerType())
            || index.supertypesOf(site.receiverType()).contains(cached.fact().ownerType()));
  }

  /**
   * Why a read of JPA entities may answer with instances older than its miss, on any database:
   * inside a transaction that read before it, the persistence context may hold entities the read
   * returns or reaches (a user the request loaded first), and Hibernate answers with those
   * instances, whose state predates a write committed in between, evicted before the miss.
   * java-shareit's booking lists kept a booker's old name this way. Empty when every production
   * path's transaction reads first through this call, as for the snapshot rule.
   */
  public Optional<String> whyNotEntities(IndexedMethod cached) {
    if (!readsEntities(cached)) {
      return Optional.empty();
    }
    Optional<IndexedMethod> transaction = transactions.above(cached);
    if (transaction.isEmpty() || ownTransactionOnly(cached, transaction.get())) {
      return Optional.empty();
    }
    // only a load of what the read answers, or of an entity reaching it, puts instances the read would answer with
    // in the persistence context: a user loaded first is no category (audit 16's S16e)
    java.util.Set<String> lazyLoaded = new java.util.TreeSet<>();
    Optional<IndexedMethod> older = snapshotOlderThanTheRead(cached, mayHoldWhatItReads(cached, lazyLoaded));
    if (older.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("it reads JPA entities inside the transaction of " + older.get().fact().displayName()
        + "(), which may load entities before it" + (lazyLoaded.isEmpty() ? "" : " (" + String.join("; ", lazyLoaded)
            + ")") + ": Hibernate answers with the instances that transaction's "
        + "persistence context already holds, whose state may predate a write committed in between, and the cache "
        + "would keep them");
  }

  private Boolean jpaEntities;

  /** Whether the method loads JPA entity instances (not a value the database computes), whatever it returns. */
  public boolean readsEntities(IndexedMethod cached) {
    if (jpaEntities == null) {
      jpaEntities = index.files().stream().flatMap(f -> f.types().stream()).anyMatch(type ->
          type.hasAnnotation("jakarta.persistence.Entity") || type.hasAnnotation("javax.persistence.Entity"));
    }
    return jpaEntities && index.reachedIo(cached).stream().map(r -> r.site())
        .anyMatch(site -> JPA_LOADS.contains(site.clientId()) && site.access() == dev.optkit.analyzers.facts.Access.READ
            && !scalars.scalar(site));
  }

  /**
   * Whether a JPA access before the read may leave in the persistence context an instance of what the read answers:
   * the tables its loads may touch (entities reached through every association, lazy ones too) meet those of the
   * read's own loads, or either cannot be told. JDBC and other clients keep no instances.
   */
  public java.util.function.Predicate<dev.optkit.analyzers.facts.IoSite> mayHoldWhatItReads(IndexedMethod cached) {
    return mayHoldWhatItReads(cached, null);
  }

  /**
   * As {@link #mayHoldWhatItReads(IndexedMethod)}, where an earlier read of the transaction puts in its persistence
   * context what it loads with its eager associations, and a lazy one's target only where something may load it:
   * the reasons for those go to {@code lazyLoaded}. In an open session, a view serialises what the request loaded
   * after the transaction (its lazy associations too): that case keeps the whole.
   */
  private java.util.function.Predicate<dev.optkit.analyzers.facts.IoSite> mayHoldWhatItReads(IndexedMethod cached,
      java.util.Set<String> lazyLoaded) {
    java.util.Set<String> read = new java.util.HashSet<>();
    boolean unknown = false;
    for (var reached : index.reachedIo(cached)) {
      if (JPA_LOADS.contains(reached.site().clientId())) {
        var loaded = index.footprints().ofLoaded(reached.site());
        unknown |= loaded.unknown();
        read.addAll(loaded.names());
      }
    }
    boolean anyTables = unknown;
    return site -> {
      if (!JPA_LOADS.contains(site.clientId())
          || site.access() == dev.optkit.analyzers.facts.Access.READ && scalars.scalar(site)) {
        // a value the database computes (Set<Long> of ids, a count) puts no instance in the context, and JDBC none,
        // whatever tables the read's own loads may reach (petclinic-rest's JdbcOwnerRepositoryImpl.findAll() was
        // named as loading owners into the persistence context)
        return false;
      }
      if (anyTables) {
        return true;
      }
      boolean instances = lazyLoaded != null && site.access() == dev.optkit.analyzers.facts.Access.READ;
      java.util.Set<String> causes = new java.util.TreeSet<>();
      var loaded = instances ? instancesLoaded(site, causes) : index.footprints().ofLoaded(site);
      var touched = instances ? loaded : index.footprints().of(site);
      boolean holds = loaded.unknown() || touched.unknown() || loaded.names().stream().anyMatch(read::contains)
          || touched.names().stream().anyMatch(read::contains);
      if (holds && lazyLoaded != null) {
        lazyLoaded.addAll(causes);
      }
      return holds;
    };
  }

  /** What a JPA read puts in the persistence context, with why it may load lazy associations, into {@code causes}. */
  private dev.optkit.analyzers.index.DataFootprint instancesLoaded(dev.optkit.analyzers.facts.IoSite site,
      java.util.Set<String> causes) {
    Optional<String> fetched = lazyLoads.fetchedBy(site);
    if (fetched.isPresent()) {
      causes.add("lazy associations may load with it: " + fetched.get());
      return index.footprints().ofLoaded(site);
    }
    return index.footprints().ofInstancesLoaded(site, (entity, association) -> {
      Optional<String> why = lazyLoads.whyLoaded(entity, association);
      why.ifPresent(w -> causes.add(entity.simpleName() + "'s lazy " + association.field() + " may load: " + w));
      return why.isPresent();
    });
  }

  /** Clients whose loads go through a JPA persistence context (Spring Data's repositories, if JPA's). */
  private static final java.util.Set<String> JPA_LOADS = java.util.Set.of("spring-data-repository",
      "jpa-entity-manager", "hibernate-session");

  /** Why a read may answer from a snapshot older than its miss; empty when it cannot. */
  public Optional<String> whyNot(IndexedMethod cached) {
    if (index.reachedIo(cached).stream().noneMatch(r -> r.site().kind() == dev.optkit.analyzers.catalog.ClientKind.DB)) {
      return Optional.empty();
    }
    Optional<IndexedMethod> transaction = transactions.above(cached);
    if (transaction.isEmpty() || ownTransactionOnly(cached, transaction.get())) {
      return Optional.empty();
    }
    // the transaction whose snapshot may predate the read: one that reads before it, or reads it twice
    Optional<IndexedMethod> older = snapshotOlderThanTheRead(cached);
    if (older.isEmpty()) {
      return Optional.empty();
    }
    if (transaction.get() == cached && older.get() == cached) {
      // its own @Transactional joins the transaction of a caller, which took its snapshot before the call
      transaction = index.callersOf(cached).stream().filter(caller -> !SourceSet.isTestPath(caller.path()))
          .map(transactions::above).flatMap(Optional::stream).findFirst().or(() -> Optional.of(cached));
    } else {
      transaction = older;
    }
    String isolation = transactions.isolationOf(transaction.get());
    if (isolation.isEmpty() && !transactions.declared(transaction.get())) {
      isolation = transactions.programmaticIsolation(); // a TransactionTemplate or manager configured in code
    }
    String where = "it reads the database inside the transaction of " + transaction.get().fact().displayName() + "(), ";
    if (isolation.contains("REPEATABLE_READ") || isolation.contains("SERIALIZABLE")) {
      return Optional.of(where + "which asks for " + isolation.substring(isolation.lastIndexOf('.') + 1)
          + " isolation: its reads answer from a snapshot taken when it began, so a value it loads after a writer's "
          + "eviction may predate that write, and the cache would keep it");
    }
    if (traits.snapshotDatabase() != null && !isolation.contains("READ_COMMITTED") && !isolation.contains("READ_UNCOMMITTED")) {
      return Optional.of(where + "and " + traits.snapshotDatabase() + " (REPEATABLE READ by default) answers from the "
          + "snapshot that transaction took at its first read: a value it loads after a writer's eviction may predate "
          + "that write, and the cache would keep it");
    }
    return Optional.empty();
  }
}
