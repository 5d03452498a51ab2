package dev.optkit.analyzers.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds where a method changes what a call returned to it: {@code repo.findAll().add(x)}, a local
 * holding a call's result then sorted or given a field, {@code Collections.sort(list)}, setters
 * called or fields written on the elements of a returned collection (in a for-each, a lambda, a
 * method reference) or on objects reached through its getters, and results put into local
 * containers (arrays, lists, maps, copies) and changed through them. The same for the method's own
 * parameters, so that a caller handing a result to a project helper ({@code normalise(tags)}) is
 * judged by what the helper does: syntax only here, the hand-offs are followed by the planner
 * through the call graph. A result stored in a field is reported too ({@code "stored in field x"}),
 * since from there anyone, data binding included, may change it.
 */
final class ResultMutations {
  /** Calls that change their receiver: collections, maps, builders, arrays lists. */
  private static final Set<String> MUTATORS = Set.of(
      "add", "addAll", "addFirst", "addLast", "remove", "removeAll", "removeIf", "retainAll", "clear", "put",
      "putAll", "putIfAbsent", "replace", "replaceAll", "compute", "computeIfAbsent", "computeIfPresent", "merge",
      "sort", "set", "push", "pop", "poll", "offer", "removeFirst", "removeLast", "append", "insert", "reverse",
      "setLength", "delete", "deleteCharAt");
  /** Static helpers that change their first argument. */
  private static final Set<String> STATIC_MUTATORS = Set.of(
      "Collections.sort", "Collections.shuffle", "Collections.reverse", "Collections.swap", "Collections.fill",
      "Collections.rotate", "Collections.addAll", "Arrays.sort", "Arrays.fill", "Arrays.setAll");

  private ResultMutations() {}

  /**
   * What a method body changes among the values it got, and where it hands them on.
   *
   * @param results results of calls this method changes
   * @param parameters parameters this method changes
   * @param handOffs call results and parameters passed on as arguments to other calls, which may
   *     change them: the index follows these into project methods
   */
  record Changes(List<MethodFact.ResultMutation> results, List<MethodFact.ParameterMutation> parameters,
      List<MethodFact.HandOff> handOffs) {
    static final Changes NONE = new Changes(List.of(), List.of(), List.of());
  }

  /** The position that stands for the receiver of a call ({@code value.method()}) in hand-offs and changes. */
  static final int RECEIVER = MethodFact.RECEIVER;

  /**
   * Where a changed value came from: the result of a call, or the method's parameter at an index.
   * {@code held}: the value is a container holding it ({@code List.of(r)}, {@code new ArrayList<>(r)},
   * {@code holder[0] = r}): changing the container leaves the result alone, its elements are the result.
   */
  private record Origin(MethodCallExpr call, int parameter, boolean held) {
    Origin element() {
      return held ? new Origin(call, parameter, false) : this;
    }

    Origin holder() {
      return new Origin(call, parameter, true);
    }
  }

