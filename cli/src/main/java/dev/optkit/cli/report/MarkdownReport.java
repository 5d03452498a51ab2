package dev.optkit.cli.report;

import dev.optkit.analyzers.Assessment;
import dev.optkit.analyzers.Printable;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.findings.Savings;
import java.util.List;

/** A pull-request comment: totals, the top findings by estimated savings, and the full list folded away. */
public final class MarkdownReport {
  private static final int TOP = 10;

  private MarkdownReport() {}

  public static String render(Assessment assessment) {
    Assessment.Summary summary = assessment.summary();
    Savings total = summary.totalSavings();
    StringBuilder out = new StringBuilder("## optkit assessment\n\n");
    out.append("**").append(summary.findings()).append(" findings** in ").append(Formatting.count(summary.filesScanned()))
        .append(" files");
    if (summary.filesFailed() > 0) {
      out.append(" (").append(summary.filesFailed()).append(" not parsed)");
    }
    out.append(". Estimated savings if fixed: **").append(Formatting.count(total.callsSavedPerDay()))
        .append(" calls/day**, **").append(Formatting.duration(total.timeSavedMsPerDay())).append("/day** of waiting, **")
        .append(Formatting.usd(total.costSavedUsdPerDay())).append("/day**.\n\n");
    out.append("| Severity | ");
    summary.findingsBySeverity().keySet().forEach(k -> out.append(k).append(" | "));
    out.append("\n|---|");
    summary.findingsBySeverity().keySet().forEach(k -> out.append("---|"));
    out.append("\n| findings | ");
    summary.findingsBySeverity().values().forEach(v -> out.append(v).append(" | "));
    out.append("\n\n");
    scope(out, summary.scope());
    if (summary.suppressed() > 0) {
      out.append("Suppressed in code: ").append(summary.suppressed()).append(".\n\n");
    }
    List<Finding> findings = assessment.findings();
    if (findings.isEmpty()) {
      out.append("No findings.\n");
      return out.toString();
    }
    out.append("### Top findings by estimated savings\n\n");
    table(out, findings.subList(0, Math.min(TOP, findings.size())));
    out.append("\n<details>\n<summary>All ").append(findings.size()).append(" findings</summary>\n\n");
    table(out, findings);
    out.append("\n</details>\n");
    return out.toString();
  }

  private static void scope(StringBuilder out, Assessment.Scope scope) {
    if (scope == null) {
      return;
    }
    if (scope.baseline() != null) {
      out.append("Only findings new since the baseline are listed: ").append(scope.baselined())
          .append(" baselined, ").append(scope.baselineGone()).append(" baselined findings gone.\n\n");
    }
    if (scope.since() != null) {
      out.append("Only findings in code changed since ").append(code(scope.since())).append(" are listed (")
          .append(scope.outsideChanges()).append(" elsewhere left out).\n\n");
    }
  }

  private static void table(StringBuilder out, List<Finding> findings) {
    out.append("| # | Severity | Category | Where | Finding | Saves/day |\n|---|---|---|---|---|---|\n");
    int rank = 1;
    for (Finding finding : findings) {
      out.append("| ").append(rank++).append(" | ").append(finding.severity().id()).append(" | ")
          .append(finding.category().id()).append(" | ").append(code(Formatting.where(finding))).append(" | ")
          .append(cell(finding.message())).append(" | ")
          .append(finding.savings().timeSavedMsPerDay() > 0 ? Formatting.duration(finding.savings().timeSavedMsPerDay()) : "")
          .append(" |\n");
    }
  }

  /**
   * Text for a Markdown table cell or list item: control and bidirectional characters escaped
   * ({@link Printable}: a line break cannot end the row or forge a line), then {@code |} and {@code <}.
   */
  static String cell(String text) {
    // the backslash first: a\|b would otherwise end the cell at the pipe its escaped backslash leaves bare
    return Printable.escape(text).replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;");
  }

  /**
   * The fence of a code block holding {@code text}: a run of backticks longer than any in it (at
   * least three), so that no line of it (a text block's {@code ```}) closes the block early.
   */
  static String fenceFor(CharSequence text) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      run = text.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return "`".repeat(Math.max(3, longest + 1));
  }

  /** Text for a Markdown code span: as {@link #cell}, a backtick (which would end the span) as {@code '}. */
  static String code(String text) {
    return "`" + cell(text).replace('`', '\'') + "`";
  }

}
