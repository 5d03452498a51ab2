package dev.optkit.analyzers.facts.values;

import dev.optkit.analyzers.facts.Subtrees;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.optkit.analyzers.facts.types.TypeNames;
import java.util.List;
import java.util.TreeSet;

/**
 * The fields of other objects and classes a type's code assigns: {@code PetMappers.suffix = s} in a controller,
 * {@code dao.prefix = p}. A field its own class never assigns after construction is still state that changes when
 * another class does (hostile review 37's a8: a row mapper appending a static another class sets, cached). Each
 * entry is {@code static:T#f} (the scope names a type), {@code instance:T#f} (a variable of type T) or
 * {@code instance:*#f} (a receiver of a type the declarations do not give: any class's field of that name).
 */
public final class ForeignFieldWrites {
  private ForeignFieldWrites() {}

  /** Calls that change the object they are made on: an atomic's, a container's (hostile review 38's f10, f11). */
  static final java.util.Set<String> CHANGING_CALLS = new java.util.HashSet<>(CallEffects.MUTATORS);

  static {
    CHANGING_CALLS.addAll(java.util.Set.of("getAndSet", "incrementAndGet", "decrementAndGet", "getAndIncrement",
        "getAndDecrement", "addAndGet", "getAndAdd", "compareAndSet", "weakCompareAndSet", "lazySet", "setPlain",
        "setRelease", "setOpaque", "accumulateAndGet", "getAndAccumulate", "updateAndGet", "getAndUpdate", "increment",
        "decrement", "reset"));
  }

  public static List<String> of(TypeDeclaration<?> type, TypeNames names) {
    TreeSet<String> found = new TreeSet<>();
    for (AssignExpr assign : Subtrees.all(type, AssignExpr.class)) {
      if (own(assign, type)) {
        note(assign.getTarget(), names, found, type);
      }
    }
    for (UnaryExpr step : Subtrees.all(type, UnaryExpr.class)) {
      if (own(step, type) && step.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT || step.getOperator() == UnaryExpr.Operator.PREFIX_DECREMENT
          || step.getOperator() == UnaryExpr.Operator.POSTFIX_INCREMENT
          || step.getOperator() == UnaryExpr.Operator.POSTFIX_DECREMENT) {
        note(step.getExpression(), names, found, type);
      }
    }
    for (com.github.javaparser.ast.expr.MethodCallExpr call : Subtrees.all(type, com.github.javaparser.ast.expr.MethodCallExpr.class)) {
      // PetMappers.SUFFIX.set(s), CONF.put(k, v): the holder a final field keeps is changed, the field stays
      if (own(call, type) && CHANGING_CALLS.contains(call.getNameAsString()) && call.getScope().isPresent()
          && (call.getScope().get() instanceof FieldAccessExpr || call.getScope().get() instanceof NameExpr)) {
        note(call.getScope().get(), names, found, type);
      } else if (own(call, type) && CHANGING_CALLS.contains(call.getNameAsString())
          && call.getScope().orElse(null) instanceof com.github.javaparser.ast.expr.MethodCallExpr accessor
          && accessor.getArguments().isEmpty() && accessor.getScope().isPresent()
          && !(accessor.getScope().get() instanceof ThisExpr)) {
        // holder.getAllowed().add(x), limits.allowed().add(x): the field a getter or a record's accessor hands out,
        // of a class the receiver's declaration may not give: any class's field of that name (review 66's P)
        if (!constructingOwn(accessor, type)) {
          accessedField(accessor.getNameAsString()).ifPresent(field -> found.add("instance:*#" + field));
        }
      }
    }
    reflectiveWrites(type, names, found);
    for (FieldAccessExpr read : Subtrees.all(type, FieldAccessExpr.class)) {
      // users.holder, this.users.holder: a field of another object read directly, which a Spring proxy of that object
      // does not hold (hostile reviews 66's X and 69's x_this_scope)
      com.github.javaparser.ast.type.Type declared = null;
      if (own(read, type) && read.getScope() instanceof NameExpr variable
          && Character.isLowerCase(variable.getNameAsString().charAt(0))) {
        declared = declaredType(variable);
      } else if (own(read, type) && read.getScope() instanceof FieldAccessExpr field && field.getScope() instanceof ThisExpr) {
        declared = type.getFieldByName(field.getNameAsString()).flatMap(f -> f.getVariables().stream()
            .filter(v -> v.getNameAsString().equals(field.getNameAsString())).findFirst())
            .map(com.github.javaparser.ast.body.VariableDeclarator::getType).orElse(null);
      }
      if (declared != null && !declared.isVarType() && declared.isClassOrInterfaceType()) {
        found.add(READ + names.qualify(declared).name() + "#" + read.getNameAsString());
      }
    }
    return List.copyOf(found);
  }