  /**
   * @param parameters the method's parameters, in order: any plain name assigned that is neither one
   *     nor a local variable is a field
   */
  static Changes of(Node body, List<String> parameters) {
    Set<String> locals = new java.util.HashSet<>(parameters);
    body.findAll(VariableDeclarator.class).forEach(v -> locals.add(v.getNameAsString()));
    body.findAll(com.github.javaparser.ast.body.Parameter.class).forEach(p -> locals.add(p.getNameAsString()));
    Aliases localSources = new Aliases(new HashMap<>(), new java.util.IdentityHashMap<>());
    for (int i = 0; i < parameters.size(); i++) {
      localSources.put(parameters.get(i), new Origin(null, i, false));
    }
    Set<String> elements = new java.util.HashSet<>();
    Set<String> reassigned = new java.util.HashSet<>();
    // twice, so an alias declared before its source in the walk order still resolves (t = loaded; loaded = call())
    for (int pass = 0; pass < 2; pass++) {
      for (VariableDeclarator variable : body.findAll(VariableDeclarator.class)) {
        variable.getInitializer().map(init -> source(init, localSources))
            .ifPresent(c -> localSources.put(variable.getNameAsString(), c));
      }
      for (AssignExpr assign : body.findAll(AssignExpr.class)) {
        if (assign.getTarget() instanceof NameExpr name) {
          Origin source = source(assign.getValue(), localSources);
          if (source != null) {
            localSources.put(name.getNameAsString(), source);
          } else if (parameters.contains(name.getNameAsString())) {
            reassigned.add(name.getNameAsString()); // items = new ArrayList<>(items): the caller's list is safe
          }
        } else if (assign.getTarget() instanceof ArrayAccessExpr slot && slot.getName() instanceof NameExpr array) {
          // holder[0] = loaded: the array now holds the result
          Origin source = source(assign.getValue(), localSources);
          if (source != null) {
            holds(localSources, array.getNameAsString(), source);
          }
        }
      }
      for (MethodCallExpr insert : body.findAll(MethodCallExpr.class)) {
        // box.add(loaded), byName.put(key, loaded): the local container now holds the result
        if (INSERTING.contains(insert.getNameAsString()) && insert.getScope().orElse(null) instanceof NameExpr box
            && locals.contains(box.getNameAsString())) {
          for (Expression argument : insert.getArguments()) {
            Origin source = source(argument, localSources);
            if (source != null) {
              holds(localSources, box.getNameAsString(), source);
            }
          }
        }
      }
      // for (Pet pet : owner.getPets()), pets.forEach(pet -> ...), found.map(pet -> ...): the variable is an element
      // bound to their own declaration, not the name: two lambdas may both call their element p
      for (ForEachStmt loop : body.findAll(ForEachStmt.class)) {
        Origin source = source(loop.getIterable(), localSources);
        if (source != null) {
          localSources.bound().put(loop.getVariableDeclarator(), source.element());
          elements.add(loop.getVariableDeclarator().getNameAsString());
        }
      }
      for (LambdaExpr lambda : body.findAll(LambdaExpr.class)) {
        if (lambda.getParentNode().orElse(null) instanceof MethodCallExpr call && call.getArguments().contains(lambda)
            && call.getScope().isPresent()) {
          Origin source = source(call.getScope().get(), localSources);
          if (source != null) {
            for (com.github.javaparser.ast.body.Parameter parameter : lambda.getParameters()) {
              localSources.bound().put(parameter, source.element());
              elements.add(parameter.getNameAsString());
            }
          }
        }
      }
    }
    reassigned.forEach(localSources::remove);
    Set<MethodFact.ResultMutation> results = new LinkedHashSet<>();
    Set<MethodFact.ParameterMutation> changedParameters = new LinkedHashSet<>();
    java.util.function.BiConsumer<Origin, String> changed = (origin, how) -> {
      if (origin.held()) {
        return; // the container changes, not the result it holds
      }
      if (origin.call() != null) {
        results.add(new MethodFact.ResultMutation(origin.call().getNameAsString(), origin.call().getArguments().size(),
            how));
      } else {
        changedParameters.add(new MethodFact.ParameterMutation(origin.parameter(), how));
      }
    };
    for (AssignExpr assign : body.findAll(AssignExpr.class)) {
      Expression target = assign.getTarget();
      String field = target instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr
          ? access.getNameAsString()
          : target instanceof NameExpr name && !locals.contains(name.getNameAsString()) ? name.getNameAsString() : null;
      if (field != null) {
        changedParameters.add(new MethodFact.ParameterMutation(RECEIVER, "assigns field " + field));
        // a call's result stored as it is, or a parameter kept (setItems(items)): from a field anyone may change it
        Origin stored = source(assign.getValue(), localSources);
        if (stored != null && (stored.call() == null || unwrap(assign.getValue()) instanceof MethodCallExpr)) {
          changed.accept(stored.element(), "stored in field " + field);
        }
      } else {
        fieldOrSlotWrite(target, localSources).ifPresent(o -> changed.accept(o, "sets " + target));
      }
    }
    // pet.visits++ on an element: as good as an assignment
    for (UnaryExpr step : body.findAll(UnaryExpr.class)) {
      if (step.getOperator().name().contains("CREMENT")) {
        fieldOrSlotWrite(step.getExpression(), localSources).ifPresent(o -> changed.accept(o, "sets " + step.getExpression()));
      }
    }
    Set<MethodFact.HandOff> handOffs = new LinkedHashSet<>();
    for (MethodCallExpr mutation : body.findAll(MethodCallExpr.class)) {
      String name = mutation.getNameAsString();
      Expression target = null;
      // the static helpers first: Collections.sort(list) changes list, not Collections
      if (mutation.getScope().orElse(null) instanceof NameExpr helper
          && STATIC_MUTATORS.contains(helper.getNameAsString() + "." + name) && mutation.getArguments().isNonEmpty()) {
        target = mutation.getArgument(0);
        name = helper.getNameAsString() + "." + name;
      } else if (mutation.getScope().isPresent() && (MUTATORS.contains(name) || isSetter(name))) {
        target = mutation.getScope().get();
      }
      if (target != null) {
        Origin source = source(target, localSources);
        if (source != null) {
          changed.accept(source, target instanceof NameExpr element && elements.contains(element.getNameAsString())
              ? element.getNameAsString() + "." + name : name);
        }
      } else if (mutation.getScope().isPresent()) {
        // account.deposit(5): whether that changes the account depends on the project method
        Origin receiver = source(mutation.getScope().get(), localSources);
        if (receiver != null) {
          handOffs.add(handOff(receiver, name, mutation.getArguments().size(), RECEIVER));
        }
      }
      // pets.forEach(Pet::clearVisits): a reference to a changing method, run on every element
      if (mutation.getScope().isPresent()) {
        Origin receiver = source(mutation.getScope().get(), localSources);
        for (Expression argument : mutation.getArguments()) {
          if (receiver == null || !(argument instanceof MethodReferenceExpr reference)) {
            continue;
          }
          // JavaParser reads the scope of result::add as a type: a local's name is no type
          boolean onElement = reference.getScope() instanceof TypeExpr type
              && !locals.contains(type.getType().asString());
          if (onElement && (isSetter(reference.getIdentifier()) || MUTATORS.contains(reference.getIdentifier()))) {
            changed.accept(receiver.element(), "::" + reference.getIdentifier());
          } else if (!receiver.held()) {
            // pets.forEach(Pet::reset), pets.forEach(vets::inspect): the element is the receiver or the argument of
            // the referenced method, recorded as a call of unknown arity
            if (onElement) {
              handOffs.add(handOff(receiver, reference.getIdentifier(), -1, RECEIVER));
            }
            handOffs.add(handOff(receiver, reference.getIdentifier(), -1, 0));
          }
        }
      }
      // helper.normalise(tags): whether that changes tags depends on the helper, which the index knows
      for (int position = 0; position < mutation.getArguments().size(); position++) {
        Origin passed = source(mutation.getArgument(position), localSources);
        if (passed != null) {
          handOffs.add(handOff(passed, name, mutation.getArguments().size(), position));
        }
      }
    }
    // new AccountSession(account, list): whether the object keeps them depends on its constructor
    for (ObjectCreationExpr creation : body.findAll(ObjectCreationExpr.class)) {
      if (creation.getAnonymousClassBody().isPresent() || COPYING.contains(creation.getType().getNameAsString())) {
        continue;
      }
      String created = "new " + creation.getType().getNameAsString();
      for (int position = 0; position < creation.getArguments().size(); position++) {
        Origin passed = source(creation.getArgument(position), localSources);
        if (passed != null) {
          handOffs.add(handOff(passed, created, creation.getArguments().size(), position));
        }
      }
    }
    return new Changes(List.copyOf(results), List.copyOf(changedParameters), List.copyOf(handOffs));
  }

