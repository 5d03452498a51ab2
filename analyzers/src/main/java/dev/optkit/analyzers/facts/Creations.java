package dev.optkit.analyzers.facts;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a file constructs objects, and how often each construction may run: how many instances of
 * a class can exist decides whether a cache held in each instance can be invalidated by the
 * instance that writes.
 */
final class Creations {
  private Creations() {}

  static List<FileFacts.Creation> in(CompilationUnit unit, TypeNames names) {
    List<FileFacts.Creation> result = new ArrayList<>();
    for (ObjectCreationExpr creation : unit.findAll(ObjectCreationExpr.class)) {
      String type = names.qualify(creation.getType()).name();
      boolean repeated = false;
      FileFacts.Creation.Site site = FileFacts.Creation.Site.METHOD;
      String owner = "";
      for (Node node = creation.getParentNode().orElse(null); node != null; node = node.getParentNode().orElse(null)) {
        if (node instanceof ForStmt || node instanceof ForEachStmt || node instanceof WhileStmt || node instanceof DoStmt
            || node instanceof LambdaExpr) {
          repeated = true; // a loop, or code run whenever something calls it back
        }
        if (node instanceof CallableDeclaration<?> || node instanceof InitializerDeclaration
            || (node instanceof FieldDeclaration && node.getParentNode().orElse(null) instanceof TypeDeclaration<?>)) {
          site = site(node);
          owner = node.getParentNode().filter(p -> p instanceof TypeDeclaration<?>)
              .flatMap(p -> ((TypeDeclaration<?>) p).getFullyQualifiedName()).orElse("");
          if (owner.isEmpty()) {
            repeated = true; // a local or anonymous class: its code may run for many objects
          }
          break;
        }
      }
      result.add(new FileFacts.Creation(type, owner, site, repeated, SourceRange.of(creation)));
    }
    return List.copyOf(result);
  }

  private static FileFacts.Creation.Site site(Node declaration) {
    if (declaration instanceof InitializerDeclaration initializer) {
      return initializer.isStatic() ? FileFacts.Creation.Site.STATIC : FileFacts.Creation.Site.CONSTRUCTOR;
    }
    if (declaration instanceof FieldDeclaration field) {
      return field.isStatic() ? FileFacts.Creation.Site.STATIC : FileFacts.Creation.Site.CONSTRUCTOR;
    }
    if (declaration instanceof ConstructorDeclaration) {
      return FileFacts.Creation.Site.CONSTRUCTOR;
    }
    MethodDeclaration method = (MethodDeclaration) declaration;
    if (method.isStatic() && method.getNameAsString().equals("main") && method.getParameters().size() == 1
        && stringArray(method.getParameter(0))) {
      return FileFacts.Creation.Site.MAIN;
    }
    if (method.getAnnotationByName("Bean").isPresent() && method.getAnnotationByName("Scope").isEmpty()) {
      return FileFacts.Creation.Site.BEAN; // a singleton bean definition: called once per application context
    }
    return FileFacts.Creation.Site.METHOD;
  }

  private static boolean stringArray(com.github.javaparser.ast.body.Parameter parameter) {
    String type = parameter.getType().asString().replace("java.lang.", "");
    return parameter.isVarArgs() ? type.equals("String") : type.equals("String[]");
  }
}
