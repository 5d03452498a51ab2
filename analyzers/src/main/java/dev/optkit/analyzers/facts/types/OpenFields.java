package dev.optkit.analyzers.facts.types;

import dev.optkit.analyzers.facts.Subtrees;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.type.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A type's fields whose object code holding it can change in place, whoever that code is: an array, or a JDK object
 * that is no value ({@code HashSet}, {@code Deque}, {@code StringBuilder}, {@code Properties}, an atomic, a
 * {@code Date}), unless every value the type's code gives the field is an unmodifiable one ({@code Set.of},
 * {@code List.copyOf}, {@code Collections.unmodifiableMap}, Guava's {@code ImmutableList.of}). Read directly through
 * another object kept between calls ({@code holder.allowed}), such a field is state no key covers: hostile review 72
 * changed one through its own class's deque and static mutators, a getter called without a receiver, a field's or a
 * constructor's lambda run later, a subclass, an alias of the set, a method reference, a helper's parameter and
 * {@code Properties.setProperty}, each a way the changes optkit follows by name missed. What optkit cannot follow in
 * every form, it does not try to: a field that may be changed in place is counted as changing.
 */
public final class OpenFields {
  /**
   * Final JDK classes whose objects do not change, and code rather than state. Not {@code Object}, {@code CharSequence}
   * or {@code Number}, which may hold a StringBuilder or an atomic (hostile review 74's u_charseq_builder).
   */
  private static final Set<String> FIXED_JDK = Set.of("java.util.OptionalInt", "java.util.OptionalLong",
      "java.util.OptionalDouble", "java.util.regex.Pattern", "java.net.URI", "java.nio.file.Path", "java.util.Locale",
      "java.util.Currency", "java.nio.charset.Charset", "java.lang.Class", "java.lang.Runnable",
      "java.util.concurrent.Callable");
  /** JDK containers that are snapshots when made by a factory below, and hold only values when their arguments are. */
  private static final Set<String> CONTAINERS = Set.of("java.util.List", "java.util.Set", "java.util.Map",
      "java.util.Collection", "java.util.SortedSet", "java.util.SortedMap", "java.util.NavigableSet",
      "java.util.NavigableMap", "java.util.Optional");
  /**
   * Factories of snapshots: {@code List.of}, {@code Set.copyOf}, Guava's {@code ImmutableList.of}; not the
   * {@code Collections.unmodifiable*} views, which show what the wrapped collection holds when it changes (review 74).
   */
  private static final Set<String> UNMODIFIABLE_FACTORIES = Set.of("of", "copyOf", "ofEntries", "emptyList",
      "emptySet", "emptyMap", "singletonList", "singleton", "singletonMap", "nCopies", "copyOfSorted", "empty");
  private static final Set<String> UNMODIFIABLE_OWNERS = Set.of("List", "Set", "Map", "Collections", "Optional",
      "ImmutableList",
      "ImmutableSet", "ImmutableMap", "ImmutableSortedSet", "ImmutableSortedMap", "ImmutableMultimap",
      "ImmutableListMultimap", "ImmutableSetMultimap", "ImmutableCollection");

  private OpenFields() {}

  /** The type's open fields, its record components included, sorted. */
  public static List<String> of(TypeDeclaration<?> type, TypeNames names) {
    TreeSet<String> open = new TreeSet<>();
    for (FieldDeclaration field : type.getFields()) {
      for (VariableDeclarator variable : field.getVariables()) {
        Kind kind = kind(variable.getType(), names);
        if (kind == Kind.OPEN || kind == Kind.CONTAINER && !unmodifiableEverywhere(type, variable.getNameAsString(),
            variable.getInitializer().map(List::of).orElse(List.of()))) {
          open.add(variable.getNameAsString());
        }
      }
    }
    if (type instanceof RecordDeclaration record) {
      for (Parameter component : record.getParameters()) {
        Kind kind = component.isVarArgs() ? Kind.OPEN : kind(component.getType(), names);
        if (kind == Kind.OPEN
            || kind == Kind.CONTAINER && !unmodifiableInCompactConstructor(record, component.getNameAsString())) {
          open.add(component.getNameAsString());
        }
      }
    }
    return List.copyOf(open);
  }

