package dev.optkit.validation.hints;

import java.util.List;

/** What a real planner said of an index hint: kept, dropped, or not checked, with the costs or the reason. */
public sealed interface HintVerdict {
  /**
   * A query or lookup the hint's index would serve, as the planner planned it.
   *
   * @param probe where it comes from: a query's {@code path:line}, or {@code foreign key} for PostgreSQL's own lookup
   * @param costBefore the plan's total cost with the schema's indexes
   * @param costAfter the same with the hint's index added (hypothetical: HypoPG), together with the indexes of the other
   *     hints that name the same query, as a query joining tables none of which is indexed is served by them together
   * @param indexes how many hypothetical indexes that plan could use: this hint's and the others'
   * @param usesIndex whether the plan with them uses this hint's index
   */
  record Planned(String probe, double costBefore, double costAfter, int indexes, boolean usesIndex) {
    /** How much cheaper the plan is with the index, in percent of its cost without it (0 when not cheaper). */
    public int dropPercent() {
      return costBefore <= 0 || costAfter >= costBefore ? 0 : (int) Math.floor(100 * (costBefore - costAfter) / costBefore);
    }
  }

  /** A query the planner could not plan as optkit wrote it, and why. */
  record Unplanned(String probe, String reason) {}

  /**
   * The planner uses the index for at least one of its queries, at least {@code threshold} percent cheaper.
   *
   * @param database the server and HypoPG versions that planned it
   */
  record Kept(String database, int threshold, List<Planned> planned, List<Unplanned> unplanned) implements HintVerdict {
    public Kept {
      planned = List.copyOf(planned);
      unplanned = List.copyOf(unplanned);
    }
  }

  /** Every query planned, and none made cheaper enough by the index: the hint is not shown. */
  record Dropped(String database, int threshold, List<Planned> planned, List<Unplanned> unplanned)
      implements HintVerdict {
    public Dropped {
      planned = List.copyOf(planned);
      unplanned = List.copyOf(unplanned);
    }
  }

  /** No query of the hint could be planned: the hint is shown as it was, with why it was not checked. */
  record NotChecked(String database, List<Unplanned> unplanned) implements HintVerdict {
    public NotChecked {
      unplanned = List.copyOf(unplanned);
    }
  }
}
