package dev.optkit.rewriters.loops;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.optkit.rewriters.edit.Imports;
import dev.optkit.rewriters.edit.SourceDocument;
import dev.optkit.rewriters.edit.TextEdit;
import java.util.Optional;
import java.util.Set;

/**
 * The pool a class's rewritten loops hand their blocking calls to: one per class, created with the
 * class, never one per call. Its threads are made when a loop needs them, up to a bound, and end
 * after a minute idle, so the pool needs no shutdown and holds no thread while nothing runs; they
 * are daemons, so they never keep the JVM alive. When every thread is busy (many requests looping
 * at once) a call runs on the caller's own thread, as it did before the rewrite: slower, never
 * queued without bound and never rejected. A loop bounds its own calls in flight besides.
 *
 * <p>On Java 21 and later, where no call can pin one ({@link LoopThreads}), the pool makes a virtual
 * thread per call instead: no bound of its own, each loop's limit bounds its calls at once.
 */
final class LoopCallPool {
  static final String NAME = "LOOP_CALL_POOL";
  /** Threads across every loop of the class running at once. */
  static final int MAX_THREADS = 64;

  private LoopCallPool() {}

  /** Why the class cannot hold the pool; empty when it can. */
  static Optional<String> problem(TypeDeclaration<?> type) {
    if (type.isClassOrInterfaceDeclaration() && type.asClassOrInterfaceDeclaration().isInterface()) {
      return Optional.of("it is in an interface, whose fields are public: the pool would be part of its API");
    }
    boolean inner = type.isNestedType() && !type.isStatic()
        && !(type.isClassOrInterfaceDeclaration() && type.asClassOrInterfaceDeclaration().isInterface())
        && !type.isEnumDeclaration() && !type.isRecordDeclaration();
    if (inner) {
      return Optional.of("it is in an inner (non-static) class, which cannot declare the static pool before Java 16");
    }
    if (type.getParentNode().orElse(null) instanceof com.github.javaparser.ast.stmt.LocalClassDeclarationStmt
        || type.getParentNode().orElse(null) instanceof com.github.javaparser.ast.expr.ObjectCreationExpr) {
      return Optional.of("it is in a local or anonymous class, where the pool would be made per instance");
    }
    Optional<FieldDeclaration> named = existing(type);
    if (named.isPresent() && !madeByOptkit(named.get())) {
      return Optional.of("its class already has a field named " + NAME + ", the name optkit gives the pool");
    }
    if (named.isPresent() && named.get().toString().contains("newThreadPerTaskExecutor")) {
      // a loop rewritten now may pin a virtual thread (below Java 24), which an earlier migration's loops did not
      return Optional.of("its class's pool, from an earlier migration, runs virtual threads, and optkit adds no loop to "
          + "it: a call of this one could pin a carrier thread (below Java 24), which that migration did not check");
    }
    return Optional.empty();
  }

