package dev.optkit.rewriters.caching.sharing;

import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.source.SourceSet;
import dev.optkit.rewriters.caching.ProjectTraits;
import dev.optkit.rewriters.caching.WholeProject;
import dev.optkit.rewriters.caching.text.WrittenTypes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a read returning persistent entities can be cached. A cached entity outlives the
 * session that loaded it: detached, shared by every caller. That goes wrong in three ways only,
 * and each is refused with the one that holds (callers that change the entity are refused before,
 * by {@link ResultSharing}):
 * <ul>
 *   <li>a lazy association (of the entity, or of one it fetches eagerly) read after the load: on a
 *       detached entity it throws LazyInitializationException; a web handler returning the entity
 *       serialises it whole, and a value handed where optkit cannot see may read anything;</li>
 *   <li>the entity handed back to the persistence layer ({@code save}, {@code merge}, {@code remove}...):
 *       a stale copy, with {@code @Version} an optimistic-lock failure, written over newer data;</li>
 *   <li>a use optkit cannot follow while the entity has lazy associations: an interface whose
 *       implementation is generated at build time (MapStruct) asks for the build first.</li>
 * </ul>
 * Reference data whose associations are eager, read and mapped to DTOs, is cacheable, as Spring's
 * own sample applications cache it.
 */
public final class EntityResults {
  /** Calls that put a value in a Spring MVC model, for a view to render. */
  private static final Set<String> MODEL_CALLS = Set.of("addAttribute", "addObject", "addAllAttributes",
      "mergeAttributes");

  private static final Set<String> WRITE_BACK = Set.of("save", "saveAll", "saveAndFlush", "saveAllAndFlush", "merge",
      "persist", "remove", "delete", "deleteAll", "deleteInBatch", "deleteAllInBatch", "update", "saveOrUpdate",
      "refresh", "lock", "replicate", "updateById", "insert");
  private static final int DEPTH = 6;
  /** Library calls that only look at a value or its size: null checks, emptiness, counts, equality. */
  private static final Set<String> INSPECTING = Set.of("isEmpty", "isNotEmpty", "isNull", "nonNull", "isNotNull",
      "requireNonNull", "checkNotNull", "notNull", "notEmpty", "hasLength", "hasText", "size", "length", "equals",
      "hash", "hashCode", "identityHashCode", "isInstance");

  /** Collection and map calls that use only the entity's equals and hashCode (or compareTo in a sorted one). */
  private static final Set<String> HASHING = Set.of("add", "addAll", "contains", "remove", "put", "containsKey",
      "get", "indexOf", "offer", "push");

  /** Calls that run code optkit cannot list: a functional interface's method, an event's listeners. */
  public static final Set<String> OPAQUE = Set.of("accept", "apply", "test", "andThen", "compose", "publishEvent",
      "publish", "post", "send", "fire", "fireEvent", "notify", "emit", "onNext", "tryEmitNext", "dispatch",
      "convertAndSend", "multicastEvent");

  private final ProjectIndex index;
  private final RepositoryFragments fragments;
  private final ProxyIds proxyIds;
  private final ResultSharing sharing;
  private final WholeProject whole;

  public EntityResults(ProjectIndex index, ResultSharing sharing, WholeProject whole) {
    this.index = index;
    this.fragments = new RepositoryFragments(index);
    this.proxyIds = new ProxyIds(whole);
    this.sharing = sharing;
    this.whole = whole;
    this.columnReads = new ColumnReads(index, sharing, whole);
    this.returnedEntities = new ReturnedEntities(index, whole);
    this.copies = new CopiedProperties(index);
    this.lombok = new LombokAccessors(index);
    this.ownReads = new EntityOwnReads(index, sharing, proxyIds, whole);
  }

  private final LombokAccessors lombok;
  private final EntityOwnReads ownReads;

  private final ColumnReads columnReads;
  private final ReturnedEntities returnedEntities;
  private final CopiedProperties copies;