  private static MethodFact.HandOff handOff(Origin from, String to, int toArguments, int position) {
    return new MethodFact.HandOff(from.call() == null ? null : from.call().getNameAsString(),
        from.call() == null ? 0 : from.call().getArguments().size(), from.parameter(), to, toArguments, position);
  }

  /**
   * What each local name stands for: by name for the method's variables, by declaration for the
   * variables of lambdas and for-each loops, which a name may shadow.
   */
  private record Aliases(Map<String, Origin> names, Map<Node, Origin> bound) {
    Origin get(String name) {
      return names.get(name);
    }

    void put(String name, Origin origin) {
      names.put(name, origin);
    }

    void remove(String name) {
      names.remove(name);
    }

    Origin of(NameExpr use) {
      String name = use.getNameAsString();
      for (Node at = use.getParentNode().orElse(null); at != null; at = at.getParentNode().orElse(null)) {
        if (at instanceof LambdaExpr lambda) {
          for (com.github.javaparser.ast.body.Parameter parameter : lambda.getParameters()) {
            if (parameter.getNameAsString().equals(name)) {
              return bound.get(parameter);
            }
          }
        } else if (at instanceof ForEachStmt loop && loop.getVariableDeclarator().getNameAsString().equals(name)
            && loop.getBody().isAncestorOf(use)) {
          return bound.get(loop.getVariableDeclarator());
        }
      }
      return names.get(name);
    }
  }

