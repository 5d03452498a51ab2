package dev.optkit.rewriters.caching.sharing;

import dev.optkit.analyzers.facts.CallReceiver;
import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.source.SourceSet;
import dev.optkit.rewriters.caching.ProjectTraits;
import dev.optkit.rewriters.caching.text.WrittenTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a cached result would be shared with a caller that changes it: every caller of a cached
 * method gets the one object the cache holds, so a change by one leaks into later answers. Follows
 * the result through project callers, the helpers they hand it to, and the methods those return it to.
 */
public final class ResultSharing {
  private static final String MODEL_ATTRIBUTE = "org.springframework.web.bind.annotation.ModelAttribute";

  private final ProjectIndex index;
  private final ImmutableValues immutables;
  private final UnfoundCallees unfoundCallees;
  private final SealedHolders sealedHolders;
  private final SerialisedHandOffs serialised;

  /** @param declarations the source of a project method or constructor, where optkit may read it */
  public ResultSharing(ProjectIndex index,
      java.util.function.Function<IndexedMethod, Optional<com.github.javaparser.ast.body.CallableDeclaration<?>>> declarations) {
    this.copies = new CopyingConstructors(index, declarations, this::immutable);
    this.unfoundCallees = new UnfoundCallees(index, declarations);
    this.immutables = new ImmutableValues(index);
    this.index = index;
    this.serialised = new SerialisedHandOffs(index, this::immutableParameter, this::receivers);
    this.lombok = new LombokAccessors(index);
    this.sealedHolders = new SealedHolders(index, this::immutable, lombok);
    this.helperReturns = new HelperReturns(this, index);
  }
  private final LombokAccessors lombok;
  private final CopyingConstructors copies;
  private final HelperReturns helperReturns;

  /**
   * Whether what a method returns through that returned hand-off may be the value handed in or a mutable part of it:
   * not an immutable result, not a new object built from immutable values read from it ({@code new VoteTo(v.getId())}),
   * not a container of values or value-only DTOs read from it ({@code map(VoteUtil::createTo)}).
   */
  public boolean mayReturnIt(IndexedMethod method, MethodFact.HandOff returned) {
    return !immutable(method.fact().returnType()) && !constructedFromImmutableValue(method, returned)
        && !returnsValuesReadFrom(method, returned, handedInType(method, returned));
  }

  /**
   * Whether a project method the hand-off reaches returns what it gets there (or a part of it), such that the change
   * made to what it returns is one of that: a change of a new holder itself is not ({@code createTo(r).setRating(n)}).
   */
  public boolean returnsWhatItGets(IndexedMethod caller, MethodFact.HandOff handOff, MethodFact.ResultMutation change) {
    return helperReturns.returningIt(caller, handOff).stream().anyMatch(helper -> !(helperReturns.holderOnly(helper,
        handOff) && (helperReturns.changesTheHolder(helper, change) || containerChange(change.change())))
        // set.add(x) on the very collection it was handed (a query's list, a set of its own): no entity changes; an
        // entity's collection handed back as a part of it (getChildren()) still does
        && !(change.itself() && containerChange(change.change()) && !handOff.part()
            && helperReturns.returnsWhole(helper, handOff)));
  }

  /** Changes of a container's own order or membership, which leave the objects it holds as they were: its methods. */
  private static final Set<String> CONTAINER_STRUCTURE = Set.of("sort", "add", "addAll", "addFirst", "addLast",
      "remove", "removeAll", "removeIf", "retainAll", "clear", "push", "pop", "poll", "offer", "removeFirst",
      "removeLast");

  /** The same, by {@code java.util.Collections}' static methods given the container. */
  private static final Set<String> COLLECTIONS_STRUCTURE = Set.of("reverse", "sort", "shuffle", "swap", "rotate");

