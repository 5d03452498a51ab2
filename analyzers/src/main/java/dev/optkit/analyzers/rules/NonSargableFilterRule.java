package dev.optkit.analyzers.rules;

import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.facts.Confidence;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.facts.sites.QueryFilters;
import dev.optkit.analyzers.findings.Category;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.findings.Severity;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import dev.optkit.analyzers.schema.SchemaIndexes;
import dev.optkit.analyzers.source.SourceSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
    id = "NonSargableFilter",
    title = "Query finds its rows by a condition no index serves as written",
    category = Category.DB_HINT,
    severity = Severity.LOW,
    summary = "A query finds its rows of a table only by a LIKE whose pattern starts with a wildcard, or by a function "
        + "of an indexed column (lower(email) = ?): no index on the column serves it, and the database reads the "
        + "whole table.",
    description = "From the SQL the code runs (JDBC, JdbcTemplate, MyBatis, native queries, JPQL and Spring Data "
        + "derived finders as the SQL they run) and the project's schema "
        + "scripts: the AND-ed terms of a query's WHERE and joins, per table. A LIKE (or ILIKE) whose pattern is a "
        + "literal starting with % or _, or a CONCAT or || whose first part is one, cannot use a B-tree index, which "
        + "orders by the first characters; a comparison of a function of one column (lower, upper, date, "
        + "date_format, year...) with a value cannot use an index on the column, which holds the column's values. The "
        + "first is reported on any table the schema creates unless the column has an index of another method than "
        + "a b-tree (a trigram GIN or GiST index serves it); the second only where an index starts with the column "
        + "and the table has no expression index (one may serve the function). Neither is reported when another "
        + "condition of the query on the table is served by an index, which finds the rows first, or the table is "
        + "looked up by an indexed join column from a table an index finds, nor on tables the parser cannot read "
        + "every index statement of, nor in test code. The queries with the same shape on the same columns of a table "
        + "share one finding, which names them all: one index serves them.",
    remediation = "A leading wildcard: a trigram index (PostgreSQL's pg_trgm with GIN), full-text search, or a prefix "
        + "search the index serves. A function of a column: an expression index on the function "
        + "(CREATE INDEX ... (lower(email))), or a condition on the column as stored (created_at >= ? AND "
        + "created_at < ? for a day; a column kept lower case).")
public final class NonSargableFilterRule implements Rule {
  private static final Reason NOT_WRITTEN = new Reason(Proof.QUERY_SHAPE,
      "migrate does not rewrite a query's conditions: change the condition or add the index it needs");

