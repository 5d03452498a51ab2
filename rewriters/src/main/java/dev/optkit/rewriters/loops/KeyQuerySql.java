package dev.optkit.rewriters.loops;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import dev.optkit.analyzers.facts.sites.SqlParsing;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * A query by one key ({@code SELECT id, name FROM customer WHERE id = ? AND active}) read by
 * JSqlParser, and its form for many keys: the same text with {@code id IN (?, ?, ...)} in place of
 * {@code id = ?}, spliced into the text as written. Each row the IN query returns belongs to the
 * key in its key column, and the rows of one key are exactly the rows the one-key query returns:
 * only when the key's condition is one of the WHERE clause's AND terms, and nothing in the query
 * works on the rows together (aggregates, DISTINCT, GROUP BY, LIMIT, window functions, set
 * operations, locking).
 *
 * @param before the SQL text before the key's condition's operator
 * @param after the SQL text after its parameter
 * @param keyLabel the column label each row's key is read from
 * @param problem why the query cannot be batched, or null
 * @param orderProblem why the rows of one key come in no order SQL defines (no ORDER BY, or one by
 *     the key alone), or null when its ORDER BY orders them: what a list per key needs
 */
record KeyQuerySql(String before, String after, String keyLabel, String problem, String orderProblem) {
  private static final int MAX_PARSED_CHARS = 20_000;
  private static final Set<String> AGGREGATES = Set.of("COUNT", "SUM", "MIN", "MAX", "AVG", "STRING_AGG", "LISTAGG",
      "GROUP_CONCAT", "ARRAY_AGG", "BOOL_AND", "BOOL_OR", "EVERY", "STDDEV", "VARIANCE", "JSON_AGG", "JSONB_AGG",
      "JSON_ARRAYAGG", "XMLAGG", "MEDIAN", "ANY_VALUE");

  static KeyQuerySql refused(String problem) {
    return new KeyQuerySql(null, null, null, problem, null);
  }

  /** The query's text for {@code count} keys: {@code key IN (?, ..., ?)} where the one-key text has {@code key = ?}. */
  String forKeys(int count) {
    return before + "IN (" + String.join(", ", java.util.Collections.nCopies(count, "?")) + ")" + after;
  }

  /**
   * What a careful engineer would write instead of this query per key where optkit does not rewrite the loop
   * (plain JDBC, whose body reads the driver's rows itself): the IN query per chunk, or why the SQL cannot be
   * batched as it is. Appended to the loop's refusal.
   */
  String byHand() {
    if (problem != null) {
      return "; its SQL cannot be batched as it is: " + problem;
    }
    return "; by hand: one " + before + "IN (?, ?, ...)" + after + " per 1,000 keys before the loop, each row kept "
        + "under its " + keyLabel + ", each element taking its own rows"
        + (orderProblem == null ? "" : " (where a key has several rows, an ORDER BY over a unique column keeps their "
            + "order: without one, the IN query may return them in another)");
  }

  /** Functions whose value depends on a row's place among the rows a query returns (only when called: a column may share the name). */
  private static final Set<String> POSITIONAL = Set.of("ROWNUM", "ROW_NUMBER", "RANK", "DENSE_RANK", "PERCENT_RANK",
      "CUME_DIST", "NTILE", "LAG", "LEAD", "FIRST_VALUE", "LAST_VALUE", "NTH_VALUE", "FOUND_ROWS", "ROW_COUNT");