  /** A local container now holds the result, unless it already stands for a result itself. */
  private static void holds(Aliases localSources, String container, Origin held) {
    Origin current = localSources.get(container);
    if (current == null || current.held()) {
      localSources.put(container, held.holder());
    }
  }

  /** {@code pet.name = ...} or {@code loaded[0] = ...}: the origin of the object whose field or slot is written. */
  private static Optional<Origin> fieldOrSlotWrite(Expression target, Aliases localSources) {
    if (target instanceof FieldAccessExpr access && !(access.getScope() instanceof ThisExpr)) {
      return Optional.ofNullable(source(access.getScope(), localSources));
    }
    if (target instanceof ArrayAccessExpr slot) {
      return Optional.ofNullable(source(slot.getName(), localSources));
    }
    return Optional.empty();
  }

  /** Calls that put a value into their receiver. */
  private static final Set<String> INSERTING = Set.of(
      "add", "addAll", "addFirst", "addLast", "put", "putAll", "putIfAbsent", "set", "push", "offer", "offerFirst",
      "offerLast");
  /** Collections whose copy constructor shares the elements it copies. */
  private static final Set<String> COPYING = Set.of(
      "ArrayList", "LinkedList", "HashSet", "LinkedHashSet", "TreeSet", "HashMap", "LinkedHashMap", "TreeMap",
      "ArrayDeque", "CopyOnWriteArrayList", "Vector", "PriorityQueue", "ConcurrentHashMap", "AtomicReference");
  /** Static factories whose result holds their arguments (or their arguments' elements). */
  private static final Set<String> HOLDING_FACTORIES = Set.of(
      "List.of", "Set.of", "Map.of", "Map.entry", "Stream.of", "Optional.of", "Optional.ofNullable", "Arrays.asList",
      "Arrays.stream", "List.copyOf", "Set.copyOf", "Map.copyOf", "Collections.singletonList", "Collections.singleton",
      "Collections.singletonMap", "Collections.unmodifiableList", "Collections.unmodifiableSet",
      "Collections.unmodifiableMap", "Collections.unmodifiableCollection", "Collections.synchronizedList",
      "Collections.synchronizedMap", "ImmutableList.of", "ImmutableList.copyOf", "ImmutableSet.copyOf",
      "Lists.newArrayList", "Sets.newHashSet", "Stream.concat", "Map.ofEntries");
  /** Optional's accessors and element reads hand on what the value holds. */
  private static final Set<String> ELEMENT_READS = Set.of(
      "orElseThrow", "get", "orElse", "orElseGet", "join", "getFirst", "getLast", "peekFirst", "peekLast", "element",
      "first", "last", "next", "previous", "firstElement", "lastElement", "elementAt", "findFirst", "findAny", "min",
      "max", "getValue", "getKey", "floorEntry", "ceilingEntry", "firstEntry", "lastEntry", "getOrDefault", "poll",
      "pollFirst", "pollLast", "peek", "pop", "remove", "removeFirst", "removeLast", "getFirstElement");
  /** Views and streams that show the very objects of the collection or map they come from. */
  private static final Set<String> VIEWS = Set.of(
      "iterator", "listIterator", "entrySet", "keySet", "values", "subList", "headMap", "tailMap", "subMap",
      "headSet", "tailSet", "subSet", "descendingMap", "descendingSet", "navigableKeySet", "stream", "parallelStream",
      "filter", "sorted", "distinct", "limit", "skip", "sequential", "parallel", "unordered", "takeWhile", "dropWhile",
      "spliterator", "descendingIterator", "reversed");
  /** Results that are new containers of the same objects. */
  private static final Set<String> COLLECTING = Set.of("collect", "toList", "toArray", "toSet");