  /** A change of a container's own order or membership ({@code items.add(x)}, {@code Collections.sort(items)}). */
  static boolean structureChange(dev.optkit.analyzers.facts.Change change) {
    return change instanceof dev.optkit.analyzers.facts.Change.Call call && call.element() == null
        && (call.helper() == null ? CONTAINER_STRUCTURE.contains(call.method())
            : call.helper().equals("Collections") && COLLECTIONS_STRUCTURE.contains(call.method()));
  }

  /** A caller that changes the result it gets: a cached result is one object shared by every caller. */
  public Optional<String> mutatingCaller(IndexedMethod target) {
    return mutatingCaller(target, target.fact().returnType(), new java.util.HashSet<>(), false);
  }

  /**
   * The same, for a cache Spring's proxy serves: a caller of the same object calling the method through {@code this}
   * ({@code Cat c = find(id); c.setName(n)} in the service's own {@code rename}) gets what the method loads, never the
   * cached object, so what it changes is its own (audit 9's s19, techmart's {@code findCategoryById}).
   */
  public Optional<String> mutatingCaller(IndexedMethod target, boolean proxied) {
    bypassing = proxied ? target : null;
    try {
      return mutatingCaller(target);
    } finally {
      bypassing = null;
    }
  }

  /** The cached method whose self-calls bypass its proxy, while {@link #mutatingCaller(IndexedMethod, boolean)} runs. */
  private IndexedMethod bypassing;

  private boolean bypasses(IndexedMethod caller, CallRef call, IndexedMethod target) {
    return target == bypassing && selfCall(caller, call, target);
  }

  /** A call of the method on the object itself ({@code find(id)}, {@code this.find(id)}), which no proxy sees. */
  public boolean selfCall(IndexedMethod caller, CallRef call, IndexedMethod target) {
    return caller.fact().ownerType().equals(call.receiverType())
        && index.supertypesOf(caller.fact().ownerType()).contains(target.fact().ownerType())
        && (call.receiver() == CallReceiver.IMPLICIT || call.receiver() == CallReceiver.THIS);
  }

