package dev.optkit.analyzers.index;

import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.schema.SchemaIndexes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
  private final Map<IoSite, Answer> answers = new ConcurrentHashMap<>();

  /**
   * @param sql what the site runs, where the sources tell it
   * @param relational the site queries a relational database (its own SQL, JPQL, a repository of a relational entity)
   * @param language the language of the site's own text
   */
  private record Answer(Optional<String> sql, boolean relational, Language language) {
    static final Answer NONE = new Answer(Optional.empty(), false, Language.UNTOLD);

    /** A query whose text is not the site's own (a derived query, a named one). */
    static Answer of(Optional<String> sql) {
      return new Answer(sql, true, Language.UNTOLD);
    }

    static Answer of(Optional<String> sql, Language language) {
      return new Answer(sql, true, language);
    }
  }

  SqlAsRun(ProjectIndex index) {
    this.index = index;
    this.columns = new EntityColumns(index);
  }

  /** The SQL the site runs, or empty where the sources do not tell it. */
  public Optional<String> of(IoSite site) {
    return answer(site).sql();
  }

  /**
   * The SQL the site runs when none of its optional parts is added: a MyBatis XML statement with no {@code <if>}
   * holding and no {@code <choose>} branch taken (the conditions every run has; a search form's filters the caller
   * may leave out are not among them). The same as {@link #of} for every other site.
   */
  public Optional<String> always(IoSite site) {
    Optional<String> sql = of(site);
    if (sql.isEmpty() || site.receiverType() == null) {
      return sql;
    }
    return index.xmlMappers.statement(site.receiverType(), site.method())
        .filter(statement -> statement.sql().equals(site.sql()))
        .map(dev.optkit.analyzers.schema.MyBatisXmlMappers.Statement::always).or(() -> sql);
  }

  /**
   * Whether the site queries a relational database whose SQL the sources do not tell: JPQL or a derived query that
   * does not map one to one to the schema's tables and columns, a named query, a repository whose entity's table no
   * script declares.
   */
  public boolean untold(IoSite site) {
    Answer answer = answer(site);
    return answer.relational() && answer.sql().isEmpty();
  }

  private Answer answer(IoSite site) {
    return ProjectIndex.remembered(answers, site, this::compute);
  }

  /** The language of the query text a site gives: SQL, JPQL (or HQL), or not told. */
  public enum Language {
    SQL, JPQL, UNTOLD
  }

  /**
   * The language of the site's query text, the one reader of it (the hints' SQL and the footprints migrate proves
   * evictions with both ask it): an EntityManager's or Hibernate Session's {@code createNativeQuery} SQL, its {@code
   * createQuery} (and Hibernate 6's {@code createSelectionQuery}, {@code createMutationQuery}) JPQL; a Spring Data
   * {@code @Query} JPQL on a JPA entity unless {@code nativeQuery}/{@code @NativeQuery}, SQL on a Spring Data JDBC
   * aggregate; any other client's text SQL. Untold where the site gives no text, or its declaration or store is not
   * found.
   */
  public Language language(IoSite site) {
    return answer(site).language();
  }

  private Answer compute(IoSite site) {
    if (site.kind() != ClientKind.DB) {
      return Answer.NONE;
    }
    boolean written = site.sql() != null && !site.sql().isBlank();
    if (written && IoSite.JPA_QUERY_CLIENTS.contains(site.clientId())) {
      // EntityManager and Hibernate's Session: createNativeQuery's text is SQL, createQuery's (and Hibernate 6's
      // createSelectionQuery's and createMutationQuery's) JPQL or HQL
      if (site.method().startsWith("createNative")) {
        return Answer.of(Optional.of(site.sql()), Language.SQL);
      }
      return JPQL_FACTORIES.contains(site.method())
          ? Answer.of(JpqlAsSql.sql(site.sql(), index.footprints()::entityNamed, columns), Language.JPQL)
          : Answer.of(Optional.empty(), Language.UNTOLD);
    }
    if (!"spring-data-repository".equals(site.clientId())) {
      if (written) {
        return Answer.of(Optional.of(site.sql()), Language.SQL);
      }
      // a client of SQL whose statement the sources do not hold as text (jOOQ's DSL, SQL built at run time): a
      // relational query the hints cannot decide, which the report says, not a query of another store left unsaid
      return index.catalog.runsSql(site.clientId()) ? Answer.of(Optional.empty(), Language.UNTOLD) : Answer.NONE;
    }
    TypeFact entity = index.footprints().storedEntity(site).flatMap(index::type).orElse(null);
    if (entity == null || !relational(site, entity)) {
      return Answer.NONE; // a repository of a type the project does not declare, another store's
    }
    if (written) {
      Boolean nativeQuery = nativeQuery(site);
      if (nativeQuery == null) {
        return Answer.of(Optional.empty(), Language.UNTOLD);
      }
      return nativeQuery || !jpa(entity) ? Answer.of(Optional.of(site.sql()), Language.SQL)
          : Answer.of(JpqlAsSql.sql(site.sql(), index.footprints()::entityNamed, columns), Language.JPQL);
    }
    if (implemented(site)) {
      return Answer.NONE; // the project's own code (a default method, a fragment's implementation): its sites are its own
    }
    if (index.namedQueries().runBy(entity.qualifiedName(), site.method())) {
      return Answer.of(Optional.empty()); // a named query's text, which is elsewhere
    }
    Optional<SchemaIndexes.Table> table = columns.table(entity);
    if (table.isEmpty()) {
      return Answer.of(Optional.empty());
    }
    Optional<String> restriction = columns.restriction(entity).map(Object::toString);
    if (site.method().equals("findAll") && site.argumentCount() == 0) {
      return Answer.of(Optional.of("SELECT * FROM " + table.get().name() + where(Optional.empty(), restriction)));
    }
    String byId = BY_ID.get(site.method());
    if (byId != null && site.argumentCount() == 1) {
      // CrudRepository's reads by the entity's @Id, whatever its name: one id, or every id of an Iterable
      return Answer.of(columns.idProperty(entity).flatMap(id -> columns.column(entity, table.get(), id))
          .map(id -> "SELECT * FROM " + table.get().name() + where(Optional.of(id + byId), restriction)));
    }
    Optional<DerivedQueries.Derived> derived = DerivedQueries.parse(site.method());
    if (derived.isEmpty()) {
      return Answer.NONE; // save, deleteAll, a method of the project's own: no query of its name
    }
    return Answer.of(derivedSql(derived.get(), entity, table.get(), restriction));
  }

  /**
   * A WHERE clause of the query's own condition and the entity's restriction ({@code @SQLRestriction}), which
   * Hibernate adds to every query of the entity; "" for neither.
   */
  private static String where(Optional<String> condition, Optional<String> restriction) {
    if (condition.isEmpty() && restriction.isEmpty()) {
      return "";
    }
    if (restriction.isEmpty()) {
      return " WHERE " + condition.get();
    }
    return condition.isEmpty() ? " WHERE " + restriction.get()
        : " WHERE (" + condition.get() + ") AND (" + restriction.get() + ")";
  }

  /** The JPA and Hibernate query factories whose text is JPQL or HQL. */
  private static final Set<String> JPQL_FACTORIES = Set.of("createQuery", "createSelectionQuery",
      "createMutationQuery");

  /** CrudRepository's and JpaRepository's methods by id, with the condition on the id column each runs. */
  private static final Map<String, String> BY_ID = Map.of("findById", " = ?", "existsById", " = ?",
      "deleteById", " = ?", "getById", " = ?", "getReferenceById", " = ?", "getOne", " = ?",
      "findAllById", " IN (?)", "deleteAllById", " IN (?)", "deleteAllByIdInBatch", " IN (?)");

  /**
   * Packages of Spring Data whose repositories query a relational database: a repository extending a type of any other
   * (Elasticsearch's, MongoDB's, Cassandra's) queries its store, whatever its entity is also mapped to.
   */
  private static final List<String> RELATIONAL_REPOSITORIES = List.of("org.springframework.data.repository.",
      "org.springframework.data.jpa.", "org.springframework.data.jdbc.", "org.springframework.data.r2dbc.",
      "org.springframework.data.relational.", "org.springframework.data.querydsl.", "org.springframework.data.envers.");

  /** The simple names of other stores' entity annotations ({@code @Document}, Cassandra's {@code @Table}). */
  private static final Set<String> OTHER_STORES = Set.of("Document", "Node", "RedisHash", "Container", "Table",
      "RelationshipEntity", "KeySpace", "Indexed", "Region");

  /**
   * Whether the repository site queries a relational database: its repository extends no other store's repository
   * type, and its entity is a JPA entity, or carries no other store's mapping (a Spring Data JDBC aggregate needs no
   * annotation; its {@code @Table} is Spring Data Relational's, by its qualified name).
   */
  private boolean relational(IoSite site, TypeFact entity) {
    for (String type : index.supertypesOf(site.receiverType())) {
      if (index.type(type).isEmpty() && RELATIONAL_REPOSITORIES.stream().noneMatch(type::startsWith)) {
        return false;
      }
    }
    return jpa(entity) || entity.annotations().stream().noneMatch(annotation ->
        !annotation.equals("org.springframework.data.relational.core.mapping.Table")
            && OTHER_STORES.contains(annotation.substring(annotation.lastIndexOf('.') + 1)));
  }

  /**
   * Whether the project implements the repository method itself: a default method of the repository or an interface
   * it extends, or a method of a fragment interface whose implementation ({@code FragmentImpl} or {@code
   * RepositoryImpl}, Spring Data's conventions) the project declares.
   */
  private boolean implemented(IoSite site) {
    for (String type : index.supertypesOf(site.receiverType())) {
      for (IndexedMethod declared : index.methods(type, site.method())) {
        if (!declared.fact().isAbstract()) {
          return true;
        }
        // Spring Data's implementation of a fragment: the fragment's name or (before 2.x) the repository's, + Impl
        for (String implemented : List.of(type, site.receiverType())) {
          if (!index.typesNamed(implemented.substring(implemented.lastIndexOf('.') + 1) + "Impl").isEmpty()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Whether the repository method's {@code @Query} is native SQL ({@code nativeQuery = true}), as its declaration in
   * the repository or a project interface it extends says; null where no declaration is found, or its {@code
   * nativeQuery} is a constant optkit cannot read.
   */
  private Boolean nativeQuery(IoSite site) {
    if (site.receiverType() == null) {
      return null;
    }
    for (String type : index.supertypesOf(site.receiverType())) {
      for (IndexedMethod declared : index.methods(type, site.method())) {
        // @NativeQuery (Spring Data JPA 3.4) or @Query(nativeQuery = true)
        if (declared.fact().annotationValue("org.springframework.data.jpa.repository.NativeQuery") != null) {
          return true;
        }
        String flag = declared.fact().annotationValue("org.springframework.data.jpa.repository.Query#nativeQuery");
        return TypeFact.UNRESOLVED.equals(flag) ? null : "true".equals(flag);
      }
    }
    return null;
  }

  /** A JPA entity, whose {@code @Query} is JPQL (a Spring Data JDBC aggregate's is SQL). */
  private static boolean jpa(TypeFact entity) {
    return entity.hasAnnotation("Entity");
  }


  /** The select Spring Data runs for a derived query (a delete's finds its rows first): empty where a property has no column. */
  private Optional<String> derivedSql(DerivedQueries.Derived derived, TypeFact entity, SchemaIndexes.Table table,
      Optional<String> restriction) {
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
        boolean upper = part.ignoreCase() == DerivedQueries.IgnoreCase.ALWAYS
            || part.ignoreCase() == DerivedQueries.IgnoreCase.WHEN_POSSIBLE && columns.text(entity, part.property());
        conditions.add(condition(column.get(), part, upper));
      }
      alternatives.add(String.join(" AND ", conditions));
    }
    Optional<String> condition = alternatives.isEmpty() ? Optional.empty()
        : Optional.of(alternatives.size() == 1 ? alternatives.get(0) : "(" + String.join(") OR (", alternatives) + ")");
    sql.append(where(condition, restriction));
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
  private static String condition(String column, DerivedQueries.Part part, boolean upper) {
    String left = upper ? "UPPER(" + column + ")" : column;
    String value = upper ? "UPPER(?)" : "?";
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
      case STARTING_WITH -> left + " LIKE " + pattern("? || '%'", upper);
      case ENDING_WITH -> left + " LIKE " + pattern("'%' || ?", upper);
      case CONTAINING -> left + " LIKE " + pattern("'%' || ? || '%'", upper);
      case NOT_CONTAINING -> left + " NOT LIKE " + pattern("'%' || ? || '%'", upper);
      case TRUE -> column + " = TRUE";
      case FALSE -> column + " = FALSE";
      case UNREAD -> throw new IllegalStateException("no condition is written for " + part);
    };
  }

  /** The pattern joined by {@code ||}, whose parameter PostgreSQL's planner types as text ({@code concat}'s it cannot). */
  private static String pattern(String joined, boolean upper) {
    return upper ? "UPPER(" + joined + ")" : joined;
  }
}
