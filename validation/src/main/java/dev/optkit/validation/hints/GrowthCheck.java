package dev.optkit.validation.hints;

import dev.optkit.analyzers.rules.GrowingRead;
import dev.optkit.analyzers.schema.SchemaIndexes;
import dev.optkit.validation.hints.PlannerTables.Probe;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks reads reported as unbounded with a real planner: each query's generic plan is made with its tables at
 * {@value PlannerTables#ROWS} generated rows, again after every table doubles with the values it has, and again after
 * a third part whose foreign keys take new values; the read is kept when the planner's estimate of the rows it answers
 * grows by half as much again at either step (the orders of a status grow with the orders; one row per customer with
 * the customers). A grouping whose groups stay keeps the estimate where it was, and the read is dropped. An estimate of
 * one row at every size tells nothing (PostgreSQL writes none lower: three equalities on columns of a thousand
 * generated values each), and the read is shown as not checked, with that reason.
 * The tables are those {@link HintCheck} makes, and this runs after it, as it adds rows to them; the queries are
 * planned, never run, by the role that may only read.
 */
public final class GrowthCheck {
  private GrowthCheck() {}

  /** The planner's verdict on each read, in the reads' order. */
  public static Map<GrowingRead, GrowthVerdict> run(List<GrowingRead> reads, SchemaIndexes schema,
      PlannerDatabase database) throws SQLException {
    Map<String, SchemaIndexes.Table> tables = new TreeMap<>();
    Map<GrowingRead, Probe> probes = new LinkedHashMap<>();
    for (GrowingRead read : reads) {
      probes.put(read, PlannerTables.query(read.path() + ":" + read.line(), read.sql(), schema, tables));
    }
    Map<String, String> unmade = database.makeAll(tables);
    String described = database.description();
    Connection reader = database.reader();
    PlannerTables.planOnly(reader);
    Map<GrowingRead, Rows> before = new LinkedHashMap<>();
    for (Map.Entry<GrowingRead, Probe> read : probes.entrySet()) {
      before.put(read.getKey(), rows(reader, read.getValue(), unmade));
    }
    Map<GrowingRead, Rows> more = grown(database, reader, probes, tables, unmade, before, PlannerTables.Growth.ROWS);
    Map<GrowingRead, Rows> referenced = grown(database, reader, probes, tables, unmade, more,
        PlannerTables.Growth.REFERENCES);
    Map<GrowingRead, GrowthVerdict> verdicts = new LinkedHashMap<>();
    for (Map.Entry<GrowingRead, Probe> read : probes.entrySet()) {
      String where = read.getValue().where();
      List<Rows> estimated = List.of(before.get(read.getKey()), more.get(read.getKey()), referenced.get(read.getKey()));
      Optional<Unplanned> unplanned = estimated.stream().filter(Unplanned.class::isInstance).map(Unplanned.class::cast)
          .findFirst();
      if (unplanned.isPresent()) {
        verdicts.put(read.getKey(), new GrowthVerdict.NotChecked(described, where, unplanned.get().reason()));
        continue;
      }
      List<Long> rows = estimated.stream().map(r -> ((Estimated) r).rows()).toList();
      List<GrowthVerdict.Estimate> estimates = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        estimates.add(new GrowthVerdict.Estimate((i + 1) * PlannerTables.ROWS, rows.get(i)));
      }
      if (rows.stream().allMatch(r -> r <= 1)) {
        // PostgreSQL writes no estimate below one row: conditions on several columns of thousands of generated values
        // each multiply to less, at every size, whatever the real data's values repeat
        verdicts.put(read.getKey(), new GrowthVerdict.NotChecked(described, where, "the planner estimates at most one "
            + "row at " + PlannerTables.ROWS + ", " + 2 * PlannerTables.ROWS + " and " + 3 * PlannerTables.ROWS
            + " rows, too few to tell whether its answer grows (conditions on several columns of generated values, or "
            + "a key optkit did not read)"));
        continue;
      }
      // grows with the rows (the orders of one status), or with what the rows reference (one row per customer)
      boolean grows = 2 * rows.get(1) >= 3 * rows.get(0) || 2 * rows.get(2) >= 3 * rows.get(1);
      verdicts.put(read.getKey(), grows ? new GrowthVerdict.Grows(described, where, estimates)
          : new GrowthVerdict.Bounded(described, where, estimates));
    }
    return verdicts;
  }

  /** Grows every table the reads name, once, then the planner's estimates again (a read not planned before stays so). */
  private static Map<GrowingRead, Rows> grown(PlannerDatabase database, Connection reader,
      Map<GrowingRead, Probe> probes, Map<String, SchemaIndexes.Table> tables, Map<String, String> unmade,
      Map<GrowingRead, Rows> earlier, PlannerTables.Growth growth) throws SQLException {
    for (Map.Entry<String, SchemaIndexes.Table> table : tables.entrySet()) {
      if (!unmade.containsKey(table.getKey())) {
        database.grow(table.getKey(), table.getValue(), growth);
      }
    }
    Map<GrowingRead, Rows> estimates = new LinkedHashMap<>();
    for (Map.Entry<GrowingRead, Probe> read : probes.entrySet()) {
      Rows first = earlier.get(read.getKey());
      estimates.put(read.getKey(), first instanceof Estimated ? rows(reader, read.getValue(), unmade) : first);
    }
    return estimates;
  }

  /** The planner's row estimate for a query, or why it has none. */
  private sealed interface Rows permits Estimated, Unplanned {}

  private record Estimated(long rows) implements Rows {}

  private record Unplanned(String reason) implements Rows {}

  /** The planner's row estimate for the probe's generic plan, or why there is none. */
  private static Rows rows(Connection reader, Probe probe, Map<String, String> unmade) throws SQLException {
    if (probe.sql() == null) {
      return new Unplanned(probe.unplanned());
    }
    for (String table : probe.tables()) {
      if (unmade.containsKey(table)) {
        return new Unplanned(unmade.get(table));
      }
    }
    try {
      return new Estimated(PlannerTables.plan(reader, probe.sql()).path("Plan Rows").asLong());
    } catch (SQLException e) {
      try (java.sql.Statement statement = reader.createStatement()) {
        statement.execute("DEALLOCATE ALL");
      }
      return new Unplanned("PostgreSQL cannot plan it as written: " + PlannerTables.firstLine(e.getMessage()));
    }
  }
}
