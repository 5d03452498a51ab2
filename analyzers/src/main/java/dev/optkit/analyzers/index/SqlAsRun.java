package dev.optkit.analyzers.index;

import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.schema.SchemaIndexes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SQL the database runs for a site, as far as the sources tell it: the SQL the code gives (JDBC, MyBatis, a native
 * query) as written; a JPQL query of an EntityManager or a Spring Data {@code @Query} with its entities and properties
 * as their tables and columns ({@link JpqlAsSql}); a Spring Data repository's derived query ({@code
 * findByEmailAndStatus}) written from its name ({@link DerivedQueries}), and {@code findAll()} as the read of its table.
 * Empty where it cannot be told: JPQL read as SQL named properties as columns and entities as tables. The one reader
 * the rules that read a query's filters, bounds and tables ask.
 */
public final class SqlAsRun {
  private final ProjectIndex index;
  private final EntityColumns columns;
  private final Map<IoSite, Optional<String>> answers = new ConcurrentHashMap<>();

  SqlAsRun(ProjectIndex index) {
    this.index = index;
    this.columns = new EntityColumns(index);
  }

  /** The SQL the site runs, or empty where the sources do not tell it. */
  public Optional<String> of(IoSite site) {
    Optional<String> known = answers.get(site);
    if (known == null) {
      known = compute(site);
      answers.put(site, known);
    }
    return known;
  }

  private Optional<String> compute(IoSite site) {
    if (site.kind() != ClientKind.DB) {
      return Optional.empty();
    }
    boolean repository = "spring-data-repository".equals(site.clientId());
    TypeFact entity = repository ? index.footprints().storedEntity(site).flatMap(index::type).orElse(null) : null;
    boolean written = site.sql() != null && !site.sql().isBlank();
    if (written && site.makesJpaQuery()) {
      return site.method().equals("createNativeQuery") ? Optional.of(site.sql())
          : JpqlAsSql.sql(site.sql(), index.footprints()::entityNamed, columns);
    }
    if (written && !repository) {
      return Optional.of(site.sql());
    }
    if (entity == null || !relational(entity)) {
      return Optional.empty(); // a repository of a type the project does not declare, a document store's query
    }
    if (written) {
      Boolean nativeQuery = nativeQuery(site);
      if (nativeQuery == null) {
        return Optional.empty();
      }
      return nativeQuery || !jpa(entity) ? Optional.of(site.sql())
          : JpqlAsSql.sql(site.sql(), index.footprints()::entityNamed, columns);
    }
    if (index.namedQueries().runBy(entity.qualifiedName(), site.method())) {
      return Optional.empty(); // a named query's text, which is elsewhere
    }
    Optional<SchemaIndexes.Table> table = columns.table(entity);
    if (table.isEmpty()) {
      return Optional.empty();
    }
    if (site.method().equals("findAll") && site.argumentCount() == 0) {
      return Optional.of("SELECT * FROM " + table.get().name());
    }
    return DerivedQueries.parse(site.method()).flatMap(derived -> derivedSql(derived, entity, table.get()));
  }

  /**
   * Whether the repository method's {@code @Query} is native SQL ({@code nativeQuery = true}), as its declaration in
   * the repository or a project interface it extends says; null where no declaration is found.
   */
  private Boolean nativeQuery(IoSite site) {
    if (site.receiverType() == null) {
      return null;
    }
    for (String type : index.supertypesOf(site.receiverType())) {
      for (IndexedMethod declared : index.methods(type, site.method())) {
        return "true".equals(declared.fact().annotationValue("org.springframework.data.jpa.repository.Query#nativeQuery"));
      }
    }
    return null;
  }

  /** A JPA entity, whose {@code @Query} is JPQL (a Spring Data JDBC aggregate's is SQL). */
  private static boolean jpa(TypeFact entity) {
    return entity.hasAnnotation("Entity");
  }

  /** Stored in rows of a relational table: a JPA entity or a Spring Data JDBC or R2DBC aggregate. */
  private static boolean relational(TypeFact entity) {
    return jpa(entity) || entity.hasAnnotation("org.springframework.data.relational.core.mapping.Table");
  }

