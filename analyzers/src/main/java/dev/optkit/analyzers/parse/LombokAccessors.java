package dev.optkit.analyzers.parse;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.VoidType;
import dev.optkit.analyzers.facts.types.LombokAnnotations;

/**
 * The getters and setters Lombok generates at compile time ({@code @Data}, {@code @Value}, {@code @Getter},
 * {@code @Setter} on a class or a field), added to the declarations the symbol solver reads of a project type, so that
 * {@code customer.getName()} has a type: without it every overloaded call taking such a getter's answer
 * ({@code bind("name", customer.getName())} of a Jdbi statement) was unresolved, and the chain's query with it (a blind
 * trial's Jdbi application: 12 of 28 queries missed). Only the solver's copy of a file gets them: the facts are
 * extracted from the file as written. A type that renames its accessors ({@code @Accessors}) gets none (its names are
 * not the defaults), nor does an access level of {@code NONE}; a method the type declares itself is kept.
 */
final class LombokAccessors {
  private LombokAccessors() {}

  /** Adds the accessors Lombok would generate to the unit's classes; nothing where the unit imports no Lombok. */
  static void addTo(CompilationUnit unit) {
    for (ClassOrInterfaceDeclaration type : unit.findAll(ClassOrInterfaceDeclaration.class)) {
      if (type.isInterface() || annotated(type, "Accessors")) {
        continue;
      }
      boolean value = annotated(type, "Value");
      boolean getters = generates(type, "Getter") || annotated(type, "Data") || value;
      boolean setters = (generates(type, "Setter") || annotated(type, "Data")) && !value;
      for (FieldDeclaration field : type.getFields()) {
        if (field.isStatic() || annotated(field, "Accessors")) {
          continue;
        }
        boolean get = fieldSays(field, "Getter", getters);
        boolean set = fieldSays(field, "Setter", setters) && !field.isFinal();
        for (VariableDeclarator variable : field.getVariables()) {
          Type fieldType = variable.getType();
          String name = variable.getNameAsString();
          if (get) {
            add(type, getterName(name, fieldType), fieldType.clone(), null);
          }
          if (set) {
            add(type, setterName(name, fieldType), new VoidType(), new Parameter(fieldType.clone(), name));
          }
        }
      }
    }
  }

  private static void add(ClassOrInterfaceDeclaration type, String name, Type answer, Parameter parameter) {
    int arity = parameter == null ? 0 : 1;
    if (type.getMethodsByName(name).stream().anyMatch(method -> method.getParameters().size() == arity)) {
      return;
    }
    MethodDeclaration method = new MethodDeclaration(new NodeList<>(Modifier.publicModifier()), answer, name);
    if (parameter != null) {
      method.addParameter(parameter);
    }
    method.setBody(new BlockStmt());
    type.addMember(method);
  }

  /** A field's own {@code @Getter}/{@code @Setter} decides for it (with its level); else its class's. */
  private static boolean fieldSays(FieldDeclaration field, String annotation, boolean byClass) {
    return annotated(field, annotation) ? generates(field, annotation) : byClass;
  }

  /** Annotated so, at a level other than {@code AccessLevel.NONE}. */
  private static boolean generates(NodeWithAnnotations<?> node, String annotation) {
    return annotated(node, annotation) && node.getAnnotations().stream()
        .filter(a -> a.getNameAsString().equals(annotation) || a.getNameAsString().endsWith("." + annotation))
        .noneMatch(a -> a.findAll(com.github.javaparser.ast.expr.NameExpr.class).stream()
                .anyMatch(n -> n.getNameAsString().equals("NONE"))
            || a.findAll(com.github.javaparser.ast.expr.FieldAccessExpr.class).stream()
                .anyMatch(n -> n.getNameAsString().equals("NONE")));
  }

  private static boolean annotated(NodeWithAnnotations<?> node, String annotation) {
    return LombokAnnotations.annotated(node, (com.github.javaparser.ast.Node) node, annotation);
  }

  /** Lombok's getter name: {@code isX} for a primitive boolean ({@code isActive} stays as it is), else {@code getX}. */
  static String getterName(String field, Type type) {
    if (isPrimitiveBoolean(type)) {
      return startsWithIs(field) ? field : "is" + capitalized(field);
    }
    return "get" + capitalized(field);
  }

  /** Lombok's setter name: {@code setX}, a primitive boolean's {@code isX} field giving {@code setX}. */
  static String setterName(String field, Type type) {
    return "set" + capitalized(isPrimitiveBoolean(type) && startsWithIs(field) ? field.substring(2) : field);
  }

  private static boolean isPrimitiveBoolean(Type type) {
    return type instanceof PrimitiveType primitive && primitive.getType() == PrimitiveType.Primitive.BOOLEAN;
  }

  private static boolean startsWithIs(String field) {
    return field.length() > 2 && field.startsWith("is") && Character.isUpperCase(field.charAt(2));
  }

  private static String capitalized(String name) {
    return Character.toTitleCase(name.charAt(0)) + name.substring(1);
  }
}
