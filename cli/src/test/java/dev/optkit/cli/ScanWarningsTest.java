package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a scan passes over, it says (issue 66 item 9): a folder it cannot read, a FIFO named {@code .java}, a path
 * longer than PATH_MAX, a link to a folder (a loop), an empty or non-file {@code .optkit.yml}, a file name not valid
 * in the encoding. Each is a warning on stderr and in the report's warnings; none blocks or aborts the scan. And a
 * lexical error is reported at its line.
 */
class ScanWarningsTest {
  @TempDir Path dir;
  private Path project;
  private Path shop;

  @BeforeEach
  void project() throws IOException {
    project = dir.resolve("project");
    shop = Files.createDirectories(project.resolve("src/main/java/shop"));
    Files.writeString(shop.resolve("Catalog.java"), "package shop;\n\npublic class Catalog {\n}\n");
  }

  private CliRun assess() {
    return CliRun.of("assess", project.toString(), "--no-maven-repo", "--no-cache", "--format", "json");
  }

  private static JsonNode report(CliRun run) throws IOException {
    return new ObjectMapper().readTree(run.out());
  }

  /** The warning of the report at this path, or null. */
  private static JsonNode warning(CliRun run, String path) throws IOException {
    for (JsonNode warning : report(run).path("warnings")) {
      if (warning.path("path").asText().equals(path)) {
        return warning;
      }
    }
    return null;
  }

  private static void warned(CliRun run, String path) throws IOException {
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(warning(run, path) != null, path + " in the report's warnings: " + run.out());
    assertTrue(run.err().contains("warning: " + path + ":"), path + " on stderr: " + run.err());
  }

