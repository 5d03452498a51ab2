package dev.optkit.rewriters.caching.keys;

import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.facts.CallReceiver;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.Root;
import dev.optkit.analyzers.facts.Roots;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.source.SourceSet;
import dev.optkit.rewriters.caching.writers.ForeignFieldAssignments;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a cached method's answer depends on state its key does not cover: a field that changes
 * after construction, of an object shared between calls (this object, a bean it holds, a static),
 * read by the method or by any project method it reaches. Fields of objects made or loaded for the
 * call (rows a query mapped, a DTO it built, an entity a repository returned) are not such state:
 * the next call makes or loads its own. Parameters are the key's own business (their equality is
 * checked where keys are made), so what a parameter holds is not counted here either.
 *
 * <p>The walk carries, for each method it enters, whether its {@code this} and each parameter may
 * be shared, from the {@link CallRef#roots() roots} of the receiver and arguments at the call.
 */
public final class KeyCoverage {
  private static final int DEPTH = 4;

  /**
   * Library methods that answer a new object made for the call, by receiver type: a mapper's or a
   * JSON reader's result (ModelMapper's {@code map} that returns a value is the one given a type to
   * make; the one given a destination returns nothing).
   */
  private static final Map<String, Set<String>> FRESH_LIBRARY_RESULTS = Map.of(
      "org.modelmapper.ModelMapper", Set.of("map"),
      "com.fasterxml.jackson.databind.ObjectMapper", Set.of("readValue", "convertValue", "treeToValue", "readTree"),
      "com.google.gson.Gson", Set.of("fromJson"));

  private final ProjectIndex index;
  private final UnseenImplementations unseenCode;
  private final ForeignFieldAssignments foreignAssignments;
  private final OtherStatics otherStatics;
  private final ConstructorStatics constructorStatics;
  private final Map<Asked, Boolean> returnsFresh = new HashMap<>();
  /**
   * Answers of {@link #freshResult}, kept: a value built by calls whose arguments are results of calls
   * sharing those arguments asks the same questions again at every level, exponentially (an assess of
   * langchain4j ran for more than 15 minutes before they were kept).
   */
  private final Map<Asked, Boolean> freshResults = new HashMap<>();
  /** Project classes with a supertype of this simple name ({@code .RowMapper}), for {@link #handedOn}. */
  private final Map<String, List<String>> implementingBySimpleName = new HashMap<>();

  public KeyCoverage(ProjectIndex index) {
    this.unseenCode = new UnseenImplementations(index);
    this.foreignAssignments = new ForeignFieldAssignments(index);
    this.otherStatics = new OtherStatics(index);
    this.constructorStatics = new ConstructorStatics(index);
    this.enclosing = new EnclosingState(index);
    this.index = index;
  }

  private final EnclosingState enclosing;

  /** One question about a method, by the method's identity: its facts are large to compare. */
  private record Asked(IndexedMethod method, Root.CallResult call, Frame frame) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Asked asked && asked.method == method && java.util.Objects.equals(asked.call, call)
          && asked.frame.equals(frame);
    }

    @Override
    public int hashCode() {
      return (System.identityHashCode(method) * 31 + java.util.Objects.hashCode(call)) * 31 + frame.hashCode();
    }
  }

  /**
   * Whether the object a method runs on may be shared state, whether what its fields hold may be, and each of its
   * parameters. An object the caller makes for the call ({@code new ProductsJdbc(sql, id, jdbc).stream()}) is no
   * shared object, though the objects its constructor was handed may be: its own fields, and what other classes
   * assign to them, are no state a key misses; what they hold is.
   */
  private record Frame(boolean thisShared, boolean thisHolds, List<Boolean> parameters) {
    Frame(boolean shared, List<Boolean> parameters) {
      this(shared, shared, parameters);
    }

    boolean parameter(int index) {
      return index < 0 || index >= parameters.size() || parameters.get(index);
    }
  }

  /**
   * Why the cached method's answer is not a function of its key: it, or a project method it
   * reaches, reads a mutable field of shared state, or changes shared state (a hit would skip the change).
   */
  public Optional<String> whyNot(IndexedMethod cached) {
    List<Boolean> keyed = new ArrayList<>();
    // a key names its value; an enum's constant is one object whose state the key does not cover when it can change
    // (review 79's p02: a constant holding a Notation the application changes)
    cached.fact().params().forEach(p -> keyed.add(index.type(p.qualifiedType())
        .filter(t -> t.kind().equals("enum") && !enclosing.unchangingEnum(t)).isPresent()));
    return below(cached, new Frame(true, List.copyOf(keyed)), DEPTH, new HashSet<>());
  }

  private Optional<String> below(IndexedMethod method, Frame frame, int depth, Set<Asked> seen) {
    if (depth == 0 || !seen.add(new Asked(method, null, frame))) {
      return Optional.empty();
    }
    // a constructor counts where it is a nested class's (a query builder binding LocalDateTime.now(): review 79's p04);
    // a top-level class's (an entity stamping its creation) is left to the reads of what it made
    if (depth < DEPTH && !method.fact().timeOrRandomUses().isEmpty()
        && (!method.fact().isConstructor() || enclosing.nestedInProjectType(method.fact().ownerType()))) {
      // ymolyavkin's getItemsLastNextBookingByUser: isLast() compares with LocalDateTime.now(), so the answer
      // changes when a booking's start passes, with no write to evict it
      String use = method.fact().timeOrRandomUses().get(0);
      return Optional.of("depends on " + dev.optkit.analyzers.facts.extract.TimeAndRandom.whatItReads(use) + ": "
          + method.fact().displayName() + "() reads " + use);
    }
    Optional<String> outerRead = enclosing.fieldRead(method);
    if (outerRead.isPresent()) {
      return outerRead;
    }
    Optional<String> assignedElsewhere = foreignAssignments.whyNot(method, frame.thisShared(), frame.thisHolds());
    if (assignedElsewhere.isPresent()) {
      return assignedElsewhere;
    }
    Optional<String> constructing = constructorStatics.whyNot(method, (constructor, made) -> {
      // the new object is fresh; what the call hands its constructor may not be (an enum's changing constant: p05)
      List<Boolean> arguments = new ArrayList<>();
      for (int i = 0; i < constructor.fact().params().size(); i++) {
        // a reference (map(Role::new)) or an implicit super() tells no roots: its arguments are taken as fresh
        arguments.add(!made.roots().isEmpty() && i < made.argumentCount() && shared(made.rootsOf(i), method, frame));
      }
      return below(constructor, new Frame(false, List.copyOf(arguments)), depth - 1, seen);
    });
    if (constructing.isPresent()) {
      return constructing;
    }
    Optional<String> otherStatic = otherStatics.whyNot(method);
    if (otherStatic.isPresent()) {
      return otherStatic;
    }
    Optional<String> changed = changesShared(method, frame);
    if (changed.isPresent()) {
      return changed;
    }
    Optional<String> opaque = opaqueCallOnShared(method, frame);
    if (opaque.isPresent()) {
      return opaque;
    }
    for (CallRef call : method.fact().calls()) {
      boolean receiverShared = shared(call.rootsOf(-1), method, frame) || enclosing.instanceCall(method, call);
      List<Boolean> arguments = new ArrayList<>();
      for (int i = 0; i < argumentsOf(call); i++) {
        arguments.add(shared(call.rootsOf(i), method, frame));
      }
      if (call.argumentCount() < 0 && arguments.isEmpty() && handedToAQuery(method, call)) {
        // this::mapRow given to jdbcTemplate.query(...): its parameters are the rows the query loaded for this call,
        // as a lambda's are (audit 13's s17: 26 refusals of row mappers written as method references)
        arguments.addAll(java.util.Collections.nCopies(MAX_CALLBACK_PARAMETERS, false));
      }
      List<IndexedMethod> targets = runTargets(method, call);
      Optional<String> component = CalleeState.recordComponent(index, call, targets, receiverShared);
      if (component.isPresent()) {
        return component;
      }
      Optional<String> unseen = unseenCode.whyNot(method, call, targets, receiverShared);
      if (unseen.isPresent()) {
        return unseen;
      }
      for (IndexedMethod callee : targets) {
        MethodFact fact = callee.fact();
        Frame runs = calleeFrame(method, call, fact, frame, receiverShared, List.of());
        boolean thisShared = runs.thisShared();
        Optional<String> inherited = CalleeState.inherited(index, call, fact, runs.thisHolds());
        if (inherited.isPresent()) {
          return inherited;
        }
        List<String> read = thisShared ? fact.mutableFieldsRead() : runs.thisHolds() ? heldFieldsRead(fact)
            : fact.staticFieldsRead();
        if (!read.isEmpty()) {
          return Optional.of("depends on mutable state its key does not cover: " + fact.displayName()
              + "() reads field " + read.get(0) + ", which changes after construction, of "
              + (fact.staticFieldsRead().contains(read.get(0)) ? "its class (static)"
                  : thisShared ? "an object shared between calls (" + call.snippet() + ")"
                  : "an object made for the call, which may hold what it was handed (" + call.snippet() + ")"));
        }
        List<Boolean> passed = arguments;
        if (call.argumentCount() < 0 && fact.isStatic() && !call.roots().isEmpty() && arguments.isEmpty()) {
          // map(MenuMapper::toMenuTo): a static method's reference takes each element as its first argument, not as
          // a receiver (audit 16: an unknown parameter 0 made its fresh DTO's setters "shared state")
          passed = call.roots().stream().map(roots -> shared(roots, method, frame)).toList();
        }
        Optional<String> deeper = below(callee, new Frame(thisShared, runs.thisHolds(), List.copyOf(passed)), depth - 1,
            seen);
        if (deeper.isPresent()) {
          return deeper;
        }
      }
    }
    // last: a reason through the calls above names the read itself, these only the object made or handed on
    Optional<String> made = enclosing.madeFrom(method);
    if (made.isPresent()) {
      return made;
    }
    return frame.thisHolds() ? handedOn(method, depth, seen) : Optional.empty();
  }

  /**
   * An object held in a field of this shared object, handed to a call ({@code jdbc.query(sql, rowMapper)}): whoever
   * gets it calls its methods with no call site here, so they are walked as if called on shared state (hostile
   * review 37's a9: a row mapper counting every row it ever mapped). The class is the one the field's initialiser
   * creates, else every project class of the field's declared type.
   */
  private Optional<String> handedOn(IndexedMethod method, int depth, Set<Asked> seen) {
    for (dev.optkit.analyzers.facts.HandedObject handed : method.fact().handedFields()) {
      String field;
      String held;
      java.util.Set<String> classes = new java.util.TreeSet<>();
      if (handed instanceof dev.optkit.analyzers.facts.HandedObject.ChangingCode changing) {
        return Optional.of("depends on mutable state its key does not cover: " + method.fact().displayName()
            + "() runs or hands on field " + changing.field() + ", code that changes state kept between calls (an "
            + "anonymous class's own fields, or what a lambda or method reference writes)");
      } else if (handed instanceof dev.optkit.analyzers.facts.HandedObject.FromFactory factory) {
        // Mappers.counting(): the class of what the factory answers, as declared
        List<IndexedMethod> made = index.methods(factory.owner(), factory.method());
        if (made.isEmpty()) {
          continue; // a library's factory: its objects are the library's
        }
        field = "the object " + factory.owner() + "." + factory.method() + "() answers";
        held = TypeNames.raw(made.get(0).fact().returnType());
        // the factory's own class: what it answers may be its object's method (return c::map; review 38's h11)
        classes.add(factory.owner());
      } else {
        dev.optkit.analyzers.facts.HandedObject.InField inField = (dev.optkit.analyzers.facts.HandedObject.InField) handed;
        field = inField.field();
        held = inField.type();
      }
      classes.addAll(index.subtypesOf(held));
      classes.add(held);
      if (index.type(held).isEmpty()) {
        // a library type named through an on-demand import (org.springframework.jdbc.core.*): read by its simple
        // name, the project classes implementing a type of that name (hostile review 38's h3, h8)
        String simple = "." + held.substring(held.lastIndexOf('.') + 1);
        classes.addAll(implementingBySimpleName.computeIfAbsent(simple, name -> index.types().stream()
            .filter(t -> index.supertypesOf(t.qualifiedName()).stream().anyMatch(s -> s.endsWith(name)))
            .map(TypeFact::qualifiedName).toList()));
      }
      for (String type : classes) {
        for (IndexedMethod callback : index.methodsOfType(type)) {
          MethodFact fact = callback.fact();
          if (fact.isStatic() || fact.isConstructor()) {
            continue;
          }
          if (!fact.mutableFieldsRead().isEmpty()) {
            return Optional.of("depends on mutable state its key does not cover: " + method.fact().displayName()
                + "() hands on " + (field.startsWith("the object") ? field : "field " + field) + ", whose "
                + fact.displayName() + "() reads field "
                + fact.mutableFieldsRead().get(0) + ", which changes after construction");
          }
          Optional<String> deeper = below(callback,
              new Frame(true, java.util.Collections.nCopies(fact.params().size(), false)), depth - 1, seen);
          if (deeper.isPresent()) {
            return deeper;
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether another class's static field read as {@code pkg.Type#FIELD} is a constant: named in
   * capitals and of an immutable value type (or an enum's constant); {@code Registry.ALL}, a list,
   * and {@code Registry.count} are not. A name the type's fields do not hold (a nested type) is none.
   */
  private static final int MAX_CALLBACK_PARAMETERS = 3;

  /**
   * Whether a method reference is an argument of a query the method makes itself (an I/O site whose call encloses
   * it): what it is handed are the query's rows, loaded for the call.
   */
  private static boolean handedToAQuery(IndexedMethod method, CallRef reference) {
    var at = reference.range();
    return method.fact().ioSites().stream().anyMatch(site -> site.access() == dev.optkit.analyzers.facts.Access.READ
        && site.range() != null && site.range().contains(at)); // a call never starts where its argument does
  }

  /** A call's arguments; a method reference's, where its roots tell them (the elements it is mapped over). */
  private static int argumentsOf(CallRef call) {
    return call.argumentCount() >= 0 ? call.argumentCount() : Math.max(call.roots().size() - 1, 0);
  }

  /**
   * What a call of production code may run: a test's double of an interface (an in-memory
   * repository under src/test) never runs there, and its fields are no state of the production read.
   */
  private List<IndexedMethod> runTargets(IndexedMethod method, CallRef call) {
    List<IndexedMethod> targets = index.allTargetsOf(call);
    if (SourceSet.isTestPath(method.path()) || targets.stream().noneMatch(t -> SourceSet.isTestPath(t.path()))) {
      return targets;
    }
    return targets.stream().filter(t -> !SourceSet.isTestPath(t.path())).toList();
  }

  /**
   * A change the method makes to state shared between calls: its own object's fields, a shared
   * argument, or what a call returned that is not made or loaded for this call.
   */
  private Optional<String> changesShared(IndexedMethod method, Frame frame) {
    MethodFact fact = method.fact();
    for (MethodFact.ParameterMutation change : fact.parameterMutations()) {
      if (change.parameter() != MethodFact.RECEIVER && change.change() instanceof dev.optkit.analyzers.facts.Change.StoredInField) {
        continue; // keeping an argument changes the keeper (counted as its own change), not the argument
      }
      boolean shared = change.parameter() == MethodFact.RECEIVER ? frame.thisHolds() && !fact.isConstructor()
          : frame.parameter(change.parameter());
      if (shared) {
        return Optional.of(sideEffect(fact, change.how()));
      }
    }
    for (MethodFact.ResultMutation change : fact.resultMutations()) {
      if (shared(change.roots(), method, frame)) {
        Optional<String> generated = unseenCode.generatedLater(fact, change.call());
        return generated.isPresent() ? generated
            : Optional.of(sideEffect(fact, change.how() + " on what " + change.call() + "() returned"));
      }
    }
    return Optional.empty();
  }

  private static String sideEffect(MethodFact fact, String how) {
    return "changes state shared between calls: " + fact.displayName() + "() " + how.replaceFirst("^stored in", "stores in")
        + "; a cache hit would skip that change";
  }

  /**
   * A call on a shared object whose type optkit could not name ({@code context.getBean(X.class).getLimit()}):
   * any project instance method of that name and arity may run, so one reading or changing a mutable
   * field of its object counts. Only those methods themselves are looked at, not what they call.
   */
  private Optional<String> opaqueCallOnShared(IndexedMethod method, Frame frame) {
    for (CallRef call : method.fact().opaqueCalls()) {
      if (!shared(call.rootsOf(-1), method, frame)) {
        continue;
      }
      for (IndexedMethod candidate : index.methodsNamed(call.name())) {
        MethodFact fact = candidate.fact();
        if (fact.isStatic() || fact.isConstructor() || fact.params().size() != call.argumentCount()
            || SourceSet.isTestPath(candidate.path())) {
          continue;
        }
        if (!fact.mutableFieldsRead().isEmpty()) {
          return Optional.of("depends on mutable state its key does not cover: " + call.snippet() + " may run "
              + fact.displayName() + "(), which reads field " + fact.mutableFieldsRead().get(0)
              + ", which changes after construction, of an object optkit cannot show is made for this call alone (it may"
              + " be shared between calls)");
        }
        if (fact.parameterMutations().stream().anyMatch(m -> m.parameter() == MethodFact.RECEIVER)) {
          return Optional.of(sideEffect(fact, "changes its object, reached by " + call.snippet()
              + ", which is shared between calls"));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The fields a method reads of an object made for the call that may hold a shared object: its statics, and the
   * fields that change after construction unless their type's objects never change (an {@code int start} a setter
   * assigns is the new object's own; a set it was handed and fills is not).
   */
  private List<String> heldFieldsRead(MethodFact fact) {
    List<String> read = new ArrayList<>(fact.staticFieldsRead());
    for (String field : fact.mutableFieldsRead()) {
      String type = index.fieldTypeOf(fact.ownerType(), field);
      if (!read.contains(field) && (type == null || !index.immutableTypes().immutable(type))) {
        read.add(field);
      }
    }
    return read;
  }

  /**
   * The frame a call's target runs in: a static method's is shared; a call on this very object keeps the caller's
   * frame; an object the call's receiver makes ({@code new X(..).m()}) is fresh unless its construction reads state
   * from outside its arguments, and holds what those arguments are; any other receiver is as shared as its roots.
   */
  private Frame calleeFrame(IndexedMethod method, CallRef call, MethodFact callee, Frame frame, boolean receiverShared,
      List<Boolean> arguments) {
    if (callee.isStatic()) {
      return new Frame(true, List.copyOf(arguments));
    }
    if (call.receiver() == CallReceiver.CREATED) {
      // its other roots are the arguments it was handed: what it holds, not what it is
      boolean outside = call.rootsOf(-1).any().stream().anyMatch(root -> root instanceof Root.Construction made
          && enclosing.constructionReadsOutside(made.type()));
      return new Frame(outside, receiverShared, List.copyOf(arguments));
    }
    if ((call.receiver() == CallReceiver.IMPLICIT || call.receiver() == CallReceiver.THIS)
        && call.rootsOf(-1).onlyThis() && !enclosing.instanceCall(method, call)) {
      return new Frame(frame.thisShared(), frame.thisHolds(), List.copyOf(arguments));
    }
    return new Frame(receiverShared, List.copyOf(arguments));
  }

  /** Whether a value with these roots may be shared between calls, in this method and frame. */
  private boolean shared(Roots roots, IndexedMethod method, Frame frame) {
    // calls whose arguments are the results of calls whose arguments are...: past this depth (langchain4j and
    // fineract reached a StackOverflowError), the value counts as shared, which refuses rather than caches
    int[] depth = SHARED_DEPTH.get();
    if (depth[0] >= MAX_SHARED_DEPTH) {
      return true;
    }
    depth[0]++;
    try {
      return anyShared(roots, method, frame);
    } finally {
      depth[0]--;
    }
  }

  private static final int MAX_SHARED_DEPTH = 64;
  /** Per thread: the planner's questions may run on several. */
  private static final ThreadLocal<int[]> SHARED_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  private boolean anyShared(Roots roots, IndexedMethod method, Frame frame) {
    for (Root root : roots.any()) {
      boolean shared;
      if (root instanceof Root.Made) {
        shared = false;
      } else if (root instanceof Root.This) {
        shared = frame.thisHolds(); // this object, or what its fields hold
      } else if (root instanceof Root.Constant constant) {
        shared = !enclosing.enumConstant(constant.name());
      } else if (root instanceof Root.Construction construction) {
        shared = enclosing.constructionReadsOutside(construction.type());
      } else if (root instanceof Root.Parameter parameter) {
        shared = frame.parameter(parameter.index());
      } else if (root instanceof Root.CallResult call) {
        shared = !freshResult(method, call, frame);
      } else {
        shared = true; // a static field, a call on a type, what optkit cannot tell
      }
      if (shared) {
        return true;
      }
    }
    return false;
  }

  /**
   * What a call returned is made or loaded for the call: the result of I/O (rows, a response, an
   * entity), or of project methods that return only such values. A library call's result may be
   * anything (a bean from the application context), so it is not.
   */
  private boolean freshResult(IndexedMethod method, Root.CallResult call, Frame frame) {
    Asked asked = new Asked(method, call, frame);
    Boolean known = freshResults.get(asked);
    if (known != null) {
      return known;
    }
    freshResults.put(asked, false); // a value built from itself is not shown fresh
    boolean fresh = computeFreshResult(method, call, frame);
    freshResults.put(asked, fresh);
    return fresh;
  }

  private boolean computeFreshResult(IndexedMethod method, Root.CallResult result, Frame frame) {
    int line = result.line();
    int column = result.column();
    String name = result.name();
    if (result.rows()) {
      // the result set a RowMapper gets: loaded for the call when the call is a query, else anything
      return method.fact().ioSites().stream().anyMatch(site -> site.range().line() == line
          && site.range().column() == column && site.method().equals(name));
    }
    for (IoSite site : method.fact().ioSites()) {
      if (site.range().line() == line && site.range().column() == column && site.method().equals(name)) {
        return true;
      }
    }
    for (CallRef call : method.fact().calls()) {
      if (call.range().line() == line && call.range().column() == column && call.name().equals(name)) {
        if (index.declaredSite(call).isPresent()) {
          return true; // a repository's or a declared client's answer: loaded for the call
        }
        if (call.receiverType() != null
            && FRESH_LIBRARY_RESULTS.getOrDefault(call.receiverType(), Set.of()).contains(call.name())) {
          return true; // modelMapper.map(event, EventDto.class): a new object, whatever the mapper holds
        }
        List<IndexedMethod> targets = runTargets(method, call);
        if (!targets.isEmpty()) {
          boolean receiverShared = shared(call.rootsOf(-1).withoutEarlierAnswersOf(result), method, frame);
          List<Boolean> arguments = new ArrayList<>();
          for (int i = 0; i < argumentsOf(call); i++) {
            arguments.add(shared(call.rootsOf(i).withoutEarlierAnswersOf(result), method, frame));
          }
          return unseenCode.answering(targets).stream().allMatch(target -> returnsFresh(target,
              calleeFrame(method, call, target.fact(), frame, receiverShared, arguments)));
        }
        break; // no project method: a library's
      }
    }
    // a library call: what it returns on a shared object may be part of it (map.get(k) on a field); a static
    // factory's or a fresh object's result is made for the call (List.of(x), new StringBuilder().append(s))
    List<Root> receiver = result.from().isEmpty() ? List.of(Root.UNKNOWN) : result.from().stream()
        .map(root -> root instanceof Root.OnType ? Root.MADE : root).toList();
    return !shared(new Roots(receiver), method, frame);
  }

  /**
   * Whether the method returns only fresh values when called on an object and with arguments
   * shared as the frame says: {@code getById(loadedRows, id)} returns one of the rows it is given.
   */
  private boolean returnsFresh(IndexedMethod method, Frame frame) {
    Asked key = new Asked(method, null, frame);
    Boolean known = returnsFresh.get(key);
    if (known != null) {
      return known;
    }
    returnsFresh.put(key, false); // a cycle returns what it gets from itself: not shown fresh
    List<Roots> returned = method.fact().returnRoots();
    // a Spring Data repository's query method (the proxy runs it): what it returns is loaded for the call
    boolean repositoryQuery = unseenCode.springDataQuery(method);
    boolean fresh = repositoryQuery || !method.fact().isAbstract() && !returned.isEmpty()
        && returned.stream().noneMatch(roots -> shared(roots, method, frame));
    returnsFresh.put(key, fresh);
    return fresh;
  }

}
