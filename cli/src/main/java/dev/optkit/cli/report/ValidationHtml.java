package dev.optkit.cli.report;

import static dev.optkit.cli.report.HtmlReport.escape;

import dev.optkit.validation.harness.HostResult;
import dev.optkit.validation.report.CriterionResult;
import dev.optkit.validation.report.ScenarioReport;
import dev.optkit.validation.report.ValidationReport;
import java.util.List;
import java.util.function.Function;

/**
 * validate's report as one self-contained HTML page (assess's style, {@link HtmlReport}): the verdict,
 * what was compared and how, every criterion, and per scenario its figures and its latency
 * distribution before and after ({@link LatencyChart}). No scripts, fonts or images from anywhere;
 * every text from the report is escaped, scenario names and answers included.
 */
public final class ValidationHtml {
  private ValidationHtml() {}

  public static String render(ValidationReport report) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        .append("<title>optkit validate</title>\n<style>\n")
        .append(HtmlStyle.BASE)
        .append(".verdict{font-size:1.3rem;font-weight:600;padding:.6rem 1rem;border-radius:8px;margin:1rem 0}\n")
        .append(".measured{background:#ddf4ff;color:#0a3069}\n")
        .append("table.facts th{width:12rem}table.figures col.figure{width:40%}\n")
        .append(".charts{display:flex;gap:2rem;flex-wrap:wrap}\n")
        .append("</style>\n</head>\n<body>\n<h1>optkit validate</h1>\n");
    html.append("<div class=\"verdict ").append(verdictClass(report)).append("\">").append(escape(verdict(report)))
        .append("</div>\n");
    facts(html, report);
    if (report.runFailed()) {
      return html.append("</body>\n</html>\n").toString();
    }
    if (!report.callsCounted()) {
      html.append("<p class=\"muted\">Downstream calls were not counted: the call-counting agent jar was not found.</p>\n");
    }
    if (!report.baselineOnly()) {
      criteria(html, report);
    }
    for (ScenarioReport s : report.scenarios()) {
      scenario(html, s, report.baselineOnly());
    }
    return html.append("</body>\n</html>\n").toString();
  }

  private static String verdict(ValidationReport report) {
    if (report.runFailed()) {
      return "RUN FAILED: " + RunDescription.field(report.cause());
    }
    if (report.baselineOnly()) {
      return "MEASURED: the current code alone, nothing compared, no criteria checked";
    }
    return ValidationText.verdictLine(report);
  }

  private static String verdictClass(ValidationReport report) {
    return report.runFailed() ? "fail" : report.baselineOnly() ? "measured" : !report.passed() ? "fail"
        : report.inconclusive() ? "measured" : "pass";
  }

  private static void facts(StringBuilder html, ValidationReport report) {
    html.append("<table class=\"facts\">\n");
    fact(html, "Run", report.runId());
    fact(html, "Workload", report.workload());
    RunDescription.of(report).forEach((label, text) -> fact(html, label, text));
    html.append("</table>\n");
  }

  private static void fact(StringBuilder html, String label, String value) {
    if (value != null) {
      html.append("<tr><th>").append(escape(label)).append("</th><td>").append(escape(value)).append("</td></tr>\n");
    }
  }

  private static void criteria(StringBuilder html, ValidationReport report) {
    html.append("<h2>Criteria</h2>\n<table class=\"criteria\">\n<colgroup><col style=\"width:18%\"/>")
        .append("<col style=\"width:32%\"/><col style=\"width:18%\"/><col style=\"width:24%\"/><col style=\"width:8%\"/>")
        .append("</colgroup>\n<thead><tr><th>Scenario</th><th>Criterion</th><th>Required</th>")
        .append("<th>Measured</th><th></th></tr></thead>\n<tbody>\n");
    for (CriterionResult c : report.criteria()) {
      html.append("<tr><td>").append(escape(c.scenario())).append("</td><td>").append(escape(c.criterion()))
          .append("</td><td>").append(escape(c.required())).append("</td><td>").append(escape(c.measured()))
          .append("</td><td class=\"").append(c.passed() ? "pass\">pass" : c.inconclusive() ? "muted\">inconclusive" : "fail\">FAIL").append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n");
    if (ValidationText.speedupUnchecked(report)) {
      html.append("<p class=\"muted\">Cached read speedup not checked: run without --no-bench to measure it.</p>\n");
    }
  }

  private static void scenario(StringBuilder html, ScenarioReport s, boolean baselineOnly) {
    html.append("<h2>Scenario ").append(escape(s.scenario())).append("</h2>\n<table class=\"figures\">\n")
        .append("<colgroup><col class=\"figure\"/><col/><col/></colgroup>\n<thead><tr><th></th><th>")
        .append(s.original() == null ? "" : "original").append("</th><th>").append(s.measuredSide().label())
        .append("</th></tr></thead>\n<tbody>\n");
    for (ScenarioFigures.Row row : ScenarioFigures.rows(s)) {
      html.append("<tr><td>").append(escape(row.name())).append("</td><td class=\"num\">").append(escape(row.original()))
          .append("</td><td class=\"num\">").append(escape(row.migrated())).append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n<ul>\n");
    for (String note : ScenarioFigures.noteTexts(s)) {
      html.append("<li>").append(escape(note)).append("</li>\n");
    }
    html.append("</ul>\n<div class=\"charts\">\n");
    chart(html, "Read latency under JMH (sample time)", s, baselineOnly, r -> LatencyChart.points(r.bench()));
    chart(html, "Latency under load", s, baselineOnly, r -> LatencyChart.points(r.load()));
    html.append("</div>\n");
  }

  private static void chart(StringBuilder html, String title, ScenarioReport s, boolean baselineOnly,
      Function<HostResult, List<LatencyChart.Point>> figures) {
    List<LatencyChart.Point> before = s.original() == null ? null : figures.apply(s.original());
    List<LatencyChart.Point> after = s.migrated() == null ? List.of() : figures.apply(s.migrated());
    String svg = LatencyChart.svg(s.scenario() + ": " + title, LatencyChart.beforeAfter(before, after, baselineOnly));
    if (!svg.isEmpty()) {
      html.append("<div><h3>").append(escape(title)).append("</h3>\n").append(svg).append("\n</div>\n");
    }
  }
}
