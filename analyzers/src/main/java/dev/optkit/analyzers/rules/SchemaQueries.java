package dev.optkit.analyzers.rules;

import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.facts.sites.QueryFilters;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.schema.SchemaIndexes;
import dev.optkit.analyzers.source.SourceSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The production code's queries as the index hint rules read them: the SQL each database call runs ({@link
 * dev.optkit.analyzers.index.SqlAsRun}), each table it finds rows in with what the schema scripts declare of it, and
 * where either cannot be told, why. One reader for the hints ({@link MissingIndexRule}, {@link NonSargableFilterRule})
 * and for the report of what they left undecided ({@link UndecidedHints}), so the two never disagree.
 */
final class SchemaQueries {
  private SchemaQueries() {}

  /** Why the schema cannot decide a query or one of its tables. */
  enum Unknown {
    /** No schema script in the project at all: every query's tables are unknown. */
    NO_SCHEMA("no-schema", "no schema script of the project declares a table"),
    /** JPQL or a derived query that does not map one to one to tables and columns, a named query. */
    UNTOLD_SQL("untold-sql", "the SQL it runs is not in the sources as tables and columns"),
    /** A union, a {@code WITH}, a statement JSqlParser does not read. */
    UNREAD_SQL("unread-sql", "its SQL is no single select, update or delete optkit reads"),
    /** Hibernate's {@code ddl-auto}, a table another project creates. */
    NO_TABLE("no-table", "no schema script of the project creates the table"),
    /** A view a script creates: the indexes that serve it are its tables', not read through it. */
    VIEW("view", "the query reads a view, whose tables' indexes are not read through it"),
    /** Its {@code CREATE TABLE} or a statement about its indexes JSqlParser does not read, a change not followed. */
    UNREAD_INDEXES("unread-indexes", "a statement creating the table or about its indexes is not read");

    private final String id;
    private final String says;

    Unknown(String id, String says) {
      this.id = id;
      this.says = says;
    }

    String id() {
      return id;
    }

    String says() {
      return says;
    }
  }

  /**
   * A table a query finds rows in, as the schema declares it completely.
   *
   * @param always what every run of the query filters the table on ({@link dev.optkit.analyzers.index.SqlAsRun#always}:
   *     a MyBatis {@code <if>}'s terms left out); {@code filter} itself where nothing is optional
   */
  record Decided(QueryFilters.TableFilter filter, SchemaIndexes.Table table, QueryFilters.TableFilter always) {}

  /** @param table the table left undecided, or null where the whole query is */
  record Undecided(Unknown why, String table) {}

  /** A database call of the production code, with the SQL it runs ("" where untold). */
  record Query(IndexedMethod method, IoSite site, String sql, List<Decided> decided, List<Undecided> undecided) {}

  /** The production code's relational queries, in the index's order. */
  static List<Query> of(ProjectIndex index) {
    List<Query> queries = new ArrayList<>();
    SchemaIndexes schema = index.schemaIndexes();
    for (IndexedMethod method : index.methods()) {
      if (SourceSet.isTestPath(method.path())) {
        continue;
      }
      for (IoSite site : index.sitesOf(method)) {
        if (site.kind() != ClientKind.DB) {
          continue;
        }
        String sql = index.sqlAsRun().of(site).orElse("");
        if (sql.isBlank()) {
          if (index.sqlAsRun().untold(site)) {
            queries.add(new Query(method, site, "", List.of(), List.of(new Undecided(Unknown.UNTOLD_SQL, null))));
          }
          continue;
        }
        List<QueryFilters.TableFilter> filters = QueryFilters.of(sql);
        if (filters.isEmpty()) {
          if (findsRows(sql)) {
            queries.add(new Query(method, site, sql, List.of(), List.of(new Undecided(Unknown.UNREAD_SQL, null))));
          }
          continue; // an insert, a call, a select of no table: no rows found by any index
        }
        String always = index.sqlAsRun().always(site).orElse(sql);
        List<QueryFilters.TableFilter> alwaysFilters = always.equals(sql) ? filters : QueryFilters.of(always);
        List<Decided> decided = new ArrayList<>();
        List<Undecided> undecided = new ArrayList<>();
        for (QueryFilters.TableFilter filter : filters) {
          Optional<SchemaIndexes.Table> table = schema.table(filter.table());
          if (table.isEmpty()) {
            undecided.add(new Undecided(schema.unreadAbout(filter.table()) ? Unknown.UNREAD_INDEXES
                : index.schemaViews().expand(dev.optkit.analyzers.schema.TableNames.normalise(
                    dev.optkit.analyzers.schema.SchemaViews.bare(filter.table()))).size() > 1 ? Unknown.VIEW
                : Unknown.NO_TABLE, filter.table()));
          } else if (!table.get().complete()) {
            undecided.add(new Undecided(Unknown.UNREAD_INDEXES, table.get().name()));
          } else {
            decided.add(new Decided(filter, table.get(), alwaysFilters == filters ? filter : alwaysOf(filter, alwaysFilters)));
          }
        }
        queries.add(new Query(method, site, sql, List.copyOf(decided), List.copyOf(undecided)));
      }
    }
    return queries;
  }

  /**
   * The table's filter in the statement's every run: the one of the same table and place there, or none at all (a
   * table only an optional part joins, a {@code <where>} of optional terms alone).
   */
  private static QueryFilters.TableFilter alwaysOf(QueryFilters.TableFilter filter,
      List<QueryFilters.TableFilter> alwaysFilters) {
    return alwaysFilters.stream().filter(always -> always.table().equals(filter.table())
            && always.driving() == filter.driving()).findFirst()
        .orElse(new QueryFilters.TableFilter(filter.table(), List.of(), List.of(), List.of(), filter.driving(),
            List.of(), List.of(), List.of(), List.of()));
  }

  /** Whether the statement finds rows of a table: it reads {@code FROM} one, or updates or deletes. */
  private static boolean findsRows(String sql) {
    List<String> words = dev.optkit.analyzers.facts.sites.SqlStatements.words(sql).orElse(List.of());
    return words.contains("FROM") || !words.isEmpty() && (words.get(0).equals("UPDATE") || words.get(0).equals("DELETE"));
  }
}
