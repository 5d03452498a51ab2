package dev.optkit.analyzers.facts.sites;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.util.deparser.ExpressionDeParser;
import net.sf.jsqlparser.util.deparser.SelectDeParser;
import net.sf.jsqlparser.util.deparser.StatementDeParser;

/**
 * A query of the code as a PostgreSQL planner is asked to plan it: one statement, written anew from JSqlParser's tree
 * (never the code's text passed on), its parameters numbered {@code $1, $2...} ({@code ?}, {@code ?1}, a named
 * {@code :name} once per name, MyBatis's {@code #{}}). An {@code UPDATE} or {@code DELETE} of one table becomes the
 * {@code SELECT} that finds the same rows: how a statement finds its rows is what an index changes, and a reader
 * allowed to select alone can plan it. MySQL's own writing becomes PostgreSQL's where the meaning is the same: a
 * backtick-quoted plain name is written bare (MySQL compares names without case, as PostgreSQL folds a bare one), and
 * {@code LIMIT offset, count} is {@code LIMIT count OFFSET offset}. What does not change how rows are found is left
 * out: an optimizer hint comment, a lock clause ({@code FOR UPDATE}). The text written holds no comment and no
 * {@code ;}, so no reader of it (pgjdbc splits a text at each {@code ;} outside what it takes for comments and quotes,
 * PostgreSQL nests block comments where JSqlParser does not) can take it for two statements; a select into a table is
 * not planned.
 */
public final class PlannedQueries {
  private PlannedQueries() {}

  /**
   * A statement to plan and the tables it names, as it writes them (a CTE's name is no table: not planned; see
   * {@code getTables} of JSqlParser's {@code TablesNamesFinder}).
   */
  public record Planned(String sql, java.util.Set<String> tables) {
    public Planned {
      tables = java.util.Set.copyOf(tables);
    }
  }

  /** The statement to plan, or empty when it is none JSqlParser reads as a select, or an update or delete of one table. */
  public static Optional<String> forPlanner(String sql) {
    return planned(sql).map(Planned::sql);
  }

  /** {@link #forPlanner} with the tables the statement names. */
  public static Optional<Planned> planned(String sql) {
    Statement statement;
    try {
      // every statement of the text read: JSqlParser's single parse stops after the first and ignores the rest
      net.sf.jsqlparser.statement.Statements all = SqlParsing.parseStatements(QueryFilters.boundParameters(sql));
      if (all == null || all.size() != 1) {
        return Optional.empty();
      }
      statement = all.get(0);
    } catch (Exception | StackOverflowError unreadable) {
      return Optional.empty();
    }
    Statement planned = statement instanceof Select ? statement : finding(statement);
    if (planned == null) {
      return Optional.empty();
    }
    if (planned instanceof PlainSelect select) {
      if (select.getIntoTables() != null && !select.getIntoTables().isEmpty() || select.getIntoTempTable() != null) {
        return Optional.empty(); // SELECT ... INTO makes a table
      }
      select.setOracleHint(null);
    }
    if (planned instanceof Select select) {
      select.setForMode(null);
      select.setForClause(null);
      select.setForUpdateTable(null);
      select.setWait(null);
      select.setNoWait(false);
      select.setSkipLocked(false);
    }
    try {
      new MySqlNamesUnquoted().getTables(planned);
      new ListParametersBracketed().getTables(planned);
      if (planned instanceof PlainSelect select && select.getSelectItems() != null) {
        for (SelectItem<?> item : select.getSelectItems()) {
          if (item.getAlias() != null && item.getAlias().getName() != null) {
            item.getAlias().setName(MySqlNamesUnquoted.unquoted(item.getAlias().getName()));
          }
        }
      }
      if (planned instanceof Select select && select.getLimit() != null && select.getLimit().getOffset() != null
          && select.getOffset() == null) {
        select.setOffset(new net.sf.jsqlparser.statement.select.Offset().withOffset(select.getLimit().getOffset()));
        select.getLimit().setOffset(null);
      }
      String written = numbered(planned);
      if (written.contains(";") || written.contains("/*") || written.contains("*/") || written.contains("--")) {
        return Optional.empty(); // a comment or a second statement, as some reader of the text could take it
      }
      return Optional.of(new Planned(written, new net.sf.jsqlparser.util.TablesNamesFinder<Void>().getTables(planned)));
    } catch (RuntimeException | StackOverflowError unwritable) {
      return Optional.empty();
    }
  }

