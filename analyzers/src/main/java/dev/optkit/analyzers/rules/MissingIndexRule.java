package dev.optkit.analyzers.rules;

import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.facts.Confidence;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.facts.sites.QueryFilters;
import dev.optkit.analyzers.findings.Category;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.findings.Severity;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.schema.SchemaIndexes;
import dev.optkit.analyzers.schema.TableNames;
import dev.optkit.analyzers.source.SourceSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

@RuleInfo(
    id = "MissingIndex",
    title = "Query filters on columns no index serves",
    category = Category.DB_HINT,
    severity = Severity.LOW,
    summary = "A query of the application finds its rows by columns of a table that no index the schema declares "
        + "starts with: the database reads the whole table for it.",
    description = "From the project's SQL scripts (schema files, Flyway migrations): each table's primary key, unique "
        + "constraints, keys and indexes; and from the SQL the code runs (JDBC, MyBatis, native queries; JPQL and "
        + "Spring Data derived finders written as the SQL they run, their entities' properties as the columns the "
        + "mappings and the schema name): the columns each statement finds its rows by, the AND-ed equality, range and prefix LIKE terms of its WHERE and its joins. "
        + "An index serves a query only through its first column, so a query is reported when no index on its table "
        + "starts with any column it filters on (or, for a select of a few rows in an order, sorts on). The index "
        + "suggested puts the equality columns first, in the query's order, then one range column, or the one column "
        + "a select limited in rows is ordered by; a column only ever compared with literals (a flag such as is_deleted = 0) "
        + "leads none, and without a caller's value leads only a range it narrows; on a table joined to the first "
        + "one its join column comes first, as the "
        + "database looks the table up by it for each row before it. Queries whose suggestions start with the same "
        + "column share one finding and "
        + "one index, of the columns they all begin with, and the finding names every query it would serve. A term "
        + "a MyBatis <if> or <choose> adds only when its caller gives a value (a search form's filters) is the "
        + "caller's choice and leads no index: only the terms every run has count. Tables no script creates, "
        + "tables with a statement about their indexes the SQL parser cannot read, queries whose SQL is untold or "
        + "unread, entities declaring @Table(indexes) and test code are left out, each reason said in the report's "
        + "warnings: what optkit cannot see is not guessed. Small tables gain nothing from an index, "
        + "which only the database's planner can tell: hence low severity and medium confidence.",
    remediation = "Add the index in a new migration (CREATE INDEX CONCURRENTLY on PostgreSQL, which does not lock "
        + "writes), after checking with EXPLAIN on production-sized data that the planner uses it.")
public final class MissingIndexRule implements Rule {
  /** migrate changes the schema only when asked (--indexes). */
  private static final dev.optkit.analyzers.proof.Reason NOT_WRITTEN = new dev.optkit.analyzers.proof.Reason(
      dev.optkit.analyzers.proof.Proof.INDEX_HINT, "migrate writes it only when asked: optkit migrate --indexes writes the hints PostgreSQL's planner keeps into the project's Flyway or Liquibase migrations, where it has them");

  /** One index to add: the table and its columns, and every query it would serve. */
  private record Suggestion(SchemaIndexes.Table schemaTable, List<String> columns) {
    String table() {
      return schemaTable.name();
    }
  }

  /** @param sql what the database runs for the site ({@link dev.optkit.analyzers.index.SqlAsRun}) */
  private record Served(IndexedMethod method, IoSite site, String sql) {}

  @Override
  public List<Finding> check(RuleContext context) {
    return hints(context.index()).stream().map(IndexHint::finding).toList();
  }