  static KeyQuerySql of(String sql) {
    if (sql == null) {
      return refused("optkit cannot read its SQL text");
    }
    if (sql.length() > MAX_PARSED_CHARS) {
      return refused("its SQL is longer than optkit parses");
    }
    int mark = sql.indexOf('?');
    if (mark < 0 || sql.indexOf('?', mark + 1) >= 0) {
      return refused("its SQL has " + (mark < 0 ? "no" : "more than one") + " '?' (in its text, comments and strings "
          + "included): optkit batches a query by one key");
    }
    java.util.Optional<String> changing = dev.optkit.analyzers.facts.sites.SqlStatements.volatileValue(sql);
    if (changing.isPresent()) {
      return refused("its SQL reads " + changing.get() + ", whose value differs from one query to the next: one "
          + "query for many keys would answer with one value for all");
    }
    java.util.Optional<String> positional = positionalWord(sql);
    if (positional.isPresent()) {
      return refused("its SQL uses " + positional.get() + ", which numbers or compares rows by their place among "
          + "the rows the query returns: for many keys at once the numbers change");
    }
    Statement statement;
    try {
      statement = SqlParsing.parse(sql);
    } catch (Exception | StackOverflowError e) {
      return refused("JSqlParser cannot parse its SQL");
    }
    if (!(statement instanceof PlainSelect select) || select.getWithItemsList() != null) {
      return refused("its SQL is not one plain SELECT (a WITH, a UNION or a statement that writes)");
    }
    if (select.getDistinct() != null || select.getGroupBy() != null || select.getHaving() != null
        || select.getLimit() != null || select.getOffset() != null || select.getFetch() != null
        || select.getTop() != null || select.getForMode() != null || select.getLimitBy() != null) {
      return refused("its SELECT works on its rows together or locks them (DISTINCT, GROUP BY, HAVING, a limit, "
          + "FOR UPDATE): for many keys at once it would answer differently");
    }
    List<Column> keys = new ArrayList<>();
    String[] keyTerm = new String[1];
    String where = whereProblem(select.getWhere(), keys, keyTerm);
    if (where != null) {
      return refused(where);
    }
    Column key = keys.get(0);
    String label = null;
    boolean joined = select.getJoins() != null && !select.getJoins().isEmpty();
    for (SelectItem<?> item : select.getSelectItems()) {
      Expression expression = item.getExpression();
      if (expression instanceof Function function && AGGREGATES.contains(function.getName().toUpperCase(Locale.ROOT))
          || expression instanceof AnalyticExpression) {
        return refused("its SELECT computes " + expression + " over its rows: for many keys at once it would answer "
            + "differently");
      }
      if (expression instanceof AllColumns && !(expression instanceof AllTableColumns) && !joined
          || expression instanceof AllTableColumns table && !joined && sameTable(table.getTable().getName(), key)) {
        label = label == null ? key.getColumnName() : label;
      } else if (expression instanceof Column column && column.getColumnName().equalsIgnoreCase(key.getColumnName())
          && sameTable(column.getTable() == null ? null : column.getTable().getName(), key)) {
        label = item.getAlias() != null ? item.getAlias().getName() : column.getColumnName();
      }
    }
    for (Function function : functionsIn(select)) {
      if (AGGREGATES.contains(function.getName().toUpperCase(Locale.ROOT))) {
        return refused("its SELECT computes " + function + " over its rows");
      }
    }
    if (label != null) {
      String keyLabel = label;
      long sameLabel = select.getSelectItems().stream().filter(item -> keyLabel.equalsIgnoreCase(labelOf(item))).count();
      boolean star = select.getSelectItems().stream().anyMatch(item -> item.getExpression() instanceof AllColumns);
      if (sameLabel > 1 || star && sameLabel > 0) {
        return refused("its SELECT returns more than one column labelled " + label + ": the batched query could read "
            + "another column's value as the key");
      }
    }
    if (label == null) {
      return refused("its SELECT does not return the key column " + key + " (or returns it among the columns of a "
          + "join), which the batched query reads to give each row to its key");
    }
    if (label.startsWith("\"") || label.startsWith("`") || label.startsWith("[")) {
      return refused("its key column's label " + label + " is quoted, and JDBC drivers differ in how they match it");
    }
    // the text as written around "key = ?": the operator is the last '=' before the one '?'
    int operator = sql.lastIndexOf('=', mark);
    if (operator < 0 || !sql.substring(operator + 1, mark).isBlank() || operator > 0
        && "<>!:".indexOf(sql.charAt(operator - 1)) >= 0) {
      return refused("its key's condition is not written 'column = ?'");
    }
    String before = sql.substring(0, operator);
    if (!before.isEmpty() && !Character.isWhitespace(before.charAt(before.length() - 1))) {
      before = before + " "; // id=? becomes id IN (...), not idIN (...)
    }
    KeyQuerySql batched = new KeyQuerySql(before, sql.substring(mark + 1), label, null, orderProblem(select, key));
    return batched.checked(statement.toString(), keys.get(0), keyTerm[0]);
  }

