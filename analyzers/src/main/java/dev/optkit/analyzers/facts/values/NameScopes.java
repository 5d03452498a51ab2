package dev.optkit.analyzers.facts.values;

import dev.optkit.analyzers.facts.Subtrees;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import java.util.ArrayList;
import java.util.List;

/**
 * What a simple name stands for where it is written, by syntax: a local whose declaration is in scope
 * there, a field of a class around it, a variable bound without a value the body shows; and whether a
 * class made there is an inner class holding its enclosing object. {@link ValueRoots} asks it where
 * one name may be both a local somewhere in the body and a field (hostile review 61).
 */
public final class NameScopes {
  private NameScopes() {}

  static boolean boundWithoutValue(String name, Node at) {
    // the outermost method around the reference: an anonymous or local class's method may name the outer method's
    // for-each or lambda variable (hostile review 61's anon_foreach_ref)
    Node method = at;
    for (Node up = at; up != null; up = up.getParentNode().orElse(null)) {
      if (up instanceof CallableDeclaration<?>) {
        method = up;
      }
    }
    return Subtrees.all(method, Parameter.class).stream().anyMatch(p -> p.getNameAsString().equals(name))
        || Subtrees.all(method, TypePatternExpr.class).stream().anyMatch(p -> p.getNameAsString().equals(name))
        || Subtrees.all(method, ForEachStmt.class).stream()
            .anyMatch(loop -> loop.getVariableDeclarator().getNameAsString().equals(name));
  }

  /**
   * Whether a class around the reference declares a field of that name: the name at the reference may be the field,
   * a local of that name standing in another scope of the body (hostile review 61's shadow_ref).
   */
  static boolean fieldNamed(String name, Node at) {
    for (Node up = at; up != null; up = up.getParentNode().orElse(null)) {
      if (declaresField(up, name)) {
        return true;
      }
    }
    return false;
  }


  /**
   * Whether the type created is an inner class (a member class that is not static, or a class declared in a
   * method) of a class around the creation: each of its objects holds the enclosing object.
   */
  static boolean innerClass(ObjectCreationExpr creation, String type) {
    for (Node up = creation; up != null; up = up.getParentNode().orElse(null)) {
      if (up instanceof ClassOrInterfaceDeclaration outer) {
        for (BodyDeclaration<?> member : outer.getMembers()) {
          if (member instanceof ClassOrInterfaceDeclaration nested
              && nested.getNameAsString().equals(type)) {
            return !nested.isStatic() && !nested.isInterface() && !outer.isInterface()
                && dev.optkit.analyzers.facts.values.OuterInstanceUses.mayUse(nested);
          }
        }
      }
      if (up instanceof BlockStmt block && block.getStatements().stream()
          .anyMatch(s -> s instanceof LocalClassDeclarationStmt local
              && local.getClassDeclaration().getNameAsString().equals(type))) {
        return true;
      }
    }
    return false;
  }


  /**
   * Whether a declaration of a local (or a parameter) of this name is in scope at the use: before it in a block
   * around it, a for's or try's own, a lambda's, a catch's, a for-each's or a method's parameter. A field of a
   * class declared between them (an anonymous or local class's) hides an outer local. Pattern variables count as
   * in scope wherever the method has one of the name, unless a field has it too (then the use is not taken for
   * the local alone).
   */
  public static boolean declaredInScope(String name, Node use) {
    Node child = use;
    for (Node up = use.getParentNode().orElse(null); up != null; child = up, up = up.getParentNode().orElse(null)) {
      if (declaredAt(up, child, name).isPresent()) {
        return true;
      }
      if (up instanceof CallableDeclaration<?> callable && patternNames(callable).contains(name)) {
        // where a pattern's variable is in scope is flow-sensitive: with a field of the name, count both (review 62)
        return !fieldNamed(name, use);
      }
      if (declaresField(up, name)) {
        return false;
      }
    }
    return false;
  }

