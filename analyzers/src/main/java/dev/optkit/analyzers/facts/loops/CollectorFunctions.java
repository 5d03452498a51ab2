package dev.optkit.analyzers.facts.loops;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Functions handed to a stream's {@code collect} inside a collector of {@code java.util.stream.Collectors}
 * ({@code collect(toMap(id -> id, client::price))}, {@code groupingBy(f, mapping(this::load, toList()))}): the
 * collector applies its key, value, classifier and mapping functions once per element, as a {@code map} stage would
 * (issue 24's left item: such a pipeline calling a client per element was no finding at all). Its suppliers and
 * finishers run once per collection ({@code toMap(k, v, merge, TreeMap::new)}, {@code collectingAndThen(c, f)}), and
 * are not. Syntax only: a collector is a call of one of these names on {@code Collectors} or statically imported, as
 * the file wrote it.
 */
public final class CollectorFunctions {
  /** Each collector factory, with the positions of its arguments that run once, not per element. */
  private static final Map<String, Set<Integer>> COLLECTORS = Map.ofEntries(
      Map.entry("toMap", Set.of(3)), Map.entry("toConcurrentMap", Set.of(3)), Map.entry("toUnmodifiableMap", Set.of()),
      Map.entry("groupingBy", Set.of()), Map.entry("groupingByConcurrent", Set.of()),
      Map.entry("partitioningBy", Set.of()), Map.entry("mapping", Set.of()), Map.entry("flatMapping", Set.of()),
      Map.entry("filtering", Set.of()), Map.entry("reducing", Set.of()), Map.entry("summingInt", Set.of()),
      Map.entry("summingLong", Set.of()), Map.entry("summingDouble", Set.of()), Map.entry("averagingInt", Set.of()),
      Map.entry("averagingLong", Set.of()), Map.entry("averagingDouble", Set.of()),
      Map.entry("summarizingInt", Set.of()), Map.entry("summarizingLong", Set.of()),
      Map.entry("summarizingDouble", Set.of()), Map.entry("collectingAndThen", Set.of(1)),
      Map.entry("teeing", Set.of(2)), Map.entry("toCollection", Set.of(0)), Map.entry("minBy", Set.of()),
      Map.entry("maxBy", Set.of()));
  /** Three-argument groupings take a map factory second: {@code groupingBy(f, TreeMap::new, toList())}. */
  private static final Set<String> FACTORY_SECOND = Set.of("groupingBy", "groupingByConcurrent");

  private CollectorFunctions() {}

  /**
   * The {@code collect} link whose elements a function handed to a collector is applied to, each once
   * ({@code collect(toMap(k, client::price))}, through nested collectors); empty when the function is no such
   * argument, or one the collector runs once.
   */
  public static Optional<MethodCallExpr> collectLink(MethodCallExpr collector, Node function) {
    MethodCallExpr current = collector;
    Node argument = function;
    while (isCollector(current)) {
      int position = current.getArguments().indexOf(argument);
      if (position < 0 || runsOnce(current, position)) {
        return Optional.empty();
      }
      Node parent = current.getParentNode().orElse(null);
      if (!(parent instanceof MethodCallExpr outer) || !outer.getArguments().contains(current)) {
        return Optional.empty();
      }
      if (outer.getNameAsString().equals("collect") && outer.getArguments().size() == 1) {
        return Optional.of(outer);
      }
      argument = current;
      current = outer;
    }
    return Optional.empty();
  }

  /** Whether a link's collector hands a function to the elements: {@code collect(toMap(k, this::price))}. */
  static boolean handsAFunction(MethodCallExpr link) {
    return link.getNameAsString().equals("collect") && link.getArguments().size() == 1
        && link.getArgument(0) instanceof MethodCallExpr collector && handsAFunctionIn(collector, 0);
  }

  private static boolean handsAFunctionIn(MethodCallExpr collector, int depth) {
    if (depth > 8 || !isCollector(collector)) {
      return false;
    }
    for (int i = 0; i < collector.getArguments().size(); i++) {
      Expression argument = collector.getArgument(i);
      if (runsOnce(collector, i)) {
        continue;
      }
      if (argument instanceof LambdaExpr || argument instanceof MethodReferenceExpr
          || argument instanceof MethodCallExpr nested && handsAFunctionIn(nested, depth + 1)) {
        return true;
      }
    }
    return false;
  }

  private static boolean runsOnce(MethodCallExpr collector, int position) {
    String name = collector.getNameAsString();
    return COLLECTORS.get(name).contains(position)
        || FACTORY_SECOND.contains(name) && collector.getArguments().size() == 3 && position == 1;
  }

  private static boolean isCollector(MethodCallExpr call) {
    if (!COLLECTORS.containsKey(call.getNameAsString())) {
      return false;
    }
    Expression scope = call.getScope().orElse(null);
    if (scope == null) {
      // toMap(...) statically imported from Collectors
      return call.findCompilationUnit().map(unit -> unit.getImports().stream().anyMatch(i -> i.isStatic()
          && (i.isAsterisk() ? i.getNameAsString().equals("java.util.stream.Collectors")
              : i.getNameAsString().equals("java.util.stream.Collectors." + call.getNameAsString())))).orElse(false);
    }
    return scope instanceof NameExpr name && name.getNameAsString().equals("Collectors")
        || scope.toString().equals("java.util.stream.Collectors");
  }
}
