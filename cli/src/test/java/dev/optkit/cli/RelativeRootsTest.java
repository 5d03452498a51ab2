package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Roots given relative to the folder optkit runs in: {@code cd dir && optkit assess A.java} names a
 * file with no parent of its own (issue 66, item 4). Run as a process, since only a process has its
 * own working folder.
 */
class RelativeRootsTest {
  @TempDir Path dir;

  /** In the default package: a file at the project's root with no package folders to need (source.package-layout). */
  private static final String SERVICE = """
      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;

      public class Catalog {
          private final HttpClient http = HttpClient.newHttpClient();

          public String fetchName(String sku) throws Exception {
              return http.send(HttpRequest.newBuilder(URI.create("https://c.example.com/names/" + sku)).build(),
                      HttpResponse.BodyHandlers.ofString()).body();
          }
      }
      """;

  @Test
  void aFileNamedRelativeToTheWorkingFolderIsAssessedAndPlanned() throws Exception {
    Path project = Files.createDirectories(dir.resolve("project"));
    Files.writeString(project.resolve("Catalog.java"), SERVICE);
    // an empty local Maven repository: the declared jars are looked up there (where the relative name failed)
    Path repository = Files.createDirectories(dir.resolve("m2"));
    Path report = dir.resolve("report.json");
    Run run = optkit(project, repository, "assess", "Catalog.java", "--offline", "--no-cache", "--format", "json",
        "--output", report.toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run.output());
    JsonNode findings = new ObjectMapper().readTree(report.toFile()).get("findings");
    JsonNode cacheable = null;
    for (JsonNode finding : findings) {
      if (finding.get("ruleId").asText().equals("CacheableReadMethod")) {
        cacheable = finding;
      }
    }
    assertTrue(cacheable != null, findings.toString());
    assertEquals("Catalog.java", cacheable.get("path").asText());
    // migrate's planner judged it in the file's folder (it failed reading Catalog.java/Catalog.java)
    assertTrue(cacheable.get("fixable").asBoolean(), cacheable.toString());
  }

  private record Run(int exitCode, String output) {}

  private Run optkit(Path workingFolder, Path repository, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dmaven.repo.local=" + repository, "-cp", System.getProperty("java.class.path"), "dev.optkit.cli.Main"));
    command.addAll(List.of(args));
    Path log = dir.resolve("optkit.log");
    Process process = new ProcessBuilder(command).directory(workingFolder.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) { // a guard against a hung run, not a measurement
      process.destroyForcibly();
      throw new AssertionError("optkit did not finish: " + Files.readString(log));
    }
    return new Run(process.exitValue(), Files.readString(log));
  }
}
