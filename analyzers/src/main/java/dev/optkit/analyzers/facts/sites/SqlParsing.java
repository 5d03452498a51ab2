package dev.optkit.analyzers.facts.sites;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;

/**
 * Every JSqlParser parse in optkit goes through here.
 *
 * <p>JSqlParser runs each parse on an executor, to bound it by a timeout. Given none, it makes a
 * single-thread executor per parse from the default thread factory, whose thread is not a daemon,
 * and shuts it down in a {@code finally}. When that {@code finally} itself failed (a
 * {@code StackOverflowError} thrown near the stack's end), the thread stayed, and the JVM never exited
 * after optkit had finished or crashed (19 such threads kept an assess of langchain4j alive). The
 * parses share this pool of daemon threads instead: a leaked task cannot hold the JVM, and a parse no
 * longer starts a thread.
 */
public final class SqlParsing {
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final ExecutorService PARSERS = new ThreadPoolExecutor(0, Integer.MAX_VALUE,
      30, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
        Thread thread = new Thread(runnable, "optkit-sql-parse-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      });

  private SqlParsing() {}

  /** One statement. */
  public static Statement parse(String sql) throws JSQLParserException {
    return CCJSqlParserUtil.parse(sql, PARSERS, parser -> { });
  }

  /**
   * A script's statements as the lexer reads them, each with its first words: split at its semicolons, never at one
   * in a string, a quoted name or a comment. Empty when the lexer cannot read the script.
   */
  public static java.util.Optional<java.util.List<ScriptStatement>> statementsOf(String script) {
    java.util.List<ScriptStatement> statements = new java.util.ArrayList<>();
    try {
      net.sf.jsqlparser.parser.CCJSqlParserTokenManager lexer = new net.sf.jsqlparser.parser.CCJSqlParserTokenManager(
          new net.sf.jsqlparser.parser.SimpleCharStream(new net.sf.jsqlparser.parser.StringProvider(script)));
      int start = -1;
      int end = -1;
      java.util.List<String> words = new java.util.ArrayList<>();
      for (net.sf.jsqlparser.parser.Token token = lexer.getNextToken(); ; token = lexer.getNextToken()) {
        if (token.kind == 0 || token.image.equals(";")) {
          if (start >= 0) {
            statements.add(new ScriptStatement(script.substring(start, end), words));
          }
          if (token.kind == 0) {
            return java.util.Optional.of(statements);
          }
          start = -1;
          words = new java.util.ArrayList<>();
          continue;
        }
        // the lexer counts offsets from 1; a token not found where it says is a script it misread
        int begin = token.absoluteBegin - 1;
        if (begin < 0 || !script.startsWith(token.image, begin)) {
          return java.util.Optional.empty();
        }
        if (start < 0) {
          start = begin;
        }
        end = begin + token.image.length();
        if (words.size() < ScriptStatement.WORDS) {
          words.add(token.image.toUpperCase(java.util.Locale.ROOT));
        }
      }
    } catch (RuntimeException | Error unreadable) { // the lexer's TokenMgrError is an Error
      return java.util.Optional.empty();
    }
  }

  /**
   * A statement of a script.
   *
   * @param text from its first token to its last, without the semicolon
   * @param words its first {@link #WORDS} tokens, upper-cased: what it defines is named there
   *     ({@code CREATE OR REPLACE DEFINER = `root`@`%` SQL SECURITY INVOKER VIEW ...})
   */
  public record ScriptStatement(String text, java.util.List<String> words) {
    static final int WORDS = 16;

    public ScriptStatement {
      words = java.util.List.copyOf(words);
    }

    /** Whether it is a {@code CREATE ...} of this kind ({@code VIEW}, {@code SYNONYM}) by its first words. */
    public boolean creates(String kind) {
      return !words.isEmpty() && words.get(0).equals("CREATE") && words.contains(kind);
    }
  }

  /** A script of statements. */
  public static Statements parseStatements(String sql) throws JSQLParserException {
    return CCJSqlParserUtil.parseStatements(sql, PARSERS, parser -> { });
  }
}
