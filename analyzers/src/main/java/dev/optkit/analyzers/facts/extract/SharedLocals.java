package dev.optkit.analyzers.facts.extract;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.YieldStmt;
import dev.optkit.analyzers.facts.Subtrees;
import dev.optkit.analyzers.facts.types.TypeNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a local of the body may hold an object reached from state kept between calls, and through what: {@code
 * this} (one of this object's fields, or a part of one: {@code Holder h = holder}, {@code id > 0 ? holder : other},
 * {@code for (Holder h : holders)}, {@code holders.forEach(h -> ...)}), {@code static} (a static's object) or {@code
 * call} (what an own method answers). {@link SharedFieldReads} reads {@code h.allowed} through it as it reads {@code
 * holder.allowed} (hostile review 72's k1: a local alias hid the shared holder, and the cache answered with the set as
 * it was). A value a call of a library object or a project object makes ({@code jdbc.queryForObject(...)}, {@code
 * dao.find(id)}) is that call's own; a call on a JDK container ({@code holders.get(0)}, {@code map.values()}, {@code
 * ref.get()}, a stream of them) hands out what the container holds.
 */
final class SharedLocals {
  private static final int MAX_DEPTH = 6;

  private final MethodScan m;
  private final Set<String> visiting = new HashSet<>();

  private SharedLocals(MethodScan m) {
    this.m = m;
  }

  /** The root kind a local named at {@code use} may hold, or empty when every value it is given is made here or given. */
  static Optional<String> root(String local, Node use, MethodScan m) {
    return new SharedLocals(m).local(local, use, 0);
  }

  /** The root kind of the object an expression may be ({@code id > 0 ? holder : spare}), or empty when it is made here. */
  static Optional<String> rootOf(Expression value, MethodScan m) {
    return new SharedLocals(m).value(value, 0);
  }

  private Optional<String> local(String name, Node use, int depth) {
    if (depth > MAX_DEPTH || !visiting.add(name)) {
      return Optional.empty();
    }
    try {
      for (Expression value : given(name, use)) {
        Optional<String> root = value(value, depth + 1);
        if (root.isPresent()) {
          return root;
        }
      }
      return Optional.empty();
    } finally {
      visiting.remove(name);
    }
  }