  private static Origin source(Expression target, Aliases localSources) {
    Expression unwrapped = unwrap(target);
    if (unwrapped instanceof ConditionalExpr choice) {
      // found != null ? found : fallback: either may be the result
      Origin chosen = source(choice.getThenExpr(), localSources);
      return chosen != null ? chosen : source(choice.getElseExpr(), localSources);
    }
    if (unwrapped instanceof ArrayAccessExpr slot) {
      Origin array = source(slot.getName(), localSources);
      return array == null ? null : array.element();
    }
    if (unwrapped instanceof FieldAccessExpr access && !(access.getScope() instanceof ThisExpr)) {
      // pet.owner: part of the object graph the result reaches
      Origin owner = source(access.getScope(), localSources);
      return owner == null ? null : owner.element();
    }
    if (unwrapped instanceof ArrayInitializerExpr || unwrapped instanceof ArrayCreationExpr) {
      for (ArrayInitializerExpr values : unwrapped.findAll(ArrayInitializerExpr.class)) {
        for (Expression value : values.getValues()) {
          Origin held = source(value, localSources);
          if (held != null) {
            return held.holder();
          }
        }
      }
      return null;
    }
    if (unwrapped instanceof ObjectCreationExpr creation && COPYING.contains(creation.getType().getNameAsString())) {
      for (Expression argument : creation.getArguments()) {
        Origin copied = source(argument, localSources);
        if (copied != null) {
          return copied.holder(); // new ArrayList<>(pets): sorting the copy is harmless, its pets are the cached ones
        }
      }
      return null;
    }
    if (unwrapped instanceof MethodCallExpr call) {
      String name = call.getNameAsString();
      if (call.getScope().orElse(null) instanceof NameExpr factory
          && HOLDING_FACTORIES.contains(factory.getNameAsString() + "." + name)) {
        for (Expression argument : call.getArguments()) {
          Origin held = source(argument, localSources);
          if (held != null) {
            return held.holder();
          }
        }
      }
      if (call.getScope().isPresent()) {
        Origin inner = source(call.getScope().get(), localSources);
        if (inner != null) {
          // people.findById(id).orElseThrow().setName(n) changes what findById returned; list.iterator().remove()
          // and map.entrySet().removeIf(...) change the list and the map through their views; pet.getOwner() is
          // part of the graph the result reaches
          if (VIEWS.contains(name)) {
            return inner;
          }
          if (ELEMENT_READS.contains(name) || isGetter(name, call)) {
            return inner.element();
          }
          if (COLLECTING.contains(name)) {
            return inner.holder();
          }
        }
      }
      return new Origin(call, -1, false);
    }
    if (unwrapped instanceof NameExpr name) {
      return localSources.of(name);
    }
    return null;
  }

  /** {@code getOwner()}, {@code isActive()}: reads a part of the object it is called on. */
  private static boolean isGetter(String name, MethodCallExpr call) {
    return call.getArguments().isEmpty() && (name.length() > 3 && name.startsWith("get")
        && Character.isUpperCase(name.charAt(3)) || name.length() > 2 && name.startsWith("is")
        && Character.isUpperCase(name.charAt(2)));
  }

  private static Expression unwrap(Expression expression) {
    Expression current = expression;
    while (current instanceof EnclosedExpr || current instanceof CastExpr) {
      current = current instanceof EnclosedExpr enclosed ? enclosed.getInner() : ((CastExpr) current).getExpression();
    }
    return current;
  }

  private static boolean isSetter(String name) {
    return name.length() > 3 && name.startsWith("set") && Character.isUpperCase(name.charAt(3));
  }
}
