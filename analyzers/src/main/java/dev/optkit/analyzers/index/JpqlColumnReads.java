package dev.optkit.analyzers.index;

import dev.optkit.analyzers.facts.TypeFact;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * A JPQL query that reads one entity's own columns only ({@code SELECT o.ownerId FROM Order o WHERE o.id = :id},
 * {@code SELECT COUNT(o) FROM Order o}): it loads no entity, so none of the entity's associations, eager or
 * not, is read. Anything else (a join, a path through an association, a subquery, the entity itself selected)
 * is not this.
 */
final class JpqlColumnReads {
  private static final Set<String> AGGREGATES = Set.of("COUNT", "SUM", "MIN", "MAX", "AVG");

  private JpqlColumnReads() {}

  /** The entity read so, qualified, or null. */
  /**
   * @param associationsOf the fields of an entity (its mapped superclasses' too) that are associations or embedded
   *     objects: a path through one loads or holds more than a column
   */
  static String entityReadForColumnsOnly(Statement statement, Function<String, TypeFact> entityNamed,
      Function<TypeFact, Set<String>> associationsOf) {
    if (!(statement instanceof PlainSelect select) || select.getJoins() != null && !select.getJoins().isEmpty()
        || !(select.getFromItem() instanceof Table from) || from.getAlias() == null) {
      return null;
    }
    TypeFact entity = entityNamed.apply(from.getName());
    if (entity == null) {
      return null;
    }
    String alias = from.getAlias().getName();
    Set<String> associations = associationsOf.apply(entity);
    for (SelectItem<?> item : select.getSelectItems()) {
      if (!scalar(item.getExpression(), alias, associations)) {
        return null;
      }
    }
    String where = select.getWhere() == null ? "" : select.getWhere().toString().toUpperCase(Locale.ROOT);
    return where.contains("SELECT") ? null : entity.qualifiedName();
  }

  private static boolean scalar(Expression expression, String alias, Set<String> associations) {
    if (expression instanceof Column column) {
      return column.getTable() != null && alias.equalsIgnoreCase(column.getTable().getFullyQualifiedName())
          && !associations.contains(column.getColumnName());
    }
    if (expression instanceof net.sf.jsqlparser.expression.Function function
        && AGGREGATES.contains(function.getName().toUpperCase(Locale.ROOT)) && function.getParameters() != null) {
      return function.getParameters().stream().allMatch(parameter -> scalar(parameter, alias, associations)
          || parameter instanceof Column bare && bare.getTable() == null && alias.equalsIgnoreCase(bare.getColumnName()));
    }
    return false;
  }
}