  /** The indexes to add, each with its finding and the queries it would serve. */
  List<IndexHint> hints(ProjectIndex index) {
    Map<String, List<Served>> byKey = new TreeMap<>();
    Map<String, Suggestion> suggestions = new TreeMap<>();
    for (SchemaQueries.Query query : SchemaQueries.of(index)) {
      IndexedMethod method = query.method();
      IoSite site = query.site();
      String sql = query.sql();
      for (SchemaQueries.Decided decided : query.decided()) {
        // what every run filters on: a MyBatis <if>'s term is the caller's choice, which no index should lead with
        QueryFilters.TableFilter filter = decided.always();
        SchemaIndexes.Table table = decided.table();
        // a first table only sorted (ORDER BY created_at DESC LIMIT 10): an index on the sort column hands the rows over
        boolean sortedOnly = filter.columns().isEmpty() && filter.driving() && !filter.sorted().isEmpty();
        if (filter.columns().isEmpty() && !sortedOnly
            || table.leadingWithAnyOf(sortedOnly ? Set.copyOf(filter.sorted()) : servingColumns(filter)).isPresent()
            || mappedWithIndexes(index, table)) {
          continue;
        }
        // a joined table is looked up by its join column, once per row before it: that column first
        List<String> columns = new ArrayList<>();
        if (!filter.driving() && !filter.joined().isEmpty()) {
          columns.add(filter.joined().get(0));
        }
        // a column only ever compared with a literal (is_deleted = 0, status = 'NEW') is a flag or a state the query
        // always asks the same of, which may hold on most rows: the caller's values lead; without any, the literals
        // lead only a range they narrow (status = 0 AND create_time < ?), never an index of flags alone
        filter.equalToParameters().stream().filter(column -> !columns.contains(column)).forEach(columns::add);
        // the first rows in the order asked: after the equality columns, the sort column serves like a range
        List<String> sorted = filter.driving() && filter.ranges().isEmpty() ? filter.sorted() : List.of();
        if (columns.isEmpty() && (!filter.ranges().isEmpty() || !sorted.isEmpty())) {
          filter.fixed().stream().filter(column -> !columns.contains(column)).forEach(columns::add);
        }
        if (!filter.ranges().isEmpty() && !columns.contains(filter.ranges().get(0))) {
          columns.add(filter.ranges().get(0));
        }
        sorted.stream().filter(column -> !columns.contains(column)).forEach(columns::add);
        if (columns.isEmpty() && !filter.joined().isEmpty()) {
          columns.add(filter.joined().get(0));
        }
        if (columns.isEmpty()) {
          continue; // found by flags alone: how many rows they keep only the data can tell
        }
        if (!table.writtenColumns().isEmpty() && !table.writtenColumns().keySet().containsAll(columns)) {
          continue; // a column the script does not declare: another table of that name, or a schema not all read
        }
        // one index per table and first column: its columns what every query it serves begins with, so that
        // (customer_id, status) and (customer_id, amount) make one index on customer_id, not two
        String key = TableNames.normalise(table.name()) + "(" + columns.get(0) + ")";
        Suggestion before = suggestions.get(key);
        suggestions.put(key, new Suggestion(table,
            before == null ? columns : commonStart(before.columns(), columns)));
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new Served(method, site, sql));
      }
    }
    List<IndexHint> hints = new ArrayList<>();
    for (Map.Entry<String, List<Served>> entry : byKey.entrySet()) {
      List<Served> served = entry.getValue().stream().distinct()
          .sorted(Comparator.comparing((Served s) -> s.method().path()).thenComparingInt(s -> s.site().range().line())
              .thenComparingInt(s -> s.site().range().column()))
          .toList();
      Suggestion suggestion = suggestions.get(entry.getKey());
      Served first = served.get(0);
      String statement = IndexStatements.create(suggestion.schemaTable(), suggestion.columns(), index.runsOnPostgresql());
      List<String> queries = served.stream().map(s -> s.method().path() + ":" + s.site().range().line()).toList();
      List<SchemaIndexes.ForeignKey> keys = foreignKeysServed(index, suggestion);
      FindingDraft draft = FindingDraft.in(info(), first.method(), first.site().range(), first.site().snippet())
          .message("No index on " + suggestion.table() + " starts with a column this query finds or orders its rows by ("
              + String.join(", ", suggestion.columns()) + ")" + (queries.size() > 1
                  ? "; " + (queries.size() - 1) + " more quer" + (queries.size() == 2 ? "y" : "ies") + " would use it" : "")
              + keys.stream().map(key -> "; it would index the foreign key (" + String.join(", ", key.columns())
                  + ") to " + key.references() + " too").collect(java.util.stream.Collectors.joining()))
          .confidence(Confidence.MEDIUM)
          .detail("table", suggestion.table())
          .detail("columns", suggestion.columns())
          .detail("statement", statement)
          .detail("queries", queries);
      if (!keys.isEmpty()) {
        draft.detail("foreignKeys", keys.stream().map(SchemaIndexes.ForeignKey::references).toList());
      }
      Finding finding = draft.refused(NOT_WRITTEN).build();
      List<IndexHint.Probe> probes = new ArrayList<>();
      served.forEach(s -> probes.add(new IndexHint.Query(s.method().path(), s.site().range().line(), s.sql())));
      keys.forEach(key -> probes.add(new IndexHint.ForeignKeyCheck(key.columns())));
      hints.add(new IndexHint(finding, suggestion.schemaTable(), suggestion.columns(), probes));
    }
    return hints;
  }

  /**
   * The columns an index must start with to serve the query on this table: the first table is read by its own
   * conditions (an index on its join column does not find the rows its WHERE asks for); a joined table is looked up by
   * its join column too. A first table with no condition of its own but the join is served through the join.
   */
  private static java.util.Set<String> servingColumns(QueryFilters.TableFilter filter) {
    java.util.Set<String> own = new java.util.LinkedHashSet<>(filter.equal());
    own.addAll(filter.ranges());
    return filter.driving() && !own.isEmpty() ? own : filter.columns();
  }

  /**
   * The foreign keys of the table PostgreSQL leaves unindexed that the suggested index would serve (its first columns
   * are theirs): the one index answers both, so {@link UnindexedForeignKeyRule} leaves them to this hint.
   */
  private static List<SchemaIndexes.ForeignKey> foreignKeysServed(ProjectIndex index, Suggestion suggestion) {
    if (!index.runsOnPostgresql()) {
      return List.of();
    }
    return suggestion.schemaTable().unindexedForeignKeys().stream()
        .filter(key -> SchemaIndexes.startsWithAll(suggestion.columns(), key.columns())).toList();
  }

  private static List<String> commonStart(List<String> a, List<String> b) {
    int same = 0;
    while (same < a.size() && same < b.size() && a.get(same).equals(b.get(same))) {
      same++;
    }
    return a.subList(0, same);
  }

  /** Whether an entity of the table declares indexes in its mapping ({@code @Table(indexes = ...)}), which optkit does not read yet. */
  private static boolean mappedWithIndexes(ProjectIndex index, SchemaIndexes.Table table) {
    String wanted = TableNames.normalise(table.name());
    for (TypeFact type : index.types()) {
      if (type.annotationValue("Table", "indexes") == null) {
        continue;
      }
      String named = type.annotationValue("Table", "name");
      String name = named == null || named.equals(TypeFact.UNRESOLVED) ? type.simpleName() : named;
      if (named != null && named.equals(TypeFact.UNRESOLVED) || TableNames.normalise(name).equals(wanted)) {
        return true;
      }
    }
    return false;
  }
}
