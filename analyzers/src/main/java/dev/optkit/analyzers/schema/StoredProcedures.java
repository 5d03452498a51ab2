package dev.optkit.analyzers.schema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.parser.CCJSqlParserTokenManager;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.SimpleCharStream;
import net.sf.jsqlparser.parser.StringProvider;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.execute.Execute;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;

/**
 * The stored procedures the project's SQL scripts create, for a {@code CALL} of one: a procedure whose body is
 * nothing but queries ({@code CREATE PROCEDURE GetKind(IN kid INT) BEGIN SELECT * FROM kind WHERE id = kid; END})
 * reads what those queries read, where any other {@code CALL} may write anything (audit 10's s1: a JdbcTemplate
 * service whose every read is a {@code CALL} had each read taken for a write).
 *
 * <p>Scripts are read with JSqlParser's lexer (comments and literals are tokens of their own), as
 * {@link SchemaWriteEffects} reads them; a body's statements are parsed by JSqlParser. A body holding anything but
 * {@code SELECT} statements (control flow, variables, a write, another {@code CALL}, {@code SELECT ... INTO}), one
 * optkit cannot parse, or a procedure defined twice with different bodies, stays a procedure that may write.
 */
public final class StoredProcedures {
  /** Words that make a body more than queries: the procedure may then write, or read what optkit cannot follow. */
  private static final Set<String> NOT_A_QUERY = Set.of("INSERT", "UPDATE", "DELETE", "REPLACE", "MERGE", "CALL",
      "EXEC", "EXECUTE", "PREPARE", "SET", "DECLARE", "IF", "WHILE", "LOOP", "REPEAT", "CASE", "CREATE", "DROP",
      "ALTER", "TRUNCATE", "COMMIT", "ROLLBACK", "START", "BEGIN", "INTO", "HANDLER", "CURSOR", "OPEN", "FETCH",
      "SIGNAL", "RESIGNAL", "LOCK", "UNLOCK", "GRANT", "RENAME", "LOAD", "DO", "LEAVE", "ITERATE");

  /** One definition: the name as written (schema kept, quotes and case aside), its queries or null. */
  private record Definition(String name, String queries) {}

  /**
   * By name without schema: every definition of that name in any schema, since a script's unqualified
   * {@code CREATE PROCEDURE cat_name} and another's {@code shop.cat_name} may be one procedure (hostile review 34's q12).
   */
  private final Map<String, List<Definition>> definitions;

  /** Where a script holds a definition optkit could not read: every CALL stays a write. */
  private static final String UNREADABLE = "\u0000unreadable";

  private StoredProcedures(Map<String, List<Definition>> definitions) {
    this.definitions = definitions;
  }

  public static StoredProcedures none() {
    return new StoredProcedures(Map.of());
  }

  public static StoredProcedures read(List<Path> scripts) {
    Map<String, List<Definition>> found = new HashMap<>();
    for (Path script : scripts) {
      try {
        SqlScripts.text(script).ifPresent(text -> lex(text, found));
      } catch (RuntimeException | Error unreadable) {
        // a script optkit cannot read or lex defines nothing it can name: a CALL of its procedures stays a write
      }
    }
    return new StoredProcedures(found);
  }

  /**
   * The queries a statement runs when it is a {@code CALL} (or {@code {call ...}}) of a procedure every definition
   * of which is only those queries, joined by {@code ;}; empty for any other statement.
   */
  public Optional<String> queriesOf(String sql) {
    if (sql == null || definitions.isEmpty() || definitions.containsKey(UNREADABLE)) {
      return Optional.empty();
    }
    String text = sql.strip();
    if (text.startsWith("{") && text.endsWith("}")) {
      text = text.substring(1, text.length() - 1);
    }
    String name;
    try {
      if (!(CCJSqlParserUtil.parse(text) instanceof Execute call)) {
        return Optional.empty();
      }
      name = bare(call.getName());
    } catch (Exception | Error unparsed) {
      return Optional.empty();
    }
    List<Definition> all = definitions.get(name.substring(name.lastIndexOf('.') + 1));
    // every definition of that name, in any schema, only the same queries; a qualified call needs its own
    if (all == null || all.stream().anyMatch(d -> d.queries() == null)
        || all.stream().map(Definition::queries).distinct().count() != 1
        || name.contains(".") && all.stream().noneMatch(d -> d.name().equals(name))) {
      return Optional.empty();
    }
    return Optional.of(all.get(0).queries());
  }