  /**
   * The spliced text must be the same query as the original with its key's term an IN list: the
   * original as JSqlParser prints it, that term replaced, equals the splice as JSqlParser prints it.
   */
  private KeyQuerySql checked(String original, Column key, String term) {
    int at = original.indexOf(term);
    if (at >= 0 && original.indexOf(term, at + 1) < 0) {
      String expected = original.substring(0, at) + key + " IN (?, ?)" + original.substring(at + term.length());
      try {
        if (SqlParsing.parse(forKeys(2)).toString().equals(expected)) {
          return this;
        }
      } catch (Exception | StackOverflowError e) {
        // fall through: the splice did not give the query it should
      }
    }
    return refused("optkit could not write its key's condition as an IN list in the SQL's own text");
  }

  /** A column label a select item surely has: its alias, or a plain column's name; null when the database decides. */
  /**
   * The label a driver matches a column by, unquoted: {@code parent_id AS "ID"} is found by
   * {@code rs.getObject("id")} as well, since drivers match labels ignoring case.
   */
  private static String labelOf(SelectItem<?> item) {
    String label = item.getAlias() != null ? item.getAlias().getName()
        : item.getExpression() instanceof Column column ? column.getColumnName() : null;
    return label == null ? null : label.replaceAll("^[\"`\\[]|[\"`\\]]$", "");
  }

  /** The first word of the SQL that numbers rows by their place (ROWNUM, ROW_NUMBER()), read with JSqlParser's lexer. */
  private static java.util.Optional<String> positionalWord(String sql) {
    java.util.Optional<List<String>> words = dev.optkit.analyzers.facts.sites.SqlStatements.words(sql);
    if (words.isEmpty()) {
      return java.util.Optional.of("words optkit cannot read");
    }
    String previous = "";
    for (String word : words.get()) {
      if (word.equals("ROWNUM") || word.equals("(") && POSITIONAL.contains(previous)) {
        return java.util.Optional.of(word.equals("ROWNUM") ? word : previous + "()"); // Oracle's pseudo-column too
      }
      previous = word;
    }
    return java.util.Optional.empty();
  }


  /**
   * Null when the WHERE clause is AND terms of which exactly one is "column = ?" (the key, added to
   * keys, its text as JSqlParser prints it to term[0]).
   */
  private static String whereProblem(Expression where, List<Column> keys, String[] term) {
    if (where == null) {
      return "its SELECT has no WHERE clause with the key";
    }
    List<Expression> terms = new ArrayList<>();
    collectAndTerms(where, terms);
    for (Expression candidate : terms) {
      if (candidate instanceof EqualsTo equals && equals.getLeftExpression() instanceof Column column
          && equals.getRightExpression() instanceof JdbcParameter) {
        keys.add(column);
        term[0] = equals.toString();
      } else if (candidate.toString().contains("?") && (candidate
          instanceof net.sf.jsqlparser.expression.operators.relational.ComparisonOperator
          || candidate instanceof net.sf.jsqlparser.expression.operators.relational.IsDistinctExpression
          || candidate instanceof net.sf.jsqlparser.expression.operators.relational.LikeExpression
          || candidate instanceof net.sf.jsqlparser.expression.operators.relational.Between)) {
        return "its key's condition is " + candidate + ", not 'column = ?'";
      }
    }
    if (keys.size() != 1) {
      return "its key's '?' is not in a term that the WHERE clause ANDs with the others (an OR, a function or a "
          + "subquery is around it): for many keys at once the query would find other rows";
    }
    return null;
  }

