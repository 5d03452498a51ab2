package dev.optkit.analyzers.dependencies;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
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
 * Groovy's syntax tree of a Gradle script, parsed and never compiled or run, bounded in nesting and time, and the
 * shapes of its calls the readers ask about.
 */
final class GradleSyntax {
  private GradleSyntax() {}

  static final int MAX_NESTING = 200;
  static final int PARSE_SECONDS = 10;

  /**
   * Groovy's syntax tree of the text, parsed on a thread of its own for at most {@value #PARSE_SECONDS} s (a hostile
   * script nested thousands deep took minutes; past the limit the thread is left to end, never waited for).
   */
  static Optional<ModuleNode> syntaxTree(String text) {
    if (nesting(text) > MAX_NESTING) {
      return Optional.empty();
    }
    java.util.concurrent.FutureTask<ModuleNode> parsing = new java.util.concurrent.FutureTask<>(() -> {
      CompilerConfiguration configuration = new CompilerConfiguration();
      SourceUnit unit = new SourceUnit("build.gradle", text, configuration, null, new ErrorCollector(configuration));
      unit.parse();
      unit.completePhase();
      unit.nextPhase();
      unit.convert(); // the syntax tree only: no class is compiled, no transformation or script code runs
      return unit.getAST();
    });
    Thread thread = new Thread(parsing, "optkit-gradle-script");
    thread.setDaemon(true);
    thread.start();
    try {
      ModuleNode module = parsing.get(PARSE_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
      return module == null || module.getStatementBlock() == null ? Optional.empty() : Optional.of(module);
    } catch (java.util.concurrent.TimeoutException e) {
      parsing.cancel(true);
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (java.util.concurrent.ExecutionException | RuntimeException | StackOverflowError e) {
      return Optional.empty(); // not Groovy: Gradle would refuse it too
    }
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
