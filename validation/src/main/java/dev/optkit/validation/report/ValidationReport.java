package dev.optkit.validation.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The whole run: what was compared with what and how (refs, settings, JDK, prices), every scenario
 * and every criterion, and whether all of them held; or, for a run that did not finish, why. Written
 * as {@code report.json} in the run's folder and by {@code --format json}; every field is documented
 * in docs/validate.md ("Report"), and {@link #SCHEMA_VERSION} says which fields a reader may expect.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION} when written; 0 when read from a report written before
 *     reports had one
 * @param outcome {@link #PASSED}, {@link #INCONCLUSIVE}, {@link #CRITERIA_MISSED}, {@link #MEASURED} or {@link #FAILED}
 * @param cause why a {@link #FAILED} run stopped, one line; null otherwise
 */
public record ValidationReport(int schemaVersion, String outcome, String cause, String runId, String workload,
    String optkitVersion, Refs refs, Settings settings, Jdk jdk, CallCosts costs, boolean baselineOnly,
    boolean callsCounted, List<ScenarioReport> scenarios, List<CriterionResult> criteria) {

  /**
   * Kept while fields are only added (a reader ignores the ones it does not know); raised when one is
   * removed, renamed or changes meaning.
   */
  public static final int SCHEMA_VERSION = 1;

  /** Every criterion held. */
  public static final String PASSED = "passed";
  /**
   * Nothing missed, but a criterion could not be decided: an interval straddling its requirement (a
   * noisy machine). Exit 0, or 1 with {@code --strict}.
   */
  public static final String INCONCLUSIVE = "inconclusive";
  /** At least one criterion missed (exit 1). */
  public static final String CRITERIA_MISSED = "criteria-missed";
  /** {@code --baseline-only}: the current code measured, nothing compared. */
  public static final String MEASURED = "measured";
  /** The run stopped before its report: a build, a call or a scenario that failed or timed out (exit 2 or 3). */
  public static final String FAILED = "failed";

  /** Causes are messages of one line: a message is cut here, so a report never carries a whole log. */
  private static final int MAX_CAUSE_CHARS = 500;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  /**
   * The code versions compared. {@code baseline} and {@code baselineCommit} for {@code --baseline REF}
   * (the ref as given, the commit it named), {@code baselineJournal} for {@code --baseline-journal};
   * all three null for {@code --baseline-only}. {@code currentCommit} is the project's {@code HEAD}
   * when it is in a git repository (null otherwise), {@code currentChanged} whether its files
   * differed from that commit ({@code .optkit/} aside): the migrated code is the working tree.
   */
  public record Refs(String baseline, String baselineCommit, String baselineJournal, String currentCommit,
      Boolean currentChanged) {
    public Refs withBaselineCommit(String commit) {
      return new Refs(baseline, commit, baselineJournal, currentCommit, currentChanged);
    }
  }

  /**
   * How the run measured: JMH's forks, warm-up and measured iterations and seconds per iteration,
   * whether JMH ({@code --no-bench}) and the load test ran, the time limits in force (after the
   * workload's and the command line's), and the scenarios chosen with {@code --scenario} (null: all).
   */
  public record Settings(int forks, int warmupIterations, int iterations, int secondsPerIteration, boolean bench,
      boolean load, int callSeconds, int fixtureSeconds, int scenarioSeconds, List<String> scenarios) {}

  /** The JVM that ran the code under test: {@code java.version} and {@code java.vendor} as it reports them. */
  public record Jdk(String executable, String version, String vendor) {}

  /** What the command line knows of a run before it starts: optkit's version, the refs, the settings, the JDK. */
  public record Context(String optkitVersion, Refs refs, Settings settings, Jdk jdk) {
    /** For a run started without one (a test, or a library caller): the report says nothing of these. */
    public static Context unknown() {
      return new Context(null, null, null, null);
    }

    public Context withRefs(Refs value) {
      return new Context(optkitVersion, value, settings, jdk);
    }
  }

  /** The report of a run that finished: its outcome follows from the criteria. */
  public static ValidationReport completed(Context context, CallCosts costs, String runId, String workload,
      boolean baselineOnly, boolean callsCounted, List<ScenarioReport> scenarios, List<CriterionResult> criteria) {
    String outcome = baselineOnly ? MEASURED
        : criteria.stream().anyMatch(CriterionResult::failed) ? CRITERIA_MISSED
        : criteria.stream().anyMatch(CriterionResult::inconclusive) ? INCONCLUSIVE : PASSED;
    return new ValidationReport(SCHEMA_VERSION, outcome, null, runId, workload, context.optkitVersion(),
        context.refs(), context.settings(), context.jdk(), costs, baselineOnly, callsCounted, List.copyOf(scenarios),
        List.copyOf(criteria));
  }

  /** The report of a run that stopped: no scenario, no criterion, and the first line of why. */
  public static ValidationReport failed(Context context, CallCosts costs, String runId, String workload,
      boolean baselineOnly, String cause) {
    return new ValidationReport(SCHEMA_VERSION, FAILED, oneLine(cause), runId, workload, context.optkitVersion(),
        context.refs(), context.settings(), context.jdk(), costs, baselineOnly, false, List.of(), List.of());
  }

  /**
   * A run that finished with no criterion missed (or measured alone); some may be undecided: see
   * {@link #inconclusive()} and {@link #gatePassed(boolean)}.
   */
  public boolean passed() {
    return !runFailed() && criteria.stream().noneMatch(CriterionResult::failed);
  }

  public boolean inconclusive() {
    return criteria.stream().anyMatch(CriterionResult::inconclusive);
  }

  /** Whether the run gates green: {@code strict} counts an undecided criterion as a failure. */
  public boolean gatePassed(boolean strict) {
    return passed() && !(strict && inconclusive());
  }

  /** The run stopped before its figures: {@link #cause} says why. */
  public boolean runFailed() {
    return FAILED.equals(outcome);
  }

  public List<CriterionResult> failures() {
    return criteria.stream().filter(CriterionResult::failed).toList();
  }

  public List<CriterionResult> undecided() {
    return criteria.stream().filter(CriterionResult::inconclusive).toList();
  }

  /** The report as {@code report.json} holds it: indented, map keys sorted, the same bytes for the same report. */
  public byte[] toJson() {
    try {
      return (JSON.writeValueAsString(this) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the validation report as JSON", e);
    }
  }

  /**
   * A message as one line: its first, cut to {@value #MAX_CAUSE_CHARS} characters. A call that
   * timed out is reported with its thread's stack, which belongs in the terminal and the logs.
   */
  public static String oneLine(String message) {
    if (message == null || message.isBlank()) {
      return "no message";
    }
    String first = message.strip().lines().findFirst().orElse("").strip();
    return first.length() <= MAX_CAUSE_CHARS ? first : first.substring(0, MAX_CAUSE_CHARS) + "...";
  }
}
