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
    @JsonIgnore Stats stats) {

  public static final int SCHEMA_VERSION = 1;

  public record Tool(String name, String version) {}

  /**
   * @param totalSavings each call site's caching savings plus loop rewrites' savings; cacheable-read
   *     figures re-express call-site savings per method and are not added again
   */
  @JsonPropertyOrder({"filesScanned", "filesFailed", "linesScanned", "findings", "findingsByCategory",
      "findingsBySeverity", "savingsByCategory", "totalSavings"})
  public record Summary(
      int filesScanned,
      int filesFailed,
      long linesScanned,
      int findings,
      Map<String, Integer> findingsByCategory,
      Map<String, Integer> findingsBySeverity,
      Map<String, Savings> savingsByCategory,
      Savings totalSavings) {}

  /** How the run went; not part of the machine-readable output because it varies run to run. */
  public record Stats(long elapsedMillis, int threads, long resolutions, long failedResolutions, int jars) {}
}
