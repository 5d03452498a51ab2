package dev.optkit.analyzers.rules;

import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.Confidence;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.facts.sites.QueryFilters;
import dev.optkit.analyzers.facts.sites.ResultBounds;
import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.findings.Category;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.findings.Severity;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import dev.optkit.analyzers.schema.SchemaIndexes;
import dev.optkit.analyzers.schema.TableNames;
import dev.optkit.analyzers.source.SourceSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

@RuleInfo(
    id = "UnboundedRead",
    title = "Query answers every row of a table the application keeps adding to",
    category = Category.DB_HINT,
    severity = Severity.LOW,
    summary = "A request handler reaches a query that answers every row it matches, with no LIMIT, page or bound, "
        + "from a table the application itself inserts into: its answer, and the time and memory it takes, grow with "
        + "the table.",
    description = "Reads: the database calls of the production code whose SQL (JDBC, JdbcTemplate, MyBatis, native "
        + "queries) is one plain SELECT with no LIMIT, FETCH FIRST, TOP or ROWNUM bound and not only aggregates, and "
        + "Spring Data's findAll() without arguments; a call of a single-row method (queryForObject, getSingleResult, "
        + "selectOne, findById) or of a project mapper or repository method not declared to return a collection is "
        + "not one, nor a query whose conditions fix a primary key or unique columns, nor one answering a row per group "
        + "(GROUP BY, SELECT DISTINCT) known to group by no key: every grouped expression a column a script declares, "
        + "no primary, unique or foreign key within them, no entity's to-one association on the table (an alias, an "
        + "ordinal, an expression or a table only mappings know is not known, and is reported). Growth: a table the production "
        + "code inserts into (an INSERT, MERGE or UPSERT of its SQL, a save or persist of an entity mapped to it) "
        + "among the tables the query reads. Reach: a request handler (a web controller's mapping, a message "
        + "listener) that calls the query's method, directly or through the project's methods. A table only a seed "
        + "script fills is not growing; a query only a start-up or scheduled job runs is left out; a class a property "
        + "condition leaves off with the configuration its module ships (@ConditionalOnProperty, a placeholder's "
        + "@ConditionalOnExpression) serves no request and adds no row.",
    remediation = "Page the query (LIMIT and OFFSET or a keyset, Spring Data's Pageable, setMaxResults) and what "
        + "shows its rows, or bound it by a condition that keeps its answer small.")
public final class UnboundedReadRule implements Rule {
  private static final Reason NOT_WRITTEN = new Reason(Proof.UNBOUNDED_READ,
      "migrate does not page queries: bound it in the code");

  /** Calls answering one row or one value, whatever their query. */
  private static final Set<String> SINGLE_ROW = Set.of("queryForObject", "queryForMap", "queryForInt", "queryForLong",
      "getSingleResult", "getSingleResultOrNull", "uniqueResult", "uniqueResultOptional", "selectOne", "findById",
      "findOne", "getOne", "getById", "getReferenceById", "existsById", "count", "load", "get", "find");

  /** Parameters by which Spring Data pages or limits a repository query. */
  private static final Set<String> PAGING = Set.of("Pageable", "PageRequest", "Limit", "ScrollPosition",
      "KeysetScrollPosition", "OffsetScrollPosition");

  /** Return types holding many rows. */
  private static final Set<String> COLLECTIONS = Set.of("List", "Collection", "Set", "Iterable", "Stream", "Flux",
      "ArrayList", "LinkedList", "HashSet", "LinkedHashSet", "SortedSet", "TreeSet", "Cursor");

  @Override
  public List<Finding> check(RuleContext context) {
    return reads(context.index()).stream().map(GrowingRead::finding).toList();
  }

  /** The reads to report, each with its finding and the statement a planner would plan. */
  List<GrowingRead> reads(ProjectIndex index) {
    Map<String, String> inserted = GrowingTables.inserted(index);
    List<GrowingRead> findings = new ArrayList<>();
    if (inserted.isEmpty()) {
      return findings;
    }
    for (IndexedMethod method : index.methods()) {
      if (SourceSet.isTestPath(method.path())) {
        continue;
      }
      for (IoSite site : index.sitesOf(method)) {
        if (site.kind() != ClientKind.DB || site.access() != Access.READ || !unbounded(index, site)) {
          continue;
        }
        Optional<GrowingTables.RequestedGrowth> growth = GrowingTables.requested(index, method, site, inserted);
        if (growth.isEmpty()) {
          continue;
        }
        String addedBy = growth.get().insertedAt();
        String table = growth.get().table();
        IndexedMethod handler = growth.get().handler();
        // a grouped read answers a row per group (grouped by a key, or not known to be by none), not every row
        boolean grouped = ResultBounds.grouped(index.sqlAsRun().of(site).orElse(null));
        Finding finding = FindingDraft.in(info(), method, site.range(), site.snippet())
            .message("This query answers " + (grouped ? "a row per group it makes of the rows it matches of "
                : "every row it matches of ") + table + ", with no limit or page, and the application adds rows to "
                + "it (" + addedBy + "): its answer " + (grouped ? "grows with the table wherever its groups do"
                : "grows with the table") + ", for each request to " + handler.fact().displayName() + "()")
            .confidence(Confidence.MEDIUM)
            .detail("table", table)
            .detail("insertedAt", addedBy)
            .detail("handler", handler.fact().displayName())
            .refused(NOT_WRITTEN)
            .build();
        // Spring Data's findAll() reads every column of the entity's table
        String sql = index.sqlAsRun().of(site).filter(run -> !run.isBlank()).orElse("SELECT * FROM " + table);
        findings.add(new GrowingRead(finding, method.path(), site.range().line(), sql));
      }
    }
    return findings;
  }

