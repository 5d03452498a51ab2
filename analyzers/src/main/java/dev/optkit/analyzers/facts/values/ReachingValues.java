package dev.optkit.analyzers.facts.values;

import dev.optkit.analyzers.facts.Subtrees;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.optkit.analyzers.facts.ValueOrigin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.optkit.analyzers.facts.values.CallEffects.*;
import static dev.optkit.analyzers.facts.ValueOrigin.RECEIVER_PART;
import static dev.optkit.analyzers.facts.ValueOrigin.elements;
import static dev.optkit.analyzers.facts.ValueOrigin.holders;

/**
 * What reaches a use of a local in one method body along the statements before it: the statement
 * list it is in and those around it, back to the method's start (a parameter) or the last plain
 * assignment; what a statement on some path may give the local (assignments, values put into it);
 * a loop's body again at its start. {@link ValueSources} asks it of every local it traces.
 */
final class ReachingValues {
  private final ValueSources values;
  private final Node body;
  private final List<String> parameters;
  private final Set<String> locals;
  private final List<AssignExpr> assignments;
  private final List<MethodCallExpr> calls;
  /**
   * By local name, the assignments and calls of the body that may give that local something (see
   * {@link #events}), in walk order: a statement is searched only for these, by their parents, not
   * walked once per local traced through it (that walk was a quarter of this analysis).
   */
  private Map<String, List<AssignExpr>> assignmentsTo;
  private Map<String, List<MethodCallExpr>> callsFilling;

  ReachingValues(ValueSources values, Node body, List<String> parameters, Set<String> locals,
      List<AssignExpr> assignments, List<MethodCallExpr> calls) {
    this.values = values;
    this.body = body;
    this.parameters = parameters;
    this.locals = locals;
    this.assignments = assignments;
    this.calls = calls;
  }

  /**
   * What reaches a use of a local along the statements before it: the statement list it is in and
   * those around it, back to the method's start (a parameter) or the last plain assignment.
   */
  Set<ValueOrigin> reaching(String name, Node use) {
    Set<ValueOrigin> result = new LinkedHashSet<>();
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
          Set<ValueOrigin> killed = plainAssignment(before, name);
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
          for (VariableDeclarator variable : Subtrees.all(resource, VariableDeclarator.class)) {
            if (variable.getNameAsString().equals(name)) {
              variable.getInitializer().ifPresent(i -> result.addAll(values.source(i)));
              return result;
            }
          }
        }
      }
      if (parent instanceof ForStmt loop && loop.getInitialization().stream().anyMatch(init ->
          init instanceof VariableDeclarationExpr declaration && declaration.getVariables().stream()
              .anyMatch(v -> v.getNameAsString().equals(name)))) {
        loop.getInitialization().forEach(init -> Subtrees.all(init, VariableDeclarator.class).stream()
            .filter(v -> v.getNameAsString().equals(name)).forEach(v -> v.getInitializer()
                .ifPresent(i -> result.addAll(values.source(i)))));
        return result;
      }
      node = parent;
    }
    int parameter = parameters.indexOf(name);
    if (parameter >= 0) {
      result.add(ValueOrigin.ofParameter(parameter));
    } else if (result.isEmpty() && ownField(name)) {
      result.add(RECEIVER_PART); // tags.add(t): a field of this object is part of the object
    }
    return result;
  }

  /** A name that is neither a local nor a type or package: a field of this object (or an inherited one). */
  boolean ownField(String name) {
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
  private Set<ValueOrigin> plainAssignment(Statement statement, String name) {
    if (!(statement instanceof ExpressionStmt expression)) {
      return null;
    }
    if (expression.getExpression() instanceof AssignExpr assign && assign.getOperator() == AssignExpr.Operator.ASSIGN
        && assign.getTarget() instanceof NameExpr target && target.getNameAsString().equals(name)) {
      return values.source(assign.getValue());
    }
    if (expression.getExpression() instanceof VariableDeclarationExpr declaration) {
      for (VariableDeclarator variable : declaration.getVariables()) {
        if (variable.getNameAsString().equals(name)) {
          return variable.getInitializer().map(values::source).orElse(Set.of());
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
  private Set<ValueOrigin> events(Statement statement, String name) {
    indexFillers();
    Set<ValueOrigin> given = new LinkedHashSet<>();
    for (AssignExpr assign : assignmentsTo.getOrDefault(name, List.of())) {
      if (!assign.isDescendantOf(statement) || shadowed(assign, statement, name)) {
        continue;
      }
      Expression target = assign.getTarget();
      if (target instanceof NameExpr) {
        given.addAll(values.source(assign.getValue()));
      } else {
        given.addAll(holders(values.source(assign.getValue()))); // box.pets = r, holder[0] = r
      }
    }
    for (MethodCallExpr call : callsFilling.getOrDefault(name, List.of())) {
      if (!call.isDescendantOf(statement) || shadowed(call, statement, name)) {
        continue;
      }
      Expression scope = call.getScope().orElse(null);
      if (INSERTING.contains(call.getNameAsString()) && rootName(scope).equals(name)) {
        // box.add(r), holder.pets.addAll(r): the local, or an object it reaches, now holds the result
        call.getArguments().forEach(a -> given.addAll(holders(values.source(a))));
      }
      if (collectionsAddAllInto(call, scope, name)) {
        call.getArguments().stream().skip(1).forEach(a -> given.addAll(holders(values.source(a))));
      }
      for (Expression argument : call.getArguments()) {
        if (scope != null && insertingReferenceOf(argument, name)) {
          given.addAll(holders(elements(values.source(scope)))); // found.ifPresent(box::add)
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
