package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** merge --weights-out, reviewed as any other file optkit is told to write. */
class MergeWeightsOutTest {
  @TempDir Path dir;

  private static List<String> options(Path project) {
    return List.of(project.toString(), "--offline", "--no-cache", "--no-resolve");
  }

  /**
   * optkit makes no folders on the way to a file it is told to write (ReportOptions.checkFolder: "a mistyped -o is an
   * error, not a new tree somewhere on the machine"; --output, --shard-out, --write-baseline are checked before any
   * work). --weights-out in a folder that does not exist is not checked: the merge runs, writes its report, then
   * ShardWeights.write creates the whole missing tree and the merge succeeds.
   */
  @Test
  void weightsOutInAFolderThatDoesNotExistIsAUsageErrorAndMakesNoFolders() throws Exception {
    Path project = SampleCheckout.create(Files.createDirectories(dir.resolve("checkout")), "plain-java-service");
    List<Path> shards = new ArrayList<>();
    for (int i = 1; i <= 2; i++) {
      Path shard = dir.resolve("shard-" + i);
      List<String> args = new ArrayList<>(List.of("assess"));
      args.addAll(options(project));
      args.addAll(List.of("--shard", i + "/2", "--shard-out", shard.toString()));
      CliRun made = CliRun.of(args.toArray(String[]::new));
      assertEquals(0, made.exitCode(), made.err());
      shards.add(shard);
    }
    Path mistyped = dir.resolve("wieghts").resolve("ci").resolve("weights.json");
    List<String> args = new ArrayList<>(List.of("merge"));
    args.addAll(options(project));
    shards.forEach(file -> args.addAll(List.of("--shard-file", file.toString())));
    args.addAll(List.of("--format", "json", "-o", dir.resolve("merged.json").toString(), "--weights-out",
        mistyped.toString()));
    CliRun merged = CliRun.of(args.toArray(String[]::new));
    assertFalse(Files.exists(dir.resolve("wieghts")), "--weights-out made the folders " + dir.resolve("wieghts")
        + " (exit " + merged.exitCode() + ")");
    assertEquals(ExitCodes.USAGE, merged.exitCode(), merged.err());
  }
}
