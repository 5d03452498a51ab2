package dev.optkit.cli.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optkit.analyzers.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One report for many repositories ({@code optkit merge --org}): each repository's assessment (assess's JSON report)
 * summed, its findings ranked together, the savings by repository and by rule. Deterministic: the same reports give
 * the same bytes, whatever order they are given in. The reports are read as untrusted input: names and messages are
 * escaped by each writer, a report over {@link #MAX_BYTES} or not of optkit's JSON is refused.
 */
@JsonPropertyOrder({"schemaVersion", "kind", "totals", "repositories", "rules", "topFindings"})
public record OrgReport(int schemaVersion, String kind, Totals totals, List<Repository> repositories, List<Rule> rules,
    List<TopFinding> topFindings) {

  /** An assessment report is never read past this. */
  static final long MAX_BYTES = 256L << 20;

  /** What was saved, estimated per day, as assess's savings model sums it. */
  @JsonPropertyOrder({"callsSavedPerDay", "timeSavedMsPerDay", "costSavedUsdPerDay"})
  public record Savings(long callsSavedPerDay, long timeSavedMsPerDay, double costSavedUsdPerDay) {
    static final Savings NONE = new Savings(0, 0, 0);

    /**
     * The sum, the cost kept to assess's four decimal places (not rounded to the cent at each step).
     *
     * @throws ArithmeticException when no long holds it: no assessment optkit makes sums so high
     */
    Savings plus(Savings other) {
      return new Savings(Math.addExact(callsSavedPerDay, other.callsSavedPerDay),
          Math.addExact(timeSavedMsPerDay, other.timeSavedMsPerDay),
          java.math.BigDecimal.valueOf(costSavedUsdPerDay).add(java.math.BigDecimal.valueOf(other.costSavedUsdPerDay))
              .setScale(4, java.math.RoundingMode.HALF_UP).doubleValue());
    }

    static Savings of(JsonNode node) {
      return node == null || !node.isObject() ? NONE : new Savings(node.path("callsSavedPerDay").asLong(),
          node.path("timeSavedMsPerDay").asLong(), node.path("costSavedUsdPerDay").asDouble());
    }
  }

  @JsonPropertyOrder({"repositories", "findings", "findingsBySeverity", "savings"})
  public record Totals(int repositories, int findings, Map<String, Integer> findingsBySeverity, Savings savings) {}

  @JsonPropertyOrder({"name", "findings", "findingsBySeverity", "savings"})
  public record Repository(String name, int findings, Map<String, Integer> findingsBySeverity, Savings savings) {}

  @JsonPropertyOrder({"ruleId", "findings", "repositories", "savings"})
  public record Rule(String ruleId, int findings, int repositories, Savings savings) {}

  @JsonPropertyOrder({"repository", "ruleId", "severity", "path", "line", "method", "message", "savings"})
  public record TopFinding(String repository, String ruleId, String severity, String path, int line, String method,
      String message, Savings savings) {}

  /** One repository's report: its name and assess's JSON. */
  public record Input(String name, Path file) {}

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * The organisation's report of these repositories' assessments.
   *
   * @param top how many findings to rank across the repositories
   * @throws IOException naming the report that cannot be read or is no assessment of optkit's
   */
  public static OrgReport of(List<Input> inputs, int top) throws IOException {
    try {
      return summed(inputs, top);
    } catch (ArithmeticException e) {
      throw new IOException("the reports' savings sum past what a long holds: no assessment optkit makes says so much");
    }
  }

  private static OrgReport summed(List<Input> inputs, int top) throws IOException {
    Map<String, JsonNode> reports = new TreeMap<>();
    for (Input input : inputs) {
      if (reports.containsKey(input.name())) {
        throw new IOException("two reports are named " + input.name() + ": name them (NAME=FILE)");
      }
      reports.put(input.name(), read(input.file()));
    }
    List<Repository> repositories = new ArrayList<>();
    Map<String, Integer> severities = new TreeMap<>();
    Map<String, Rule> rules = new TreeMap<>();
    List<TopFinding> findings = new ArrayList<>();
    Savings all = Savings.NONE;
    int count = 0;
    for (Map.Entry<String, JsonNode> report : reports.entrySet()) {
      Map<String, Integer> bySeverity = new TreeMap<>();
      Map<String, Rule> ruleHere = new TreeMap<>();
      for (JsonNode finding : report.getValue().path("findings")) {
        String rule = finding.path("ruleId").asText();
        String severity = finding.path("severity").asText();
        Savings savings = Savings.of(finding.get("savings"));
        bySeverity.merge(severity, 1, Integer::sum);
        ruleHere.merge(rule, new Rule(rule, 1, 1, savings), (a, b) -> new Rule(rule, a.findings() + 1, 1,
            a.savings().plus(b.savings())));
        findings.add(new TopFinding(report.getKey(), rule, severity, finding.path("path").asText(),
            finding.path("line").asInt(), method(finding), finding.path("message").asText(), savings));
      }
      ruleHere.values().forEach(here -> rules.merge(here.ruleId(), here, (a, b) -> new Rule(a.ruleId(),
          a.findings() + b.findings(), a.repositories() + 1, a.savings().plus(b.savings()))));
      int total = bySeverity.values().stream().mapToInt(Integer::intValue).sum();
      bySeverity.forEach((severity, n) -> severities.merge(severity, n, Integer::sum));
      // the repository's own total, as assess sums it: a cacheable read restates its call sites' savings, and is left
      // out of it (the rules' sums below overlap as assess's categories do)
      Savings own = Savings.of(report.getValue().path("summary").get("totalSavings"));
      repositories.add(new Repository(report.getKey(), total, bySeverity, own));
      all = all.plus(own);
      count += total;
    }
    Comparator<Savings> largest = Comparator.comparingLong(Savings::timeSavedMsPerDay)
        .thenComparingDouble(Savings::costSavedUsdPerDay).reversed();
    repositories.sort(Comparator.comparing(Repository::savings, largest).thenComparing(Repository::name));
    List<Rule> byRule = new ArrayList<>(rules.values());
    byRule.sort(Comparator.comparing(Rule::savings, largest).thenComparing(Rule::ruleId));
    findings.sort(Comparator.comparing(TopFinding::savings, largest).thenComparing(TopFinding::repository)
        .thenComparing(TopFinding::path).thenComparingInt(TopFinding::line).thenComparing(TopFinding::ruleId));
    return new OrgReport(1, "organisation", new Totals(reports.size(), count, severities, all), repositories, byRule,
        List.copyOf(findings.subList(0, Math.min(top, findings.size()))));
  }

  private static String method(JsonNode finding) {
    String owner = finding.path("enclosingClass").asText("");
    String method = finding.path("enclosingMethod").asText("");
    return method.isEmpty() ? "" : owner.substring(owner.lastIndexOf('.') + 1) + "." + method;
  }

  private static JsonNode read(Path file) throws IOException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(file + ": not a regular file");
    }
    if (Files.size(file) > MAX_BYTES) {
      throw new IOException(file + ": larger than " + MAX_BYTES + " bytes");
    }
    JsonNode report;
    try {
      report = MAPPER.readTree(file.toFile());
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IOException(file + ": not JSON (give assess's --format json report)");
    }
    if (report == null || !"optkit".equals(report.path("tool").path("name").asText())
        || !report.path("schemaVersion").isInt() || report.path("schemaVersion").intValue() != 1
        || !report.path("findings").isArray()) {
      throw new IOException(file + ": not an assessment report of optkit's (assess --format json, schema 1)");
    }
    return report;
  }

  public String json() {
    try {
      return Json.prettyWriter(MAPPER).writeValueAsString(this) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public String markdown() {
    StringBuilder md = new StringBuilder("# optkit: the organisation's assessment\n\n");
    md.append(totals.repositories()).append(" repositories, ").append(totals.findings()).append(" findings; estimated ")
        .append(Formatting.duration(totals.savings().timeSavedMsPerDay())).append(" and ")
        .append(Formatting.usd(totals.savings().costSavedUsdPerDay())).append(" saved per day.\n\n");
    md.append("## By repository\n\n| repository | findings | time saved per day | cost saved per day |\n|---|---:|---:|---:|\n");
    repositories.forEach(r -> md.append("| ").append(MarkdownReport.cell(r.name())).append(" | ").append(r.findings())
        .append(" | ").append(Formatting.duration(r.savings().timeSavedMsPerDay())).append(" | ")
        .append(Formatting.usd(r.savings().costSavedUsdPerDay())).append(" |\n"));
    md.append("\n## By rule\n\n| rule | findings | repositories | time saved per day | cost saved per day |\n"
        + "|---|---:|---:|---:|---:|\n");
    rules.forEach(r -> md.append("| ").append(MarkdownReport.cell(r.ruleId())).append(" | ").append(r.findings())
        .append(" | ").append(r.repositories()).append(" | ").append(Formatting.duration(r.savings().timeSavedMsPerDay()))
        .append(" | ").append(Formatting.usd(r.savings().costSavedUsdPerDay())).append(" |\n"));
    md.append("\n## Top findings\n\n| repository | severity | rule | where | time saved per day |\n|---|---|---|---|---:|\n");
    topFindings.forEach(f -> md.append("| ").append(MarkdownReport.cell(f.repository())).append(" | ")
        .append(MarkdownReport.cell(f.severity())).append(" | ").append(MarkdownReport.cell(f.ruleId())).append(" | ")
        .append(MarkdownReport.cell(f.path() + ":" + f.line() + (f.method().isEmpty() ? "" : " " + f.method())))
        .append(" | ").append(Formatting.duration(f.savings().timeSavedMsPerDay())).append(" |\n"));
    return md.toString();
  }

  public String html() {
    Map<String, Long> byRepository = new LinkedHashMap<>();
    repositories.forEach(r -> byRepository.put(r.name(), r.savings().timeSavedMsPerDay()));
    Map<String, Long> byRule = new LinkedHashMap<>();
    rules.forEach(r -> byRule.put(r.ruleId(), r.savings().timeSavedMsPerDay()));
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>optkit: the organisation's assessment</title>\n<style>\n").append(HtmlStyle.BASE)
        .append(".charts{display:flex;gap:2rem;flex-wrap:wrap}.chart{flex:1;min-width:480px}\n</style></head><body>\n")
        .append("<h1>The organisation's assessment</h1>\n<div class=\"cards\">")
        .append(card("repositories", String.valueOf(totals.repositories())))
        .append(card("findings", String.valueOf(totals.findings())))
        .append(card("time saved per day", Formatting.duration(totals.savings().timeSavedMsPerDay())))
        .append(card("cost saved per day", Formatting.usd(totals.savings().costSavedUsdPerDay())))
        .append("</div>\n<div class=\"charts\">\n<div class=\"chart\"><h2>Estimated time saved by repository</h2>")
        .append(HtmlReport.chart(byRepository, "#0969da")).append("</div>\n<div class=\"chart\"><h2>Estimated time saved "
            + "by rule</h2>").append(HtmlReport.chart(byRule, "#1a7f37")).append("</div>\n</div>\n");
    html.append("<h2>Top findings</h2>\n<table><tr><th>repository</th><th>severity</th><th>rule</th><th>where</th>"
        + "<th class=\"num\">time saved per day</th></tr>\n");
    for (TopFinding f : topFindings) {
      html.append("<tr><td>").append(HtmlReport.escape(f.repository())).append("</td><td><span class=\"sev ")
          .append(HtmlReport.escape(f.severity())).append("\">").append(HtmlReport.escape(f.severity()))
          .append("</span></td><td>").append(HtmlReport.escape(f.ruleId())).append("</td><td><code>")
          .append(HtmlStyle.path(f.path() + ":" + f.line())).append("</code>")
          .append(f.method().isEmpty() ? "" : "<br/>" + HtmlReport.escape(f.method())).append("</td><td class=\"num\">")
          .append(Formatting.duration(f.savings().timeSavedMsPerDay())).append("</td></tr>\n");
    }
    return html.append("</table>\n</body></html>\n").toString();
  }

  private static String card(String label, String value) {
    return "<div class=\"card\"><b>" + HtmlReport.escape(value) + "</b>" + HtmlReport.escape(label) + "</div>";
  }

  /** The terminal's lines: the totals, then the repositories by time saved. */
  public String terminal() {
    StringBuilder text = new StringBuilder();
    text.append(totals.repositories()).append(" repositories, ").append(totals.findings()).append(" findings, estimated ")
        .append(Formatting.duration(totals.savings().timeSavedMsPerDay())).append(" and ")
        .append(Formatting.usd(totals.savings().costSavedUsdPerDay())).append(" saved per day\n");
    repositories.forEach(r -> text.append("  ").append(dev.optkit.analyzers.Printable.escape(r.name())).append(": ")
        .append(r.findings()).append(" findings, ").append(Formatting.duration(r.savings().timeSavedMsPerDay()))
        .append(" per day\n"));
    return text.toString();
  }
}
