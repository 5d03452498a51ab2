package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optkit.cli.report.ValidationHtml;
import dev.optkit.cli.report.ValidationText;
import dev.optkit.validation.harness.HostResult;
import dev.optkit.validation.report.CallCosts;
import dev.optkit.validation.report.Criteria;
import dev.optkit.validation.report.ScenarioComparison;
import dev.optkit.validation.report.ScenarioReport;
import dev.optkit.validation.report.ValidationReport;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The reports on a multi-module project's long paths (cli/src/test/resources/multi-module-shop, made up for these
 * tests). A new user on a nine-module Spring Boot project found assess's terminal lines up to 622 characters long, the
 * HTML findings table wider than a 1,400-pixel window (its savings off screen), validate's terminal table without its
 * column names and migrate's HTML page a flat list of some 40 bullets. The pages are opened in headless Chromium at
 * 1,400 pixels where it is installed; their screenshots are left in cli/target/screenshots/ (docs/screenshots/ keeps
 * copies).
 */
class ReportsFitTheirWindowTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String FIXTURE = "multi-module-shop";
  @TempDir Path dir;

  @Test
  void theTerminalReportFitsAHundredColumnsAndKeepsEachFindingABlock() throws Exception {
    Path project = CliRun.repoRoot().resolve("cli/src/test/resources").resolve(FIXTURE);
    CliRun run = CliRun.of("assess", project.toString(), "--no-maven-repo", "--no-cache", "--top", "10");
    assertEquals(0, run.exitCode(), run.err());
    List<String> lines = run.out().lines().toList();
    for (String line : lines) {
      assertTrue(line.codePointCount(0, line.length()) <= 100, line.length() + " columns: " + line);
    }
    // blocks are separated by blank lines; each finding's lines are one block, under its number
    List<List<String>> blocks = new ArrayList<>();
    List<String> block = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank()) {
        if (!block.isEmpty()) {
          blocks.add(block);
        }
        block = new ArrayList<>();
      } else {
        block.add(line);
      }
    }
    List<List<String>> findings = blocks.stream().filter(b -> b.get(0).matches(" *\\d+\\. .*")).toList();
    assertEquals(10, findings.size(), run.out());
    for (List<String> finding : findings) {
      assertTrue(finding.subList(1, finding.size()).stream().allMatch(l -> l.startsWith("     ")), finding.toString());
    }
    // wrapped, not cut: every word of each message is there, in order
    JsonNode json = MAPPER.readTree(CliRun.of("assess", project.toString(), "--no-maven-repo", "--no-cache",
        "--format", "json").out());
    String printed = run.out().replaceAll("\\s+", "");
    for (JsonNode finding : json.get("findings")) {
      String message = finding.get("message").asText().replaceAll("\\s+", "");
      assertTrue(printed.contains(message), message);
    }
  }

  @Test
  void validatesTerminalTableNamesItsColumns() throws Exception {
    ValidationReport report = longNamedValidation();
    List<String> lines = ValidationText.terminal(report).lines().toList();
    int scenario = lines.indexOf("Scenario " + report.scenarios().get(0).scenario());
    assertTrue(scenario >= 0, lines.toString());
    assertEquals(List.of("figure", "original", "migrated"), List.of(lines.get(scenario + 1).strip().split("\\s+")),
        "the header row under the scenario's name");
    // its names end where the figures do, column by column
    String header = lines.get(scenario + 1);
    String firstRow = lines.get(scenario + 2);
    assertEquals(header.length(), firstRow.length(), header + "\n" + firstRow);
  }

  @Test
  void migratesPageHasTheAssessPagesStructure() throws Exception {
    Path project = SampleCheckout.fixture(dir, FIXTURE);
    Path page = dir.resolve("migrate.html");
    CliRun run = CliRun.of("migrate", project.toString(), "--no-maven-repo", "--format", "html", "--output",
        page.toString());
    assertEquals(0, run.exitCode(), run.err());
    CliRun json = CliRun.of("migrate", project.toString(), "--no-maven-repo", "--format", "json");
    JsonNode plan = MAPPER.readTree(json.out());
    Document html = xml(Files.readString(page));
    assertEquals("dry-run", byId(html, "outcome").getAttribute("data-outcome"));
    assertEquals(5, byId(html, "summary").getElementsByTagName("b").getLength(), "the summary's cards");
    Element made = byId(html, "made");
    assertEquals(plan.get("caches").size(), rows(made, "cache"), "a row per cache");
    assertEquals(plan.get("loops").size(), rows(made, "loop"), "a row per loop");
    assertTrue(plan.get("loops").size() > 0, json.out());
    Element refused = byId(html, "refused");
    NodeList refusals = refused.getElementsByTagName("tbody").item(0).getChildNodes();
    List<String> rules = new ArrayList<>();
    for (int i = 0; i < refusals.getLength(); i++) {
      if (refusals.item(i) instanceof Element row) {
        rules.add(row.getAttribute("data-rule"));
      }
    }
    assertEquals(plan.get("refusals").size(), rules.size(), "a row per refusal");
    assertTrue(rules.stream().allMatch(r -> r.equals("CacheableReadMethod") || r.equals("SequentialIoLoop")), rules.toString());
    assertEquals(plan.get("changes").size(), byId(html, "changes").getElementsByTagName("details").getLength(),
        "each change's diff");
  }

  @Test
  void everyPageFitsAWindowOf1400PixelsInChromium() throws Exception {
    Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    if (System.getenv("OPTKIT_REQUIRE_CHROMIUM") == null) {
      Assumptions.assumeTrue(Files.isExecutable(chromium), "chromium not installed");
    }
    Path project = SampleCheckout.fixture(dir, FIXTURE);
    Path assess = dir.resolve("assess.html");
    assertEquals(0, CliRun.of("assess", project.toString(), "--no-maven-repo", "--no-cache", "--format", "html",
        "--output", assess.toString()).exitCode());
    Path migrate = dir.resolve("migrate.html");
    assertEquals(0, CliRun.of("migrate", project.toString(), "--no-maven-repo", "--format", "html", "--output",
        migrate.toString()).exitCode());
    Path validate = dir.resolve("validate.html");
    Files.writeString(validate, ValidationHtml.render(longNamedValidation()));
    Path shots = CliRun.repoRoot().resolve("cli/target/screenshots");
    Files.createDirectories(shots);
    for (Path page : List.of(assess, migrate, validate)) {
      String name = page.getFileName().toString().replace(".html", "");
      // a copy that says how wide its content is: wider than the window, something is off screen
      Path measured = dir.resolve(name + "-measured.html");
      Files.writeString(measured, Files.readString(page).replace("</body>", "<script>document.body.setAttribute("
          + "'data-scroll-width', document.documentElement.scrollWidth)</script></body>"));
      String dom = chromium(chromium, "--dump-dom", measured);
      int at = dom.indexOf("data-scroll-width=\"");
      assertTrue(at >= 0, name + ": not measured: " + dom.substring(0, Math.min(300, dom.length())));
      int width = Integer.parseInt(dom.substring(at + 19, dom.indexOf('"', at + 19)));
      assertTrue(width <= 1400, name + " is " + width + " pixels wide in a 1,400-pixel window");
      Path shot = shots.resolve(name + ".png");
      Files.deleteIfExists(shot);
      chromium(chromium, "--screenshot=" + shot, page);
      assertTrue(Files.size(shot) > 10_000, name + ": no screenshot");
    }
  }

  private String chromium(Path chromium, String what, Path page) throws Exception {
    Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + dir.resolve("profile"),
        "--window-size=1400,1000", what, page.toUri().toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
    return output;
  }

  /** validate's report of one scenario whose names are a multi-module project's. */
  private ValidationReport longNamedValidation() throws Exception {
    String site = "com.example.account.client.RemoteCatalogClient.fetchRegionalComplianceDescriptionForCatalogueEntry";
    String original = ValidateReportTest.ORIGINAL.replace("PricingClient.getExchangeRate", site);
    String migrated = ValidateReportTest.MIGRATED.replace("PricingClient.getExchangeRate", site);
    Path before = dir.resolve("before.tsv");
    Path after = dir.resolve("after.tsv");
    String answers = "R\t0\tdescribeEveryCatalogueEntryForTheMonthlyRegulatoryStatement(ACC-0001)\tok\n";
    Files.writeString(before, answers);
    Files.writeString(after, answers);
    ScenarioReport s = ScenarioComparison.compare("account-service-monthly-regulatory-statement-every-catalogue-entry",
        MAPPER.readValue(original, HostResult.class), MAPPER.readValue(migrated, HostResult.class), before, after,
        CallCosts.defaults());
    return ValidationReport.completed(ValidateReportTest.context(), CallCosts.defaults(), "20260101-000000-aaaaaa",
        "services/account-service/src/test/resources/optkit/workload-monthly-regulatory-statement.yaml", false, true,
        List.of(s), ScenarioComparison.check(s, Criteria.defaults()));
  }

  private static Document xml(String page) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)));
  }

  private static Element byId(Document html, String id) {
    NodeList all = html.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      Element element = (Element) all.item(i);
      if (id.equals(element.getAttribute("id"))) {
        return element;
      }
    }
    throw new AssertionError("no #" + id);
  }

  private static int rows(Element table, String kind) {
    NodeList rows = table.getElementsByTagName("tr");
    int count = 0;
    for (int i = 0; i < rows.getLength(); i++) {
      if (kind.equals(((Element) rows.item(i)).getAttribute("class"))) {
        count++;
      }
    }
    return count;
  }
}
