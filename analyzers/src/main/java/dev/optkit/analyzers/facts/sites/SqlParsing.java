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
   * A script's statements as the lexer reads them, each with its first words: split where the lexer ends a statement
   * ({@code ;}, a line of {@code GO} or {@code /}), never at a semicolon in a string, a quoted name or a comment (MySQL's
   * {@code #} to the end of the line among them, between statements). Where
   * the lexer meets text it cannot read (a MySQL backslash escape, a form feed), the statement it was in is dropped and
   * reading goes on from the next line, so one odd line does not lose the rest of the script. Empty when the lexer
   * stopped somewhere and no statement was read.
   */
  public static java.util.Optional<java.util.List<ScriptStatement>> statementsOf(String script) {
    java.util.List<ScriptStatement> statements = new java.util.ArrayList<>();
    int from = script.startsWith("\uFEFF") ? 1 : 0; // a byte-order mark Files.readString keeps
    for (int restarts = 0; from < script.length() && restarts <= MAX_RESTARTS; restarts++) {
      int resume = lex(script, from, statements);
      if (resume < 0) {
        return java.util.Optional.of(statements);
      }
      from = resume > from ? resume : nextLine(script, from); // on, never back: a line the lexer counts and we do not
    }
    return statements.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(statements);
  }

  /** How often a script's reading starts again after text the lexer cannot read, at most. */
  private static final int MAX_RESTARTS = 10_000;

  /**
   * Lexes the script from this offset, adding its statements; -1 when it read to the end, else the offset of the line
   * after the one where the lexer stopped (the statement it was in dropped).
   */
  private static int lex(String script, int from, java.util.List<ScriptStatement> statements) {
    net.sf.jsqlparser.parser.SimpleCharStream stream = new net.sf.jsqlparser.parser.SimpleCharStream(
        new net.sf.jsqlparser.parser.StringProvider(script.substring(from)));
    net.sf.jsqlparser.parser.CCJSqlParserTokenManager lexer = new net.sf.jsqlparser.parser.CCJSqlParserTokenManager(stream);
    int start = -1;
    int end = -1;
    int read = from; // where the last token read ends: an unterminated string runs from there to the script's end
    java.util.List<String> words = new java.util.ArrayList<>();
    try {
      for (net.sf.jsqlparser.parser.Token token = lexer.getNextToken(); ; token = lexer.getNextToken()) {
        read = Math.max(read, from + token.absoluteEnd - 1);
        if (token.kind == 0 || token.kind == net.sf.jsqlparser.parser.CCJSqlParserConstants.ST_SEMICOLON) {
          if (start >= 0) {
            statements.add(new ScriptStatement(script.substring(start, end), words, start));
          }
          if (token.kind == 0) {
            return -1;
          }
          start = -1;
          words = new java.util.ArrayList<>();
          continue;
        }
        // the lexer counts offsets from 1; a token not found where it says is a script it misread
        int begin = from + token.absoluteBegin - 1;
        if (begin < from || !script.startsWith(token.image, begin)) {
          return nextLine(script, begin < from ? from : begin);
        }
        if (start < 0 && token.image.startsWith("#")) {
          // MySQL's comment to the end of the line (mysqldump heads each table with them), which JSqlParser's lexer
          // reads as words; no statement starts with one, so between statements it is nothing to keep
          return nextLine(script, begin);
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
      // on from the line after the last token read: the lexer fails where an unterminated string ends, at the end
      return nextLine(script, Math.min(read, script.length()));
    }
  }

  /**
   * The statement with a word put before its token at this index (counted as {@link #withoutWord} counts), read by
   * JSqlParser's lexer: {@code CREATE INDEX ON t (c)}, PostgreSQL's index without a name, as {@code CREATE INDEX n ON t
   * (c)}, which JSqlParser parses. Empty where the lexer cannot read it or has no such token.
   */
  public static java.util.Optional<String> withWordBefore(String statement, int word, String inserted) {
    return tokenAt(statement, word).map(token -> statement.substring(0, token[0]) + inserted + " "
        + statement.substring(token[0]));
  }


  /**
   * The statement without its token at this index (counted from 0, as {@link ScriptStatement#words()} counts), read by
   * JSqlParser's lexer: {@code CREATE INDEX CONCURRENTLY i ON t (c)} as {@code CREATE INDEX i ON t (c)}, a PostgreSQL
   * option JSqlParser does not parse and which changes nothing of the index. Empty where the lexer cannot read it.
   */
  public static java.util.Optional<String> withoutWord(String statement, int word) {
    return tokenAt(statement, word).map(token -> statement.substring(0, token[0])
        + statement.substring(token[0] + token[1]));
  }

  /**
   * The statement with its token at this index (counted as {@link #withoutWord} counts) written as {@code replacement},
   * read by JSqlParser's lexer: {@code DROP COLUMN type} as {@code DROP COLUMN "type"}. Empty where the lexer cannot
   * read it or has no such token.
   */
  public static java.util.Optional<String> withWordReplaced(String statement, int word, String replacement) {
    return tokenAt(statement, word).map(token -> statement.substring(0, token[0]) + replacement
        + statement.substring(token[0] + token[1]));
  }

  /** The statement's tokens as JSqlParser's lexer reads them, each where the text has it; empty where it cannot. */
  private static java.util.Optional<java.util.List<net.sf.jsqlparser.parser.Token>> tokens(String statement) {
    java.util.List<net.sf.jsqlparser.parser.Token> tokens = new java.util.ArrayList<>();
    try {
      net.sf.jsqlparser.parser.CCJSqlParserTokenManager lexer = new net.sf.jsqlparser.parser.CCJSqlParserTokenManager(
          new net.sf.jsqlparser.parser.SimpleCharStream(new net.sf.jsqlparser.parser.StringProvider(statement)));
      for (net.sf.jsqlparser.parser.Token token = lexer.getNextToken(); token.kind != 0; token = lexer.getNextToken()) {
        if (!statement.startsWith(token.image, token.absoluteBegin - 1)) {
          return java.util.Optional.empty(); // a token not where the lexer says: text it misread
        }
        tokens.add(token);
      }
    } catch (RuntimeException | Error unreadable) { // the lexer's TokenMgrError is an Error
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(tokens);
  }

  /** Where the statement's token at this index starts and how long it is, as the lexer reads it; empty if none. */
  private static java.util.Optional<int[]> tokenAt(String statement, int word) {
    try {
      net.sf.jsqlparser.parser.CCJSqlParserTokenManager lexer = new net.sf.jsqlparser.parser.CCJSqlParserTokenManager(
          new net.sf.jsqlparser.parser.SimpleCharStream(new net.sf.jsqlparser.parser.StringProvider(statement)));
      int index = 0;
      for (net.sf.jsqlparser.parser.Token token = lexer.getNextToken(); token.kind != 0; token = lexer.getNextToken()) {
        int begin = token.absoluteBegin - 1;
        if (begin < 0 || !statement.startsWith(token.image, begin)) {
          return java.util.Optional.empty(); // a token not where the lexer says: text it misread
        }
        if (index++ == word) {
          return java.util.Optional.of(new int[] {begin, token.image.length()});
        }
      }
    } catch (RuntimeException | Error unreadable) { // the lexer's TokenMgrError is an Error
      return java.util.Optional.empty();
    }
    return java.util.Optional.empty();
  }


  /**
   * A {@code CREATE INDEX} with each element of its column list that is an expression in brackets ({@code
   * ((created_at::date))}, {@code ((lower(email)))}: PostgreSQL's) written as a call of a function of optkit's,
   * {@code optkit_expression_0()}, which JSqlParser parses where it cannot parse some expressions there (a cast); and
   * the expressions so named, as written with their brackets. Read by JSqlParser's lexer (never inside a string or a
   * quoted name); empty where the statement has no such element or the lexer cannot read it.
   *
   * @param text the statement with the expressions named
   * @param expressions each name's expression, by the name's call as JSqlParser writes it ({@code optkit_expression_0()})
   */
  public record NamedIndexExpressions(String text, java.util.Map<String, String> expressions) {}

  public static java.util.Optional<NamedIndexExpressions> indexExpressionsNamed(String statement) {
    java.util.Optional<java.util.List<net.sf.jsqlparser.parser.Token>> lexed = tokens(statement);
    if (lexed.isEmpty()) {
      return java.util.Optional.empty();
    }
    java.util.List<net.sf.jsqlparser.parser.Token> tokens = lexed.get();
    int on = -1;
    for (int i = 0; i < tokens.size() && on < 0; i++) {
      on = tokens.get(i).image.equalsIgnoreCase("ON") ? i : -1;
    }
    int list = -1;
    for (int i = on + 1; on >= 0 && i < tokens.size() && list < 0; i++) {
      list = tokens.get(i).image.equals("(") ? i : -1;
    }
    if (list < 0) {
      return java.util.Optional.empty();
    }
    StringBuilder named = new StringBuilder(statement.length());
    java.util.Map<String, String> expressions = new java.util.LinkedHashMap<>();
    boolean rewritten = false;
    int copied = 0;
    boolean elementStarts = true;
    int depth = 0;
    for (int i = list + 1; i < tokens.size(); i++) {
      String word = tokens.get(i).image;
      if (elementStarts && word.equals("(")) {
        int close = closing(tokens, i);
        if (close < 0) {
          return java.util.Optional.empty();
        }
        int begin = tokens.get(i).absoluteBegin - 1;
        int end = tokens.get(close).absoluteBegin - 1 + 1;
        if (close == i + 2 && tokens.get(i + 1).kind == net.sf.jsqlparser.parser.CCJSqlParserConstants.S_IDENTIFIER
            || close == i + 2 && tokens.get(i + 1).kind == net.sf.jsqlparser.parser.CCJSqlParserConstants.S_QUOTED_IDENTIFIER) {
          // ((customer_id)): a column in brackets is the column, as PostgreSQL indexes it
          named.append(statement, copied, begin).append(tokens.get(i + 1).image);
        } else {
          String name = "optkit_expression_" + expressions.size() + "()";
          expressions.put(name, statement.substring(begin, end));
          named.append(statement, copied, begin).append(name);
        }
        rewritten = true;
        copied = end;
        i = close;
        elementStarts = false;
        continue;
      }
      elementStarts = false;
      if (word.equals("(")) {
        depth++;
      } else if (word.equals(")") && depth == 0) {
        break; // the column list's end
      } else if (word.equals(")")) {
        depth--;
      } else if (word.equals(",") && depth == 0) {
        elementStarts = true;
      }
    }
    return !rewritten ? java.util.Optional.empty() : java.util.Optional.of(new NamedIndexExpressions(
        named.append(statement, copied, statement.length()).toString(), java.util.Map.copyOf(expressions)));
  }

  /** The index of the bracket closing the one at {@code open}; -1 for none. */
  private static int closing(java.util.List<net.sf.jsqlparser.parser.Token> tokens, int open) {
    int depth = 0;
    for (int i = open; i < tokens.size(); i++) {
      if (tokens.get(i).image.equals("(")) {
        depth++;
      } else if (tokens.get(i).image.equals(")") && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** Words that end a column's DEFAULT expression at its own depth: the next constraint of the column. */
  private static final java.util.Set<String> AFTER_DEFAULT = java.util.Set.of("NOT", "NULL", "PRIMARY", "UNIQUE",
      "REFERENCES", "CHECK", "CONSTRAINT", "COMMENT", "COLLATE", "GENERATED", "AUTO_INCREMENT", "ON", "IDENTITY");

  /**
   * A {@code CREATE TABLE}'s text without its columns' {@code DEFAULT} expressions, read by JSqlParser's lexer (never
   * inside a string or a quoted name); empty where it has none or the lexer cannot read it. What JSqlParser cannot
   * parse there ({@code DEFAULT nextval('orders_seq')}) says nothing of the table's columns, keys or indexes.
   */
  public static java.util.Optional<String> withoutDefaults(String statement) {
    java.util.Optional<java.util.List<net.sf.jsqlparser.parser.Token>> lexed = tokens(statement);
    if (lexed.isEmpty()) {
      return java.util.Optional.empty();
    }
    java.util.List<net.sf.jsqlparser.parser.Token> tokens = lexed.get();
    StringBuilder kept = new StringBuilder(statement.length());
    int copied = 0;
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).image.equalsIgnoreCase("DEFAULT")) {
        continue;
      }
      int depth = 0;
      int last = i;
      for (int j = i + 1; j < tokens.size(); j++) {
        String word = tokens.get(j).image.toUpperCase(java.util.Locale.ROOT);
        if (word.equals("(")) {
          depth++;
        } else if (word.equals(")") && depth == 0 || depth == 0 && (word.equals(",") || AFTER_DEFAULT.contains(word))) {
          break;
        } else if (word.equals(")")) {
          depth--;
        }
        last = j;
      }
      net.sf.jsqlparser.parser.Token end = tokens.get(last);
      kept.append(statement, copied, tokens.get(i).absoluteBegin - 1);
      copied = end.absoluteBegin - 1 + end.image.length();
      i = last;
    }
    return copied == 0 ? java.util.Optional.empty()
        : java.util.Optional.of(kept.append(statement, copied, statement.length()).toString());
  }

  /** The offset of the line after the one holding this offset; the script's length when there is none. */
  private static int nextLine(String script, int at) {
    int newline = script.indexOf('\n', at);
    return newline < 0 ? script.length() : newline + 1;
  }

  /**
   * A statement of a script.
   *
   * @param text from its first token to its last, without the semicolon
   * @param words its first {@link #WORDS} tokens, upper-cased: what it defines is named there
   *     ({@code CREATE OR REPLACE DEFINER = `root`@`%` SQL SECURITY INVOKER VIEW ...})
   * @param offset where its text starts in the script
   */
  public record ScriptStatement(String text, java.util.List<String> words, int offset) {
    static final int WORDS = 16;

    public ScriptStatement {
      words = java.util.List.copyOf(words);
    }

    /** A statement at the script's start. */
    public ScriptStatement(String text, java.util.List<String> words) {
      this(text, words, 0);
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

  /**
   * One statement as {@link #parse} reads it, parsed once per run for all the readers that only read it: the rules, the
   * index's footprints and the hints ask several readers of each query (its filters, its bounds, its tables, whether
   * it writes), and each parsed the same text again (1,500 parses of about 700 texts in a warm run on mall, two
   * seconds of the thread that runs the rules). <b>Shared: never change what it returns</b>; a reader that rewrites
   * a statement ({@code JpqlAsSql}, {@code PlannedQueries}) parses its own.
   */
  public static Statement sharedStatement(String sql) throws JSQLParserException {
    Statements statements = sharedStatements(sql);
    if (statements == null || statements.size() != 1) {
      // not one statement: what parse() says of it (a script, or nothing JSqlParser reads as a statement)
      return parse(sql);
    }
    return statements.get(0);
  }

  /** A script's statements as {@link #parseStatements} reads them, shared as {@link #sharedStatement}'s. */
  public static Statements sharedStatements(String sql) throws JSQLParserException {
    return shared(sql);
  }

  /** The statements, or the failure's message. */
  private record Parsed(Statements statements, String failure) {}

  /** The last texts parsed (SqlMemo's bound), failures too; a text over 20,000 characters (a script) is not kept. */
  private static final SqlMemo<Parsed> SHARED = new SqlMemo<>(sql -> {
    try {
      return new Parsed(parseStatements(sql), null);
    } catch (JSQLParserException failed) {
      return new Parsed(null, String.valueOf(failed.getMessage()));
    }
  });

  private static final int MAX_SHARED_CHARS = 20_000;

  private static Statements shared(String sql) throws JSQLParserException {
    if (sql.length() > MAX_SHARED_CHARS) {
      return parseStatements(sql);
    }
    Parsed parsed = SHARED.answer(sql);
    if (parsed.failure() != null) {
      throw new JSQLParserException(parsed.failure());
    }
    return parsed.statements();
  }
}
