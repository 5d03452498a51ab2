package dev.optkit.validation.hints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.optkit.analyzers.facts.sites.PlannedQueries;
import dev.optkit.analyzers.rules.IndexHint;
import dev.optkit.analyzers.schema.SchemaIndexes;
import dev.optkit.validation.hints.PlannerTables.Probe;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static dev.optkit.validation.hints.PlannerTables.column;
import static dev.optkit.validation.hints.PlannerTables.created;
import static dev.optkit.validation.hints.PlannerTables.firstLine;
import static dev.optkit.validation.hints.PlannerTables.indexStatement;
import static dev.optkit.validation.hints.PlannerTables.quoted;

/**
 * Checks index hints with a real planner: the tables their queries name are made from the project's schema (its
 * columns by type, its declared indexes, {@value #ROWS} generated rows each, analysed), and each query is planned as
 * PostgreSQL plans a prepared statement it has no values for (its generic plan), with the schema's indexes and again
 * with the hint's index added as a hypothetical one (HypoPG). A hint is kept when the planner uses its index for one
 * of its queries at least the threshold's percent cheaper. The queries are planned, never run, by a role that may only
 * read, each written anew from JSqlParser's tree ({@link PlannedQueries}); nothing of the project's scripts is run
 * but names, always quoted.
 */
public final class HintCheck {
  /** Rows per table ({@link PlannerTables#ROWS}). */
  public static final int ROWS = PlannerTables.ROWS;

  private HintCheck() {}

  /** The planner's verdict on each hint, in the hints' order. */
  public static Map<IndexHint, HintVerdict> run(List<IndexHint> hints, SchemaIndexes schema, PlannerDatabase database,
      int threshold) throws SQLException {
    Map<IndexHint, List<Probe>> probes = new LinkedHashMap<>();
    Map<String, SchemaIndexes.Table> tables = new TreeMap<>();
    for (IndexHint hint : hints) {
      List<Probe> planned = new ArrayList<>();
      for (IndexHint.Probe probe : hint.probes()) {
        planned.add(probe(hint, probe, schema, tables));
      }
      probes.put(hint, planned);
      tables.putIfAbsent(created(hint.table()), hint.table());
    }
    // a table PostgreSQL cannot make as the schema declares it leaves the queries naming it not checked
    Map<String, String> unmade = database.makeAll(tables);
    for (Map.Entry<IndexHint, List<Probe>> hint : probes.entrySet()) {
      hint.getValue().replaceAll(probe -> probe.sql() == null ? probe : probe.tables().stream().filter(unmade::containsKey)
          .findFirst().map(table -> new Probe(probe.where(), null, unmade.get(table), List.of())).orElse(probe));
    }
    String described = database.description();
    Map<IndexHint, HintVerdict> verdicts = new LinkedHashMap<>();
    Connection reader = database.reader();
    PlannerTables.planOnly(reader);
    // each query planned once, with every hint's index that would serve it: a query joining several tables none of
    // which is indexed gets cheaper only when all are (Dexter's way), and each hint is judged by whether that plan uses it
    Map<Probe, Queried> queried = new LinkedHashMap<>();
    for (IndexHint hint : hints) {
      for (Probe probe : probes.get(hint)) {
        if (probe.sql() != null) {
          queried.computeIfAbsent(probe, p -> new Queried(new ArrayList<>())).hints().add(hint);
        }
      }
    }
    Map<Probe, Object> outcomes = new LinkedHashMap<>();
    for (Map.Entry<Probe, Queried> query : queried.entrySet()) {
      try {
        outcomes.put(query.getKey(), plan(database, reader, query.getKey(), query.getValue().hints()));
      } catch (SQLException e) {
        outcomes.put(query.getKey(), "PostgreSQL cannot plan it as written: " + firstLine(e.getMessage()));
        reset(database, reader);
      }
    }
    for (IndexHint hint : hints) {
      List<HintVerdict.Planned> planned = new ArrayList<>();
      List<HintVerdict.Unplanned> unplanned = new ArrayList<>();
      for (Probe probe : probes.get(hint)) {
        Object outcome = probe.sql() == null ? probe.unplanned() : outcomes.get(probe);
        if (outcome instanceof Together together) {
          planned.add(new HintVerdict.Planned(probe.where(), together.before(), together.after(),
              together.indexes().size(), together.used().contains(together.indexes().get(hint))));
        } else {
          unplanned.add(new HintVerdict.Unplanned(probe.where(), (String) outcome));
        }
      }
      boolean served = planned.stream().anyMatch(p -> p.usesIndex() && p.dropPercent() >= threshold);
      verdicts.put(hint, planned.isEmpty() ? new HintVerdict.NotChecked(described, unplanned)
          : served ? new HintVerdict.Kept(described, threshold, planned, unplanned)
          : new HintVerdict.Dropped(described, threshold, planned, unplanned));
    }
    return verdicts;
  }