  /** What a field's declared type says of its object: a value, a container of values, or open; OTHER: not the JDK's. */
  private enum Kind { FIXED, CONTAINER, OPEN, OTHER }

  private static Kind kind(Type declared, TypeNames names) {
    if (declared.isArrayType()) {
      return Kind.OPEN;
    }
    if (declared.isPrimitiveType()) {
      return Kind.FIXED;
    }
    String qualified = names.qualifyDeclared(declared).name().replaceAll("<.*", "");
    if (!qualified.startsWith("java.") && !qualified.startsWith("javax.")) {
      return Kind.OTHER; // a project's or library's class: the planner asks the index (a value class, an enum)
    }
    if (JdkValues.immutable(qualified) || FIXED_JDK.contains(qualified) || qualified.startsWith("java.util.function.")) {
      return Kind.FIXED;
    }
    // Map.of("k", set), ImmutableList.of(list), Optional.of(list): a snapshot of objects that change (review 74)
    boolean values = declared instanceof com.github.javaparser.ast.type.ClassOrInterfaceType generic
        && generic.getTypeArguments().filter(arguments -> !arguments.isEmpty()).map(arguments -> arguments.stream()
            .allMatch(argument -> !argument.isWildcardType() && JdkValues.immutable(names.qualifyDeclared(argument).name())))
            .orElse(false);
    return CONTAINERS.contains(qualified) && values ? Kind.CONTAINER : Kind.OPEN;
  }

  /** Whether the field's initialiser and every assignment of it in the type's code give it an unmodifiable value. */
  private static boolean unmodifiableEverywhere(TypeDeclaration<?> type, String name, List<Expression> initializer) {
    List<Expression> values = new ArrayList<>(initializer);
    for (AssignExpr assignment : Subtrees.all(type, AssignExpr.class)) {
      if (ownField(assignment.getTarget(), name) && nearest(assignment) == type) {
        if (assignment.getOperator() != AssignExpr.Operator.ASSIGN) {
          return false;
        }
        values.add(assignment.getValue());
      }
    }
    return !values.isEmpty() && values.stream().allMatch(OpenFields::unmodifiable);
  }

  /**
   * A record's component is open unless its compact constructor, as a statement of its own body (not under an
   * {@code if}: review 74's u_record_null_default), gives it an unmodifiable copy, and assigns it nowhere else.
   */
  private static boolean unmodifiableInCompactConstructor(RecordDeclaration record, String name) {
    boolean copied = false;
    for (var constructor : record.getCompactConstructors()) {
      for (AssignExpr assignment : Subtrees.all(constructor, AssignExpr.class)) {
        if (!(assignment.getTarget() instanceof NameExpr target) || !target.getNameAsString().equals(name)) {
          continue;
        }
        boolean topLevel = assignment.getParentNode().orElse(null) instanceof com.github.javaparser.ast.stmt.ExpressionStmt
            statement && statement.getParentNode().orElse(null) == constructor.getBody();
        if (!topLevel || !unmodifiable(assignment.getValue())) {
          return false;
        }
        copied = true;
      }
    }
    return copied;
  }

