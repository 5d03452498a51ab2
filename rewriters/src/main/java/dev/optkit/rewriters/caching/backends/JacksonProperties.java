package dev.optkit.rewriters.caching.backends;

import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Whether each property of a class comes back from Redis's JSON as it went in (hostile review 63): Jackson writes
 * what the getters return and sets it back through the setters or the fields, so a getter or setter that does more
 * than hand over its field, a field Jackson skips (transient, {@code @Transient}, a Lombok getter that is not public),
 * and the project's own Jackson annotations ({@code @JsonIgnore}, {@code @JsonFormat}, {@code @JsonUnwrapped}...,
 * which shape the cache's JSON as they shape the API's) may each bring a hit back other than the value stored.
 * A getter with no field of its name (a derived value) is written and ignored when read: the generated mapper
 * does not fail on it, and the object computes it again from its fields.
 */
final class JacksonProperties {
  /** Jackson annotations that leave what is written and read back the value itself. */
  // not @JsonInclude: NON_NULL leaves a null out, and the field's initialiser fills it back in (hostile review 65's A1)
  private static final Set<String> NEUTRAL = Set.of("JsonCreator", "JsonPropertyOrder", "JsonClassDescription",
      "JsonPropertyDescription");
  private static final Set<String> PERSISTENCE_TRANSIENT = Set.of("Transient", "jakarta.persistence.Transient",
      "javax.persistence.Transient");

  private JacksonProperties() {}

  static Optional<String> whyNot(TypeDeclaration<?> body, String simpleName, Predicate<String> projectAnnotation) {
    Optional<String> annotation = annotationProblem(body, simpleName, projectAnnotation);
    if (annotation.isPresent()) {
      return annotation;
    }
    Optional<String> lombok = lombokProblem(body, simpleName);
    if (lombok.isPresent()) {
      return lombok;
    }
    List<String> fields = new ArrayList<>();
    for (FieldDeclaration field : body.getFields()) {
      if (field.isStatic()) {
        continue;
      }
      for (VariableDeclarator variable : field.getVariables()) {
        String name = variable.getNameAsString();
        if (field.isTransient() || field.getAnnotations().stream().anyMatch(a -> PERSISTENCE_TRANSIENT.contains(a.getNameAsString()))) {
          return Optional.of(simpleName + "." + name + " is transient: Jackson skips it, and a hit would come back "
              + "without what it held");
        }
        if (name.length() > 2 && name.startsWith("is") && Character.isUpperCase(name.charAt(2))
            && field.getElementType().asString().equals("boolean")) {
          // boolean isActive with isActive(): Jackson names the property active, which sets no field (review 65's B2)
          return Optional.of(simpleName + "." + name + " is a boolean named is...: Jackson names its property "
              + Character.toLowerCase(name.charAt(2)) + name.substring(3) + ", and a hit would come back without it");
        }
        Optional<String> level = lombokLevel(field, "Getter");
        if (level.isPresent() && !level.get().equals("PUBLIC")) {
          return Optional.of(simpleName + "." + name + " has a Lombok getter of access " + level.get() + ": Jackson "
              + "would not write it, and a hit would come back without it");
        }
        fields.add(name);
      }
    }
    for (MethodDeclaration method : body.getMethods()) {
      if (method.isStatic() || !method.isPublic()) {
        continue;
      }
      String property = property(method);
      if (property == null) {
        continue;
      }
      String jackson = jacksonName(method);
      if (!jackson.equals(property) && fields.contains(property)) {
        // getXCoordinate(): Jackson's property is xcoordinate, which sets no field xCoordinate (review 65's B1)
        return Optional.of(simpleName + "." + method.getNameAsString() + "() names the property " + jackson
            + " to Jackson, not its field " + property + ", and a hit would come back without it");
      }
      if (!fields.contains(property)) {
        if (method.getParameters().size() == 1) {
          // setDisplayName() splitting a derived value: Jackson calls it when reading, after the fields (review 65's B8)
          return Optional.of(simpleName + "." + method.getNameAsString() + "() sets no field of its name: Jackson calls "
              + "it when a hit is read, after the fields, and it may change them");
        }
        continue;
      }
      boolean getter = method.getParameters().isEmpty();
      if (getter ? !returnsField(method, property) : !assignsField(method, property)) {
        return Optional.of(simpleName + "." + method.getNameAsString() + "() does more than " + (getter ? "return" : "set")
            + " its field " + property + ": Jackson " + (getter ? "writes what it returns and sets that back into the "
            + "field" : "sets what was written through it") + ", and a hit could hold another value");
      }
    }
    return Optional.empty();
  }

