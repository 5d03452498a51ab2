package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plain sample through assess -> migrate -> validate against its real loopback downstream: the
 * default criteria pass on its workload, and fail, each for its own reason, on a workload without
 * repeated keys, with failures injected into the migrated code's downstream, and when a writer is
 * left without eviction (a method cached with {@code --accept-stale}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ValidateEndToEndTest {
  @TempDir static Path dir;
  private static Path project;

  @BeforeAll
  static void migrateTheSample() throws Exception {
    project = SampleCheckout.create(dir, "plain-java-service");
    CliRun assess = CliRun.of("assess", project.toString(), "--no-maven-repo");
    assertTrue(assess.out().contains("getExchangeRate"), assess.out());
    // describeProduct accepted stale: ProductRepository.renameProduct, in another class, cannot evict it
    CliRun applied = CliRun.of("migrate", project.toString(), "--apply", "--no-maven-repo",
        "--accept-stale", "CatalogService.describeProduct");
    assertEquals(0, applied.exitCode(), applied.out() + applied.err());
    assertTrue(applied.out().contains("Caffeine cache on PricingClient.getExchangeRate()"), applied.out());
    assertTrue(applied.out().contains("Caffeine cache on CatalogService.describeProduct()"), applied.out());
    SampleCheckout.commit(dir, "migrated"); // the classes the migration created too
  }

  @Test
  @Order(1)
  void theSampleWorkloadPassesTheDefaultCriteria() {
    // two JMH forks a version (--quick's): with one, the speedup's interval is over two iterations, and a noisy one
    // makes it inconclusive however large the ratio (40,491x, interval 0 to 2e30, in a full run)
    CliRun run = CliRun.of("validate", project.toString(), "--baseline", "HEAD~1", "--quick",
        "--json", dir.resolve("report.json").toString());
    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("differing answers: 0 of 1000"), run.out());
    assertTrue(run.out().contains("PASSED"), run.out());
    // the agent counted every read of the original as one downstream call
    assertTrue(run.out().contains("1000 / 1000"), run.out());
    // the load test says what set its throughput, for each version
    assertTrue(run.out().contains("original load test limited by ") && run.out().contains("migrated load test limited by "),
        run.out());
    assertTrue(Files.exists(dir.resolve("report.json")));
  }

  @Test
  @Order(2)
  void aWorkloadWithoutRepeatedKeysFailsOnHitRate() {
    CliRun run = validate("no-repeats.yaml");
    assertEquals(1, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("FAIL hit rate: 0.0%"), run.out());
    assertTrue(run.out().contains("ok   differing answers: 0 of 400"), run.out());
  }

  @Test
  @Order(3)
  void failuresInjectedIntoTheMigratedRunFailOnErrors() throws IOException {
    Path settings = project.resolve("src/test/resources/validation.properties");
    String before = Files.readString(settings);
    Files.writeString(settings, before.replace("downstream.failureRate=0", "downstream.failureRate=0.25"));
    try {
      // the sample's scenario without its load test: the error rate the criterion compares is the replay's
      Path file = CliRun.repoRoot().resolve("cli/src/test/resources/validate/failing-downstream.yaml");
      CliRun run = CliRun.of("validate", project.toString(), "--baseline", "HEAD", "--no-bench", "--workload",
          file.toString());
      assertEquals(1, run.exitCode(), run.out() + run.err());
      assertTrue(run.out().contains("FAIL error rate not higher"), run.out());
    } finally {
      Files.writeString(settings, before);
    }
  }

  @Test
  @Order(4)
  void aWriterLeftWithoutEvictionFailsOnDifferingAnswers() {
    CliRun run = validate("stale.yaml");
    assertEquals(1, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("FAIL renamed-products: differing answers"), run.out()); // each criterion names its scenario
    assertTrue(run.out().contains("DIFFERS at read #"), run.out());
    assertTrue(run.out().contains("describeProduct"), run.out());
    // the second scenario's writes all fail in both versions: its answers agree, and the gate still fails
    assertTrue(run.out().lines().anyMatch(line -> line.contains("FAIL writes-that-fail: writes succeed as before: ")
        && line.contains("the writes tested nothing")), run.out());
  }

  @Test
  @Order(5)
  void historyListsTheRunsAndABadBaselineIsAUsageError() {
    CliRun history = CliRun.of("validate", project.toString(), "--history");
    assertEquals(0, history.exitCode(), history.err());
    assertTrue(history.out().contains("exchange-rates") && history.out().contains("every-key-new"), history.out());
    CliRun unknown = CliRun.of("validate", project.toString(), "--baseline", "no-such-ref", "--no-bench");
    assertEquals(2, unknown.exitCode(), unknown.out() + unknown.err());
    assertTrue(unknown.err().contains("unknown git ref 'no-such-ref'"), unknown.err());
  }

  private static CliRun validate(String workload) {
    Path file = CliRun.repoRoot().resolve("cli/src/test/resources/validate").resolve(workload);
    return CliRun.of("validate", project.toString(), "--baseline", "HEAD~1", "--no-bench", "--workload", file.toString());
  }
}