  public Optional<String> whyNot(IndexedMethod cached, boolean proxiedBySpring) {
    proxied = proxiedBySpring ? cached : null;
    try {
      return whyNot(cached);
    } finally {
      proxied = null;
    }
  }

  /** Whether the method's result names no entity, nor a type that may hold one ({@code Object}). */
  public boolean namesNoEntity(IndexedMethod method) {
    return returnedEntities.namedEntityTypes(method.fact()).isEmpty()
        && !returnedEntities.untypedWhereEntitiesAre(method.fact());
  }

  /** The cached method Spring's proxy serves, whose self-calls get fresh entities, while {@link #whyNot} runs. */
  private IndexedMethod proxied;

  public Optional<String> whyNot(IndexedMethod cached) {
    handedBackSeen.clear();
    List<String> named = returnedEntities.namedEntityTypes(cached.fact());
    if (named.size() > 1) {
      return Optional.of("returns persistent entities of several types (" + String.join(", ", named.stream()
          .map(ProjectTraits::simpleName).toList()) + "), and optkit proves a result of one entity type: each has lazy "
          + "associations and callers' uses of its own (on a cached, detached entity a lazy one: "
          + whole.detachedLazyRead() + ")");
    }
    if (named.isEmpty() && returnedEntities.untypedWhereEntitiesAre(cached.fact())) {
      return Optional.of("returns " + ProjectTraits.simpleName(cached.fact().returnType()) + ", which may hold a "
          + "persistent entity no type names (the project maps entities): optkit cannot show a cached copy has no "
          + "lazy association a caller reads after the load");
    }
    Optional<ReturnedEntity> entity = returnedEntities.of(cached.fact(), FetchPlan.of(index, cached));
    if (entity.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> reference = new LazyReferences(index).of(cached, entity.get().qualifiedName());
    if (reference.isPresent()) {
      return Optional.of("returns the persistent entity " + entity.get().name() + ", and " + reference.get()
          + ", which answers a lazy reference: a proxy whose state loads on first use through the "
          + "persistence context that made it, so a cached one is used by later requests after that context closed "
          + "(where the first caller did not load it: " + whole.detachedLazyRead() + ") and by other threads while it is "
          + "open (trial 46: planning-api's getDay)");
    }
    if (entity.get().unread() != null) {
      return Optional.of("returns the persistent entity " + entity.get().name() + ", and the mapping of "
          + entity.get().unread() + " is on its getters or in embedded objects holding more than columns, which optkit does not read, so it "
          + "cannot show the entity has no lazy association a caller reads after the load (on a cached, detached "
          + "entity " + whole.detachedLazyRead() + ")");
    }
    if (index.callersOf(cached).stream().allMatch(caller -> SourceSet.isTestPath(caller.path()))) {
      return Optional.of("returns the persistent entity " + entity.get().name() + " to callers optkit cannot see "
          + "(no production code in the project calls it; the framework may), which may change it, read its associations or "
          + "hand it back to save() or merge()");
    }
    Optional<String> use = usedByCallers(cached, entity.get(), new HashSet<>(), true);
    return use.map(how -> "returns the persistent entity " + entity.get().name() + ", and " + how);
  }

  /**
   * The callers' uses of what the method returns, following callers that return it in turn.
   *
   * @param itself what the method returns is the entity itself (or holds it), not a part read from it
   */
  private Optional<String> usedByCallers(IndexedMethod target, ReturnedEntity entity, Set<IndexedMethod> seen,
      boolean itself) {
    if (!seen.add(target)) {
      return Optional.empty();
    }
    for (IndexedMethod caller : index.callersOf(target)) {
      if (SourceSet.isTestPath(caller.path())) {
        continue;
      }
      for (MethodFact.HandOff handOff : caller.fact().handOffs()) {
        // a self-call of a method Spring's proxy caches gets what it loads, not the cached entity (ResultSharing)
        boolean fromTarget = target.fact().name().equals(handOff.fromCall()) && caller.fact().calls().stream()
            .anyMatch(call -> handOff.from(call) && index.allTargetsOf(call).contains(target)
                && !(target == proxied && sharing.selfCall(caller, call, target)));
        if (!fromTarget || sharing.returnsValuesReadFrom(caller, handOff, WrittenTypes.returnType(target.fact()))) {
          continue; // a Set<Long> of ids read from the entity reaches none of its associations
        }
        Optional<String> use = handOff.returned()
            ? returnedBy(caller, entity, seen, !handOff.part(), itself && !handOff.part())
            : use(caller, handOff, entity, 0, new HashSet<>(), itself && !handOff.part());
        if (use.isPresent()) {
          return use;
        }
      }
    }
    return Optional.empty();
  }

  /** @param whole the caller returns the entity (or what holds it), not values read from it ({@code kind.getName()}) */
  private Optional<String> returnedBy(IndexedMethod caller, ReturnedEntity entity, Set<IndexedMethod> seen, boolean whole,
      boolean itself) {
    if (whole && index.webEntryPoints().whyEntryPoint(caller).isEmpty() && index.callersOf(caller).stream()
        .allMatch(above -> SourceSet.isTestPath(above.path()))) {
      // petclinic-rest's ClinicServiceImpl.findVisitsByPetId returns the repository's visits to no production code
      return Optional.of(caller.fact().displayName() + "() returns it to callers optkit cannot see (no production "
          + "code in the project calls it; the framework may), which may change it, read its associations or hand it "
          + "back to save() or merge()");
    }
    // a getter Jackson writes that computes from the entity (getMenuSize() { return menuItems.size(); }) may read
    // an association @JsonIgnore leaves out: then every lazy one counts
    Set<String> ignored = new HashSet<>();
    index.supertypesOf(entity.qualifiedName()).forEach(t -> index.type(t).ifPresent(f -> ignored.addAll(f.jsonIgnored())));
    boolean computed = entity.computingGetters().stream().anyMatch(g -> (g.startsWith("get") || g.startsWith("is"))
        && !entity.lazyByGetter().containsKey(g) && !ignored.contains(ColumnReads.property(g)));
    // Jackson's Hibernate module is no allowance: what it writes depends on what the first caller's persistence
    // context happened to load (hostile review 35's h5, h14), and a module may be registered on another mapper (h1-h3)
    if (this.whole.jacksonMixInsMayReach(entity.qualifiedName())) {
      computed = true; // a mix-in for the entity may include what the class ignores (h10)
    }
    // title() { return findOne(id).getTitle(); }: a String read from the entity is no entity to serialise (review 43)
    boolean valueAnswered = !whole && sharing.immutable(caller.fact().returnType());
    if (!(computed ? entity.lazyByGetter() : entity.serialisedLazy()).isEmpty() && !valueAnswered
        && index.webEntryPoints().whyEntryPoint(caller).isPresent()) {
      return Optional.of("the handler " + caller.fact().displayName() + "() returns it as its response, whose "
          + "serialisation reads its lazy associations (" + String.join(", ", (computed ? entity.lazyByGetter()
              : entity.serialisedLazy()).values().stream().distinct().sorted().toList()) + "): on a cached, detached entity "
          + (this.whole.createsHibernateModule() ? "Jackson's Hibernate module, which the project creates, writes what "
              + "the first caller's persistence context happened to load, so later answers may differ from uncached ones"
              : this.whole.detachedLazyRead()));
    }
    return usedByCallers(caller, entity, seen, itself).map(how -> how.startsWith(caller.fact().displayName())
        ? how : caller.fact().displayName() + "() returns it, and " + how);
  }

  /** One hand-off of the entity (or of what holds it) by a method, followed into project methods. */
  private Optional<String> use(IndexedMethod method, MethodFact.HandOff handOff, ReturnedEntity entity, int depth,
      Set<IndexedMethod> seen, boolean itself) {
    String to = handOff.target();
    String who = method.fact().displayName() + "()";
    if (handOff.position() == MethodFact.RECEIVER) {
      String lazy = entity.lazyByGetter().get(to);
      if (lazy != null && itself && lazy.contains(".") && entity.fields().contains(ColumnReads.property(to))
          && !entity.computingGetters().contains(to)) {
        // person.getRoles() on the entity itself, the getter of its own roles, fetched: Permission.roles is
        // another type's getter of that name
        lazy = null;
      }
      if (lazy != null && proxyIds.onlyItsId(entity, handOff)) {
        return Optional.empty(); // request.getRequester().getId(): Hibernate's proxy answers its id without loading
      }
      if (lazy != null) {
        return Optional.of(who + " reads its lazy association " + lazy + " (" + to + "()) after the read: on a "
            + "cached, detached entity " + whole.detachedLazyRead());
      }
      return ownReads.ownLazyRead(method, handOff, entity);
    }
    if (OPAQUE.contains(to)) {
      return Optional.of(who + " hands it to " + to + "(), whose receivers optkit cannot list (a function held in a "
          + "field, an event's listeners), and any of them may change it");
    }
    if (WRITE_BACK.contains(to) && sharing.receivers(method, handOff).stream().allMatch(r -> r.fact().isAbstract())) {
      // the persistence layer's own save or delete; a project method of that name is followed like any other
      return Optional.of(who + " hands it back to the persistence layer (" + to + "()): a cached copy is stale by "
          + "then, and writing it back would overwrite newer data (or fail its @Version check)");
    }
    // a repository fragment (XxxRepositoryImpl): Spring Data runs the project's code for it, which the call graph
    // does not link to the repository's call: it may change the entity or merge it back
    if (!handOff.returned() && !handOff.constructed() && sharing.receivers(method, handOff).isEmpty()) {
      Optional<IndexedMethod> fragment = fragments.fragmentFor(method, handOff);
      if (fragment.isPresent()) {
        return Optional.of(RepositoryFragments.refusal(who, to, fragment.get()));
      }
    }
    if (handOff.returned() || entity.lazyByGetter().isEmpty() && !handOff.constructed()
        && sharing.receivers(method, handOff).isEmpty()) {
      return Optional.empty(); // no lazy association to trip over, and a library call that writes nothing back
    }
    List<IndexedMethod> receivers = new java.util.ArrayList<>(ReferenceOverloads.taking(index, sharing.receivers(method, handOff),
        handOff, entity));
    // a project class implementing the interface method called (a repository fragment's XxxImpl) runs too
    ReferenceOverloads.taking(index, index.allTargetsOf(callTo(method, handOff)), handOff, entity).stream()
        .filter(m -> !m.fact().isAbstract() && !receivers.contains(m)).forEach(receivers::add);
    if (receivers.isEmpty() && INSPECTING.contains(to)) {
      return Optional.empty(); // CollUtil.isNotEmpty(depts), requireNonNull(owner): the value is only looked at
    }
    if (receivers.isEmpty() && entity.nonAssociationGetter(to)) {
      return Optional.empty(); // users.stream().map(User::getId): a getter of a column, not of an association
    }
    if (receivers.isEmpty() && ListInserts.onlyIntoOwnLists(whole.declaration(method), to)) {
      return Optional.empty(); // all.addAll(rows) into a new ArrayList: appended, never compared
    }
    if (receivers.isEmpty() && HASHING.contains(to)) {
      // menuSet.add(menu): a JDK collection calls the entity's equals and hashCode, nothing else of it
      Optional<String> lazyIdentity = ownReads.identityReadsLazy(entity);
      if (lazyIdentity.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(who + " passes it to " + to + "(), which calls its " + lazyIdentity.get()
          + ": on a cached, detached entity " + whole.detachedLazyRead());
    }
    if (receivers.isEmpty() && handOff.part() && columnValuesOnly(method, handOff, entity)) {
      return Optional.empty(); // List.of(event.getId()): an immutable column value, no association
    }
    Optional<Set<String>> copied = receivers.isEmpty() && to.equals("copyProperties") && !handOff.part()
        ? copies.from(whole.declaration(method), handOff.position()) : Optional.empty();
    if (copied.isPresent() && entity.computingGetters().stream().filter(g -> !entity.lazyByGetter().containsKey(g))
        .map(ColumnReads::property)
        .noneMatch(p -> p != null && copied.get().contains(p))) {
      List<String> lazy = entity.lazyByGetter().entrySet().stream().filter(e -> ColumnReads.property(e.getKey()) != null
          && copied.get().contains(ColumnReads.property(e.getKey()))).map(e -> e.getValue()).distinct().sorted().toList();
      if (lazy.isEmpty()) {
        return Optional.empty(); // BeanUtils.copyProperties(user, response): the response has no lazy association's name
      }
      return Optional.of(who + " copies its lazy association " + String.join(", ", lazy) + " (copyProperties() "
          + "reads every property the target can set): on a cached, detached entity " + whole.detachedLazyRead());
    }
    Optional<Set<String>> copiedGetters = handOff.held() && !handOff.part()
        ? sharing.gettersCopied(method, handOff) : Optional.empty();
    if (copiedGetters.isPresent() && copiedGetters.get().stream().allMatch(entity::nonAssociationGetter)
        && !LazyBasicColumns.declaredBy(index, whole, entity.qualifiedName())) {
      // new ProductDto(product), copying getId() and getName() into immutable fields: the copy holds no association
      // to load (trial 88's workshop ProductController.findById, said to pass "what holds it" to body())
      return Optional.empty();
    }
    if (receivers.isEmpty() && !entity.lazyByGetter().isEmpty() && !handOff.constructed()) {
      // said as what optkit knows: the reader is unseen, not seen reading (audit 12's s10e: JSP views that did not)
      String passes = who + (handOff.part() ? " passes what it reads from it (a value, or an association)"
          : handOff.held() ? " passes what holds it" : " passes it") + " to " + to + "()";
      if (MODEL_CALLS.contains(to)) {
        return Optional.of(passes + ", which puts it in the model of a view optkit does not read (a JSP or a "
            + "template), and the associations it reaches, " + entity.lazyFields() + ", are lazy: a view or tag "
            + "reading one (a property, toString, equals) on a cached, detached entity: " + whole.detachedLazyRead()
            + ", where the uncached one is read in its open session (check the views before caching it "
            + "by hand)");
      }
      Optional<LombokAccessors.Kept> kept = lombok.keptBy(method, handOff);
      if (kept.isPresent() && handOff.part() && sharing.immutable(kept.get().type())) {
        return Optional.empty(); // .ownerId(a.getOwnerId()) on a Lombok builder: a Long kept in a Long field
      }
      if (kept.isPresent()) {
        return Optional.of(passes + ", " + kept.get().maker() + ", which keeps " + (handOff.held() && !handOff.part()
            ? "that" : "it") + " in field " + kept.get().field()
            + " of " + kept.get().owner() + ", and optkit does not follow what becomes of that object; the associations it "
            + "reaches, " + entity.lazyFields() + ", are lazy: if anything reads one after the load on a cached, "
            + "detached entity, " + whole.detachedLazyRead());
      }
      return Optional.of(passes + ", which optkit cannot see into, and the associations it reaches, "
          + entity.lazyFields() + ", are lazy: if anything there reads one after the load on a cached, detached "
          + "entity, " + whole.detachedLazyRead());
    }
    if (depth >= DEPTH) {
      return entity.lazyByGetter().isEmpty() ? Optional.empty()
          : Optional.of(who + " passes it further than optkit follows (" + DEPTH + " calls), and the associations it "
              + "reaches, " + entity.lazyFields() + ", are lazy");
    }
    for (IndexedMethod receiver : receivers) {
      if (!seen.add(receiver)) {
        continue;
      }
      int position = ResultSharing.parameterAt(receiver, handOff.position());
      if (position >= 0 && position < receiver.fact().params().size()
          && (sharing.immutable(receiver.fact().params().get(position).qualifiedType())
              || handOff.part() && sharing.holdsImmutables(receiver.fact().params().get(position).type()))) {
        continue; // cleanUserCache(String), delByKeys(Set<Long> ids): values read from the entity reach no association
      }
      if (receiver.fact().isAbstract() && index.allTargetsOf(callTo(method, handOff)).stream()
          .allMatch(m -> m.fact().isAbstract())) {
        Optional<dev.optkit.analyzers.facts.IoSite> library = index.implementedByLibrary(receiver);
        // a repository fragment: Spring Data runs the project's XxxImpl for it, which the call graph does not link
        Optional<IndexedMethod> fragment = fragments.implementedInProject(receiver.fact().ownerType(), receiver.fact().name(),
            receiver.fact().params().size());
        if (fragment.isPresent()) {
          return Optional.of(RepositoryFragments.refusal(who, receiver.fact().displayName(), fragment.get()));
        }
        if (library.isPresent()) {
          // a Spring Data query method: the library binds the entity's id as a parameter, no association
          if (library.get().access() == dev.optkit.analyzers.facts.Access.READ) {
            continue;
          }
          return Optional.of(who + " hands it to " + receiver.fact().displayName() + "(), a query method that writes ("
              + library.get().method() + "()): a cached copy is stale by then, and writing it back would overwrite "
              + "newer data");
        }
        if (!entity.lazyByGetter().isEmpty()) {
          return Optional.of(who + " passes it to " + receiver.fact().displayName() + "(), whose implementation is "
              + "not in the sources: build the project first (missing: the implementation of "
              + ProjectTraits.simpleName(receiver.fact().ownerType()) + ", generated at build time?)");
        }
        continue;
      }
      for (MethodFact.HandOff onward : receiver.fact().handOffs()) {
        if (onward.fromCall() == null && onward.fromParameter() == position) {
          if (onward.returned() && !sharing.mayReturnIt(receiver, onward)) {
            continue; // createTo(vote) returns new VoteTo(vote.getId(), ...): values read from it, no association
          }
          Optional<String> deeper = onward.returned()
              ? handedBack(method, handOff, receiver, entity, depth, seen, itself && !onward.part(), onward.part())
              : use(receiver, onward, entity, depth + 1, seen, itself && !onward.part());
          if (deeper.isPresent()) {
            return deeper;
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * {@code mapper.same(menu)}, {@code map(mapper::same)}: the helper returns what it got (or a part of it), so what
   * the method does with that call's result is done with the entity. Every hand-off of a call of the helper's name
   * counts (more than the one call, never fewer).
   */
  private Optional<String> handedBack(IndexedMethod method, MethodFact.HandOff handOff, IndexedMethod helper,
      ReturnedEntity entity, int depth, Set<IndexedMethod> seen, boolean itself, boolean part) {
    if (!handedBackSeen.add(method.fact().signature() + "->" + helper.fact().signature())) {
      return Optional.empty(); // followed already on this proof
    }
    for (MethodFact.HandOff next : method.fact().handOffs()) {
      if (!helper.fact().name().equals(next.fromCall()) || next.fromArguments() != handOff.toArguments()
          || sharing.returnsValuesReadFrom(method, next, entity.qualifiedName())) {
        continue; // ids of what the helper hands back, returned as a Set<Long>: no entity
      }
      boolean nextItself = itself && !next.part();
      Optional<String> use = next.returned()
          ? returnedBy(method, entity, new HashSet<>(), !part && !next.part(), nextItself)
          : use(method, next, entity, depth + 1, seen, nextItself);
      if (use.isPresent()) {
        String how = use.get();
        String back = method.fact().displayName() + "() passes it to " + helper.fact().displayName()
            + "(), which returns it, and ";
        return Optional.of(how.startsWith(method.fact().displayName() + "()") || how.startsWith("the handler "
            + method.fact().displayName() + "()") ? back.substring(0, back.length() - ", and ".length()) + "; " + how
            : back + how);
      }
    }
    return Optional.empty();
  }

  /** The method-to-helper pairs {@link #handedBack} followed while proving one cached method. */
  private final Set<String> handedBackSeen = new HashSet<>();

  /** The call a hand-off goes to, for its overriding targets. */
  public static CallRef callTo(IndexedMethod method, MethodFact.HandOff handOff) {
    return method.fact().calls().stream().filter(c -> c.name().equals(handOff.target())
        && c.argumentCount() == handOff.toArguments()).findFirst()
        .orElse(new CallRef(null, handOff.target(), handOff.toArguments(), null, false, method.fact().range(), ""));
  }



  /**
   * Whether what the method hands on at that position is, in every such call of its source, a column
   * getter called on the entity ({@code event.getId()}) whose field holds an immutable value: no
   * association, nothing of the entity's to change or to load later.
   */
  private boolean columnValuesOnly(IndexedMethod method, MethodFact.HandOff handOff, ReturnedEntity entity) {
    Optional<com.github.javaparser.ast.body.CallableDeclaration<?>> body = whole.declaration(method);
    if (body.isEmpty() || handOff.position() < 0) {
      return false;
    }
    List<com.github.javaparser.ast.expr.MethodCallExpr> calls = body.get()
        .findAll(com.github.javaparser.ast.expr.MethodCallExpr.class).stream()
        .filter(c -> c.getNameAsString().equals(handOff.target()) && c.getArguments().size() == handOff.toArguments())
        .toList();
    if (calls.isEmpty()) {
      return false;
    }
    // toDto(Category category) { ... .name(category.getName()) }: a value read off the parameter's own type
    int from = handOff.fromCall() == null ? handOff.fromParameter() : -1;
    dev.optkit.analyzers.facts.ParamFact parameter = from >= 0 && from < method.fact().params().size()
        ? method.fact().params().get(from) : null;
    if (parameter != null && index.type(parameter.qualifiedType()).isPresent()) {
      return calls.stream().allMatch(call -> handOff.position() < call.getArguments().size()
          && columnReads.columnValue(call.getArgument(handOff.position()), parameter.name(), parameter.qualifiedType()));
    }
    for (com.github.javaparser.ast.expr.MethodCallExpr call : calls) {
      if (handOff.position() >= call.getArguments().size()
          || !(call.getArgument(handOff.position()) instanceof com.github.javaparser.ast.expr.MethodCallExpr getter)
          || !getter.getArguments().isEmpty()
          || !(getter.getScope().orElse(null) instanceof com.github.javaparser.ast.expr.NameExpr
              // repo.getBossOfDepartment(id).getSalary(): the getter on the loading call's answer itself (trial 85's
              // F5: a BigDecimal handed to compareTo was "a value, or an association")
              || getter.getScope().orElse(null) instanceof com.github.javaparser.ast.expr.MethodCallExpr loading
                  && loading.getNameAsString().equals(handOff.fromCall()))
          || !entity.nonAssociationGetter(getter.getNameAsString())) {
        return false;
      }
      String column = entity.column(getter.getNameAsString());
      List<TypeFact> named = index.type(entity.qualifiedName()).stream().toList();
      List<String> owners = new ArrayList<>();
      if (named.size() == 1) {
        owners.add(named.get(0).qualifiedName());
        owners.addAll(index.supertypesOf(named.get(0).qualifiedName()));
      }
      String type = owners.stream().flatMap(owner -> index.type(owner).stream())
          .map(t -> t.fieldTypes().get(column)).filter(java.util.Objects::nonNull).findFirst().orElse(null);
      if (type == null || !sharing.immutable(type)) {
        return false;
      }
    }
    return true;
  }
}