  private static void shell(Path in, String script) throws Exception {
    Process process = new ProcessBuilder("sh", "-c", script).directory(in.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertEquals(0, process.waitFor(), script + ": " + output);
  }

  @Test
  void aFifoNamedJavaIsWarnedAndNeverOpened() throws Exception {
    shell(shop, "mkfifo Pipe.java");
    CliRun run = assess(); // opened for reading, a FIFO with no writer would block here
    warned(run, "src/main/java/shop/Pipe.java");
    assertEquals(1, report(run).path("summary").path("filesScanned").asInt());
  }

  @Test
  void aFolderThatCannotBeReadIsWarnedOrScannedWhenRootReadsItAnyway() throws Exception {
    Path hidden = Files.createDirectories(shop.resolve("hidden"));
    Files.writeString(hidden.resolve("Secret.java"), "package shop.hidden;\n\npublic class Secret {\n}\n");
    Files.setPosixFilePermissions(hidden, PosixFilePermissions.fromString("---------"));
    try {
      boolean readable; // root reads a folder whatever its permissions (CI runs the tests as root)
      try (DirectoryStream<Path> listing = Files.newDirectoryStream(hidden)) {
        readable = listing.iterator().hasNext();
      } catch (IOException e) {
        readable = false;
      }
      CliRun run = assess();
      assertEquals(0, run.exitCode(), run.err());
      if (readable) {
        assertEquals(2, report(run).path("summary").path("filesScanned").asInt(), "read, as root can: " + run.out());
        assertTrue(warning(run, "src/main/java/shop/hidden") == null, run.out());
      } else {
        warned(run, "src/main/java/shop/hidden");
        assertEquals(1, report(run).path("summary").path("filesScanned").asInt());
      }
    } finally {
      Files.setPosixFilePermissions(hidden, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void aFolderWhoseEntriesCannotBeReadIsWarned() throws Exception {
    // listing without search permission: the names are read, not the entries (still readable by root)
    Path hidden = Files.createDirectories(shop.resolve("names"));
    Files.writeString(hidden.resolve("Named.java"), "package shop.names;\n\npublic class Named {\n}\n");
    Files.setPosixFilePermissions(hidden, PosixFilePermissions.fromString("r--r--r--"));
    try {
      boolean searchable = Files.isRegularFile(hidden.resolve("Named.java"));
      CliRun run = assess();
      assertEquals(0, run.exitCode(), run.err());
      if (!searchable) {
        warned(run, "src/main/java/shop/names/Named.java");
      } else {
        assertEquals(2, report(run).path("summary").path("filesScanned").asInt(), "read, as root can: " + run.out());
      }
    } finally {
      Files.setPosixFilePermissions(hidden, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void aPathLongerThanPathMaxIsWarnedAndTheRestScanned() throws Exception {
    // made under PATH_MAX, then its first folder renamed to a long name: no call ever names the whole path
    Path deep = Files.createDirectories(shop.resolve("x"));
    String step = "d".repeat(200);
    while (deep.toString().length() + step.length() + "/Deep.java".length() + 1 < 4096) {
      deep = Files.createDirectories(deep.resolve(step));
    }
    Files.writeString(deep.resolve("Deep.java"), "class Deep {}\n");
    String longName = "x".repeat(255);
    Files.move(shop.resolve("x"), shop.resolve(longName));
    try {
      CliRun run = assess();
      assertEquals(0, run.exitCode(), run.err());
      boolean warnedTooLong = false;
      for (JsonNode warning : report(run).path("warnings")) {
        warnedTooLong |= warning.path("path").asText().startsWith("src/main/java/shop/" + longName)
            && warning.path("message").asText().contains("PATH_MAX");
      }
      assertTrue(warnedTooLong, run.out());
      assertTrue(run.err().contains("warning: src/main/java/shop/" + longName), run.err());
      assertEquals(1, report(run).path("summary").path("filesScanned").asInt());
    } finally {
      Files.move(shop.resolve(longName), shop.resolve("x")); // short again, so the folder can be deleted
    }
  }

  @Test
  void aLinkToAFolderAndALoopOfLinksAreWarnedNotFollowed() throws Exception {
    Files.createSymbolicLink(shop.resolve("loop"), Path.of(".."));
    Files.createSymbolicLink(shop.resolve("a"), Path.of("b"));
    Files.createSymbolicLink(shop.resolve("b"), Path.of("a"));
    CliRun run = assess();
    warned(run, "src/main/java/shop/loop");
    warned(run, "src/main/java/shop/a");
    warned(run, "src/main/java/shop/b");
    assertEquals(1, report(run).path("summary").path("filesScanned").asInt(), "nothing read twice through the loop");
  }

  @Test
  void anEmptyOrNonFileConfigurationIsWarnedAndTheDefaultsUsed() throws Exception {
    Files.writeString(project.resolve(".optkit.yml"), "");
    warned(assess(), ".optkit.yml");
    Files.writeString(project.resolve(".optkit.yml"), "\n  \n");
    warned(assess(), ".optkit.yml");
    Files.delete(project.resolve(".optkit.yml"));
    Files.createDirectory(project.resolve(".optkit.yml"));
    warned(assess(), ".optkit.yml");
    Files.delete(project.resolve(".optkit.yml"));
    shell(project, "mkfifo .optkit.yml");
    warned(assess(), ".optkit.yml"); // never opened: a FIFO with no writer would block
    CliRun migrate = CliRun.of("migrate", project.toString(), "--no-maven-repo");
    assertEquals(0, migrate.exitCode(), migrate.err());
    assertTrue(migrate.err().contains("warning: .optkit.yml:"), migrate.err());
  }

  @Test
  void aLexicalErrorIsReportedAtItsLineAndColumn() throws Exception {
    Files.writeString(shop.resolve("Broken.java"), "package shop;\n\nclass Broken {\n  int x = 1 # 2;\n}\n");
    CliRun run = assess();
    assertEquals(0, run.exitCode(), run.err());
    JsonNode warning = warning(run, "src/main/java/shop/Broken.java");
    assertTrue(warning != null, run.out());
    assertEquals(4, warning.path("line").asInt(), warning.toString());
    assertEquals(13, warning.path("column").asInt(), warning.toString());
    assertTrue(run.err().contains("warning: src/main/java/shop/Broken.java:4: not analysed"), run.err());

    Files.writeString(shop.resolve("Broken.java"), "package shop;\n\nclass Broken {\n\n  String s = \"open;\n}\n");
    JsonNode unclosed = warning(assess(), "src/main/java/shop/Broken.java");
    assertEquals(5, unclosed.path("line").asInt(), "a string not closed on its line: " + unclosed);
  }

  @Test
  void aFileNameNotValidInTheEncodingIsWarnedWithItsBytesEscaped() throws Exception {
    shell(shop, "printf 'package shop;\\nclass Odd {}\\n' > \"$(printf 'Odd\\377')\".java");
    CliRun run = assess();
    warned(run, "src/main/java/shop/Odd%FF.java");
    List<String> printed = new ArrayList<>();
    report(run).path("warnings").forEach(w -> printed.add(w.path("path").asText()));
    assertFalse(printed.stream().anyMatch(path -> path.indexOf('\uFFFD') >= 0), "never shown lossily: " + printed);
  }
}