  /**
   * {@code { holder.allowed.add("admin"); }}, {@code this.holder.getAllowed().add(r)} in a constructor: the object
   * being made fills what its own instance field holds, which is construction (hostile review 66's
   * c_holder_no_seeded), not a change of another object's field after its construction.
   */
  private static boolean constructingOwn(Expression target, TypeDeclaration<?> type) {
    boolean constructing = target.findAncestor(com.github.javaparser.ast.body.ConstructorDeclaration.class).isPresent()
        || target.findAncestor(com.github.javaparser.ast.body.InitializerDeclaration.class).filter(i -> !i.isStatic())
            .isPresent();
    if (!constructing || target.findAncestor(com.github.javaparser.ast.expr.LambdaExpr.class).isPresent()) {
      return false;
    }
    Expression at = target;
    while (at instanceof FieldAccessExpr || at instanceof com.github.javaparser.ast.expr.MethodCallExpr
        || at instanceof com.github.javaparser.ast.expr.ArrayAccessExpr) {
      Expression next = at instanceof FieldAccessExpr field ? field.getScope()
          : at instanceof com.github.javaparser.ast.expr.ArrayAccessExpr element ? element.getName()
          : ((com.github.javaparser.ast.expr.MethodCallExpr) at).getScope().orElse(null);
      if (next instanceof ThisExpr && at instanceof FieldAccessExpr own) {
        return type.getFieldByName(own.getNameAsString()).filter(f -> !f.isStatic()).isPresent();
      }
      if (next == null) {
        return false;
      }
      at = next;
    }
    return at != target && at instanceof NameExpr name && !NameScopes.declaredInScope(name.getNameAsString(), name)
        && type.getFieldByName(name.getNameAsString()).filter(f -> !f.isStatic()).isPresent();
  }

  /** {@code getAllowed} and {@code isOpen} name fields {@code allowed} and {@code open}; a record's {@code allowed} itself. */
  private static java.util.Optional<String> accessedField(String accessor) {
    for (String prefix : List.of("get", "is")) {
      if (accessor.length() > prefix.length() && accessor.startsWith(prefix)
          && Character.isUpperCase(accessor.charAt(prefix.length()))) {
        return java.util.Optional.of(Character.toLowerCase(accessor.charAt(prefix.length()))
            + accessor.substring(prefix.length() + 1));
      }
    }
    return accessor.equals("get") || accessor.equals("stream") || accessor.equals("iterator")
        ? java.util.Optional.empty() : java.util.Optional.of(accessor);
  }

  /** The prefix of an entry naming a field of another object this type's code reads directly ({@code users.holder}). */
  public static final String READ = "read:";

  private static final java.util.Set<String> FIELD_SETS = java.util.Set.of("set", "setInt", "setLong", "setBoolean",
      "setByte", "setChar", "setShort", "setFloat", "setDouble");
  /** Library helpers writing a field named by a string: Spring's, Apache Commons'. */
  private static final java.util.Set<String> NAMED_FIELD_WRITERS = java.util.Set.of("setField", "writeField",
      "writeStaticField", "writeDeclaredField", "writeDeclaredStaticField");