  /**
   * @param resultType the cached method's result type, whichever method hands the result on
   * @param seen methods already followed: a caller that returns the result is followed to its own callers
   * @param partOnly the result is a part of what {@code target} returns (an element of a new list): a change of that
   *     container's own structure ({@code Collections.reverse(parents)}) leaves the result as it was (audit 16's S30)
   */
  public Optional<String> mutatingCaller(IndexedMethod target, String resultType, Set<IndexedMethod> seen,
      boolean partOnly) {
    if (!seen.add(target)) {
      return Optional.empty();
    }
    for (IndexedMethod caller : index.callersOf(target)) {
      if (SourceSet.isTestPath(caller.path())) {
        continue; // tests change what they read to check it; production callers are what share a cache
      }
      for (MethodFact.ResultMutation mutation : caller.fact().resultMutations()) {
        if (!mutation.call().equals(target.fact().name())
            || partOnly && mutation.itself() && structureChange(mutation.change())) {
          continue;
        }
        for (CallRef call : caller.fact().calls()) {
          if (mutation.of(call) && index.allTargetsOf(call).contains(target) && !bypasses(caller, call, target)
              && !immutable(resultType) // an int key put in a map beside the lists changed (audit 10's s5)
              && !immutables.stringFieldReplaced(mutation.change(), resultType)
              // kept in a private final field only read in place (statuses.get("request")): audit 11's s11
              && !sealedHolders.keptSealed(caller, mutation.change(), target)) {
            if (mutation.change() instanceof dev.optkit.analyzers.facts.Change.StoredInField) {
              return Optional.of(caller.fact().displayName() + "() keeps the result it gets in field "
                  + ((dev.optkit.analyzers.facts.Change.StoredInField) mutation.change()).field() + ", where anyone (data binding included) "
                  + "may change it: a cached result is one object shared by every caller");
            }
            return Optional.of(caller.fact().displayName() + "() changes the result it gets (" + mutation.how()
                + "): a cached result is one object shared by every caller, so the change would leak into "
                + "later answers");
          }
        }
      }
      for (MethodFact.HandOff handOff : caller.fact().handOffs()) {
        if (!target.fact().name().equals(handOff.fromCall())
            || caller.fact().calls().stream().noneMatch(call -> handOff.from(call) && index.allTargetsOf(call).contains(target)
                && !bypasses(caller, call, target))
            || holdsNothingChangeable(caller, handOff)) { // new ProductInOrder(info, 1) copies strings out of info: trial 42's F4
          continue;
        }
        Optional<String> advised = serialised.advisedBody(caller);
        if (advised.isPresent() && !immutable(resultType) && (handOff.returned() || handOff.position() >= 0)) {
          return Optional.of(caller.fact().displayName() + "() " + advised.get());
        }
        if (handOff.position() == MethodFact.RECEIVER && !handOff.part()
            && lombok.setterOnResult(resultType, WrittenTypes.returnType(target.fact()), handOff)) {
          return Optional.of(caller.fact().displayName() + "() changes the result it gets (" + handOff.target()
              + "(), a setter Lombok writes): a cached result is one object shared by every caller, so the change "
              + "would leak into later answers");
        }
        if (handOff.position() == MethodFact.LAMBDA_VALUE && !immutable(resultType)) {
          return Optional.of(caller.fact().displayName() + "() gets it as the value of a lambda it hands to "
              + handOff.target() + "(), and optkit does not follow what that call makes of it: a caller may change "
              + "the one object a cache would share");
        }
        if (handOff.position() == MethodFact.LAMBDA_VALUE) {
          continue; // an immutable value: whatever the call makes of it, nobody changes it
        }
        if (handOff.returned() && !handOff.part() && !immutable(resultType)
            && boundModelAttribute(caller)) {
          return Optional.of(caller.fact().displayName() + "() returns it as a model attribute: Spring's data binder "
              + "writes the request's parameters onto it, and the handlers that take it may change it: a cached result "
              + "is one object shared by every caller");
        }
        if (handOff.returned() && constructedFromImmutableValue(caller, handOff)) {
          continue; // return new Shell(ip, server.getAccount()): the new object holds a string, not the result
        }
        if (returnsValuesReadFrom(caller, handOff, WrittenTypes.returnType(target.fact()))) {
          continue; // ids.add(dept.getId()); return ids: what callers do with the ids reaches no cached object
        }
        if (handOff.returned()) {
          // return dao.pets(owner): what the caller's own callers do with it counts the same
          Optional<String> above = mutatingCaller(caller, resultType, seen, partOnly || handOff.part());
          if (above.isPresent()) {
            return Optional.of(caller.fact().displayName() + "() returns the result it gets, and " + above.get());
          }
          continue;
        }
        if (handOff.position() >= 0 && EntityResults.OPAQUE.contains(handOff.target()) && !immutable(resultType)
            && receivers(caller, handOff).isEmpty() && !SerialisedHandOffs.sentToBroker(caller, handOff)) {
          return Optional.of(caller.fact().displayName() + "() hands the result it gets to " + handOff.target()
              + "(), whose receivers optkit cannot list (a function held in a field, an event's listeners), and any "
              + "of them may change it: a cached result is one object shared by every caller");
        }
        if (serialised.onlySerialised(caller, handOff, this::receivers)) {
          continue; // new ApiResponse<>(200, "Success", products) returned as the body: only the serialiser reads it
        }
        // userNo handed to Order.of(req, userNo), whose new order the caller changes: a Long stays what it was
        Optional<String> throughHelper = immutable(resultType) ? Optional.empty() : helperReturns.changedOnReturn(caller, handOff);
        if (throughHelper.isPresent()) {
          return throughHelper;
        }
        Optional<String> handedBack = immutable(resultType) ? Optional.empty()
            : helperReturns.usedAfterHelper(caller, handOff, resultType, seen, partOnly);
        if (handedBack.isPresent()) {
          return handedBack;
        }
        Optional<String> login = handOff.constructed() ? receivers(caller, handOff).stream()
            .map(made -> made.fact().ownerType()).filter(index.perUserCode()::credentials).findFirst() : Optional.empty();
        if (login.isPresent()) {
          // new AuthUser(user) in a UserDetailsService: what holds it is what the login checks (audit 11's c-5)
          return Optional.of(caller.fact().displayName() + "() makes the result it gets part of a login's credentials ("
              + ProjectTraits.simpleName(login.get()) + ", a UserDetails): a cache would keep what a login checks "
              + "(password hashes) in memory and hand one object to every login, and request handlers receive the "
              + "principal (@AuthenticationPrincipal)");
        }
        if (handOff.constructed() && handOff.constructedType().endsWith("AuthenticationToken")) {
          return Optional.of(caller.fact().displayName() + "() makes the result it gets an authenticated principal ("
              + handOff.target() + "): request handlers receive it (@AuthenticationPrincipal) and may change it, and "
              + "Spring Security erases its credentials after the login where it is a CredentialsContainer; a cached "
              + "one is shared by every login");
        }
        // the receiver is what the method tracked in this frame returns (a Shell built from the result, a level up)
        Optional<String> how = changedDownstream(caller, handOff, new java.util.HashSet<>(),
            immutable(resultType) || handOff.part(), target.fact().returnType());
        if (how.isPresent()) {
          boolean kept = how.get().contains(", which keeps it in field ");
          return Optional.of(caller.fact().displayName() + (handOff.position() == MethodFact.RECEIVER
              ? "() calls a method on the result it gets: " + how.get() : "() passes the result it gets to " + how.get())
              + (kept ? ", where anyone (data binding included) may change it later: a cached result is one object "
                  + "shared by every caller" : ": a cached result is one object shared by every caller, so the change "
                  + "would leak into later answers"));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A {@code @ModelAttribute} method whose value the data binder may write onto: a single object
   * (a handler taking it by its type or name gets the request's parameters bound onto it), or a
   * container a handler of the class takes as a parameter of its type. A list only shown by views
   * is not bound.
   */
  private boolean boundModelAttribute(IndexedMethod method) {
    if (!method.fact().hasAnnotation(MODEL_ATTRIBUTE)) {
      return false;
    }
    String type = method.fact().returnType();
    String simple = type.substring(type.lastIndexOf('.') + 1);
    if (simple.equals("Optional") || !ImmutableValues.CONTAINERS.contains(simple) && !type.endsWith("[]")) {
      return true;
    }
    return index.methodsOfType(method.fact().ownerType()).stream().flatMap(m -> m.fact().params().stream())
        .anyMatch(param -> param.qualifiedType().equals(type));
  }

  /**
   * Whether a returned hand-off is a part read from the result ({@code server.getAccount()}) passed
   * to the constructor of the object returned, and every constructor that call may reach takes it
   * as an immutable type: whatever the method's callers do with that object, they cannot change the
   * result through it.
   */
  boolean constructedFromImmutableValue(IndexedMethod caller, MethodFact.HandOff returned) {
    if (!returned.part() || returned.toArguments() == 0) {
      return false;
    }
    for (MethodFact.HandOff passed : caller.fact().handOffs()) {
      if (passed.constructed() && passed.part() && !passed.held()
          && java.util.Objects.equals(passed.fromCall(), returned.fromCall())
          && passed.fromArguments() == returned.fromArguments() && passed.fromParameter() == returned.fromParameter()
          && passed.fromLine() == returned.fromLine() && passed.fromColumn() == returned.fromColumn()
          && passed.toArguments() == returned.toArguments() && passed.position() == returned.position()) {
        List<IndexedMethod> constructors = receivers(caller, passed);
        return !constructors.isEmpty() && constructors.stream().allMatch(constructor -> {
          int position = parameterAt(constructor, passed.position());
          return position >= 0 && position < constructor.fact().params().size()
              && immutableParameter(constructor.fact().params().get(position));
        });
      }
    }
    return false;
  }

  /** The project methods or constructors a hand-off may reach. */
  public List<IndexedMethod> receivers(IndexedMethod from, MethodFact.HandOff handOff) {
    if (handOff.constructed()) {
      String simple = handOff.constructedType();
      String bare = TypeNames.raw(simple.substring(simple.lastIndexOf('.') + 1));
      // by simple name: several classes may share it, and any of them keeping the value is enough to refuse
      return index.methodsNamed(bare).stream().filter(m -> m.fact().isConstructor()
          && m.fact().params().size() == handOff.toArguments()).toList();
    }
    List<IndexedMethod> found = new ArrayList<>();
    int sites = 0;
    int typed = 0;
    for (CallRef call : from.fact().calls()) {
      if (call.name().equals(handOff.target()) && call.argumentCount() == handOff.toArguments()) {
        found.addAll(index.targetsOf(call));
        sites++;
        typed += call.receiverType() != null && index.type(call.receiverType()).isPresent() ? 1 : 0;
      }
    }
    // only a getter's name without arguments: Lombok's fluent setters and @Delegate's methods are not declared either
    boolean typedSites = sites > 0 && typed == sites && handOff.toArguments() == 0
        && (handOff.calledMethod().startsWith("get") || handOff.calledMethod().startsWith("is"));
    // inventory.getHotelId() on a project type that declares no such method: Lombok's, or a record's accessor,
    // not another class's method of that name
    if (found.isEmpty() && handOff.position() == MethodFact.RECEIVER && !typedSites) {
      // dao.find(id).tag(t): a call on a call's result whose type the extractor could not name records no call
      // site, so every project instance method of that name may be the one called
      found.addAll(index.methodsNamed(handOff.target()).stream().filter(m -> !m.fact().isStatic() && !m.fact().isConstructor() && m.fact().params().size() == handOff.toArguments()
          && !SourceSet.isTestPath(m.path())).toList());
    }
    return found;
  }

  /**
   * The project method a hand-off reaches that changes the value ("User.favorite(), which changes it (add)"). A
   * method that only keeps it in a field ({@code new PageResponse<>(content, total)}) changes nothing JPA would
   * write back at the flush: what the keeper later does with it is its own method's change.
   */
  /** The getters a copying constructor reads of the handed value, when the object it makes holds nothing of it. */
  public Optional<Set<String>> gettersCopied(IndexedMethod in, MethodFact.HandOff handOff) {
    return copies.gettersCopied(in, handOff);
  }

  /**
   * Whether a hand-off of a holder of the value reaches nothing of it anyone can change: the first holder made of it
   * copies values out of it ({@link CopyingConstructors#holdsNothing}), or keeps it sealed ({@code new SaleDetail(product,
   * n)} keeping it in a private final field it only reads immutable values of), so every holder made of that one
   * (a list of lines, a sale holding the list) holds nothing of it either.
   */
  private boolean holdsNothingChangeable(IndexedMethod in, MethodFact.HandOff handOff) {
    if (copies.holdsNothing(in, handOff)) {
      return true;
    }
    if (!handOff.held() || handOff.keptBy() == null) {
      return false;
    }
    List<IndexedMethod> run = copies.constructorsRun(in, handOff.keptBy());
    return !run.isEmpty() && run.stream().allMatch(made -> sealedHolders.sealsParameter(made, handOff.keptBy().position()));
  }

  public Optional<String> changedBy(IndexedMethod from, MethodFact.HandOff handOff) {
    return holdsNothingChangeable(from, handOff) ? Optional.empty() : changedDownstream(from, handOff, new java.util.HashSet<>(), true, null);
  }

  /**
   * Follows a value handed from {@code from} to the project methods its receiving call reaches,
   * and on through their own hand-offs of that parameter (cycles cut by {@code seen}), to a method
   * that changes it.
   *
   * @return the chain, "Helper.normalise(), which changes it (sort)", when some method changes it
   */
  Optional<String> changedDownstream(IndexedMethod from, MethodFact.HandOff handOff,
      Set<String> seen, boolean immutableValue, String resultType) {
    if (!immutableValue && handOff.position() >= 0 && receivers(from, handOff).isEmpty()) {
      Optional<String> lost = unfoundCallees.unfoundProjectMethod(from, handOff);
      if (lost.isPresent()) {
        return lost;
      }
    }
    for (IndexedMethod callee : ofResultType(receivers(from, handOff), handOff, resultType)) {
      int position = parameterAt(callee, handOff.position());
      // by method and parameter: a constructor given an id at 0 is still followed for the list at 2 (review 45's ra3)
      if (!seen.add(callee.path() + "|" + callee.key() + "#" + position)) {
        continue;
      }
      if (position >= 0 && position < callee.fact().params().size()
          && immutableParameter(callee.fact().params().get(position))) {
        continue; // setName(String): what arrives is an immutable value read from the result, not the result
      }
      if (handOff.held() && handOff.part() && position >= 0 && position < callee.fact().params().size()
          && holdsImmutables(callee.fact().params().get(position).type())) {
        continue; // a Set<Long> of ids read from the result: adding to it changes neither the result nor the ids
      }
      for (MethodFact.ParameterMutation change : callee.fact().parameterMutations()) {
        if (handOff.held() && !handOff.part() && change.itself() && containerChange(change.change())) {
          continue; // adding to a set that holds the result changes the set, not the result (eladmin's getChildMenus)
        }
        if (change.parameter() == position
            && !(immutableValue && change.change() instanceof dev.optkit.analyzers.facts.Change.StoredInField)
            && !sealedHolders.keptSealed(callee, change.change())
            && !immutables.stringFieldReplaced(change.change(), declaredType(callee, position))) {
          return Optional.of(callee.fact().displayName() + "(), which "
              + (change.change() instanceof dev.optkit.analyzers.facts.Change.StoredInField ? "keeps it in field "
                  + ((dev.optkit.analyzers.facts.Change.StoredInField) change.change()).field() : "changes it (" + change.how() + ")"));
        }
      }
      for (MethodFact.HandOff onward : callee.fact().handOffs()) {
        if (onward.fromCall() == null && onward.fromParameter() == position && !holdsNothingChangeable(callee, onward)) {
          // same.same(items.get(0)).setName(n): the callee changes what its helper hands back
          Optional<String> back = immutableValue ? Optional.empty() : helperReturns.changeOfReturned(callee, onward, true);
          if (back.isPresent()) {
            return Optional.of(callee.fact().displayName() + "(), which passes it to " + back.get());
          }
          Optional<String> deeper = changedDownstream(callee, onward, seen, immutableValue, null);
          if (deeper.isPresent()) {
            return Optional.of(callee.fact().displayName() + "(), which passes it to " + deeper.get());
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Of the methods a call on the result itself may run, those its type has: {@code room.addShowtime(s)} on a
   * {@code var room} the extractor could not type runs Room's, not Movie's of the same name (cinema-rest-api). Its
   * own type, a supertype's or a subclass's override; all of them when the result is no project type or a part.
   */
  private List<IndexedMethod> ofResultType(List<IndexedMethod> callees, MethodFact.HandOff handOff, String resultType) {
    String type = resultType == null ? null : TypeNames.raw(resultType);
    // a holder of the result (Batch.of(p).mark("?")) is no object of the result's type: its methods all count (h3)
    if (type == null || handOff.position() != MethodFact.RECEIVER || handOff.part() || handOff.held()
        || index.type(type).isEmpty()) {
      return callees;
    }
    Set<String> related = new java.util.HashSet<>(index.supertypesOf(type));
    related.add(type);
    related.addAll(index.subtypesOf(type));
    return callees.stream().filter(callee -> related.contains(callee.fact().ownerType())).toList();
  }

  /** The declared type of the callee's parameter, or its own type for the receiver; null when there is none. */
  private static String declaredType(IndexedMethod callee, int position) {
    if (position == MethodFact.RECEIVER) {
      return callee.fact().ownerType();
    }
    return position >= 0 && position < callee.fact().params().size()
        ? callee.fact().params().get(position).qualifiedType() : null;
  }

  /** The parameter an argument lands in: every argument from a varargs parameter's position on lands in it. */
  public static int parameterAt(IndexedMethod callee, int argument) {
    int params = callee.fact().params().size();
    return argument != MethodFact.RECEIVER && params > 0 && callee.fact().params().get(params - 1).varArgs()
        && argument >= params - 1 ? params - 1 : argument;
  }

  /** JDK value types nobody can change ({@link ImmutableValues#JDK_VALUES}). */
  public static final Set<String> IMMUTABLE_RESULTS = ImmutableValues.JDK_VALUES;

  /** What a collection's own methods change: the collection, never the objects it holds. */
  private static final Set<String> CONTAINER_CHANGES = Set.of("add", "addAll", "remove", "removeAll", "removeIf",
      "retainAll", "clear", "put", "putAll", "putIfAbsent", "offer", "push", "poll", "pop", "addFirst", "addLast",
      "removeFirst", "removeLast", "sort");

  /** The same, by {@code java.util.Collections}' static methods given the container. */
  private static final Set<String> COLLECTIONS_CHANGES = Set.of("sort", "shuffle", "reverse");

  /** A change of what a JDK container holds ({@code items.add(x)}, {@code map.put(k, v)}, {@code Collections.sort(items)}). */
  static boolean containerChange(dev.optkit.analyzers.facts.Change change) {
    return change instanceof dev.optkit.analyzers.facts.Change.Call call && call.element() == null
        && (call.helper() == null ? CONTAINER_CHANGES.contains(call.method())
            : call.helper().equals("Collections") && COLLECTIONS_CHANGES.contains(call.method()));
  }

  /** {@code Set<Long>}: a JDK container of immutable values ({@link ImmutableValues#holdsImmutables}). */
  public boolean holdsImmutables(String written) {
    return immutables.holdsImmutables(written);
  }


  /**
   * A returned container that holds values read from the result ({@code ids.add(dept.getId()); return ids},
   * eladmin's DataServiceImpl.getCustomize) and is declared to hold immutable values only ({@code Set<Long>}):
   * it cannot hold the result or a mutable part of it, so it is no longer the result. A {@code Set<Dept>} the
   * depts themselves go into still is.
   */
  public boolean returnsValuesReadFrom(IndexedMethod caller, MethodFact.HandOff handOff, String from) {
    return handOff.returned() && handOff.held() && handOff.part()
        && (holdsImmutables(WrittenTypes.returnType(caller.fact()))
            || immutables.holdsValueObjects(WrittenTypes.returnType(caller.fact()), from));
  }

  /** The type a returned hand-off's value comes from as written: the parameter's, or null for a call's result. */
  static String handedInType(IndexedMethod method, MethodFact.HandOff returned) {
    int position = returned.fromParameter();
    return returned.fromCall() == null && position >= 0 && position < method.fact().params().size()
        ? method.fact().params().get(position).type() : null;
  }

  /**
   * A parameter whose value nobody can change: its erased type drops the array ({@code String[]} and
   * {@code String...} are {@code java.lang.String} there), and an array's elements can be set.
   */
  private boolean immutableParameter(dev.optkit.analyzers.facts.ParamFact parameter) {
    return !parameter.varArgs() && !parameter.type().contains("[") && immutable(parameter.qualifiedType());
  }

  /** {@link ImmutableValues#mayHoldPartsOf}. */
  boolean mayHoldPartsOf(String holder, String from) {
    return immutables.mayHoldPartsOf(holder, from);
  }

  /** A result nobody can change, so sharing it through a field is harmless ({@link ImmutableValues}). */
  public boolean immutable(String type) {
    return immutables.immutable(type);
  }
}
