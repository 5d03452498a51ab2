package dev.optkit.analyzers.facts.types;

import dev.optkit.analyzers.facts.Subtrees;

import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bean each injected field of a class is wired to by name: {@code @Qualifier("filmDbStorage")}
 * on an {@code @Autowired} or {@code @Inject} field, {@code @Resource(name = "...")}, or on the
 * parameter of a constructor that assigns it to the field ({@code this.films = films}). A call on
 * such a field runs that bean's class only, not every implementation of the field's interface.
 * A qualifier on a field Lombok's constructor injects is not taken: Lombok copies it to the
 * constructor's parameter only when {@code lombok.config} says so, and then Spring would see it.
 * A field two constructors qualify differently, or a method assigns, has none.
 */
public final class FieldQualifiers {
  private static final Set<String> INJECTING = Set.of("Autowired", "Inject");

  private FieldQualifiers() {}

  public static Map<String, String> of(TypeDeclaration<?> type) {
    Map<String, String> qualifiers = new HashMap<>();
    Set<String> conflicting = new HashSet<>();
    for (FieldDeclaration field : type.getFields()) {
      boolean injected = field.getAnnotations().stream().anyMatch(a -> INJECTING.contains(a.getName().getIdentifier()));
      Optional<String> named = injected ? qualifier(field.getAnnotations()) : resource(field.getAnnotations());
      named.ifPresent(name -> field.getVariables().forEach(v -> put(qualifiers, conflicting, v.getNameAsString(), name)));
    }
    for (ConstructorDeclaration constructor : type.getConstructors()) {
      for (Parameter parameter : constructor.getParameters()) {
        Optional<String> named = qualifier(parameter.getAnnotations());
        if (named.isEmpty()) {
          continue;
        }
        for (AssignExpr assign : Subtrees.all(constructor.getBody(), AssignExpr.class)) {
          String field = assignedField(assign.getTarget());
          if (field != null && assign.getValue() instanceof NameExpr value
              && value.getNameAsString().equals(parameter.getNameAsString())) {
            put(qualifiers, conflicting, field, named.get());
          }
        }
      }
    }
    // a field a method assigns may hold another bean by then (a setter, a test's replacement)
    type.getMethods().forEach(method -> Subtrees.all(method, AssignExpr.class).stream()
        .map(assign -> assignedField(assign.getTarget())).filter(qualifiers::containsKey).forEach(conflicting::add));
    conflicting.forEach(qualifiers::remove);
    return qualifiers;
  }

  private static void put(Map<String, String> qualifiers, Set<String> conflicting, String field, String name) {
    String before = qualifiers.putIfAbsent(field, name);
    if (before != null && !before.equals(name)) {
      conflicting.add(field);
    }
  }

  /** {@code this.films} or a bare {@code films}: the field assigned. */
  private static String assignedField(Expression target) {
    if (target instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
      return access.getNameAsString();
    }
    return target instanceof NameExpr name ? name.getNameAsString() : null;
  }

  private static Optional<String> qualifier(Iterable<AnnotationExpr> annotations) {
    for (AnnotationExpr annotation : annotations) {
      String name = annotation.getName().getIdentifier();
      if ((name.equals("Qualifier") || name.equals("Named")) && literal(annotation, "value").isPresent()) {
        return literal(annotation, "value");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> resource(Iterable<AnnotationExpr> annotations) {
    for (AnnotationExpr annotation : annotations) {
      if (annotation.getName().getIdentifier().equals("Resource")) {
        return literal(annotation, "name");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> literal(AnnotationExpr annotation, String member) {
    if (annotation instanceof SingleMemberAnnotationExpr single && member.equals("value")
        && single.getMemberValue() instanceof StringLiteralExpr text) {
      return Optional.of(text.asString());
    }
    if (annotation instanceof NormalAnnotationExpr normal) {
      return normal.getPairs().stream().filter(p -> p.getNameAsString().equals(member))
          .map(p -> p.getValue()).filter(StringLiteralExpr.class::isInstance)
          .map(v -> ((StringLiteralExpr) v).asString()).findFirst();
    }
    return Optional.empty();
  }
}
