package dev.optkit.analyzers.facts.sites;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.update.Update;

/**
 * The columns a statement finds its rows by, per table: what an index on the table could serve. Read from the
 * conditions every row must meet (the {@code WHERE}'s {@code AND}ed terms and the joins' {@code ON}): a column compared
 * for equality with a value ({@code =}, {@code IN}), in a range ({@code <}, {@code BETWEEN}, {@code LIKE 'prefix%'}), or
 * equal to another table's column (a join). A term under an {@code OR}, a function of a column
 * ({@code lower(email) = ?}), or a column whose table the statement does not say is not read: no index on the column
 * alone serves it, and guessing would suggest one that does not help.
 */
public final class QueryFilters {
  private QueryFilters() {}

  /**
   * What a statement filters one table on, each column once, in the order the statement names them.
   *
   * @param table as the statement names it, without schema or quotes
   * @param equal compared for equality with a value
   * @param ranges compared with a range
   * @param joined equal to another table's column
   * @param driving whether it is the statement's first table ({@code FROM} its first, or the one updated or deleted
   *     from), not one joined to it: a joined table is looked up by its join columns for each row of those before it
   */
  public record TableFilter(String table, List<String> equal, List<String> ranges, List<String> joined,
      boolean driving) {
    public TableFilter {
      equal = List.copyOf(equal);
      ranges = List.copyOf(ranges);
      joined = List.copyOf(joined);
    }

    /** Every column the table is filtered on. */
    public Set<String> columns() {
      Set<String> all = new LinkedHashSet<>(equal);
      all.addAll(ranges);
      all.addAll(joined);
      return all;
    }
  }

  /** The tables a statement filters and on what; empty when it is no select, update or delete JSqlParser reads. */
  public static List<TableFilter> of(String sql) {
    Statement statement;
    try {
      statement = SqlParsing.parse(boundParameters(sql));
    } catch (Exception | StackOverflowError unknown) {
      return List.of();
    }
    Reading reading = new Reading();
    if (statement instanceof Select select && select.getPlainSelect() != null) {
      PlainSelect plain = select.getPlainSelect();
      if (!reading.from(plain.getFromItem())) {
        return List.of();
      }
      if (plain.getJoins() != null) {
        for (Join join : plain.getJoins()) {
          if (!reading.from(join.getRightItem())) {
            return List.of();
          }
        }
        for (Join join : plain.getJoins()) {
          if (join.getOnExpressions() != null) {
            join.getOnExpressions().forEach(reading::condition);
          }
        }
      }
      reading.condition(plain.getWhere());
    } else if (statement instanceof Update update && reading.from(update.getTable())
        && (update.getJoins() == null || update.getJoins().isEmpty())) {
      reading.condition(update.getWhere());
    } else if (statement instanceof Delete delete && reading.from(delete.getTable())
        && (delete.getJoins() == null || delete.getJoins().isEmpty())) {
      reading.condition(delete.getWhere());
    }
    return reading.filters();
  }

  /** The tables of one statement by the names and aliases it calls them, and what each is filtered on. */
  private static final class Reading {
    private final Map<String, String> tables = new LinkedHashMap<>();
    private final Map<String, Columns> filters = new LinkedHashMap<>();

    /** Takes a table the statement reads; false when it reads something else (a subquery, a function). */
    boolean from(FromItem item) {
      if (!(item instanceof Table table) || table.getName() == null) {
        return false;
      }
      String name = bare(table.getName());
      tables.put(name.toLowerCase(Locale.ROOT), name);
      if (table.getAlias() != null && table.getAlias().getName() != null) {
        tables.put(bare(table.getAlias().getName()).toLowerCase(Locale.ROOT), name);
      }
      filters.putIfAbsent(name, new Columns());
      return true;
    }

