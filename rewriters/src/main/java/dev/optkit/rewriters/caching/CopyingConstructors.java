package dev.optkit.rewriters.caching;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.body.VariableDeclarator;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Whether an object made by {@code new T(..., value, ...)} holds nothing of that argument: every constructor of
 * that name and arity only reads getters of it into fields of immutable types ({@code this.productName =
 * productInfo.getProductName()}), or compares it with null. Such an object is a copy, not a holder, so what its
 * users do to it never reaches the value (trial 42's F4: Shopping-Store's {@code new ProductInOrder(productInfo, 1)}).
 * Anything else the constructor does with the parameter (keeps it, hands it on, calls a method whose answer is not
 * stored in such a field, captures it in a lambda) counts as keeping it; so does a constructor optkit cannot read.
 */
final class CopyingConstructors {
  private final ProjectIndex index;
  private final Function<IndexedMethod, Optional<CallableDeclaration<?>>> declarations;
  private final Predicate<String> immutable;
  private final Map<String, Boolean> decided = new HashMap<>();

  CopyingConstructors(ProjectIndex index, Function<IndexedMethod, Optional<CallableDeclaration<?>>> declarations,
      Predicate<String> immutable) {
    this.index = index;
    this.declarations = declarations;
    this.immutable = immutable;
  }

  /** Whether the hand-off is of a holder made by a constructor call that keeps nothing of the value. */
  boolean holdsNothing(MethodFact.HandOff handOff) {
    return handOff.held() && handOff.keptBy() != null && decided.computeIfAbsent(handOff.keptBy(), this::copiesOnly);
  }

  /** {@code "new Type/arguments/position"}: whether every constructor it may run copies values out of it. */
  private boolean copiesOnly(String keptBy) {
    String[] parts = keptBy.substring("new ".length()).split("/");
    if (parts.length != 3) {
      return false;
    }
    int arguments = Integer.parseInt(parts[1]);
    int position = Integer.parseInt(parts[2]);
    // by simple name, as the hand-off names it: any class of that name keeping the value is enough to say it holds
    List<IndexedMethod> constructors = index.methodsNamed(parts[0]).stream()
        .filter(m -> m.fact().isConstructor() && m.fact().params().size() == arguments).toList();
    return !constructors.isEmpty() && constructors.stream().allMatch(c -> copiesOnly(c, position));
  }

  private boolean copiesOnly(IndexedMethod constructor, int argument) {
    int position = ResultSharing.parameterAt(constructor, argument);
    Optional<TypeFact> owner = index.type(constructor.fact().ownerType());
    Optional<CallableDeclaration<?>> declared = declarations.apply(constructor);
    if (owner.isEmpty() || declared.isEmpty() || !(declared.get() instanceof ConstructorDeclaration body)
        || position < 0 || position >= body.getParameters().size() || body.getParameter(position).isVarArgs()) {
      return false;
    }
    String name = body.getParameter(position).getNameAsString();
    return body.getBody().findAll(NameExpr.class).stream()
        .filter(use -> use.getNameAsString().equals(name))
        .allMatch(use -> onlyRead(use, body, owner.get()));
  }

  /** {@code info == null}, or {@code this.name = info.getName()} into a field of an immutable type. */
  private boolean onlyRead(NameExpr use, ConstructorDeclaration body, TypeFact owner) {
    Node parent = use.getParentNode().orElse(null);
    if (parent instanceof BinaryExpr compared
        && (compared.getOperator() == BinaryExpr.Operator.EQUALS
            || compared.getOperator() == BinaryExpr.Operator.NOT_EQUALS)
        && (compared.getLeft() instanceof NullLiteralExpr || compared.getRight() instanceof NullLiteralExpr)) {
      return true;
    }
    if (!(parent instanceof MethodCallExpr getter) || getter.getScope().orElse(null) != use
        || !getter.getArguments().isEmpty()) {
      return false;
    }
    // the getter's answer, through parentheses and the arms of a conditional, is what is assigned
    Node value = getter;
    Node up = getter.getParentNode().orElse(null);
    while (up instanceof EnclosedExpr || up instanceof ConditionalExpr choice && choice.getCondition() != value) {
      value = up;
      up = up.getParentNode().orElse(null);
    }
    if (!(up instanceof AssignExpr assign) || assign.getOperator() != AssignExpr.Operator.ASSIGN
        || assign.getValue() != value) {
      return false;
    }
    String field = ownField(assign.getTarget(), body);
    return field != null && owner.fieldTypes().containsKey(field) && immutable.test(owner.fieldTypes().get(field));
  }

  /** {@code this.name}, or {@code name} where no parameter or local of the constructor is so named. */
  private static String ownField(Expression target, ConstructorDeclaration body) {
    if (target instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
      return access.getNameAsString();
    }
    if (target instanceof NameExpr named) {
      String name = named.getNameAsString();
      boolean shadowed = body.getParameters().stream().map(Parameter::getNameAsString).anyMatch(name::equals)
          || body.findAll(VariableDeclarator.class).stream().anyMatch(v -> v.getNameAsString().equals(name));
      return shadowed ? null : name;
    }
    return null;
  }
}
