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
   * @param unserved conditions on a column whose shape no index on the column serves
   * @param fixed the equality columns compared only with literals ({@code is_deleted = 0}, {@code status IN ('A',
   *     'B')}): a flag or a state the query always asks the same of, which may hold on most rows
   * @param driving whether it is the statement's first table ({@code FROM} its first, or the one updated or deleted
   *     from), not one joined to it: a joined table is looked up by its join columns for each row of those before it
   * @param sorted the column of this table a select of rows limited in number ({@code LIMIT}, {@code FETCH FIRST},
   *     {@code TOP}) is ordered by, when it is ordered by that one column: an index on the columns it finds rows by,
   *     then this one, hands the first rows over without sorting them all; empty for none
   * @param grouped the columns of this table a select answers one row per distinct value of: its {@code GROUP BY}'s plain
   *     columns, or a {@code SELECT DISTINCT}'s selected ones; empty where it groups by none of this table's
   */
  public record TableFilter(String table, List<String> equal, List<String> ranges, List<String> joined,
      boolean driving, List<Unserved> unserved, List<String> fixed, List<String> sorted, List<String> grouped) {
    public TableFilter {
      equal = List.copyOf(equal);
      ranges = List.copyOf(ranges);
      joined = List.copyOf(joined);
      unserved = List.copyOf(unserved);
      fixed = List.copyOf(fixed);
      sorted = List.copyOf(sorted);
      grouped = List.copyOf(grouped);
    }

    public TableFilter(String table, List<String> equal, List<String> ranges, List<String> joined, boolean driving,
        List<Unserved> unserved, List<String> fixed) {
      this(table, equal, ranges, joined, driving, unserved, fixed, List.of(), List.of());
    }

    public TableFilter(String table, List<String> equal, List<String> ranges, List<String> joined, boolean driving) {
      this(table, equal, ranges, joined, driving, List.of(), List.of());
    }

    /** The equality columns the query compares with a value of its caller's (a parameter), not only a literal. */
    public List<String> equalToParameters() {
      return equal.stream().filter(column -> !fixed.contains(column)).toList();
    }

    /** Every column the table is filtered on. */
    public Set<String> columns() {
      Set<String> all = new LinkedHashSet<>(equal);
      all.addAll(ranges);
      all.addAll(joined);
      return all;
    }
  }

  /**
   * The tables a statement filters and on what; empty when it is no plain select, update or delete of tables
   * JSqlParser reads (a union, a CTE, which may take a table's name, an update or delete of more tables than one).
   */
  public static List<TableFilter> of(String sql) {
    return sql == null ? List.of() : READ.answer(sql);
  }

  private static final SqlMemo<List<TableFilter>> READ = new SqlMemo<>(QueryFilters::read);

  private static List<TableFilter> read(String sql) {
    try {
      return read(SqlParsing.sharedStatement(boundParameters(sql)));
    } catch (Exception | StackOverflowError unknown) {
      return List.of();
    }
  }

  private static List<TableFilter> read(Statement statement) {
    Reading reading = new Reading();
    if (statement instanceof PlainSelect plain) {
      if (plain.getWithItemsList() != null && !plain.getWithItemsList().isEmpty() || !reading.from(plain.getFromItem())) {
        return List.of();
      }
      List<Join> joins = plain.getJoins() == null ? List.of() : plain.getJoins();
      for (Join join : joins) {
        if (!reading.from(join.getRightItem())) {
          return List.of();
        }
      }
      for (Join join : joins) {
        if (join.getOnExpressions() == null || join.isRight() || join.isFull() || join.isNatural() || join.isCross()) {
          continue; // a right or full join returns rows its ON does not find
        }
        // a left join returns every row before it: its ON finds rows of the joined table only
        String only = join.isLeft() || join.isOuter() ? reading.tableOf(join.getRightItem()) : null;
        join.getOnExpressions().forEach(on -> reading.condition(on, only));
      }
      reading.condition(plain.getWhere(), null);
      reading.sorted(plain);
      reading.grouped(plain);
    } else if (statement instanceof Update update && (update.getWithItemsList() == null || update.getWithItemsList().isEmpty())
        && update.getFromItem() == null && empty(update.getJoins()) && empty(update.getStartJoins())
        && reading.from(update.getTable())) {
      reading.condition(update.getWhere(), null);
    } else if (statement instanceof Delete delete && (delete.getWithItemsList() == null || delete.getWithItemsList().isEmpty())
        && empty(delete.getUsingList()) && empty(delete.getJoins()) && empty(delete.getTables())
        && reading.from(delete.getTable())) {
      reading.condition(delete.getWhere(), null);
    }
    return reading.filters();
  }

  private static boolean empty(List<?> list) {
    return list == null || list.isEmpty();
  }

  /** The tables of one statement by the names and aliases it calls them, and what each is filtered on. */
  /** Why an index on a column cannot find the rows a condition on it asks for. */
  public enum Shape {
    /** {@code name LIKE '%son'}, {@code LIKE CONCAT('%', ?)}: a B-tree orders by the first characters, which vary. */
    LEADING_WILDCARD("leading-wildcard"),
    /** {@code lower(email) = ?}, {@code DATE(created_at) = ?}: the index holds the column's values, not the function's. */
    FUNCTION_OF_COLUMN("function-of-column");

    private final String id;

    Shape(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  /**
   * An AND-ed condition on a column whose shape no index on the column serves.
   *
   * @param column the column, as optkit compares names
   * @param function the function applied to it ({@code lower}), or null for a leading wildcard
   */
  public record Unserved(String column, Shape shape, String function) {}

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

    /** The table a statement's item names, as {@link #from} took it. */
    String tableOf(FromItem item) {
      return item instanceof Table table && table.getName() != null
          ? tables.get(bare(table.getName()).toLowerCase(Locale.ROOT)) : null;
    }

    /**
     * Reads the AND-ed terms of a condition, iteratively (a WHERE of ten thousand ANDs is one level of the walk, not ten
     * thousand frames).
     *
     * @param only the one table whose columns it may filter (a left join's), or null for any
     */
    void condition(Expression expression, String only) {
      java.util.ArrayDeque<Expression> terms = new java.util.ArrayDeque<>();
      if (expression != null) {
        terms.push(expression);
      }
      while (!terms.isEmpty()) {
        Expression term = unwrap(terms.pop());
        if (term instanceof AndExpression and) {
          terms.push(and.getRightExpression());
          terms.push(and.getLeftExpression());
        } else if (term instanceof net.sf.jsqlparser.expression.operators.conditional.OrExpression or) {
          wildcardsOnly(or, only);
        } else {
          term(term, only);
        }
      }
    }

    private void term(Expression term, String only) {
      if (term instanceof EqualsTo equals) {
        Optional<Named> left = named(equals.getLeftExpression());
        Optional<Named> right = named(equals.getRightExpression());
        if (left.isPresent() && right.isPresent()) {
          if (!left.get().table().equals(right.get().table())) {
            add(left.get(), only, columns -> columns.joined);
            add(right.get(), only, columns -> columns.joined);
          }
        } else if (left.isPresent() && value(equals.getRightExpression(), 0)) {
          add(left.get(), only, columns -> columns.equal);
          add(left.get(), only, literal(equals.getRightExpression()) ? columns -> columns.literal
              : columns -> columns.parameterised);
        } else if (right.isPresent() && value(equals.getLeftExpression(), 0)) {
          add(right.get(), only, columns -> columns.equal);
          add(right.get(), only, literal(equals.getLeftExpression()) ? columns -> columns.literal
              : columns -> columns.parameterised);
        }
      } else if (term instanceof InExpression in && !in.isNot()) {
        boolean literals = in.getRightExpression() instanceof net.sf.jsqlparser.expression.operators.relational.ExpressionList<?> list
            && !list.isEmpty() && list.stream().allMatch(QueryFilters::literal);
        named(in.getLeftExpression()).ifPresent(found -> {
          add(found, only, columns -> columns.equal);
          add(found, only, literals ? columns -> columns.literal : columns -> columns.parameterised);
        });
      } else if (term instanceof Between between && !between.isNot() && value(between.getBetweenExpressionStart(), 0)
          && value(between.getBetweenExpressionEnd(), 0)) {
        named(between.getLeftExpression()).ifPresent(found -> add(found, only, columns -> columns.ranges));
      } else if (term instanceof GreaterThan || term instanceof GreaterThanEquals || term instanceof MinorThan
          || term instanceof MinorThanEquals) {
        var comparison = (net.sf.jsqlparser.expression.BinaryExpression) term;
        Optional<Named> left = named(comparison.getLeftExpression());
        Optional<Named> right = named(comparison.getRightExpression());
        if (left.isPresent() && right.isEmpty() && value(comparison.getRightExpression(), 0)) {
          add(left.get(), only, columns -> columns.ranges);
        } else if (right.isPresent() && left.isEmpty() && value(comparison.getLeftExpression(), 0)) {
          add(right.get(), only, columns -> columns.ranges);
        }
      } else if (term instanceof LikeExpression like && !like.isNot()
          && like.getLikeKeyWord() == LikeExpression.KeyWord.LIKE && !like.isCaseInsensitive()
          && like.getRightExpression() instanceof StringValue pattern && !pattern.getValue().startsWith("%")
          && !pattern.getValue().startsWith("_")) {
        // a prefix: a range of the index's order; a leading wildcard, ILIKE or a pattern of a parameter is none
        named(like.getLeftExpression()).ifPresent(found -> add(found, only, columns -> columns.ranges));
      }
      unserved(term, only);
    }

    /** A comparison of a function of one column with a value, or a LIKE whose pattern starts with a wildcard. */
    private void unserved(Expression term, String only) {
      if (term instanceof LikeExpression like && !like.isNot() && leadingWildcard(like.getRightExpression(), 0)) {
        // upper(name) LIKE upper('%x'), as Spring Data writes a case-insensitive Containing: still the column's
        Optional<Named> column = named(like.getLeftExpression());
        if (column.isEmpty() && unwrap(like.getLeftExpression()) instanceof net.sf.jsqlparser.expression.Function function
            && caseOf(function)) {
          column = named(function.getParameters().get(0));
        }
        column.ifPresent(found -> unserved(found, only, Shape.LEADING_WILDCARD, null));
        return;
      }
      List<Expression> sides = new ArrayList<>();
      if (term instanceof EqualsTo || term instanceof GreaterThan || term instanceof GreaterThanEquals
          || term instanceof MinorThan || term instanceof MinorThanEquals) {
        var comparison = (net.sf.jsqlparser.expression.BinaryExpression) term;
        if (value(comparison.getRightExpression(), 0)) {
          sides.add(comparison.getLeftExpression());
        } else if (value(comparison.getLeftExpression(), 0)) {
          sides.add(comparison.getRightExpression());
        }
      } else if (term instanceof InExpression in && !in.isNot()) {
        sides.add(in.getLeftExpression());
      } else if (term instanceof Between between && !between.isNot()) {
        sides.add(between.getLeftExpression());
      } else if (term instanceof LikeExpression like && !like.isNot()) {
        sides.add(like.getLeftExpression());
      }
      for (Expression side : sides) {
        if (unwrap(side) instanceof net.sf.jsqlparser.expression.Function function && function.getName() != null) {
          Optional<Named> column = onlyColumnOf(function);
          column.ifPresent(found -> unserved(found, only, Shape.FUNCTION_OF_COLUMN,
              function.getName().toLowerCase(Locale.ROOT)));
        }
      }
    }

    /**
     * An OR whose every branch is a LIKE with a leading wildcard ({@code name LIKE '%x%' OR phone LIKE '%x%'}, a keyword
     * searched in several columns): no index serves any branch, so none serves the OR; each column is unserved. An OR
     * with any other branch says nothing.
     */
    private void wildcardsOnly(net.sf.jsqlparser.expression.operators.conditional.OrExpression or, String only) {
      List<Named> columns = new ArrayList<>();
      java.util.ArrayDeque<Expression> branches = new java.util.ArrayDeque<>(List.of(or));
      while (!branches.isEmpty() && columns.size() < 64) {
        Expression branch = unwrap(branches.pop());
        if (branch instanceof net.sf.jsqlparser.expression.operators.conditional.OrExpression nested) {
          branches.push(nested.getRightExpression());
          branches.push(nested.getLeftExpression());
        } else if (branch instanceof LikeExpression like && !like.isNot()
            && leadingWildcard(like.getRightExpression(), 0) && named(like.getLeftExpression()).isPresent()) {
          columns.add(named(like.getLeftExpression()).get());
        } else {
          return;
        }
      }
      if (branches.isEmpty()) {
        columns.forEach(found -> unserved(found, only, Shape.LEADING_WILDCARD, null));
      }
    }

    /** The one column a function's arguments name, the others values ({@code date_format(created, '%Y')}). */
    private Optional<Named> onlyColumnOf(net.sf.jsqlparser.expression.Function function) {
      if (function.getParameters() == null) {
        return Optional.empty();
      }
      Named found = null;
      for (Expression parameter : function.getParameters()) {
        Optional<Named> column = named(parameter);
        if (column.isPresent() && found == null) {
          found = column.get();
        } else if (!value(parameter, 0)) {
          return Optional.empty();
        }
      }
      return Optional.ofNullable(found);
    }

    private void unserved(Named found, String only, Shape shape, String function) {
      if (only == null || only.equals(found.table())) {
        filters.get(found.table()).unserved.add(new Unserved(found.column(), shape, function));
      }
    }

    /**
     * The one column of a table a select limited in rows is ordered by ({@code ORDER BY created_at DESC LIMIT 10}); not
     * an order by several columns, an expression, or a select answering every row (which sorts them all anyway).
     */
    void sorted(PlainSelect plain) {
      boolean limited = plain.getLimit() != null && plain.getLimit().getRowCount() != null
          && !(plain.getLimit().getRowCount() instanceof net.sf.jsqlparser.expression.AllValue)
          || plain.getFetch() != null || plain.getTop() != null;
      if (!limited || plain.getOrderByElements() == null || plain.getOrderByElements().size() != 1) {
        return;
      }
      named(plain.getOrderByElements().get(0).getExpression())
          .ifPresent(found -> filters.get(found.table()).sorted.add(found.column()));
    }

    /**
     * The plain columns a select answers one row per distinct value of: its {@code GROUP BY}'s, or the selected ones of
     * a {@code SELECT DISTINCT} without one (an expression, {@code date(created_at)}, names no column here).
     */
    void grouped(PlainSelect plain) {
      List<Expression> grouped = new ArrayList<>();
      if (plain.getGroupBy() != null && plain.getGroupBy().getGroupByExpressionList() != null) {
        plain.getGroupBy().getGroupByExpressionList().forEach(e -> grouped.add((Expression) e));
      } else if (ResultBounds.distinctRows(plain)) {
        plain.getSelectItems().forEach(item -> grouped.add(item.getExpression()));
      }
      grouped.forEach(e -> named(e).ifPresent(found -> filters.get(found.table()).grouped.add(found.column())));
    }

    private void add(Named found, String only, java.util.function.Function<Columns, Set<String>> kind) {
      if (only == null || only.equals(found.table())) {
        kind.apply(filters.get(found.table())).add(found.column());
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
          List.copyOf(columns.ranges), List.copyOf(columns.joined), table.equals(first), List.copyOf(columns.unserved),
          columns.fixed(), List.copyOf(columns.sorted), List.copyOf(columns.grouped))));
      return List.copyOf(found); // remembered by text and handed to every rule: never to be changed
    }
  }

  private record Named(String table, String column) {}

  private static final class Columns {
    final Set<String> equal = new LinkedHashSet<>();
    final Set<String> ranges = new LinkedHashSet<>();
    final Set<String> joined = new LinkedHashSet<>();
    final Set<Unserved> unserved = new LinkedHashSet<>();
    final Set<String> sorted = new LinkedHashSet<>();
    final Set<String> grouped = new LinkedHashSet<>();
    /** Equality columns compared with a literal somewhere, and with a parameter somewhere. */
    final Set<String> literal = new LinkedHashSet<>();
    final Set<String> parameterised = new LinkedHashSet<>();

    List<String> fixed() {
      return literal.stream().filter(column -> !parameterised.contains(column)).toList();
    }
  }

  /** A literal the text writes: a string, a number, a boolean or NULL, signed or in parentheses. */
  private static boolean literal(Expression expression) {
    Expression value = unwrap(expression);
    if (value instanceof net.sf.jsqlparser.expression.SignedExpression signed) {
      value = unwrap(signed.getExpression());
    }
    return value instanceof StringValue || value instanceof net.sf.jsqlparser.expression.LongValue
        || value instanceof net.sf.jsqlparser.expression.DoubleValue || value instanceof net.sf.jsqlparser.expression.NullValue
        || value instanceof net.sf.jsqlparser.expression.BooleanValue;
  }

  /**
   * Whether a LIKE pattern starts with a wildcard: a literal {@code '%...'} or {@code '_...'}, or a concatenation
   * ({@code CONCAT('%', ?)}, {@code '%' || ?}) whose first part is one.
   */
  private static boolean leadingWildcard(Expression pattern, int depth) {
    Expression value = unwrap(pattern);
    if (depth > 32 || value == null) {
      return false;
    }
    if (value instanceof StringValue text) {
      return text.getValue().startsWith("%") || text.getValue().startsWith("_");
    }
    if (value instanceof Column column && column.getTable() == null && column.getColumnName() != null
        && (column.getColumnName().startsWith("\"%") || column.getColumnName().startsWith("\"_"))) {
      return true; // MySQL's "%": a string, which JSqlParser reads as a quoted name (no column is named %)
    }
    if (value instanceof net.sf.jsqlparser.expression.operators.arithmetic.Concat concat) {
      return leadingWildcard(concat.getLeftExpression(), depth + 1);
    }
    if (value instanceof net.sf.jsqlparser.expression.Function function && function.getName() != null
        && (function.getName().equalsIgnoreCase("concat") || caseOf(function)) && function.getParameters() != null
        && !function.getParameters().isEmpty()) {
      return leadingWildcard(function.getParameters().get(0), depth + 1);
    }
    return false;
  }

  /** {@code upper(x)}, {@code lower(x)}: a case-insensitive comparison's sides, whose first characters stay first. */
  private static boolean caseOf(net.sf.jsqlparser.expression.Function function) {
    return function.getName() != null && (function.getName().equalsIgnoreCase("upper")
        || function.getName().equalsIgnoreCase("lower")) && function.getParameters() != null
        && function.getParameters().size() == 1;
  }

  /**
   * A value the row is compared with, the same for every row: a parameter, a literal, the clock, and arithmetic,
   * casts and functions of those ({@code now() - interval '1 day'}). A column of the row, or a subquery, is none: no
   * index on the other column finds the rows ({@code region = lower(email)}).
   */
  private static boolean value(Expression expression, int depth) {
    Expression value = unwrap(expression);
    if (depth > 32 || value == null) {
      return false;
    }
    if (value instanceof net.sf.jsqlparser.expression.JdbcParameter
        || value instanceof net.sf.jsqlparser.expression.JdbcNamedParameter
        || value instanceof StringValue || value instanceof net.sf.jsqlparser.expression.LongValue
        || value instanceof net.sf.jsqlparser.expression.DoubleValue
        || value instanceof net.sf.jsqlparser.expression.DateValue
        || value instanceof net.sf.jsqlparser.expression.TimeValue
        || value instanceof net.sf.jsqlparser.expression.TimestampValue
        || value instanceof net.sf.jsqlparser.expression.NullValue
        || value instanceof net.sf.jsqlparser.expression.HexValue
        || value instanceof net.sf.jsqlparser.expression.DateTimeLiteralExpression
        || value instanceof net.sf.jsqlparser.expression.IntervalExpression
        || value instanceof net.sf.jsqlparser.expression.TimeKeyExpression) {
      return true;
    }
    if (value instanceof net.sf.jsqlparser.expression.SignedExpression signed) {
      return value(signed.getExpression(), depth + 1);
    }
    if (value instanceof net.sf.jsqlparser.expression.CastExpression cast) {
      return value(cast.getLeftExpression(), depth + 1);
    }
    if (value instanceof net.sf.jsqlparser.expression.Function function) {
      return function.getParameters() == null || function.getParameters().stream().allMatch(p -> value(p, depth + 1));
    }
    if (value instanceof net.sf.jsqlparser.expression.operators.arithmetic.Addition
        || value instanceof net.sf.jsqlparser.expression.operators.arithmetic.Subtraction
        || value instanceof net.sf.jsqlparser.expression.operators.arithmetic.Multiplication
        || value instanceof net.sf.jsqlparser.expression.operators.arithmetic.Division
        || value instanceof net.sf.jsqlparser.expression.operators.arithmetic.Concat) {
      var arithmetic = (net.sf.jsqlparser.expression.BinaryExpression) value;
      return value(arithmetic.getLeftExpression(), depth + 1) && value(arithmetic.getRightExpression(), depth + 1);
    }
    return false;
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
    while (true) {
      if (current instanceof Parenthesis parenthesis) {
        current = parenthesis.getExpression();
      } else if (current instanceof net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList<?> list
          && list.size() == 1) {
        current = list.get(0); // JSqlParser 5 reads (a OR b) as a list of one expression
      } else {
        return current;
      }
    }
  }

  private static String bare(String name) {
    return SqlNames.bare(name);
  }

  private static String column(String name) {
    return SqlNames.column(name);
  }
}
