package dev.optkit.analyzers.facts.loops;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * What the functions handed to each link of a method-call chain are applied to, read along the chain
 * from its source: the elements of a stream or collection (once per element), or a value an
 * Optional holds (once at most). The stream survey's E19: {@code ....findAny().ifPresent(t ->
 * repository.deleteById(..))} and {@code Optional.ofNullable(x).map(io).stream()} run their I/O once
 * at most, and are no loops. Syntax only: an Optional a call returns ({@code repository.findById(id)})
 * is not known here, and its {@code stream()} reads as a collection's.
 */
final class PipelineFlow {
  /** Terminal operations that leave at most one element, as an Optional. */
  private static final Set<String> TO_ONE = Set.of("findFirst", "findAny", "min", "max");
  /** Optional's own factories. */
  private static final Set<String> OPTIONAL_FACTORIES = Set.of("of", "ofNullable", "empty");
  /** An Optional's methods that give an Optional again; any other (orElse, get, orElseThrow) unwraps its value. */
  private static final Set<String> STAYS_OPTIONAL = Set.of("map", "filter", "flatMap", "or", "ifPresent",
      "ifPresentOrElse");
  /** Stages that fan each element out into many. */
  private static final Set<String> FANNING_OUT = Set.of("flatMap", "mapMulti", "flatMapToInt", "flatMapToLong",
      "flatMapToDouble", "flatMapToObj");
  /** Stages that keep a stream's elements one for one (or fewer). */
  private static final Set<String> ONE_FOR_ONE = Set.of("map", "filter", "peek", "sorted", "distinct", "limit", "skip",
      "mapToObj", "mapToInt", "mapToLong", "mapToDouble", "boxed", "takeWhile", "dropWhile", "unordered", "sequential",
      "onClose");

  private enum Flow {
    /** Before any stream or collection source, or an Optional unwrapped: a value, not elements. */
    VALUE,
    /** The elements of a stream or collection: a function here runs once per element. */
    ELEMENTS,
    /** An Optional: a function here runs once at most. */
    AT_MOST_ONE,
    /** A stream of at most one element (an Optional's, or one limited to one), until something fans it out. */
    ONE_AS_STREAM
  }

  private PipelineFlow() {}

  /**
   * Whether the functions handed to this link of a pipeline run once per element.
   *
   * @param optionalIsTheJdks whether the simple name Optional means java.util.Optional in the link's file (not a
   *     class of its own package or an import of another: hostile review 54's N2)
   */
  static boolean runsPerElement(MethodCallExpr link, BooleanSupplier optionalIsTheJdks) {
    Flow flow = Flow.VALUE;
    for (MethodCallExpr at : LoopShapes.chain(LoopShapes.outermost(link))) {
      Flow before = flow;
      flow = after(flow, at, optionalIsTheJdks);
      if (at == link) {
        // a source's or forEach's own function is applied to the elements; any other link's to what flows into it
        boolean walks = at.getNameAsString().equals("forEach") || at.getNameAsString().equals("forEachOrdered")
            || LoopShapes.STREAM_SOURCES.contains(at.getNameAsString());
        Flow applied = walks && before == Flow.VALUE ? flow : before;
        return applied == Flow.ELEMENTS;
      }
    }
    return true;
  }

  private static Flow after(Flow flow, MethodCallExpr at, BooleanSupplier optionalIsTheJdks) {
    String name = at.getNameAsString();
    if (isOptionalFactory(at, optionalIsTheJdks)) {
      return Flow.AT_MOST_ONE;
    }
    switch (flow) {
      case AT_MOST_ONE:
        return name.equals("stream") ? Flow.ONE_AS_STREAM : STAYS_OPTIONAL.contains(name) ? Flow.AT_MOST_ONE : Flow.VALUE;
      case ONE_AS_STREAM:
        return FANNING_OUT.contains(name) ? Flow.ELEMENTS : TO_ONE.contains(name) ? Flow.AT_MOST_ONE
            : ONE_FOR_ONE.contains(name) ? Flow.ONE_AS_STREAM : Flow.VALUE;
      case ELEMENTS:
        if (TO_ONE.contains(name) || name.equals("reduce") && at.getArguments().size() == 1) {
          return Flow.AT_MOST_ONE;
        }
        if (name.equals("limit") && at.getArguments().size() == 1 && at.getArgument(0) instanceof IntegerLiteralExpr one
            && one.getValue().equals("1")) {
          return Flow.ONE_AS_STREAM; // sorted().limit(1): one element at most
        }
        return Flow.ELEMENTS;
      default:
        return LoopShapes.STREAM_SOURCES.contains(name) || name.equals("forEach") || name.equals("forEachOrdered")
            ? Flow.ELEMENTS : Flow.VALUE;
    }
  }

  /**
   * {@code Optional.of(..)}, {@code Optional.ofNullable(..)}, {@code Optional.empty()} where Optional is
   * java.util's, also written {@code java.util.Optional.of(..)}.
   */
  private static boolean isOptionalFactory(MethodCallExpr call, BooleanSupplier optionalIsTheJdks) {
    if (!OPTIONAL_FACTORIES.contains(call.getNameAsString())) {
      return false;
    }
    Expression scope = call.getScope().orElse(null);
    if (scope instanceof FieldAccessExpr qualified) {
      return qualified.toString().equals("java.util.Optional");
    }
    return scope instanceof NameExpr name && name.getNameAsString().equals("Optional") && optionalIsTheJdks.getAsBoolean();
  }
}
