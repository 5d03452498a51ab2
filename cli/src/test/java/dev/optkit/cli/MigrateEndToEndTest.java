package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both samples through migrate as a user would: a git checkout, a refused dirty tree, migrate
 * --apply, the migrated sample's build and own tests, a test proving a repeated key reaches the
 * real downstream once (and every time with the emergency switch on), idempotence, and an undo that
 * restores every byte. Runs the samples' Maven builds, so it takes a while.
 */
class MigrateEndToEndTest {
  @TempDir Path dir;

  private static final String PLAIN_PROOF = """
      package dev.optkit.samples.plain;

      import static org.junit.jupiter.api.Assertions.assertEquals;

      import dev.optkit.samples.plain.downstream.PricingDownstream;
      import org.junit.jupiter.api.Test;

      class OptkitCachingProofTest {
          @Test
          void repeatedKeyReachesTheDownstreamOnce() throws Exception {
              try (PricingDownstream downstream = PricingDownstream.start()) {
                  PricingClient client = new PricingClient(downstream.baseUrl());
                  client.getExchangeRate("EUR");
                  client.getExchangeRate("EUR");
                  client.getExchangeRate("EUR");
                  client.getExchangeRate("USD");
                  assertEquals(1, downstream.requestCount("/rates/EUR"));
                  assertEquals(1, downstream.requestCount("/rates/USD"));
                  System.setProperty("optkit.cache.disabled", "true");
                  try {
                      client.getExchangeRate("EUR");
                      client.getExchangeRate("EUR");
                  } finally {
                      System.clearProperty("optkit.cache.disabled");
                  }
                  assertEquals(3, downstream.requestCount("/rates/EUR"));
              }
          }
      }
      """;

  private static final String SPRING_PROOF = """
      package dev.optkit.samples.spring;

      import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

      import org.junit.jupiter.api.Test;
      import org.springframework.beans.factory.annotation.Autowired;

      class OptkitCachingProofTest extends PartnerApiTestSupport {
          @Autowired
          LoyaltyService loyalty;

          @Test
          void repeatedKeyReachesTheDownstreamOnce() {
              loyalty.getCustomerTier(2);
              loyalty.getCustomerTier(2);
              loyalty.getCustomerTier(2);
              assertEquals(1, DOWNSTREAM.requestCount("/customers/2/tier"));
              System.setProperty("optkit.cache.disabled", "true");
              try {
                  loyalty.getCustomerTier(2);
              } finally {
                  System.clearProperty("optkit.cache.disabled");
              }
              assertEquals(2, DOWNSTREAM.requestCount("/customers/2/tier"));
          }
      }
      """;

  @Test
  void plainJavaSample() throws Exception {
    String out = endToEnd("plain-java-service", "src/main/java/dev/optkit/samples/plain/PricingClient.java",
        "src/test/java/dev/optkit/samples/plain/OptkitCachingProofTest.java", PLAIN_PROOF);
    assertTrue(out.contains("refused: dev.optkit.samples.plain.CatalogService.describeProduct(long): a writer of its data "
        + "cannot evict it: "), out);
    assertTrue(out.contains("ProductRepository.updateStock() writes products (executeUpdate()) but it is in another class"), out);
    // the schema script H2 runs (RUNSCRIPT) is SQL optkit cannot read: it may write anything
    assertTrue(out.contains("refused: dev.optkit.samples.plain.ProductRepository.findById(long): a writer of its data "
        + "cannot evict it: Database.createAndInitialize() may write data optkit cannot name"), out);
  }

  @Test
  void springSample() throws Exception {
    String out = endToEnd("spring-service", "src/main/java/dev/optkit/samples/spring/LoyaltyService.java",
        "src/test/java/dev/optkit/samples/spring/OptkitCachingProofTest.java", SPRING_PROOF);
    // the hard cases: refused with their reasons; the probes in the sample's own tests ran with caching on
    assertTrue(out.contains("CustomerAdminService.customerEmail(long): secured: @PreAuthorize"), out);
    assertTrue(out.contains("ReferenceDataDao.currencies(): CustomerReportService.reportCurrencies() changes the result"), out);
    assertTrue(out.contains("CountriesController.countryName(): implements the request mapping CountriesApi.countryName"), out);
    assertTrue(out.contains("StoredRateService.storedRate() [realtime: 30 s, max 10000], evicted by BatchRateStore.saveRate(), JdbcRateStore.saveRate()"), out);
    // a test's set-up writing straight to the database: cached, emptied before each test (SetUpWritesTest)
    assertTrue(out.contains("emptied before each test after the set-up writes of SetUpWritesTest.moveTheCustomerStraightInTheDatabase()"), out);
    assertTrue(out.contains("create: src/test/resources/META-INF/spring.factories"), out);
  }

