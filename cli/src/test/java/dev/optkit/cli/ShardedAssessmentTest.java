package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.parse.ShardFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An assessment made in shards ({@code assess --shard I/N}, on one machine or many) and merged ({@code merge}) is the
 * assessment of one process, byte for byte in every report format; shards that cannot make one run's assessment are
 * refused, naming the shard or the file and why.
 */
class ShardedAssessmentTest {
  @TempDir Path dir;

  private static final int SHARDS = 3;

  /** assess's options both runs take: no facts cache (a shard's facts are its own), no dependency resolution. */
  private static List<String> options(Path project) {
    return List.of(project.toString(), "--offline", "--no-cache", "--no-resolve");
  }

  private Path checkout(String sample) throws Exception {
    return SampleCheckout.create(Files.createDirectories(dir.resolve("checkout")), sample);
  }

  private Path shardFile(int index) {
    return dir.resolve("shards").resolve("shard-" + index);
  }

  private void makeShards(Path project) throws Exception {
    Files.createDirectories(shardFile(1).getParent());
    for (int i = 1; i <= SHARDS; i++) {
      List<String> args = new ArrayList<>(List.of("assess"));
      args.addAll(options(project));
      args.addAll(List.of("--shard", i + "/" + SHARDS, "--shard-out", shardFile(i).toString()));
      CliRun shard = CliRun.of(args.toArray(String[]::new));
      assertEquals(0, shard.exitCode(), shard.err());
    }
  }

  private CliRun merge(Path project, List<Path> shards, String... more) {
    List<String> args = new ArrayList<>(List.of("merge"));
    args.addAll(options(project));
    shards.forEach(file -> args.addAll(List.of("--shard-file", file.toString())));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  private List<Path> everyShard() {
    List<Path> files = new ArrayList<>();
    for (int i = 1; i <= SHARDS; i++) {
      files.add(shardFile(i));
    }
    return files;
  }

  private static byte[] read(Path file) throws Exception {
    return Files.readAllBytes(file);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"spring-service", "plain-java-service", "legacy-java8-service", "multi-module-shop"})
  void shardsMergedAreOneProcesssAssessmentInEveryFormat(String project) throws Exception {
    Path root = project.equals("multi-module-shop") ? SampleCheckout.fixture(dir, project)
        : checkout(project);
    List<String> formats = List.of("json", "sarif", "markdown", "html");
    for (String format : formats) {
      List<String> args = new ArrayList<>(List.of("assess"));
      args.addAll(options(root));
      args.addAll(List.of("--format", format, "-o", dir.resolve("single." + format).toString()));
      CliRun single = CliRun.of(args.toArray(String[]::new));
      assertTrue(single.exitCode() <= 1, single.err());
    }
    makeShards(root);
    for (int i = 1; i <= SHARDS; i++) {
      assertEquals(i, ShardFile.read(shardFile(i)).index());
    }
    for (String format : formats) {
      CliRun merged = merge(root, everyShard(), "--format", format, "-o", dir.resolve("merged." + format).toString());
      assertTrue(merged.exitCode() <= 1, merged.err());
      assertArrayEquals(read(dir.resolve("single." + format)), read(dir.resolve("merged." + format)), format);
    }
  }

  @Test
  void aMissingShardIsRefusedNamingIt() throws Exception {
    Path root = checkout("plain-java-service");
    makeShards(root);
    CliRun merged = merge(root, List.of(shardFile(1), shardFile(3)));
    assertEquals(ExitCodes.USAGE, merged.exitCode(), merged.err());
    assertTrue(merged.err().contains("shard 2/3 ") && merged.err().contains("[shard.missing]"), merged.err());
  }

  @Test
  void aShardGivenTwiceIsRefused() throws Exception {
    Path root = checkout("plain-java-service");
    makeShards(root);
    CliRun merged = merge(root, List.of(shardFile(1), shardFile(2), shardFile(2), shardFile(3)));
    assertEquals(ExitCodes.USAGE, merged.exitCode(), merged.err());
    assertTrue(merged.err().contains("shard 2/3 ") && merged.err().contains("[shard.given-twice]"), merged.err());
  }