  /** The property name Jackson gives a getter or setter: a leading run of capitals lower-cased ({@code getURL}: url). */
  private static String jacksonName(MethodDeclaration method) {
    String name = method.getNameAsString();
    String rest = name.substring(name.startsWith("is") ? 2 : 3);
    int upper = 0;
    while (upper < rest.length() && Character.isUpperCase(rest.charAt(upper))) {
      upper++;
    }
    return rest.substring(0, upper).toLowerCase(java.util.Locale.ROOT) + rest.substring(upper);
  }

  /**
   * A record's: Jackson writes its accessors and reads through its canonical constructor, so an accessor written by
   * hand (returning a masked number) or a constructor changing what it is given (prefixing a base URL) would run on a
   * hit's value again (hostile review 65's A3-A6); its components' annotations are its fields'.
   */
  static Optional<String> recordProblem(com.github.javaparser.ast.body.RecordDeclaration record, String simpleName,
      Predicate<String> projectAnnotation) {
    Optional<String> annotation = annotationProblem(record, simpleName, projectAnnotation);
    if (annotation.isPresent()) {
      return annotation;
    }
    List<String> components = record.getParameters().stream().map(Parameter::getNameAsString).toList();
    for (MethodDeclaration method : record.getMethods()) {
      if (!method.isStatic() && method.getParameters().isEmpty() && components.contains(method.getNameAsString())) {
        return Optional.of(simpleName + "." + method.getNameAsString() + "() is written by hand: Jackson writes what it "
            + "returns, and a hit would be made from that");
      }
    }
    for (var compact : record.getCompactConstructors()) {
      if (compact.getBody().findAll(AssignExpr.class).stream().anyMatch(a -> a.getTarget() instanceof NameExpr target
          && components.contains(target.getNameAsString()))) {
        return Optional.of(simpleName + "'s constructor changes what it is given: Jackson makes a hit through it, so "
            + "the change would be made again");
      }
    }
    if (!record.getConstructors().isEmpty()) {
      return Optional.of(simpleName + " declares a constructor of its own, which Jackson may make a hit through");
    }
    return Optional.empty();
  }

  /** The property a getter ({@code getX()}, {@code isX()}) or setter ({@code setX(v)}) is of, or null. */
  private static String property(MethodDeclaration method) {
    String name = method.getNameAsString();
    int prefix = method.getParameters().isEmpty() && !method.getType().isVoidType()
        ? name.startsWith("get") ? 3 : name.startsWith("is") ? 2 : -1
        : method.getParameters().size() == 1 && name.startsWith("set") ? 3 : -1;
    if (prefix < 0 || name.length() == prefix) {
      return null;
    }
    return Character.toLowerCase(name.charAt(prefix)) + name.substring(prefix + 1);
  }

  private static boolean returnsField(MethodDeclaration getter, String field) {
    Optional<Statement> only = single(getter);
    return only.isPresent() && only.get() instanceof ReturnStmt returned && returned.getExpression()
        .map(value -> isField(value, field)).orElse(false);
  }

  private static boolean assignsField(MethodDeclaration setter, String field) {
    Optional<Statement> only = single(setter);
    Parameter parameter = setter.getParameter(0);
    return only.isPresent() && only.get() instanceof ExpressionStmt statement
        && statement.getExpression() instanceof AssignExpr assignment && assignment.getOperator() == AssignExpr.Operator.ASSIGN
        && isField(assignment.getTarget(), field) && assignment.getValue() instanceof NameExpr value
        && value.getNameAsString().equals(parameter.getNameAsString());
  }

  private static Optional<Statement> single(MethodDeclaration method) {
    return method.getBody().filter(b -> b.getStatements().size() == 1).map(b -> b.getStatement(0));
  }

  private static boolean isField(com.github.javaparser.ast.expr.Expression value, String field) {
    return value instanceof NameExpr name && name.getNameAsString().equals(field)
        || value instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr
            && access.getNameAsString().equals(field);
  }

  /**
   * Why an annotation of the type's shapes its JSON: a Jackson annotation that is not {@link #NEUTRAL}, or one the
   * project declares (which may carry Jackson's inside it, {@code @JacksonAnnotationsInside}: hostile review 65's A7).
   */
  static Optional<String> annotationProblem(TypeDeclaration<?> body, String label, Predicate<String> projectAnnotation) {
    return jacksonAnnotation(body, projectAnnotation).map(found -> label + " carries " + found + ": the project's "
        + "Jackson annotations shape the cache's JSON too, and optkit does not check that what they write comes back "
        + "as it went in");
  }

