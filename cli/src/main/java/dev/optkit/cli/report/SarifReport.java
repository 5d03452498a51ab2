package dev.optkit.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.optkit.analyzers.Assessment;
import dev.optkit.analyzers.io.Json;
import dev.optkit.analyzers.facts.ParseProblem;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.findings.Severity;
import dev.optkit.analyzers.rules.Rule;
import dev.optkit.analyzers.rules.RuleInfo;
import dev.optkit.analyzers.rules.Rules;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF consumers: one run, every rule with its
 * metadata, repository-relative URIs under {@code %SRCROOT%}, and the stable fingerprint as a
 * partial fingerprint so the same finding is recognised across commits.
 */
public final class SarifReport {
  public static final String FINGERPRINT_KEY = "optkitFingerprint/v1";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** Where each rule is explained. */
  static final String RULES_DOC = "https://github.com/optkit/optkit/blob/main/docs/rules.md#what-each-rule-finds";

  private SarifReport() {}

  public static String render(Assessment assessment) {
    return render(assessment, null);
  }

  /**
   * The assessment as one run, whatever the number of roots it read: GitHub code scanning rejects a file with several
   * runs of one tool and category (since July 2025).
   *
   * @param category the run's category ({@code --sarif-category}), written as {@code automationDetails.id}
   *     {@code "category/"}: GitHub takes what comes before the last slash as the category, and nothing after it
   *     names a run of its own; null writes no automation details (the upload's {@code category} decides)
   */
  public static String render(Assessment assessment, String category) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    if (category != null) {
      run.putObject("automationDetails").put("id", automationId(category));
    }
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "optkit");
    driver.put("version", assessment.tool().version());
    driver.put("informationUri", "https://github.com/optkit/optkit");
    ArrayNode rules = driver.putArray("rules");
    Map<String, Integer> ruleIndex = new HashMap<>();
    List<Rule> all = Rules.all();
    for (int i = 0; i < all.size(); i++) {
      RuleInfo info = all.get(i).info();
      ruleIndex.put(info.id(), i);
      ObjectNode rule = rules.addObject();
      rule.put("id", info.id());
      rule.put("name", info.id());
      rule.putObject("shortDescription").put("text", info.summary());
      rule.putObject("fullDescription").put("text", info.description());
      // GitHub code scanning links a result's rule here: what the rule finds and what its refusals mean
      rule.put("helpUri", RULES_DOC);
      ObjectNode help = rule.putObject("help");
      help.put("text", info.remediation());
      help.put("markdown", "**" + info.title() + "**\n\n" + info.description() + "\n\n**Remedy:** " + info.remediation());
      rule.putObject("defaultConfiguration").put("level", level(info.severity()));
      ObjectNode properties = rule.putObject("properties");
      properties.put("category", info.category().id());
      properties.putArray("tags").add("performance").add(info.category().id());
    }
    run.putObject("originalUriBaseIds").putObject("%SRCROOT%").putObject("description")
        .put("text", "The scanned root directory.");
    ArrayNode results = run.putArray("results");
    for (Finding finding : assessment.findings()) {
      ObjectNode result = results.addObject();
      result.put("ruleId", finding.ruleId());
      result.put("ruleIndex", ruleIndex.getOrDefault(finding.ruleId(), 0));
      result.put("level", level(finding.severity()));
      result.putObject("message").put("text", finding.message());
      ObjectNode location = result.putArray("locations").addObject();
      ObjectNode physical = location.putObject("physicalLocation");
      ObjectNode artifact = physical.putObject("artifactLocation");
      artifact.put("uri", finding.path());
      artifact.put("uriBaseId", "%SRCROOT%");
      ObjectNode region = physical.putObject("region");
      region.put("startLine", Math.max(1, finding.line()));
      region.put("startColumn", Math.max(1, finding.column()));
      region.put("endLine", Math.max(finding.line(), finding.endLine()));
      region.put("endColumn", Math.max(1, finding.endColumn() + 1));
      region.putObject("snippet").put("text", finding.snippet());
      if (finding.enclosingClass() != null) {
        ObjectNode logical = location.putArray("logicalLocations").addObject();
        logical.put("fullyQualifiedName", finding.enclosingClass() + "#" + finding.enclosingMethod());
        logical.put("kind", "function");
      }
      result.putObject("partialFingerprints").put(FINGERPRINT_KEY, finding.fingerprint());
      ObjectNode properties = result.putObject("properties");
      properties.put("category", finding.category().id());
      properties.put("severity", finding.severity().id());
      properties.put("confidence", finding.confidence().id());
      properties.put("fixable", finding.fixable());
      if (finding.refusalId() != null) {
        properties.put("refusalId", finding.refusalId()); // the proof migrate refuses it by (docs/rules.md)
      }
      properties.put("timeSavedMsPerDay", finding.savings().timeSavedMsPerDay());
      properties.put("callsSavedPerDay", finding.savings().callsSavedPerDay());
      properties.put("costSavedUsdPerDay", finding.savings().costSavedUsdPerDay());
      if (finding.details().get("basis") instanceof String basis) {
        properties.put("basis", basis); // how a site the catalogue does not name was established
      }
    }
    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", true);
    ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
    List<ParseProblem> warnings = assessment.warnings();
    for (int i = 0; i < warnings.size(); i++) {
      ParseProblem problem = warnings.get(i);
      ObjectNode notification = notifications.addObject();
      notification.put("level", "warning");
      // the files that failed come first (Assessor); the rest are about the build, the caches, the configuration
      notification.putObject("message").put("text", (i < assessment.summary().filesFailed() ? "not analysed: " : "")
          + problem.message());
      if (problem.path() == null || problem.path().isBlank()) {
        continue; // about the run, no file: a notification needs no location
      }
      ObjectNode physical = notification.putArray("locations").addObject().putObject("physicalLocation");
      physical.putObject("artifactLocation").put("uri", problem.path()).put("uriBaseId", "%SRCROOT%");
      if (problem.line() > 0) {
        physical.putObject("region").put("startLine", problem.line()).put("startColumn", Math.max(1, problem.column()));
      }
    }
    try {
      return Json.prettyWriter(MAPPER).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write SARIF", e);
    }
  }

  /** GitHub's convention: the category, then a slash ending it ({@code optkit/api/}). */
  static String automationId(String category) {
    return category.endsWith("/") ? category : category + "/";
  }

  static String level(Severity severity) {
    return switch (severity) {
      case HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "note";
    };
  }
}
