package dev.optkit.analyzers.dependencies;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.codehaus.groovy.ast.CodeVisitorSupport;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MapEntryExpression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.stmt.Statement;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.ErrorCollector;
import org.codehaus.groovy.control.SourceUnit;

/**
 * Groovy's syntax tree of a Gradle script, parsed and never compiled or run, and the shapes of its calls the readers
 * ask about. Whether a script is read depends on its text only: it is bounded before the parse, by counting (its
 * length, its bracket nesting, its longest chain of operators), and what passes those bounds parses in a few seconds at
 * most; the wall-clock limit left is a last-resort backstop far above that, and the parser's classes are loaded and
 * warmed before it starts.
 */
final class GradleSyntax {
  private GradleSyntax() {}

  static final int MAX_NESTING = 200;
  /** Characters; a script file over 1 MB is refused before it is read ({@link GradleScript#MAX_BYTES}). */
  static final int MAX_CHARS = 1 << 20;
  /**
   * Operators in one statement: a right-nested chain ({@code x = x = .. = c}, {@code a ? b : a ? b : ..}) is nesting
   * without a bracket; 10,000 of them held Groovy's parser for minutes, 6,000 parsed in 0.1 s.
   */
  static final int MAX_CHAIN = 1_000;
  /** The last-resort backstop, far above any parse the bounds let through (1 MB of declarations: 2-6 s, loaded). */
  static final int BACKSTOP_SECONDS = 120;
  /** The parse thread's stack: a chain of {@value #MAX_CHAIN} operators overflowed a 1 MB stack, never a 16 MB one. */
  static final long STACK_BYTES = 64L << 20;

  /** The tree, or why there is none: refused by a bound, not Groovy, or stopped by the backstop. */
  record Parsed<T>(T tree, String problem) {
    static <T> Parsed<T> refused(String problem) {
      return new Parsed<>(null, problem);
    }

    Optional<T> value() {
      return Optional.ofNullable(tree);
    }
  }

  /** Groovy's syntax tree of the text: the bounds first, then a parse on a thread of its own under the backstop. */
  static Optional<ModuleNode> syntaxTree(String text) {
    return parsed(text).value();
  }

  static Parsed<ModuleNode> parsed(String text) {
    Optional<String> refused = refusal(text);
    if (refused.isPresent()) {
      return Parsed.refused(refused.get());
    }
    Warm.GROOVY.ensure();
    Parsed<ModuleNode> parsed = bounded("optkit-gradle-script", () -> parse(text), Duration.ofSeconds(BACKSTOP_SECONDS),
        () -> {});
    if (parsed.problem() != null) {
      return parsed;
    }
    ModuleNode module = parsed.tree();
    return module == null || module.getStatementBlock() == null ? Parsed.refused(NOT_GROOVY) : parsed;
  }

  static final String NOT_GROOVY = "not Groovy optkit can parse (a Kotlin script named .gradle?)";

  /** The bounds every script is held to before a parse, Groovy or Kotlin: counted on the text, never timed. */
  static Optional<String> refusal(String text) {
    if (text.length() > MAX_CHARS) {
      return Optional.of("over " + MAX_CHARS + " characters");
    }
    if (nesting(text) > MAX_NESTING) {
      return Optional.of("nested deeper than " + MAX_NESTING + " brackets");
    }
    if (chain(text) > MAX_CHAIN) {
      return Optional.of("a statement of more than " + MAX_CHAIN + " operators");
    }
    return Optional.empty();
  }

  private static ModuleNode parse(String text) {
    CompilerConfiguration configuration = new CompilerConfiguration();
    SourceUnit unit = new SourceUnit("build.gradle", text, configuration, null, new ErrorCollector(configuration));
    unit.parse();
    unit.completePhase();
    unit.nextPhase();
    unit.convert(); // the syntax tree only: no class is compiled, no transformation or script code runs
    return unit.getAST();
  }

  /**
   * The parser's classes loaded and its tables built once, on the caller's thread and outside any limit: the first
   * parse of a JVM took 0.4-1.1 s on a tiny script (more on a loaded machine), every later one milliseconds.
   */
  enum Warm {
    GROOVY(() -> parse("plugins { id 'java' }\ndependencies { implementation 'g:a:1' }\n")),
    KOTLIN(() -> KotlinSyntax.warmUp());

    private final Runnable warmUp;
    private volatile boolean done;

    Warm(Runnable warmUp) {
      this.warmUp = warmUp;
    }

    void ensure() {
      if (!done) {
        synchronized (this) {
          if (!done) {
            try {
              warmUp.run();
            } catch (RuntimeException | StackOverflowError e) {
              // a warm-up is no reading: the parse that follows says what it finds
            }
            done = true;
          }
        }
      }
    }
  }

  /**
   * The work on a thread of its own ({@value #STACK_BYTES} bytes of stack), waited for at most {@code backstop}; past
   * it {@code stop} is told and the thread left to end, never waited for. An exception or a stack overflow of the work
   * is "not Groovy": Gradle would refuse it too.
   */
  static <T> Parsed<T> bounded(String name, java.util.concurrent.Callable<T> work, Duration backstop, Runnable stop) {
    java.util.concurrent.FutureTask<T> parsing = new java.util.concurrent.FutureTask<>(work);
    Thread thread = new Thread(null, parsing, name, STACK_BYTES);
    thread.setDaemon(true);
    thread.start();
    try {
      return new Parsed<>(parsing.get(backstop.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS), null);
    } catch (java.util.concurrent.TimeoutException e) {
      stop.run();
      parsing.cancel(true);
      return Parsed.refused(backstopProblem(backstop));
    } catch (InterruptedException e) {
      stop.run();
      parsing.cancel(true);
      Thread.currentThread().interrupt();
      return Parsed.refused("not parsed: interrupted");
    } catch (java.util.concurrent.ExecutionException | RuntimeException | StackOverflowError e) {
      return Parsed.refused(NOT_GROOVY);
    }
  }

