package dev.optkit.rewriters.loops;

import dev.optkit.analyzers.proof.Reason;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.analyzers.proof.Proof;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.Statement;
import dev.optkit.rewriters.edit.Imports;
import dev.optkit.rewriters.edit.SourceDocument;
import dev.optkit.rewriters.edit.TextEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Futures joined inside a loop ({@code for (x : xs) { ...; f = client.sendAsync(...); ...; f.join(); }}):
 * each call starts only after the previous one finished. The rewrite keeps the loop and everything
 * after the start exactly as it was, in input order on the calling thread, and starts up to N calls
 * ahead of the one being joined:
 *
 * <pre>
 * while (true) {
 *     while (started.size() &lt; inFlightLimit &amp;&amp; !walkedAll &amp;&amp; startFailure == null) {
 *         if (!toStart.hasNext()) { walkedAll = true; break; }
 *         X nextX = toStart.next();
 *         walked.add(nextX);
 *         try { ...; started.add(client.sendAsync(...)); } catch (RuntimeException e) { startFailure = e; }
 *     }
 *     if (started.isEmpty()) { if (startFailure == null) break; throw startFailure; }
 *     X x = walked.remove();
 *     F f = started.remove();
 *     ... (the loop's own statements after the start, unchanged)
 * }
 * </pre>
 *
 * So the answers, their order, and what the loop does with each are those of the original; an
 * element whose start throws throws in its own turn, after every earlier element was joined; a loop
 * left early (break, return, an exception) cancels the calls it started ahead. What {@link LoopProof}
 * shows first: the statements before the start only compute values for it (the start runs ahead of
 * earlier elements' joins), they read nothing the statements after a join could change, and the
 * start itself is a read.
 */
public final class FuturesJoinedInLoopRewrite {
  /** The system property that makes every rewritten loop start one call at a time again. */
  public static final String SEQUENTIAL_PROPERTY = "optkit.loops.sequential";

  /** The rewritten loop as one text edit, or the reason it was refused. */
  public sealed interface Outcome permits Rewritten, Refused {}

  /**
   * @param action what the loop does after the rewrite, in the plan's words
   * @param pooledCall the call each element's turn waits for, handed to the class's pool; null when none is
   * @param rethrows whether the loop throws a held failure again through {@link RethrowAsIs}'s method
   */
  public record Rewritten(TextEdit edit, Set<String> imports, String action,
      Expression pooledCall, boolean rethrows) implements Outcome {
    public Rewritten(TextEdit edit, Set<String> imports, String action) {
      this(edit, imports, action, null, false);
    }
  }

  /** Why the loop stays as it is: the proof that did not hold, and the words printed for it. */
  public record Refused(Reason reason) implements Outcome {
    public Refused(Proof proof, String text) {
      this(new Reason(proof, text));
    }
  }

  private final SourceDocument document;
  private final CompilationUnit unit;
  private final int inFlight;
  private final LoopProof.Start kind;
  /** The pool a blocking call is handed to ({@link LoopCallPool}); null for futures the loop starts itself. */
  private final String pool;
  /** Whether the calls handed to the pool write, run ahead because the user accepted it (--accept-reorder). */
  private final boolean reorderedWrites;

  public FuturesJoinedInLoopRewrite(SourceDocument document, CompilationUnit unit, int inFlight) {
    this(document, unit, inFlight, LoopProof.Start.FUTURE, null);
  }

  FuturesJoinedInLoopRewrite(SourceDocument document, CompilationUnit unit, int inFlight, LoopProof.Start kind,
      String pool) {
    this(document, unit, inFlight, kind, pool, false);
  }

  FuturesJoinedInLoopRewrite(SourceDocument document, CompilationUnit unit, int inFlight, LoopProof.Start kind,
      String pool, boolean reorderedWrites) {
    this.document = document;
    this.unit = unit;
    this.inFlight = inFlight;
    this.kind = kind;
    this.pool = pool;
    this.reorderedWrites = reorderedWrites;
  }

  /**
   * @param aheadCall why a call among the statements that start an element (a project method, a call on
   *     a shared object) may see state the statements after an earlier element's join change; empty when it cannot
   */
  public Outcome rewrite(CallableDeclaration<?> method, ForEachStmt loop, LoopProof.CallJudge aheadCall) {
    LoopProof.Shape shape = LoopProof.of(unit, method, loop, aheadCall, kind);
    if (shape.refusal() != null) {
      return new Refused(shape.refusal());
    }
    Optional<String> layout = layoutProblem(loop, shape);
    if (layout.isPresent()) {
      return new Refused(Proof.LOOP_SHAPE, layout.get());
    }
    Set<String> used = new java.util.HashSet<>(Set.of("java.util.ArrayDeque", "java.util.Deque", "java.util.Iterator",
        "java.util.LinkedList"));
    if (kind == LoopProof.Start.BLOCKING_CALL) {
      used.addAll(Set.of("java.util.concurrent.Future", "java.util.concurrent.ExecutionException",
          "java.util.concurrent.FutureTask"));
    }
    used.addAll(shape.parts().imports());
    return new Rewritten(new TextEdit(document.lineStart(loop.getBegin().get().line),
        document.lineEnd(loop.getEnd().get().line), text(method, loop, shape)), used.stream()
            .filter(type -> Imports.canUseSimpleName(unit, type)).collect(java.util.stream.Collectors.toSet()),
        kind == LoopProof.Start.BLOCKING_CALL
            ? "runs up to " + inFlight + " calls ahead on a bounded pool and takes each answer in its turn"
                + (reorderedWrites ? "; its calls write, at once and in another order (--accept-reorder)" : "")
            : "starts up to " + inFlight + " calls ahead and joins each in its turn",
        kind == LoopProof.Start.BLOCKING_CALL ? pooledCall(shape) : null, true);
  }

  /** The rewrite moves whole lines: the loop and each statement must have lines of their own. */
  private Optional<String> layoutProblem(ForEachStmt loop, LoopProof.Shape shape) {
    int loopLine = loop.getBegin().get().line;
    String before = document.text().substring(document.lineStart(loopLine), document.offset(loopLine, loop.getBegin().get().column));
    String after = document.text().substring(document.offset(loop.getEnd().get().line, loop.getEnd().get().column) + 1,
        document.lineEnd(loop.getEnd().get().line));
    BlockStmt body = inner(loop, shape);
    if (shape.parts().filter() != null) {
      com.github.javaparser.ast.stmt.IfStmt filter = shape.parts().filter();
      BlockStmt outer = (BlockStmt) loop.getBody();
      // the if's own lines are written anew: nothing else (a comment) may stand between them and the loop's braces
      if (filter.getBegin().get().line != outer.getBegin().get().line + 1
          || body.getBegin().get().line != filter.getBegin().get().line
          || filter.getCondition().getEnd().get().line != filter.getBegin().get().line
          || outer.getEnd().get().line != body.getEnd().get().line + 1) {
        return Optional.of("its filter does not stand on lines of its own ('if (...) {' on one line, right inside the "
            + "loop's braces), and optkit moves whole lines");
      }
    }
    int previous = body.getBegin().get().line;
    for (Statement statement : body.getStatements()) {
      if (statement.getBegin().get().line <= previous) {
        return Optional.of("its statements share lines, and optkit moves whole lines");
      }
      previous = statement.getEnd().get().line;
    }
    if (!before.isBlank() || !after.isBlank() || body.getEnd().get().line <= previous
        || loop.getBody().getBegin().get().line != loopLine) {
      return Optional.of("the loop does not stand on lines of its own, and optkit moves whole lines");
    }
    return Optional.empty();
  }

  /** The block holding the loop's call: the loop's body, or its filter's. */
  private static BlockStmt inner(ForEachStmt loop, LoopProof.Shape shape) {
    return shape.parts().filter() != null ? (BlockStmt) shape.parts().filter().getThenStmt() : (BlockStmt) loop.getBody();
  }

  /** The call handed to the pool: the declared answer's initializer, or the call inside the statement using its answer. */
  private static Expression pooledCall(LoopProof.Shape shape) {
    if (shape.parts().answerInStatement() != null) {
      return shape.parts().answerInStatement();
    }
    return ((VariableDeclarationExpr) shape.start().getExpression()).getVariable(0).getInitializer().orElse(null);
  }

  /** What the started deque holds: the loop's own future type, or the pool's future of the call's answer. */
  private String futureType(LoopProof.Shape shape) {
    if (kind == LoopProof.Start.FUTURE) {
      return shape.futureType();
    }
    return Imports.reference(unit, "java.util.concurrent.Future") + "<" + LoopProof.boxed(shape.futureType()) + ">";
  }

  private String text(CallableDeclaration<?> method, ForEachStmt loop, LoopProof.Shape shape) {
    String nl = document.lineSeparator();
    String unitIndent = document.indentUnit();
    String indent = document.indentationOf(loop.getBegin().get().line);
    FreshNames names = new FreshNames(method);
    String limit = names.take("inFlightLimit");
    String started = names.take("started");
    String toStart = names.take("toStart");
    String walked = names.take("walked");
    String walkedAll = names.take("walkedAll");
    String failure = names.take("startFailure");
    String caught = names.take("thrown");
    String element = loop.getVariableDeclarator().getNameAsString();
    String next = names.take("next" + Character.toUpperCase(element.charAt(0)) + element.substring(1));
    String elementType = LoopProof.boxed(loop.getVariableDeclarator().getType().asString());
    BlockStmt body = inner(loop, shape);
    com.github.javaparser.ast.stmt.IfStmt filter = shape.parts().filter();
    com.github.javaparser.ast.expr.MethodCallExpr inCall = shape.parts().answerInStatement();
    String skipped = filter == null ? null : names.take("skipped");
    ExpressionStmt start = shape.start();
    String dequeType = Imports.reference(unit, "java.util.Deque");
    String arrayDequeType = Imports.reference(unit, "java.util.ArrayDeque");
    String iteratorType = Imports.reference(unit, "java.util.Iterator");
    String i1 = indent + unitIndent;
    String i2 = i1 + unitIndent;
    String i3 = i2 + unitIndent;
    String i4 = i3 + unitIndent;
    // inside a filter, what starts an element's call is one level further in
    String aheadIndent = filter == null ? i4 : i4 + unitIndent;

    StringBuilder out = new StringBuilder();
    if (kind == LoopProof.Start.FUTURE) {
      out.append(indent).append("// optkit migrate: up to ").append(inFlight).append(" calls start ahead, in input order, "
          + "and each is joined in its turn;").append(nl);
    } else {
      out.append(indent).append("// optkit migrate: up to ").append(inFlight).append(" calls run ahead on ").append(pool)
          .append(", in input order, and each answer is taken in its turn;").append(nl);
      if (reorderedWrites) {
        out.append(indent).append("// the calls write: accepted to run at once and in another order (--accept-reorder); "
            + "when one fails,").append(nl);
        out.append(indent).append("// up to ").append(inFlight - 1).append(" later ones may have been sent already")
            .append(nl);
      }
    }
    out.append(indent).append("// -D").append(SEQUENTIAL_PROPERTY).append("=true starts one at a time again").append(nl);
    out.append(indent).append("int ").append(limit).append(" = Boolean.getBoolean(\"").append(SEQUENTIAL_PROPERTY)
        .append("\") ? 1 : ").append(inFlight).append(';').append(nl);
    out.append(indent).append(dequeType).append('<').append(futureType(shape)).append("> ").append(started)
        .append(" = new ").append(arrayDequeType).append("<>();").append(nl);
    out.append(indent).append(iteratorType).append("<? extends ").append(elementType).append("> ").append(toStart).append(" = ")
        .append(shape.parts().iterator()).append(".iterator();").append(nl);
    // the collection is walked once, by toStart: a second walk (the loop's own header) could see another
    // content (a CopyOnWriteArrayList changed meanwhile) and pair an element with another's answer.
    // A LinkedList, since an ArrayDeque refuses the null elements a collection may hold.
    out.append(indent).append(dequeType).append('<').append(elementType).append("> ").append(walked).append(" = new ")
        .append(Imports.reference(unit, "java.util.LinkedList")).append("<>();").append(nl);
    String answerType = LoopProof.boxed(shape.futureType());
    String futureTask = Imports.reference(unit, "java.util.concurrent.FutureTask");
    if (filter != null) {
      out.append(indent).append("// the mark of an element its filter leaves out: no call is started for it").append(nl);
      out.append(indent).append(futureTask).append('<').append(answerType).append("> ").append(skipped).append(" = new ")
          .append(futureTask).append('<').append(answerType).append(">(() -> null);").append(nl);
    }
    List<String> checked = shape.checked();
    String owner = RethrowAsIs.topOf(loop).getNameAsString();
    String failureType = "Throwable";
    out.append(indent).append("boolean ").append(walkedAll).append(" = false;").append(nl);
    out.append(indent).append(failureType).append(' ').append(failure).append(" = null;").append(nl);
    out.append(indent).append("try {").append(nl);
    // "final String sku" of for (final String sku : skus), bound in each turn to the element walked for it
    String variable = document.text().substring(offsetOf(loop.getVariable().getBegin().get()),
        offsetOf(loop.getVariable().getEnd().get()) + 1);
    out.append(i1).append("while (true) {").append(nl);
    out.append(i2).append("while (").append(started).append(".size() < ").append(limit).append(" && !").append(walkedAll)
        .append(" && ").append(failure).append(" == null) {").append(nl);
    out.append(i3).append("try {").append(nl);
    // asked inside the try: an iterator that fails in hasNext() (a lazily paged list) fails in its own turn
    out.append(i4).append("if (!").append(toStart).append(".hasNext()) {").append(nl);
    out.append(i4).append(unitIndent).append(walkedAll).append(" = true;").append(nl);
    out.append(i4).append(unitIndent).append("break;").append(nl);
    out.append(i4).append('}').append(nl);
    out.append(i4).append(loop.getVariableDeclarator().getType().asString()).append(' ').append(next).append(" = ")
        .append(toStart).append(".next();").append(nl);
    out.append(i4).append(walked).append(".add(").append(next).append(");").append(nl);
    List<TextEdit> renames = renames(shape.ahead(), element, next);
    if (filter != null) {
      com.github.javaparser.ast.expr.Expression condition = filter.getCondition();
      out.append(i4).append("if (").append(renamed(offsetOf(condition.getBegin().get()), offsetOf(condition.getEnd().get()) + 1,
          renames)).append(") {").append(nl);
    }
    int firstLine = body.getBegin().get().line + 1;
    int startLine = start.getBegin().get().line;
    // the statements before the start, and the start itself, move three levels in and bind the next element
    String aheadLines = firstLine < startLine ? renamed(document.lineStart(firstLine), document.lineStart(startLine), renames) : "";
    out.append(shift(aheadLines, i3.substring(indent.length()), nl));
    com.github.javaparser.ast.expr.Expression initializer = inCall != null ? inCall
        : ((VariableDeclarationExpr) start.getExpression()).getVariable(0).getInitializer().get();
    String startText = renamed(offsetOf(initializer.getBegin().get()), offsetOf(initializer.getEnd().get()) + 1, renames);
    if (kind == LoopProof.Start.FUTURE) {
      out.append(i4).append(started).append(".add(").append(continuation(startText, unitIndent + unitIndent + unitIndent, nl))
          .append(");").append(nl);
    } else {
      com.github.javaparser.ast.type.Type declared = inCall != null ? null
          : ((VariableDeclarationExpr) start.getExpression()).getVariable(0).getType();
      handedToPool(out, declared, shape.futureType(), startText, limit, started, names, aheadIndent, unitIndent, nl);
    }
    if (filter != null) {
      out.append(i4).append("} else {").append(nl);
      out.append(aheadIndent).append(started).append(".add(").append(skipped).append(");").append(nl);
      out.append(i4).append('}').append(nl);
    }
    out.append(i3).append("} catch (").append(failureType).append(' ').append(caught).append(") {").append(nl);
    out.append(i4).append("// thrown in its own element's turn, after every earlier element was joined").append(nl);
    out.append(i4).append(failure).append(" = ").append(caught).append(';').append(nl);
    out.append(i3).append('}').append(nl);
    out.append(i2).append('}').append(nl);
    out.append(i2).append("if (").append(started).append(".isEmpty()) {").append(nl);
    out.append(i3).append("if (").append(failure).append(" == null) {").append(nl);
    out.append(i4).append("break; // every element walked and taken").append(nl);
    out.append(i3).append('}').append(nl);
    rethrown(out, failure, checked, owner, i3, unitIndent, nl);
    out.append(i2).append('}').append(nl);
    out.append(i2).append(variable).append(" = ").append(walked).append(".remove();").append(nl);
    String turn = i2;
    String taken = started + ".remove()";
    if (filter != null) {
      taken = names.take("taken");
      out.append(i2).append(futureType(shape)).append(' ').append(taken).append(" = ").append(started).append(".remove();")
          .append(nl);
      out.append(i2).append("if (").append(taken).append(" != ").append(skipped).append(") {").append(nl);
      turn = i3;
    }
    String answer = inCall != null ? names.take("answer") : null;
    String declaration = inCall != null ? shape.futureType() + " " + answer + " = "
        : document.text().substring(offsetOf(start.getBegin().get()), offsetOf(initializer.getBegin().get()));
    if (kind == LoopProof.Start.FUTURE) {
      out.append(i2).append(declaration).append(started).append(".remove();").append(nl);
    } else {
      String answerName = inCall != null ? answer
          : ((VariableDeclarationExpr) start.getExpression()).getVariable(0).getNameAsString();
      answerTaken(out, declaration, answerName, taken, checked, owner, names, turn, unitIndent, nl);
    }
    int afterStart = start.getEnd().get().line + 1;
    if (inCall != null) {
      // the statement that used the call's answer, now using the answer taken in its turn
      List<TextEdit> answerUsed = List.of(new TextEdit(offsetOf(inCall.getBegin().get()), offsetOf(inCall.getEnd().get()) + 1,
          answer));
      out.append(shift(renamed(document.lineStart(startLine), document.lineStart(afterStart), answerUsed), unitIndent, nl));
    }
    int closing = body.getEnd().get().line;
    if (afterStart < closing) {
      out.append(shift(document.text().substring(document.lineStart(afterStart), document.lineStart(closing)), unitIndent, nl));
    }
    if (filter != null) {
      out.append(i2).append('}').append(nl);
    }
    out.append(i1).append('}').append(nl);
    out.append(indent).append("} finally {").append(nl);
    out.append(i1).append("// a loop left early leaves no call it started ahead running for nothing").append(nl);
    String each = names.take("future");
    out.append(i1).append(started).append(".forEach(").append(each).append(" -> ").append(each).append(".cancel(true));")
        .append(nl);
    out.append(indent).append('}').append(nl);
    return out.toString();
  }

  private int offsetOf(com.github.javaparser.Position position) {
    return document.offset(position.line, position.column);
  }

  /**
   * {@code FutureTask<T> call = new FutureTask<T>(() -> client.fetch(x));} run on the pool, or on the
   * caller's own thread when the loop is switched back to one call at a time: then nothing of it runs
   * on another thread. Either way its answer and its exception come back through the same future.
   */
  private void handedToPool(StringBuilder out, com.github.javaparser.ast.type.Type declared, String type, String startText,
      String limit, String started, FreshNames names, String indent, String unitIndent, String nl) {
    String task = names.take("call");
    String futureTask = Imports.reference(unit, "java.util.concurrent.FutureTask");
    String answerType = LoopProof.boxed(type);
    // long total = count(x) widens an int on assignment; a Callable<Long> needs the long itself
    boolean primitive = declared != null ? declared.isPrimitiveType() : !answerType.equals(type);
    String body = primitive ? "(" + type + ") " + startText : startText;
    out.append(indent).append(futureTask).append('<').append(answerType).append("> ").append(task).append(" = new ")
        .append(futureTask).append('<').append(answerType).append(">(() -> ")
        .append(continuation(body, unitIndent + unitIndent + unitIndent, nl)).append(");").append(nl);
    out.append(indent).append(started).append(".add(").append(task).append(");").append(nl);
    out.append(indent).append("if (").append(limit).append(" == 1) {").append(nl);
    out.append(indent).append(unitIndent).append(task).append(".run(); // one at a time: on this thread, as before")
        .append(nl);
    out.append(indent).append("} else {").append(nl);
    out.append(indent).append(unitIndent).append(pool).append(".execute(").append(task).append(");").append(nl);
    out.append(indent).append('}').append(nl);
  }

  /**
   * {@code T answer; try { answer = started.remove().get(); } catch (ExecutionException e) { ... }}: the
   * call's own exception thrown again as the type it is, as the loop threw it before.
   */
  private void answerTaken(StringBuilder out, String declaration, String answer, String taken, List<String> checked,
      String owner, FreshNames names, String indent, String unitIndent, String nl) {
    String i1 = indent + unitIndent;
    String failed = names.take("failedAhead");
    String cause = names.take("cause");
    String interrupted = names.take("interrupted");
    // "BigDecimal unitPrice = " -> "BigDecimal unitPrice;"
    out.append(indent).append(declaration.replaceFirst("\\s*=\\s*$", "")).append(';').append(nl);
    out.append(indent).append("try {").append(nl);
    out.append(i1).append(answer).append(" = ").append(taken).append(".get();").append(nl);
    out.append(indent).append("} catch (").append(Imports.reference(unit, "java.util.concurrent.ExecutionException"))
        .append(' ').append(failed).append(") {").append(nl);
    out.append(i1).append("Throwable ").append(cause).append(" = ").append(failed).append(".getCause();").append(nl);
    rethrown(out, cause, checked, owner, i1, unitIndent, nl);
    out.append(indent).append("} catch (InterruptedException ").append(interrupted).append(") {").append(nl);
    if (checked.contains("InterruptedException")) {
      // thrown on, the interrupt is the exception (its flag cleared), as a blocking call leaves it
      out.append(i1).append("throw ").append(interrupted).append(';').append(nl);
    } else {
      out.append(i1).append("Thread.currentThread().interrupt();").append(nl);
      out.append(i1).append("throw new java.util.concurrent.CancellationException(\"interrupted while waiting for ")
          .append(answer).append("\");").append(nl);
    }
    out.append(indent).append('}').append(nl);
  }

  /**
   * A held-back failure thrown again as it was: unchecked, an error, one of the checked types javac lets the
   * loop's code throw there, or a checked one the call throws without declaring it ({@link RethrowAsIs}).
   */
  private static void rethrown(StringBuilder out, String failure, List<String> checked, String owner, String indent,
      String unitIndent, String nl) {
    // the checked types the loop's code declares or a catch around it names, thrown as themselves: a catch around
    // the loop compiles only while its try may throw them (hostile review 70's F1)
    for (String type : checked) {
      out.append(indent).append("if (").append(failure).append(" instanceof ").append(type).append(") {").append(nl);
      out.append(indent).append(unitIndent).append("throw (").append(type).append(") ").append(failure).append(';').append(nl);
      out.append(indent).append('}').append(nl);
    }
    out.append(indent).append(RethrowAsIs.statement(owner, failure)).append(nl);
  }

  /** Each use of the loop's element among the moved statements, renamed to the element started ahead. */
  private List<TextEdit> renames(List<Node> ahead, String element, String next) {
    List<TextEdit> edits = new ArrayList<>();
    for (Node node : ahead) {
      for (NameExpr name : node.findAll(NameExpr.class)) {
        if (name.getNameAsString().equals(element)) {
          int from = document.offset(name.getBegin().get().line, name.getBegin().get().column);
          edits.add(new TextEdit(from, from + element.length(), next));
        }
      }
    }
    return edits;
  }

  private String renamed(int from, int to, List<TextEdit> renames) {
    StringBuilder out = new StringBuilder();
    int position = from;
    for (TextEdit edit : renames.stream().sorted(java.util.Comparator.comparingInt(TextEdit::start)).toList()) {
      if (edit.start() >= from && edit.end() <= to) {
        out.append(document.text(), position, edit.start()).append(edit.replacement());
        position = edit.end();
      }
    }
    return out.append(document.text(), position, to).toString();
  }

  /** Whole lines, each moved in by {@code extra} (blank lines stay empty). */
  private static String shift(String lines, String extra, String nl) {
    if (lines.isEmpty()) {
      return lines;
    }
    StringBuilder out = new StringBuilder();
    for (String line : lines.split("\\R", -1)) {
      out.append(line.isBlank() ? "" : extra + line).append(nl);
    }
    // split leaves an empty last piece after the final line break
    return out.substring(0, out.length() - nl.length());
  }

  /** An expression's continuation lines moved in by {@code extra}; its first line stays where it is put. */
  private static String continuation(String expression, String extra, String nl) {
    String[] lines = expression.split("\\R", -1);
    StringBuilder out = new StringBuilder(lines[0]);
    for (int i = 1; i < lines.length; i++) {
      out.append(nl).append(lines[i].isBlank() ? "" : extra + lines[i]);
    }
    return out.toString();
  }
}