  /**
   * Whether code the type makes to run later (a lambda, an anonymous class, in a field's initialiser or a constructor
   * too) assigns the field: {@code final Runnable strict = () -> mode = Mode.STRICT;} reassigns it after construction
   * (hostile review 74's u_init_lambda_reassign).
   */
  public static boolean assignedInLaterCode(TypeDeclaration<?> type, String name) {
    return Subtrees.all(type, AssignExpr.class).stream().anyMatch(assignment -> ownField(assignment.getTarget(), name)
        && nearest(assignment) == type && (assignment.findAncestor(com.github.javaparser.ast.expr.LambdaExpr.class)
            .filter(node -> Subtrees.isAncestor(type, node)).isPresent() || assignment.findAncestor(
                com.github.javaparser.ast.expr.ObjectCreationExpr.class, creation -> creation.getAnonymousClassBody()
                    .isPresent()).filter(node -> Subtrees.isAncestor(type, node)).isPresent()));
  }

  /**
   * The type's fields given a value that names a changing field of it ({@code allowed =
   * Collections.unmodifiableSet(inner)}, {@code view = inner}): a view or an alias of it shows its changes. To a fixpoint.
   */
  public static Set<String> viewsOfChanging(TypeDeclaration<?> type, Set<String> changing, TypeNames names) {
    Set<String> views = new TreeSet<>();
    Set<String> known = new java.util.HashSet<>(changing);
    for (boolean grew = true; grew; ) {
      grew = false;
      for (FieldDeclaration field : type.getFields()) {
        if (field.isStatic() && !field.isFinal()) {
          continue;
        }
        for (VariableDeclarator variable : field.getVariables()) {
          String name = variable.getNameAsString();
          if (known.contains(name) || kind(variable.getType(), names) == Kind.FIXED) {
            continue; // a String made from a changing field is a value taken then, no view of it (AllowanceAttacksTest)
          }
          List<Expression> values = new ArrayList<>();
          variable.getInitializer().ifPresent(values::add);
          Subtrees.all(type, AssignExpr.class).stream().filter(a -> ownField(a.getTarget(), name) && nearest(a) == type)
              .forEach(a -> values.add(a.getValue()));
          boolean namesChanging = values.stream().anyMatch(value -> Subtrees.all(value, NameExpr.class).stream()
              .anyMatch(used -> known.contains(used.getNameAsString())) || Subtrees.all(value, FieldAccessExpr.class).stream()
              .anyMatch(used -> used.getScope() instanceof ThisExpr && known.contains(used.getNameAsString())));
          if (namesChanging) {
            views.add(name);
            known.add(name);
            grew = true;
          }
        }
      }
    }
    return views;
  }

  private static boolean ownField(Expression target, String name) {
    return target instanceof NameExpr plain && plain.getNameAsString().equals(name)
        || target instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr
            && access.getNameAsString().equals(name);
  }

  private static Node nearest(Node node) {
    return node.findAncestor(TypeDeclaration.class).map(t -> (Node) t).orElse(null);
  }

  /** {@code Set.of(...)}, {@code List.copyOf(x)}, {@code Collections.unmodifiableMap(m)}, {@code ImmutableList.of()}. */
  private static boolean unmodifiable(Expression value) {
    Expression bare = value;
    while (bare instanceof EnclosedExpr || bare instanceof CastExpr) {
      bare = bare instanceof EnclosedExpr enclosed ? enclosed.getInner() : ((CastExpr) bare).getExpression();
    }
    if (!(bare instanceof MethodCallExpr call) || call.getScope().isEmpty()) {
      return false;
    }
    String owner = call.getScope().get() instanceof NameExpr type ? type.getNameAsString()
        : call.getScope().get() instanceof FieldAccessExpr qualified ? qualified.getNameAsString() : "";
    if (UNMODIFIABLE_OWNERS.contains(owner) && UNMODIFIABLE_FACTORIES.contains(call.getNameAsString())) {
      return true;
    }
    // ImmutableList.<String>builder().add(...).build()
    return call.getNameAsString().equals("build") && Subtrees.all(call, MethodCallExpr.class).stream()
        .anyMatch(inner -> inner.getNameAsString().equals("builder") && inner.getScope().orElse(null) instanceof NameExpr type
            && type.getNameAsString().startsWith("Immutable"));
  }
}