  @Test
  void java8Sample() throws Exception {
    String out = endToEnd("legacy-java8-service", "src/main/java/dev/optkit/samples/legacy/Inventory.java", null, null);
    assertTrue(out.contains("cache: Inventory.stockLevel()"), out);
  }

  /**
   * Copies the sample into a git checkout, migrates it, builds it and runs all its own tests with
   * caching on (its stale-read probes among them), then the proof test, then undoes it.
   *
   * @return what migrate --apply printed
   */
  private String endToEnd(String sample, String targetFile, String proofPath, String proof) throws Exception {
    Path project = SampleCheckout.create(dir, sample);
    Map<String, byte[]> original = snapshot(project);

    Path target = project.resolve(targetFile);
    Files.writeString(target, Files.readString(target) + "// work in progress\n");
    CliRun dirty = CliRun.of("migrate", project.toString(), "--apply", "--no-maven-repo");
    assertEquals(2, dirty.exitCode(), dirty.out() + dirty.err());
    assertTrue(dirty.err().contains("uncommitted changes"), dirty.err());
    run(dir, "git", "checkout", "-q", "--", ".");
    assertEquals(snapshot(project).keySet(), original.keySet());

    CliRun applied = CliRun.of("migrate", project.toString(), "--apply", "--no-maven-repo");
    assertEquals(0, applied.exitCode(), applied.out() + applied.err());
    Matcher id = Pattern.compile("Applied migration (\\S+):").matcher(applied.out());
    assertTrue(id.find(), applied.out());

    CliRun again = CliRun.of("migrate", project.toString(), "--no-maven-repo");
    assertEquals(0, again.exitCode(), again.err());
    assertTrue(again.out().contains("Nothing to migrate."), "migrate must be idempotent:\n" + again.out());

    // every test of the sample, stale-read probes included, against the migrated code with caching on
    run(project, "mvn", "-B", "-q", "test");
    Path factories = project.resolve("src/test/resources/META-INF/spring.factories");
    if (Files.exists(factories)) {
      // the set-up writes' tests pass above because optkit empties its caches before each test: without the
      // listener's registration the same tests read an earlier test's answer
      Path aside = dir.resolve("spring.factories.aside");
      Files.move(factories, aside);
      Files.deleteIfExists(project.resolve("target/test-classes/META-INF/spring.factories")); // the build's copy
      String failed = runFailing(project, "mvn", "-B", "-q", "test", "-Dtest=SetUpWritesTest");
      assertTrue(failed.contains("theSecondTestReadsWhatItsSetUpWrote"), failed);
      Files.move(aside, factories);
    }
    if (proof != null) {
      Files.createDirectories(project.resolve(proofPath).getParent());
      Files.writeString(project.resolve(proofPath), proof);
      run(project, "mvn", "-B", "-q", "test", "-Dtest=OptkitCachingProofTest", "-Dsurefire.failIfNoSpecifiedTests=false");
      Files.delete(project.resolve(proofPath));
    }

    CliRun undo = CliRun.of("migrate", project.toString(), "--undo", id.group(1));
    assertEquals(0, undo.exitCode(), undo.out() + undo.err());
    Map<String, byte[]> restored = snapshot(project);
    assertEquals(original.keySet(), restored.keySet());
    for (Map.Entry<String, byte[]> file : original.entrySet()) {
      assertTrue(java.util.Arrays.equals(file.getValue(), restored.get(file.getKey())), "not restored: " + file.getKey());
    }
    return applied.out();
  }

  /** Every file of the project but build output and optkit's own state, by relative path. */
  private static Map<String, byte[]> snapshot(Path project) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(project)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String relative = project.relativize(file).toString();
        if (!relative.startsWith("target") && !relative.startsWith(".optkit")) {
          files.put(relative, Files.readAllBytes(file));
        }
      }
    }
    return files;
  }

  /** Runs a command that must fail, and returns its output. */
  private static String runFailing(Path directory, String... command) throws Exception {
    Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertTrue(process.waitFor(10, TimeUnit.MINUTES), "timed out: " + String.join(" ", command));
    assertNotEquals(0, process.exitValue(), String.join(" ", command) + " passed:\n" + output);
    return output;
  }

  private static String run(Path directory, String... command) throws Exception {
    List<String> line = new ArrayList<>(List.of(command));
    Process process = new ProcessBuilder(line).directory(directory.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertTrue(process.waitFor(10, TimeUnit.MINUTES), "timed out: " + line);
    assertEquals(0, process.exitValue(), String.join(" ", line) + " failed:\n" + output);
    return output;
  }
}
