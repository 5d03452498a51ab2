package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optkit.analyzers.proof.Proof;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refusal carries the id of the proof that did not hold wherever it is reported: migrate's JSON beside the lines it
 * always had, assess's JSON and SARIF beside the note. On a bundled sample whose reads and loops migrate refuses.
 */
class RefusalIdsInReportsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void migratesJsonGivesEachRefusalItsProofBesideItsLine() throws Exception {
    Path project = SampleCheckout.fixture(dir, "multi-module-shop");
    CliRun run = CliRun.of("migrate", project.toString(), "--no-maven-repo", "--format", "json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode plan = MAPPER.readTree(run.out());
    JsonNode lines = plan.get("refusals");
    JsonNode refused = plan.get("refused");
    assertTrue(lines.size() > 0, run.out());
    assertEquals(lines.size(), refused.size(), "an object per refusal line");
    for (int i = 0; i < lines.size(); i++) {
      JsonNode entry = refused.get(i);
      Proof proof = Proof.byId(entry.get("id").asText()).orElseThrow(() -> new AssertionError(entry.toString()));
      assertEquals(proof.stage().id(), entry.get("stage").asText());
      // the line it always printed is the method and the same reason
      assertEquals(entry.get("method").asText() + ": " + entry.get("reason").asText(), lines.get(i).asText());
    }
  }

  /**
   * A refusal resting on other methods names them as facts beside its words: the outer cache an inner read is left to
   * is one of the plan's caches, and each writer that cannot evict is a method of the project declared where the fact
   * says.
   */
  @Test
  void refusalsNameTheMethodsTheyRestOnAsFacts() throws Exception {
    Path project = SampleCheckout.create(dir, "spring-service");
    JsonNode plan = MAPPER.readTree(CliRun.of("migrate", project.toString(), "--no-maven-repo", "--format", "json")
        .out());
    List<String> caches = new ArrayList<>();
    plan.get("caches").forEach(cache -> caches.add(cache.get("method").asText()));
    List<String> roles = new ArrayList<>();
    for (JsonNode refusal : plan.get("refused")) {
      for (JsonNode fact : refusal.path("facts")) {
        String role = fact.get("role").asText();
        roles.add(refusal.get("id").asText() + " " + role);
        String type = fact.get("type").asText();
        String simple = type.substring(type.lastIndexOf('.') + 1);
        if (role.equals("outer-cache")) {
          assertTrue(caches.contains(simple + "." + fact.get("method").asText()), fact + " in " + caches);
        }
        List<String> lines = java.nio.file.Files.readAllLines(project.resolve(fact.get("path").asText()));
        // its declaration begins there, with its annotations
        int line = fact.get("line").asInt();
        assertTrue(lines.subList(line - 1, Math.min(lines.size(), line + 4)).stream()
            .anyMatch(text -> text.contains(" " + fact.get("method").asText() + "(")), fact.toString());
      }
    }
    assertTrue(roles.contains("cache.outer-level-cached outer-cache"), roles.toString());
    assertTrue(roles.contains("cache.writer-cannot-evict writer"), roles.toString());
  }

  @Test
  void theTerminalsRefusalLinesEndWithTheProofsId() throws Exception {
    Path project = SampleCheckout.fixture(dir, "multi-module-shop");
    JsonNode refused = MAPPER.readTree(CliRun.of("migrate", project.toString(), "--no-maven-repo", "--format", "json")
        .out()).get("refused");
    CliRun text = CliRun.of("migrate", project.toString(), "--no-maven-repo");
    assertEquals(0, text.exitCode(), text.err());
    List<String> printed = text.out().lines().filter(line -> line.startsWith("refused: ")).toList();
    assertEquals(refused.size(), printed.size(), text.out());
    for (int i = 0; i < printed.size(); i++) {
      assertTrue(printed.get(i).endsWith(" [" + refused.get(i).get("id").asText() + "]"), printed.get(i));
    }
  }