  private static Optional<String> jacksonAnnotation(TypeDeclaration<?> body, Predicate<String> projectAnnotation) {
    List<AnnotationExpr> found = new ArrayList<>(body.getAnnotations());
    body.getFields().forEach(f -> found.addAll(f.getAnnotations()));
    body.getMethods().forEach(m -> {
      found.addAll(m.getAnnotations());
      m.getParameters().forEach(p -> found.addAll(p.getAnnotations()));
    });
    body.getConstructors().forEach(c -> c.getParameters().forEach(p -> found.addAll(p.getAnnotations())));
    if (body instanceof com.github.javaparser.ast.body.RecordDeclaration record) {
      record.getParameters().forEach(p -> found.addAll(p.getAnnotations()));
    }
    if (body instanceof com.github.javaparser.ast.body.EnumDeclaration enumeration) {
      enumeration.getEntries().forEach(e -> found.addAll(e.getAnnotations()));
    }
    for (AnnotationExpr annotation : found) {
      String name = annotation.getNameAsString();
      String simple = name.substring(name.lastIndexOf('.') + 1);
      if (projectAnnotation.test(name)) {
        return Optional.of("@" + simple + ", an annotation of the project's own that carries Jackson's");
      }
      if (!simple.startsWith("Json") || NEUTRAL.contains(simple)) {
        continue;
      }
      // @JsonProperty("full_name") names the property alike both ways; with access = WRITE_ONLY it is not written
      boolean plainName = simple.equals("JsonProperty") && annotation.findAll(FieldAccessExpr.class).isEmpty()
          && annotation.findAll(NameExpr.class).isEmpty();
      // @JsonIgnoreProperties(ignoreUnknown = true), on many a DTO of an HTTP API: reading tolerates more, writes alike
      boolean tolerant = simple.equals("JsonIgnoreProperties") && annotation.isNormalAnnotationExpr()
          && annotation.asNormalAnnotationExpr().getPairs().stream().allMatch(pair -> pair.getNameAsString()
              .equals("ignoreUnknown"));
      if (!plainName && !tolerant && !simple.equals("JsonAlias") && !simple.equals("JsonNaming")) {
        return Optional.of("@" + simple);
      }
    }
    return Optional.empty();
  }

  /**
   * Lombok that changes what Jackson sees: {@code @Accessors} (fluent accessors are no getters), {@code onMethod_} or
   * {@code onParam_} (annotations on the generated methods, a {@code @JsonIgnore} among them), a class-level getter
   * that is not public (hostile review 65's B5, B6, A9).
   */
  private static Optional<String> lombokProblem(TypeDeclaration<?> body, String simpleName) {
    List<AnnotationExpr> all = new ArrayList<>(body.getAnnotations());
    body.getFields().forEach(f -> all.addAll(f.getAnnotations()));
    for (AnnotationExpr annotation : all) {
      String simple = annotation.getNameAsString().substring(annotation.getNameAsString().lastIndexOf('.') + 1);
      if (simple.equals("Accessors") || annotation.toString().contains("onMethod") || annotation.toString().contains("onParam")) {
        return Optional.of(simpleName + " carries Lombok's " + (simple.equals("Accessors") ? "@Accessors" : "onMethod_/onParam_")
            + ", which changes the methods Jackson reads and writes through");
      }
    }
    Optional<String> classLevel = body.getAnnotations().stream().filter(a -> a.getNameAsString().equals("Getter")
        || a.getNameAsString().endsWith(".Getter")).findFirst().map(a -> a.findAll(FieldAccessExpr.class).stream()
        .map(FieldAccessExpr::getNameAsString).findFirst().orElse("PUBLIC"));
    if (classLevel.isPresent() && !classLevel.get().equals("PUBLIC")) {
      return Optional.of(simpleName + "'s Lombok getters are of access " + classLevel.get() + ": Jackson would write "
          + "none of its fields");
    }
    return Optional.empty();
  }

  /** The access level a field's Lombok annotation names ({@code @Getter(AccessLevel.NONE)}), PUBLIC when it names none. */
  private static Optional<String> lombokLevel(FieldDeclaration field, String annotation) {
    return field.getAnnotations().stream().filter(a -> a.getNameAsString().equals(annotation)
        || a.getNameAsString().endsWith("." + annotation)).findFirst().map(a -> a.findAll(FieldAccessExpr.class).stream()
        .map(FieldAccessExpr::getNameAsString).findFirst()
        .orElse(a.findAll(NameExpr.class).stream().map(NameExpr::getNameAsString).filter(n -> n.equals(n.toUpperCase()))
            .findFirst().orElse("PUBLIC")));
  }
}