  /**
   * Where the node {@code up}, reached from its child {@code child}, declares a local or parameter of the name in scope
   * below it: empty when it does not; else the type written there, empty when none is ({@code var}, an untyped lambda
   * parameter). A block's declaration before the child, a lambda's, a method's or a catch's parameter, a for-each's
   * variable (not in its iterable), a for's, or a try resource in its block or the resources after it.
   */
  private static java.util.Optional<java.util.Optional<com.github.javaparser.ast.type.Type>> declaredAt(Node up,
      Node child, String name) {
    java.util.Optional<com.github.javaparser.ast.type.Type> found = null;
    if (up instanceof BlockStmt block) {
      for (Statement statement : block.getStatements()) {
        if (statement == child) {
          break;
        }
        if (statement instanceof ExpressionStmt expression && declares(expression.getExpression(), name)) {
          found = variableType(expression.getExpression(), name);
        }
      }
    } else if (up instanceof LambdaExpr lambda && named(lambda.getParameters(), name)) {
      found = parameterType(lambda.getParameters(), name);
    } else if (up instanceof CallableDeclaration<?> callable && named(callable.getParameters(), name)) {
      found = parameterType(callable.getParameters(), name);
    } else if (up instanceof CatchClause catchClause && catchClause.getParameter().getNameAsString().equals(name)) {
      found = java.util.Optional.of(catchClause.getParameter().getType());
    } else if (up instanceof ForEachStmt loop && loop.getVariableDeclarator().getNameAsString().equals(name)
        && child != loop.getIterable()) {
      found = java.util.Optional.of(loop.getVariableDeclarator().getType());
    } else if (up instanceof ForStmt loop) {
      for (Expression initialization : loop.getInitialization()) {
        if (declares(initialization, name)) {
          found = variableType(initialization, name);
        }
      }
    } else if (up instanceof TryStmt attempt && (child == attempt.getTryBlock() || attempt.getResources().contains(child))) {
      // a try's resource is in scope in its block (and the resources after it), not in its catch or finally
      for (Expression resource : attempt.getResources()) {
        if (declares(resource, name)) {
          found = variableType(resource, name);
        }
      }
    }
    return found == null ? java.util.Optional.empty()
        : java.util.Optional.of(found.filter(type -> !type.isVarType() && !type.isUnknownType()));
  }

  /**
   * The type written where the local (or parameter) of this name in scope at the use is declared, nearest first, as
   * {@link #declaredInScope} finds it: a block's declaration before the use, a lambda's, a method's or a catch's
   * parameter, a for-each's, a for's or a try resource's variable; empty where none is found or its type is not
   * written ({@code var}, a lambda's untyped parameter). Two locals of one name in sibling scopes are told apart.
   */
  public static java.util.Optional<com.github.javaparser.ast.type.Type> typeInScope(String name, Node use) {
    Node child = use;
    for (Node up = use.getParentNode().orElse(null); up != null; child = up, up = up.getParentNode().orElse(null)) {
      java.util.Optional<java.util.Optional<com.github.javaparser.ast.type.Type>> found = declaredAt(up, child, name);
      if (found.isPresent()) {
        return found.get();
      }
      if (up instanceof CallableDeclaration<?> || declaresField(up, name)) {
        return java.util.Optional.empty();
      }
    }
    return java.util.Optional.empty();
  }

  private static java.util.Optional<com.github.javaparser.ast.type.Type> variableType(Expression declaration, String name) {
    return ((VariableDeclarationExpr) declaration).getVariables().stream().filter(v -> v.getNameAsString().equals(name))
        .findFirst().map(VariableDeclarator::getType);
  }

  private static java.util.Optional<com.github.javaparser.ast.type.Type> parameterType(List<Parameter> parameters,
      String name) {
    return parameters.stream().filter(p -> p.getNameAsString().equals(name)).findFirst().map(Parameter::getType);
  }

  /**
   * The value a local holds at a use when a statement of a block around the use declares it, nearest first, with an
   * initializer, and nothing in that block assigns the name again (an object reference: no increment changes it); else
   * empty. Unlike a method-wide lookup by name, it
   * tells apart two locals of one name in sibling blocks ({@code if (..) { Single<T> r = a(); .. } Single<T> r = b();}).
   */
  public static java.util.Optional<Expression> givenOnce(String name, Node use) {
    java.util.Optional<VariableDeclarator> found = declaratorAround(name, use);
    if (found.isEmpty()) {
      return java.util.Optional.empty();
    }
    Node block = found.get().findAncestor(BlockStmt.class).orElseThrow();
    boolean assigned = Subtrees.all(block, com.github.javaparser.ast.expr.AssignExpr.class).stream()
        .anyMatch(a -> a.getTarget() instanceof NameExpr target && target.getNameAsString().equals(name));
    return assigned ? java.util.Optional.empty() : found.get().getInitializer();
  }

  /**
   * The local of this name a statement of a block around the use declares before it, nearest block first, within the
   * use's method or lambda; empty for a parameter or a field.
   */
  public static java.util.Optional<VariableDeclarator> declaratorAround(String name, Node use) {
    Node child = use;
    for (Node up = use.getParentNode().orElse(null); up != null && !(up instanceof CallableDeclaration<?>)
        && !(up instanceof LambdaExpr); child = up, up = up.getParentNode().orElse(null)) {
      if (up instanceof BlockStmt block) {
        VariableDeclarator found = null;
        for (Statement statement : block.getStatements()) {
          if (statement == child) {
            break;
          }
          if (statement instanceof ExpressionStmt expression && declares(expression.getExpression(), name)) {
            found = ((VariableDeclarationExpr) expression.getExpression()).getVariables().stream()
                .filter(v -> v.getNameAsString().equals(name)).findFirst().orElseThrow();
          }
        }
        if (found != null) {
          return java.util.Optional.of(found);
        }
      }
    }
    return java.util.Optional.empty();
  }

