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
  /** What a label of 12-pixel text holds in the chart's 310 pixels of labels. */
  static final int LABEL_CHARACTERS = 40;

  private HtmlReport() {}

  public static String render(Assessment assessment) {
    Assessment.Summary summary = assessment.summary();
    Savings total = summary.totalSavings();
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        .append("<title>optkit assessment</title>\n<style>\n")
        .append(HtmlStyle.BASE)
        .append(".charts{display:flex;gap:2rem;flex-wrap:wrap}.chart{flex:1;min-width:480px}\n")
        .append("col.rank{width:2.5rem}col.sev{width:6.5rem}col.cat{width:8rem}col.where{width:30%}col.saves{width:8rem}\n")
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
        .append("<div class=\"chart\"><h2>Estimated time saved by file</h2>").append(chart(fileLabels(byFile), "#1a7f37"))
        .append("</div>\n")
        .append("</div>\n");
    // fixed columns: a module's long path wraps in its own, and the savings stay in the window
    html.append("<h2>Findings, ranked by estimated savings</h2>\n<table id=\"findings\">\n")
        .append("<colgroup><col class=\"rank\"/><col class=\"sev\"/><col class=\"cat\"/><col class=\"where\"/><col/>")
        .append("<col class=\"saves\"/></colgroup>\n<thead><tr><th>#</th><th>Severity</th>")
        .append("<th>Category</th><th>Where</th><th>Finding</th><th>Saves per day</th></tr></thead>\n<tbody>\n");
    int rank = 1;
    for (Finding finding : assessment.findings()) {
      html.append("<tr><td>").append(rank++).append("</td><td><span class=\"sev ").append(finding.severity().id())
          .append("\">").append(finding.severity().id()).append("</span></td><td>").append(finding.category().id())
          .append("</td><td><code>").append(HtmlStyle.path(Formatting.where(finding))).append("</code><br/><span class=\"muted\">")
          .append(escape(Formatting.simpleName(finding.enclosingClass()) + "." + finding.enclosingMethod()))
          .append("</span></td><td>").append(escape(finding.message())).append("<pre>").append(escape(finding.snippet()))
          .append("</pre></td><td>")
          .append(finding.savings().timeSavedMsPerDay() > 0 ? Formatting.duration(finding.savings().timeSavedMsPerDay()) : "")
          .append(finding.savings().costSavedUsdPerDay() > 0 ? "<br/>" + Formatting.usd(finding.savings().costSavedUsdPerDay()) : "")
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n</body>\n</html>\n");
    return html.toString();
  }

  private static String card(String label, String value) {
    return "<div class=\"card\"><b>" + escape(value) + "</b><span class=\"muted\">" + escape(label) + "</span></div>";
  }

  /** A bar of a chart: its label, what its tooltip says in full (a file's whole path), its value. */
  record Bar(String label, String title, long value) {}

  /** A horizontal bar chart of the largest values, each labelled by its key, as inline SVG. */
  static String chart(Map<String, Long> values, String color) {
    return chart(values.entrySet().stream().map(e -> new Bar(e.getKey(), e.getKey(), e.getValue())).toList(), color);
  }

  /**
   * The files' bars, each labelled by its name and, where two of the bars shown have the same name (two modules'
   * {@code RemoteCatalogClient.java}), by the folder of its path that tells it from the others: a label cut from the
   * left showed the same end of both paths.
   */
  static List<Bar> fileLabels(Map<String, Long> byFile) {
    List<Map.Entry<String, Long>> shown = largest(new ArrayList<>(byFile.entrySet()));
    List<String> paths = shown.stream().map(Map.Entry::getKey).toList();
    List<Bar> bars = new ArrayList<>();
    for (Map.Entry<String, Long> entry : shown) {
      bars.add(new Bar(FileLabels.label(entry.getKey(), paths, LABEL_CHARACTERS), entry.getKey(), entry.getValue()));
    }
    return bars;
  }

  private static List<Map.Entry<String, Long>> largest(List<Map.Entry<String, Long>> entries) {
    List<Map.Entry<String, Long>> bars = new ArrayList<>(entries);
    bars.removeIf(e -> e.getValue() <= 0);
    bars.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    return bars.size() > CHART_BARS ? bars.subList(0, CHART_BARS) : bars;
  }

  /** A horizontal bar chart of the largest values, as inline SVG. */
  static String chart(List<Bar> values, String color) {
    List<Bar> bars = new ArrayList<>(values);
    bars.removeIf(b -> b.value() <= 0);
    bars.sort(java.util.Comparator.comparingLong(Bar::value).reversed().thenComparing(Bar::title));
    if (bars.size() > CHART_BARS) {
      bars = bars.subList(0, CHART_BARS);
    }
    if (bars.isEmpty()) {
      return "<p class=\"muted\">No estimated savings.</p>";
    }
    int rowHeight = 26;
    int labelWidth = 310;
    int barWidth = 250;
    long max = bars.get(0).value();
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\">",
        labelWidth + barWidth + 90, bars.size() * rowHeight + 4));
    int y = 2;
    for (Bar bar : bars) {
      int width = (int) Math.max(2, bar.value() * barWidth / max);
      String label = FileLabels.shortened(bar.label(), LABEL_CHARACTERS);
      svg.append(String.format(Locale.ROOT,
          "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">%s</text>"
              + "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>"
              + "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>",
          labelWidth - 6, y + 16, escape(label), labelWidth, y + 3, width, rowHeight - 8, color, escape(bar.title()),
          labelWidth + width + 6, y + 16, escape(Formatting.duration(bar.value()))));
      y += rowHeight;
    }
    return svg.append("</svg>").toString();
  }

  /** Text for an HTML page: control and bidirectional characters escaped ({@link Printable}), then HTML's own. */
  static String escape(String text) {
    return Printable.escape(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
