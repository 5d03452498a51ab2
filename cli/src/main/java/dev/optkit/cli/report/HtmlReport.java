package dev.optkit.cli.report;

import dev.optkit.analyzers.Assessment;
import dev.optkit.analyzers.Printable;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.findings.Savings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One self-contained HTML file: totals, charts of estimated time saved by rule and by file (inline
 * SVG), and the ranked findings with their code. No scripts, fonts or images from the network.
 */
public final class HtmlReport {
  private static final int CHART_BARS = 10;

  private HtmlReport() {}

  public static String render(Assessment assessment) {
    Assessment.Summary summary = assessment.summary();
    Savings total = summary.totalSavings();
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>optkit assessment</title>\n<style>\n")
        .append("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem;color:#1f2328;max-width:1200px}\n")
        .append("h1{margin-bottom:.2rem}.muted{color:#59636e}\n")
        .append(".cards{display:flex;gap:1rem;margin:1.2rem 0}.card{border:1px solid #d1d9e0;border-radius:8px;padding:.8rem 1.2rem;min-width:10rem}\n")
        .append(".card b{display:block;font-size:1.6rem}\n")
        .append(".charts{display:flex;gap:2rem;flex-wrap:wrap}.chart{flex:1;min-width:480px}\n")
        .append("table{border-collapse:collapse;width:100%;margin-top:1rem}th,td{border-bottom:1px solid #d1d9e0;padding:.45rem;text-align:left;vertical-align:top}\n")
        .append("th{background:#f6f8fa}code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem}\n")
        .append("pre{background:#f6f8fa;padding:.4rem;margin:.3rem 0 0;white-space:pre-wrap;word-break:break-all}\n")
        .append(".sev{font-weight:600;padding:.1rem .4rem;border-radius:4px;font-size:.8rem}\n")
        .append(".high{background:#ffebe9;color:#a40e26}.medium{background:#fff8c5;color:#7d4e00}.low,.info{background:#eef1f4;color:#424a53}\n")
        .append("</style>\n</head>\n<body>\n");
    html.append("<h1>optkit assessment</h1>\n<p class=\"muted\">").append(summary.findings()).append(" findings in ")
        .append(Formatting.count(summary.filesScanned())).append(" files, ").append(Formatting.count(summary.linesScanned()))
        .append(" lines").append(summary.filesFailed() > 0 ? ", " + summary.filesFailed() + " not parsed" : "")
        .append(". Savings are estimates from the assumptions in .optkit.yml.</p>\n");
    html.append("<div class=\"cards\">")
        .append(card("time saved per day", Formatting.duration(total.timeSavedMsPerDay())))
        .append(card("calls saved per day", Formatting.count(total.callsSavedPerDay())))
        .append(card("cost saved per day", Formatting.usd(total.costSavedUsdPerDay())))
        .append(card("high-severity findings", String.valueOf(summary.findingsBySeverity().getOrDefault("high", 0))))
        .append("</div>\n");
    Map<String, Long> byRule = new LinkedHashMap<>();
    Map<String, Long> byFile = new LinkedHashMap<>();
    for (Finding finding : assessment.findings()) {
      byRule.merge(finding.ruleId(), finding.savings().timeSavedMsPerDay(), Long::sum);
      byFile.merge(finding.path(), finding.savings().timeSavedMsPerDay(), Long::sum);
    }
    html.append("<div class=\"charts\">\n")
        .append("<div class=\"chart\"><h2>Estimated time saved by rule</h2>").append(chart(byRule, "#0969da")).append("</div>\n")
        .append("<div class=\"chart\"><h2>Estimated time saved by file</h2>").append(chart(byFile, "#1a7f37")).append("</div>\n")
        .append("</div>\n");
    html.append("<h2>Findings, ranked by estimated savings</h2>\n<table>\n<thead><tr><th>#</th><th>Severity</th>")
        .append("<th>Category</th><th>Where</th><th>Finding</th><th>Saves per day</th></tr></thead>\n<tbody>\n");
    int rank = 1;
    for (Finding finding : assessment.findings()) {
      html.append("<tr><td>").append(rank++).append("</td><td><span class=\"sev ").append(finding.severity().id())
          .append("\">").append(finding.severity().id()).append("</span></td><td>").append(finding.category().id())
          .append("</td><td><code>").append(escape(Formatting.where(finding))).append("</code><br><span class=\"muted\">")
          .append(escape(Formatting.simpleName(finding.enclosingClass()) + "." + finding.enclosingMethod()))
          .append("</span></td><td>").append(escape(finding.message())).append("<pre>").append(escape(finding.snippet()))
          .append("</pre></td><td>")
          .append(finding.savings().timeSavedMsPerDay() > 0 ? Formatting.duration(finding.savings().timeSavedMsPerDay()) : "")
          .append(finding.savings().costSavedUsdPerDay() > 0 ? "<br>" + Formatting.usd(finding.savings().costSavedUsdPerDay()) : "")
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n</body>\n</html>\n");
    return html.toString();
  }

  private static String card(String label, String value) {
    return "<div class=\"card\"><b>" + escape(value) + "</b><span class=\"muted\">" + escape(label) + "</span></div>";
  }

  /** A horizontal bar chart of the largest values, as inline SVG. */
  static String chart(Map<String, Long> values, String color) {
    List<Map.Entry<String, Long>> bars = new ArrayList<>(values.entrySet());
    bars.removeIf(e -> e.getValue() <= 0);
    bars.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    if (bars.size() > CHART_BARS) {
      bars = bars.subList(0, CHART_BARS);
    }
    if (bars.isEmpty()) {
      return "<p class=\"muted\">No estimated savings.</p>";
    }
    int rowHeight = 26;
    int labelWidth = 260;
    int barWidth = 300;
    long max = bars.get(0).getValue();
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\">",
        labelWidth + barWidth + 90, bars.size() * rowHeight + 4));
    int y = 2;
    for (Map.Entry<String, Long> bar : bars) {
      int width = (int) Math.max(2, bar.getValue() * barWidth / max);
      String label = bar.getKey().length() > 38 ? "..." + bar.getKey().substring(bar.getKey().length() - 35) : bar.getKey();
      svg.append(String.format(Locale.ROOT,
          "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">%s</text>"
              + "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>"
              + "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>",
          labelWidth - 6, y + 16, escape(label), labelWidth, y + 3, width, rowHeight - 8, color, escape(bar.getKey()),
          labelWidth + width + 6, y + 16, escape(Formatting.duration(bar.getValue()))));
      y += rowHeight;
    }
    return svg.append("</svg>").toString();
  }

  /** Text for an HTML page: control and bidirectional characters escaped ({@link Printable}), then HTML's own. */
  static String escape(String text) {
    return Printable.escape(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