  /** The names a method's type patterns declare ({@code o instanceof Vet v}), found once per method and kept on it. */
  private static java.util.Set<String> patternNames(CallableDeclaration<?> callable) {
    if (!callable.containsData(PATTERN_NAMES)) {
      java.util.Set<String> names = new java.util.HashSet<>();
      Subtrees.all(callable, TypePatternExpr.class).forEach(pattern -> names.add(pattern.getNameAsString()));
      callable.setData(PATTERN_NAMES, names);
    }
    return callable.getData(PATTERN_NAMES);
  }

  private static final com.github.javaparser.ast.DataKey<java.util.Set<String>> PATTERN_NAMES =
      new com.github.javaparser.ast.DataKey<>() {};

  private static boolean named(List<Parameter> parameters, String name) {
    return parameters.stream().anyMatch(p -> p.getNameAsString().equals(name));
  }

  private static boolean declares(com.github.javaparser.ast.expr.Expression expression, String name) {
    return expression instanceof VariableDeclarationExpr declaration
        && declaration.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(name));
  }

  /**
   * Whether the class declared here has a field of the name: its own, a record's component, or maybe one it inherits
   * (a class extending another, whose fields this file does not show: hostile review 62's inherited_shadow_ref).
   */
  private static boolean declaresField(Node at, String name) {
    if (at instanceof com.github.javaparser.ast.body.RecordDeclaration record
        && record.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(name))) {
      return true;
    }
    if (at instanceof ClassOrInterfaceDeclaration type && !type.isInterface() && !type.getExtendedTypes().isEmpty()) {
      return true;
    }
    return declaresOwnField(at, name);
  }

  /** A field a class around the node declares itself ({@code LABELER} beside {@code Labeler}), not one it may inherit. */
  public static boolean ownFieldAround(String name, Node at) {
    for (Node up = at; up != null; up = up.getParentNode().orElse(null)) {
      if (declaresOwnField(up, name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean declaresOwnField(Node at, String name) {
    List<BodyDeclaration<?>> members = at instanceof TypeDeclaration<?> type ? type.getMembers()
        : at instanceof ObjectCreationExpr anonymous ? anonymous.getAnonymousClassBody().orElse(null) : null;
    return members != null && members.stream().anyMatch(member -> member instanceof FieldDeclaration field
        && field.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(name)));
  }

  /**
   * The field of this object a method reference runs on ({@code allowed::contains}, {@code this.seen::add}), or null:
   * JavaParser reads a lower-case simple name before {@code ::} as a type, which a field's name is not.
   */
  public static String referencedField(com.github.javaparser.ast.expr.MethodReferenceExpr reference,
      java.util.function.Predicate<String> isLocal) {
    return referencedField(reference, isLocal, name -> false);
  }

  /** @param isField a field this class declares, whatever its case ({@code SEEN::add}: hostile review 64's B) */
  public static String referencedField(com.github.javaparser.ast.expr.MethodReferenceExpr reference,
      java.util.function.Predicate<String> isLocal, java.util.function.Predicate<String> isField) {
    com.github.javaparser.ast.expr.Expression scope = reference.getScope();
    String name = null;
    if (scope instanceof com.github.javaparser.ast.expr.TypeExpr type
        && type.getType() instanceof com.github.javaparser.ast.type.ClassOrInterfaceType plain && plain.getScope().isEmpty()
        && plain.getTypeArguments().isEmpty()) {
      name = plain.getNameAsString();
    } else if (scope instanceof com.github.javaparser.ast.expr.NameExpr named) {
      name = named.getNameAsString();
    } else if (scope instanceof com.github.javaparser.ast.expr.FieldAccessExpr access
        && access.getScope() instanceof com.github.javaparser.ast.expr.ThisExpr) {
      return access.getNameAsString();
    }
    return name != null && (Character.isLowerCase(name.charAt(0)) || isField.test(name)) && !isLocal.test(name) ? name : null;
  }

  /** Whether the body gives the local one of this object's fields, or what an own getter returns. */
  static boolean holdsOwnField(String local, List<VariableDeclarator> declarators,
      List<com.github.javaparser.ast.expr.AssignExpr> assignments, java.util.function.Predicate<String> isLocal) {
    List<com.github.javaparser.ast.expr.Expression> given = new ArrayList<>();
    declarators.stream().filter(d -> d.getNameAsString().equals(local)).forEach(d -> d.getInitializer().ifPresent(given::add));
    assignments.stream().filter(a -> a.getTarget() instanceof com.github.javaparser.ast.expr.NameExpr target
        && target.getNameAsString().equals(local)).forEach(a -> given.add(a.getValue()));
    return given.stream().map(CallEffects::unwrap).anyMatch(value -> value instanceof com.github.javaparser.ast.expr.NameExpr name
        && !isLocal.test(name.getNameAsString())
        || value instanceof com.github.javaparser.ast.expr.FieldAccessExpr access
            && access.getScope() instanceof com.github.javaparser.ast.expr.ThisExpr
        || value instanceof com.github.javaparser.ast.expr.MethodCallExpr call && call.getArguments().isEmpty()
            && call.getScope().map(scope -> scope instanceof com.github.javaparser.ast.expr.ThisExpr).orElse(true));
  }

  /**
   * The variable a qualified name before {@code ::} starts with ({@code holder} of {@code holder.list::add}, which
   * JavaParser reads as a type), or null for a type's or a package's name (hostile review 64's A).
   */
  public static String qualifiedRoot(com.github.javaparser.ast.expr.Expression scope,
      java.util.function.Predicate<String> isVariable) {
    if (!(scope instanceof com.github.javaparser.ast.expr.TypeExpr type
        && type.getType() instanceof com.github.javaparser.ast.type.ClassOrInterfaceType named && named.getScope().isPresent())) {
      return null;
    }
    com.github.javaparser.ast.type.ClassOrInterfaceType first = named;
    while (first.getScope().isPresent()) {
      first = first.getScope().get();
    }
    String root = first.getNameAsString();
    return Character.isLowerCase(root.charAt(0)) && isVariable.test(root) ? root : null;
  }

  /**
   * Whether a reference's scope is an object reached from elsewhere, not one the call made: {@code holder.list},
   * {@code this.holder.list}, {@code UserDao.SEEN}, {@code seen[0]}, {@code ((List<String>) seen)}, {@code seen()}
   * (hostile review 64's A, C, I: a mutator run on it changes what it holds).
   */
  public static boolean reachedObject(com.github.javaparser.ast.expr.Expression scope) {
    return qualifiedRoot(scope, name -> true) != null || constantScope(scope)
        || scope instanceof com.github.javaparser.ast.expr.FieldAccessExpr
        || scope instanceof com.github.javaparser.ast.expr.ArrayAccessExpr || scope instanceof com.github.javaparser.ast.expr.CastExpr
        || scope instanceof com.github.javaparser.ast.expr.EnclosedExpr
        || scope instanceof com.github.javaparser.ast.expr.MethodCallExpr;
  }

  /**
   * A name for a {@code static final} field of a class around it whose initialiser is a literal or a sum of literals
   * ({@code static final String GAME_ID = "game_id"}): a value nobody changes.
   */
  static boolean literalConstant(com.github.javaparser.ast.expr.NameExpr name) {
    for (com.github.javaparser.ast.Node at = name.getParentNode().orElse(null); at != null;
        at = at.getParentNode().orElse(null)) {
      if (at instanceof com.github.javaparser.ast.body.TypeDeclaration<?> type) {
        var field = type.getFieldByName(name.getNameAsString());
        if (field.isPresent()) {
          return field.get().isStatic() && field.get().isFinal() && field.get().getVariables().stream()
              .filter(v -> v.getNameAsString().equals(name.getNameAsString()))
              .allMatch(v -> v.getInitializer().map(ValueRoots::literalValue).orElse(false));
        }
      }
    }
    return false;
  }

  /** {@code Labelers.MAIN}: JavaParser reads a constant's qualified name before {@code ::} as a type. */
  public static boolean constantScope(Expression scope) {
    String name = scope instanceof com.github.javaparser.ast.expr.TypeExpr type
        && type.getType() instanceof com.github.javaparser.ast.type.ClassOrInterfaceType named && named.getScope().isPresent()
        ? named.getNameAsString()
        : scope instanceof com.github.javaparser.ast.expr.FieldAccessExpr access && access.getScope() instanceof NameExpr owner
            && Character.isUpperCase(owner.getNameAsString().charAt(0)) ? access.getNameAsString() : null;
    return name != null && name.length() > 1 && name.chars().anyMatch(Character::isLetter)
        && name.chars().allMatch(c -> Character.isUpperCase(c) || Character.isDigit(c) || c == '_');
  }
}