  @Override
  public List<Finding> check(RuleContext context) {
    ProjectIndex index = context.index();
    SchemaIndexes schema = index.schemaIndexes();
    List<Finding> findings = new ArrayList<>();
    Map<String, List<Unserving>> sameShape = new java.util.TreeMap<>();
    for (SchemaQueries.Query query : SchemaQueries.of(index)) {
      IndexedMethod method = query.method();
      IoSite site = query.site();
      Set<String> reported = new LinkedHashSet<>();
      // a table an index finds by its own conditions: the planner may start there, and look the others up by their
      // join columns' indexes (an order by its key, then its customer by customers' key)
      boolean anyFoundByItself = QueryFilters.of(query.sql()).stream().anyMatch(f -> schema.table(f.table())
          .map(t -> foundByItsOwnConditions(t, f)).orElse(false));
      for (SchemaQueries.Decided decided : query.decided()) {
        QueryFilters.TableFilter filter = decided.filter();
        SchemaIndexes.Table table = decided.table();
        if (filter.unserved().isEmpty() || foundByItsOwnConditions(table, filter)
            // a joined table is looked up by its join column for each row before it; the first table too, when
            // the planner can start from another one
            || (!filter.driving() || anyFoundByItself) && !filter.joined().isEmpty()
                && table.leadingWithAnyOf(new LinkedHashSet<>(filter.joined())).isPresent()) {
          continue;
        }
        // one finding per shape: a keyword searched in three columns is one search
        Map<String, List<QueryFilters.Unserved>> byShape = new LinkedHashMap<>();
        for (QueryFilters.Unserved term : filter.unserved()) {
          // a trigram (GIN, GiST) index may serve a leading wildcard: any index of another method than a b-tree
          // on the column leaves it unknown, never reported
          boolean shown = term.shape() == QueryFilters.Shape.LEADING_WILDCARD
              ? table.indexes().stream().noneMatch(other -> other.otherThanBtree()
                  && other.columns().stream().anyMatch(c -> c.equals(term.column()) || c.startsWith(term.column() + " ")))
              : table.leadingWithAnyOf(Set.of(term.column())).isPresent() && !hasExpressionIndex(table);
          if (shown) {
            byShape.computeIfAbsent(term.shape().id() + " " + term.function(), k -> new ArrayList<>()).add(term);
          }
        }
        for (Map.Entry<String, List<QueryFilters.Unserved>> shape : byShape.entrySet()) {
          List<String> columns = shape.getValue().stream().map(QueryFilters.Unserved::column).distinct().toList();
          if (reported.add(table.name() + " " + shape.getKey())) {
            // one problem, one finding: the queries with the same shape on the same columns of one table share it, as
            // one expression or trigram index would serve them all
            sameShape.computeIfAbsent(table.name() + " " + shape.getKey() + " " + columns, k -> new ArrayList<>())
                .add(new Unserving(method, site, table, shape.getValue()));
          }
        }
      }
    }
    for (List<Unserving> queries : sameShape.values()) {
      List<Unserving> sorted = queries.stream().distinct()
          .sorted(java.util.Comparator.comparing((Unserving q) -> q.method().path())
              .thenComparingInt(q -> q.site().range().line()).thenComparingInt(q -> q.site().range().column()))
          .toList();
      findings.add(finding(sorted));
    }
    return findings;
  }

  /** A query with a condition of one shape on columns of a table. */
  private record Unserving(IndexedMethod method, IoSite site, SchemaIndexes.Table table,
      List<QueryFilters.Unserved> terms) {}

  /** Whether an index finds the table's rows by another condition of the query on it. */
  private static boolean foundByItsOwnConditions(SchemaIndexes.Table table, QueryFilters.TableFilter filter) {
    Set<String> own = new LinkedHashSet<>(filter.equal());
    own.addAll(filter.ranges());
    return !own.isEmpty() && table.leadingWithAnyOf(own).isPresent();
  }

  /** An index of the table on an expression ({@code lower(email)}): it may serve a function of a column. */
  private static boolean hasExpressionIndex(SchemaIndexes.Table table) {
    return table.indexes().stream().anyMatch(index -> index.columns().stream().anyMatch(c -> c.contains("(")));
  }

  /** One finding at the first of the queries, naming every one. */
  private Finding finding(List<Unserving> queries) {
    Unserving at = queries.get(0);
    IndexedMethod method = at.method();
    IoSite site = at.site();
    SchemaIndexes.Table table = at.table();
    List<QueryFilters.Unserved> terms = at.terms();
    QueryFilters.Unserved first = terms.get(0);
    List<String> columns = terms.stream().map(QueryFilters.Unserved::column).distinct().toList();
    String named = String.join(", ", columns.stream().map(column -> table.name() + "." + column).toList());
    String message = first.shape() == QueryFilters.Shape.LEADING_WILDCARD
        ? "LIKE with a leading wildcard on " + named + ", and no other condition an index serves: the database "
            + "reads every row of " + table.name() + " for it"
        : first.function() + "() of " + named + ": an index on the column holds its values, not " + first.function()
            + "'s, so it finds none of the rows and the database reads every row of " + table.name();
    if (queries.size() > 1) {
      message += "; " + (queries.size() - 1) + " more quer" + (queries.size() == 2 ? "y asks" : "ies ask") + " the same";
    }
    FindingDraft draft = FindingDraft.in(info(), method, site.range(), site.snippet())
        .message(message)
        .confidence(Confidence.MEDIUM)
        .detail("table", table.name())
        .detail("columns", columns)
        .detail("shape", first.shape().id())
        .detail("queries", queries.stream().map(q -> q.method().path() + ":" + q.site().range().line()).distinct().toList());
    if (first.function() != null) {
      draft.detail("function", first.function());
    }
    return draft.refused(NOT_WRITTEN).build();
  }
}
