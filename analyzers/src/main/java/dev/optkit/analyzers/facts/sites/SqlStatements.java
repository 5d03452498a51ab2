package dev.optkit.analyzers.facts.sites;

import dev.optkit.analyzers.facts.Access;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;

/**
 * What a piece of SQL text does, told by JSqlParser: a read only when every statement in it is a
 * plain query. Text the parser rejects (SQL built at run time, vendor dialects) falls back to its
 * first keyword, read by a small lexer, and a query that could change state (sequences, locking
 * reads, data-change tables) is a write whatever its shape, because caching it would skip the
 * change.
 */
public final class SqlStatements {
  private static final Set<String> STATEMENT_KEYWORDS = Set.of("select", "with", "insert", "update", "delete", "merge",
      "upsert", "replace", "create", "drop", "alter", "truncate", "call", "exec", "from");
  private static final List<String> STATE_CHANGING_READS = List.of("nextval", "next value for", " for update",
      "final table", "new table", "old table", " returning ");
  /** Words that start a statement changing data or schema (REPLACE aside: it is a string function too). */
  private static final Set<String> CHANGING_KEYWORDS = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT",
      "TRUNCATE", "DROP", "ALTER", "CREATE", "CALL", "EXEC", "EXECUTE", "GRANT");
  private static final int MAX_PARSED_CHARS = 20_000;
  private static final int MAX_REMEMBERED = 10_000;
  private static final Map<String, Access> ACCESS = new ConcurrentHashMap<>();

  private SqlStatements() {
  }

  /** SQL keywords whose value changes from one execution to the next (reserved words: never a name). */
  private static final Set<String> VOLATILE_KEYWORDS = Set.of("CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME",
      "LOCALTIMESTAMP", "LOCALTIME", "SYSDATE", "SYSTIMESTAMP", "CURRENT_USER", "SESSION_USER");
  /** Functions whose value changes between executions: only when called, as a column may share the name. */
  private static final Set<String> VOLATILE_FUNCTIONS = Set.of("NOW", "SYSDATETIME", "GETDATE", "GETUTCDATE",
      "UTC_TIMESTAMP", "UTC_DATE", "UTC_TIME", "CURDATE", "CURTIME", "UNIX_TIMESTAMP", "CLOCK_TIMESTAMP",
      "STATEMENT_TIMESTAMP", "TRANSACTION_TIMESTAMP", "TIMEOFDAY", "RAND", "RANDOM", "RANDOM_UUID", "UUID",
      "NEWID", "GEN_RANDOM_UUID", "UUID_GENERATE_V4", "SECURE_RAND");

  /**
   * The first function or keyword in the SQL whose value changes between executions (the clock,
   * random values, the connected user): a cached answer would keep one execution's value. Read with
   * JSqlParser's lexer, so words in string literals, comments and quoted names do not count.
   */
  public static java.util.Optional<String> volatileValue(String sql) {
    List<String> words = words(sql).orElse(List.of());
    String previous = "";
    for (String word : words) {
      if (VOLATILE_KEYWORDS.contains(word)) {
        return java.util.Optional.of(word);
      }
      if (word.equals("(") && VOLATILE_FUNCTIONS.contains(previous)) {
        return java.util.Optional.of(previous + "()");
      }
      previous = word;
    }
    return java.util.Optional.empty();
  }

  /**
   * The SQL's tokens, upper-cased, as JSqlParser's lexer reads them: words in string literals,
   * comments and quoted names are no tokens of their own. Empty when the lexer cannot read it.
   */
  public static java.util.Optional<List<String>> words(String sql) {
    if (sql == null) {
      return java.util.Optional.empty();
    }
    List<String> words = new java.util.ArrayList<>();
    try {
      net.sf.jsqlparser.parser.CCJSqlParserTokenManager lexer = new net.sf.jsqlparser.parser.CCJSqlParserTokenManager(
          new net.sf.jsqlparser.parser.SimpleCharStream(new net.sf.jsqlparser.parser.StringProvider(sql)));
      for (net.sf.jsqlparser.parser.Token token = lexer.getNextToken(); token.kind != 0; token = lexer.getNextToken()) {
        words.add(token.image == null ? "" : token.image.toUpperCase(Locale.ROOT));
      }
    } catch (RuntimeException | Error e) { // the lexer's TokenMgrError is an Error
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(words);
  }

  /**
   * Whether the text starts like a SQL statement: its first keyword, past blanks, parentheses and comments, and
   * something after it. None of those keywords is a statement alone: a lone {@code "create"} or {@code "delete"} is a
   * permission's or an action's name ({@code user.isAuthorized("create")}, a blind trial's Vert.x wiki), not SQL.
   */
  public static boolean looksLikeSql(String text) {
    if (text == null) {
      return false;
    }
    int start = keywordStart(text);
    String keyword = word(text, start);
    return STATEMENT_KEYWORDS.contains(keyword)
        && !text.substring(start + keyword.length()).replace(")", "").isBlank();
  }

  /** Read, write, or unknown (not SQL at all) for statement text, possibly several statements. */
  public static Access access(String sql) {
    Access known = ACCESS.get(sql);
    if (known != null) {
      return known;
    }
    Access access = classify(sql);
    if (ACCESS.size() < MAX_REMEMBERED) {
      ACCESS.put(sql, access);
    }
    return access;
  }

  /**
   * Binds MyBatis {@code #{x}}/{@code ${x}} and optkit's own {@code {name}} markers for text built at
   * run time to parameters, so the parser sees a statement it can read.
   */
  public static String bindPlaceholders(String text) {
    StringBuilder bound = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int open = (c == '#' || c == '$') && i + 1 < text.length() && text.charAt(i + 1) == '{' ? i + 1 : c == '{' ? i : -1;
      int close = open < 0 ? -1 : text.indexOf('}', open);
      if (close > 0 && !startsJdbcEscape(text, open)) {
        bound.append('?');
        i = close + 1;
      } else {
        bound.append(c);
        i++;
      }
    }
    return bound.toString();
  }

  private static Access classify(String sql) {
    String keyword = firstKeyword(sql);
    if (keyword.equals("{call") || keyword.equals("{?") || keyword.equals("call") || keyword.equals("exec")) {
      return Access.WRITE; // a procedure may write anything
    }
    if (!STATEMENT_KEYWORDS.contains(keyword)) {
      return Access.UNKNOWN;
    }
    String lower = sql.toLowerCase(Locale.ROOT);
    if (STATE_CHANGING_READS.stream().anyMatch(lower::contains)) {
      return Access.WRITE;
    }
    Boolean parsedRead = onlyQueries(sql);
    if (parsedRead != null) {
      return parsedRead ? Access.READ : Access.WRITE;
    }
    // unparseable: a lone SELECT is a read, unless a statement that changes data is among its words (text built of
    // parts: hostile review 49's S2); a WITH may hide a data-changing statement, so it is not
    boolean changing = words(sql).map(w -> w.stream().anyMatch(CHANGING_KEYWORDS::contains)).orElse(true);
    return (keyword.equals("select") || keyword.equals("from")) && !changing ? Access.READ : Access.WRITE;
  }

  /** True when every statement parses as a query, false when one does not, null when the text does not parse. */
  private static Boolean onlyQueries(String sql) {
    if (sql.length() > MAX_PARSED_CHARS) {
      return null;
    }
    try {
      Statements statements = SqlParsing.sharedStatements(bindPlaceholders(sql));
      if (statements == null || statements.isEmpty()) {
        return null;
      }
      for (Statement statement : statements) {
        if (!(statement instanceof Select select) || isLocking(select) || changesDataInWith(select)) {
          return false;
        }
      }
      return true;
    } catch (Exception | StackOverflowError e) {
      return null;
    }
  }

  /** Aggregates whose answer is a number, never a row: {@code count(*)}, {@code sum(o.total)}, {@code avg(r.score)}. */
  private static final Set<String> NUMBER_AGGREGATES = Set.of("COUNT", "SUM", "AVG");

  /**
   * Whether the text is one plain query whose every selected item is a count, sum or average: its answer is a
   * number the database computes, so no query of this shape (native SQL, or JPQL read the same way) hands back an
   * entity, whatever result class it is given. False when it does not parse, locks, or selects anything else
   * ({@code select d from Day d}, {@code select max(d.owner)}).
   */
  public static boolean onlyAggregates(String sql) {
    if (sql == null || sql.length() > MAX_PARSED_CHARS || access(sql) != Access.READ) {
      return false;
    }
    try {
      Statement statement = SqlParsing.sharedStatement(bindPlaceholders(sql));
      if (!(statement instanceof PlainSelect plain) || isLocking(plain) || plain.getSelectItems() == null
          || plain.getSelectItems().isEmpty()) {
        return false;
      }
      return plain.getSelectItems().stream().allMatch(item -> item.getExpression()
          instanceof net.sf.jsqlparser.expression.Function function && function.getName() != null
          && NUMBER_AGGREGATES.contains(function.getName().toUpperCase(Locale.ROOT)));
    } catch (Exception | StackOverflowError unreadable) {
      return false;
    }
  }

  /**
   * Whether a query's WITH holds a statement that changes data ({@code WITH gone AS (DELETE FROM t WHERE ..) SELECT
   * ..}, with or without RETURNING: PostgreSQL runs it whatever the outer query reads), at any depth.
   */
  private static boolean changesDataInWith(Select select) {
    if (select == null) {
      return false;
    }
    if (select instanceof net.sf.jsqlparser.statement.select.ParenthesedSelect parenthesed
        && changesDataInWith(parenthesed.getSelect())) {
      return true;
    }
    if (select.getWithItemsList() == null) {
      return false;
    }
    for (net.sf.jsqlparser.statement.select.WithItem<?> item : select.getWithItemsList()) {
      if (!(item.getParenthesedStatement() instanceof net.sf.jsqlparser.statement.select.ParenthesedSelect nested)
          || changesDataInWith(nested)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLocking(Select select) {
    return select instanceof PlainSelect plain && plain.getForMode() != null;
  }

  private static boolean startsJdbcEscape(String text, int open) {
    String rest = text.substring(open + 1).stripLeading().toLowerCase(Locale.ROOT);
    return rest.startsWith("call") || rest.startsWith("?") || rest.startsWith("fn ") || rest.startsWith("d ")
        || rest.startsWith("t ") || rest.startsWith("ts ") || rest.startsWith("escape");
  }

  /** The first word of the text, lower case, past blanks, opening parentheses and SQL comments. */
  static String firstKeyword(String text) {
    int start = keywordStart(text);
    int i = start;
    int n = text.length();
    if (i < n && text.charAt(i) == '{') { // JDBC escape: {call p(?)} or {? = call f(?)}
      i++;
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      return i < n && text.charAt(i) == '?' ? "{?" : "{" + word(text, i);
    }
    return word(text, start);
  }

  /** Where the text's first word starts, past blanks, opening parentheses and SQL comments. */
  private static int keywordStart(String text) {
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '(') {
        i++;
      } else if (text.startsWith("--", i)) {
        int end = text.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (text.startsWith("/*", i)) {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else {
        break;
      }
    }
    return i;
  }

  private static String word(String text, int start) {
    int end = start;
    while (end < text.length() && Character.isLetter(text.charAt(end))) {
      end++;
    }
    return text.substring(start, end).toLowerCase(Locale.ROOT);
  }
}
