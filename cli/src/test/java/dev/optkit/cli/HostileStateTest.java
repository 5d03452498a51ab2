package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.io.Hashes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * optkit's own state, {@code .optkit/}, planted by a pull request: links are refused by name and
 * never written or read through, a decoy folder outside the project keeps its checksums, and a
 * canary in the environment never reaches the output.
 */
class HostileStateTest {
  @TempDir Path dir;
  private Path project;
  private Path decoy;
  private Map<String, String> decoySums;
  private static final String SECRET = "decoy-secret-8b1f";

  private static final String SERVICE = """
      package shop;

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

  @BeforeEach
  void projectAndDecoy() throws IOException {
    project = dir.resolve("project");
    Path file = project.resolve("src/main/java/shop/Catalog.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, SERVICE);
    decoy = Files.createDirectories(dir.resolve("decoy"));
    Files.writeString(decoy.resolve("secret.txt"), SECRET + "\n");
    Files.createDirectories(decoy.resolve("migrations"));
    Files.writeString(decoy.resolve("migrations/notes.txt"), "outside the project\n");
    decoySums = sums(decoy);
  }

  @AfterEach
  void decoyUntouchedAndNothingLeaked() throws IOException {
    assertEquals(decoySums, sums(decoy), "nothing outside the project was created, changed or removed");
  }

  private static Map<String, String> sums(Path root) throws IOException {
    Map<String, String> sums = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.toList()) {
        sums.put(root.relativize(path).toString(), Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? "dir"
            : Hashes.sha256(Files.readAllBytes(path)));
      }
    }
    return sums;
  }

  /** Nothing of the environment, nor of a file a planted link names, in anything optkit printed. */
  private static void noLeak(CliRun run) {
    String canary = System.getenv("OPTKIT_TEST_CANARY");
    assertNotNull(canary, "the build sets OPTKIT_TEST_CANARY for this test (pom.xml, surefire)");
    String printed = run.out() + run.err();
    assertFalse(printed.contains(canary), printed);
    assertFalse(printed.contains(SECRET), printed);
    assertFalse(printed.contains(System.getenv("PATH")), printed);
  }

  private CliRun assess() {
    return CliRun.of("assess", project.toString(), "--no-maven-repo", "--format", "json");
  }

  private CliRun migrate(String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("migrate", project.toString(), "--no-maven-repo"));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  private String applied() throws IOException {
    CliRun applied = migrate("--apply", "--allow-dirty");
    assertEquals(0, applied.exitCode(), applied.out() + applied.err());
    return applied.out().replaceAll("(?s).*Applied migration (\\S+):.*", "$1");
  }

  /** The paths of the JSON report's warnings. */
  private static List<String> warnedPaths(CliRun run) throws IOException {
    List<String> paths = new java.util.ArrayList<>();
    new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out()).path("warnings")
        .forEach(warning -> paths.add(warning.path("path").asText()));
    return paths;
  }

  private static int filesScanned(CliRun run) throws IOException {
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out()).path("summary").path("filesScanned")
        .asInt(-1);
  }

  @Test
  void assessSetsAsideEveryLinkWhereItsCacheLivesAndScansWithNoCache() throws Exception {
    Map<String, Path> plants = new java.util.LinkedHashMap<>();
    plants.put(".optkit/cache/assessment-v1.smile", decoy.resolve("secret.txt"));
    plants.put(".optkit/cache/facts-v5.smile", decoy.resolve("dangling"));
    plants.put(".optkit/cache/file-hashes-v1.smile", decoy.resolve("secret.txt"));
    plants.put(".optkit/cache", decoy);
    plants.put(".optkit", decoy);
    plants.put(".optkit/.gitignore", decoy.resolve("secret.txt"));
    // .optkit itself has nowhere beside it to go, and quarantine/ is not made beside a planted .gitignore
    List<String> staysPut = List.of(".optkit", ".optkit/.gitignore");
    for (Map.Entry<String, Path> plant : plants.entrySet()) {
      deleteState();
      Path link = project.resolve(plant.getKey());
      Files.createDirectories(link.getParent());
      Files.createSymbolicLink(link, plant.getValue());
      CliRun run = assess();
      assertEquals(0, run.exitCode(), plant.getKey() + ": " + run.err());
      assertEquals(1, filesScanned(run), plant.getKey() + ": the scan ran");
      assertTrue(warnedPaths(run).contains(plant.getKey()), plant.getKey() + ": " + run.out());
      assertTrue(run.err().contains(plant.getKey() + ": a symbolic link where optkit keeps its own state"),
          plant.getKey() + ": " + run.err());
      assertEquals(staysPut.contains(plant.getKey()), Files.isSymbolicLink(link), plant.getKey() + " set aside");
      if (!staysPut.contains(plant.getKey())) {
        Path aside = project.resolve(".optkit/quarantine/" + link.getFileName() + "-1");
        assertTrue(Files.isSymbolicLink(aside), "moved as a link, never followed: " + aside);
      }
      noLeak(run);
      assertFalse(Files.exists(decoy.resolve("dangling"), LinkOption.NOFOLLOW_LINKS), "a dangling link created nothing");
    }
    // a --cache-dir anywhere inside a project's .optkit/ is checked from the project down too
    for (String cacheDir : List.of(".optkit", ".optkit/cache/sub", ".optkit/migrations")) {
      deleteState();
      Files.createSymbolicLink(project.resolve(".optkit"), decoy);
      CliRun run = CliRun.of("assess", project.toString(), "--no-maven-repo", "--format", "json", "--cache-dir",
          project.resolve(cacheDir).toString());
      assertEquals(0, run.exitCode(), cacheDir + ": " + run.err());
      assertTrue(warnedPaths(run).contains(".optkit"), run.out());
      assertTrue(run.err().contains(".optkit: a symbolic link"), run.err());
    }
    deleteState();
    CliRun clean = assess();
    assertEquals(0, clean.exitCode(), clean.err());
    assertTrue(warnedPaths(clean).isEmpty(), clean.out());
  }

  @Test
  void aFifoWhereTheCacheLivesIsSetAsideUnopenedAndTheScanRunsWithNoCache() throws Exception {
    Path fifo = project.resolve(".optkit/cache/" + dev.optkit.analyzers.AssessmentCache.FILE_NAME);
    Files.createDirectories(fifo.getParent());
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertEquals(0, mkfifo.waitFor(), "mkfifo made the FIFO");
    CliRun run = assess(); // a FIFO opened for reading would block here: it is never opened
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(1, filesScanned(run));
    assertTrue(warnedPaths(run).contains(".optkit/cache/" + dev.optkit.analyzers.AssessmentCache.FILE_NAME), run.out());
    assertFalse(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS), "set aside");
    Path aside = project.resolve(".optkit/quarantine/" + fifo.getFileName() + "-1");
    assertTrue(Files.readAttributes(aside, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
        .isOther(), "still the FIFO, moved by name");
    CliRun next = assess();
    assertTrue(warnedPaths(next).isEmpty(), "the next run has its cache again: " + next.out());
  }

  @Test
  void aFileWhereAStateFolderShouldBeIsRefusedByName() throws Exception {
    Files.writeString(project.resolve(".optkit"), "not a folder\n");
    CliRun run = assess();
    assertEquals(0, run.exitCode(), "assess scans with no cache: " + run.err());
    assertTrue(warnedPaths(run).contains(".optkit"), run.out());
    assertTrue(run.err().contains(".optkit: a file where optkit keeps its own state"), run.err());
    CliRun migrate = migrate("--apply");
    assertEquals(2, migrate.exitCode(), migrate.err());
    assertTrue(migrate.err().contains(".optkit: a file where"), migrate.err());
    assertEquals(SERVICE, Files.readString(project.resolve("src/main/java/shop/Catalog.java")));
  }

  @Test
  void migrateRefusesLinkedStateFoldersByNameAndRepairRemovesTheLinksOnly() throws Exception {
    for (String planted : List.of(".optkit", ".optkit/migrations")) {
      deleteState();
      Path link = project.resolve(planted);
      Files.createDirectories(link.getParent());
      Files.createSymbolicLink(link, decoy.resolve(planted.endsWith("migrations") ? "migrations" : ""));
      for (String[] command : List.of(new String[] {"--apply", "--allow-dirty"}, new String[] {"--undo"},
          new String[0])) {
        CliRun run = migrate(command);
        assertEquals(2, run.exitCode(), planted + " " + List.of(command) + ": " + run.out() + run.err());
        assertTrue(run.err().contains(planted + ": a symbolic link where optkit keeps its own state"), run.err());
        assertTrue(run.err().contains("--repair"), run.err());
        noLeak(run);
      }
      assertEquals(SERVICE, Files.readString(project.resolve("src/main/java/shop/Catalog.java")));
      CliRun repair = migrate("--repair");
      assertEquals(0, repair.exitCode(), repair.err());
      assertTrue(repair.err().contains("removed the symbolic link " + planted), repair.err());
      assertFalse(Files.isSymbolicLink(link));
    }
    assertEquals(0, migrate("--apply", "--allow-dirty").exitCode(), "after the repair, migrate works");
  }

  @Test
  void aPlantedStateLinkNeverLeaksOrIsWrittenThroughAndBlocksNothing() throws Exception {
    String id = applied();
    Path migration = project.resolve(".optkit/migrations/" + id);
    Files.delete(migration.resolve("state"));
    Files.createSymbolicLink(migration.resolve("state"), Path.of("/proc/self/environ"));
    CliRun dry = migrate();
    assertEquals(0, dry.exitCode(), dry.err());
    noLeak(dry);
    assertTrue(dry.err().contains("moved migration " + id + " aside to .optkit/quarantine/" + id + "-1"), dry.err());
    assertTrue(dry.err().contains(".optkit/migrations/" + id + "/state: a symbolic link"), dry.err());
    assertTrue(Files.isSymbolicLink(project.resolve(".optkit/quarantine/" + id + "-1/state")), "kept as it was, aside");

    CliRun undo = migrate("--undo", id);
    assertEquals(2, undo.exitCode(), undo.err());
    noLeak(undo);
    CliRun again = migrate();
    assertFalse(again.err().contains("moved"), "quarantined once: " + again.err());
  }

  @Test
  void undoNeverWritesThroughAStateLinkNorCopiesOutsideBytesIn() throws Exception {
    Path file = project.resolve("src/main/java/shop/Catalog.java");
    String id = applied();
    String migrated = Files.readString(file);
    Path migration = project.resolve(".optkit/migrations/" + id);
    Files.delete(migration.resolve("state"));
    Files.createSymbolicLink(migration.resolve("state"), decoy.resolve("secret.txt"));
    CliRun undo = migrate("--undo", id, "--force");
    assertEquals(2, undo.exitCode(), undo.out() + undo.err());
    noLeak(undo);
    assertEquals(migrated, Files.readString(file), "nothing undone from a journal optkit cannot trust");

    // an originals/ folder linked outside: the decoy's bytes never reach the project
    String second = applied2(file);
    Path originals = project.resolve(".optkit/migrations/" + second + "/originals");
    deleteTree(originals);
    Files.createDirectories(decoy.resolve("src/main/java/shop"));
    Files.writeString(decoy.resolve("src/main/java/shop/Catalog.java"), SECRET + "\n");
    decoySums = sums(decoy);
    Files.createSymbolicLink(originals, decoy);
    CliRun linked = migrate("--undo", second, "--force");
    assertEquals(2, linked.exitCode(), linked.out() + linked.err());
    assertTrue(linked.err().contains("originals: a symbolic link"), linked.err());
    noLeak(linked);
    assertFalse(Files.readString(file).contains(SECRET), "the outside bytes never reach the project");
  }

  /** A second migration, on a project put back by hand to the original source. */
  private String applied2(Path file) throws IOException {
    deleteState();
    Files.writeString(file, SERVICE);
    Files.deleteIfExists(file.resolveSibling("OptkitCaching.java"));
    return applied();
  }

  @Test
  void aMalformedJournalIsQuarantinedAndBlocksNoOtherCommand() throws Exception {
    Path file = project.resolve("src/main/java/shop/Catalog.java");
    String id = applied();
    Files.writeString(project.resolve(".optkit/migrations/" + id + "/state"), "HALFWAY " + SECRET + "\n");
    CliRun dry = migrate();
    assertEquals(0, dry.exitCode(), dry.err());
    assertTrue(dry.err().contains("/state: not written by optkit on this machine"), dry.err());
    noLeak(dry);

    Files.writeString(file, SERVICE);
    Files.deleteIfExists(file.resolveSibling("OptkitCaching.java"));
    String next = applied();
    Files.writeString(project.resolve(".optkit/migrations/" + next + "/journal.json"), "{\"id\": \"" + SECRET);
    CliRun undo = migrate("--undo", next);
    assertEquals(2, undo.exitCode(), undo.err());
    assertTrue(undo.err().contains("journal.json: not written by optkit on this machine"), undo.err());
    noLeak(undo);
  }

  @Test
  void validateRefusesALinkedRunsFolderAndAJournalIdThatLeavesTheFolder() throws Exception {
    // a valid workload: it is read (and refused when wrong) before the run folder is made
    Files.writeString(project.resolve("workload.yaml"), """
        classpath: {build: touch built, entries: [classes]}
        fixture: {factory: tiny.Fixture#start}
        scenarios: [{name: reads, method: get, calls: 10}]
        """);
    Files.createDirectories(project.resolve(".optkit"));
    Files.createSymbolicLink(project.resolve(".optkit/runs"), decoy);
    CliRun run = CliRun.of("validate", project.toString(), "--baseline-only");
    assertEquals(2, run.exitCode(), run.out() + run.err());
    assertTrue(run.err().contains(".optkit/runs: a symbolic link"), run.err());
    CliRun history = CliRun.of("validate", project.toString(), "--history");
    assertEquals(2, history.exitCode(), history.out() + history.err());
    noLeak(history);

    CliRun journal = CliRun.of("validate", project.toString(), "--baseline-journal", "../x");
    assertEquals(2, journal.exitCode(), journal.out() + journal.err());
    assertTrue(journal.err().contains("is not a migration id"), journal.err());
  }

  @Test
  void historySkipsABadReportByNameAndShowsTheOthers() throws Exception {
    Path runs = Files.createDirectories(project.resolve(".optkit/runs"));
    Path good = Files.createDirectories(runs.resolve("20260101-000000-aaaaaa"));
    Files.writeString(good.resolve("report.json"), """
        {"runId": "20260101-000000-aaaaaa", "workload": "w", "baselineOnly": true, "callsCounted": true,
         "scenarios": [{"scenario": "lookups", "answersCompared": 0, "differingAnswers": 0}], "criteria": []}
        """);
    Path bad = Files.createDirectories(runs.resolve("20260101-000001-bbbbbb"));
    Files.writeString(bad.resolve("report.json"), "{ " + SECRET);
    Path partial = Files.createDirectories(runs.resolve("20260101-000003-dddddd"));
    Files.writeString(partial.resolve("report.json"), "{\"scenarios\": [{\"scenario\": \"s\\u001b]0;x\\u0007\\n::error::x\", "
        + "\"differingAnswers\": 0}]}");
    Path linked = Files.createDirectories(runs.resolve("20260101-000002-cccccc"));
    Files.createSymbolicLink(linked.resolve("report.json"), decoy.resolve("secret.txt"));
    CliRun history = CliRun.of("validate", project.toString(), "--history");
    assertEquals(0, history.exitCode(), history.err());
    assertTrue(history.out().contains("20260101-000000-aaaaaa  lookups"), history.out());
    assertTrue(history.out().contains("20260101-000001-bbbbbb  skipped: report.json is not a report optkit wrote"),
        history.out());
    assertTrue(history.out().contains("20260101-000002-cccccc  skipped: a symbolic link"), history.out());
    assertTrue(history.out().contains("20260101-000003-dddddd  skipped: report.json is not a report optkit wrote"),
        "a report without its criteria: " + history.out());
    assertFalse(history.out().contains("\u001b") || history.out().contains("\n::error"), history.out());
    noLeak(history);
  }

  @Test
  void assessOfASingleFileOutsideAnyProjectKeepsNoStateBesideIt() throws Exception {
    Path lone = Files.createDirectories(dir.resolve("lone"));
    Path file = lone.resolve("Catalog.java");
    Files.writeString(file, SERVICE);
    CliRun run = CliRun.of("assess", file.toString(), "--no-maven-repo");
    assertEquals(0, run.exitCode(), run.err());
    assertFalse(Files.exists(lone.resolve(".optkit")), "no state beside a single file");

    Files.writeString(lone.resolve("pom.xml"), "<project/>");
    Path nested = Files.createDirectories(lone.resolve("src/main/java/shop"));
    Files.move(file, nested.resolve("Catalog.java"));
    assertEquals(0, CliRun.of("assess", nested.resolve("Catalog.java").toString(), "--no-maven-repo").exitCode());
    assertTrue(Files.isDirectory(lone.resolve(".optkit/cache")), "the state of the project the file is in");
    assertFalse(Files.exists(nested.resolve(".optkit")));
  }

  private void deleteState() throws IOException {
    Path state = project.resolve(".optkit");
    if (Files.isSymbolicLink(state) || Files.isRegularFile(state)) {
      Files.delete(state);
    } else if (Files.exists(state)) {
      deleteTree(state);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (Files.isSymbolicLink(root)) {
      Files.delete(root);
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
