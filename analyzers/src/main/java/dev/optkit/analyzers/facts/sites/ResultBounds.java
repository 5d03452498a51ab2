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
    return sql == null ? Optional.empty() : EVERY_ROW.answer(sql);
  }

  private static final SqlMemo<Optional<Boolean>> EVERY_ROW = new SqlMemo<>(ResultBounds::everyRow);

  /** The statement when the text is one plain {@code SELECT} JSqlParser reads; else empty. */
  private static Optional<PlainSelect> onePlainSelect(String sql) throws Exception {
    if (sql == null || sql.isBlank()) {
      return Optional.empty();
    }
    Statements parsed = SqlParsing.sharedStatements(QueryFilters.boundParameters(sql));
    return parsed != null && parsed.size() == 1 && parsed.get(0) instanceof PlainSelect select
        ? Optional.of(select) : Optional.empty();
  }

  private static Optional<Boolean> everyRow(String sql) {
    try {
      Optional<PlainSelect> one = onePlainSelect(sql);
      if (one.isEmpty()) {
        return Optional.empty();
      }
      PlainSelect select = one.get();
      // the answer of a derived table with a limit, read whole, is bounded by it
      boolean derived = (select.getJoins() == null || select.getJoins().isEmpty())
          && select.getFromItem() instanceof net.sf.jsqlparser.statement.select.ParenthesedSelect inner
          && inner.getSelect() != null && limited(inner.getSelect());
      boolean bounded = limited(select) || derived
          || select.getWhere() != null && namesRownum(select.getWhere())
          || SqlStatements.onlyAggregates(sql) && select.getGroupBy() == null
          || groupsByValuesItIsGiven(sql);
      return Optional.of(!bounded);
    } catch (Exception | StackOverflowError unreadable) {
      return Optional.empty();
    }
  }

  /**
   * Whether the answer is one row per value the caller gives: a {@link #grouped grouped} select whose every grouping
   * column ({@link QueryFilters.TableFilter#grouped}) the conditions fix by {@code =} or {@code IN} ({@code SELECT
   * DISTINCT tag_id FROM t WHERE tag_id IN (...)}), so that it has at most as many rows as the values handed to it.
   */
  private static boolean groupsByValuesItIsGiven(String sql) {
    int count = groupingCount(sql);
    List<QueryFilters.TableFilter> filters = QueryFilters.of(sql);
    // every expression it groups by a column of its one table (QueryFilters reads which), each fixed by the caller
    return count > 0 && filters.size() == 1 && filters.get(0).grouped().size() == count
        && filters.get(0).equal().containsAll(filters.get(0).grouped());
  }

  /**
   * Whether a query answers one row per distinct value of what it groups by rather than its rows: one plain
   * {@code SELECT} with a {@code GROUP BY}, or {@link #distinctRows a DISTINCT of what it selects}. The columns it groups
   * by are {@link QueryFilters.TableFilter#grouped}.
   */
  public static boolean grouped(String sql) {
    return sql != null && GROUPED.answer(sql);
  }

  private static final SqlMemo<Boolean> GROUPED = new SqlMemo<>(sql -> groupingCount(sql) > 0);

  /**
   * How many expressions a grouped select groups by ({@link #grouped}): its {@code GROUP BY}'s, or a {@code DISTINCT}'s
   * selected ones; 0 for a select that is not grouped, or groups by {@code GROUPING SETS} (rows of several groupings,
   * read as not grouped).
   */
  public static int groupingCount(String sql) {
    return sql == null ? 0 : GROUPING.answer(sql);
  }

  private static final SqlMemo<Integer> GROUPING = new SqlMemo<>(sql -> {
    try {
      return onePlainSelect(sql).map(select -> {
        var groupBy = select.getGroupBy();
        if (groupBy != null && groupBy.getGroupingSets() != null && !groupBy.getGroupingSets().isEmpty()) {
          return 0;
        }
        if (groupBy != null && groupBy.getGroupByExpressionList() != null
            && !groupBy.getGroupByExpressionList().isEmpty()) {
          // ROLLUP(a, b) is one expression and names no column QueryFilters resolves: not known to be bounded
          return groupBy.getGroupByExpressionList().size();
        }
        return distinctRows(select) ? select.getSelectItems().size() : 0;
      }).orElse(0);
    } catch (Exception | StackOverflowError unreadable) {
      return 0;
    }
  });

  /**
   * A {@code SELECT DISTINCT} of expressions it names: not {@code DISTINCT ON}, not of {@code *} or {@code t.*} (every
   * column, its keys among them).
   */
  static boolean distinctRows(PlainSelect select) {
    return select.getDistinct() != null && select.getDistinct().getOnSelectItems() == null
        && select.getSelectItems() != null && select.getSelectItems().stream()
            .noneMatch(item -> item.getExpression() instanceof net.sf.jsqlparser.statement.select.AllColumns
                || item.getExpression() instanceof net.sf.jsqlparser.statement.select.AllTableColumns);
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

  /**
   * How a query skips rows to page: its {@code OFFSET} (or MySQL's {@code LIMIT offset, count}).
   *
   * @param parameter whether the offset is a parameter (a page the caller asks for, however deep)
   * @param rows the offset when it is a literal; 0 for a parameter
   */
  public record Offset(boolean parameter, long rows) {}

  /** The offset of one plain {@code SELECT}, if it skips rows by one; empty when it does not or is not read. */
  public static Optional<Offset> offset(String sql) {
    return sql == null ? Optional.empty() : OFFSET.answer(sql);
  }

  private static final SqlMemo<Optional<Offset>> OFFSET = new SqlMemo<>(ResultBounds::offsetOf);

  private static Optional<Offset> offsetOf(String sql) {
    try {
      Optional<PlainSelect> one = onePlainSelect(sql);
      if (one.isEmpty()) {
        return Optional.empty();
      }
      PlainSelect select = one.get();
      net.sf.jsqlparser.expression.Expression skipped = select.getOffset() != null ? select.getOffset().getOffset()
          : select.getLimit() != null ? select.getLimit().getOffset() : null;
      if (skipped instanceof net.sf.jsqlparser.expression.JdbcParameter
          || skipped instanceof net.sf.jsqlparser.expression.JdbcNamedParameter) {
        return Optional.of(new Offset(true, 0));
      }
      if (skipped instanceof net.sf.jsqlparser.expression.LongValue literal) {
        return Optional.of(new Offset(false, literal.getValue()));
      }
      return Optional.empty();
    } catch (Exception | StackOverflowError unreadable) {
      return Optional.empty();
    }
  }

  /** The tables a statement adds rows to ({@code INSERT}, {@code MERGE}, {@code UPSERT}), as it names them. */
  public static Set<String> insertedTables(String sql) {
    return sql == null ? Set.of() : INSERTED.answer(sql);
  }

  private static final SqlMemo<Set<String>> INSERTED = new SqlMemo<>(ResultBounds::inserted);

  private static Set<String> inserted(String sql) {
    Set<String> tables = new LinkedHashSet<>();
    if (sql == null || sql.isBlank()) {
      return tables;
    }
    try {
      Statements parsed = SqlParsing.sharedStatements(QueryFilters.boundParameters(sql));
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
    return java.util.Collections.unmodifiableSet(tables);
  }

}
