package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * assess --offline --dependency-repo: a dependency found in optkit's repository (as a previous
 * run left it) gives its findings, the JSON the same bytes on every run, cached or not; with an
 * empty repository the scan goes on and says what is missing.
 */
class DependencyRepoEndToEndTest {
  @TempDir Path dir;

  @Test
  void resolvedJarsGiveTheirFindingsTheSameEveryRunAndMissingOnesAWarning() throws Exception {
    Path repository = wireRepository();
    Path project = wiredProject("""
        package app;
        import com.acme.wire.Wire;
        import java.util.List;
        public class Shop {
          private final Wire wire = new Wire();
          public void each(List<String> hosts) throws Exception {
            for (String host : hosts) {
              wire.fetch(host);
            }
          }
        }
        """);
    String[] run = {"assess", project.toString(), "--offline", "--dependency-repo", repository.toString(),
        "--format", "json"};
    CliRun full = CliRun.of(concat(run, "--no-cache"));
    assertEquals(0, full.exitCode(), full.err());
    assertTrue(full.out().contains("\"SequentialIoLoop\"") && full.out().contains("bytecode reaches new java.net.Socket"),
        full.out());
    CliRun stored = CliRun.of(run);
    CliRun reused = CliRun.of(run);
    assertEquals(full.out(), stored.out());
    assertEquals(full.out(), reused.out());
    // a resolution that runs says so on stderr as it starts and ends (a cold one fetches for minutes before any
    // finding); one remembered from an earlier run says nothing
    assertEquals(2, resolutionLines(full), full.err());
    assertEquals(0, resolutionLines(reused), reused.err());

    CliRun missing = CliRun.of("assess", project.toString(), "--offline", "--dependency-repo",
        dir.resolve("empty").toString(), "--format", "json", "--no-cache");
    assertEquals(0, missing.exitCode(), missing.err());
    assertFalse(missing.out().contains("\"SequentialIoLoop\""), missing.out());
    assertTrue(missing.err().contains("pom.xml") && missing.err().contains("com.acme:wire:jar:1.0")
        && missing.err().contains("offline"), missing.err());
  }

  /**
   * migrate reads the code with the same jars as assess: the loop assess reports through the resolved jar is in
   * migrate's plan, and without the jar in neither (before, migrate used ~/.m2 only and planned from another reading).
   */
  @Test
  void migratePlansFromTheJarsAssessResolved() throws Exception {
    Path repository = wireRepository();
    Path project = wiredProject("""
        package app;
        import com.acme.wire.Wire;
        import java.util.ArrayList;
        import java.util.List;
        public class Shop {
          private final Wire wire = new Wire();
          public List<String> each(List<String> hosts) throws Exception {
            List<String> answers = new ArrayList<>();
            for (String host : hosts) {
              answers.add(wire.fetch(host));
            }
            return answers;
          }
        }
        """);
    CliRun resolved = CliRun.of("migrate", project.toString(), "--offline", "--dependency-repo", repository.toString());
    assertEquals(0, resolved.exitCode(), resolved.err());
    assertTrue(resolved.out().contains("Shop.each("), resolved.out());
    // the call's answer is added to a local list: the loop rewrite sees the library's I/O site as any client's, and
    // refuses only for what holds (a client optkit does not know to be safe from several threads)
    assertFalse(resolved.out().contains("neither kept in a local variable"), resolved.out());
    CliRun missing = CliRun.of("migrate", project.toString(), "--offline", "--dependency-repo",
        dir.resolve("empty").toString());
    assertFalse(missing.out().contains("Shop.each("), missing.out());
  }

  /** optkit's repository holding com.acme:wire:1.0, a client whose fetch opens a socket. */
  private Path wireRepository() throws IOException {
    Path repository = dir.resolve("optkit-repository");
    Path version = repository.resolve("com/acme/wire/1.0");
    Files.createDirectories(version);
    Files.writeString(version.resolve("wire-1.0.pom"), """
        <project><modelVersion>4.0.0</modelVersion>
          <groupId>com.acme</groupId><artifactId>wire</artifactId><version>1.0</version></project>
        """);
    wireJar(version.resolve("wire-1.0.jar"));
    return repository;
  }

  /** A project declaring com.acme:wire:1.0, with this source as app/Shop.java. */
  private Path wiredProject(String shop) throws IOException {
    Path project = dir.resolve("shop");
    Files.createDirectories(project.resolve("src/main/java/app"));
    Files.writeString(project.resolve("pom.xml"), """
        <project><modelVersion>4.0.0</modelVersion><groupId>app</groupId><artifactId>shop</artifactId><version>1</version>
          <dependencies><dependency><groupId>com.acme</groupId><artifactId>wire</artifactId><version>1.0</version>
          </dependency></dependencies></project>
        """);
    Files.writeString(project.resolve("src/main/java/app/Shop.java"), shop);
    return project;
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = new String[first.length + more.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }

  /** A client whose fetch opens a socket: a remote call by its bytecode. */
  private static long resolutionLines(CliRun run) {
    return run.err().lines().filter(line -> line.startsWith("optkit assess: resolving the dependencies of ")
        || line.startsWith("optkit assess: dependencies resolved in ")).count();
  }

  private void wireJar(Path jar) throws IOException {
    Path source = dir.resolve("src/com/acme/wire/Wire.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, """
        package com.acme.wire;
        public class Wire {
          public String fetch(String host) throws java.io.IOException {
            try (java.net.Socket socket = new java.net.Socket(host, 80)) {
              return socket.getInetAddress().toString();
            }
          }
        }
        """);
    Path classes = dir.resolve("classes");
    Files.createDirectories(classes);
    assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null,
        "-d", classes.toString(), "--release", "17", source.toString()));
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
  }

}