    void condition(Expression expression) {
      Expression term = unwrap(expression);
      if (term instanceof AndExpression and) {
        condition(and.getLeftExpression());
        condition(and.getRightExpression());
      } else if (term instanceof EqualsTo equals) {
        Optional<Named> left = named(equals.getLeftExpression());
        Optional<Named> right = named(equals.getRightExpression());
        if (left.isPresent() && right.isPresent()) {
          if (!left.get().table().equals(right.get().table())) {
            filters.get(left.get().table()).joined.add(left.get().column());
            filters.get(right.get().table()).joined.add(right.get().column());
          }
        } else if (left.isPresent() && value(equals.getRightExpression())) {
          filters.get(left.get().table()).equal.add(left.get().column());
        } else if (right.isPresent() && value(equals.getLeftExpression())) {
          filters.get(right.get().table()).equal.add(right.get().column());
        }
      } else if (term instanceof InExpression in && !in.isNot()) {
        named(in.getLeftExpression()).ifPresent(found -> filters.get(found.table()).equal.add(found.column()));
      } else if (term instanceof Between between && !between.isNot()) {
        named(between.getLeftExpression()).ifPresent(found -> filters.get(found.table()).ranges.add(found.column()));
      } else if (term instanceof GreaterThan || term instanceof GreaterThanEquals || term instanceof MinorThan
          || term instanceof MinorThanEquals) {
        var comparison = (net.sf.jsqlparser.expression.BinaryExpression) term;
        Optional<Named> left = named(comparison.getLeftExpression());
        Optional<Named> right = named(comparison.getRightExpression());
        if (left.isPresent() && right.isEmpty() && value(comparison.getRightExpression())) {
          filters.get(left.get().table()).ranges.add(left.get().column());
        } else if (right.isPresent() && left.isEmpty() && value(comparison.getLeftExpression())) {
          filters.get(right.get().table()).ranges.add(right.get().column());
        }
      } else if (term instanceof LikeExpression like && !like.isNot()
          && like.getRightExpression() instanceof StringValue pattern && !pattern.getValue().startsWith("%")
          && !pattern.getValue().startsWith("_")) {
        // a prefix: a range of the index's order; a leading wildcard is no range at all
        named(like.getLeftExpression()).ifPresent(found -> filters.get(found.table()).ranges.add(found.column()));
      }
    }

    /** The table and column a plain column reference names, when the statement tells the table. */
    private Optional<Named> named(Expression expression) {
      if (!(unwrap(expression) instanceof Column column) || column.getColumnName() == null) {
        return Optional.empty();
      }
      Table owner = column.getTable();
      String table;
      if (owner != null && owner.getName() != null) {
        table = tables.get(bare(owner.getName()).toLowerCase(Locale.ROOT));
      } else {
        table = filters.size() == 1 ? filters.keySet().iterator().next() : null;
      }
      return table == null ? Optional.empty() : Optional.of(new Named(table, column(column.getColumnName())));
    }

    List<TableFilter> filters() {
      List<TableFilter> found = new ArrayList<>();
      String first = filters.isEmpty() ? null : filters.keySet().iterator().next();
      filters.forEach((table, columns) -> found.add(new TableFilter(table, List.copyOf(columns.equal),
          List.copyOf(columns.ranges), List.copyOf(columns.joined), table.equals(first))));
      return found;
    }
  }

  private record Named(String table, String column) {}

  private static final class Columns {
    final Set<String> equal = new LinkedHashSet<>();
    final Set<String> ranges = new LinkedHashSet<>();
    final Set<String> joined = new LinkedHashSet<>();
  }

  /** A value the row is compared with: a parameter, a literal, anything but a column or a subquery. */
  private static boolean value(Expression expression) {
    Expression value = unwrap(expression);
    return !(value instanceof Column) && !(value instanceof Select) && value != null;
  }

  /**
   * The statement MyBatis prepares: each {@code #{name}} is a bound parameter, a {@code ?} (JSqlParser reads no
   * {@code #{}}, and every MyBatis query went unread). A {@code ${name}} is text MyBatis pastes in, left as it is: what
   * it pastes is not known, and the statement is not read.
   */
  static String boundParameters(String sql) {
    if (!sql.contains("#{")) {
      return sql;
    }
    StringBuilder prepared = new StringBuilder(sql.length());
    int at = 0;
    for (int open = sql.indexOf("#{"); open >= 0; open = sql.indexOf("#{", at)) {
      int close = sql.indexOf('}', open + 2);
      if (close < 0) {
        break;
      }
      prepared.append(sql, at, open).append('?');
      at = close + 1;
    }
    return prepared.append(sql, at, sql.length()).toString();
  }

  private static Expression unwrap(Expression expression) {
    Expression current = expression;
    while (current instanceof Parenthesis parenthesis) {
      current = parenthesis.getExpression();
    }
    return current;
  }

  private static String bare(String name) {
    return SqlNames.bare(name);
  }

  private static String column(String name) {
    return SqlNames.column(name);
  }
}
