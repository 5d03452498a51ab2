package dev.optkit.rewriters.loops;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.optkit.rewriters.edit.SourceDocument;
import dev.optkit.rewriters.edit.TextEdit;
import java.util.Optional;

/**
 * The method a rewritten loop throws a call's failure again with, as it was thrown: the loop's calls
 * run as tasks, whose failures come back as {@code Throwable}s, and a checked exception a call throws
 * without declaring it (Lombok's {@code @SneakyThrows}, a Kotlin or Groovy library, a project's own
 * "sneaky throw" helper) cannot be named in a catch the loop's method may have. Wrapping it (in an
 * {@code IllegalStateException}, as the rewrite did before) changed the type a caller saw; the
 * generic method below throws it unchanged, as the original loop did. One per top-level type, which
 * every class nested in it can call; the file's other methods must not take its name.
 */
final class RethrowAsIs {
  static final String NAME = "rethrowAsIs";
  private static final String MARK = "optkit migrate: a failure a rewritten loop's call threw";

  private RethrowAsIs() {}

  /** The top-level type of the file that holds the node. */
  static TypeDeclaration<?> topOf(Node node) {
    TypeDeclaration<?> top = node.findAncestor(TypeDeclaration.class).orElseThrow();
    for (Optional<TypeDeclaration> outer = top.findAncestor(TypeDeclaration.class); outer.isPresent();
        outer = outer.get().findAncestor(TypeDeclaration.class)) {
      top = outer.get();
    }
    return top;
  }

  /**
   * Why the top-level type cannot hold the method; empty when it can or does. The rewrite calls it qualified
   * ({@code Quotes.rethrowAsIs(x)}), so a method of that name a nested class declares or inherits does not hide it
   * (hostile review 70's F3); one the type itself declares or inherits would clash (F4), and an unqualified call of
   * that name elsewhere in the file (a static import's) would find the new one instead (F5).
   *
   * @param index where the top-level type's project supertypes are looked up
   */
  static Optional<String> problem(TypeDeclaration<?> top, int release, dev.optkit.analyzers.index.ProjectIndex index) {
    if (top.isAnnotationDeclaration()) {
      return Optional.of("it is in an annotation type, which cannot declare the method that throws a call's failure "
          + "again as it was");
    }
    if (top instanceof ClassOrInterfaceDeclaration type && type.isInterface() && release < 9) {
      return Optional.of("it is in an interface, whose static methods are public before Java 9: the method that throws "
          + "a call's failure again as it was would be part of its API");
    }
    for (MethodDeclaration method : top.getMethodsByName(NAME)) {
      if (!madeByOptkit(method)) {
        return Optional.of(top.getNameAsString() + " already has a method named " + NAME + ", the name optkit gives the "
            + "method that throws a call's failure again as it was");
      }
    }
    String qualified = top.getFullyQualifiedName().orElse(top.getNameAsString());
    Optional<String> declaring = index.supertypesOf(qualified).stream().filter(type -> !type.equals(qualified))
        .filter(type -> index.methods(type, NAME).stream().anyMatch(m -> !m.fact().isPrivate())) // a private one: not inherited
        .findFirst();
    if (declaring.isPresent()) {
      return Optional.of(top.getNameAsString() + " inherits a method named " + NAME + " from " + declaring.get()
          + ", the name optkit gives the method that throws a call's failure again as it was");
    }
    CompilationUnit unit = top.findCompilationUnit().orElse(null);
    boolean imported = unit != null && unit.getImports().stream().anyMatch(i -> i.isStatic()
        && (i.isAsterisk() || i.getName().getIdentifier().equals(NAME)));
    boolean calledPlain = top.findAll(com.github.javaparser.ast.expr.MethodCallExpr.class).stream()
        .anyMatch(call -> call.getNameAsString().equals(NAME) && call.getScope().isEmpty());
    if (imported && calledPlain) {
      return Optional.of("its file calls a method named " + NAME + " without a class, which the method optkit adds "
          + "under that name (to throw a call's failure again as it was) would hide");
    }
    return Optional.empty();
  }

  /** Whether the type has the method from an earlier migration. */
  static boolean existing(TypeDeclaration<?> top) {
    return top.getMethodsByName(NAME).stream().anyMatch(RethrowAsIs::madeByOptkit);
  }

  private static boolean madeByOptkit(MethodDeclaration method) {
    return method.isStatic() && method.isPrivate() && method.getParameters().size() == 1
        && method.getParentNode().map(type -> type.getAllContainedComments().stream().anyMatch(c -> c.getContent()
            .contains(MARK) && c.getEnd().get().line >= method.getBegin().get().line - 3
            && c.getEnd().get().line < method.getBegin().get().line)).orElse(false);
  }

  /** {@code throw Quotes.rethrowAsIs(failure);}: the statement a rewritten loop throws a held failure with. */
  static String statement(String owner, String failure) {
    return "throw " + owner + "." + NAME + "(" + failure + "); // as it was thrown, checked or not";
  }

  /** The method, inserted as the last lines of the type's body. */
  static TextEdit method(SourceDocument document, TypeDeclaration<?> top) {
    String nl = document.lineSeparator();
    String unit = document.indentUnit();
    String indent = document.indentationOf(top.getBegin().get().line) + unit;
    int closingLine = top.getEnd().get().line;
    int brace = document.offset(closingLine, top.getEnd().get().column);
    String beforeBrace = document.text().substring(document.lineStart(closingLine), brace);
    boolean ownLine = beforeBrace.isBlank();
    int insertAt = ownLine ? document.lineStart(closingLine) : brace;
    StringBuilder out = new StringBuilder();
    out.append(ownLine ? "" : nl).append(nl);
    out.append(indent).append("// ").append(MARK).append(", thrown again as it was: a checked").append(nl);
    out.append(indent).append("// exception it throws without declaring it keeps its type instead of coming back wrapped")
        .append(nl);
    out.append(indent).append("@SuppressWarnings(\"unchecked\")").append(nl);
    out.append(indent).append("private static <E extends Throwable> RuntimeException ").append(NAME)
        .append("(Throwable failure) throws E {").append(nl);
    out.append(indent).append(unit).append("throw (E) failure;").append(nl);
    out.append(indent).append('}').append(nl);
    if (!ownLine) {
      out.append(document.indentationOf(top.getBegin().get().line));
    }
    return new TextEdit(insertAt, insertAt, out.toString());
  }
}
