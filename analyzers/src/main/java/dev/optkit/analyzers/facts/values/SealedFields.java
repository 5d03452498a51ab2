package dev.optkit.analyzers.facts.values;

import dev.optkit.analyzers.facts.Subtrees;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The private final fields of a class that nothing outside it can reach: every use of the field in
 * the class (nested classes and lambdas included) is a call of a method without arguments on it
 * ({@code user.getEmail()}) or of a container's read ({@code statuses.get("request")}), besides its assignment in a
 * constructor. An object kept in such a field
 * ({@code new SecurityUser(user)}) is only read through those calls; whether they change it or hand
 * out a part of it is the planner's question, asked of the methods they name.
 *
 * <p>A field Lombok writes a getter for ({@code @Getter}, {@code @Data}, {@code @Value} on the class, {@code @Getter}
 * or {@code @Delegate} on the field) is handed out by it, and is not sealed.
 *
 * <p>Any other use (the field returned, passed as an argument, a call with arguments on it, an
 * assignment outside a constructor, a read through another reference, {@code b.member}, also from the classes around a
 * nested class or its siblings, which its private fields are open to) leaves the field out. A name that may be a local variable rather
 * than the field counts as the field: a use too many only leaves the field out.
 */
public final class SealedFields {
  private SealedFields() {}

  /** Lombok's class annotations that write a getter of every field, as the source may name them. */
  private static final java.util.Set<String> LOMBOK_GETTERS = java.util.Set.of("Getter", "lombok.Getter", "Data",
      "lombok.Data", "Value", "lombok.Value");
  /** Lombok's field annotations that write methods reaching the field. */
  private static final java.util.Set<String> LOMBOK_FIELD_ACCESS = java.util.Set.of("Getter", "lombok.Getter",
      "Delegate", "lombok.Delegate", "lombok.experimental.Delegate");

  /** Each sealed field with the names of the methods called on it, sorted. */
  public static Map<String, List<String>> of(TypeDeclaration<?> type) {
    Map<String, List<String>> sealed = new LinkedHashMap<>();
    boolean lombokGetters = type.getAnnotations().stream().anyMatch(a -> LOMBOK_GETTERS.contains(a.getNameAsString()));
    for (FieldDeclaration field : type.getFields()) {
      if (!field.isPrivate() || !field.isFinal() || field.isStatic() || lombokGetters
          || field.getAnnotations().stream().anyMatch(a -> LOMBOK_FIELD_ACCESS.contains(a.getNameAsString()))) {
        continue; // a getter Lombok writes, or its delegating methods, hand the field out
      }
      for (VariableDeclarator variable : field.getVariables()) {
        List<String> calls = callsOnly(type, variable.getNameAsString());
        if (calls != null) {
          sealed.put(variable.getNameAsString(), calls);
        }
      }
    }
    return sealed;
  }

  /**
   * The private fields of a class (final or not) whose every use besides their assignment in a constructor or a
   * setter's statement is
   * {@code return data;} in an instance method without parameters, with those getters' names, sorted: what the
   * class keeps there leaves it only through them ({@code ApiResponse.getData()}), and nothing of the class
   * changes or reads into it.
   */
  public static Map<String, List<String>> returnedOnly(TypeDeclaration<?> type) {
    Map<String, List<String>> returned = new LinkedHashMap<>();
    for (FieldDeclaration field : type.getFields()) {
      if (!field.isPrivate() || field.isStatic()) {
        continue;
      }
      for (VariableDeclarator variable : field.getVariables()) {
        List<Expression> uses = uses(type, variable.getNameAsString());
        TreeSet<String> getters = new TreeSet<>();
        for (Expression use : uses == null ? List.<Expression>of() : uses) {
          Node parent = use.getParentNode().orElse(null);
          if (parent instanceof AssignExpr assign && assign.getTarget() == use
              && assign.getOperator() == AssignExpr.Operator.ASSIGN && (inConstructor(assign) || inSetter(assign))) {
            continue; // storing a value reads nothing the field held (trial 48's F2: ApiResponse.setData)
          }
          String getter = parent instanceof com.github.javaparser.ast.stmt.ReturnStmt ? getterOf(parent) : null;
          if (getter == null) {
            getters = null;
            break;
          }
          getters.add(getter);
        }
        if (uses != null && getters != null) {
          returned.put(variable.getNameAsString(), List.copyOf(getters));
        }
      }
    }
    return returned;
  }

  /** The instance method without parameters a {@code return} statement is directly in (no lambda, no nested class). */
  private static String getterOf(Node returnStatement) {
    for (Node at = returnStatement.getParentNode().orElse(null); at != null; at = at.getParentNode().orElse(null)) {
      if (at instanceof com.github.javaparser.ast.body.MethodDeclaration method) {
        return method.getParameters().isEmpty() && !method.isStatic() ? method.getNameAsString() : null;
      }
      if (at instanceof CallableDeclaration || at instanceof LambdaExpr || at instanceof TypeDeclaration
          || at instanceof com.github.javaparser.ast.expr.ObjectCreationExpr) {
        return null;
      }
    }
    return null;
  }

  /**
   * Reads of a JDK collection or map that take arguments ({@code statuses.get("request")}: audit 11's s11). Kept by
   * name: the planner counts them only on a field of a JDK container type, whose methods of these names change
   * nothing; on any other type a call with arguments is no getter it can read.
   */
  public static final java.util.Set<String> CONTAINER_READS = java.util.Set.of("get", "getOrDefault", "containsKey",
      "containsValue", "contains", "containsAll", "indexOf", "lastIndexOf");

