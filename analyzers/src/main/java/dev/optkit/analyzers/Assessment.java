package dev.optkit.analyzers;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.optkit.analyzers.facts.ParseProblem;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.findings.Savings;
import java.util.List;
import java.util.Map;

/**
 * The result of {@code optkit assess}: ranked findings, totals and the files that could not be
 * read. Everything here is deterministic for the same input; timings live in {@link Stats}.
 */
@JsonPropertyOrder({"schemaVersion", "tool", "summary", "findings", "warnings"})
public record Assessment(
    int schemaVersion,
    Tool tool,
    Summary summary,
    List<Finding> findings,
    List<ParseProblem> warnings,
    @JsonIgnore Stats stats,
    @JsonIgnore dev.optkit.analyzers.index.ProjectIndex index) {

  public static final int SCHEMA_VERSION = 1;

  public record Tool(String name, String version) {}

  /**
   * @param totalSavings each call site's caching savings plus loop rewrites' savings; cacheable-read
   *     figures re-express call-site savings per method and are not added again
   */
  @JsonPropertyOrder({"filesScanned", "filesFailed", "linesScanned", "findings", "suppressed", "findingsByCategory",
      "findingsBySeverity", "savingsByCategory", "totalSavings", "scope"})
  @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  public record Summary(
      int filesScanned,
      int filesFailed,
      long linesScanned,
      int findings,
      int suppressed,
      Map<String, Integer> findingsByCategory,
      Map<String, Integer> findingsBySeverity,
      Map<String, Savings> savingsByCategory,
      Savings totalSavings,
      Scope scope) {}

  /**
   * What narrowed the reported findings: a baseline (only new findings are reported) and/or a git
   * ref (only findings in code changed since it).
   *
   * @param baselined findings present in the baseline and still present, not reported
   * @param baselineGone baseline entries no longer found (fixed or removed)
   * @param outsideChanges findings left out because their code did not change since {@code since}
   */
  @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"baseline", "baselined", "baselineGone", "since", "outsideChanges"})
  public record Scope(String baseline, Integer baselined, Integer baselineGone, String since, Integer outsideChanges) {}

  /** The same assessment reporting only {@code kept}, its totals recomputed and the narrowing recorded. */
  public Assessment narrowed(List<Finding> kept, Scope scope) {
    Summary totals = Assessor.summarize(summary.filesScanned(), summary.filesFailed(), summary.linesScanned(), kept,
        summary.suppressed(), scope);
    return new Assessment(schemaVersion, tool, totals, List.copyOf(kept), warnings, stats, index);
  }

  /** The same assessment with findings replaced one for one (same order, same count). */
  public Assessment withFindings(List<Finding> replaced) {
    if (replaced.size() != findings.size()) {
      throw new IllegalArgumentException("findings are replaced one for one");
    }
    return new Assessment(schemaVersion, tool, summary, List.copyOf(replaced), warnings, stats, index);
  }

  /** The same assessment with more warnings after its own (what the command met outside the scan: its state, its configuration). */
  public Assessment withWarnings(List<ParseProblem> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<ParseProblem> all = new java.util.ArrayList<>(warnings);
    all.addAll(more);
    return new Assessment(schemaVersion, tool, summary, findings, List.copyOf(all), stats, index);
  }

  /** How the run went; not part of the machine-readable output because it varies run to run. */
  /** @param answerReused whether nothing changed since the last run, whose whole answer this is ({@link AssessmentCache}) */
  public record Stats(long elapsedMillis, int threads, long resolutions, long failedResolutions, int jars, int cachedFiles,
      boolean answerReused) {}
}
