package dev.optkit.analyzers.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.stmt.YieldStmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds where a method changes what a call returned to it, or one of its parameters, and where it
 * hands them on: {@code repo.findAll().add(x)}, a local holding a call's result then sorted or
 * given a field, {@code Collections.sort(list)}, setters called or fields written on the elements
 * of a returned collection (in a for-each, a lambda, an anonymous class, a method reference) or on
 * objects reached through its accessors, results put into local containers (arrays, lists, maps,
 * copies, objects' fields, suppliers) and changed through them, and results returned to the caller.
 *
 * <p>Which values a local may hold at a use is worked out from the statements before it in the
 * same block and the blocks around it (an assignment on the straight path is the last; assignments
 * inside earlier branches add theirs; a loop adds what its body assigns), so a local given a fresh
 * object ({@code if (p == null) p = new Pet()}) is no longer the result, and one given two results
 * ({@code l = a(); if (l.isEmpty()) l = b();}) is both. Syntax only: what project helpers do with
 * what they get is followed by the planner through the call graph.
 */
final class ResultMutations {
  /** Calls that change their receiver: collections, maps, deques, builders, arrays lists. */
  private static final Set<String> MUTATORS = Set.of(
      "add", "addAll", "addFirst", "addLast", "remove", "removeAll", "removeIf", "retainAll", "clear", "put",
      "putAll", "putIfAbsent", "replace", "replaceAll", "compute", "computeIfAbsent", "computeIfPresent", "merge",
      "sort", "set", "push", "pop", "poll", "offer", "removeFirst", "removeLast", "append", "insert", "reverse",
      "setLength", "delete", "deleteCharAt", "pollFirst", "pollLast", "offerFirst", "offerLast", "addElement",
      "removeElement", "removeElementAt", "setElementAt", "insertElementAt", "removeAllElements", "setSize",
      "descendingIterator", "setValue");
  /** Static helpers that change one of their arguments, by its position. */
  private static final Map<String, Integer> STATIC_MUTATORS = Map.ofEntries(
      Map.entry("Collections.sort", 0), Map.entry("Collections.shuffle", 0), Map.entry("Collections.reverse", 0),
      Map.entry("Collections.swap", 0), Map.entry("Collections.fill", 0), Map.entry("Collections.rotate", 0),
      Map.entry("Collections.copy", 0), Map.entry("Collections.replaceAll", 0), Map.entry("Arrays.sort", 0),
      Map.entry("Arrays.fill", 0),
      Map.entry("Arrays.setAll", 0), Map.entry("Arrays.parallelSort", 0), Map.entry("Arrays.parallelSetAll", 0),
      Map.entry("Arrays.parallelPrefix", 0), Map.entry("System.arraycopy", 2),
      // Spring's and Commons' bean copiers write into the target: (source, target) and (target, source)
      Map.entry("BeanUtils.copyProperties", 1), Map.entry("PropertyUtils.copyProperties", 0),
      Map.entry("BeanUtils.populate", 0), Map.entry("ReflectionUtils.setField", 1),
      Map.entry("FieldUtils.writeField", 0), Map.entry("BeanUtils.setProperty", 0), Map.entry("Collections.addAll", 0),
      Map.entry("PropertyUtils.setProperty", 0), Map.entry("PropertyUtils.setSimpleProperty", 0));
  /**
   * Instance calls that write into one of their arguments, by its position: Jackson's updating
   * readers, object mappers' {@code map(source, destination)} (ModelMapper, Dozer, Orika), and
   * reflection ({@code field.set(target, v)}, {@code method.invoke(target, ...)}), which may set anything.
   */
  private static final Map<String, Integer> ARGUMENT_WRITERS = Map.ofEntries(
      Map.entry("readerForUpdating", 0), Map.entry("updateValue", 0), Map.entry("withValueToUpdate", 0),
      Map.entry("set", 0), Map.entry("setInt", 0), Map.entry("setLong", 0), Map.entry("setBoolean", 0),
      Map.entry("setDouble", 0), Map.entry("setFloat", 0), Map.entry("setShort", 0), Map.entry("setByte", 0),
      Map.entry("setChar", 0), Map.entry("invoke", 0), Map.entry("invokeExact", 0), Map.entry("read", 0),
      Map.entry("readFully", 0), Map.entry("readNBytes", 0), Map.entry("nextBytes", 0), Map.entry("getChars", 2),
      Map.entry("toArray", 0), Map.entry("drainTo", 0));
  /** Argument counts at which an {@link #ARGUMENT_WRITERS} name writes its argument (other counts are other methods). */
  private static final Map<String, Integer> ARGUMENT_WRITER_MIN_ARGUMENTS = Map.of(
      "set", 2, "invoke", 1, "invokeExact", 1);
  /** Wrappers that write through to the object they get: Spring's binders and property accessors. */
  private static final Set<String> WRITING_WRAPPERS = Set.of(
      "DataBinder", "WebDataBinder", "BeanWrapperImpl", "DirectFieldAccessor");

  /** Calls that put their arguments into their receiver. */
  private static final Set<String> INSERTING = Set.of(
      "add", "addAll", "addFirst", "addLast", "put", "putAll", "putIfAbsent", "set", "push", "offer", "offerFirst",
      "offerLast", "addElement", "insertElementAt", "setElementAt", "accept", "complete");
  /** Collections whose copy constructor shares the elements it copies. */
  private static final Set<String> COPYING = Set.of(
      "ArrayList", "LinkedList", "HashSet", "LinkedHashSet", "TreeSet", "HashMap", "LinkedHashMap", "TreeMap",
      "ArrayDeque", "CopyOnWriteArrayList", "Vector", "PriorityQueue", "ConcurrentHashMap", "AtomicReference");
  /** Static factories whose result holds their arguments (or their arguments' elements). */
  private static final Set<String> HOLDING_FACTORIES = Set.of(
      "List.of", "Set.of", "Map.of", "Map.entry", "Stream.of", "Optional.of", "Optional.ofNullable", "Arrays.stream",
      "List.copyOf", "Set.copyOf", "Map.copyOf", "Collections.singletonList", "Collections.singleton",
      "Collections.singletonMap", "ImmutableList.of", "ImmutableList.copyOf", "ImmutableSet.copyOf",
      "Lists.newArrayList", "Sets.newHashSet", "Stream.concat", "Map.ofEntries", "CompletableFuture.supplyAsync",
      "CompletableFuture.completedFuture", "Mono.just", "Flux.just", "Flux.fromIterable", "Stream.generate",
      "StreamSupport.stream", "Optional.or");
  /** Static calls that return their first argument itself, or a view writing through to it. */
  private static final Set<String> SAME_OBJECT = Set.of(
      "Objects.requireNonNull", "Objects.requireNonNullElse", "Objects.requireNonNullElseGet",
      "Preconditions.checkNotNull", "Validate.notNull", "Arrays.asList", "Collections.unmodifiableList",
      "Collections.unmodifiableSet", "Collections.unmodifiableMap", "Collections.unmodifiableCollection",
      "Collections.synchronizedList", "Collections.synchronizedSet", "Collections.synchronizedMap",
      "Collections.synchronizedCollection", "Collections.checkedList", "Collections.checkedMap",
      "Collections.unmodifiableSortedMap", "Collections.unmodifiableNavigableMap", "Collections.enumeration",
      "PropertyAccessorFactory.forBeanPropertyAccess", "PropertyAccessorFactory.forDirectFieldAccess");
  /** Reads of what a value holds: an element, Optional's value, a future's result. */
  private static final Set<String> ELEMENT_READS = Set.of(
      "orElseThrow", "get", "orElse", "orElseGet", "join", "getFirst", "getLast", "peekFirst", "peekLast", "element",
      "first", "last", "next", "previous", "firstElement", "lastElement", "elementAt", "findFirst", "findAny", "min",
      "max", "getValue", "getKey", "floorEntry", "ceilingEntry", "firstEntry", "lastEntry", "getOrDefault", "poll",
      "pollFirst", "pollLast", "peek", "pop", "remove", "removeFirst", "removeLast", "getNow", "block", "blockFirst",
      "blockLast", "call", "getResult", "reduce");
  /** Views and streams that show the very objects of the collection or map they come from. */
  private static final Set<String> VIEWS = Set.of(
      "iterator", "listIterator", "entrySet", "keySet", "values", "subList", "headMap", "tailMap", "subMap",
      "headSet", "tailSet", "subSet", "descendingMap", "descendingSet", "navigableKeySet", "stream", "parallelStream",
      "filter", "sorted", "distinct", "limit", "skip", "sequential", "parallel", "unordered", "takeWhile", "dropWhile",
      "spliterator", "descendingIterator", "reversed", "or", "onClose", "boxed", "asIterator");
  /** Results that are new containers of the same objects. */
  private static final Set<String> COLLECTING = Set.of("collect", "toList", "toArray", "toSet", "clone", "copyOf");
  /** Calls whose result is some of what a function they get returns. */
  private static final Set<String> MAPPING = Set.of(
      "map", "flatMap", "mapMulti", "thenApply", "thenCompose", "thenApplyAsync", "thenComposeAsync", "handle",
      "mapToObj", "flatMapIterable", "concatMap", "switchMap", "transform");
  /** Calls that hand each element, or the value held, to a function they get. */
  static final Set<String> ELEMENT_CONSUMERS = Set.of(
      "forEach", "forEachOrdered", "ifPresent", "ifPresentOrElse", "peek", "map", "flatMap", "filter", "anyMatch",
      "allMatch", "noneMatch", "replaceAll", "computeIfPresent", "forEachRemaining", "thenAccept", "thenApply",
      "whenComplete", "doOnNext", "subscribe", "mapMulti", "removeIf", "compute", "merge", "thenAcceptAsync",
      "thenApplyAsync", "handle", "sorted", "min", "max", "reduce", "collect", "takeWhile", "dropWhile");
  /** No-argument calls whose result is a new value, or one nothing can change, not a part of the receiver. */
  private static final Set<String> FRESH = Set.of(
      "toString", "hashCode", "size", "length", "isEmpty", "isPresent", "hasNext", "hasPrevious", "getBytes",
      "toCharArray", "getClass", "count", "sum", "average", "intValue", "longValue", "doubleValue", "floatValue",
      "shortValue", "byteValue", "booleanValue", "name", "ordinal", "trim", "strip", "toLowerCase", "toUpperCase",
      "intern", "isBlank", "isNull", "nextInt", "nextLong", "asText", "textValue", "toSeconds", "toMillis", "build",
      "iterator", "stream", "parallelStream", "copy", "newBuilder", "toBuilder");

  private ResultMutations() {}

  /**
   * What a method body changes among the values it got, and where it hands them on.
   *
   * @param results results of calls this method changes
   * @param parameters parameters this method changes
   * @param handOffs call results and parameters passed on as arguments to other calls, which may
   *     change them, or returned ({@link MethodFact#RETURNED}): the index follows these into project methods
   */
  record Changes(List<MethodFact.ResultMutation> results, List<MethodFact.ParameterMutation> parameters,
      List<MethodFact.HandOff> handOffs, ValueRoots roots) {
    static final Changes NONE = new Changes(List.of(), List.of(), List.of(), ValueRoots.NONE);
  }

  /**
   * Library calls that run the callbacks they are given on rows they load: JdbcTemplate's and
   * NamedParameterJdbcTemplate's {@code query}, {@code queryForObject}, {@code queryForStream}, {@code
   * execute}, JdbcClient's {@code query}. Whether a call of that name is one is the planner's question.
   */
  private static final Set<String> ROW_CALLBACK_CALLS = Set.of("query", "queryForObject", "queryForStream", "execute");

  /** The position that stands for the receiver of a call ({@code value.method()}) in hand-offs and changes. */
  static final int RECEIVER = MethodFact.RECEIVER;
  /** A field of this object, or what its accessor returns: part of the receiver. */
  private static final Origin RECEIVER_PART = Origin.ofParameter(RECEIVER).asPart();
  /** First names of qualified type names ({@code java.util.Collections.sort(l)}), which are no fields. */
  private static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jakarta", "org", "com", "io", "net", "dev");

  /**
   * Where a value came from: the result of a call (by name, argument count and position, -1
   * arguments for a method reference), or the method's parameter at an index. {@code depth}: the
   * value is a container holding it (or holding such containers) ({@code List.of(r)}, {@code new ArrayList<>(r)}, {@code
   * holder[0] = r}): changing the container leaves the result alone, its elements are the result.
   * {@code part}: reached through an accessor or a field of it ({@code r.getName()}), which may be
   * an immutable value the object merely hands out.
   */
  private record Origin(String call, int arguments, int line, int column, int parameter, int depth, boolean part) {
    static Origin ofCall(MethodCallExpr call) {
      var begin = call.getBegin();
      return new Origin(call.getNameAsString(), call.getArguments().size(), begin.map(p -> p.line).orElse(0),
          begin.map(p -> p.column).orElse(0), -1, 0, false);
    }

    /**
     * What a query call hands the callbacks it is given (a {@code RowMapper}'s result set): the call's
     * name with {@link MethodFact#ROWS_HANDED_TO_CALLBACKS}, made for the call only where the call is I/O.
     */
    static Origin ofRowsOf(MethodCallExpr call) {
      Origin result = ofCall(call);
      return new Origin(result.call() + MethodFact.ROWS_HANDED_TO_CALLBACKS, result.arguments(), result.line(),
          result.column(), -1, 0, false);
    }

    static Origin ofReference(MethodReferenceExpr reference) {
      var begin = reference.getBegin();
      return new Origin(reference.getIdentifier(), -1, begin.map(p -> p.line).orElse(0),
          begin.map(p -> p.column).orElse(0), -1, 0, false);
    }

    static Origin ofParameter(int index) {
      return new Origin(null, 0, 0, 0, index, 0, false);
    }

    /** A container holding the value, at any depth ({@code List<Owner>} of owners built from it). */
    boolean held() {
      return depth > 0;
    }

    Origin element() {
      return depth > 0 ? new Origin(call, arguments, line, column, parameter, depth - 1, part) : this;
    }

    Origin holder() {
      return new Origin(call, arguments, line, column, parameter, depth + 1, part);
    }

    Origin asPart() {
      return new Origin(call, arguments, line, column, parameter, depth, true);
    }
  }

  static Changes of(Node body, List<String> parameters) {
    return of(body, BodyNodes.of(body), parameters);
  }

  /** @param nodes the body's nodes, when the caller has walked it already */
  static Changes of(Node body, BodyNodes nodes, List<String> parameters) {
    return new Flow(body, nodes, parameters).changes();
  }

  /** The analysis of one method body. */
  private static final class Flow {
    private final Node body;
    private final List<String> parameters;
    private final Set<String> locals = new HashSet<>();
    private final Map<NameExpr, Set<Origin>> origins = new IdentityHashMap<>();
    private final Set<Node> inProgress = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    private final Set<MethodFact.ResultMutation> results = new LinkedHashSet<>();
    private final Set<MethodFact.ParameterMutation> changedParameters = new LinkedHashSet<>();
    private final Set<MethodFact.HandOff> handOffs = new LinkedHashSet<>();

    Flow(Node body, BodyNodes nodes, List<String> parameters) {
      this.body = body;
      this.parameters = parameters;
      locals.addAll(parameters);
      nodes.variables.forEach(variable -> locals.add(variable.getNameAsString()));
      nodes.parameters.forEach(parameter -> locals.add(parameter.getNameAsString()));
      nodes.typePatterns.forEach(pattern -> locals.add(pattern.getNameAsString()));
      this.declarators = nodes.variables;
      this.patterns = nodes.typePatterns;
      this.assignments = nodes.assignments;
      this.steps = nodes.unaries;
      this.creations = nodes.creations;
      this.calls = nodes.calls;
      this.returns = nodes.returns;
    }

    // every kind of node the analysis asks about, each in the order findAll would give
    private final List<VariableDeclarator> declarators;
    private final List<TypePatternExpr> patterns;
    private final List<AssignExpr> assignments;
    private final List<UnaryExpr> steps;
    private final List<ObjectCreationExpr> creations;
    private final List<MethodCallExpr> calls;
    private final List<ReturnStmt> returns;
    /**
     * By local name, the assignments and calls of the body that may give that local something (see
     * {@link #events}), in walk order: a statement is searched only for these, by their parents, not
     * walked once per local traced through it (that walk was a quarter of this analysis).
     */
    private Map<String, List<AssignExpr>> assignmentsTo;
    private Map<String, List<MethodCallExpr>> callsFilling;

    Changes changes() {
      for (AssignExpr assign : assignments) {
        assignment(assign.getTarget(), assign.getValue());
      }
      // pet.visits++ on an element, hits++ on a field of this object: as good as an assignment
      for (UnaryExpr step : steps) {
        if (step.getOperator().name().contains("CREMENT")
            && (step.getExpression() instanceof FieldAccessExpr || step.getExpression() instanceof ArrayAccessExpr
                || step.getExpression() instanceof NameExpr name && !locals.contains(name.getNameAsString()))) {
          assignment(step.getExpression(), null);
        }
      }
      for (ObjectCreationExpr creation : creations) {
        String created = creation.getType().getNameAsString();
        if (WRITING_WRAPPERS.contains(created) && creation.getArguments().isNonEmpty()) {
          changed(source(creation.getArgument(0)), "new " + created); // new DataBinder(pet).bind(values)
        }
      }
      for (MethodCallExpr call : calls) {
        call(call);
      }
      // new AccountSession(account, list): whether the object keeps them depends on its constructor
      for (ObjectCreationExpr creation : creations) {
        if (creation.getAnonymousClassBody().isPresent() || COPYING.contains(creation.getType().getNameAsString())) {
          continue;
        }
        String created = "new " + creation.getType().getNameAsString();
        for (int position = 0; position < creation.getArguments().size(); position++) {
          for (Origin passed : source(creation.getArgument(position))) {
            handOffs.add(handOff(passed, created, creation.getArguments().size(), position));
          }
        }
      }
      // return pets: the caller gets the very object, and what it does with it counts as well
      for (ReturnStmt returned : returns) {
        if (returned.getExpression().isPresent() && ownBody(returned)) {
          Expression value = unwrap(returned.getExpression().get());
          if (value instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isEmpty()
              && !COPYING.contains(creation.getType().getNameAsString())) {
            // return new Shell(ip, server.getAccount()): the caller gets an object holding what each argument
            // passes, and the constructor's parameter at that position says whether that is an immutable value
            for (int position = 0; position < creation.getArguments().size(); position++) {
              for (Origin passed : source(creation.getArgument(position))) {
                handOffs.add(handOff(passed.holder(), MethodFact.RETURNED, creation.getArguments().size(), position));
              }
            }
            continue;
          }
          for (Origin origin : source(returned.getExpression().get())) {
            handOffs.add(handOff(origin, MethodFact.RETURNED, 0, 0));
          }
        }
      }
      return new Changes(List.copyOf(results), List.copyOf(changedParameters), List.copyOf(handOffs),
          new ValueRoots(this::originTokens, this::callAt, locals::contains, declarators, assignments, calls));
    }

    /**
     * The origins of a value as {@link ValueRoots} tokens: {@code this} (this object or a part of it),
     * {@code p<i>} (parameter i or a part of it), {@code c<line>:<column>:<name>} (what the call there returned,
     * or a part of it), {@code ?} (a method reference's result); empty when the flow tracks none.
     */
    /** The call at a position, or null when there is none (a method reference's). */
    private MethodCallExpr callAt(int line, int column, String name) {
      if (callsByPosition == null) { // gathered once: a scan per question made long methods quadratic
        callsByPosition = new HashMap<>();
        for (MethodCallExpr call : calls) {
          // a chain's calls all begin where it does: dao.get(n).setName(x); the first of a name and place counts
          call.getBegin().ifPresent(begin -> callsByPosition.putIfAbsent(
              begin.line + ":" + begin.column + ":" + call.getNameAsString(), call));
        }
      }
      return callsByPosition.get(line + ":" + column + ":" + name);
    }

    private Map<String, MethodCallExpr> callsByPosition;

    private Set<String> originTokens(Expression expression) {
      Set<String> tokens = new java.util.TreeSet<>();
      for (Origin origin : source(expression)) {
        tokens.add(origin.call() == null ? (origin.parameter() == RECEIVER ? "this" : "p" + origin.parameter())
            : origin.arguments() < 0 ? "?" : "c" + origin.line() + ":" + origin.column() + ":" + origin.call());
      }
      return tokens;
    }

    /** Whether a node belongs to this method's own body, not to a lambda or class declared in it. */
    private boolean ownBody(Node node) {
      for (Node at = node.getParentNode().orElse(null); at != null && at != body; at = at.getParentNode().orElse(null)) {
        if (at instanceof LambdaExpr || at instanceof ObjectCreationExpr || at instanceof MethodDeclaration) {
          return false;
        }
      }
      return true;
    }

    private void changed(Set<Origin> changedOrigins, String how) {
      changed(changedOrigins, how, false);
    }

    /** @param itself the change is made on the value as named, not on something read from it */
    private void changed(Set<Origin> changedOrigins, String how, boolean itself) {
      for (Origin origin : changedOrigins) {
        if (origin.held()) {
          continue; // the container changes, not the result it holds
        }
        if (origin.call() != null) {
          results.add(new MethodFact.ResultMutation(origin.call(), origin.arguments(), how, origin.line(),
              origin.column()));
        } else {
          changedParameters.add(new MethodFact.ParameterMutation(origin.parameter(), how, itself && origin.depth() == 0
              && !origin.part()));
        }
      }
    }

    /** {@code target = value} (value null for {@code ++}/{@code --}). */
    private void assignment(Expression target, Expression value) {
      String field = target instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr
          ? access.getNameAsString()
          : target instanceof NameExpr name && !locals.contains(name.getNameAsString()) ? name.getNameAsString() : null;
      if (field == null && target instanceof FieldAccessExpr access && fieldChain(access.getScope())) {
        field = access.toString().replaceFirst("^this\\.", ""); // registry.pets = loaded: another object's field
      }
      if (field != null) {
        if (!field.contains(".")) {
          changedParameters.add(new MethodFact.ParameterMutation(RECEIVER, "assigns field " + field));
        }
        if (value != null) {
          // a call's result stored as it is, or a parameter kept (setItems(items)): from a field anyone may change it;
          // a part handed out by an accessor (this.name = pet.getName()) is most often an immutable value
          boolean direct = unwrap(value) instanceof MethodCallExpr;
          for (Origin stored : source(value)) {
            if (!stored.part() && (stored.call() == null || direct || field.contains("."))) {
              changed(Set.of(stored.element()), "stored in field " + field);
            }
          }
        }
        return;
      }
      if (target instanceof FieldAccessExpr access && !(access.getScope() instanceof ThisExpr)) {
        changed(elements(source(access.getScope())), "sets " + target);
      } else if (target instanceof ArrayAccessExpr slot) {
        changed(source(slot.getName()), "sets " + target);
      }
    }

    /** {@code registry} or {@code this.registry.inner}: a field of this object, not a local. */
    private boolean fieldChain(Expression scope) {
      Expression at = scope;
      while (at instanceof FieldAccessExpr access) {
        at = access.getScope();
      }
      return at instanceof ThisExpr || at instanceof NameExpr name && !locals.contains(name.getNameAsString())
          && !Character.isUpperCase(name.getNameAsString().charAt(0));
    }

    private void call(MethodCallExpr call) {
      String name = call.getNameAsString();
      Expression scope = call.getScope().orElse(null);
      Expression target = null;
      // the static helpers first: Collections.sort(list) changes list, not Collections
      String helperType = staticType(scope);
      Integer mutated = helperType != null ? STATIC_MUTATORS.get(helperType + "." + name) : null;
      if (mutated != null && call.getArguments().size() > mutated) {
        target = call.getArgument(mutated);
        name = helperType + "." + name;
      } else if (scope != null && (MUTATORS.contains(name) || isSetter(name)) && !stringReplace(call)
          && !onImmutableValue(scope)) {
        target = scope;
        Optional<String> untyped = untypedGetter(call);
        if (untyped.isPresent()) {
          name = MethodFact.UNTYPED_REPLACE_ON + untyped.get() + "()";
        }
      }
      Integer written = scope == null ? null : ARGUMENT_WRITERS.get(name);
      if (written != null && call.getArguments().size() > written
          && call.getArguments().size() >= ARGUMENT_WRITER_MIN_ARGUMENTS.getOrDefault(name, 1)) {
        changed(source(call.getArgument(written)), scope instanceof NameExpr on ? on + "." + name : name);
      } else if (target == null && scope != null && name.equals("map") && call.getArguments().size() == 2) {
        changed(source(call.getArgument(1)), "map"); // mapper.map(source, destination) fills the destination
      }
      Optional<MethodReferenceExpr> stored = scope instanceof NameExpr function ? localReference(function)
          : Optional.empty();
      if (target == null && stored.isPresent() && !call.getArguments().isEmpty()) {
        // BiConsumer<Pet, String> s = Pet::setName; s.accept(pet, n): the first argument is the receiver
        MethodReferenceExpr reference = stored.get();
        String id = reference.getIdentifier();
        if (reference.getScope() instanceof TypeExpr type && (isSetter(id) || MUTATORS.contains(id))) {
          changed(source(call.getArgument(0)), type.getType().asString() + "::" + id);
        }
      }
      if (target != null) {
        // tags.clear() changes tags itself; tags.get(0).clear() changes what tags holds, which a caller passing a
        // set that holds its result (not the result) must tell apart
        boolean itself = target instanceof NameExpr named && !isElementVariable(named);
        changed(source(target), target instanceof NameExpr element && isElementVariable(element)
            ? element.getNameAsString() + "." + name : name, itself);
      } else if (scope != null) {
        // account.deposit(5): whether that changes the account depends on the project method
        for (Origin receiver : source(scope)) {
          if (!receiver.equals(RECEIVER_PART)) { // jdbc.query(...) on a field: too common to follow, and rarely a change
            MethodFact.HandOff made = handOff(receiver, name, call.getArguments().size(), RECEIVER);
            handOffs.add(new MethodFact.HandOff(made.fromCall(), made.fromArguments(), made.fromParameter(), made.to(),
                made.toArguments(), made.position(), made.fromLine(), made.fromColumn(), made.part(), made.held(),
                onlyThenCalled(call)));
          }
        }
      }
      Set<Origin> receiver = scope == null ? Set.of() : elements(source(scope));
      for (Expression argument : call.getArguments()) {
        if (argument instanceof MethodReferenceExpr reference) {
          methodReference(call, reference, receiver);
        } else if (!receiver.isEmpty() && ELEMENT_CONSUMERS.contains(call.getNameAsString()) && takesFunction(call)
            && (argument instanceof NameExpr function && !localLambda(function) || argument instanceof FieldAccessExpr)) {
          // pets.forEach(renamer): a function optkit cannot see runs on every element
          changed(receiver, "hands its elements to " + argument);
        }
      }
      // helper.normalise(tags): whether that changes tags depends on the helper, which the index knows
      for (int position = 0; position < call.getArguments().size(); position++) {
        for (Origin passed : source(call.getArgument(position))) {
          handOffs.add(handOff(passed, call.getNameAsString(), call.getArguments().size(), position));
        }
        if (call.getArgument(position) instanceof LambdaExpr lambda) {
          lambdaValues(lambda, call);
        }
      }
    }

    /**
     * {@code path.replace(".", "/")}, {@code s.replaceAll("\\s+", " ")}: String's, which return a new
     * string. Collections' {@code replaceAll} takes one function; a two-argument {@code replace} is a
     * String's only when the solver types its receiver so.
     */
    /** Consumers whose function may come beside other arguments: a key, an identity, an executor. */
    private static final Set<String> FUNCTION_AMONG_ARGUMENTS = Set.of("subscribe", "compute", "computeIfPresent",
        "merge", "reduce", "collect", "ifPresentOrElse", "handle", "whenComplete", "thenAcceptAsync",
        "thenApplyAsync", "sorted", "min", "max");

    /**
     * Whether a call named like an element consumer takes a function: stream, Optional and future
     * consumers of one argument take nothing else; {@code modelMapper.map(category, Dto.class)} is
     * another library's method of that name, handed a value.
     */
    private static boolean takesFunction(MethodCallExpr call) {
      return call.getArguments().size() == 1 || FUNCTION_AMONG_ARGUMENTS.contains(call.getNameAsString());
    }

    /** JDK value types whose set-named methods answer a new value: BigDecimal.setScale, BigInteger.setBit. */
    private static final Set<String> IMMUTABLE_VALUES = Set.of("java.math.BigDecimal", "java.math.BigInteger",
        "java.lang.String");

    /** {@code BigDecimal.valueOf(m).setScale(1, UP)}: a call on a value of an immutable JDK type changes nothing. */
    private static boolean onImmutableValue(Expression scope) {
      return resolvedType(scope).filter(IMMUTABLE_VALUES::contains).isPresent();
    }

    private static boolean stringReplace(MethodCallExpr call) {
      if (call.getArguments().size() != 2) {
        return false;
      }
      if (call.getNameAsString().equals("replaceAll")) {
        return true;
      }
      // map.replace("mode", "maintenance") reads the same: only the receiver's type tells them apart
      if (!call.getNameAsString().equals("replace") || call.getScope().isEmpty()) {
        return false;
      }
      return resolvedType(call.getScope().get()).filter("java.lang.String"::equals).isPresent();
    }

    /**
     * {@code config.getPack().replace(".", "/")} where the solver cannot type the getter (Lombok's): the
     * getter's name, for the planner to look up the field's type in the index (a String's replace
     * changes nothing; a Map's, {@code settings.getProps().replace("mode", m)}, changes the map).
     * Only a getter read off the value itself: the planner looks the field up on the value's type, and
     * {@code config.getOwner().getPack()} reads another type's field.
     */
    private Optional<String> untypedGetter(MethodCallExpr call) {
      if (!call.getNameAsString().equals("replace") || call.getArguments().size() != 2
          || !(call.getScope().orElse(null) instanceof MethodCallExpr getter) || !getter.getArguments().isEmpty()
          || !getter.getNameAsString().matches("get[A-Z].*") || resolvedType(getter).isPresent()
          || getter.getScope().isEmpty() || source(getter.getScope().get()).stream().anyMatch(Origin::part)) {
        return Optional.empty();
      }
      return Optional.of(getter.getNameAsString());
    }

    /** {@code pets.forEach(Pet::clearVisits)}, {@code apply(pets, List::clear)}, {@code pets.forEach(vets::inspect)}. */
    private void methodReference(MethodCallExpr call, MethodReferenceExpr reference, Set<Origin> receiver) {
      String id = reference.getIdentifier();
      // JavaParser reads the scope of result::add as a type: a local's or field's name is no type
      boolean onElement = reference.getScope() instanceof TypeExpr type && !locals.contains(type.getType().asString())
          && Character.isUpperCase(simpleTypeName(type.getType().asString()).charAt(0));
      if (onElement && (isSetter(id) || MUTATORS.contains(id))) {
        changed(receiver, "::" + id);
        // apply(pets, List::clear): a project helper applies it to the other arguments
        for (Expression other : call.getArguments()) {
          if (other != reference) {
            changed(elements(source(other)), "::" + id);
          }
        }
      } else if (id.equals("new") && reference.getScope() instanceof TypeExpr type) {
        // pets.stream().map(PetDto::new): whether a DTO keeps its pet depends on its constructor
        String created = "new " + type.getType().asString().replaceAll("<.*", "");
        receiver.forEach(element -> handOffs.add(handOff(element, created, 1, 0)));
      } else {
        for (Origin element : receiver) {
          if (onElement) {
            handOffs.add(handOff(element, id, -1, RECEIVER));
          }
          handOffs.add(handOff(element, id, -1, 0)); // the element is the referenced method's argument
        }
      }
    }

    /**
     * {@code findEntityById(() -> repository.findById(id))}: a call's result a lambda returns goes to
     * whatever the receiving call makes of the lambda's value, which the flow does not follow.
     */
    private void lambdaValues(LambdaExpr lambda, MethodCallExpr receiving) {
      List<Expression> returned = new ArrayList<>();
      if (lambda.getBody() instanceof com.github.javaparser.ast.stmt.ExpressionStmt expression) {
        returned.add(expression.getExpression());
      } else {
        for (ReturnStmt stop : lambda.getBody().findAll(ReturnStmt.class)) {
          if (stop.findAncestor(LambdaExpr.class).orElse(null) == lambda) {
            stop.getExpression().ifPresent(returned::add);
          }
        }
      }
      for (Expression value : returned) {
        Expression bare = value;
        while (bare instanceof EnclosedExpr enclosed) {
          bare = enclosed.getInner();
        }
        if (bare instanceof MethodCallExpr made) {
          var begin = made.getBegin();
          handOffs.add(new MethodFact.HandOff(made.getNameAsString(), made.getArguments().size(), -1,
              receiving.getNameAsString(), receiving.getArguments().size(), MethodFact.LAMBDA_VALUE,
              begin.map(p -> p.line).orElse(0), begin.map(p -> p.column).orElse(0), false, false));
        }
      }
    }

    /** {@code request.getRequester().getId()}: the one argumentless call made on the call's answer, else null. */
    private static String onlyThenCalled(MethodCallExpr call) {
      if (!call.getArguments().isEmpty()) {
        return null;
      }
      return call.getParentNode().filter(MethodCallExpr.class::isInstance).map(MethodCallExpr.class::cast)
          .filter(next -> next.getScope().orElse(null) == call && next.getArguments().isEmpty())
          .map(MethodCallExpr::getNameAsString).orElse(null);
    }

    private MethodFact.HandOff handOff(Origin from, String to, int toArguments, int position) {
      return new MethodFact.HandOff(from.call(), from.call() == null ? 0 : from.arguments(), from.parameter(), to,
          toArguments, position, from.line(), from.column(), from.part(), from.held());
    }

    private static Set<Origin> elements(Set<Origin> values) {
      Set<Origin> result = new LinkedHashSet<>();
      values.forEach(v -> result.add(v.element()));
      return result;
    }

    private static Set<Origin> holders(Set<Origin> values) {
      Set<Origin> result = new LinkedHashSet<>();
      values.forEach(v -> result.add(v.holder()));
      return result;
    }

    private static Set<Origin> parts(Set<Origin> values) {
      Set<Origin> result = new LinkedHashSet<>();
      values.forEach(v -> result.add(v.element().asPart()));
      return result;
    }

    /** The origins an expression's value may have; empty when it is none of the results and parameters. */
    Set<Origin> source(Expression expression) {
      Expression value = unwrap(expression);
      if (value instanceof NameExpr name) {
        return originsOf(name);
      }
      if (value instanceof ConditionalExpr choice) {
        Set<Origin> either = new LinkedHashSet<>(source(choice.getThenExpr()));
        either.addAll(source(choice.getElseExpr()));
        return either;
      }
      if (value instanceof SwitchExpr choice) {
        Set<Origin> any = new LinkedHashSet<>();
        for (SwitchEntry entry : choice.getEntries()) {
          if (entry.getType() == SwitchEntry.Type.EXPRESSION && !entry.getStatements().isEmpty()
              && entry.getStatement(0) instanceof ExpressionStmt arm) {
            any.addAll(source(arm.getExpression()));
          }
          entry.findAll(YieldStmt.class).forEach(y -> any.addAll(source(y.getExpression())));
        }
        return any;
      }
      if (value instanceof ArrayAccessExpr slot) {
        return elements(source(slot.getName()));
      }
      if (value instanceof ThisExpr this_ && this_.getTypeName().isEmpty()) {
        return Set.of(Origin.ofParameter(RECEIVER)); // helper.register(this)
      }
      if (value instanceof FieldAccessExpr access && (access.getScope() instanceof ThisExpr
          || access.getScope() instanceof SuperExpr)) {
        return Set.of(RECEIVER_PART); // this.tags
      }
      if (value instanceof FieldAccessExpr access && access.getScope() instanceof NameExpr type
          && Character.isUpperCase(type.getNameAsString().charAt(0)) && !locals.contains(type.getNameAsString())
          && !ownField(type.getNameAsString()) && !type.getNameAsString().equals("System")) {
        // Registry.ALL: a class's static, shared by every call as this object's fields are; System.out is output
        return Set.of(RECEIVER_PART);
      }
      if (value instanceof FieldAccessExpr access) {
        return parts(source(access.getScope())); // pet.owner: part of the object graph the result reaches
      }
      if (value instanceof ArrayInitializerExpr || value instanceof ArrayCreationExpr) {
        Set<Origin> held = new LinkedHashSet<>();
        for (ArrayInitializerExpr values : value.findAll(ArrayInitializerExpr.class)) {
          values.getValues().forEach(v -> held.addAll(source(v)));
        }
        return holders(held);
      }
      if (value instanceof ObjectCreationExpr creation) {
        if (creation.getAnonymousClassBody().isPresent()) {
          return Set.of();
        }
        // new ArrayList<>(pets), new Box(pet): the new object holds them (sorting the copy is harmless, its pets
        // are the cached ones)
        Set<Origin> held = new LinkedHashSet<>();
        creation.getArguments().forEach(a -> held.addAll(source(a)));
        return holders(held);
      }
      if (value instanceof LambdaExpr lambda) {
        return holders(returnedBy(lambda)); // () -> dao.load(): a supplier holding what it returns
      }
      if (value instanceof MethodCallExpr call) {
        return callSource(call);
      }
      return Set.of();
    }

    private Set<Origin> callSource(MethodCallExpr call) {
      String name = call.getNameAsString();
      Expression scope = call.getScope().orElse(null);
      if ((scope == null || scope instanceof ThisExpr) && call.getArguments().isEmpty() && isGetter(name)) {
        return Set.of(RECEIVER_PART); // getTags().add(t): an accessor of this object hands out a part of it
      }
      if (staticType(scope) != null) {
        String qualified = staticType(scope) + "." + name;
        if (HOLDING_FACTORIES.contains(qualified)) {
          // supplyAsync(() -> dao.load()): the future holds what the supplier returns
          Set<Origin> held = new LinkedHashSet<>();
          call.getArguments().forEach(a -> held.addAll(a instanceof LambdaExpr lambda ? returnedBy(lambda) : source(a)));
          return holders(held);
        }
        if (SAME_OBJECT.contains(qualified)) {
          Set<Origin> same = new LinkedHashSet<>();
          call.getArguments().forEach(a -> same.addAll(source(a)));
          return same;
        }
      }
      Set<Origin> mapped = new LinkedHashSet<>();
      if (MAPPING.contains(name)) {
        for (Expression argument : call.getArguments()) {
          if (argument instanceof MethodReferenceExpr reference && !reference.getIdentifier().equals("new")
              && !(reference.getScope() instanceof TypeExpr type
              && Character.isUpperCase(simpleTypeName(type.getType().asString()).charAt(0))
              && !locals.contains(type.getType().asString()))) {
            mapped.add(Origin.ofReference(reference)); // ids.stream().map(dao::find): what find returns
          } else if (argument instanceof LambdaExpr lambda) {
            mapped.addAll(elements(returnedBy(lambda)));
          }
        }
      }
      Set<Origin> inner = scope == null ? Set.of() : source(scope);
      if (inner.equals(Set.of(RECEIVER_PART))) {
        inner = Set.of(); // repo.all() on a field: the call's result, not a part of this object
      }
      if (!inner.isEmpty()) {
        // people.findById(id).orElseThrow().setName(n) changes what findById returned; list.iterator().remove()
        // and map.entrySet().removeIf(...) change the list and the map through their views; pet.getOwner() is
        // part of the graph the result reaches
        if (VIEWS.contains(name)) {
          return inner;
        }
        if (ELEMENT_READS.contains(name)) {
          return elements(inner);
        }
        if (COLLECTING.contains(name)) {
          return holders(inner);
        }
        if (MAPPING.contains(name)) {
          for (Expression argument : call.getArguments()) {
            if (argument instanceof MethodReferenceExpr reference && reference.getScope() instanceof TypeExpr
                && !FRESH.contains(reference.getIdentifier()) && !reference.getIdentifier().equals("new")) {
              mapped.addAll(parts(inner)); // stream().map(Pet::getOwner): parts of the elements
            }
          }
          return mapped.isEmpty() ? Set.of(Origin.ofCall(call)) : mapped;
        }
        if (call.getArguments().isEmpty() && !FRESH.contains(name) && !MUTATORS.contains(name)) {
          return parts(inner); // pet.getOwner(), box.pets(): an accessor hands out a part of the object
        }
      }
      if (!mapped.isEmpty()) {
        return mapped;
      }
      return Set.of(Origin.ofCall(call));
    }

    /** What a lambda returns: its expression, or the expressions of its own return statements. */
    private Set<Origin> returnedBy(LambdaExpr lambda) {
      Set<Origin> returned = new LinkedHashSet<>();
      lambda.getExpressionBody().ifPresent(e -> returned.addAll(source(e)));
      if (lambda.getBody() instanceof BlockStmt block) {
        for (ReturnStmt stmt : block.findAll(ReturnStmt.class)) {
          if (stmt.getExpression().isPresent() && enclosingLambda(stmt) == lambda) {
            returned.addAll(source(stmt.getExpression().get()));
          }
        }
      }
      return returned;
    }

    private static LambdaExpr enclosingLambda(Node node) {
      for (Node at = node.getParentNode().orElse(null); at != null; at = at.getParentNode().orElse(null)) {
        if (at instanceof LambdaExpr lambda) {
          return lambda;
        }
      }
      return null;
    }

    /** A use of a local: what its declaration binds (a lambda's or for-each's element), or what reaches it. */
    private Set<Origin> originsOf(NameExpr use) {
      Set<Origin> known = origins.get(use);
      if (known != null) {
        return known;
      }
      if (!inProgress.add(use)) {
        return Set.of(); // a value defined through itself (l = l.subList(...) in a loop): its other origins count
      }
      Set<Origin> found;
      try {
        found = bound(use);
        if (found == null) {
          found = new LinkedHashSet<>(reaching(use));
          String name = use.getNameAsString();
          // o instanceof Pet p: p is o
          for (TypePatternExpr pattern : patterns) {
            if (pattern.getNameAsString().equals(name) && pattern.getParentNode().orElse(null) instanceof InstanceOfExpr test) {
              found.addAll(source(test.getExpression()));
            }
          }
        }
      } finally {
        inProgress.remove(use);
      }
      origins.put(use, found);
      return found;
    }

    /** For a lambda's, a for-each's or an anonymous class method's parameter: the elements it runs on; else null. */
    private Set<Origin> bound(NameExpr use) {
      String name = use.getNameAsString();
      for (Node at = use.getParentNode().orElse(null); at != null && at != body; at = at.getParentNode().orElse(null)) {
        if (at instanceof LambdaExpr lambda) {
          if (lambda.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(name))) {
            return lambdaElements(lambda);
          }
        } else if (at instanceof ForEachStmt loop && loop.getVariableDeclarator().getNameAsString().equals(name)
            && loop.getBody().isAncestorOf(use)) {
          return elements(source(loop.getIterable()));
        } else if (at instanceof MethodDeclaration method
            && method.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(name))) {
          // pets.forEach(new Consumer<Pet>() { public void accept(Pet pet) {...} })
          if (method.getParentNode().orElse(null) instanceof ObjectCreationExpr anonymous
              && anonymous.getParentNode().orElse(null) instanceof MethodCallExpr call
              && call.getArguments().contains(anonymous) && call.getScope().isPresent()) {
            return elements(source(call.getScope().get()));
          }
          return Set.of();
        }
      }
      return null;
    }

    /** The elements a lambda runs on: given to a call on them, or held in a local given to such calls. */
    private Set<Origin> lambdaElements(LambdaExpr lambda) {
      Node parent = lambda.getParentNode().orElse(null);
      if (parent instanceof MethodCallExpr call && call.getArguments().contains(lambda)) {
        if (ROW_CALLBACK_CALLS.contains(call.getNameAsString()) && call.getScope().isPresent()) {
          // jdbc.query(sql, (rs, n) -> ...): the rows the query hands its callback, if the call is a query
          return Set.of(Origin.ofRowsOf(call));
        }
        Set<Origin> receiver = call.getScope().map(s -> elements(source(s))).orElse(Set.of());
        if (!receiver.isEmpty()) {
          return receiver;
        }
        // apply(pet, p -> p.setName(n)): a helper may run the function on its other arguments or their elements
        Set<Origin> given = new LinkedHashSet<>();
        for (Expression other : call.getArguments()) {
          if (other != lambda) {
            Set<Origin> passed = source(other);
            given.addAll(passed);
            given.addAll(elements(passed));
          }
        }
        return given;
      }
      if (parent instanceof VariableDeclarator variable) {
        // Consumer<Pet> rename = p -> p.setName(n); pets.forEach(rename)
        Set<Origin> elements = new LinkedHashSet<>();
        for (MethodCallExpr call : calls) {
          if (call.getScope().isPresent() && call.getArguments().stream().anyMatch(a -> a instanceof NameExpr n
              && n.getNameAsString().equals(variable.getNameAsString()))) {
            elements.addAll(elements(source(call.getScope().get())));
          }
        }
        return elements;
      }
      return Set.of();
    }

    /** The method reference a local function was declared with ({@code BiConsumer<Pet, String> s = Pet::setName}). */
    private Optional<MethodReferenceExpr> localReference(NameExpr function) {
      if (!locals.contains(function.getNameAsString())) {
        return Optional.empty();
      }
      return declarators.stream()
          .filter(v -> v.getNameAsString().equals(function.getNameAsString()))
          .flatMap(v -> v.getInitializer().stream())
          .filter(i -> i instanceof MethodReferenceExpr).map(i -> (MethodReferenceExpr) i).findFirst();
    }

    private boolean localLambda(NameExpr function) {
      return declarators.stream().anyMatch(v -> v.getNameAsString().equals(
          function.getNameAsString()) && v.getInitializer().map(i -> i instanceof LambdaExpr).orElse(false));
    }

    private boolean isElementVariable(NameExpr use) {
      Set<Origin> bound = bound(use);
      return bound != null;
    }

    /**
     * What reaches a use of a local along the statements before it: the statement list it is in and
     * those around it, back to the method's start (a parameter) or the last plain assignment.
     */
    private Set<Origin> reaching(NameExpr use) {
      String name = use.getNameAsString();
      Set<Origin> result = new LinkedHashSet<>();
      Node node = use;
      while (node != body) {
        Node parent = node.getParentNode().orElse(null);
        if (parent == null) {
          return result;
        }
        NodeList<Statement> statements = parent instanceof BlockStmt block ? block.getStatements()
            : parent instanceof SwitchEntry entry ? entry.getStatements() : null;
        if (statements != null && node instanceof Statement current) {
          int index = indexOf(statements, current);
          for (int i = index - 1; i >= 0; i--) {
            Statement before = statements.get(i);
            Set<Origin> killed = plainAssignment(before, name);
            if (killed != null) {
              result.addAll(killed);
              return result;
            }
            result.addAll(events(before, name));
          }
        }
        // a loop runs its body again: what the body assigns reaches its start
        Statement loopBody = parent instanceof ForStmt loop ? loop.getBody() : parent instanceof WhileStmt loop
            ? loop.getBody() : parent instanceof DoStmt loop ? loop.getBody() : parent instanceof ForEachStmt loop
            ? loop.getBody() : null;
        if (loopBody != null && loopBody == node) {
          result.addAll(events(loopBody, name));
        }
        // try (Stream<Pet> s = dao.pets().stream()) {...}: the resource is declared for the block
        if (parent instanceof TryStmt attempt && attempt.getTryBlock() == node) {
          for (Expression resource : attempt.getResources()) {
            for (VariableDeclarator variable : resource.findAll(VariableDeclarator.class)) {
              if (variable.getNameAsString().equals(name)) {
                variable.getInitializer().ifPresent(i -> result.addAll(source(i)));
                return result;
              }
            }
          }
        }
        if (parent instanceof ForStmt loop && loop.getInitialization().stream().anyMatch(init ->
            init instanceof VariableDeclarationExpr declaration && declaration.getVariables().stream()
                .anyMatch(v -> v.getNameAsString().equals(name)))) {
          loop.getInitialization().forEach(init -> init.findAll(VariableDeclarator.class).stream()
              .filter(v -> v.getNameAsString().equals(name)).forEach(v -> v.getInitializer()
                  .ifPresent(i -> result.addAll(source(i)))));
          return result;
        }
        node = parent;
      }
      int parameter = parameters.indexOf(name);
      if (parameter >= 0) {
        result.add(Origin.ofParameter(parameter));
      } else if (result.isEmpty() && ownField(name)) {
        result.add(RECEIVER_PART); // tags.add(t): a field of this object is part of the object
      }
      return result;
    }

    /** A name that is neither a local nor a type or package: a field of this object (or an inherited one). */
    private boolean ownField(String name) {
      return !locals.contains(name) && !Character.isUpperCase(name.charAt(0)) && !PACKAGE_ROOTS.contains(name);
    }

    private static int indexOf(NodeList<Statement> statements, Statement statement) {
      for (int i = 0; i < statements.size(); i++) {
        if (statements.get(i) == statement) {
          return i;
        }
      }
      return -1;
    }

    /** {@code name = v;} or {@code T name = v;} as a statement of its own: what it assigns; else null. */
    private Set<Origin> plainAssignment(Statement statement, String name) {
      if (!(statement instanceof ExpressionStmt expression)) {
        return null;
      }
      if (expression.getExpression() instanceof AssignExpr assign && assign.getOperator() == AssignExpr.Operator.ASSIGN
          && assign.getTarget() instanceof NameExpr target && target.getNameAsString().equals(name)) {
        return source(assign.getValue());
      }
      if (expression.getExpression() instanceof VariableDeclarationExpr declaration) {
        for (VariableDeclarator variable : declaration.getVariables()) {
          if (variable.getNameAsString().equals(name)) {
            return variable.getInitializer().map(this::source).orElse(Set.of());
          }
        }
      }
      return null;
    }

    /**
     * What a statement may give a local on some path through it: assignments inside it, values put
     * into it ({@code box.add(r)}, {@code Collections.addAll(box, r)}, {@code box.field = r},
     * {@code box[0] = r}, {@code found.ifPresent(box::add)}), leaving out variables of the same name
     * declared inside it.
     */
    private Set<Origin> events(Statement statement, String name) {
      indexFillers();
      Set<Origin> given = new LinkedHashSet<>();
      for (AssignExpr assign : assignmentsTo.getOrDefault(name, List.of())) {
        if (!assign.isDescendantOf(statement) || shadowed(assign, statement, name)) {
          continue;
        }
        Expression target = assign.getTarget();
        if (target instanceof NameExpr) {
          given.addAll(source(assign.getValue()));
        } else {
          given.addAll(holders(source(assign.getValue()))); // box.pets = r, holder[0] = r
        }
      }
      for (MethodCallExpr call : callsFilling.getOrDefault(name, List.of())) {
        if (!call.isDescendantOf(statement) || shadowed(call, statement, name)) {
          continue;
        }
        Expression scope = call.getScope().orElse(null);
        if (INSERTING.contains(call.getNameAsString()) && rootName(scope).equals(name)) {
          // box.add(r), holder.pets.addAll(r): the local, or an object it reaches, now holds the result
          call.getArguments().forEach(a -> given.addAll(holders(source(a))));
        }
        if (collectionsAddAllInto(call, scope, name)) {
          call.getArguments().stream().skip(1).forEach(a -> given.addAll(holders(source(a))));
        }
        for (Expression argument : call.getArguments()) {
          if (scope != null && insertingReferenceOf(argument, name)) {
            given.addAll(holders(elements(source(scope)))); // found.ifPresent(box::add)
          }
        }
      }
      return given;
    }

    /** Fills {@link #assignmentsTo} and {@link #callsFilling} at the first statement searched. */
    private void indexFillers() {
      if (assignmentsTo != null) {
        return;
      }
      assignmentsTo = new java.util.HashMap<>();
      callsFilling = new java.util.HashMap<>();
      for (AssignExpr assign : assignments) {
        Expression target = assign.getTarget();
        if (target instanceof NameExpr local) {
          assignmentsTo.computeIfAbsent(local.getNameAsString(), n -> new ArrayList<>()).add(assign);
        } else if (target instanceof FieldAccessExpr || target instanceof ArrayAccessExpr) {
          String root = rootName(target);
          if (!root.isEmpty()) {
            assignmentsTo.computeIfAbsent(root, n -> new ArrayList<>()).add(assign);
          }
        }
      }
      for (MethodCallExpr call : calls) {
        Expression scope = call.getScope().orElse(null);
        Set<String> filled = new LinkedHashSet<>();
        String root = rootName(scope);
        if (INSERTING.contains(call.getNameAsString()) && !root.isEmpty()) {
          filled.add(root);
        }
        if (call.getArguments().isNonEmpty() && call.getArgument(0) instanceof NameExpr box
            && collectionsAddAllInto(call, scope, box.getNameAsString())) {
          filled.add(box.getNameAsString());
        }
        if (scope != null) {
          for (Expression argument : call.getArguments()) {
            if (argument instanceof MethodReferenceExpr reference && reference.getScope() instanceof TypeExpr type
                && insertingReferenceOf(argument, type.getType().asString())) {
              filled.add(type.getType().asString());
            }
          }
        }
        filled.forEach(name -> callsFilling.computeIfAbsent(name, n -> new ArrayList<>()).add(call));
      }
    }

    /** {@code Collections.addAll(box, r...)} with {@code box} that local. */
    private static boolean collectionsAddAllInto(MethodCallExpr call, Expression scope, String name) {
      return "Collections".equals(staticType(scope))
          && call.getNameAsString().equals("addAll") && call.getArguments().size() > 1
          && call.getArgument(0) instanceof NameExpr box && box.getNameAsString().equals(name);
    }

    /** {@code box::add} with {@code box} that local: a reference that puts what it gets into the local. */
    private static boolean insertingReferenceOf(Expression argument, String name) {
      return argument instanceof MethodReferenceExpr reference && INSERTING.contains(reference.getIdentifier())
          && reference.getScope() instanceof TypeExpr type && type.getType().asString().equals(name);
    }

    /** The local a chain of field and slot accesses starts from ({@code h} of {@code h.pets[0]}), or "". */
    private static String rootName(Expression expression) {
      Expression at = expression;
      while (at instanceof FieldAccessExpr || at instanceof ArrayAccessExpr) {
        at = at instanceof FieldAccessExpr field ? field.getScope() : ((ArrayAccessExpr) at).getName();
      }
      return at instanceof NameExpr name ? name.getNameAsString() : "";
    }

    /** Whether a node inside a statement concerns another variable of that name, declared inside the statement. */
    private static boolean shadowed(Node node, Statement statement, String name) {
      for (Node at = node.getParentNode().orElse(null); at != null && at != statement.getParentNode().orElse(null);
          at = at.getParentNode().orElse(null)) {
        if (at instanceof BlockStmt block && block.getStatements().stream().anyMatch(s -> s instanceof ExpressionStmt e
            && e.getExpression() instanceof VariableDeclarationExpr d
            && d.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(name)))) {
          return true;
        }
        if (at instanceof LambdaExpr lambda && lambda.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(name))) {
          return true;
        }
        if (at instanceof ForEachStmt loop && loop.getVariableDeclarator().getNameAsString().equals(name)) {
          return true;
        }
      }
      return false;
    }
  }

  /** The type the symbol solver gives the expression; empty when it cannot tell. */
  private static Optional<String> resolvedType(Expression expression) {
    if (expression instanceof com.github.javaparser.ast.expr.StringLiteralExpr) {
      return Optional.of("java.lang.String");
    }
    try {
      return Optional.of(expression.calculateResolvedType().describe());
    } catch (RuntimeException | StackOverflowError unresolved) {
      return Optional.empty();
    }
  }

  private static Expression unwrap(Expression expression) {
    Expression current = expression;
    while (current instanceof EnclosedExpr || current instanceof CastExpr) {
      current = current instanceof EnclosedExpr enclosed ? enclosed.getInner() : ((CastExpr) current).getExpression();
    }
    return current;
  }

  /**
   * The simple name of a type a static call is made on: {@code Collections} for {@code Collections.sort(l)}
   * and for {@code java.util.Collections.sort(l)}; null when the scope is no type name.
   */
  private static String staticType(Expression scope) {
    if (scope instanceof NameExpr name) {
      return name.getNameAsString();
    }
    // a type qualified by its package: java.util.Collections
    if (scope instanceof FieldAccessExpr access && Character.isUpperCase(access.getNameAsString().charAt(0))
        && access.getScope().toString().chars().allMatch(c -> Character.isLowerCase(c) || Character.isDigit(c)
            || c == '.' || c == '_')) {
      return access.getNameAsString();
    }
    return null;
  }

  /** {@code List} for {@code java.util.List}, generic arguments left out. */
  private static String simpleTypeName(String written) {
    String erased = written.replaceAll("<.*", "");
    return erased.substring(erased.lastIndexOf('.') + 1);
  }

  private static boolean isGetter(String name) {
    return name.length() > 3 && name.startsWith("get") && Character.isUpperCase(name.charAt(3))
        || name.length() > 2 && name.startsWith("is") && Character.isUpperCase(name.charAt(2));
  }

  private static boolean isSetter(String name) {
    return name.length() > 3 && name.startsWith("set") && Character.isUpperCase(name.charAt(3));
  }
}
