package dev.optkit.cli.report;

import dev.optkit.analyzers.Printable;
import dev.optkit.validation.report.CriterionResult;
import dev.optkit.validation.report.ScenarioReport;
import dev.optkit.validation.report.ValidationReport;
import java.util.Locale;

/**
 * validate's report for the terminal and as Markdown (a pull-request comment); the HTML page is
 * {@link ValidationHtml}, the history of earlier runs {@link ValidationHistory}.
 */
public final class ValidationText {
  private ValidationText() {
  }

  /** A scenario's figures on the terminal, and their header row: name, original, migrated (or current). */
  static final String FIGURES = "  %-42s %26s %26s%n";
  private static final String RESET = "\u001b[0m";
  private static final String RED = "\u001b[31m";
  private static final String YELLOW = "\u001b[33m";
  private static final String GREEN = "\u001b[32m";

  public static String terminal(ValidationReport report) {
    return terminal(report, false);
  }

  /** The terminal report; with {@code color}, each criterion's mark and the verdict green, yellow or red. */
  public static String terminal(ValidationReport report, boolean color) {
    return render(report, false, color);
  }

  public static String markdown(ValidationReport report) {
    return render(report, true, false);
  }

  /** Text from the report (scenario names, notes, figures): a Markdown cell, or escaped for the terminal. */
  private static String text(boolean md, String text) {
    String shown = String.valueOf(text);
    return md ? MarkdownReport.cell(shown) : Printable.escape(shown);
  }

  private static String paint(boolean color, String colour, String text) {
    return color ? colour + text + RESET : text;
  }

  private static String render(ValidationReport report, boolean md, boolean color) {
    StringBuilder out = new StringBuilder();
    out.append(md ? "# optkit validate\n\n" : "optkit validate\n\n");
    var description = RunDescription.of(report);
    description.forEach((label, text) -> out.append(md ? "- **" + label + "**: " + text : label + ": " + text)
        .append('\n'));
    out.append(description.isEmpty() ? "" : "\n");
    if (report.runFailed()) {
      return out.append(paint(color, RED, "RUN FAILED: ")).append(RunDescription.field(report.cause())).append('\n')
          .toString();
    }
    if (!report.callsCounted()) {
      out.append("Downstream calls were not counted: the call-counting agent jar was not found.\n\n");
    }
    for (ScenarioReport s : report.scenarios()) {
      out.append(md ? "## " : "Scenario ").append(text(md, s.scenario())).append(md ? "\n\n" : "\n");
      // the columns named as the HTML page names them: the current code alone has no original
      String original = s.original() == null ? "" : "original";
      String migrated = s.measuredSide().label();
      out.append(md ? "| | " + original + " | " + migrated + " |\n|---|---|---|\n"
          : String.format(Locale.ROOT, FIGURES, "figure", original, migrated));
      for (ScenarioFigures.Row row : ScenarioFigures.rows(s)) {
        out.append(md ? "| " + text(md, row.name()) + " | " + text(md, row.original()) + " | " + text(md, row.migrated())
            + " |\n" : String.format(Locale.ROOT, FIGURES, text(md, row.name()), text(md, row.original()),
            text(md, row.migrated())));
      }
      out.append(md ? "\n" : "");
      for (String note : ScenarioFigures.noteTexts(s)) {
        out.append(md ? "- " : "  ").append(text(md, note)).append('\n');
      }
      out.append("\n");
    }
    if (report.baselineOnly()) {
      out.append("Baseline only: nothing to compare, no criteria checked.\n");
      return out.toString();
    }
    out.append(md ? "## Criteria\n\n| scenario | criterion | required | measured | |\n|---|---|---|---|---|\n" : "Criteria\n");
    for (CriterionResult c : report.criteria()) {
      if (md) {
        out.append("| ").append(text(md, c.scenario())).append(" | ").append(text(md, c.criterion())).append(" | ")
            .append(text(md, c.required())).append(" | ").append(text(md, c.measured())).append(" | ")
            .append(c.passed() ? "pass" : c.inconclusive() ? "*inconclusive*" : "**FAIL**").append(" |\n");
      } else {
        // a run of several scenarios has their criteria one after another: each says whose it is
        String mark = String.format(Locale.ROOT, "%-4s", c.passed() ? "ok" : c.inconclusive() ? "??" : "FAIL");
        out.append(String.format(Locale.ROOT, "  %s %s%s: %s (required %s)%n",
            paint(color, c.passed() ? GREEN : c.inconclusive() ? YELLOW : RED, mark),
            report.scenarios().size() > 1 ? text(md, c.scenario()) + ": " : "", text(md, c.criterion()),
            text(md, c.measured()), text(md, c.required())));
      }
    }
    if (speedupUnchecked(report)) {
      out.append(md ? "\n" : "").append("  (speedup not checked: run without --no-bench to measure it)\n");
    }
    out.append(md ? "\n" : "").append(paint(color, !report.passed() ? RED : report.inconclusive() ? YELLOW : GREEN,
        verdictLine(report))).append('\n');
    return out.toString();
  }

  /** The verdict with its reason, one line: every format ends with it. */
  static String verdictLine(ValidationReport report) {
    if (!report.passed()) {
      return "FAILED: " + report.failures().size() + " criterion/criteria missed";
    }
    return report.inconclusive() ? "INCONCLUSIVE: nothing failed, but " + report.undecided().size()
        + " criterion/criteria could not be decided on this machine (marked ??); more forks or a quieter machine "
        + "decide it, and --strict fails on it" : "PASSED: every criterion holds";
  }

  static boolean speedupUnchecked(ValidationReport report) {
    return report.scenarios().stream().anyMatch(s -> s.migrated().bench() == null);
  }
}
