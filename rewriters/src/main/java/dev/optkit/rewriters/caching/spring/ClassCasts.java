package dev.optkit.rewriters.caching.spring;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.optkit.analyzers.facts.TypeFact;
import java.util.Optional;

/**
 * A cast to a bean's class, or a test for it, anywhere in a file: {@code CountryDao dao = (CountryDao) countries;},
 * {@code if (bean instanceof CountryDao d)}. Outside Spring Boot a caching proxy of a bean implementing interfaces is
 * a JDK proxy of them, which is no instance of the class, so the cast fails where it did not. Read from the file's
 * tree (a call's text in the facts is cut after a length and misses a cast into a local); a simple name counts only
 * where it names the bean's class: written in the class's package, imported by name or with its package's
 * {@code .*}, or written whole.
 */
final class ClassCasts {
  private ClassCasts() {}

  /** Where the file casts to the class or tests for it, outside the class itself ({@code Main.main: (CountryDao) c}). */
  static Optional<String> in(CompilationUnit unit, TypeFact bean) {
    boolean simpleNameIsBean = simpleNameIsBean(unit, bean);
    for (Node node : unit.findAll(Node.class, n -> n instanceof CastExpr || n instanceof InstanceOfExpr)) {
      Type type = node instanceof CastExpr cast ? cast.getType() : ((InstanceOfExpr) node).getType();
      if (!(type instanceof ClassOrInterfaceType named) || !namesBean(named, bean, simpleNameIsBean)
          || insideBean(node, bean)) {
        continue;
      }
      return Optional.of(where(node) + ": " + node);
    }
    return Optional.empty();
  }

  /**
   * An injected field of the class {@code owner} whose declared type has the bean's class among its type arguments
   * ({@code List<CountryDao> all}, {@code ObjectProvider<CountryDao> dao}): Spring looks the bean up by its class to
   * fill it, which a JDK proxy fails. The facts keep a field's type erased, so it is read from the file's tree.
   */
  static Optional<String> typeArgumentField(CompilationUnit unit, TypeFact bean, String owner) {
    boolean simpleNameIsBean = simpleNameIsBean(unit, bean);
    for (TypeDeclaration<?> type : unit.<TypeDeclaration<?>>findAll(declarations())) {
      if (!type.getFullyQualifiedName().map(owner::equals).orElse(false)) {
        continue;
      }
      boolean lombokConstructor = type.getAnnotations().stream().map(a -> a.getName().getIdentifier())
          .anyMatch(a -> a.equals("RequiredArgsConstructor") || a.equals("AllArgsConstructor"));
      for (var field : type.getFields()) {
        // a field Spring fills itself, or through the constructor Lombok writes; one a constructor of the code fills
        // is named by that constructor's parameter
        boolean injected = field.getAnnotations().stream().map(a -> a.getName().getIdentifier())
            .anyMatch(a -> a.equals("Autowired") || a.equals("Inject") || a.equals("Resource"))
            || lombokConstructor && field.isFinal() && !field.isStatic();
        if (!injected) {
          continue;
        }
        for (var variable : field.getVariables()) {
          boolean named = variable.getType().findAll(ClassOrInterfaceType.class).stream()
              .filter(t -> t != variable.getType()).anyMatch(t -> namesBean(t, bean, simpleNameIsBean));
          if (named) {
            return Optional.of(type.getNameAsString() + "." + variable.getNameAsString());
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Whether the class carries one of the annotations with {@code proxyTargetClass = true}. */
  static boolean forcesClassProxies(CompilationUnit unit, String owner, java.util.Set<String> annotations) {
    java.util.Set<String> simple = new java.util.HashSet<>();
    annotations.forEach(a -> simple.add(a.substring(a.lastIndexOf('.') + 1)));
    for (TypeDeclaration<?> type : unit.<TypeDeclaration<?>>findAll(declarations())) {
      if (!type.getFullyQualifiedName().map(owner::equals).orElse(false)) {
        continue;
      }
      for (var annotation : type.getAnnotations()) {
        if (simple.contains(annotation.getName().getIdentifier())
            && annotation instanceof com.github.javaparser.ast.expr.NormalAnnotationExpr members
            && members.getPairs().stream().anyMatch(pair -> pair.getNameAsString().equals("proxyTargetClass")
                && pair.getValue() instanceof com.github.javaparser.ast.expr.BooleanLiteralExpr flag && flag.getValue())) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean namesBean(ClassOrInterfaceType named, TypeFact bean, boolean simpleNameIsBean) {
    String written = named.getNameWithScope();
    return written.equals(bean.qualifiedName()) || simpleNameIsBean && written.equals(bean.simpleName());
  }

  /** Whether the bean's simple name, written in this file, is the bean's class. */
  static boolean simpleNameIsBean(CompilationUnit unit, TypeFact bean) {
    String qualified = bean.qualifiedName();
    String beanPackage = qualified.contains(".") ? qualified.substring(0, qualified.lastIndexOf('.')) : "";
    String filePackage = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    boolean otherDeclared = false;
    for (TypeDeclaration<?> declared : unit.<TypeDeclaration<?>>findAll(declarations())) {
      otherDeclared |= declared.getNameAsString().equals(bean.simpleName())
          && !declared.getFullyQualifiedName().map(qualified::equals).orElse(false);
    }
    if (otherDeclared) {
      return false; // a class of that name declared here shadows the bean's
    }
    boolean importedOther = unit.getImports().stream().anyMatch(i -> !i.isStatic() && !i.isAsterisk()
        && i.getName().getIdentifier().equals(bean.simpleName()) && !i.getNameAsString().equals(qualified));
    if (importedOther) {
      return false;
    }
    return filePackage.equals(beanPackage) || unit.getImports().stream().anyMatch(i -> !i.isStatic()
        && (i.isAsterisk() ? i.getNameAsString().equals(beanPackage) : i.getNameAsString().equals(qualified)));
  }

  private static boolean insideBean(Node node, TypeFact bean) {
    TypeDeclaration<?> around = node.findAncestor(declarations()).orElse(null);
    return around != null && around.getFullyQualifiedName().map(bean.qualifiedName()::equals).orElse(false);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Class<TypeDeclaration<?>> declarations() {
    return (Class) TypeDeclaration.class;
  }

  /** {@code Main.main}: the class and method a node is in. */
  static String where(Node node) {
    String type = node.findAncestor(TypeDeclaration.class).map(TypeDeclaration::getNameAsString).orElse("");
    String method = node.findAncestor(CallableDeclaration.class).map(CallableDeclaration::getNameAsString).orElse(null);
    return method == null ? type : type + "." + method;
  }
}
