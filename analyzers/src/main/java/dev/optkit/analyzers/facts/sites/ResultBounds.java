package dev.optkit.analyzers.facts.sites;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.upsert.Upsert;

/**
 * How many rows a statement can answer, and which tables a statement adds rows to, as JSqlParser reads them: what an
 * unbounded read is made of.
 */
public final class ResultBounds {
  private ResultBounds() {}

  /**
   * Whether a query answers every row its conditions match, however many: one plain {@code SELECT} with no
   * {@code LIMIT}, {@code FETCH FIRST}, {@code TOP} or {@code ROWNUM} condition, and not only aggregates
   * ({@code count(*)} answers one row). Empty when the text is no single query JSqlParser reads (a union, a
   * MyBatis {@code ${}} paste, several statements): not known.
   */
  public static Optional<Boolean> answersEveryMatchingRow(String sql) {
    if (sql == null || sql.isBlank()) {
      return Optional.empty();
    }
    try {
      Statements parsed = SqlParsing.parseStatements(QueryFilters.boundParameters(sql));
      if (parsed == null || parsed.size() != 1 || !(parsed.get(0) instanceof PlainSelect select)) {
        return Optional.empty();
      }
      // the answer of a derived table with a limit, read whole, is bounded by it
      boolean derived = (select.getJoins() == null || select.getJoins().isEmpty())
          && select.getFromItem() instanceof net.sf.jsqlparser.statement.select.ParenthesedSelect inner
          && inner.getSelect() != null && limited(inner.getSelect());
      boolean bounded = limited(select) || derived
          || select.getWhere() != null && namesRownum(select.getWhere())
          || SqlStatements.onlyAggregates(sql) && select.getGroupBy() == null;
      return Optional.of(!bounded);
    } catch (Exception | StackOverflowError unreadable) {
      return Optional.empty();
    }
  }

  /** A LIMIT that is one ({@code LIMIT ALL} and {@code LIMIT NULL} are none), FETCH FIRST, or TOP. */
  private static boolean limited(net.sf.jsqlparser.statement.select.Select select) {
    net.sf.jsqlparser.statement.select.Limit limit = select.getLimit();
    return limit != null && !limit.isLimitAll() && !limit.isLimitNull() && limit.getRowCount() != null
        || select.getFetch() != null || select instanceof PlainSelect plain && plain.getTop() != null;
  }

  /** Whether Oracle's {@code ROWNUM} is a column of the condition ({@code WHERE ROWNUM <= 10} bounds the answer). */
  private static boolean namesRownum(net.sf.jsqlparser.expression.Expression where) {
    boolean[] found = {false};
    new net.sf.jsqlparser.util.TablesNamesFinder<Void>() {
      @Override
      public <S> Void visit(net.sf.jsqlparser.schema.Column column, S context) {
        found[0] |= column.getTable() == null && "rownum".equals(column.getColumnName().toLowerCase(Locale.ROOT));
        return super.visit(column, context);
      }
    }.getTables(where);
    return found[0];
  }

  /** The tables a statement adds rows to ({@code INSERT}, {@code MERGE}, {@code UPSERT}), as it names them. */
  public static Set<String> insertedTables(String sql) {
    Set<String> tables = new LinkedHashSet<>();
    if (sql == null || sql.isBlank()) {
      return tables;
    }
    try {
      Statements parsed = SqlParsing.parseStatements(QueryFilters.boundParameters(sql));
      for (Statement statement : parsed == null ? List.<Statement>of() : parsed) {
        if (statement instanceof Insert insert && insert.getTable() != null) {
          tables.add(insert.getTable().getName());
        } else if (statement instanceof Merge merge && merge.getTable() != null) {
          tables.add(merge.getTable().getName());
        } else if (statement instanceof Upsert upsert && upsert.getTable() != null) {
          tables.add(upsert.getTable().getName());
        }
      }
    } catch (Exception | StackOverflowError unreadable) {
      // adds rows to nothing known
    }
    return tables;
  }

}