  /** The select finding an update's or a delete's rows, or null for any other statement. */
  private static Statement finding(Statement statement) {
    PlainSelect select = new PlainSelect();
    select.addSelectItems(List.of(SelectItem.from(new LongValue(1))));
    if (statement instanceof Update update && update.getTable() != null && empty(update.getJoins())
        && empty(update.getStartJoins()) && update.getFromItem() == null) {
      select.setFromItem(update.getTable());
      select.setWhere(update.getWhere());
      return select;
    }
    if (statement instanceof Delete delete && delete.getTable() != null && empty(delete.getJoins())
        && empty(delete.getTables()) && empty(delete.getUsingList())) {
      select.setFromItem(delete.getTable());
      select.setWhere(delete.getWhere());
      return select;
    }
    return null;
  }

  /**
   * Every table and column name the statement's tree holds, a backtick-quoted plain name written bare, a table without
   * its schema.
   */
  private static final class MySqlNamesUnquoted extends net.sf.jsqlparser.util.TablesNamesFinder<Void> {
    @Override
    public <S> Void visit(net.sf.jsqlparser.schema.Table table, S context) {
      table.setName(unquoted(table.getName()));
      // the planner's copy of the schema has every table in one schema, as optkit compares table names without theirs
      table.setSchemaName(null);
      return super.visit(table, context);
    }

    @Override
    public <S> Void visit(net.sf.jsqlparser.schema.Column column, S context) {
      column.setColumnName(unquoted(column.getColumnName()));
      if (column.getTable() != null && column.getTable().getName() != null) {
        column.getTable().setName(unquoted(column.getTable().getName()));
      }
      return super.visit(column, context);
    }

    private static String unquoted(String name) {
      if (name == null || name.length() < 3 || name.charAt(0) != '`' || name.charAt(name.length() - 1) != '`') {
        return name;
      }
      String inner = name.substring(1, name.length() - 1);
      for (char c : inner.toCharArray()) {
        if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
          return name;
        }
      }
      return Character.isDigit(inner.charAt(0)) ? name : inner;
    }
  }

  /**
   * A parameter that is the whole list of an {@code IN} (JPQL's {@code status IN :states}, a collection bound to it)
   * written in brackets, {@code IN ($1)}, as PostgreSQL parses it: bare, {@code IN $1} is a syntax error there.
   */
  private static final class ListParametersBracketed extends net.sf.jsqlparser.util.TablesNamesFinder<Void> {
    @Override
    public <S> Void visit(net.sf.jsqlparser.expression.operators.relational.InExpression in, S context) {
      if (in.getRightExpression() instanceof JdbcParameter || in.getRightExpression() instanceof JdbcNamedParameter) {
        in.setRightExpression(new net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList<>(
            in.getRightExpression()));
      }
      return super.visit(in, context);
    }
  }

  private static boolean empty(List<?> list) {
    return list == null || list.isEmpty();
  }

  private static String numbered(Statement statement) {
    StringBuilder buffer = new StringBuilder();
    Map<String, Integer> named = new HashMap<>();
    int[] next = {0};
    ExpressionDeParser expressions = new ExpressionDeParser() {
      @Override
      public <S> StringBuilder visit(JdbcParameter parameter, S context) {
        int number = parameter.isUseFixedIndex() && parameter.getIndex() != null
            ? named.computeIfAbsent("?" + parameter.getIndex(), k -> ++next[0]) : ++next[0];
        return buffer.append('$').append(number);
      }

      @Override
      public <S> StringBuilder visit(JdbcNamedParameter parameter, S context) {
        return buffer.append('$').append(named.computeIfAbsent(":" + parameter.getName(), k -> ++next[0]));
      }
    };
    SelectDeParser selects = new SelectDeParser(expressions, buffer);
    expressions.setSelectVisitor(selects);
    expressions.setBuffer(buffer);
    statement.accept(new StatementDeParser(expressions, selects, buffer), null);
    return buffer.toString();
  }
}
