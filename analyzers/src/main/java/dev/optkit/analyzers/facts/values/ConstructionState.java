package dev.optkit.analyzers.facts.values;

import dev.optkit.analyzers.facts.Subtrees;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a new object of a class may start out holding state from outside its constructor's
 * arguments: a field initializer or a constructor that reads a static or another object, or calls
 * anything but the JDK's value helpers. Such an object is no fresh value even when made in the
 * call ({@code new Pager()} whose cursor is {@code Holder.SHARED}). Syntax only, so conservative; a
 * constant of another type ({@code OrderStatus.PENDING}) is listed instead, for the index to judge
 * whether it is an unchanging value (an enum's constant) or shared state ({@code Holder.SHARED}).
 */
public final class ConstructionState {
  /** JDK types whose static methods and constants make values, not shared state. */
  private static final Set<String> VALUE_TYPES = Set.of("List", "Set", "Map", "Collections", "Objects", "Arrays",
      "String", "Math", "Integer", "Long", "Double", "Float", "Short", "Byte", "Boolean", "Character", "BigDecimal",
      "BigInteger", "Optional", "Duration", "Instant", "LocalDate", "LocalDateTime", "UUID", "StandardCharsets");

  /** Types of a static final field that holds a value nobody changes. */
  private static final Set<String> STATIC_VALUES = Set.of("String", "Integer", "Long", "Double", "Float", "Short",
      "Byte", "Boolean", "Character", "BigDecimal", "BigInteger", "Duration", "Instant", "LocalDate", "LocalDateTime",
      "UUID", "java.lang.String");

  /**
   * Containers and builders a field may be made with in place ({@code private final StringBuilder clause = new
   * StringBuilder()}): what the constructor then calls on that field works on the object's own new state, filled from
   * what the call's arguments say (trial 77's query builders: {@code condition.append(column)}).
   */
  private static final Set<String> OWN_CONTAINERS = Set.of("StringBuilder", "StringJoiner", "ArrayList", "LinkedList",
      "HashMap", "LinkedHashMap", "TreeMap", "HashSet", "LinkedHashSet", "TreeSet", "ArrayDeque", "EnumMap",
      "MapSqlParameterSource");

  /** Static methods of the value types that read the process's state, the clock or chance, not their arguments. */
  private static final Set<String> WORLD_READERS = Set.of("getInteger", "getLong", "getBoolean", "now", "randomUUID",
      "random", "currentTimeMillis", "nanoTime", "getProperty", "getenv", "systemDefault", "getDefault");

  private ConstructionState() {}

  private static boolean isArray(FieldDeclaration field) {
    return field.getVariables().stream().anyMatch(v -> v.getType().isArrayType());
  }

  /**
   * What a new object's construction reads from outside its arguments.
   *
   * @param other anything but the constants below: a call, a static of its own class, a name optkit cannot place
   * @param constants the upper-case constants of other types it reads ({@code OrderStatus.PENDING}), as written
   */
  public record Reads(boolean other, java.util.List<String> constants) {}

  public static Reads reads(TypeDeclaration<?> type) {
    java.util.Set<String> constants = new java.util.TreeSet<>();
    boolean other = readsOutside(type, constants);
    // and the constants whose methods it calls (Aliases.MAP.getOrDefault(..) in a field initialiser: hostile review
    // 96's b01), which the walk above stops at as a call reading state from elsewhere
    for (BodyDeclaration<?> member : type.getMembers()) {
      boolean construction = member instanceof FieldDeclaration field && !field.isStatic()
          || member instanceof InitializerDeclaration block && !block.isStatic() || member instanceof ConstructorDeclaration;
      if (!construction) {
        continue;
      }
      for (FieldAccessExpr access : Subtrees.all(member, FieldAccessExpr.class)) {
        if (access.getScope() instanceof com.github.javaparser.ast.expr.NameExpr scope
            && Character.isUpperCase(scope.getNameAsString().charAt(0))
            && access.getNameAsString().chars().allMatch(c -> Character.isUpperCase(c) || Character.isDigit(c) || c == '_')
            && access.getParentNode().orElse(null) instanceof MethodCallExpr call && call.getScope().orElse(null) == access) {
          constants.add(scope.getNameAsString() + "." + access.getNameAsString());
        }
      }
    }
    return new Reads(other, java.util.List.copyOf(constants));
  }

  private static boolean readsOutside(TypeDeclaration<?> type, Set<String> constants) {
    // its own fields, but for a static holding an object (a list, an array, final or not): state every object made
    // would share (hostile reviews 61 and 62: this.roles = ALL). A static number is a value copied, which the facts
    // of its code report as a static read or write.
    Set<String> fields = new HashSet<>();
    Set<String> containers = ownContainers(type);
    type.getFields().stream().filter(f -> !f.isStatic() || f.getElementType().isPrimitiveType() && !isArray(f)
        || f.isFinal() && STATIC_VALUES.contains(f.getElementType().asString()) && !isArray(f))
        .forEach(f -> f.getVariables().forEach(v -> fields.add(v.getNameAsString())));
    for (BodyDeclaration<?> member : type.getMembers()) {
      if (member instanceof FieldDeclaration field && !field.isStatic()) {
        for (VariableDeclarator variable : field.getVariables()) {
          if (variable.getInitializer().isPresent() && outside(variable.getInitializer().get(), Set.of(), fields, Set.of(), constants, null)) {
            return true;
          }
        }
      } else if (member instanceof InitializerDeclaration block && !block.isStatic()
          && outside(block.getBody(), Set.of(), fields, containers, constants, new Helpers(type, fields, containers, false, new HashSet<>()))) {
        return true;
      } else if (member instanceof ConstructorDeclaration constructor) {
        Set<String> own = new HashSet<>();
        constructor.getParameters().forEach(p -> own.add(p.getNameAsString()));
        Subtrees.all(constructor.getBody(), VariableDeclarator.class).forEach(v -> own.add(v.getNameAsString()));
        Subtrees.all(constructor.getBody(), Parameter.class).forEach(p -> own.add(p.getNameAsString()));
        Set<String> unshadowed = new HashSet<>(containers);
        unshadowed.removeAll(own);
        if (outside(constructor.getBody(), own, fields, unshadowed, constants,
            new Helpers(type, fields, containers, false, new HashSet<>()))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The instance fields made in place with a new container or builder of {@link #OWN_CONTAINERS}, never assigned
   * anything else in the class's own code.
   */
  private static Set<String> ownContainers(TypeDeclaration<?> type) {
    Set<String> found = new HashSet<>();
    for (FieldDeclaration field : type.getFields()) {
      if (field.isStatic()) {
        continue;
      }
      for (VariableDeclarator variable : field.getVariables()) {
        if (variable.getInitializer().filter(Expression::isObjectCreationExpr)
            .map(init -> init.asObjectCreationExpr().getType().getNameAsString())
            .filter(OWN_CONTAINERS::contains).isPresent()
            && init(variable).asObjectCreationExpr().getArguments().isEmpty()) {
          found.add(variable.getNameAsString());
        }
      }
    }
    // assigned again anywhere in the class (this.clause = shared): not the object's own container
    Subtrees.all(type, com.github.javaparser.ast.expr.AssignExpr.class).forEach(assign -> {
      Expression target = assign.getTarget();
      if (target instanceof NameExpr name) {
        found.remove(name.getNameAsString());
      } else if (target instanceof FieldAccessExpr access) {
        found.remove(access.getNameAsString());
      }
    });
    return found;
  }

  /** {@code condition}, {@code this.condition}, or a chain on one ({@code condition.append(a).append(b)}). */
  private static boolean ownContainer(Expression scope, Set<String> containers) {
    Expression root = scope;
    while (root instanceof MethodCallExpr chained && chained.getScope().isPresent()) {
      root = chained.getScope().get();
    }
    return root instanceof NameExpr name && containers.contains(name.getNameAsString())
        || root instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr
            && containers.contains(access.getNameAsString());
  }

  private static Expression init(VariableDeclarator variable) {
    return variable.getInitializer().orElseThrow();
  }

  /** {@code Type.CONSTANT}: an upper-case name on a capitalised type name that is no local or field. */
  private static boolean constantOf(FieldAccessExpr access, Set<String> locals, Set<String> fields) {
    return access.getScope() instanceof NameExpr scope && !locals.contains(scope.getNameAsString())
        && !fields.contains(scope.getNameAsString()) && Character.isUpperCase(scope.getNameAsString().charAt(0))
        && access.getNameAsString().chars().allMatch(c -> Character.isUpperCase(c) || Character.isDigit(c) || c == '_')
        && !(access.getParentNode().orElse(null) instanceof MethodCallExpr call && call.getScope().orElse(null) == access);
  }

  /**
   * The methods a constructor may call without a receiver and still read nothing outside: its class's own (checked
   * like the constructor), and for a member class that reaches nothing of its outer object, the outer class's that
   * reach nothing of theirs either ({@code toCondition(..)} → {@code toDbNotation(fieldName)}: trial 77's builders).
   *
   * @param outer the methods are the outer class's: none of its fields is the new object's own
   */
  private record Helpers(TypeDeclaration<?> type, Set<String> fields, Set<String> containers, boolean outer,
      Set<MethodDeclaration> visiting) {}

  /** Whether a call without a receiver runs only helpers that read nothing outside. */
  private static boolean insideHelper(MethodCallExpr call, Helpers helpers, Set<String> constants) {
    if (helpers == null || helpers.visiting().size() > 16) {
      return false;
    }
    List<MethodDeclaration> own = helpers.type().getMethodsByName(call.getNameAsString());
    if (!own.isEmpty()) {
      for (MethodDeclaration method : own) {
        boolean overridable = !method.isPrivate() && !method.isStatic() && !method.isFinal()
            && !(helpers.type() instanceof ClassOrInterfaceDeclaration c && c.isFinal());
        if (overridable || method.getBody().isEmpty()) {
          return false; // a subclass's override may run instead
        }
        if (!helpers.visiting().add(method)) {
          continue;
        }
        if (helpers.outer() && (!Subtrees.all(method, ThisExpr.class).isEmpty()
            || !Subtrees.all(method, com.github.javaparser.ast.expr.SuperExpr.class).isEmpty())) {
          return false;
        }
        Set<String> locals = new HashSet<>();
        method.getParameters().forEach(p -> locals.add(p.getNameAsString()));
        Subtrees.all(method.getBody().get(), VariableDeclarator.class).forEach(v -> locals.add(v.getNameAsString()));
        Subtrees.all(method.getBody().get(), Parameter.class).forEach(p -> locals.add(p.getNameAsString()));
        Set<String> unshadowed = new HashSet<>(helpers.containers());
        unshadowed.removeAll(locals);
        if (outside(method.getBody().get(), locals, helpers.fields(), unshadowed, constants, helpers)) {
          return false;
        }
      }
      return true;
    }
    if (!helpers.outer() && helpers.type() instanceof ClassOrInterfaceDeclaration member && !member.isStatic()
        && member.getParentNode().orElse(null) instanceof ClassOrInterfaceDeclaration outerClass
        && !dev.optkit.analyzers.facts.values.OuterInstanceUses.mayUse(member)) {
      return insideHelper(call, new Helpers(outerClass, Set.of(), Set.of(), true, helpers.visiting()), constants);
    }
    return false;
  }

  private static boolean outside(Node code, Set<String> locals, Set<String> fields, Set<String> containers,
      Set<String> constants, Helpers helpers) {
    for (MethodCallExpr call : Subtrees.all(code, MethodCallExpr.class)) {
      Expression scope = call.getScope().orElse(null);
      if (scope == null && insideHelper(call, helpers, constants)) {
        continue; // toCondition(fieldName, operand, appendParam(value)): its arguments are checked below
      }
      // the start of a chain: sb.append('_').append(c) on a local, String.valueOf(x).trim(), "...".formatted(a, b)
      Expression root = scope;
      while (root instanceof MethodCallExpr chained && chained.getScope().isPresent()) {
        root = chained.getScope().get();
      }
      // Integer.getInteger(..) reads a system property, LocalDateTime.now() the clock: no value helper (review 79's c04, c05)
      boolean readsTheWorld = Subtrees.all(call, MethodCallExpr.class).stream()
          .anyMatch(c -> WORLD_READERS.contains(c.getNameAsString()));
      boolean valueHelper = !readsTheWorld && (root instanceof NameExpr name && VALUE_TYPES.contains(name.getNameAsString())
          || root instanceof com.github.javaparser.ast.expr.LiteralExpr);
      boolean onOwn = root instanceof NameExpr name && locals.contains(name.getNameAsString());
      // its own new container filled ({@code condition.append(column)}, {@code this.params.addValue(...)}): what the
      // arguments hold is checked below like any other name
      boolean onOwnContainer = ownContainer(scope, containers);
      if (!valueHelper && !onOwn && !onOwnContainer) {
        return true; // this.load(), registry.current(), Holder.get(): state from elsewhere
      }
    }
    for (NameExpr name : Subtrees.all(code, NameExpr.class)) {
      String text = name.getNameAsString();
      boolean typeScope = name.getParentNode().orElse(null) instanceof MethodCallExpr call
          && call.getScope().orElse(null) == name;
      boolean constantScope = name.getParentNode().orElse(null) instanceof FieldAccessExpr access
          && access.getScope() == name && constantOf(access, locals, fields);
      if (!locals.contains(text) && !fields.contains(text) && !(typeScope && VALUE_TYPES.contains(text)) && !constantScope) {
        return true; // a static imported by name, a name optkit cannot place
      }
    }
    for (FieldAccessExpr access : Subtrees.all(code, FieldAccessExpr.class)) {
      if (!(access.getScope() instanceof ThisExpr) && access.getScope() instanceof NameExpr scope
          && !locals.contains(scope.getNameAsString()) && !VALUE_TYPES.contains(scope.getNameAsString())) {
        if (!constantOf(access, locals, fields)) {
          return true;
        }
        // OrderStatus.PENDING or Holder.SHARED (or an enum's static list): the index tells them apart
        constants.add(scope.getNameAsString() + "." + access.getNameAsString());
      }
    }
    return false;
  }
}