  /** Whether the site answers every row its query matches, as far as its SQL and its method tell. */
  private static boolean unbounded(ProjectIndex index, IoSite site) {
    if (SINGLE_ROW.contains(site.method()) || !declaredToAnswerMany(index, site)) {
      return false;
    }
    String sql = index.sqlAsRun().of(site).orElse("");
    if (sql.isBlank()) {
      // Spring Data's findAll(): every row of the entity's table, whether or not a script declares it
      return "spring-data-repository".equals(site.clientId()) && site.method().equals("findAll")
          && site.argumentCount() == 0;
    }
    if (!ResultBounds.answersEveryMatchingRow(sql).orElse(false)) {
      return false;
    }
    // WHERE id = ? on a primary key or unique columns of the one table read: one row at most (a join's other table, a
    // customer's orders, is a list per parent)
    List<QueryFilters.TableFilter> filters = QueryFilters.of(sql);
    for (QueryFilters.TableFilter filter : filters.size() == 1 ? filters : List.<QueryFilters.TableFilter>of()) {
      Optional<SchemaIndexes.Table> table = index.schemaIndexes().table(filter.table());
      if (filter.driving() && table.isPresent() && table.get().indexes().stream()
          .anyMatch(key -> key.unique() && !key.columns().isEmpty()
              && filter.equal().containsAll(key.columns()))) {
        return false;
      }
    }
    // one row per group: it grows with the table only where it groups by a key (a report per container, per state, per
    // day, has as many rows as the values grouped, which no schema tells)
    if (ResultBounds.grouped(sql)) {
      return !groupsByKnownNonKeys(index, sql);
    }
    return true;
  }

  /**
   * Whether a grouped select is known to group by no key: every expression it groups by is a column of a table the
   * statement names, the schema declares each such table and no key of it (primary, unique, foreign) lies within the
   * grouped columns, and no entity maps a to-one association onto it (a join column the scripts may not declare). An
   * alias, an ordinal, an expression, a column of a derived table or a CTE, a table only the mappings know: not known,
   * and the read is reported as every other is.
   */
  private static boolean groupsByKnownNonKeys(ProjectIndex index, String sql) {
    List<QueryFilters.TableFilter> filters = QueryFilters.of(sql);
    int resolved = filters.stream().mapToInt(filter -> filter.grouped().size()).sum();
    if (resolved == 0 || resolved != ResultBounds.groupingCount(sql)) {
      return false;
    }
    for (QueryFilters.TableFilter filter : filters) {
      if (filter.grouped().isEmpty()) {
        continue;
      }
      Optional<SchemaIndexes.Table> table = index.schemaIndexes().table(filter.table());
      // a name the table does not declare is an alias of the select's (GROUP BY c for customer_id AS c)
      if (table.isEmpty() || !table.get().columnTypes().keySet().containsAll(filter.grouped())
          || groupsByKey(index, filter) || index.mayHoldUndeclaredKeys(filter.table())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a select groups by a key of the table: every column of its primary or a unique key (one group per row), or
   * of a foreign key (one group per row it refers to).
   */
  private static boolean groupsByKey(ProjectIndex index, QueryFilters.TableFilter filter) {
    Optional<SchemaIndexes.Table> table = index.schemaIndexes().table(filter.table());
    return table.isPresent() && !filter.grouped().isEmpty()
        && (table.get().indexes().stream().anyMatch(key -> key.unique() && !key.columns().isEmpty()
                && filter.grouped().containsAll(key.columns()))
            || table.get().foreignKeys().stream().anyMatch(key -> !key.columns().isEmpty()
                && filter.grouped().containsAll(key.columns())));
  }

  /**
   * A project's own mapper or repository method answers many rows only when declared to return a collection; a
   * library client's query method ({@code query}, {@code queryForList}, {@code getResultList}) answers them all.
   */
  private static boolean declaredToAnswerMany(ProjectIndex index, IoSite site) {
    if (site.receiverType() == null || index.type(site.receiverType()).isEmpty()) {
      return true;
    }
    List<IndexedMethod> declared = index.methods(site.receiverType(), site.method());
    if (declared.isEmpty()) {
      return true; // inherited from the library's interface (CrudRepository's findAll)
    }
    // a Pageable or Limit parameter: Spring Data pages the query, whatever it returns
    return declared.stream().anyMatch(m -> m.fact().returnType() != null && (m.fact().returnType().endsWith("[]")
        || COLLECTIONS.contains(simpleName(TypeNames.raw(m.fact().returnType()))))
        && m.fact().params().stream().noneMatch(p -> PAGING.contains(simpleName(TypeNames.raw(p.type())))));
  }

  private static String simpleName(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }
}
