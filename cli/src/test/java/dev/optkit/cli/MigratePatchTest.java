package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * migrate --patch FILE writes the plan's changes as one patch and, in a dry run, keeps the diff off stdout: `git
 * apply` of it in a clean copy of the sample gives every file --apply writes, byte for byte.
 */
class MigratePatchTest {
  @TempDir Path dir;

  @Test
  void gitApplyOfThePatchGivesWhatApplyWrites() throws Exception {
    Path patched = SampleCheckout.create(Files.createDirectories(dir.resolve("patched")), "plain-java-service");
    Path patch = dir.resolve("optkit.patch");
    CliRun dry = CliRun.of("migrate", patched.toString(), "--no-maven-repo", "--patch", patch.toString());
    assertEquals(0, dry.exitCode(), dry.err());
    assertFalse(dry.out().contains("\n+++ b/"), "the diff goes to the patch, not to stdout");
    assertTrue(Files.readString(patch).startsWith("diff --git a/"), Files.readString(patch));
    // the paths are from the repository's top, where git apply takes them
    run(patched.getParent().getParent(), "git", "apply", patch.toString());

    Path applied = SampleCheckout.create(Files.createDirectories(dir.resolve("applied")), "plain-java-service");
    CliRun apply = CliRun.of("migrate", applied.toString(), "--no-maven-repo", "--apply");
    assertEquals(0, apply.exitCode(), apply.err());
    List<String> changed = List.of(run(applied.getParent().getParent(), "git", "status", "--porcelain",
        "--untracked-files=all").split("\n")).stream().filter(l -> !l.isBlank())
        .map(l -> l.substring(3)).filter(p -> !p.contains(".optkit/")).toList();
    assertFalse(changed.isEmpty());
    for (String path : changed) {
      Path file = applied.getParent().getParent().resolve(path);
      Path twin = patched.getParent().getParent().resolve(path);
      assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(twin), path);
    }
  }

  private static String run(Path directory, String... command) throws Exception {
    Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + output);
    return output;
  }
}
