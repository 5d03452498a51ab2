package dev.optkit.analyzers.facts.values;

import dev.optkit.analyzers.facts.Subtrees;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Code held in a field that changes state kept between calls when it runs: a lambda assigning, stepping or filling a
 * name it does not own ({@code () -> ++hits}, {@code r -> seen.add(r)}), a method reference of a mutator on a field
 * ({@code seen::add}, {@code SEEN::add}, {@code counter::incrementAndGet}), a reference or a lambda running this
 * class's own method that does so ({@code this::record}, {@code r -> record(r)}), an anonymous class changing its own
 * fields or its outer object's, and code of that kind wrapped in a call, an array or a map ({@code Map.of("seq",
 * counter::incrementAndGet)}, {@code identity().andThen(...)}). Whatever the class's own code gives the field counts:
 * its initialiser, an initialiser block, a constructor or a setter (hostile review 66's F). Syntax of the class
 * itself: a field a superclass declares is not read here.
 */
public final class ChangingCode {
  private ChangingCode() {}

  /** Whether any value the class's code gives the field (the class around {@code at}) is changing code. */
  public static boolean inField(Node at, String field) {
    TypeDeclaration<?> type = at.findAncestor(TypeDeclaration.class).orElse(null);
    for (TypeDeclaration<?> around = type; around != null;
        around = around.getParentNode().flatMap(p -> p.findAncestor(TypeDeclaration.class)).orElse(null)) {
      if (around.getFieldByName(field).isPresent()) {
        type = around;
        break;
      }
    }
    if (type == null || type.getFieldByName(field).isEmpty()) {
      return false;
    }
    // once per class and field for the whole file: each of the class's methods asked again, and each answer walks the
    // class's assignments (15% of spring-framework's parse threads before)
    if (!type.containsData(ANSWERS)) {
      type.setData(ANSWERS, new java.util.HashMap<>());
    }
    java.util.Map<String, Boolean> answers = type.getData(ANSWERS);
    Boolean known = answers.get(field);
    if (known == null) {
      known = givenChangingCode(type, field);
      answers.put(field, known);
    }
    return known;
  }

  /** What {@link #inField} answered for each field of a class, kept on the class's node. */
  private static final com.github.javaparser.ast.DataKey<java.util.Map<String, Boolean>> ANSWERS =
      new com.github.javaparser.ast.DataKey<>() {};

  private static boolean givenChangingCode(TypeDeclaration<?> type, String field) {
    List<Expression> given = new ArrayList<>();
    type.getFieldByName(field).get().getVariables().stream().filter(v -> v.getNameAsString().equals(field))
        .forEach(v -> v.getInitializer().ifPresent(given::add));
    for (AssignExpr assign : Subtrees.all(type, AssignExpr.class)) {
      Expression target = assign.getTarget();
      boolean named = target instanceof NameExpr name && name.getNameAsString().equals(field)
          && !NameScopes.declaredInScope(field, name)
          || target instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr
              && access.getNameAsString().equals(field);
      if (named) {
        given.add(assign.getValue());
      }
    }
    for (Expression value : given) {
      if (changing(value, type)) {
        return true;
      }
    }
    return false;
  }

  /** Whether code, or code within a value (a call's arguments, an array, a map), changes state outside itself. */
  static boolean changing(Expression code, TypeDeclaration<?> type) {
    if (code instanceof LambdaExpr lambda) {
      return changesState(lambda, type);
    }
    if (code instanceof MethodReferenceExpr reference) {
      String id = reference.getIdentifier();
      if (reference.getScope() instanceof ThisExpr) {
        return ownMethodChanges(type, id, -1); // this::record, whose body fills a field
      }
      // SEEN::add names a field however it is written (hostile review 66's f_static_ref); Role::setName a type
      boolean onType = reference.getScope() instanceof TypeExpr named
          && !Character.isLowerCase(named.getType().asString().charAt(0))
          && !NameScopes.ownFieldAround(named.getType().asString(), reference)
          || reference.getScope() instanceof TypeExpr value && immutableField(type, value.getType().asString());
      return !onType && (ForeignFieldWrites.CHANGING_CALLS.contains(id) || CallEffects.isSetter(id));
    }
    if (code instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent()) {
      return changesOwnFields(creation.getAnonymousClassBody().get()) || changesOutside(creation, type);
    }
    for (Node inner : code.getChildNodes()) {
      if (inner instanceof Expression nested && changing(nested, type)) {
        return true; // Map.of("seq", counter::incrementAndGet), new IntSupplier[] {...}, f.andThen(r -> ...)
      }
    }
    return false;
  }

  /** Whether a lambda's code assigns a name it did not declare, or calls a changing method on one. */
  static boolean changesState(LambdaExpr code, TypeDeclaration<?> type) {
    Set<String> own = new HashSet<>();
    code.getParameters().forEach(p -> own.add(p.getNameAsString()));
    Subtrees.all(code, VariableDeclarator.class).forEach(v -> own.add(v.getNameAsString()));
    return changesNames(code, own, type);
  }

  /** Whether code assigns, steps or fills a name outside {@code own}, or runs an own method that does. */
  private static boolean changesNames(Node code, Set<String> own, TypeDeclaration<?> type) {
    for (AssignExpr assign : Subtrees.all(code, AssignExpr.class)) {
      String target = assigned(assign.getTarget());
      if (target == null || !own.contains(target)) {
        return true;
      }
    }
    for (UnaryExpr step : Subtrees.all(code, UnaryExpr.class)) {
      // () -> ++hits: a step of a name the code does not own (hostile review 66's f_unary_lambda)
      if (step.getOperator().name().contains("CREMENT") && !own.contains(assigned(step.getExpression()))) {
        return true;
      }
    }
    for (MethodCallExpr call : Subtrees.all(code, MethodCallExpr.class)) {
      Expression scope = call.getScope().orElse(null);
      Integer changed = scope instanceof NameExpr helper
          ? CallEffects.STATIC_MUTATORS.get(helper.getNameAsString() + "." + call.getNameAsString()) : null;
      if (changed != null) {
        // Collections.sort(copy) changes copy, the code's own unless it is a name from outside (hostile review 66)
        if (call.getArguments().size() > changed && !(call.getArgument(changed) instanceof NameExpr sorted
            && own.contains(sorted.getNameAsString()))) {
          return true;
        }
        continue;
      }
      if (ForeignFieldWrites.CHANGING_CALLS.contains(call.getNameAsString()) && scope != null
          && sharedRoot(scope, own, type)) {
        return true; // seen.add(r), this.seen.add(r), seen().add(r); not sb.append(r).append('!') on a local
      }
      if ((scope == null || scope instanceof ThisExpr) && type != null
          && ownMethodChanges(type, call.getNameAsString(), call.getArguments().size())) {
        return true; // r -> record(r), whose body fills a field
      }
    }
    return false;
  }

  /**
   * Whether what a chain of calls starts from may be shared: a name the code does not own, another object's field, or
   * what an own method returns ({@code seen()}); not a local, an object made here ({@code new StringBuilder()}), a
   * static factory's new value ({@code BigDecimal.valueOf(x)}, {@code Stream.builder()}) or an immutable field's value.
   */
  private static boolean sharedRoot(Expression scope, Set<String> own, TypeDeclaration<?> type) {
    Expression at = scope;
    while (at instanceof MethodCallExpr call && call.getScope().isPresent() && !(call.getScope().get() instanceof ThisExpr)
        && !(call.getScope().get() instanceof NameExpr helper && Character.isUpperCase(helper.getNameAsString().charAt(0))
            && (type == null || type.getFieldByName(helper.getNameAsString()).isEmpty()))) {
      at = call.getScope().get();
    }
    if (at instanceof MethodCallExpr call) {
      return call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr; // seen(), this.seen(); not X.of()
    }
    if (at instanceof NameExpr name) {
      return !own.contains(name.getNameAsString()) && !immutableField(type, name.getNameAsString());
    }
    return at instanceof FieldAccessExpr;
  }

  /** A field of the class holding an immutable value ({@code static final BigDecimal FEE}): its methods change nothing. */
  private static boolean immutableField(TypeDeclaration<?> type, String name) {
    return type != null && type.getFieldByName(name).map(field -> field.getVariables().stream()
        .filter(v -> v.getNameAsString().equals(name)).anyMatch(v -> IMMUTABLE_VALUES.contains(
            v.getType().asString().replaceAll(".*\\.", "")))).orElse(false);
  }

  private static final Set<String> IMMUTABLE_VALUES = Set.of("String", "BigDecimal", "BigInteger", "Integer", "Long",
      "Double", "Instant", "LocalDate", "LocalDateTime", "Duration");

  /**
   * Whether a method of the class of that name and arity (-1: a reference's, one or two) changes a field: assigns,
   * steps or fills a name it does not own.
   */
  private static boolean ownMethodChanges(TypeDeclaration<?> type, String name, int arity) {
    for (MethodDeclaration method : type.getMethodsByName(name)) {
      int params = method.getParameters().size();
      if (method.getBody().isEmpty() || (arity < 0 ? params < 1 || params > 2 : params != arity)) {
        continue;
      }
      Set<String> own = new HashSet<>();
      method.getParameters().stream().map(Parameter::getNameAsString).forEach(own::add);
      Subtrees.all(method, Parameter.class).forEach(p -> own.add(p.getNameAsString()));
      Subtrees.all(method, VariableDeclarator.class).forEach(v -> own.add(v.getNameAsString()));
      if (changesNames(method.getBody().get(), own, null)) {
        return true;
      }
    }
    return false;
  }

  /** Whether an anonymous class's code changes a name neither it nor its methods declare: the outer object's. */
  private static boolean changesOutside(ObjectCreationExpr anonymous, TypeDeclaration<?> type) {
    Set<String> own = new HashSet<>();
    for (BodyDeclaration<?> member : anonymous.getAnonymousClassBody().get()) {
      if (member instanceof FieldDeclaration field) {
        field.getVariables().forEach(v -> own.add(v.getNameAsString()));
      }
      Subtrees.all(member, Parameter.class).forEach(p -> own.add(p.getNameAsString()));
      Subtrees.all(member, VariableDeclarator.class).forEach(v -> own.add(v.getNameAsString()));
    }
    for (BodyDeclaration<?> member : anonymous.getAnonymousClassBody().get()) {
      if (member instanceof MethodDeclaration method && method.getBody().isPresent()
          && changesNames(method.getBody().get(), own, null)) {
        return true;
      }
    }
    return false;
  }

  /** Whether an anonymous class's code assigns or steps a field it declares. */
  private static boolean changesOwnFields(List<BodyDeclaration<?>> body) {
    Set<String> own = new HashSet<>();
    for (BodyDeclaration<?> member : body) {
      if (member instanceof FieldDeclaration field && !field.isFinal()) {
        field.getVariables().forEach(v -> own.add(v.getNameAsString()));
      }
    }
    if (own.isEmpty()) {
      return false;
    }
    for (BodyDeclaration<?> member : body) {
      for (AssignExpr assign : Subtrees.all(member, AssignExpr.class)) {
        if (own.contains(assigned(assign.getTarget()))) {
          return true;
        }
      }
      for (UnaryExpr step : Subtrees.all(member, UnaryExpr.class)) {
        if (step.getOperator().name().contains("CREMENT") && own.contains(assigned(step.getExpression()))) {
          return true;
        }
      }
    }
    return false;
  }

  /** The name a write lands in: {@code n}, {@code this.n}, {@code u.name} and {@code a[0]} (a local's object). */
  private static String assigned(Expression target) {
    Expression at = target;
    while (true) {
      if (at instanceof NameExpr name) {
        return name.getNameAsString();
      }
      if (at instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
        return access.getNameAsString();
      }
      if (at instanceof FieldAccessExpr access) {
        at = access.getScope();
      } else if (at instanceof com.github.javaparser.ast.expr.ArrayAccessExpr slot) {
        at = slot.getName();
      } else if (at instanceof com.github.javaparser.ast.expr.EnclosedExpr enclosed) {
        at = enclosed.getInner();
      } else {
        return null;
      }
    }
  }
}
