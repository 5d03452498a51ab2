package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two sibling modules given as assess's paths: the findings' paths are relative to their common folder, and migrate's
 * planner, which decides each finding's fixable verdict, resolves them from there. (From the first path, it read
 * {@code module/module/src/...}, failed, and made nothing fixable: seen on two of guacamole-client's modules.)
 */
class SiblingRootsPlannedTest {
  @TempDir Path dir;

  @Test
  void everyCacheableReadOfTwoSiblingPathsGetsThePlannersVerdict() throws Exception {
    Path report = dir.resolve("report.json");
    Path samples = CliRun.repoRoot().resolve("samples");
    CliRun run = CliRun.of("assess", samples.resolve("spring-service").toString(),
        samples.resolve("plain-java-service").toString(), "--no-cache", "--offline", "--format", "json",
        "-o", report.toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    int reads = 0;
    for (JsonNode finding : new ObjectMapper().readTree(Files.readString(report)).path("findings")) {
      if (finding.path("ruleId").asText().equals("CacheableReadMethod")) {
        reads++;
        // a planner that ran either plans the method (fixable) or names the proof refusing it; a failed one does neither
        assertTrue(finding.path("fixable").asBoolean() || finding.hasNonNull("refusalId"), finding.toString());
      }
    }
    assertTrue(reads > 0);
  }
}
