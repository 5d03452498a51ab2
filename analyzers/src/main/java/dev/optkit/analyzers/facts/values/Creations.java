package dev.optkit.analyzers.facts.values;

import dev.optkit.analyzers.facts.Subtrees;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.optkit.analyzers.facts.FileFacts;
import dev.optkit.analyzers.facts.SourceRange;
import dev.optkit.analyzers.facts.types.TypeNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where a file constructs objects, and how often each construction may run: how many instances of
 * a class can exist decides whether a cache held in each instance can be invalidated by the
 * instance that writes.
 */
public final class Creations {
  private Creations() {}

  private static final Set<String> REFLECTIVE_CONSTRUCTION = Set.of(
      "getConstructor", "getDeclaredConstructor", "getConstructors", "getDeclaredConstructors", "newInstance");

  /**
   * @param nodes the file's {@code new} expressions, enum constants (each one object of its enum)
   *     and class literals ({@code Dao.class.getConstructor().newInstance()} makes objects too), in
   *     source order
   */
  public static List<FileFacts.Creation> of(List<Node> nodes, TypeNames names) {
    List<FileFacts.Creation> result = new ArrayList<>();
    for (Node node : nodes) {
      if (node instanceof EnumConstantDeclaration constant) {
        constant.getParentNode().filter(p -> p instanceof EnumDeclaration).flatMap(p -> ((EnumDeclaration) p)
            .getFullyQualifiedName()).ifPresent(type -> result.add(new FileFacts.Creation(type, type,
                FileFacts.Creation.Site.STATIC, false, SourceRange.of(constant))));
        continue;
      }
      if (node instanceof MethodReferenceExpr constructor) {
        // Repo::new makes an object each time the function runs, however often that is
        if (constructor.getScope() instanceof TypeExpr made) {
          result.add(new FileFacts.Creation(names.qualify(made.getType()).name(), ownerOf(constructor),
              FileFacts.Creation.Site.METHOD, true, SourceRange.of(constructor)));
        }
        continue;
      }
      if (node instanceof MethodCallExpr forName) {
        // Class.forName("shop.Repo"), then newInstance(): reflection by name makes as many as it likes
        if (forName.getArguments().size() >= 1 && forName.getArgument(0) instanceof StringLiteralExpr named
            && forName.getScope().map(s -> s.toString().endsWith("Class")).orElse(false)) {
          result.add(new FileFacts.Creation(named.asString(), ownerOf(forName), FileFacts.Creation.Site.METHOD, true,
              SourceRange.of(forName)));
        }
        continue;
      }
      if (node instanceof ClassExpr literal) {
        if (literal.getParentNode().orElse(null) instanceof MethodCallExpr call && call.getScope().orElse(null) == literal
            && REFLECTIVE_CONSTRUCTION.contains(call.getNameAsString())) {
          // reflection builds as many as it likes: counted as a creation that may repeat
          result.add(new FileFacts.Creation(names.qualify(literal.getType()).name(), ownerOf(literal),
              FileFacts.Creation.Site.METHOD, true, SourceRange.of(literal)));
        }
        continue;
      }
      ObjectCreationExpr creation = (ObjectCreationExpr) node;
      String type = names.qualify(creation.getType()).name();
      boolean repeated = false;
      FileFacts.Creation.Site site = FileFacts.Creation.Site.METHOD;
      String owner = "";
      for (Node at = creation.getParentNode().orElse(null); at != null; at = at.getParentNode().orElse(null)) {
        if (at instanceof ForStmt || at instanceof ForEachStmt || at instanceof WhileStmt || at instanceof DoStmt
            || at instanceof LambdaExpr) {
          repeated = true; // a loop, or code run whenever something calls it back
        }
        if (at instanceof CallableDeclaration<?> || at instanceof InitializerDeclaration
            || (at instanceof FieldDeclaration && at.getParentNode().orElse(null) instanceof TypeDeclaration<?>)) {
          site = site(at);
          owner = at.getParentNode().filter(p -> p instanceof TypeDeclaration<?>)
              .flatMap(p -> ((TypeDeclaration<?>) p).getFullyQualifiedName()).orElse("");
          if (owner.isEmpty()) {
            repeated = true; // a local or anonymous class: its code may run for many objects
          }
          break;
        }
      }
      if (site == FileFacts.Creation.Site.METHOD && !repeated && lazySingleton(creation)) {
        site = FileFacts.Creation.Site.STATIC; // made at most once per class load, like a static field's
      }
      result.add(new FileFacts.Creation(type, owner, site, repeated, SourceRange.of(creation),
          creation.getAnonymousClassBody().isPresent()));
    }
    return List.copyOf(result);
  }

