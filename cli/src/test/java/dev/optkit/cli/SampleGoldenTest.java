package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each sample's assessment must match its golden file byte for byte. The solver classpath is
 * limited to the JDK (--no-maven-repo) so the result does not depend on what ~/.m2 holds.
 * Regenerate after an intended change with: mvn -pl cli test -Doptkit.updateGolden=true
 */
class SampleGoldenTest {

  @ParameterizedTest
  @ValueSource(strings = {"plain-java-service", "spring-service", "legacy-java8-service"})
  void assessmentMatchesGoldenFile(String sample) throws Exception {
    Path root = CliRun.repoRoot().resolve("samples").resolve(sample);
    CliRun run = CliRun.of("assess", root.toString(), "--format", "json", "--no-maven-repo");
    assertEquals(0, run.exitCode(), run.err());
    Path golden = root.resolve("expected-assessment.json");
    if (Boolean.getBoolean("optkit.updateGolden")) {
      Files.writeString(golden, run.out());
    }
    assertEquals(Files.readString(golden), run.out(), "assessment of " + sample + " differs from " + golden);
  }
}
