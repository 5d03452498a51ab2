package dev.optkit.analyzers.facts.types;

import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The properties Jackson leaves out when it writes an object of a type: a field marked {@code @JsonIgnore} or
 * {@code @JsonBackReference}, a getter marked {@code @JsonIgnore}, the names a class-level
 * {@code @JsonIgnoreProperties} lists. A request handler's entity serialised without them never reads those
 * associations (audit 11's s10). Not ignored: a property one of whose accessors is included explicitly
 * ({@code @JsonProperty}: hostile review 35's h6, h12), {@code @JsonIgnore(false)} in either form (h9), names a
 * {@code @JsonIgnoreProperties(allowGetters = true)} lists (h7).
 * Also left out: a field Jackson's default visibility does not see, one that is not public and has no public getter of
 * its name in the type, with no Lombok getter (on the class or the field), no {@code @JsonProperty}-like annotation and no
 * {@code @JsonAutoDetect} on the class (a trial's bank entity kept its lazy {@code livrosCaixa} in a package-private
 * field without a getter, and every read of it was refused for serialising it).
 */
public final class JsonIgnoredProperties {
  private JsonIgnoredProperties() {}

  public static List<String> of(TypeDeclaration<?> type, AnnotationValues values) {
    Set<String> ignored = new TreeSet<>();
    Set<String> included = new TreeSet<>();
    for (FieldDeclaration field : type.getFields()) {
      Set<String> into = field.getAnnotations().stream().anyMatch(JsonIgnoredProperties::ignores) ? ignored
          : field.getAnnotations().stream().anyMatch(JsonIgnoredProperties::includes) ? included : null;
      if (into != null) {
        field.getVariables().forEach(variable -> into.add(variable.getNameAsString()));
      }
    }
    for (MethodDeclaration method : type.getMethods()) {
      String name = method.getNameAsString();
      String property = name.startsWith("get") && name.length() > 3 ? name.substring(3)
          : name.startsWith("is") && name.length() > 2 ? name.substring(2) : null;
      if (property == null || !method.getParameters().isEmpty()) {
        continue;
      }
      String decapitalised = Character.toLowerCase(property.charAt(0)) + property.substring(1);
      if (method.getAnnotations().stream().anyMatch(JsonIgnoredProperties::ignores)) {
        ignored.add(decapitalised);
      } else if (method.getAnnotations().stream().anyMatch(JsonIgnoredProperties::includes)) {
        included.add(decapitalised);
      }
    }
    for (AnnotationExpr annotation : type.getAnnotations()) {
      if (annotation.getName().getIdentifier().equals("JsonIgnoreProperties") && !flag(annotation, "allowGetters")) {
        ignored.addAll(values.annotationStrings(annotation, "value"));
      }
    }
    ignored.addAll(unseen(type));
    ignored.removeAll(included);
    return List.copyOf(ignored);
  }

  /** Class annotations under which Jackson, or Lombok's getters, may see every field. */
  private static final Set<String> CLASS_GETTERS = Set.of("Getter", "Data", "Value", "JsonAutoDetect");
  /** Field annotations that give it a getter or include it. */
  private static final Set<String> FIELD_GETTERS = Set.of("Getter", "JsonProperty", "JsonGetter", "JsonManagedReference",
      "JsonUnwrapped", "JsonRawValue", "JsonValue", "JsonAnyGetter");

  /** Fields of the type no default ObjectMapper writes: not public, and no public getter of theirs declared or generated. */
  private static Set<String> unseen(TypeDeclaration<?> type) {
    Set<String> unseen = new TreeSet<>();
    if (type.getAnnotations().stream().anyMatch(a -> CLASS_GETTERS.contains(a.getName().getIdentifier()))) {
      return unseen;
    }
    Set<String> methods = new TreeSet<>();
    type.getMethods().stream().filter(method -> method.isPublic())
        .forEach(method -> methods.add(method.getNameAsString()));
    for (FieldDeclaration field : type.getFields()) {
      if (field.isPublic() || field.isStatic()
          || field.getAnnotations().stream().anyMatch(a -> FIELD_GETTERS.contains(a.getName().getIdentifier()))) {
        continue;
      }
      for (var variable : field.getVariables()) {
        String name = variable.getNameAsString();
        String capitalised = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        if (!methods.contains("get" + capitalised) && !methods.contains("is" + capitalised)) {
          unseen.add(name);
        }
      }
    }
    return unseen;
  }

  private static boolean ignores(AnnotationExpr annotation) {
    String name = annotation.getName().getIdentifier();
    if (name.equals("JsonBackReference")) {
      return true;
    }
    if (!name.equals("JsonIgnore")) {
      return false;
    }
    if (annotation instanceof SingleMemberAnnotationExpr single) {
      return !(single.getMemberValue() instanceof BooleanLiteralExpr flag) || flag.getValue();
    }
    return !(annotation instanceof NormalAnnotationExpr normal) || normal.getPairs().stream()
        .noneMatch(pair -> pair.getNameAsString().equals("value") && !(pair.getValue() instanceof BooleanLiteralExpr flag
            && flag.getValue()));
  }

  private static boolean includes(AnnotationExpr annotation) {
    String name = annotation.getName().getIdentifier();
    return name.equals("JsonProperty") || name.equals("JsonGetter") || name.equals("JsonManagedReference");
  }

  /** A boolean member written {@code true}; anything else (absent, false, a constant) is not. */
  private static boolean flag(AnnotationExpr annotation, String member) {
    if (!(annotation instanceof NormalAnnotationExpr normal)) {
      return false;
    }
    for (MemberValuePair pair : normal.getPairs()) {
      if (pair.getNameAsString().equals(member)) {
        return !(pair.getValue() instanceof BooleanLiteralExpr literal) || literal.getValue();
      }
    }
    return false;
  }
}
