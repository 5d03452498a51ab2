package dev.optkit.analyzers.index;

import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.facts.sites.SqlStatements;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * What a JPQL query's rows hold: whether every item it selects is a value of a basic type (a column of an entity's
 * String, number, date or enum attribute, an aggregate, a string or arithmetic function, a literal, a scalar subquery
 * of such), so that its {@code Object[]} rows hold no persistent entity. Read with JSqlParser, as every query text is;
 * anything it does not read, or an item it cannot type (an alias, an association, a path through a collection, a
 * parameter, {@code COALESCE} of an entity, a constructor expression), answers no.
 */
public final class JpqlResults {
  private JpqlResults() {}

  /** Types whose values JPA maps to a column: no entity, no lazy association behind them. */
  private static final Set<String> BASIC = Set.of("java.lang.String", "java.lang.Long", "java.lang.Integer",
      "java.lang.Short", "java.lang.Byte", "java.lang.Double", "java.lang.Float", "java.lang.Boolean",
      "java.lang.Character", "java.math.BigDecimal", "java.math.BigInteger", "long", "int", "short", "byte", "double",
      "float", "boolean", "char", "java.util.Date", "java.util.Calendar", "java.sql.Date", "java.sql.Time",
      "java.sql.Timestamp", "java.time.LocalDate", "java.time.LocalDateTime", "java.time.LocalTime",
      "java.time.Instant", "java.time.OffsetDateTime", "java.time.OffsetTime", "java.time.ZonedDateTime",
      "java.time.Duration", "java.time.Year", "java.util.UUID", "byte[]", "char[]");
  /**
   * Functions whose value is a number, a text, a date or a truth value whatever their arguments: JPQL's aggregates and
   * string, arithmetic and date functions, {@code FUNCTION(..)} (a database function's value) and the group text
   * functions databases add. Any other function ({@code OBJECT(t)}, HQL's {@code ELEMENT(..)}, {@code TREAT}) answers
   * no.
   */
  private static final Set<String> SCALAR = Set.of("COUNT", "SUM", "AVG", "CONCAT", "SUBSTRING", "TRIM", "LOWER",
      "UPPER", "LENGTH", "LOCATE", "ABS", "SQRT", "MOD", "SIZE", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP",
      "LOCAL", "EXTRACT", "YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND", "ROUND", "FLOOR", "CEILING", "EXP", "LN",
      "POWER", "SIGN", "FUNCTION", "GROUP_CONCAT", "STRING_AGG", "LISTAGG", "STR", "CAST");
  /** Functions whose value is one of their arguments: of values, a value; of an entity, an entity. */
  private static final Set<String> PASSING_ON = Set.of("COALESCE", "NULLIF", "IFNULL", "NVL", "MIN", "MAX");

  /** Whether every row item of this JPQL query is a basic value; false where it cannot be told. */
  public static boolean valuesOnly(String jpql, ProjectIndex index) {
    Statement statement;
    try {
      net.sf.jsqlparser.statement.Statements parsed =
          JpqlKeywordAliases.parseShared(SqlStatements.bindPlaceholders(jpql));
      if (parsed.size() != 1) {
        return false;
      }
      statement = parsed.get(0);
    } catch (Exception | StackOverflowError unread) {
      return false;
    }
    return statement instanceof PlainSelect select && valuesOnly(select, Map.of(), index);
  }

  private static boolean valuesOnly(PlainSelect select, Map<String, TypeFact> outer, ProjectIndex index) {
    if (select.getSelectItems() == null || select.getSelectItems().isEmpty()) {
      return false;
    }
    // a range variable optkit cannot type is left out: an item reading it is then no value it can tell
    Map<String, TypeFact> aliases = new HashMap<>(outer);
    alias(select.getFromItem(), aliases, index);
    for (Join join : select.getJoins() == null ? List.<Join>of() : select.getJoins()) {
      alias(join.getFromItem(), aliases, index);
    }
    for (SelectItem<?> item : select.getSelectItems()) {
      if (!value(item.getExpression(), aliases, index)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The entity a range variable stands for: {@code FROM Member m} (an entity JPQL names so), {@code JOIN m.team t}
   * (a single-valued association of an alias's entity). None for anything else: a path through a collection, whose
   * element type optkit does not keep, or a name that is no entity.
   */
  private static void alias(FromItem item, Map<String, TypeFact> aliases, ProjectIndex index) {
    if (!(item instanceof Table table) || table.getAlias() == null) {
      return;
    }
    Optional<TypeFact> entity;
    if (table.getSchemaName() == null) {
      entity = index.footprints().entityNamed(table.getName());
    } else {
      entity = Optional.ofNullable(aliases.get(key(table.getSchemaName())))
          .flatMap(owner -> Optional.ofNullable(owner.fieldTypes().get(table.getName())))
          .flatMap(index::type).filter(type -> type.hasAnnotation("Entity"));
    }
    String alias = key(table.getAlias().getName());
    if (entity.isPresent()) {
      aliases.put(alias, entity.get());
    } else {
      aliases.remove(alias); // an outer query's variable of that name is hidden
    }
  }

  private static boolean value(Expression expression, Map<String, TypeFact> aliases, ProjectIndex index) {
    if (expression instanceof Column column) {
      return column.getTable() != null && column.getTable().getName() != null && basicPath(column, aliases, index);
    }
    if (expression instanceof Function function) {
      String name = function.getName() == null ? "" : function.getName().toUpperCase(Locale.ROOT);
      if (SCALAR.contains(name)) {
        return true;
      }
      return PASSING_ON.contains(name) && function.getParameters() != null
          && function.getParameters().getExpressions().stream().allMatch(e -> value(e, aliases, index));
    }
    if (expression instanceof ParenthesedSelect subquery) {
      return subquery.getSelect() instanceof PlainSelect inner && valuesOnly(inner, aliases, index)
          && inner.getSelectItems().size() == 1;
    }
    if (expression instanceof CaseExpression choice) {
      return choice.getWhenClauses().stream().map(WhenClause::getThenExpression).allMatch(e -> value(e, aliases, index))
          && (choice.getElseExpression() == null || value(choice.getElseExpression(), aliases, index));
    }
    if (expression instanceof net.sf.jsqlparser.expression.Parenthesis parenthesis) {
      return value(parenthesis.getExpression(), aliases, index);
    }
    return expression instanceof StringValue || expression instanceof LongValue || expression instanceof DoubleValue
        || expression instanceof Addition || expression instanceof Subtraction || expression instanceof Multiplication
        || expression instanceof Division || expression instanceof Concat;
  }

  /** {@code m.name}, {@code m.address.city}: from an alias's entity, through its attributes, to a basic type. */
  private static boolean basicPath(Column column, Map<String, TypeFact> aliases, ProjectIndex index) {
    Table table = column.getTable();
    List<String> path = new java.util.ArrayList<>();
    if (table.getSchemaName() != null) {
      path.add(table.getSchemaName());
    }
    path.add(table.getName());
    path.add(column.getColumnName());
    TypeFact at = aliases.get(key(path.get(0)));
    for (int i = 1; at != null && i < path.size(); i++) {
      String type = at.fieldTypes().get(path.get(i));
      if (type == null) {
        return false;
      }
      if (i == path.size() - 1) {
        return BASIC.contains(type) || index.type(type).map(t -> t.kind().equals("enum")).orElse(false);
      }
      at = index.type(type).orElse(null); // an embedded value's or a single-valued association's attribute
    }
    return false;
  }

  private static String key(String alias) {
    return alias.toLowerCase(Locale.ROOT); // JPQL's identification variables are not case-sensitive
  }
}