  /**
   * Fields written by reflection (hostile review 38's f7: {@code PetMappers.class.getDeclaredField("suffix")} then
   * {@code f.set(null, s)}): a field named by a literal, in a method that also sets a Field; or a helper writing a field
   * by its name ({@code ReflectionTestUtils.setField(bean, "suffix", s)}), of any class.
   */
  private static void reflectiveWrites(TypeDeclaration<?> type, TypeNames names, TreeSet<String> found) {
    for (com.github.javaparser.ast.expr.MethodCallExpr call : Subtrees.all(type, com.github.javaparser.ast.expr.MethodCallExpr.class)) {
      if (!own(call, type)) {
        continue;
      }
      String name = call.getNameAsString();
      if ((name.equals("getDeclaredField") || name.equals("getField")) && call.getArguments().size() == 1
          && call.getArgument(0) instanceof com.github.javaparser.ast.expr.StringLiteralExpr field
          && call.findAncestor(com.github.javaparser.ast.body.CallableDeclaration.class)
              .map(callable -> Subtrees.all(callable, com.github.javaparser.ast.expr.MethodCallExpr.class).stream()
                  .anyMatch(c -> FIELD_SETS.contains(c.getNameAsString()) && c.getArguments().size() == 2))
              .orElse(false)) {
        String owner = call.getScope().orElse(null) instanceof com.github.javaparser.ast.expr.ClassExpr literal
            ? names.qualify(literal.getType()).name() : "*";
        found.add("static:" + owner + "#" + field.asString());
        found.add("instance:" + owner + "#" + field.asString());
      }
      if (NAMED_FIELD_WRITERS.contains(name)) {
        for (Expression argument : call.getArguments()) {
          if (argument instanceof com.github.javaparser.ast.expr.StringLiteralExpr field) {
            found.add("static:*#" + field.asString());
            found.add("instance:*#" + field.asString());
          }
        }
      }
    }
  }

  /** Code of this type itself, not of a type nested in it (whose own facts list its writes, under its name). */
  private static boolean own(Node node, TypeDeclaration<?> type) {
    return node.findAncestor(TypeDeclaration.class).orElse(null) == type;
  }

  private static void note(Expression target, TypeNames names, TreeSet<String> found, TypeDeclaration<?> type) {
    if (constructingOwn(target, type)) {
      return;
    }
    if (target instanceof com.github.javaparser.ast.expr.ArrayAccessExpr element) {
      note(element.getName(), names, found, type); // PetMappers.parts[0] = s: the array the field holds (f2)
      return;
    }
    if (target instanceof NameExpr bare) {
      noteBare(bare, names, found);
      return;
    }
    if (!(target instanceof FieldAccessExpr access)) {
      return;
    }
    Expression scope = access.getScope();
    String field = access.getNameAsString();
    if (scope instanceof ThisExpr || scope instanceof SuperExpr) {
      return; // its own field: the class's own analysis sees it
    }
    if (scope instanceof NameExpr name && Character.isUpperCase(name.getNameAsString().charAt(0))
        && declaredType(name) == null) {
      found.add("static:" + names.qualify(name.getNameAsString()).name() + "#" + field);
      return;
    }
    if (scope instanceof FieldAccessExpr qualified && startsLowerAndEndsUpper(qualified)) {
      found.add("static:" + qualified + "#" + field); // shop.PetMappers.suffix = s
      return;
    }
    String owner = "*";
    if (scope instanceof NameExpr variable) {
      com.github.javaparser.ast.type.Type declared = declaredType(variable);
      if (declared != null && !declared.isVarType()) {
        owner = names.qualify(declared).name();
      }
    }
    found.add("instance:" + owner + "#" + field);
  }