  /** The methods called on the field when every use is such a call, else null. */
  private static List<String> callsOnly(TypeDeclaration<?> type, String field) {
    TreeSet<String> calls = new TreeSet<>();
    List<Expression> uses = uses(type, field);
    if (uses == null) {
      return null;
    }
    for (Expression use : uses) {
      Node parent = use.getParentNode().orElse(null);
      if (parent instanceof AssignExpr assign && assign.getTarget() == use
          && assign.getOperator() == AssignExpr.Operator.ASSIGN && inConstructor(assign)) {
        continue; // this.user = user: the object kept
      }
      if (parent instanceof MethodCallExpr call && call.getScope().orElse(null) == use && (call.getArguments().isEmpty()
          || CONTAINER_READS.contains(call.getNameAsString()) && call.getArguments().size() <= 2)) {
        calls.add(call.getNameAsString());
        continue;
      }
      return null;
    }
    return List.copyOf(calls);
  }

  /**
   * Every use of the field in the class, nested classes and lambdas included, or null when one is a read through
   * another reference ({@code b.member}: another holder's field, or another object's of that name, from outside).
   */
  private static List<Expression> uses(TypeDeclaration<?> type, String field) {
    // a nested class's private field is open to the classes around it and to its siblings: line.product from the
    // enclosing Sale reaches it as well as the line's own code does
    TypeDeclaration<?> outermost = type;
    for (Node at = type.getParentNode().orElse(null); at != null; at = at.getParentNode().orElse(null)) {
      if (at instanceof TypeDeclaration<?> enclosing) {
        outermost = enclosing;
      }
    }
    if (outermost != type) {
      for (FieldAccessExpr access : NamesInType.of(outermost).accesses().getOrDefault(field, List.of())) {
        if (!within(access, type)) {
          return null;
        }
      }
    }
    NamesInType names = NamesInType.of(type);
    List<Expression> uses = new ArrayList<>();
    for (NameExpr name : names.names().getOrDefault(field, List.of())) {
      if (!shadowedByParameter(name, field)) {
        uses.add(name);
      }
    }
    for (FieldAccessExpr access : names.accesses().getOrDefault(field, List.of())) {
      if (access.getScope() instanceof ThisExpr) {
        uses.add(access);
      } else {
        return null;
      }
    }
    return uses;
  }

  /**
   * A class's names and field accesses by identifier, in the order {@code findAll} meets them, made once per class and
   * kept on its node: each field's uses walked the whole class (7% of spring-framework's parse threads).
   */
  private record NamesInType(Map<String, List<NameExpr>> names, Map<String, List<FieldAccessExpr>> accesses) {
    private static final com.github.javaparser.ast.DataKey<NamesInType> KEY = new com.github.javaparser.ast.DataKey<>() {};

    static NamesInType of(TypeDeclaration<?> type) {
      if (!type.containsData(KEY)) {
        Map<String, List<NameExpr>> names = new java.util.HashMap<>();
        for (NameExpr name : Subtrees.all(type, NameExpr.class)) {
          names.computeIfAbsent(name.getNameAsString(), k -> new ArrayList<>()).add(name);
        }
        Map<String, List<FieldAccessExpr>> accesses = new java.util.HashMap<>();
        for (FieldAccessExpr access : Subtrees.all(type, FieldAccessExpr.class)) {
          accesses.computeIfAbsent(access.getNameAsString(), k -> new ArrayList<>()).add(access);
        }
        type.setData(KEY, new NamesInType(names, accesses));
      }
      return type.getData(KEY);
    }
  }

  /** Whether the node is in the type's declaration. */
  private static boolean within(Node node, TypeDeclaration<?> type) {
    for (Node at = node; at != null; at = at.getParentNode().orElse(null)) {
      if (at == type) {
        return true;
      }
    }
    return false;
  }

  /** Inside a method or constructor (not a lambda) with a parameter of that name, the name is the parameter. */
  private static boolean shadowedByParameter(NameExpr name, String field) {
    for (Node at = name.getParentNode().orElse(null); at != null; at = at.getParentNode().orElse(null)) {
      if (at instanceof CallableDeclaration<?> callable) {
        return callable.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(field));
      }
      if (at instanceof LambdaExpr || at instanceof TypeDeclaration) {
        return false;
      }
    }
    return false;
  }

  /** A statement {@code this.data = data;} of an instance method, itself (no lambda, no nested class). */
  private static boolean inSetter(AssignExpr assign) {
    if (!(assign.getParentNode().orElse(null) instanceof com.github.javaparser.ast.stmt.ExpressionStmt)) {
      return false;
    }
    for (Node at = assign.getParentNode().orElse(null); at != null; at = at.getParentNode().orElse(null)) {
      if (at instanceof com.github.javaparser.ast.body.MethodDeclaration method) {
        return !method.isStatic();
      }
      if (at instanceof CallableDeclaration || at instanceof LambdaExpr || at instanceof TypeDeclaration
          || at instanceof com.github.javaparser.ast.expr.ObjectCreationExpr) {
        return false;
      }
    }
    return false;
  }

  private static boolean inConstructor(Node node) {
    for (Node at = node.getParentNode().orElse(null); at != null; at = at.getParentNode().orElse(null)) {
      if (at instanceof com.github.javaparser.ast.body.ConstructorDeclaration) {
        return true;
      }
      if (at instanceof CallableDeclaration || at instanceof LambdaExpr || at instanceof TypeDeclaration) {
        return false;
      }
    }
    return false;
  }
}