  /** The select Spring Data runs for a derived query (a delete's finds its rows first): empty where a property has no column. */
  private Optional<String> derivedSql(DerivedQueries.Derived derived, TypeFact entity, SchemaIndexes.Table table) {
    StringBuilder sql = new StringBuilder("SELECT ");
    sql.append(switch (derived.subject()) {
      case COUNT -> "COUNT(*)";
      case EXISTS -> "1";
      case FIND, DELETE -> derived.distinct() ? "DISTINCT *" : "*";
    });
    sql.append(" FROM ").append(table.name());
    List<String> alternatives = new ArrayList<>();
    for (List<DerivedQueries.Part> parts : derived.alternatives()) {
      List<String> conditions = new ArrayList<>();
      for (DerivedQueries.Part part : parts) {
        Optional<String> column = columns.column(entity, table, part.property());
        if (column.isEmpty()) {
          return Optional.empty();
        }
        conditions.add(condition(column.get(), part));
      }
      alternatives.add(String.join(" AND ", conditions));
    }
    if (alternatives.size() == 1) {
      sql.append(" WHERE ").append(alternatives.get(0));
    } else if (alternatives.size() > 1) {
      sql.append(" WHERE (").append(String.join(") OR (", alternatives)).append(')');
    }
    List<String> orders = new ArrayList<>();
    for (DerivedQueries.Order order : derived.orders()) {
      Optional<String> column = columns.column(entity, table, order.property());
      if (column.isEmpty()) {
        return Optional.empty();
      }
      orders.add(column.get() + (order.descending() ? " DESC" : " ASC"));
    }
    if (!orders.isEmpty()) {
      sql.append(" ORDER BY ").append(String.join(", ", orders));
    }
    int limit = derived.subject() == DerivedQueries.Subject.EXISTS ? 1 : derived.limit();
    if (limit > 0) {
      sql.append(" LIMIT ").append(limit);
    }
    return Optional.of(sql.toString());
  }

  /** One part as Spring Data JPA writes it: a case-insensitive one compares both sides upper-cased. */
  private static String condition(String column, DerivedQueries.Part part) {
    String left = part.ignoreCase() ? "UPPER(" + column + ")" : column;
    String value = part.ignoreCase() ? "UPPER(?)" : "?";
    return switch (part.operator()) {
      case EQUALS -> left + " = " + value;
      case NOT -> left + " <> " + value;
      case IN -> left + " IN (?)";
      case NOT_IN -> left + " NOT IN (?)";
      case LESS_THAN, BEFORE -> left + " < " + value;
      case LESS_THAN_EQUAL -> left + " <= " + value;
      case GREATER_THAN, AFTER -> left + " > " + value;
      case GREATER_THAN_EQUAL -> left + " >= " + value;
      case BETWEEN -> left + " BETWEEN ? AND ?";
      case IS_NULL -> column + " IS NULL";
      case IS_NOT_NULL -> column + " IS NOT NULL";
      case LIKE -> left + " LIKE " + value;
      case NOT_LIKE -> left + " NOT LIKE " + value;
      // Spring Data binds the caller's value with the wildcards around it
      case STARTING_WITH -> left + " LIKE " + pattern("?, '%'", part);
      case ENDING_WITH -> left + " LIKE " + pattern("'%', ?", part);
      case CONTAINING -> left + " LIKE " + pattern("'%', ?, '%'", part);
      case NOT_CONTAINING -> left + " NOT LIKE " + pattern("'%', ?, '%'", part);
      case TRUE -> column + " = TRUE";
      case FALSE -> column + " = FALSE";
      case UNREAD -> throw new IllegalStateException("no condition is written for " + part);
    };
  }

  private static String pattern(String arguments, DerivedQueries.Part part) {
    String concat = "CONCAT(" + arguments + ")";
    return part.ignoreCase() ? "UPPER(" + concat + ")" : concat;
  }
}