  /**
   * {@code suffix = s} with no qualifier: a local or parameter is no field; a field of the innermost class around it
   * is its own (its analysis sees it); a field of an outer class (a nested class setting its outer class's private
   * static, f8) is that class's; otherwise a statically imported one (f1) or an inherited one (f4), of a class the
   * file alone cannot name: any class's field of that name.
   */
  private static void noteBare(NameExpr bare, TypeNames names, TreeSet<String> found) {
    String name = bare.getNameAsString();
    if (bare.findAncestor(com.github.javaparser.ast.body.ConstructorDeclaration.class).isPresent()
        || bare.findAncestor(com.github.javaparser.ast.body.InitializerDeclaration.class).isPresent()) {
      return; // a subclass's constructor setting the inherited field of the object it builds
    }
    boolean innermost = true;
    for (Node at = bare.getParentNode().orElse(null); at != null; at = at.getParentNode().orElse(null)) {
      if (at instanceof com.github.javaparser.ast.body.CallableDeclaration<?> callable
          && (Subtrees.all(callable, com.github.javaparser.ast.body.Parameter.class).stream()
              .anyMatch(p -> p.getNameAsString().equals(name))
          || Subtrees.all(callable, com.github.javaparser.ast.body.VariableDeclarator.class).stream()
              .anyMatch(v -> v.getNameAsString().equals(name)))) {
        return;
      }
      if (at instanceof com.github.javaparser.ast.expr.LambdaExpr lambda
          && lambda.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(name))) {
        return;
      }
      if (at instanceof TypeDeclaration<?> enclosing) {
        if (enclosing.getFieldByName(name).isPresent()) {
          if (!innermost) {
            String owner = enclosing.getFullyQualifiedName().orElse(enclosing.getNameAsString());
            found.add("static:" + owner + "#" + name);
            found.add("instance:" + owner + "#" + name);
          }
          return;
        }
        innermost = false;
      }
      if (at instanceof com.github.javaparser.ast.expr.ObjectCreationExpr) {
        innermost = false; // an anonymous class's body: the fields named are outside it
      }
    }
    List<String> imported = names.staticImportOwners(name);
    if (!imported.isEmpty()) {
      imported.forEach(owner -> found.add("static:" + owner + "#" + name));
      return;
    }
    found.add("static:*#" + name);
    found.add("instance:*#" + name);
  }

  private static boolean startsLowerAndEndsUpper(FieldAccessExpr qualified) {
    Node first = qualified;
    while (first instanceof FieldAccessExpr step) {
      first = step.getScope();
    }
    return first instanceof NameExpr root && Character.isLowerCase(root.getNameAsString().charAt(0))
        && declaredType(root) == null && Character.isUpperCase(qualified.getNameAsString().charAt(0));
  }

  /** The type a name is declared with, as written: a parameter or local of a method around it, or a field. */
  public static com.github.javaparser.ast.type.Type declaredType(NameExpr name) {
    String wanted = name.getNameAsString();
    for (com.github.javaparser.ast.Node at = name.getParentNode().orElse(null); at != null;
        at = at.getParentNode().orElse(null)) {
      if (at instanceof com.github.javaparser.ast.body.CallableDeclaration<?> callable) {
        for (com.github.javaparser.ast.body.Parameter parameter : callable.getParameters()) {
          if (parameter.getNameAsString().equals(wanted)) {
            return parameter.getType();
          }
        }
        for (com.github.javaparser.ast.body.VariableDeclarator local
            : Subtrees.all(callable, com.github.javaparser.ast.body.VariableDeclarator.class)) {
          if (local.getNameAsString().equals(wanted)) {
            return local.getType();
          }
        }
      }
      if (at instanceof com.github.javaparser.ast.body.TypeDeclaration<?> type) {
        var field = type.getFieldByName(wanted);
        if (field.isPresent()) {
          return field.get().getVariable(0).getType();
        }
      }
    }
    return null;
  }
}
