package dev.optkit.analyzers.facts;

import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The properties Jackson leaves out when it writes an object of a type: a field marked {@code @JsonIgnore} or
 * {@code @JsonBackReference}, a getter marked {@code @JsonIgnore}, the names a class-level
 * {@code @JsonIgnoreProperties} lists. A request handler's entity serialised without them never reads those
 * associations (audit 11's s10: a lazy {@code restaurant} marked {@code @JsonIgnore} was read as serialised).
 * {@code @JsonIgnore(false)} ignores nothing.
 */
final class JsonIgnoredProperties {
  private JsonIgnoredProperties() {}

  static List<String> of(TypeDeclaration<?> type, AnnotationValues values) {
    Set<String> ignored = new TreeSet<>();
    for (FieldDeclaration field : type.getFields()) {
      if (field.getAnnotations().stream().anyMatch(JsonIgnoredProperties::ignores)) {
        field.getVariables().forEach(variable -> ignored.add(variable.getNameAsString()));
      }
    }
    for (MethodDeclaration method : type.getMethods()) {
      String name = method.getNameAsString();
      String property = name.startsWith("get") && name.length() > 3 ? name.substring(3)
          : name.startsWith("is") && name.length() > 2 ? name.substring(2) : null;
      if (property != null && method.getParameters().isEmpty()
          && method.getAnnotations().stream().anyMatch(JsonIgnoredProperties::ignores)) {
        ignored.add(Character.toLowerCase(property.charAt(0)) + property.substring(1));
      }
    }
    for (AnnotationExpr annotation : type.getAnnotations()) {
      if (annotation.getName().getIdentifier().equals("JsonIgnoreProperties")) {
        ignored.addAll(values.annotationStrings(annotation, "value"));
      }
    }
    return List.copyOf(ignored);
  }

  private static boolean ignores(AnnotationExpr annotation) {
    String name = annotation.getName().getIdentifier();
    if (name.equals("JsonBackReference")) {
      return true;
    }
    return name.equals("JsonIgnore") && !(annotation instanceof SingleMemberAnnotationExpr single
        && single.getMemberValue() instanceof BooleanLiteralExpr flag && !flag.getValue());
  }
}