  /**
   * Whether a script written as a test's data runs code whose writes it does not show: a {@code CALL}, or a function
   * but the pure ones ({@link #PURE_FUNCTIONS}) and those giving a value of the moment, a fresh id or a sequence's next
   * number ({@code NOW()}, {@code UUID()}, {@code NEXTVAL}), which a seed's rows are made with. A script it cannot parse
   * runs anything.
   */
  public static boolean runsCode(String script) {
    boolean[] called = {false};
    try {
      for (Statement statement : CCJSqlParserUtil.parseStatements(script)) {
        if (statement instanceof Execute) {
          return true;
        }
        new net.sf.jsqlparser.util.TablesNamesFinder<Void>() {
          @Override
          public <S> Void visit(net.sf.jsqlparser.expression.Function function, S context) {
            String name = function.getName() == null ? "" : function.getName().toUpperCase(Locale.ROOT);
            called[0] |= !PURE_FUNCTIONS.contains(name) && !VALUE_FUNCTIONS.contains(name);
            return super.visit(function, context);
          }
        }.getTables(statement);
      }
    } catch (Exception | Error unparsed) {
      return true;
    }
    return called[0];
  }

  /** Functions a seed's rows are made with: the moment, a fresh id, a sequence's next number, a date's parse. */
  private static final Set<String> VALUE_FUNCTIONS = Set.of("NOW", "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME",
      "LOCALTIMESTAMP", "LOCALTIME", "SYSDATE", "UUID", "RANDOM_UUID", "GEN_RANDOM_UUID", "NEWID", "NEXTVAL",
      "TO_DATE", "TO_TIMESTAMP", "PARSEDATETIME", "DATEADD", "DATE_ADD", "TIMESTAMPADD", "DATE", "TIMESTAMP", "MD5",
      "SHA1", "SHA2", "HASH", "RAND", "RANDOM");

  /**
   * A procedure's name as written, quotes and case aside, its schema kept: {@code audit.cat_name} is not the
   * {@code shop.cat_name} a script defines (hostile review 33's q10), nor an unqualified {@code cat_name}.
   */
  private static String bare(String name) {
    return name.replace("`", "").replace("\"", "").replace("[", "").replace("]", "").toLowerCase(Locale.ROOT);
  }