  @Test
  void assessGivesEachRefusedFindingItsProofInJsonAndSarif() throws Exception {
    Path sample = CliRun.repoRoot().resolve("samples/plain-java-service");
    CliRun json = CliRun.of("assess", sample.toString(), "--no-maven-repo", "--format", "json");
    assertEquals(0, json.exitCode(), json.err());
    List<String> ids = new ArrayList<>();
    for (JsonNode finding : MAPPER.readTree(json.out()).get("findings")) {
      // every note that says migrate refuses it has the refusal's id (a call site's note too, and one fixed by a
      // caller's cache names the refusal of its own method's)
      if (finding.path("fixNote").asText().contains("migrate refuses it: ")) {
        assertTrue(finding.has("refusalId"), finding.toString());
      }
      if (finding.has("refusalId")) {
        assertFalse(finding.get("fixable").asBoolean(), finding.toString());
        ids.add(finding.get("refusalId").asText());
      }
    }
    assertFalse(ids.isEmpty(), json.out());
    assertTrue(ids.stream().allMatch(id -> Proof.byId(id).isPresent()), ids.toString());
    CliRun sarif = CliRun.of("assess", sample.toString(), "--no-maven-repo", "--format", "sarif");
    assertEquals(0, sarif.exitCode(), sarif.err());
    List<String> sarifIds = new ArrayList<>();
    for (JsonNode result : MAPPER.readTree(sarif.out()).at("/runs/0/results")) {
      if (result.at("/properties/refusalId").isTextual()) {
        sarifIds.add(result.at("/properties/refusalId").asText());
      }
    }
    assertEquals(ids.stream().sorted().toList(), sarifIds.stream().sorted().toList());
  }

  /**
   * Every finding migrate leaves alone says which proof did not hold, the call sites too: a write, a call in a method
   * that is no cacheable read (the method's proof), a loop no rewrite takes. The one kind without an id is a call
   * site whose method migrate caches: its note points at that cache, which the assertion checks is planned.
   */
  @Test
  void everyFindingMigrateLeavesCarriesItsProofOrPointsAtItsMethodsCache() throws Exception {
    Path sample = CliRun.repoRoot().resolve("samples/spring-service");
    CliRun json = CliRun.of("assess", sample.toString(), "--no-maven-repo", "--format", "json");
    assertEquals(0, json.exitCode(), json.err());
    JsonNode findings = MAPPER.readTree(json.out()).get("findings");
    List<String> cachedMethods = new ArrayList<>();
    for (JsonNode finding : findings) {
      if (finding.get("ruleId").asText().equals("CacheableReadMethod") && finding.get("fixable").asBoolean()) {
        cachedMethods.add(finding.get("path").asText() + "#" + finding.get("enclosingMethod").asText());
      }
    }
    int withIds = 0;
    for (JsonNode finding : findings) {
      if (finding.get("fixable").asBoolean()) {
        continue;
      }
      if (finding.has("refusalId")) {
        assertTrue(Proof.byId(finding.get("refusalId").asText()).isPresent(), finding.toString());
        withIds++;
      } else {
        assertTrue(cachedMethods.contains(finding.get("path").asText() + "#" + finding.get("enclosingMethod").asText()),
            "no proof id, and its method is not cached: " + finding);
      }
    }
    assertTrue(withIds > 20, json.out());
  }

  @Test
  void migratesNotCacheableLinesCarryTheirProofs() throws Exception {
    Path project = SampleCheckout.create(dir, "spring-service");
    CliRun run = CliRun.of("migrate", project.toString(), "--no-maven-repo", "--format", "json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode plan = MAPPER.readTree(run.out());
    JsonNode lines = plan.get("notCacheable");
    JsonNode reads = plan.get("uncacheable");
    assertTrue(lines.size() > 0, run.out());
    assertEquals(lines.size(), reads.size(), "an object per line");
    for (int i = 0; i < lines.size(); i++) {
      JsonNode entry = reads.get(i);
      Proof proof = Proof.byId(entry.get("id").asText()).orElseThrow(() -> new AssertionError(entry.toString()));
      assertEquals(proof.stage().id(), entry.get("stage").asText());
      assertEquals(entry.get("method").asText() + ": " + entry.get("reason").asText(), lines.get(i).asText());
    }
    CliRun text = CliRun.of("migrate", project.toString(), "--no-maven-repo");
    List<String> printed = text.out().lines().filter(line -> line.startsWith("not cacheable: ")).toList();
    assertEquals(reads.size(), printed.size(), text.out());
    for (int i = 0; i < printed.size(); i++) {
      assertTrue(printed.get(i).endsWith(" [" + reads.get(i).get("id").asText() + "]"), printed.get(i));
    }
  }
}