  /**
   * The lazy singleton: {@code instance = new Registry()} under {@code if (instance == null)}, in a
   * synchronized method or block, where {@code instance} is a private static field of the class and
   * that is the only assignment to it. Without the lock two threads could each make one; with
   * another assignment ({@code instance = null} in a reset) it could be made again.
   */
  private static boolean lazySingleton(ObjectCreationExpr creation) {
    if (!(creation.getParentNode().orElse(null) instanceof AssignExpr assign) || assign.getValue() != creation
        || assign.getOperator() != AssignExpr.Operator.ASSIGN) {
      return false;
    }
    String field = assignedName(assign.getTarget());
    MethodDeclaration method = creation.findAncestor(MethodDeclaration.class).orElse(null);
    TypeDeclaration<?> type = method == null ? null
        : method.getParentNode().filter(p -> p instanceof TypeDeclaration<?>).map(p -> (TypeDeclaration<?>) p).orElse(null);
    if (field == null || type == null) {
      return false;
    }
    boolean privateStatic = type.getFieldByName(field).map(f -> f.isPrivate() && f.isStatic() && !f.isFinal())
        .orElse(false);
    if (!privateStatic || !(method.isSynchronized() || creation.findAncestor(SynchronizedStmt.class)
        .filter(lock -> lock.findAncestor(MethodDeclaration.class).orElse(null) == method).isPresent())) {
      return false;
    }
    boolean guarded = false;
    for (Node at = creation; at != method; at = at.getParentNode().orElseThrow()) {
      if (at.getParentNode().orElse(null) instanceof IfStmt test && test.getThenStmt() == at
          && nullCheckOf(test.getCondition(), field)) {
        guarded = true;
      }
    }
    // the only assignment: a reset (instance = null) would let it be made again
    return guarded && Subtrees.all(type, AssignExpr.class).stream().filter(a -> field.equals(assignedName(a.getTarget())))
        .count() == 1;
  }

  /** {@code name}, {@code Type.name} or {@code this.name}: the field an assignment writes; null otherwise. */
  private static String assignedName(Expression target) {
    if (target instanceof NameExpr name) {
      return name.getNameAsString();
    }
    return target instanceof FieldAccessExpr access ? access.getNameAsString() : null;
  }

  private static boolean nullCheckOf(Expression condition, String field) {
    return condition instanceof BinaryExpr test && test.getOperator() == BinaryExpr.Operator.EQUALS
        && (test.getRight().isNullLiteralExpr() && field.equals(assignedName(test.getLeft()))
            || test.getLeft().isNullLiteralExpr() && field.equals(assignedName(test.getRight())));
  }

  private static String ownerOf(Node node) {
    return node.findAncestor(TypeDeclaration.class).flatMap(t -> ((TypeDeclaration<?>) t).getFullyQualifiedName())
        .orElse("");
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
    if (method.getAnnotationByName("Bean").isPresent() && method.getAnnotationByName("Scope").isEmpty()
        && proxiedConfiguration(method)) {
      return FileFacts.Creation.Site.BEAN; // a singleton bean definition: called once per application context
    }
    return FileFacts.Creation.Site.METHOD;
  }

  /**
   * A {@code @Bean} method of a {@code @Configuration} class whose bean methods are proxied: only
   * then does calling it again return the one bean. In lite mode ({@code proxyBeanMethods = false},
   * or {@code @Bean} on a component) each call makes another object.
   */
  private static boolean proxiedConfiguration(MethodDeclaration method) {
    return method.getParentNode().filter(p -> p instanceof TypeDeclaration<?>).map(p -> (TypeDeclaration<?>) p)
        .flatMap(type -> type.getAnnotationByName("Configuration"))
        .map(configuration -> !(configuration instanceof NormalAnnotationExpr normal && normal.getPairs().stream()
            .anyMatch(pair -> pair.getNameAsString().equals("proxyBeanMethods")
                && pair.getValue().toString().equals("false"))))
        .orElse(false);
  }

  private static boolean stringArray(com.github.javaparser.ast.body.Parameter parameter) {
    String type = parameter.getType().asString().replace("java.lang.", "");
    return parameter.isVarArgs() ? type.equals("String") : type.equals("String[]");
  }
}
