package dev.optkit.analyzers.index;

import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.schema.SchemaIndexes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.util.deparser.ExpressionDeParser;
import net.sf.jsqlparser.util.deparser.SelectDeParser;
import net.sf.jsqlparser.util.deparser.StatementDeParser;

/**
 * A JPQL (or HQL) statement written as the SQL its provider runs: each entity its table, each property of an entity its
 * column ({@link EntityColumns}). Only what maps one to one is written: a select, update or delete of entities named
 * in its {@code FROM} and joined by {@code ON}, whose every path is one property of one of them. A join along an
 * association ({@code JOIN o.lines l}), a path through another object ({@code o.customer.email}), an association or an
 * enum constant compared, a subquery, a name that is no entity of the project: no SQL, for the database runs what
 * optkit would have to guess.
 */
final class JpqlAsSql {
  private JpqlAsSql() {}

  private record Mapped(TypeFact entity, SchemaIndexes.Table table) {}

  /** Thrown out of the deparser where the statement holds something that does not map. */
  private static final class Unmapped extends RuntimeException {
    Unmapped() {
      super(null, null, false, false);
    }
  }

  static Optional<String> sql(String jpql, Function<String, Optional<TypeFact>> entityNamed, EntityColumns columns) {
    Statement statement;
    try {
      net.sf.jsqlparser.statement.Statements all = JpqlKeywordAliases.parse(jpql);
      if (all == null || all.size() != 1) {
        return Optional.empty();
      }
      statement = all.get(0);
    } catch (Exception | StackOverflowError unreadable) {
      return Optional.empty();
    }
    List<FromItem> named = named(statement);
    if (named.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Mapped> byAlias = new HashMap<>();
    for (FromItem item : named) {
      if (!(item instanceof Table table) || table.getName() == null || table.getSchemaName() != null) {
        return Optional.empty(); // a join along an association's path, a subquery, a function
      }
      Optional<TypeFact> entity = entityNamed.apply(table.getName());
      Optional<SchemaIndexes.Table> stored = entity.flatMap(columns::table);
      if (stored.isEmpty()) {
        return Optional.empty();
      }
      String alias = table.getAlias() == null ? table.getName() : table.getAlias().getName();
      if (byAlias.put(alias, new Mapped(entity.get(), stored.get())) != null) {
        return Optional.empty();
      }
      table.setName(stored.get().name());
      table.setAlias(new Alias(alias, false));
    }
    Map<Column, String> restricting = new java.util.IdentityHashMap<>();
    if (!restricted(statement, byAlias, columns, restricting)) {
      return Optional.empty();
    }
    try {
      return Optional.of(written(statement, byAlias, columns, restricting));
    } catch (RuntimeException | StackOverflowError unmapped) { // Unmapped, or a tree the deparser cannot write
      return Optional.empty();
    }
  }

  /**
   * Adds to a select's WHERE the restriction ({@code @SQLRestriction}) of each entity it reads, as Hibernate runs it,
   * each column qualified by its entity's alias (kept in {@code restricting}, written as they are). False where a
   * restricted entity is outer-joined (Hibernate puts the condition in the join's ON) or updated or deleted: no SQL
   * then.
   */
  private static boolean restricted(Statement statement, Map<String, Mapped> byAlias, EntityColumns columns,
      Map<Column, String> restricting) {
    Map<String, Expression> conditions = new java.util.TreeMap<>();
    byAlias.forEach((alias, mapped) -> columns.restriction(mapped.entity()).ifPresent(condition ->
        conditions.put(alias, condition)));
    if (conditions.isEmpty()) {
      return true;
    }
    if (!(statement instanceof PlainSelect select)) {
      return false;
    }
    for (Join join : select.getJoins() == null ? List.<Join>of() : select.getJoins()) {
      if ((join.isLeft() || join.isRight() || join.isFull() || join.isOuter() || join.isNatural())
          && join.getRightItem() instanceof Table table && conditions.containsKey(table.getAlias().getName())) {
        return false;
      }
    }
    Expression where = select.getWhere();
    for (Map.Entry<String, Expression> condition : conditions.entrySet()) {
      boolean[] qualified = {false};
      condition.getValue().accept(new net.sf.jsqlparser.expression.ExpressionVisitorAdapter<Void>() {
        @Override
        public <S> Void visit(Column column, S context) {
          qualified[0] |= column.getTable() != null && column.getTable().getName() != null;
          restricting.put(column, condition.getKey());
          return null;
        }
      }, null);
      if (qualified[0]) {
        return false; // customer.deleted: a name Hibernate resolves its own way, not one optkit writes under an alias
      }
      Expression added = new ParenthesedExpressionList<>(condition.getValue());
      where = where == null ? added : new net.sf.jsqlparser.expression.operators.conditional.AndExpression(
          where instanceof ParenthesedExpressionList ? where : new ParenthesedExpressionList<>(where), added);
    }
    select.setWhere(where);
    return true;
  }

  /** The entities a statement names in its FROM and joins, or an update's or delete's one; empty for any other. */
  private static List<FromItem> named(Statement statement) {
    if (statement instanceof PlainSelect select && select.getFromItem() != null
        && (select.getWithItemsList() == null || select.getWithItemsList().isEmpty())) {
      List<FromItem> items = new java.util.ArrayList<>(List.of(select.getFromItem()));
      for (Join join : select.getJoins() == null ? List.<Join>of() : select.getJoins()) {
        items.add(join.getRightItem());
      }
      return items;
    }
    if (statement instanceof Update update && update.getTable() != null && empty(update.getJoins())
        && empty(update.getStartJoins()) && update.getFromItem() == null) {
      return List.of(update.getTable());
    }
    if (statement instanceof Delete delete && delete.getTable() != null && empty(delete.getJoins())
        && empty(delete.getTables()) && empty(delete.getUsingList())) {
      return List.of(delete.getTable());
    }
    return List.of();
  }

  private static boolean empty(List<?> list) {
    return list == null || list.isEmpty();
  }

  /**
   * JPQL's {@code FUNCTION('name', args...)} (and Hibernate's {@code function(...)}) as the call the provider writes,
   * {@code name(args...)}, where the name is a plain identifier; empty for any other function.
   */
  private static Optional<net.sf.jsqlparser.expression.Function> databaseFunction(
      net.sf.jsqlparser.expression.Function function) {
    if (!"FUNCTION".equalsIgnoreCase(function.getName()) || function.getParameters() == null
        || function.getParameters().isEmpty()
        || !(function.getParameters().get(0) instanceof net.sf.jsqlparser.expression.StringValue name)
        || !identifier(name.getValue())) {
      return Optional.empty();
    }
    List<Expression> rest = new java.util.ArrayList<>();
    for (int i = 1; i < function.getParameters().size(); i++) {
      rest.add((Expression) function.getParameters().get(i));
    }
    net.sf.jsqlparser.expression.Function called = new net.sf.jsqlparser.expression.Function();
    called.setName(name.getValue());
    called.setParameters(new net.sf.jsqlparser.expression.operators.relational.ExpressionList<>(rest));
    return Optional.of(called);
  }

  private static boolean identifier(String name) {
    if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
      return false;
    }
    for (char c : name.toCharArray()) {
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
        return false;
      }
    }
    return true;
  }

  private static String written(Statement statement, Map<String, Mapped> byAlias, EntityColumns columns,
      Map<Column, String> restricting) {
    StringBuilder buffer = new StringBuilder();
    ExpressionDeParser expressions = new ExpressionDeParser() {
      @Override
      public <S> StringBuilder visit(Column column, S context) {
        String restricted = restricting.get(column);
        if (restricted != null) { // a restriction's column, SQL already: its entity's alias before it
          return buffer.append(restricted).append('.').append(column.getFullyQualifiedName());
        }
        Table qualifier = column.getTable();
        String alias = qualifier == null || qualifier.getName() == null ? null : qualifier.getFullyQualifiedName();
        if (alias == null) {
          if (byAlias.containsKey(column.getColumnName())) {
            return buffer.append(column.getColumnName()); // SELECT c FROM Customer c: the row
          }
          if (byAlias.size() != 1) {
            throw new Unmapped();
          }
          Mapped only = byAlias.values().iterator().next();
          return buffer.append(columns.column(only.entity(), only.table(), column.getColumnName())
              .orElseThrow(Unmapped::new));
        }
        Mapped mapped = byAlias.get(alias);
        if (mapped == null) {
          throw new Unmapped(); // a path through another object, an enum constant
        }
        return buffer.append(alias).append('.').append(columns.column(mapped.entity(), mapped.table(),
            column.getColumnName()).orElseThrow(Unmapped::new));
      }

      /** JPQL's {@code FUNCTION('jsonb_extract_path_text', d.data, 'k')}: the database's function it names, called. */
      @Override
      public <S> StringBuilder visit(net.sf.jsqlparser.expression.Function function, S context) {
        Optional<net.sf.jsqlparser.expression.Function> named = databaseFunction(function);
        return named.isPresent() ? super.visit(named.get(), context) : super.visit(function, context);
      }
    };
    SelectDeParser selects = new SelectDeParser(expressions, buffer) {
      @Override
      public <S> StringBuilder visit(ParenthesedSelect select, S context) {
        throw new Unmapped();
      }
    };
    expressions.setSelectVisitor(selects);
    expressions.setBuffer(buffer);
    statement.accept(new StatementDeParser(expressions, selects, buffer), null);
    return buffer.toString();
  }
}