  private static void lex(String script, Map<String, List<Definition>> found) {
    // one character per column: the slices below are taken by the lexer's lines and columns
    String text = script.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ');
    List<Integer> lineStarts = new ArrayList<>(List.of(0));
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lineStarts.add(i + 1);
      }
    }
    CCJSqlParserTokenManager lexer = new CCJSqlParserTokenManager(new SimpleCharStream(new StringProvider(text)));
    java.util.ArrayDeque<String> recent = new java.util.ArrayDeque<>(); // the words before, for CREATE [OR REPLACE] [DEFINER=...]
    for (Token token = lexer.getNextToken(); token.kind != 0; token = lexer.getNextToken()) {
      String word = token.image.toUpperCase(Locale.ROOT);
      if (!word.equals("PROCEDURE") && word.contains("PROCEDURE")) {
        // a definition the lexer read as one literal ($$ ... $$ after DELIMITER $$: hostile review 34's q12) or in a
        // comment: no procedure of the project can be told read-only any more
        found.computeIfAbsent(UNREADABLE, k -> new ArrayList<>()).add(new Definition(UNREADABLE, null));
      }
      if (word.equals(";") || word.equals("/")) {
        recent.clear(); // a statement ends (DELIMITER // scripts end theirs with //)
        continue;
      }
      boolean creating = word.equals("PROCEDURE") && recent.contains("CREATE")
          && !recent.contains("DROP") && !recent.contains("ALTER");
      recent.addLast(word);
      if (recent.size() > 10) {
        recent.removeFirst();
      }
      if (!creating) {
        continue;
      }
      recent.clear();
      Token name = lexer.getNextToken();
      StringBuilder qualified = new StringBuilder(name.image);
      Token next = lexer.getNextToken();
      while (next.image.equals(".")) {
        qualified.append('.').append(lexer.getNextToken().image);
        next = lexer.getNextToken();
      }
      // the parameters, then BEGIN: the body runs to the first END, since nothing in a body of queries opens a block
      while (next.kind != 0 && !next.image.equalsIgnoreCase("BEGIN") && !next.image.equals(";")) {
        next = lexer.getNextToken();
      }
      String named = bare(qualified.toString());
      List<Definition> same = found.computeIfAbsent(named.substring(named.lastIndexOf('.') + 1), k -> new ArrayList<>());
      if (!next.image.equalsIgnoreCase("BEGIN")) {
        same.add(new Definition(named, null));
        continue;
      }
      Token begin = next;
      boolean queriesOnly = true;
      Token end = lexer.getNextToken();
      while (end.kind != 0 && !end.image.equalsIgnoreCase("END")) {
        // a session variable set in the query (@served := @served + 1) changes state between calls (q17)
        queriesOnly &= !NOT_A_QUERY.contains(end.image.toUpperCase(Locale.ROOT)) && !end.image.contains("@")
            && !end.image.contains(":=");
        end = lexer.getNextToken();
      }
      String body = end.kind == 0 ? null
          : text.substring(offset(lineStarts, begin.endLine, begin.endColumn) + 1, offset(lineStarts, end.beginLine, end.beginColumn));
      same.add(new Definition(named, queriesOnly && body != null ? queries(body) : null));
      token = end;
    }
  }

  private static int offset(List<Integer> lineStarts, int line, int column) {
    return lineStarts.get(line - 1) + column - 1;
  }

  /** Aggregates and value functions that read nothing and write nothing; any other function may (q2, q3). */
  private static final Set<String> PURE_FUNCTIONS = Set.of("COUNT", "SUM", "MIN", "MAX", "AVG", "COALESCE", "IFNULL",
      "NULLIF", "CONCAT", "UPPER", "LOWER", "TRIM", "LENGTH", "SUBSTRING", "SUBSTR", "ROUND", "ABS", "CAST", "GREATEST",
      "LEAST", "LPAD", "RPAD", "REPLACE", "IF", "DATE_FORMAT", "CONCAT_WS", "GROUP_CONCAT", "FLOOR", "CEIL", "CEILING");

  /**
   * Whether a query calls a function that may write (a {@code MODIFIES SQL DATA} function, {@code NEXTVAL(seq)}) or
   * reads what optkit cannot name: anything but {@link #PURE_FUNCTIONS}. Functions of the clock make the answer
   * change by themselves, which the read's own volatility check says of the query text.
   */
  private static boolean callsAFunction(Select select) {
    boolean[] other = {false};
    new net.sf.jsqlparser.util.TablesNamesFinder<Void>() {
      @Override
      public <S> Void visit(net.sf.jsqlparser.expression.Function function, S context) {
        String name = function.getName() == null ? "" : function.getName().toUpperCase(Locale.ROOT);
        other[0] |= !PURE_FUNCTIONS.contains(name);
        return super.visit(function, context);
      }

      @Override
      public <S> Void visit(net.sf.jsqlparser.expression.NextValExpression next, S context) {
        other[0] = true;
        return super.visit(next, context);
      }
    }.getTables((Statement) select);
    return other[0];
  }

  /** Words a parenthesis follows in a query that are no function call. */
  private static final Set<String> NOT_FUNCTIONS = Set.of("IN", "EXISTS", "VALUES", "AS", "FROM", "JOIN", "ON", "AND",
      "OR", "NOT", "WHERE", "SELECT", "ANY", "ALL", "SOME", "OVER", "BY", "USING", "WITH", "WHEN", "THEN", "ELSE",
      "FILTER", "WITHIN", "GROUP", "HAVING", "DISTINCT", "UNION", "EXCEPT", "INTERSECT", "LIMIT", "OFFSET", "CASE");

  /**
   * The same question read from the query's tokens: any name a parenthesis follows but a pure function or a keyword,
   * wherever it stands (an ORDER BY the visitor does not walk: hostile review 34's q14).
   */
  private static boolean callsAFunction(String query) {
    CCJSqlParserTokenManager lexer = new CCJSqlParserTokenManager(new SimpleCharStream(new StringProvider(query)));
    Token previous = null;
    for (Token token = lexer.getNextToken(); token.kind != 0; previous = token, token = lexer.getNextToken()) {
      if (token.image.equals("(") && previous != null && !previous.image.isEmpty()
          && Character.isJavaIdentifierStart(previous.image.charAt(0))) {
        String word = previous.image.toUpperCase(Locale.ROOT);
        if (!PURE_FUNCTIONS.contains(word) && !NOT_FUNCTIONS.contains(word)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The body's statements, each a plain query, joined; null when one is anything else or does not parse. */
  private static String queries(String body) {
    try {
      Statements parsed = CCJSqlParserUtil.parseStatements(body);
      List<String> queries = new ArrayList<>();
      for (Statement statement : parsed) {
        if (!(statement instanceof Select select) || select instanceof PlainSelect plain && plain.getIntoTables() != null
            || callsAFunction(select) || callsAFunction(statement.toString())) {
          return null;
        }
        queries.add(statement.toString());
      }
      return queries.isEmpty() ? null : String.join(";\n", queries);
    } catch (Exception | Error unparsed) {
      return null;
    }
  }
}