  /**
   * Why the rows one key finds come in no order SQL defines, or null. The IN query keeps the ORDER
   * BY, and a sort of all keys' rows sorts each key's rows as the one-key query sorts them, so the
   * rows of one key come in the order SQL defines for the original (rows equal in every ORDER BY
   * term come in no defined order in either). Without ORDER BY, or with one whose terms are the
   * key column (equal in all of one key's rows) or constants, that order is none: the one-key query
   * returned them in its plan's order, the IN query in its own. A term computed over other rows
   * (a window or an aggregate) would sort over every key's rows at once.
   */
  private static String orderProblem(PlainSelect select, Column key) {
    List<net.sf.jsqlparser.statement.select.OrderByElement> order = select.getOrderByElements();
    boolean orders = false;
    for (net.sf.jsqlparser.statement.select.OrderByElement element : order == null ? List.<net.sf.jsqlparser
        .statement.select.OrderByElement>of() : order) {
      Expression term = selected(select, element.getExpression());
      if (term instanceof AnalyticExpression || term instanceof Function function
          && AGGREGATES.contains(function.getName().toUpperCase(Locale.ROOT))) {
        return "its ORDER BY sorts by " + element.getExpression() + ", computed over other rows: for many keys at "
            + "once it would sort otherwise";
      }
      boolean keyColumn = term instanceof Column column && column.getColumnName().equalsIgnoreCase(key.getColumnName())
          && sameTable(column.getTable() == null ? null : column.getTable().getName(), key);
      orders |= !keyColumn && !(term instanceof net.sf.jsqlparser.expression.LongValue
          || term instanceof net.sf.jsqlparser.expression.StringValue || term instanceof net.sf.jsqlparser.expression.NullValue);
    }
    if (!orders) {
      return "its rows come in no order SQL defines (" + (order == null ? "no ORDER BY" : "its ORDER BY sorts by "
          + "nothing that differs among one key's rows: the key " + key + ", constants") + "): the query for one key "
          + "returned them in its plan's order, one query for many keys would return them in its own; add ORDER BY "
          + "over a unique column and it is batched";
    }
    return null;
  }

  /** An ORDER BY term as the select item it names ({@code ORDER BY 2}, an alias), or the term itself. */
  private static Expression selected(PlainSelect select, Expression term) {
    List<SelectItem<?>> items = select.getSelectItems();
    if (term instanceof net.sf.jsqlparser.expression.LongValue position && position.getValue() >= 1
        && position.getValue() <= items.size()) {
      return items.get((int) position.getValue() - 1).getExpression();
    }
    if (term instanceof Column column && column.getTable() == null) {
      for (SelectItem<?> item : items) {
        if (item.getAlias() != null && item.getAlias().getName().equalsIgnoreCase(column.getColumnName())) {
          return item.getExpression();
        }
      }
    }
    return term;
  }

  private static void collectAndTerms(Expression expression, List<Expression> terms) {
    Expression bare = expression;
    while (bare instanceof net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList<?> list
        && list.size() == 1) {
      bare = (Expression) list.get(0); // WHERE (id = ?)
    }
    if (bare instanceof AndExpression and) {
      collectAndTerms(and.getLeftExpression(), terms);
      collectAndTerms(and.getRightExpression(), terms);
    } else {
      terms.add(bare);
    }
  }

  private static boolean sameTable(String qualifier, Column key) {
    String keyTable = key.getTable() == null ? null : key.getTable().getName();
    return qualifier == null || keyTable == null || qualifier.equalsIgnoreCase(keyTable);
  }

  private static List<Function> functionsIn(PlainSelect select) {
    List<Function> found = new ArrayList<>();
    for (SelectItem<?> item : select.getSelectItems()) {
      item.getExpression().accept(new net.sf.jsqlparser.util.deparser.ExpressionDeParser() {
        @Override
        public <S> StringBuilder visit(Function function, S context) {
          found.add(function);
          return super.visit(function, context);
        }
      }, null);
    }
    return found;
  }
}
