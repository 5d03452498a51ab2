package dev.optkit.analyzers.facts.types;

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
final class OpenFields {
  /** JDK types outside {@link JdkValues} whose objects do not change, or hold code rather than state. */
  private static final Set<String> FIXED_JDK = Set.of("java.util.Optional", "java.util.OptionalInt",
      "java.util.OptionalLong", "java.util.OptionalDouble", "java.util.regex.Pattern", "java.net.URI",
      "java.nio.file.Path", "java.util.Locale", "java.util.Currency", "java.nio.charset.Charset", "java.lang.Class",
      "java.lang.Object", "java.lang.Runnable", "java.util.concurrent.Callable", "java.lang.Number",
      "java.lang.CharSequence");
  private static final Set<String> UNMODIFIABLE_FACTORIES = Set.of("of", "copyOf", "ofEntries", "unmodifiableList",
      "unmodifiableSet", "unmodifiableMap", "unmodifiableCollection", "unmodifiableSortedSet", "unmodifiableSortedMap",
      "unmodifiableNavigableSet", "unmodifiableNavigableMap", "emptyList", "emptySet", "emptyMap", "singletonList",
      "singleton", "singletonMap", "nCopies", "copyOfSorted");
  private static final Set<String> UNMODIFIABLE_OWNERS = Set.of("List", "Set", "Map", "Collections", "ImmutableList",
      "ImmutableSet", "ImmutableMap", "ImmutableSortedSet", "ImmutableSortedMap", "ImmutableMultimap",
      "ImmutableListMultimap", "ImmutableSetMultimap", "ImmutableCollection");

  private OpenFields() {}

  /** The type's open fields, its record components included, sorted. */
  static List<String> of(TypeDeclaration<?> type, TypeNames names) {
    TreeSet<String> open = new TreeSet<>();
    for (FieldDeclaration field : type.getFields()) {
      for (VariableDeclarator variable : field.getVariables()) {
        if (openType(variable.getType(), names) && !unmodifiableEverywhere(type, variable.getNameAsString(),
            variable.getInitializer().map(List::of).orElse(List.of()))) {
          open.add(variable.getNameAsString());
        }
      }
    }
    if (type instanceof RecordDeclaration record) {
      for (Parameter component : record.getParameters()) {
        if ((component.isVarArgs() || openType(component.getType(), names))
            && !unmodifiableInCompactConstructor(record, component.getNameAsString())) {
          open.add(component.getNameAsString());
        }
      }
    }
    return List.copyOf(open);
  }

  private static boolean openType(Type declared, TypeNames names) {
    if (declared.isArrayType()) {
      return true;
    }
    if (declared.isPrimitiveType()) {
      return false;
    }
    String qualified = names.qualifyDeclared(declared).name();
    if (!qualified.startsWith("java.") && !qualified.startsWith("javax.")) {
      return false; // a project or library class: what it holds is judged where it is read (its own fields, its calls)
    }
    return !JdkValues.immutable(qualified) && !FIXED_JDK.contains(qualified)
        && !qualified.startsWith("java.util.function.");
  }

  /** Whether the field's initialiser and every assignment of it in the type's code give it an unmodifiable value. */
  private static boolean unmodifiableEverywhere(TypeDeclaration<?> type, String name, List<Expression> initializer) {
    List<Expression> values = new ArrayList<>(initializer);
    for (AssignExpr assignment : type.findAll(AssignExpr.class)) {
      if (ownField(assignment.getTarget(), name) && nearest(assignment) == type) {
        if (assignment.getOperator() != AssignExpr.Operator.ASSIGN) {
          return false;
        }
        values.add(assignment.getValue());
      }
    }
    return !values.isEmpty() && values.stream().allMatch(OpenFields::unmodifiable);
  }

  /** A record's component is open unless its compact constructor gives it an unmodifiable copy. */
  private static boolean unmodifiableInCompactConstructor(RecordDeclaration record, String name) {
    return record.getCompactConstructors().stream().flatMap(c -> c.findAll(AssignExpr.class).stream())
        .anyMatch(assignment -> assignment.getTarget() instanceof NameExpr target
            && target.getNameAsString().equals(name) && unmodifiable(assignment.getValue()));
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
    return call.getNameAsString().equals("build") && call.findAll(MethodCallExpr.class).stream()
        .anyMatch(inner -> inner.getNameAsString().equals("builder") && inner.getScope().orElse(null) instanceof NameExpr type
            && type.getNameAsString().startsWith("Immutable"));
  }
}
