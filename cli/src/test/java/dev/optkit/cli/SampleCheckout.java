package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A bundled sample copied into a fresh git repository (with the parent poms it builds against), committed. */
final class SampleCheckout {
  private SampleCheckout() {
  }

  /** @return the sample's project directory inside {@code dir} */
  static Path create(Path dir, String sample) throws Exception {
    Path repo = CliRun.repoRoot();
    Files.copy(repo.resolve("pom.xml"), dir.resolve("pom.xml"));
    Files.createDirectories(dir.resolve("samples"));
    Files.copy(repo.resolve("samples/pom.xml"), dir.resolve("samples/pom.xml"));
    Path project = dir.resolve("samples").resolve(sample);
    copyTree(repo.resolve("samples").resolve(sample), project);
    git(dir, "init", "-q");
    commit(dir, "sample");
    return project;
  }

  /**
   * A sample checked out in {@code dir/checkout-SAMPLE} and assessed as it is (no facts cache, no dependency
   * resolution), its JSON report written to {@code dir/SAMPLE.json}.
   *
   * @return the report
   */
  static Path assessed(Path dir, String sample) throws Exception {
    Path root = create(Files.createDirectories(dir.resolve("checkout-" + sample)), sample);
    Path report = dir.resolve(sample + ".json");
    CliRun run = CliRun.of("assess", root.toString(), "--offline", "--no-cache", "--no-resolve", "--format", "json",
        "-o", report.toString());
    assertTrue(run.exitCode() <= 1, run.err());
    return report;
  }

  /** A test fixture's tree ({@code cli/src/test/resources/NAME}) copied into a fresh git repository, committed. */
  static Path fixture(Path dir, String name) throws Exception {
    Path project = dir.resolve(name);
    copyTree(CliRun.repoRoot().resolve("cli/src/test/resources").resolve(name), project);
    git(project, "init", "-q");
    commit(project, "fixture");
    return project;
  }

  /** Commits every change in the repository, new files included. */
  static void commit(Path dir, String message) throws Exception {
    git(dir, "add", ".");
    git(dir, "-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", message);
  }

  static void git(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "timed out: " + command);
    assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + output);
  }

  /** Every file but build output and optkit's own state. */
  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.toList()) {
        String relative = from.relativize(source).toString();
        if (relative.startsWith("target") || relative.startsWith(".optkit")) {
          continue;
        }
        Path destination = to.resolve(relative);
        if (Files.isDirectory(source)) {
          Files.createDirectories(destination);
        } else {
          Files.copy(source, destination);
        }
      }
    }
  }
}
