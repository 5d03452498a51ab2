package dev.optkit.cli.report;

import dev.optkit.analyzers.Assessment;
import dev.optkit.analyzers.Printable;
import dev.optkit.analyzers.facts.ParseProblem;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.findings.Savings;
import dev.optkit.analyzers.findings.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The ranked report people read in a terminal; colours only when asked for (a TTY without NO_COLOR). */
public final class TerminalReport {
  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String DIM = "\u001b[2m";
  private static final String RED = "\u001b[31m";
  private static final String YELLOW = "\u001b[33m";
  private static final String CYAN = "\u001b[36m";
  private static final String GREEN = "\u001b[32m";

  private final boolean color;
  private final int top;

  public TerminalReport(boolean color, int top) {
    this.color = color;
    this.top = top;
  }

  public String render(Assessment assessment) {
    StringBuilder out = new StringBuilder();
    Assessment.Summary summary = assessment.summary();
    Assessment.Stats stats = assessment.stats();
    out.append(paint(BOLD, "optkit assess")).append(": ")
        .append(String.format(Locale.ROOT, "%,d files, %,d lines", summary.filesScanned(), summary.linesScanned()));
    if (summary.filesFailed() > 0) {
      out.append(", ").append(paint(YELLOW, summary.filesFailed() + " not parsed"));
    }
    if (stats != null) {
      out.append(paint(DIM, String.format(Locale.ROOT, " (%.1f s, %d threads, %d jars on the solver classpath%s)",
          stats.elapsedMillis() / 1000.0, stats.threads(), stats.jars(),
          stats.answerReused() ? ", nothing changed since the last run: its answer reused"
              : stats.cachedFiles() > 0 ? ", " + stats.cachedFiles() + " files unchanged since the last run" : "")));
    }
    out.append("\n\n");
    Savings total = summary.totalSavings();
    out.append(paint(BOLD, "Estimated savings if fixed: "))
        .append(String.format(Locale.ROOT, "%,d calls/day, %s/day of waiting, $%,.2f/day",
            total.callsSavedPerDay(), Formatting.duration(total.timeSavedMsPerDay()), total.costSavedUsdPerDay()))
        .append(paint(DIM, "  (estimates: savings assumptions in .optkit.yml, see README)"))
        .append("\n");
    out.append("Findings: ").append(summary.findings());
    for (Map.Entry<String, Integer> entry : summary.findingsByCategory().entrySet()) {
      out.append("  ").append(entry.getKey()).append(' ').append(entry.getValue());
    }
    out.append("\n");
    if (summary.suppressed() > 0) {
      out.append(paint(DIM, "Suppressed in code: " + summary.suppressed())).append('\n');
    }
    Assessment.Scope scope = summary.scope();
    if (scope != null && scope.baseline() != null) {
      out.append("New since baseline " + Printable.escape(scope.baseline()) + ": " + summary.findings() + " (" + scope.baselined()
          + " baselined, " + scope.baselineGone() + " baselined findings gone)").append('\n');
    }
    if (scope != null && scope.since() != null) {
      out.append("In code changed since " + Printable.escape(scope.since()) + ": " + summary.findings() + " (" + scope.outsideChanges()
          + " elsewhere left out)").append('\n');
    }
    out.append('\n');
    List<Finding> findings = assessment.findings();
    int shown = Math.min(top, findings.size());
    for (int i = 0; i < shown; i++) {
      Finding finding = findings.get(i);
      out.append(String.format(Locale.ROOT, "%3d. ", i + 1))
          .append(severity(finding.severity())).append(' ')
          .append(paint(CYAN, finding.category().id())).append(' ')
          .append(paint(DIM, "[" + finding.ruleId() + ", confidence " + finding.confidence().id() + "]"))
          .append('\n');
      out.append("     ").append(Printable.escape(finding.path())).append(':').append(finding.line())
          .append(paint(DIM, "  " + Printable.escape(Formatting.simpleName(finding.enclosingClass()) + "."
              + finding.enclosingMethod()))).append('\n');
      out.append("     ").append(Printable.escape(finding.message())).append('\n');
      out.append("     ").append(paint(DIM, "| " + Printable.escape(finding.snippet()))).append('\n');
      if (finding.savings().timeSavedMsPerDay() > 0 || finding.savings().costSavedUsdPerDay() > 0) {
        out.append("     ").append(paint(GREEN, String.format(Locale.ROOT, "saves ~%s/day, %,d calls/day, $%,.2f/day",
            Formatting.duration(finding.savings().timeSavedMsPerDay()), finding.savings().callsSavedPerDay(),
            finding.savings().costSavedUsdPerDay())))
            .append(paint(DIM, "  (" + Printable.escape(finding.savings().basis()) + ")")).append('\n');
      }
      if (finding.fixable()) {
        out.append("     ").append(paint(GREEN, "fixable: ")).append(Printable.escape(finding.fixNote())).append('\n');
      } else if (finding.fixNote() != null && !finding.fixNote().isBlank()) {
        // what migrate would say, so a ranked finding is not mistaken for one it will fix
        out.append("     ").append(paint(YELLOW, "not fixable: ")).append(paint(DIM, Printable.escape(finding.fixNote())))
            .append('\n');
      }
      out.append('\n');
    }
    if (findings.size() > shown) {
      out.append(paint(DIM, (findings.size() - shown) + " more findings: use --top " + findings.size()
          + " or --format json")).append("\n\n");
    }
    if (!assessment.warnings().isEmpty()) {
      out.append(paint(YELLOW, "Files skipped or read in part (" + assessment.warnings().size() + "):")).append('\n');
      for (ParseProblem problem : assessment.warnings()) {
        out.append("  ").append(Printable.escape(problem.path()));
        if (problem.line() > 0) {
          out.append(':').append(problem.line()).append(':').append(problem.column());
        }
        out.append("  ").append(Printable.escape(problem.message())).append('\n');
      }
    }
    return out.toString();
  }

  private String severity(Severity severity) {
    String label = String.format(Locale.ROOT, "%-6s", severity.id().toUpperCase(Locale.ROOT));
    return switch (severity) {
      case HIGH -> paint(RED + BOLD, label);
      case MEDIUM -> paint(YELLOW, label);
      default -> paint(DIM, label);
    };
  }

  private String paint(String code, String text) {
    return color ? code + text + RESET : text;
  }

}
