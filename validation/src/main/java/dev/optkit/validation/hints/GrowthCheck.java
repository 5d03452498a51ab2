package dev.optkit.validation.hints;

import dev.optkit.analyzers.rules.GrowingRead;
import dev.optkit.analyzers.schema.SchemaIndexes;
import dev.optkit.validation.hints.PlannerTables.Probe;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks reads reported as unbounded with a real planner: each query's generic plan is made with its tables at
 * {@value PlannerTables#ROWS} generated rows, then again after every table doubles, and the read is kept when the
 * planner's estimate of the rows it answers grows with them (at least half as much again). A condition that bounds the
 * answer, a key optkit did not see as unique, an aggregate, keeps the estimate where it was, and the read is dropped.
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
    Map<String, String> unmade = new TreeMap<>();
    for (Map.Entry<String, SchemaIndexes.Table> table : tables.entrySet()) {
      String why = database.make(table.getKey(), table.getValue());
      if (why != null) {
        unmade.put(table.getKey(), why);
      }
    }
    database.readable();
    String described = database.description();
    Connection reader = database.reader();
    PlannerTables.planOnly(reader);
    Map<GrowingRead, Rows> before = new LinkedHashMap<>();
    for (Map.Entry<GrowingRead, Probe> read : probes.entrySet()) {
      before.put(read.getKey(), rows(reader, read.getValue(), unmade));
    }
    for (Map.Entry<String, SchemaIndexes.Table> table : tables.entrySet()) {
      if (!unmade.containsKey(table.getKey())) {
        database.grow(table.getKey(), table.getValue());
      }
    }
    Map<GrowingRead, GrowthVerdict> verdicts = new LinkedHashMap<>();
    for (Map.Entry<GrowingRead, Probe> read : probes.entrySet()) {
      String where = read.getValue().where();
      Rows first = before.get(read.getKey());
      Rows second = first instanceof Estimated ? rows(reader, read.getValue(), unmade) : first;
      if (!(first instanceof Estimated small) || !(second instanceof Estimated large)) {
        String why = first instanceof Unplanned none ? none.reason() : ((Unplanned) second).reason();
        verdicts.put(read.getKey(), new GrowthVerdict.NotChecked(described, where, why));
        continue;
      }
      List<GrowthVerdict.Estimate> estimates = List.of(new GrowthVerdict.Estimate(PlannerTables.ROWS, small.rows()),
          new GrowthVerdict.Estimate(2 * PlannerTables.ROWS, large.rows()));
      verdicts.put(read.getKey(), 2 * large.rows() >= 3 * small.rows()
          ? new GrowthVerdict.Grows(described, where, estimates)
          : new GrowthVerdict.Bounded(described, where, estimates));
    }
    return verdicts;
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
