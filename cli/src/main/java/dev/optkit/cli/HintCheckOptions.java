package dev.optkit.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.optkit.analyzers.Assessment;
import dev.optkit.analyzers.facts.ParseProblem;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.rules.GrowingRead;
import dev.optkit.analyzers.rules.IndexHint;
import dev.optkit.validation.hints.GrowthCheck;
import dev.optkit.validation.hints.GrowthVerdict;
import dev.optkit.validation.hints.HintCheck;
import dev.optkit.validation.hints.HintVerdict;
import dev.optkit.validation.hints.PlannerDatabase;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * {@code --check-hints}: each index hint checked by a real PostgreSQL planner with HypoPG before it is shown, as one
 * picocli mixin. A kept hint carries the planner's costs ({@code details.plannerCheck}); a dropped one leaves the
 * findings for a warning saying why; one the planner could not plan stays, saying so. docs/db-hints.md.
 */
public final class HintCheckOptions {
  @Option(names = "--check-hints",
      description = "Check each index hint and unbounded read with a real PostgreSQL planner before showing it: a "
          + "throwaway local PostgreSQL with HypoPG (or --check-hints-url) gets the project's tables with generated "
          + "rows; an index hint is kept only where the planner uses its index for one of its queries at least "
          + "--check-hints-threshold percent cheaper, an unbounded read only where the planner's estimate of its rows "
          + "grows when the tables double. Needs PostgreSQL and HypoPG installed (postgresql, "
          + "postgresql-<major>-hypopg).")
  boolean checkHints;

  @Option(names = "--check-hints-url", paramLabel = "JDBC-URL",
      description = "Check the hints in this PostgreSQL database instead of a local throwaway one "
          + "(jdbc:postgresql://host:5432/db?user=...&password=...; HypoPG installed there); optkit works in a schema "
          + "of its own and drops it. Implies --check-hints.")
  String url;

  @Option(names = "--check-hints-threshold", paramLabel = "PERCENT", defaultValue = "50",
      description = "How much cheaper, in percent, the planner's plan must get with a hint's index to keep the hint "
          + "(1-99, default: ${DEFAULT-VALUE}, as Dexter keeps).")
  int threshold;

  /** Whether hints are to be checked. */
  boolean active() {
    return checkHints || url != null;
  }

  /** @throws IllegalArgumentException a usage error, saying what to give instead */
  void validate() {
    if (threshold < 1 || threshold > 99) {
      throw new IllegalArgumentException("--check-hints-threshold takes a percent from 1 to 99 (e.g. 50)");
    }
  }

  /** Thrown when no planner can be had or the check fails: the message says why and what to do. */
  static final class Unavailable extends Exception {
    Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Each index hint of the report, holding the report's finding of it (whose fingerprint verdicts are keyed by). */
  static List<IndexHint> reportedHints(Assessment assessment) {
    List<IndexHint> hints = new ArrayList<>();
    for (IndexHint hint : assessment.index() == null ? List.<IndexHint>of() : IndexHint.of(assessment.index())) {
      assessment.findings().stream().filter(hint::reportedAs).findFirst()
          .ifPresent(reported -> hints.add(new IndexHint(reported, hint.table(), hint.columns(), hint.probes())));
    }
    return hints;
  }

  /** An index hint of the report and the planner's verdict on it. */
  record Judged(IndexHint hint, HintVerdict verdict) {}

  /**
   * Each index hint of the report checked by the planner, in the report's order (what {@code migrate --indexes}
   * writes from); none when the report has no hint, without starting a database.
   */
  List<Judged> judgeIndexes(Assessment assessment) throws Unavailable {
    List<IndexHint> hints = reportedHints(assessment);
    if (hints.isEmpty()) {
      return List.of();
    }
    List<Judged> judged = new ArrayList<>();
    try (PlannerDatabase database = url != null ? PlannerDatabase.given(url) : PlannerDatabase.local()) {
      Map<IndexHint, HintVerdict> verdicts = HintCheck.run(hints, assessment.index().schemaIndexes(), database,
          threshold);
      for (IndexHint hint : hints) {
        judged.add(new Judged(hint, verdicts.get(hint)));
      }
    } catch (IOException | SQLException e) {
      throw new Unavailable("--check-hints: " + e.getMessage(), e);
    }
    return judged;
  }