  static String backstopProblem(Duration backstop) {
    return "its parse did not end in " + backstop.toSeconds() + " s, optkit's last-resort limit (the bounds on its "
        + "length, nesting and operators let through only scripts that parse in seconds: report it, please)";
  }

  /** The deepest bracket nesting of the text, strings and comments counted too: a guard, not a reading. */
  static int nesting(String text) {
    int depth = 0;
    int deepest = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{' || c == '(' || c == '[') {
        deepest = Math.max(deepest, ++depth);
      } else if ((c == '}' || c == ')' || c == ']') && depth > 0) {
        depth--;
      }
    }
    return deepest;
  }

  private static final String OPERATORS = "=?:+-*/%&|^<>!~,";

  /**
   * The most operators in one statement: a guard, not a reading. Comments and single-quoted strings are skipped (no
   * expression is in them); a double-quoted one is counted, its {@code ${..}} may hold any. A statement ends at
   * {@code ;} or at a line break that neither follows nor precedes an operator (Groovy reads {@code a ?\n b} as one
   * expression); brackets do not end it ({@code (a) + (a) + ..} is one chain).
   */
  static int chain(String text) {
    int longest = 0;
    int count = 0;
    char last = '\n'; // the last character read that is not white space, comments and skipped strings aside
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
        while (i + 1 < n && text.charAt(i + 1) != '\n') {
          i++;
        }
        continue;
      }
      if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 1;
        continue;
      }
      if (c == '\'') {
        boolean triple = text.startsWith("\'\'\'", i);
        int end = triple ? text.indexOf("\'\'\'", i + 3) : i + 1;
        while (!triple && end < n && text.charAt(end) != '\'' && text.charAt(end) != '\n') {
          end += text.charAt(end) == '\\' ? 2 : 1;
        }
        i = end < 0 || end >= n ? n : end + (triple ? 2 : 0);
        last = '\'';
        continue;
      }
      if (c == ';') {
        count = 0;
      } else if (c == '\n') {
        char next = nextNonBlank(text, i + 1);
        if (OPERATORS.indexOf(last) < 0 && OPERATORS.indexOf(next) < 0 && next != '.') {
          count = 0;
        }
      } else if (OPERATORS.indexOf(c) >= 0) {
        longest = Math.max(longest, ++count);
      }
      if (!Character.isWhitespace(c)) {
        last = c;
      }
    }
    return longest;
  }

  private static char nextNonBlank(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\t' && c != '\r') {
        boolean comment = c == '/' && i + 1 < text.length() && (text.charAt(i + 1) == '/' || text.charAt(i + 1) == '*');
        return comment ? '\n' : c;
      }
    }
    return '\n';
  }

  /** {@code apply from: 'dependencies.gradle'}: the scripts a script applies, as written (literal paths only). */
  static List<String> appliedScripts(Statement statements) {
    List<String> applied = new ArrayList<>();
    statements.visit(new CodeVisitorSupport() {
      @Override
      public void visitMethodCallExpression(MethodCallExpression call) {
        if ("apply".equals(call.getMethodAsString()) && first(call) instanceof MapExpression map) {
          for (MapEntryExpression entry : map.getMapEntryExpressions()) {
            if (entry.getKeyExpression() instanceof ConstantExpression key && "from".equals(key.getValue())
                && entry.getValueExpression() instanceof ConstantExpression value && value.getValue() instanceof String path) {
              applied.add(path);
            }
          }
        }
        super.visitMethodCallExpression(call);
      }
    });
    return applied;
  }

  /** The strings an applied script assigns, when it is a file inside the project (no link, no URL, at most 1 MB). */
  static Optional<Map<String, String>> appliedStrings(Path script, Path root, String applied) {
    try {
      if (applied.contains(":") || script.getParent() == null) {
        return Optional.empty(); // a URL or a drive: not the project's
      }
      Path file = script.getParent().resolve(applied).normalize();
      if (!file.startsWith(root.normalize()) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
          || Files.size(file) > GradleScript.MAX_BYTES) {
        return Optional.empty();
      }
      Optional<org.codehaus.groovy.ast.stmt.BlockStatement> statements =
          GradleScript.statements(Files.readString(file), GradleScript.isKotlin(file));
      if (statements.isEmpty()) {
        return Optional.empty();
      }
      Map<String, String> strings = new HashMap<>();
      statements.get().visit(new GradleAssignments(strings));
      return Optional.of(strings);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  static Expression first(MethodCallExpression call) {
    if (call.getArguments() instanceof TupleExpression tuple && !tuple.getExpressions().isEmpty()) {
      return tuple.getExpression(0);
    }
    return null;
  }

  static ClosureExpression lastClosure(MethodCallExpression call) {
    if (call.getArguments() instanceof ArgumentListExpression arguments && !arguments.getExpressions().isEmpty()
        && arguments.getExpression(arguments.getExpressions().size() - 1) instanceof ClosureExpression closure) {
      return closure;
    }
    return null;
  }
}
