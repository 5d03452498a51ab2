package dev.optkit.validation.hints;

import java.util.List;

/**
 * What a real planner said of a read reported as unbounded: its answer grows with its table, its conditions bound it, or
 * it could not be planned. The planner's word is its row estimate for the query's generic plan, with the tables at
 * {@value PlannerTables#ROWS} rows, at twice as many of the values they had, and at three times as many with new values
 * of their foreign keys ({@link GrowthCheck}).
 */
public sealed interface GrowthVerdict {
  /** The planner's estimate of the rows the query answers with its tables at {@code tableRows} rows each. */
  record Estimate(int tableRows, long rows) {}

  /**
   * The estimate grows with the tables (at least half as much again at one of their growths): kept.
   *
   * @param database the server and HypoPG versions that planned it
   * @param query where the code runs it, {@code path:line}
   */
  record Grows(String database, String query, List<Estimate> estimates) implements GrowthVerdict {
    public Grows {
      estimates = List.copyOf(estimates);
    }
  }

  /** The estimate stays as the tables grow: the query's conditions bound its answer, and the read is not shown. */
  record Bounded(String database, String query, List<Estimate> estimates) implements GrowthVerdict {
    public Bounded {
      estimates = List.copyOf(estimates);
    }
  }

  /** The planner could not plan it as optkit wrote it: the read is shown as it was, with why. */
  record NotChecked(String database, String query, String reason) implements GrowthVerdict {}
}
