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

  /** A script of statements. */
  public static Statements parseStatements(String sql) throws JSQLParserException {
    return CCJSqlParserUtil.parseStatements(sql, PARSERS, parser -> { });
  }
}