  /** The assessment with each index hint's verdict applied; the assessment itself when it has no hint. */
  Assessment apply(Assessment assessment) throws Unavailable {
    List<IndexHint> hints = reportedHints(assessment);
    List<GrowingRead> reads = new ArrayList<>();
    for (GrowingRead read : assessment.index() == null ? List.<GrowingRead>of() : GrowingRead.of(assessment.index())) {
      assessment.findings().stream().filter(read::reportedAs).findFirst()
          .ifPresent(reported -> reads.add(new GrowingRead(reported, read.path(), read.line(), read.sql())));
    }
    if (hints.isEmpty() && reads.isEmpty()) {
      return assessment;
    }
    Map<String, HintVerdict> verdicts = new java.util.HashMap<>();
    Map<String, GrowthVerdict> growth = new java.util.HashMap<>();
    try (PlannerDatabase database = url != null ? PlannerDatabase.given(url) : PlannerDatabase.local()) {
      // by the reported finding's fingerprint: each hint holds the report's finding of it
      HintCheck.run(hints, assessment.index().schemaIndexes(), database, threshold)
          .forEach((hint, verdict) -> verdicts.put(hint.finding().fingerprint(), verdict));
      // after the index hints: it doubles the tables' rows
      GrowthCheck.run(reads, assessment.index().schemaIndexes(), database)
          .forEach((read, verdict) -> growth.put(read.finding().fingerprint(), verdict));
    } catch (IOException | SQLException e) {
      throw new Unavailable("--check-hints: " + e.getMessage(), e);
    }
    List<Finding> kept = new ArrayList<>();
    List<ParseProblem> dropped = new ArrayList<>();
    for (Finding finding : assessment.findings()) {
      HintVerdict verdict = verdicts.get(finding.fingerprint());
      GrowthVerdict grows = growth.get(finding.fingerprint());
      if (grows instanceof GrowthVerdict.Bounded bounded) {
        dropped.add(new ParseProblem(finding.path(), finding.line(), 0, "unbounded read dropped by "
            + bounded.database() + "'s planner: " + finding.ruleId() + " on " + finding.details().get("table")
            + ", the rows it answers do not grow with the table (" + estimates(bounded.estimates()) + ")"));
      } else if (grows instanceof GrowthVerdict.Grows) {
        kept.add(finding.withDetail("plannerCheck", Check.of(grows))
            .withConfidence(dev.optkit.analyzers.facts.Confidence.HIGH));
      } else if (grows != null) {
        kept.add(finding.withDetail("plannerCheck", Check.of(grows)));
      } else if (verdict instanceof HintVerdict.Dropped gone) {
        dropped.add(new ParseProblem(finding.path(), finding.line(), 0, "index hint dropped by " + gone.database()
            + "'s planner: " + finding.ruleId() + " on " + finding.details().get("table") + " " + finding.details()
            .get("columns") + ", no plan " + gone.threshold() + "% cheaper with the index (" + costs(gone.planned())
            + ")"));
      } else if (verdict instanceof HintVerdict.Kept) {
        // a planner's word, not optkit's reading alone: as sure as a finding gets
        kept.add(finding.withDetail("plannerCheck", Check.of(verdict))
            .withConfidence(dev.optkit.analyzers.facts.Confidence.HIGH));
      } else if (verdict != null) {
        kept.add(finding.withDetail("plannerCheck", Check.of(verdict)));
      } else {
        kept.add(finding);
      }
    }
    return assessment.narrowed(kept, assessment.summary().scope()).withWarnings(dropped);
  }

  private static String estimates(List<GrowthVerdict.Estimate> estimates) {
    return estimates.stream().map(e -> e.rows() + " rows estimated at " + e.tableRows() + " rows a table")
        .collect(Collectors.joining(", "));
  }

  private static String costs(List<HintVerdict.Planned> planned) {
    return planned.stream().map(p -> p.probe() + " " + p.costBefore() + " to " + p.costAfter()
        + (p.indexes() > 1 ? " with " + p.indexes() + " hinted indexes" : "") + (p.usesIndex() ? "" : ", index unused"))
        .collect(Collectors.joining("; "));
  }

  /** A hint's check as reports show it. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder({"verdict", "database", "threshold", "queries", "estimates", "notPlanned"})
  record Check(String verdict, String database, Integer threshold, List<Query> queries, List<Estimate> estimates,
      List<NotPlanned> notPlanned) {
    static Check of(HintVerdict verdict) {
      if (verdict instanceof HintVerdict.Kept kept) {
        return new Check("kept", kept.database(), kept.threshold(), queries(kept.planned()), List.of(),
            notPlanned(kept.unplanned()));
      }
      if (verdict instanceof HintVerdict.Dropped dropped) {
        return new Check("dropped", dropped.database(), dropped.threshold(), queries(dropped.planned()), List.of(),
            notPlanned(dropped.unplanned()));
      }
      HintVerdict.NotChecked none = (HintVerdict.NotChecked) verdict;
      return new Check("not checked", none.database(), null, List.of(), List.of(), notPlanned(none.unplanned()));
    }

    static Check of(GrowthVerdict verdict) {
      if (verdict instanceof GrowthVerdict.Grows grows) {
        return new Check("kept", grows.database(), null, List.of(), estimates(grows.query(), grows.estimates()),
            List.of());
      }
      if (verdict instanceof GrowthVerdict.Bounded bounded) {
        return new Check("dropped", bounded.database(), null, List.of(), estimates(bounded.query(),
            bounded.estimates()), List.of());
      }
      GrowthVerdict.NotChecked none = (GrowthVerdict.NotChecked) verdict;
      return new Check("not checked", none.database(), null, List.of(), List.of(),
          List.of(new NotPlanned(none.query(), none.reason())));
    }

    private static List<Estimate> estimates(String query, List<GrowthVerdict.Estimate> estimates) {
      return estimates.stream().map(e -> new Estimate(query, e.tableRows(), e.rows())).toList();
    }

    private static List<Query> queries(List<HintVerdict.Planned> planned) {
      return planned.stream().map(p -> new Query(p.probe(), p.costBefore(), p.costAfter(), p.indexes(), p.usesIndex()))
          .toList();
    }

    private static List<NotPlanned> notPlanned(List<HintVerdict.Unplanned> unplanned) {
      return unplanned.stream().map(u -> new NotPlanned(u.probe(), u.reason())).toList();
    }
  }

  /** @param indexes the hints' indexes the plan after could use: this one's and those of the other hints on the query */
  @JsonPropertyOrder({"query", "costBefore", "costAfter", "indexes", "usesIndex"})
  record Query(String query, double costBefore, double costAfter, int indexes, boolean usesIndex) {}

  /** @param tableRows the rows of each table the query reads; @param rows the planner's estimate of its answer's */
  @JsonPropertyOrder({"query", "tableRows", "rows"})
  record Estimate(String query, int tableRows, long rows) {}

  @JsonPropertyOrder({"query", "reason"})
  record NotPlanned(String query, String reason) {}
}
