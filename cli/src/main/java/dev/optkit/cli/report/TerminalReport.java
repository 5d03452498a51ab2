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

  /** Where a finding's lines begin, under its number. */
  private static final String BLOCK = "     ";
  private final boolean color;
  private final int top;

  public TerminalReport(boolean color, int top) {
    this.color = color;
    this.top = top;
  }

  public String render(Assessment assessment) {
    TerminalLines lines = new TerminalLines(color);
    StringBuilder out = new StringBuilder();
    Assessment.Summary summary = assessment.summary();
    Assessment.Stats stats = assessment.stats();
    List<TerminalLines.Piece> head = new java.util.ArrayList<>();
    head.add(TerminalLines.painted(BOLD, "optkit assess:"));
    head.add(TerminalLines.plain(" " + String.format(Locale.ROOT, "%,d files, %,d lines", summary.filesScanned(),
        summary.linesScanned()) + (summary.filesFailed() > 0 ? "," : "")));
    if (summary.filesFailed() > 0) {
      head.add(TerminalLines.painted(YELLOW, " " + summary.filesFailed() + " not parsed"));
    }
    if (stats != null) {
      head.add(TerminalLines.painted(DIM, String.format(Locale.ROOT, " (%.1f s, %d threads, %d jars on the solver classpath%s)",
          stats.elapsedMillis() / 1000.0, stats.threads(), stats.jars(),
          stats.answerReused() ? ", nothing changed since the last run: its answer reused"
              : stats.cachedFiles() > 0 ? ", " + stats.cachedFiles() + " files unchanged since the last run" : "")));
    }
    out.append(lines.wrap("", "  ", head.toArray(TerminalLines.Piece[]::new))).append('\n');
    Savings total = summary.totalSavings();
    out.append(lines.wrap("", "  ", TerminalLines.painted(BOLD, "Estimated savings if fixed:"),
        TerminalLines.plain(" " + String.format(Locale.ROOT, "%,d calls/day, %s/day of waiting, $%,.2f/day",
            total.callsSavedPerDay(), Formatting.duration(total.timeSavedMsPerDay()), total.costSavedUsdPerDay())),
        TerminalLines.painted(DIM, "  (estimates: savings assumptions in .optkit.yml, see README)")));
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
      // one finding a block: its lines wrapped under its number, the code cut rather than wrapped
      out.append(lines.wrap(BLOCK, BLOCK + "  ", TerminalLines.plain(Printable.escape(finding.path()) + ":" + finding.line()),
          TerminalLines.painted(DIM, "  " + Printable.escape(Formatting.simpleName(finding.enclosingClass()) + "."
              + finding.enclosingMethod()))));
      out.append(lines.wrap(BLOCK, BLOCK, TerminalLines.plain(Printable.escape(finding.message()))));
      out.append(lines.cut(BLOCK, DIM, "| " + Printable.escape(finding.snippet())));
      if (finding.savings().timeSavedMsPerDay() > 0 || finding.savings().costSavedUsdPerDay() > 0) {
        out.append(lines.wrap(BLOCK, BLOCK, TerminalLines.painted(GREEN, String.format(Locale.ROOT,
            "saves ~%s/day, %,d calls/day, $%,.2f/day", Formatting.duration(finding.savings().timeSavedMsPerDay()),
            finding.savings().callsSavedPerDay(), finding.savings().costSavedUsdPerDay())),
            TerminalLines.painted(DIM, "  (" + Printable.escape(finding.savings().basis()) + ")")));
      }
      if (finding.fixable()) {
        out.append(lines.wrap(BLOCK, BLOCK, TerminalLines.painted(GREEN, "fixable:"),
            TerminalLines.plain(" " + Printable.escape(finding.fixNote()))));
      } else if (finding.fixNote() != null && !finding.fixNote().isBlank()) {
        // what migrate would say, so a ranked finding is not mistaken for one it will fix
        out.append(lines.wrap(BLOCK, BLOCK, TerminalLines.painted(YELLOW, "not fixable:"),
            TerminalLines.painted(DIM, " " + Printable.escape(finding.fixNote()))));
      }
      out.append('\n');
    }
    if (findings.size() > shown) {
      out.append(paint(DIM, (findings.size() - shown) + " more findings: use --top " + findings.size()
          + " or --format json")).append("\n\n");
    }
    if (!assessment.warnings().isEmpty()) {
      // files not read, modules without jars, dependencies not had, hints not decided: each says which it is
      out.append(paint(YELLOW, "Warnings (" + assessment.warnings().size() + "):")).append('\n');
      for (ParseProblem problem : assessment.warnings()) {
        String where = Printable.escape(problem.path())
            + (problem.line() > 0 ? ":" + problem.line() + ":" + problem.column() : "");
        out.append(lines.wrap("  ", "    ", TerminalLines.plain(where),
            TerminalLines.plain("  " + Printable.escape(problem.message()))));
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
