package dev.optkit.analyzers.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.sf.jsqlparser.parser.CCJSqlParserTokenManager;
import net.sf.jsqlparser.parser.SimpleCharStream;
import net.sf.jsqlparser.parser.StringProvider;
import net.sf.jsqlparser.parser.Token;

/**
 * Postgres triggers that write nothing beyond the row being written: {@code BEFORE ... FOR EACH ROW EXECUTE
 * FUNCTION touch()} whose PL/pgSQL body only sets the new row's columns from the row itself, literals and the
 * clock ({@code NEW.updated_at = CURRENT_TIMESTAMP; RETURN NEW;}), the most common trigger there is. A write to
 * its table writes that table only. Any other trigger (a statement-level one, an AFTER one, a body with a query,
 * a call, a condition, a function optkit did not read) may write any table, as {@link SchemaWriteEffects} says.
 * Function bodies are read with JSqlParser's lexer, which gives a dollar-quoted body as one token.
 */
final class RowLocalTriggers {
  /** Words a row-local body may hold besides the new or old row's column names. */
  private static final Set<String> BODY_WORDS = Set.of("BEGIN", "END", "RETURN", "NEW", "OLD", "NULL", "TRUE", "FALSE",
      "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "LOCALTIMESTAMP", "LOCALTIME", "NOW", ";", ".", "=", ":",
      "(", ")", "+", "-", "*", "/", "||", ",");

  private record Trigger(String table, String timing, boolean eachRow, String function) {}

  private final Map<String, String> bodies = new HashMap<>();
  private final List<Trigger> triggers = new ArrayList<>();
  private String function; // the function whose definition is being read
  private String table; // the table of the trigger whose clauses are being read
  private String timing;
  private boolean eachRow;
  private boolean executing; // EXECUTE FUNCTION/PROCEDURE read: its name follows, up to "("
  private String executes;

  void startFunction(String name) {
    function = name;
  }

  void startTrigger(String onTable, String when) {
    table = onTable;
    timing = when;
    eachRow = false;
    executing = false;
    executes = null;
  }

  /** Whether the token belongs to a function's definition or a trigger's clauses being read (taken here). */
  boolean reading(Token token) {
    String word = token.image.toUpperCase(Locale.ROOT);
    if (function != null) {
      if (token.image.length() > 1 && token.image.startsWith("$") && token.image.endsWith("$")) {
        // two definitions of one name (overloads, a later replacement): which one a trigger runs is not told
        bodies.merge(function, token.image, (first, second) -> first.equals(second) ? first : "");
      }
      if (word.equals(";")) {
        function = null;
        return false;
      }
      return true;
    }
    if (table == null) {
      return false;
    }
    if (word.equals(";")) {
      endTrigger();
      return false;
    }
    if (word.equals("ROW")) {
      eachRow = true;
    } else if (word.equals("FUNCTION") || word.equals("PROCEDURE")) {
      executing = true;
    } else if (executing && word.equals("(")) {
      executing = false;
    } else if (executing && !word.equals(".")) {
      executes = TableNames.normalise(SchemaViews.bare(token.image)); // schema.touch: the last part, named as the function is
    }
    return true;
  }

  /** The script ended: a statement without its semicolon ends there. */
  void endOfScript() {
    if (table != null) {
      endTrigger();
    }
    function = null;
  }

  private void endTrigger() {
    triggers.add(new Trigger(table, timing, eachRow, executes));
    table = null;
  }

  /** The tables of every trigger read that may write beyond the row it fires for. */
  Set<String> triggeredBeyondTheirRow() {
    Set<String> tables = new TreeSet<>();
    for (Trigger trigger : triggers) {
      String body = trigger.function() == null ? null : bodies.get(trigger.function());
      if (!"BEFORE".equals(trigger.timing()) || !trigger.eachRow() || body == null || !setsOnlyItsRow(body)) {
        tables.add(trigger.table());
      }
    }
    return tables;
  }

  /**
   * {@code $$ BEGIN NEW.updated_at = CURRENT_TIMESTAMP; RETURN NEW; END; $$}: only the listed words, and names
   * only right after {@code NEW.} or {@code OLD.} (a column of the row): no query, no call but {@code now()}, no
   * condition, no variable.
   */
  static boolean setsOnlyItsRow(String dollarQuoted) {
    int open = dollarQuoted.indexOf('$', 1);
    int close = dollarQuoted.lastIndexOf('$', dollarQuoted.length() - 2);
    if (open < 0 || close <= open) {
      return false;
    }
    String body = dollarQuoted.substring(open + 1, close);
    try {
      CCJSqlParserTokenManager lexer = new CCJSqlParserTokenManager(new SimpleCharStream(new StringProvider(body)));
      String before = "";
      String beforeThat = "";
      int read = 0;
      for (Token token = lexer.getNextToken(); token.kind != 0; token = lexer.getNextToken()) {
        if (++read > 500) {
          return false;
        }
        String word = token.image.toUpperCase(Locale.ROOT);
        boolean column = before.equals(".") && (beforeThat.equals("NEW") || beforeThat.equals("OLD"));
        boolean literal = Character.isDigit(token.image.charAt(0)) || token.image.startsWith("'");
        if (!column && !literal && !BODY_WORDS.contains(word)) {
          return false;
        }
        beforeThat = before;
        before = word;
      }
      return read > 0;
    } catch (RuntimeException | Error e) {
      return false;
    }
  }
}