  /** The class's field of the pool's name, when it has one. */
  static Optional<FieldDeclaration> existing(TypeDeclaration<?> type) {
    return type.getMembers().stream().filter(m -> m instanceof FieldDeclaration field
        && field.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(NAME)))
        .map(FieldDeclaration.class::cast).findFirst();
  }

  /**
   * Whether the field is the platform pool an earlier migration added (its comment, static final, a bounded
   * ThreadPoolExecutor that runs a call on the caller's thread when full): a later loop of the class shares it.
   */
  static boolean madeByOptkit(FieldDeclaration field) {
    String text = field.toString();
    return field.isStatic() && field.isFinal()
        && field.getParentNode().map(type -> type.getAllContainedComments().stream().anyMatch(c -> c.getContent()
            .contains("optkit migrate: the threads this class's rewritten loops")
            && c.getEnd().get().line >= field.getBegin().get().line - 2
            && c.getEnd().get().line < field.getBegin().get().line)).orElse(false)
        && (text.contains("ThreadPoolExecutor(0, " + MAX_THREADS) && text.contains("CallerRunsPolicy")
            || text.contains("newThreadPerTaskExecutor"));
  }

  /**
   * Where members may start: after the body's brace, or in an enum after the semicolon that ends its constants (review
   * 70's c07b: the field went before them, and the rewritten file did not parse). Comments between are skipped.
   */
  private static int membersStart(SourceDocument document, TypeDeclaration<?> type, int brace) {
    if (!(type instanceof com.github.javaparser.ast.body.EnumDeclaration enumeration) || enumeration.getEntries().isEmpty()) {
      return brace;
    }
    var last = enumeration.getEntries().getLast().orElseThrow().getEnd().orElseThrow();
    String text = document.text();
    int at = document.offset(last.line, last.column) + 1;
    while (at < text.length() && text.charAt(at) != ';') {
      if (text.startsWith("//", at)) {
        at = text.indexOf('\n', at);
      } else if (text.startsWith("/*", at)) {
        at = text.indexOf("*/", at + 2) + 1;
      }
      if (at <= 0) {
        return brace;
      }
      at++;
    }
    return at;
  }

  /** The field's declaration, inserted as the first lines of the class body (an enum's: after its constants). */
  static TextEdit field(SourceDocument document, CompilationUnit unit, TypeDeclaration<?> type, Set<String> imports,
      LoopThreads.Choice threads) {
    String nl = document.lineSeparator();
    String unitIndent = document.indentUnit();
    int openLine = type.getName().getBegin().get().line;
    String text = document.text();
    int brace = text.indexOf('{', document.offset(openLine, type.getName().getBegin().get().column));
    int insertAt = text.indexOf('\n', membersStart(document, type, brace)) + 1;
    String indent = document.indentationOf(type.getBegin().get().line) + unitIndent;
    String i2 = indent + unitIndent + unitIndent;
    String executorService = use(unit, "java.util.concurrent.ExecutorService", imports);
    if (threads.virtual()) {
      String executors = use(unit, "java.util.concurrent.Executors", imports);
      return new TextEdit(insertAt, insertAt, nl
          + indent + "// optkit migrate: the threads this class's rewritten loops run their calls on: a virtual thread "
          + "per call;" + nl
          + indent + "// each loop bounds its own calls at once" + nl
          + indent + "private static final " + executorService + " " + NAME + " = " + executors
          + ".newThreadPerTaskExecutor(" + nl
          + i2 + "Thread.ofVirtual().name(\"optkit-loop-calls-\", 0).factory());" + nl);
    }
    String pool = use(unit, "java.util.concurrent.ThreadPoolExecutor", imports);
    String timeUnit = use(unit, "java.util.concurrent.TimeUnit", imports);
    String handOff = use(unit, "java.util.concurrent.SynchronousQueue", imports);
    StringBuilder out = new StringBuilder();
    out.append(nl);
    out.append(indent).append("// optkit migrate: the threads this class's rewritten loops run their calls on: up to ")
        .append(MAX_THREADS).append(", made when").append(nl);
    out.append(indent).append("// needed and ended after 60 s idle; when all are busy, a call runs on the caller's "
        + "thread, as it did before").append(nl);
    out.append(indent).append("private static final ").append(executorService).append(' ').append(NAME).append(" = new ")
        .append(pool).append("(0, ").append(MAX_THREADS).append(", 60L, ").append(timeUnit).append(".SECONDS,").append(nl);
    out.append(i2).append("new ").append(handOff).append("<Runnable>(), task -> {").append(nl);
    out.append(i2).append(unitIndent).append("Thread thread = new Thread(task, \"optkit-loop-calls\");").append(nl);
    out.append(i2).append(unitIndent).append("thread.setDaemon(true);").append(nl);
    out.append(i2).append(unitIndent).append("return thread;").append(nl);
    out.append(i2).append("}, new ").append(pool).append(".CallerRunsPolicy());").append(nl);
    return new TextEdit(insertAt, insertAt, out.toString());
  }

  private static String use(CompilationUnit unit, String type, Set<String> imports) {
    if (Imports.canUseSimpleName(unit, type)) {
      imports.add(type);
    }
    return Imports.reference(unit, type);
  }
}
