package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What migrate cached is no longer priced by assess: the headline drops by it. */
class HeadlineAfterMigrateTest {
  @TempDir Path dir;

  private static JsonNode assess(Path project, Path out) throws Exception {
    CliRun run = CliRun.of("assess", project.toString(), "--no-maven-repo", "--no-cache", "--format", "json",
        "--output", out.toString());
    assertEquals(0, run.exitCode(), run.err());
    return new ObjectMapper().readTree(out.toFile());
  }

  private static long timeSaved(JsonNode assessment, String method) {
    long total = 0;
    for (JsonNode finding : assessment.path("findings")) {
      if (finding.path("enclosingMethod").asText().startsWith(method)) {
        total += finding.path("savings").path("timeSavedMsPerDay").asLong();
      }
    }
    return total;
  }

  @Test
  void theCachedMethodsAndTheLoadersOnlyTheyCallAreNotPricedAfterMigrate() throws Exception {
    Path project = SampleCheckout.create(dir, "plain-java-service");
    JsonNode before = assess(project, dir.resolve("before.json"));
    assertTrue(timeSaved(before, "getExchangeRate(") > 0);
    CliRun applied = CliRun.of("migrate", project.toString(), "--apply", "--no-maven-repo");
    assertEquals(0, applied.exitCode(), applied.err());
    JsonNode after = assess(project, dir.resolve("after.json"));
    assertEquals(0, timeSaved(after, "getExchangeRate"), "the cached method and its loader getExchangeRateUncached");
    assertEquals(0, timeSaved(after, "loadCustomerTier"));
    long headlineBefore = before.path("summary").path("totalSavings").path("timeSavedMsPerDay").asLong();
    long headlineAfter = after.path("summary").path("totalSavings").path("timeSavedMsPerDay").asLong();
    assertTrue(headlineAfter < headlineBefore, headlineBefore + " -> " + headlineAfter);
    assertTrue(after.toString().contains("already cached: called only from the cached PricingClient.getExchangeRate()"),
        "the loader's basis says why");
  }

  private static long loopTimeSaved(JsonNode assessment, String method) {
    long total = 0;
    for (JsonNode finding : assessment.path("findings")) {
      if (finding.path("ruleId").asText().equals("SequentialIoLoop")
          && finding.path("enclosingMethod").asText().startsWith(method)) {
        total += finding.path("savings").path("timeSavedMsPerDay").asLong();
      }
    }
    return total;
  }

  /**
   * The Spring sample: its @Cacheable methods, and the loops migrate batched (the rows loaded before the loop, a
   * findById or queryForObject left for a key the loading missed), are priced no more; before, the two batched loops
   * were still N+1s saving 90,000 calls a day each.
   */
  @Test
  void theCachedMethodsAndTheBatchedLoopsOfASpringServiceAreNotPricedAfterMigrate() throws Exception {
    Path project = SampleCheckout.create(dir, "spring-service");
    JsonNode before = assess(project, dir.resolve("before.json"));
    assertTrue(loopTimeSaved(before, "describeOrders(") > 0 && loopTimeSaved(before, "track(") > 0);
    assertTrue(timeSaved(before, "getCustomerTier(") > 0 && timeSaved(before, "toBaseCurrency(") > 0);
    CliRun applied = CliRun.of("migrate", project.toString(), "--apply", "--no-maven-repo");
    assertEquals(0, applied.exitCode(), applied.err());
    JsonNode after = assess(project, dir.resolve("after.json"));
    assertEquals(0, loopTimeSaved(after, "describeOrders("));
    assertEquals(0, loopTimeSaved(after, "track("));
    assertEquals(0, timeSaved(after, "getCustomerTier("));
    assertEquals(0, timeSaved(after, "toBaseCurrency("));
  }
}