  /** A file changed between the shards and the merge: its facts are not the file's. */
  @Test
  void aFileChangedSinceItsShardReadItIsRefused() throws Exception {
    Path root = checkout("plain-java-service");
    makeShards(root);
    Path changed;
    try (var files = Files.walk(root.resolve("src/main/java"))) {
      changed = files.filter(file -> file.toString().endsWith(".java")).sorted().findFirst().orElseThrow();
    }
    Files.writeString(changed, Files.readString(changed) + "\n// changed\n");
    CliRun merged = merge(root, everyShard());
    assertEquals(ExitCodes.USAGE, merged.exitCode(), merged.err());
    String relative = root.relativize(changed).toString().replace('\\', '/');
    assertTrue(merged.err().contains(relative) && merged.err().contains("[shard.file-changed]"), merged.err());
  }

  /** A file added since the shards: no shard has its facts. */
  @Test
  void shardsOfAnotherTreeAreRefused() throws Exception {
    Path root = checkout("plain-java-service");
    makeShards(root);
    Path added = root.resolve("src/main/java/dev/optkit/samples/plain/Added.java");
    Files.writeString(added, "package dev.optkit.samples.plain;\n\nclass Added {\n}\n");
    CliRun merged = merge(root, everyShard());
    assertEquals(ExitCodes.USAGE, merged.exitCode(), merged.err());
    assertTrue(merged.err().contains("Added.java") && merged.err().contains("[shard.other-tree]"), merged.err());
  }

  @Test
  void aFileThatIsNoShardIsRefused() throws Exception {
    Path root = checkout("plain-java-service");
    Path planted = dir.resolve("planted");
    Files.writeString(planted, "{\"not\": \"a shard\"}");
    CliRun merged = merge(root, List.of(planted));
    assertEquals(ExitCodes.USAGE, merged.exitCode(), merged.err());
    assertTrue(merged.err().contains("cannot read shard"), merged.err());
  }

  @Test
  void aShardIsIOfNWithinItsCount() throws Exception {
    Path root = checkout("plain-java-service");
    for (String bad : List.of("0/3", "4/3", "3", "a/b", "/3")) {
      List<String> args = new ArrayList<>(List.of("assess"));
      args.addAll(options(root));
      args.addAll(List.of("--shard", bad));
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertEquals(ExitCodes.USAGE, run.exitCode(), bad + ": " + run.err());
      assertTrue(run.err().contains("a shard is I/N"), run.err());
    }
  }

  /**
   * The times a merge records ({@code --weights-out}) share the next run's files out ({@code --shard-weights}): its
   * merge is still one process's assessment; a shard planned by other times than the others is refused.
   */
  @Test
  void shardsSharedOutByRecordedTimesMergeToOneProcesssAssessment() throws Exception {
    Path root = checkout("spring-service");
    CliRun single = CliRun.of(java.util.stream.Stream.concat(java.util.stream.Stream.of("assess"),
        java.util.stream.Stream.concat(options(root).stream(), java.util.stream.Stream.of("--format", "json", "-o",
            dir.resolve("single.json").toString()))).toArray(String[]::new));
    assertTrue(single.exitCode() <= 1, single.err());
    makeShards(root);
    Path weights = dir.resolve("weights.json");
    CliRun first = merge(root, everyShard(), "--format", "json", "-o", dir.resolve("first.json").toString(),
        "--weights-out", weights.toString());
    assertTrue(first.exitCode() <= 1, first.err());
    assertTrue(Files.isRegularFile(weights), first.err());
    for (int i = 1; i <= SHARDS; i++) {
      List<String> args = new ArrayList<>(List.of("assess"));
      args.addAll(options(root));
      args.addAll(List.of("--shard", i + "/" + SHARDS, "--shard-out", shardFile(i).toString(), "--shard-weights",
          weights.toString()));
      CliRun shard = CliRun.of(args.toArray(String[]::new));
      assertEquals(0, shard.exitCode(), shard.err());
    }
    CliRun timed = merge(root, everyShard(), "--format", "json", "-o", dir.resolve("timed.json").toString());
    assertTrue(timed.exitCode() <= 1, timed.err());
    assertArrayEquals(read(dir.resolve("single.json")), read(dir.resolve("timed.json")));

    // shard 1 made again by size: the run's shards were shared out by two plans
    List<String> args = new ArrayList<>(List.of("assess"));
    args.addAll(options(root));
    args.addAll(List.of("--shard", "1/" + SHARDS, "--shard-out", shardFile(1).toString()));
    assertEquals(0, CliRun.of(args.toArray(String[]::new)).exitCode());
    CliRun mixed = merge(root, everyShard(), "--format", "json", "-o", dir.resolve("mixed.json").toString());
    assertEquals(ExitCodes.USAGE, mixed.exitCode(), mixed.err());
    assertTrue(mixed.err().contains("[shard.other-plan]"), mixed.err());
  }
}