  private static Probe probe(IndexHint hint, IndexHint.Probe probe, SchemaIndexes schema,
      Map<String, SchemaIndexes.Table> tables) {
    if (probe instanceof IndexHint.ForeignKeyCheck key) {
      // what PostgreSQL's referential check runs on each referenced row deleted or whose key changes
      List<String> terms = new ArrayList<>();
      for (int i = 0; i < key.columns().size(); i++) {
        terms.add(quoted(column(hint.table(), key.columns().get(i))) + " = $" + (i + 1));
      }
      return new Probe("foreign key", "SELECT 1 FROM " + quoted(created(hint.table())) + " WHERE "
          + String.join(" AND ", terms), null, List.of(created(hint.table())));
    }
    IndexHint.Query query = (IndexHint.Query) probe;
    return PlannerTables.query(query.path() + ":" + query.line(), query.sql(), schema, tables);
  }

  /** The hints naming one query. */
  private record Queried(List<IndexHint> hints) {}

  /**
   * A query's plan without and with the hints' indexes: each hint's hypothetical index by its name's prefix, and the
   * prefixes the plan with them uses.
   */
  private record Together(double before, double after, Map<IndexHint, String> indexes, Set<String> used) {}

  /** The probe's generic plan with the schema's indexes, then with every hint's index added. */
  private static Together plan(PlannerDatabase database, Connection reader, Probe probe, List<IndexHint> hints)
      throws SQLException {
    double before = cost(reader, probe.sql()).cost();
    Map<IndexHint, String> indexes = new LinkedHashMap<>();
    try {
      for (IndexHint hint : hints) {
        // a hint whose index HypoPG cannot make (a column the table lacks) is no index of the plan; the others are
        try (PreparedStatement create = reader.prepareStatement("SELECT indexrelid FROM "
            + database.hypopg("hypopg_create_index") + "(?)")) {
          create.setString(1, indexStatement(database.tablesSchema(), hint.table(), hint.columns()));
          try (ResultSet made = create.executeQuery()) {
            made.next();
            indexes.put(hint, "<" + made.getLong(1) + ">");
          }
        } catch (SQLException unmade) {
          indexes.put(hint, "<none>");
        }
      }
      Plan after = cost(reader, probe.sql());
      return new Together(before, after.cost(), indexes, after.indexes());
    } finally {
      try (Statement statement = reader.createStatement()) {
        statement.execute("SELECT " + database.hypopg("hypopg_reset") + "()");
      }
    }
  }

  /** After a failed probe: nothing prepared or hypothetical is left for the next. */
  private static void reset(PlannerDatabase database, Connection reader) throws SQLException {
    try (Statement statement = reader.createStatement()) {
      statement.execute("DEALLOCATE ALL");
      statement.execute("SELECT " + database.hypopg("hypopg_reset") + "()");
    }
  }

  /** A plan's total cost and the hypothetical indexes it reads, by their names' {@code <oid>} prefixes. */
  private record Plan(double cost, Set<String> indexes) {}

  private static Plan cost(Connection reader, String sql) throws SQLException {
    JsonNode plan = PlannerTables.plan(reader, sql);
    Set<String> indexes = new java.util.HashSet<>();
    hypothetical(plan, indexes);
    return new Plan(plan.path("Total Cost").asDouble(), indexes);
  }

  /** The hypothetical indexes the plan's nodes read, by HypoPG's name prefix ({@code <oid>btree_...}: {@code <oid>}). */
  private static void hypothetical(JsonNode node, Set<String> found) {
    String name = node.path("Index Name").asText("");
    int end = name.indexOf('>');
    if (name.startsWith("<") && end > 0) {
      found.add(name.substring(0, end + 1));
    }
    for (JsonNode child : node.path("Plans")) {
      hypothetical(child, found);
    }
  }
}
