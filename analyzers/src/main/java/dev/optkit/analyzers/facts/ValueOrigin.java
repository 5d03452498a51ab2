package dev.optkit.analyzers.facts;

import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Where a value came from: the result of a call (by name, argument count and position, -1
 * arguments for a method reference), or the method's parameter at an index. {@code depth}: the
 * value is a container holding it (or holding such containers) ({@code List.of(r)}, {@code new ArrayList<>(r)}, {@code
 * holder[0] = r}): changing the container leaves the result alone, its elements are the result.
 * {@code part}: reached through an accessor or a field of it ({@code r.getName()}), which may be
 * an immutable value the object merely hands out. {@code keptBy}: the first constructor call that made it a holder
 * ({@code new ProductInOrder(info, 1)}), or null.
 */
public record ValueOrigin(String call, int arguments, int line, int column, int parameter, int depth, boolean part,
    HolderMade keptBy) {
  ValueOrigin(String call, int arguments, int line, int column, int parameter, int depth, boolean part) {
    this(call, arguments, line, column, parameter, depth, part, null);
  }

  public static ValueOrigin ofCall(MethodCallExpr call) {
    var begin = call.getBegin();
    return new ValueOrigin(call.getNameAsString(), call.getArguments().size(), begin.map(p -> p.line).orElse(0),
        begin.map(p -> p.column).orElse(0), -1, 0, false);
  }

  /**
   * What a query call hands the callbacks it is given (a {@code RowMapper}'s result set): the call's
   * name with {@link MethodFact#ROWS_HANDED_TO_CALLBACKS}, made for the call only where the call is I/O.
   */
  public static ValueOrigin ofRowsOf(MethodCallExpr call) {
    ValueOrigin result = ofCall(call);
    return new ValueOrigin(result.call() + MethodFact.ROWS_HANDED_TO_CALLBACKS, result.arguments(), result.line(),
        result.column(), -1, 0, false);
  }

  public static ValueOrigin ofReference(MethodReferenceExpr reference) {
    var begin = reference.getBegin();
    return new ValueOrigin(reference.getIdentifier(), -1, begin.map(p -> p.line).orElse(0),
        begin.map(p -> p.column).orElse(0), -1, 0, false);
  }

  public static ValueOrigin ofParameter(int index) {
    return new ValueOrigin(null, 0, 0, 0, index, 0, false);
  }

  /** A container holding the value, at any depth ({@code List<Owner>} of owners built from it). */
  public boolean held() {
    return depth > 0;
  }

  public ValueOrigin element() {
    return depth > 0 ? new ValueOrigin(call, arguments, line, column, parameter, depth - 1, part, keptBy) : this;
  }

  public ValueOrigin holder() {
    return new ValueOrigin(call, arguments, line, column, parameter, depth + 1, part, keptBy);
  }

  /** A holder made by that constructor call, unless an earlier constructor already made it one. */
  public ValueOrigin heldBy(ObjectCreationExpr creation, int position) {
    ValueOrigin held = holder();
    var begin = creation.getBegin();
    return keptBy != null || begin.isEmpty() ? held : new ValueOrigin(call, this.arguments, line, column, parameter,
        held.depth, part, new HolderMade(creation.getType().getNameAsString(), creation.getArguments().size(), position,
            begin.get().line, begin.get().column));
  }

  ValueOrigin asPart() {
    return new ValueOrigin(call, arguments, line, column, parameter, depth, true, keptBy);
  }

  /** A field of this object, or what its accessor returns: part of the receiver. */
  public static final ValueOrigin RECEIVER_PART = ofParameter(MethodFact.RECEIVER).asPart();

  public static Set<ValueOrigin> elements(Set<ValueOrigin> values) {
    Set<ValueOrigin> result = new LinkedHashSet<>();
    values.forEach(v -> result.add(v.element()));
    return result;
  }

  public static Set<ValueOrigin> holders(Set<ValueOrigin> values) {
    Set<ValueOrigin> result = new LinkedHashSet<>();
    values.forEach(v -> result.add(v.holder()));
    return result;
  }

  public static Set<ValueOrigin> parts(Set<ValueOrigin> values) {
    Set<ValueOrigin> result = new LinkedHashSet<>();
    values.forEach(v -> result.add(v.element().asPart()));
    return result;
  }
}
