package dev.optkit.rewriters.caching.keys;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.rewriters.caching.KeptCalls;
import dev.optkit.rewriters.caching.WholeProject;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A size the caller chooses, capped before any answer: {@code AppUtils.validatePageNumberAndSize(page, size)} throws
 * when {@code size > AppConstants.MAX_PAGE_SIZE} (30), so no run that returns, and no entry a cache keeps, holds more
 * than 30 elements, and the cache's entry bound is a memory bound (trial 42's F7: Spring-Boot-Blog-REST-API). The
 * check is a statement of the method's own body, {@code if (size > C) throw ...;} or a call passing the parameter
 * as it is to a static or private project method that starts the same way, with no {@code return} before it and the
 * parameter never assigned; C is a literal or a static final field initialised by one, at most {@link #LARGEST}.
 */
public final class CappedSizes {
  /** A cap above this bounds nothing a cache of 10,000 entries would feel. */
  static final long LARGEST = 1_000;

  private final WholeProject whole;
  private final ProjectIndex index;

  public CappedSizes(WholeProject whole) {
    this.whole = whole;
    this.index = whole.index();
  }

  /**
   * Whether every run of the method that returns has passed a check that the parameter is at most a constant, and
   * the parameter goes on unchanged, only to library calls or query methods ({@code PageRequest.of(page, size)}):
   * {@code size * 1000} rows would not be bounded by it (hostile review 46's S2).
   */
  public boolean capped(IndexedMethod method, String parameter) {
    return whole.declaration(method).map(body -> checks(method, body, parameter, true)
        && onlyHandedOn(method, body, parameter)).orElse(false);
  }

  private boolean onlyHandedOn(IndexedMethod method, CallableDeclaration<?> body, String parameter) {
    for (NameExpr use : body.findAll(NameExpr.class)) {
      if (!use.getNameAsString().equals(parameter)) {
        continue;
      }
      Node parent = use.getParentNode().orElse(null);
      if (parent instanceof BinaryExpr compared && compared.getParentNode().orElse(null) instanceof IfStmt) {
        continue; // the check itself
      }
      if (!(parent instanceof MethodCallExpr call) || !call.getArguments().contains(use) || call.getBegin().isEmpty()) {
        return false;
      }
      boolean projectCode = KeptCalls.among(method.fact().calls(), call).stream()
          .flatMap(c -> index.targetsOf(c).stream())
          .anyMatch(target -> !target.fact().isAbstract() && !isCheck(method, call, parameter));
      if (projectCode) {
        return false;
      }
    }
    return true;
  }

  /** The call that checks the parameter ({@code AppUtils.validatePageNumberAndSize(page, size)}). */
  private boolean isCheck(IndexedMethod method, MethodCallExpr call, String parameter) {
    return call.getParentNode().orElse(null) instanceof ExpressionStmt && helperChecks(method, call, parameter);
  }

  private boolean checks(IndexedMethod method, CallableDeclaration<?> declaration, String parameter, boolean follow) {
    Optional<BlockStmt> body = declaration instanceof com.github.javaparser.ast.body.MethodDeclaration m
        ? m.getBody() : Optional.empty();
    if (body.isEmpty() || assigned(body.get(), parameter)) {
      return false;
    }
    for (Statement statement : body.get().getStatements()) {
      if (statement instanceof IfStmt check && check.getElseStmt().isEmpty() && throwsAlways(check.getThenStmt())
          && bounds(check.getCondition(), parameter, declaration)) {
        return true;
      }
      if (follow && statement instanceof ExpressionStmt run && run.getExpression() instanceof MethodCallExpr call
          && helperChecks(method, call, parameter)) {
        return true;
      }
      if (statement.findAll(ReturnStmt.class).stream().anyMatch(r -> ownReturn(r, statement))) {
        return false; // a run may return before the check
      }
    }
    return false;
  }

  /** {@code AppUtils.validate(page, size)}: the one static or private method it runs checks its own parameter. */
  private boolean helperChecks(IndexedMethod method, MethodCallExpr call, String parameter) {
    int position = -1;
    for (int i = 0; i < call.getArguments().size(); i++) {
      if (call.getArgument(i) instanceof NameExpr name && name.getNameAsString().equals(parameter)) {
        position = i;
      }
    }
    if (position < 0 || call.getBegin().isEmpty()) {
      return false;
    }
    List<IndexedMethod> targets = KeptCalls.among(method.fact().calls(), call)
        .filter(c -> c.argumentCount() == call.getArguments().size()).map(index::targetsOf).orElse(List.of());
    if (targets.size() != 1 || !(targets.get(0).fact().isStatic() || targets.get(0).fact().isPrivate())) {
      return false; // an overridable method: a subclass's may check nothing
    }
    IndexedMethod helper = targets.get(0);
    Optional<CallableDeclaration<?>> declared = whole.declaration(helper);
    if (declared.isEmpty() || position >= declared.get().getParameters().size()
        || declared.get().getParameter(position).isVarArgs()) {
      return false;
    }
    return checks(helper, declared.get(), declared.get().getParameter(position).getNameAsString(), false);
  }

  /** {@code size > C}, {@code size >= C}, {@code C < size}, or any of them in an {@code ||}. */
  private boolean bounds(Expression condition, String parameter, CallableDeclaration<?> at) {
    Expression bare = condition;
    while (bare instanceof EnclosedExpr enclosed) {
      bare = enclosed.getInner();
    }
    if (!(bare instanceof BinaryExpr compared)) {
      return false;
    }
    BinaryExpr.Operator operator = compared.getOperator();
    if (operator == BinaryExpr.Operator.OR) {
      return bounds(compared.getLeft(), parameter, at) || bounds(compared.getRight(), parameter, at);
    }
    boolean above = operator == BinaryExpr.Operator.GREATER || operator == BinaryExpr.Operator.GREATER_EQUALS;
    boolean below = operator == BinaryExpr.Operator.LESS || operator == BinaryExpr.Operator.LESS_EQUALS;
    Expression named = above ? compared.getLeft() : below ? compared.getRight() : null;
    Expression limit = above ? compared.getRight() : below ? compared.getLeft() : null;
    if (!(named instanceof NameExpr name) || !name.getNameAsString().equals(parameter)) {
      return false;
    }
    OptionalLong value = constant(limit, at);
    return value.isPresent() && value.getAsLong() >= 0 && value.getAsLong() <= LARGEST;
  }

  /** A literal, or a static final field of the project initialised by one ({@code AppConstants.MAX_PAGE_SIZE}). */
  private OptionalLong constant(Expression limit, CallableDeclaration<?> at) {
    if (limit instanceof IntegerLiteralExpr literal) {
      return OptionalLong.of(literal.asNumber().longValue());
    }
    Optional<TypeDeclaration<?>> holder = Optional.empty();
    String field = null;
    if (limit instanceof NameExpr name) {
      String named = name.getNameAsString();
      if (at.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(named))
          || at.findAll(VariableDeclarator.class).stream().anyMatch(v -> v.getNameAsString().equals(named))
          || at.findAll(com.github.javaparser.ast.body.Parameter.class).stream()
              .anyMatch(p -> p.getNameAsString().equals(named))) {
        return OptionalLong.empty(); // a local or parameter of that name, not the field (review 46's S1)
      }
      holder = at.findAncestor(TypeDeclaration.class).map(t -> (TypeDeclaration<?>) t);
      field = named;
    } else if (limit instanceof FieldAccessExpr access && access.getScope() instanceof NameExpr type) {
      List<dev.optkit.analyzers.facts.TypeFact> named = index.typesNamed(type.getNameAsString());
      if (named.size() == 1) {
        String simple = type.getNameAsString();
        holder = whole.unitOfType(named.get(0).qualifiedName()).flatMap(unit -> unit.findAll(TypeDeclaration.class)
            .stream().filter(t -> t.getNameAsString().equals(simple)).findFirst()).map(t -> (TypeDeclaration<?>) t);
      }
      field = access.getNameAsString();
    }
    if (holder.isEmpty()) {
      return OptionalLong.empty();
    }
    for (FieldDeclaration declared : holder.get().getFields()) {
      for (VariableDeclarator variable : declared.getVariables()) {
        if (variable.getNameAsString().equals(field) && declared.isStatic() && declared.isFinal()
            && variable.getInitializer().orElse(null) instanceof IntegerLiteralExpr literal) {
          return OptionalLong.of(literal.asNumber().longValue());
        }
      }
    }
    return OptionalLong.empty();
  }

  /** A statement that always ends in a throw: the throw itself, or a block whose last statement is one. */
  private static boolean throwsAlways(Statement then) {
    if (then instanceof ThrowStmt) {
      return true;
    }
    return then instanceof BlockStmt block && !block.getStatements().isEmpty()
        && block.getStatements().getLast().orElse(null) instanceof ThrowStmt
        && block.findAll(ReturnStmt.class).isEmpty();
  }

  private static boolean assigned(BlockStmt body, String parameter) {
    return body.findAll(AssignExpr.class).stream().anyMatch(a -> a.getTarget() instanceof NameExpr n
            && n.getNameAsString().equals(parameter))
        || body.findAll(UnaryExpr.class).stream().anyMatch(u -> u.getExpression() instanceof NameExpr n
            && n.getNameAsString().equals(parameter) && u.getOperator().name().contains("CREMENT"));
  }

  /** A return of the method itself, not of a lambda or a class declared in the statement. */
  private static boolean ownReturn(ReturnStmt stop, Node statement) {
    for (Node at = stop.getParentNode().orElse(null); at != null && at != statement; at = at.getParentNode().orElse(null)) {
      if (at instanceof LambdaExpr || at instanceof TypeDeclaration<?>
          || at instanceof com.github.javaparser.ast.expr.ObjectCreationExpr) {
        return false;
      }
    }
    return true;
  }
}
