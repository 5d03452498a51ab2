package dev.optkit.analyzers.facts.values;

import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What library calls do to the values they get and return, as the result-mutation flow reads them:
 * which change their receiver or an argument, which hold or view what they get, which hand back
 * something fresh; and the shapes of expressions the flow asks about (a getter's name, a static
 * call's type). Names only: whether a call of that name is the library's is the flow's question.
 */
final class CallEffects {
  private CallEffects() {}
  /** Calls that change their receiver: collections, maps, deques, builders, arrays lists. */
  static final Set<String> MUTATORS = Set.of(
      "add", "addAll", "addFirst", "addLast", "remove", "removeAll", "removeIf", "retainAll", "clear", "put",
      "putAll", "putIfAbsent", "replace", "replaceAll", "compute", "computeIfAbsent", "computeIfPresent", "merge",
      "sort", "set", "push", "pop", "poll", "offer", "removeFirst", "removeLast", "append", "insert", "reverse",
      "setLength", "delete", "deleteCharAt", "pollFirst", "pollLast", "offerFirst", "offerLast", "addElement",
      "removeElement", "removeElementAt", "setElementAt", "insertElementAt", "removeAllElements", "setSize",
      "descendingIterator", "setValue",
      // atomics and accumulators (hostile review 64's F, G: counter::incrementAndGet, sum.accumulate(5))
      "incrementAndGet", "decrementAndGet", "getAndIncrement", "getAndDecrement", "addAndGet", "getAndAdd", "getAndSet",
      "accumulate", "accumulateAndGet", "updateAndGet", "getAndUpdate", "getAndAccumulate", "compareAndSet", "increment",
      "decrement", "lazySet");
  /** Static helpers that change one of their arguments, by its position. */
  static final Map<String, Integer> STATIC_MUTATORS = Map.ofEntries(
      Map.entry("Collections.sort", 0), Map.entry("Collections.shuffle", 0), Map.entry("Collections.reverse", 0),
      Map.entry("Collections.swap", 0), Map.entry("Collections.fill", 0), Map.entry("Collections.rotate", 0),
      Map.entry("Collections.copy", 0), Map.entry("Collections.replaceAll", 0), Map.entry("Arrays.sort", 0),
      Map.entry("Arrays.fill", 0),
      Map.entry("Arrays.setAll", 0), Map.entry("Arrays.parallelSort", 0), Map.entry("Arrays.parallelSetAll", 0),
      Map.entry("Arrays.parallelPrefix", 0), Map.entry("System.arraycopy", 2),
      // bean copiers' copyProperties: BeanCopiers, by the class imported (the argument orders differ)
      Map.entry("BeanUtils.populate", 0), Map.entry("ReflectionUtils.setField", 1),
      Map.entry("FieldUtils.writeField", 0), Map.entry("BeanUtils.setProperty", 0), Map.entry("Collections.addAll", 0),
      Map.entry("PropertyUtils.setProperty", 0), Map.entry("PropertyUtils.setSimpleProperty", 0));
  /**
   * Instance calls that write into one of their arguments, by its position: Jackson's updating
   * readers, object mappers' {@code map(source, destination)} (ModelMapper, Dozer, Orika), and
   * reflection ({@code field.set(target, v)}, {@code method.invoke(target, ...)}), which may set anything.
   */
  static final Map<String, Integer> ARGUMENT_WRITERS = Map.ofEntries(
      Map.entry("readerForUpdating", 0), Map.entry("updateValue", 0), Map.entry("withValueToUpdate", 0),
      Map.entry("set", 0), Map.entry("setInt", 0), Map.entry("setLong", 0), Map.entry("setBoolean", 0),
      Map.entry("setDouble", 0), Map.entry("setFloat", 0), Map.entry("setShort", 0), Map.entry("setByte", 0),
      Map.entry("setChar", 0), Map.entry("invoke", 0), Map.entry("invokeExact", 0), Map.entry("read", 0),
      Map.entry("readFully", 0), Map.entry("readNBytes", 0), Map.entry("nextBytes", 0), Map.entry("getChars", 2),
      Map.entry("toArray", 0), Map.entry("drainTo", 0), Map.entry("invokeWithArguments", 0),
      // a VarHandle's and a field updater's writes of the object they get (hostile review 50's U2)
      Map.entry("setVolatile", 0), Map.entry("setOpaque", 0), Map.entry("setRelease", 0),
      Map.entry("compareAndSet", 0), Map.entry("weakCompareAndSet", 0), Map.entry("getAndSet", 0),
      Map.entry("lazySet", 0));
  /**
   * Names of {@link #ARGUMENT_WRITERS} that write their argument only as reflection's ({@code field.set(target, v)},
   * {@code method.invoke(target)}): on a receiver of another type they are that type's methods (a project's
   * {@code sessions.set(userId, email)} writing its own map: trial 48's F3), whose effects the call graph follows.
   */
  static final Set<String> REFLECTIVE_WRITERS = Set.of("set", "setInt", "setLong", "setBoolean", "setDouble",
      "setFloat", "setShort", "setByte", "setChar", "invoke", "invokeExact", "invokeWithArguments", "setVolatile",
      "setOpaque", "setRelease", "compareAndSet", "weakCompareAndSet", "getAndSet", "lazySet");
  /**
   * Whether an argument-writing name called on this receiver writes: always, unless the receiver is of a type the
   * project declares in its sources, whose method of that name the call graph follows (a JDK or library receiver,
   * an {@code AtomicReferenceFieldUpdater} or a {@code VarHandle}, stays a writer: hostile review 50's U1).
   */
  static boolean writesArgumentOn(String name, Expression scope) {
    if (!REFLECTIVE_WRITERS.contains(name)) {
      return true;
    }
    try {
      var type = scope.calculateResolvedType();
      return !(type.isReferenceType() && type.asReferenceType().getTypeDeclaration()
          .map(declared -> declared.getClass().getSimpleName().startsWith("JavaParser")).orElse(false));
    } catch (RuntimeException | StackOverflowError unresolved) {
      return true;
    }
  }

  /** Argument counts at which an {@link #ARGUMENT_WRITERS} name writes its argument (other counts are other methods). */
  static final Map<String, Integer> ARGUMENT_WRITER_MIN_ARGUMENTS = Map.ofEntries(Map.entry("set", 2),
      Map.entry("invoke", 1), Map.entry("invokeExact", 1), Map.entry("invokeWithArguments", 1),
      Map.entry("setVolatile", 2), Map.entry("setOpaque", 2), Map.entry("setRelease", 2),
      Map.entry("compareAndSet", 3), Map.entry("weakCompareAndSet", 3), Map.entry("getAndSet", 2),
      Map.entry("lazySet", 2));
  /** Wrappers that write through to the object they get: Spring's binders and property accessors. */
  static final Set<String> WRITING_WRAPPERS = Set.of(
      "DataBinder", "WebDataBinder", "BeanWrapperImpl", "DirectFieldAccessor");

  /** Calls that put their arguments into their receiver. */
  static final Set<String> INSERTING = Set.of(
      "add", "addAll", "addFirst", "addLast", "put", "putAll", "putIfAbsent", "set", "push", "offer", "offerFirst",
      "offerLast", "addElement", "insertElementAt", "setElementAt", "accept", "complete");
  /** Collections whose copy constructor shares the elements it copies. */
  static final Set<String> COPYING = Set.of(
      "ArrayList", "LinkedList", "HashSet", "LinkedHashSet", "TreeSet", "HashMap", "LinkedHashMap", "TreeMap",
      "ArrayDeque", "CopyOnWriteArrayList", "Vector", "PriorityQueue", "ConcurrentHashMap", "AtomicReference");
  /** Static factories whose result holds their arguments (or their arguments' elements). */
  static final Set<String> HOLDING_FACTORIES = Set.of(
      "List.of", "Set.of", "Map.of", "Map.entry", "Stream.of", "Optional.of", "Optional.ofNullable", "Arrays.stream",
      "List.copyOf", "Set.copyOf", "Map.copyOf", "Collections.singletonList", "Collections.singleton",
      "Collections.singletonMap", "ImmutableList.of", "ImmutableList.copyOf", "ImmutableSet.copyOf",
      "Lists.newArrayList", "Sets.newHashSet", "Stream.concat", "Map.ofEntries", "CompletableFuture.supplyAsync",
      "CompletableFuture.completedFuture", "Mono.just", "Flux.just", "Flux.fromIterable", "Stream.generate",
      "StreamSupport.stream", "Optional.or");
  /** Static calls that return their first argument itself, or a view writing through to it. */
  static final Set<String> SAME_OBJECT = Set.of(
      "Objects.requireNonNull", "Objects.requireNonNullElse", "Objects.requireNonNullElseGet",
      "Preconditions.checkNotNull", "Validate.notNull", "Arrays.asList", "Collections.unmodifiableList",
      "Collections.unmodifiableSet", "Collections.unmodifiableMap", "Collections.unmodifiableCollection",
      "Collections.synchronizedList", "Collections.synchronizedSet", "Collections.synchronizedMap",
      "Collections.synchronizedCollection", "Collections.checkedList", "Collections.checkedMap",
      "Collections.unmodifiableSortedMap", "Collections.unmodifiableNavigableMap", "Collections.enumeration",
      "PropertyAccessorFactory.forBeanPropertyAccess", "PropertyAccessorFactory.forDirectFieldAccess");
  /** Reads of what a value holds: an element, Optional's value, a future's result. */
  static final Set<String> ELEMENT_READS = Set.of(
      "orElseThrow", "get", "orElse", "orElseGet", "join", "getFirst", "getLast", "peekFirst", "peekLast", "element",
      "first", "last", "next", "previous", "firstElement", "lastElement", "elementAt", "findFirst", "findAny", "min",
      "max", "getValue", "getKey", "floorEntry", "ceilingEntry", "firstEntry", "lastEntry", "getOrDefault", "poll",
      "pollFirst", "pollLast", "peek", "pop", "remove", "removeFirst", "removeLast", "getNow", "block", "blockFirst",
      "blockLast", "call", "getResult", "reduce");
  /** Views and streams that show the very objects of the collection or map they come from. */
  static final Set<String> VIEWS = Set.of(
      "iterator", "listIterator", "entrySet", "keySet", "values", "subList", "headMap", "tailMap", "subMap",
      "headSet", "tailSet", "subSet", "descendingMap", "descendingSet", "navigableKeySet", "stream", "parallelStream",
      "filter", "sorted", "distinct", "limit", "skip", "sequential", "parallel", "unordered", "takeWhile", "dropWhile",
      "spliterator", "descendingIterator", "reversed", "or", "onClose", "boxed", "asIterator");
  /** Results that are new containers of the same objects. */
  static final Set<String> COLLECTING = Set.of("collect", "toList", "toArray", "toSet", "clone", "copyOf");
  /** Calls whose result is some of what a function they get returns. */
  static final Set<String> MAPPING = Set.of(
      "map", "flatMap", "mapMulti", "thenApply", "thenCompose", "thenApplyAsync", "thenComposeAsync", "handle",
      "mapToObj", "flatMapIterable", "concatMap", "switchMap", "transform");
  /** Calls that hand each element, or the value held, to a function they get. */
  static final Set<String> ELEMENT_CONSUMERS = Set.of(
      "forEach", "forEachOrdered", "ifPresent", "ifPresentOrElse", "peek", "map", "flatMap", "filter", "anyMatch",
      "allMatch", "noneMatch", "replaceAll", "computeIfPresent", "forEachRemaining", "thenAccept", "thenApply",
      "whenComplete", "doOnNext", "subscribe", "mapMulti", "removeIf", "compute", "merge", "thenAcceptAsync",
      "thenApplyAsync", "handle", "sorted", "min", "max", "reduce", "collect", "takeWhile", "dropWhile");
  /** No-argument calls whose result is a new value, or one nothing can change, not a part of the receiver. */
  static final Set<String> FRESH = Set.of(
      "toString", "hashCode", "size", "length", "isEmpty", "isPresent", "hasNext", "hasPrevious", "getBytes",
      "toCharArray", "getClass", "count", "sum", "average", "intValue", "longValue", "doubleValue", "floatValue",
      "shortValue", "byteValue", "booleanValue", "name", "ordinal", "trim", "strip", "toLowerCase", "toUpperCase",
      "intern", "isBlank", "isNull", "nextInt", "nextLong", "asText", "textValue", "toSeconds", "toMillis", "build",
      "iterator", "stream", "parallelStream", "copy", "newBuilder", "toBuilder");

  /**
   * Library calls that run the callbacks they are given on rows they load: JdbcTemplate's and
   * NamedParameterJdbcTemplate's {@code query}, {@code queryForObject}, {@code queryForStream}, {@code
   * execute}, JdbcClient's {@code query}. Whether a call of that name is one is the planner's question.
   */
  static final Set<String> ROW_CALLBACK_CALLS = Set.of("query", "queryForObject", "queryForStream", "execute");

  /** First names of qualified type names ({@code java.util.Collections.sort(l)}), which are no fields. */
  static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jakarta", "org", "com", "io", "net", "dev");

  /** The type the symbol solver gives the expression; empty when it cannot tell. */
  static Optional<String> resolvedType(Expression expression) {
    if (expression instanceof com.github.javaparser.ast.expr.StringLiteralExpr) {
      return Optional.of("java.lang.String");
    }
    try {
      return Optional.of(expression.calculateResolvedType().describe());
    } catch (RuntimeException | StackOverflowError unresolved) {
      return Optional.empty();
    }
  }

  static Expression unwrap(Expression expression) {
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
  static String staticType(Expression scope) {
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
  static String simpleTypeName(String written) {
    String erased = written.replaceAll("<.*", "");
    return erased.substring(erased.lastIndexOf('.') + 1);
  }

  static boolean isGetter(String name) {
    return name.length() > 3 && name.startsWith("get") && Character.isUpperCase(name.charAt(3))
        || name.length() > 2 && name.startsWith("is") && Character.isUpperCase(name.charAt(2));
  }

  static boolean isSetter(String name) {
    return name.length() > 3 && name.startsWith("set") && Character.isUpperCase(name.charAt(3));
  }

  /** Consumers whose function may come beside other arguments: a key, an identity, an executor. */
  private static final Set<String> FUNCTION_AMONG_ARGUMENTS = Set.of("subscribe", "compute", "computeIfPresent",
      "merge", "reduce", "collect", "ifPresentOrElse", "handle", "whenComplete", "thenAcceptAsync",
      "thenApplyAsync", "sorted", "min", "max");

  /**
   * Whether a call named like an element consumer takes a function: stream, Optional and future
   * consumers of one argument take nothing else; {@code modelMapper.map(category, Dto.class)} is
   * another library's method of that name, handed a value.
   */
  static boolean takesFunction(MethodCallExpr call) {
    return call.getArguments().size() == 1 || FUNCTION_AMONG_ARGUMENTS.contains(call.getNameAsString());
  }

  /** JDK value types whose set-named methods answer a new value: BigDecimal.setScale, BigInteger.setBit. */
  static final Set<String> IMMUTABLE_VALUES = Set.of("java.math.BigDecimal", "java.math.BigInteger",
      "java.lang.String");

  /** {@code BigDecimal.valueOf(m).setScale(1, UP)}: a call on a value of an immutable JDK type changes nothing. */
  static boolean onImmutableValue(Expression scope) {
    return resolvedType(scope).filter(IMMUTABLE_VALUES::contains).isPresent();
  }

  /**
   * Whether a call of that name may be made on a value of an immutable JDK type ({@code add}, {@code setScale}): no
   * other changing call can be, so only these need the solver (its typing of every receiver of {@code list.add} and
   * {@code dto.setName} was a tenth of the extraction). Read from the running JDK's classes.
   */
  static boolean mayBeOnImmutableValue(String name) {
    return IMMUTABLE_VALUE_METHODS.contains(name);
  }

  private static final Set<String> IMMUTABLE_VALUE_METHODS = immutableValueMethods();

  private static Set<String> immutableValueMethods() {
    Set<String> names = new java.util.HashSet<>();
    for (String type : IMMUTABLE_VALUES) {
      try {
        for (java.lang.reflect.Method method : Class.forName(type).getMethods()) {
          names.add(method.getName());
        }
      } catch (ClassNotFoundException impossible) {
        throw new IllegalStateException(impossible);
      }
    }
    return Set.copyOf(names);
  }

  /**
   * {@code path.replace(".", "/")}, {@code s.replaceAll("\\s+", " ")}: String's, which return a new
   * string. Collections' {@code replaceAll} takes one function; a two-argument {@code replace} is a
   * String's only when the solver types its receiver so.
   */
  static boolean stringReplace(MethodCallExpr call) {
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
}
