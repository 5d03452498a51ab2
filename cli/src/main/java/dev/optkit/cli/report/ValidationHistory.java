package dev.optkit.cli.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optkit.analyzers.io.StateDirectory;
import dev.optkit.analyzers.io.StateFileException;
import dev.optkit.validation.report.ScenarioReport;
import dev.optkit.validation.report.ValidationReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code validate --history}: every earlier run under {@code .optkit/runs}, its scenarios' key
 * figures, then what it compared, how, on which JDK, and its outcome; a run that failed, with its
 * cause. The reports are files in the project, so anyone can have planted them: each is read
 * through {@link StateDirectory} (no links, bounded), and only the fields parsed from it are shown,
 * with control characters replaced and lengths bounded.
 */
public final class ValidationHistory {
  /** A report of many scenarios is tens of KB; a planted file is never read whole past this. */
  private static final long MAX_REPORT_BYTES = 16L << 20;
  private static final Set<String> OUTCOMES = Set.of(ValidationReport.PASSED, ValidationReport.INCONCLUSIVE, ValidationReport.CRITERIA_MISSED,
      ValidationReport.MEASURED, ValidationReport.FAILED);
  /** The second line of a run starts under its scenario, past the run's id. */
  private static final String INDENT = " ".repeat(24);

  private ValidationHistory() {}

  /**
   * One line per scenario of each run and one describing the run. A run whose report cannot be read
   * (a link, a damaged or foreign file) is named and skipped; the others are still shown.
   */
  public static String render(StateDirectory state, Path runs) throws StateFileException {
    if (!state.isDirectory(runs)) {
      return "No validate runs yet under " + runs + "\n";
    }
    ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-23s %-20s %8s %8s %8s %9s %6s%n",
        "run", "scenario", "hit", "calls", "speedup", "differing", "gate"));
    List<Path> dirs;
    try {
      dirs = state.list(runs);
    } catch (IOException e) {
      return out.append("could not list ").append(state.shown(runs)).append('\n').toString();
    }
    for (Path dir : dirs) {
      String id = RunDescription.field(String.valueOf(dir.getFileName())); // a planted folder's name is text too
      try {
        if (!state.isDirectory(dir)) {
          continue;
        }
        Optional<byte[]> bytes = state.read(dir.resolve("report.json"), MAX_REPORT_BYTES);
        if (bytes.isEmpty()) {
          continue; // a run still going, or one killed before it could write anything
        }
        out.append(run(id, mapper.readValue(bytes.get(), ValidationReport.class)));
      } catch (StateFileException e) {
        out.append(String.format(Locale.ROOT, "%-23s skipped: %s%n", id, e.problem()));
      } catch (IOException | RuntimeException e) {
        // Jackson's message quotes the file, and a report missing its parts fails later: only that it is not a report is said
        out.append(String.format(Locale.ROOT, "%-23s skipped: report.json is not a report optkit wrote%n", id));
      }
    }
    return out.toString();
  }

  /** A scenario's own gate, from its criteria: one scenario's miss is not another's. */
  private static String gate(ValidationReport report, String scenario) {
    List<dev.optkit.validation.report.CriterionResult> own = report.criteria().stream()
        .filter(c -> java.util.Objects.equals(c.scenario(), scenario)).toList();
    return own.stream().anyMatch(dev.optkit.validation.report.CriterionResult::failed) ? "FAIL"
        : own.stream().anyMatch(dev.optkit.validation.report.CriterionResult::inconclusive) ? "??" : "pass";
  }

  /** A run's lines; a report without its parts, or with an outcome optkit never writes, is refused whole. */
  private static String run(String id, ValidationReport report) {
    if (report.scenarios() == null || report.criteria() == null
        || report.outcome() != null && !OUTCOMES.contains(report.outcome())) {
      throw new IllegalArgumentException("not a report");
    }
    StringBuilder rows = new StringBuilder();
    for (ScenarioReport s : report.scenarios()) {
      String gate = report.runFailed() || report.baselineOnly() ? "-" : gate(report, s.scenario());
      rows.append(String.format(Locale.ROOT, "%-23s %-20s %8s %8s %8s %9d %6s%n", id,
          RunDescription.field(s.scenario()), s.hitRate() == null ? "-" : ScenarioFigures.pct(s.hitRate()),
          s.callsReduction() == null ? "-" : ScenarioFigures.signed(s.callsReduction()),
          s.speedup() == null ? "-" : ScenarioFigures.f1(s.speedup()) + "x", s.differingAnswers(), gate));
    }
    if (report.runFailed()) {
      rows.append(String.format(Locale.ROOT, "%-23s RUN FAILED: %s%n", id, RunDescription.field(report.cause())));
    }
    List<String> about = new ArrayList<>();
    about.add(outcome(report));
    RunDescription.of(report).forEach((label, text) -> about.add(label.equals("Compared") ? text : label + " " + text));
    return rows.append(rows.isEmpty() ? String.format(Locale.ROOT, "%-23s ", id) : INDENT)
        .append(String.join("; ", about)).append('\n').toString();
  }

  /** The outcome recorded, or for a report written before outcomes were, the one its criteria give. */
  private static String outcome(ValidationReport report) {
    if (report.outcome() != null) {
      return report.outcome();
    }
    return report.baselineOnly() ? ValidationReport.MEASURED
        : !report.passed() ? ValidationReport.CRITERIA_MISSED
        : report.inconclusive() ? ValidationReport.INCONCLUSIVE : ValidationReport.PASSED;
  }
}