  /**
   * Every value the body gives the local: its initialiser and plain assignments; for a for-each's variable, a lambda's
   * parameter or a pattern's, what it is bound to (the iterable, the traversal's receiver, the tested expression).
   */
  private List<Expression> given(String name, Node use) {
    List<Expression> values = new ArrayList<>();
    for (Node at = use.getParentNode().orElse(null); at != null && at != m.callable; at = at.getParentNode().orElse(null)) {
      if (at instanceof ForEachStmt loop && loop.getVariableDeclarator().getNameAsString().equals(name)) {
        values.add(loop.getIterable());
        return values;
      }
      if (at instanceof LambdaExpr lambda && lambda.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(name))) {
        // holders.stream().filter(h -> ...), holders.forEach(h -> ...): the elements of the call's receiver
        if (lambda.getParentNode().orElse(null) instanceof MethodCallExpr call && call.getArguments().contains(lambda)
            && call.getScope().isPresent()) {
          values.add(call.getScope().get());
        }
        return values;
      }
    }
    if (m.callable.getParameters().stream().map(Parameter::getNameAsString).anyMatch(name::equals)) {
      return values; // the caller's object: what a key covers
    }
    if (m.nodes == null) {
      return values;
    }
    for (VariableDeclarator variable : m.nodes.variables) {
      if (variable.getNameAsString().equals(name)) {
        variable.getInitializer().ifPresent(values::add);
      }
    }
    for (AssignExpr assignment : m.nodes.assignments) {
      if (assignment.getTarget() instanceof NameExpr target && target.getNameAsString().equals(name)
          && assignment.getOperator() == AssignExpr.Operator.ASSIGN) {
        values.add(assignment.getValue());
      }
    }
    for (TypePatternExpr pattern : m.nodes.typePatterns) {
      if (pattern.getNameAsString().equals(name) && pattern.getParentNode().orElse(null) instanceof InstanceOfExpr test) {
        values.add(test.getExpression());
      }
    }
    return values;
  }

  /** The root kind of the object a value may be, or empty when it is made here, given by the caller or a call's own. */
  private Optional<String> value(Expression value, int depth) {
    if (depth > MAX_DEPTH) {
      return Optional.empty();
    }
    if (value instanceof EnclosedExpr enclosed) {
      return value(enclosed.getInner(), depth);
    }
    if (value instanceof CastExpr cast) {
      return value(cast.getExpression(), depth);
    }
    if (value instanceof ConditionalExpr choice) {
      return value(choice.getThenExpr(), depth + 1).or(() -> value(choice.getElseExpr(), depth + 1));
    }
    if (value instanceof SwitchExpr choice) {
      for (var entry : choice.getEntries()) {
        List<Expression> arms = new ArrayList<>();
        if (!entry.getStatements().isEmpty() && entry.getStatement(0) instanceof ExpressionStmt arm) {
          arms.add(arm.getExpression());
        }
        Subtrees.all(entry, YieldStmt.class).forEach(y -> arms.add(y.getExpression()));
        for (Expression arm : arms) {
          Optional<String> root = value(arm, depth + 1);
          if (root.isPresent()) {
            return root;
          }
        }
      }
      return Optional.empty();
    }
    if (value instanceof ThisExpr || value instanceof SuperExpr) {
      return Optional.of("this");
    }
    if (value instanceof NameExpr name) {
      return named(name, depth);
    }
    if (value instanceof FieldAccessExpr field) {
      if (field.getScope() instanceof ThisExpr || field.getScope() instanceof SuperExpr) {
        return Optional.of("this");
      }
      if (field.getScope() instanceof NameExpr type && Character.isUpperCase(type.getNameAsString().charAt(0))
          && !m.locals.types.containsKey(type.getNameAsString()) && m.locals.fieldType(type.getNameAsString()) == null) {
        return Optional.of("static"); // Holders.MAIN, Mode.STRICT
      }
      return value(field.getScope(), depth + 1);
    }
    if (value instanceof ArrayAccessExpr element) {
      return value(element.getName(), depth + 1);
    }
    if (value instanceof MethodCallExpr call) {
      if (call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr) {
        return Optional.of("call"); // getHolder(): what its own method answers, from this object's state
      }
      Expression receiver = call.getScope().get();
      return handsOutWhatItHolds(receiver) ? value(receiver, depth + 1) : Optional.empty();
    }
    return Optional.empty(); // new Holder(), a literal, a lambda: made here
  }

  private Optional<String> named(NameExpr name, int depth) {
    String variable = name.getNameAsString();
    if (m.locals.types.containsKey(variable)) {
      return local(variable, name, depth + 1);
    }
    if (m.locals.fieldType(variable) != null) {
      return Optional.of(SharedFieldReads.staticField(name, variable) ? "static" : "this");
    }
    // HOLDER inherited or imported: a static's object; a lower-case name no local declares: a superclass's field
    return Optional.of(Character.isUpperCase(variable.charAt(0)) ? "static" : "this");
  }

  /**
   * A JDK container, optional, reference or stream: what its calls answer is what it holds ({@code holders.get(0)},
   * {@code ref.get()}). A receiver whose type the declarations do not give counts as one (the direct read's rule).
   */
  private boolean handsOutWhatItHolds(Expression receiver) {
    TypeNames.Qualified type = m.locals.syntacticType(receiver);
    if (type == null) {
      return !(receiver instanceof NameExpr name && Character.isUpperCase(name.getNameAsString().charAt(0)));
    }
    String name = type.name();
    return name.startsWith("java.util.") || name.startsWith("java.lang.ThreadLocal")
        || name.startsWith("java.lang.Iterable");
  }
}
