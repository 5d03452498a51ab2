package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.rewriters.edit.FileChange;
import dev.optkit.rewriters.plan.PatchFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * migrate --patch: the changes as one patch `git apply` takes, each file coming out byte for byte as migrate writes
 * it: a CRLF file stays CRLF, a last line without a line break keeps none, a new file is created.
 */
class PatchFileTest {
  @TempDir Path dir;

  @Test
  void gitApplyMakesEveryFileAsMigrateWritesIt() throws Exception {
    byte[] crlfBefore = "class A {\r\n  int a() { return 1; }\r\n}\r\n".getBytes(StandardCharsets.UTF_8);
    byte[] crlfAfter = "class A {\r\n  // cached\r\n  int a() { return 1; }\r\n}\r\n".getBytes(StandardCharsets.UTF_8);
    byte[] openBefore = "line one\nline two".getBytes(StandardCharsets.UTF_8);
    byte[] openAfter = "line one\nline 2".getBytes(StandardCharsets.UTF_8);
    byte[] created = "package shop;\n\nclass Switch {}\n".getBytes(StandardCharsets.UTF_8);
    Files.createDirectories(dir.resolve("src"));
    Files.write(dir.resolve("src/A.java"), crlfBefore);
    Files.write(dir.resolve("notes.txt"), openBefore);
    git("init", "-q");
    git("-c", "user.email=t@t", "-c", "user.name=t", "-c", "core.autocrlf=false", "add", "-A");
    git("-c", "user.email=t@t", "-c", "user.name=t", "commit", "-q", "-m", "before");
    String patch = PatchFile.of(List.of(new FileChange("src/A.java", crlfBefore, crlfAfter, List.of()),
        new FileChange("notes.txt", openBefore, openAfter, List.of()),
        new FileChange("src/Switch.java", null, created, List.of())));
    Files.writeString(dir.resolve("optkit.patch"), patch);
    git("apply", "optkit.patch");
    assertArrayEquals(crlfAfter, Files.readAllBytes(dir.resolve("src/A.java")));
    assertArrayEquals(openAfter, Files.readAllBytes(dir.resolve("notes.txt")));
    assertArrayEquals(created, Files.readAllBytes(dir.resolve("src/Switch.java")));
    assertEquals("", PatchFile.of(List.of(new FileChange("same.txt", openBefore, openBefore, List.of()))));
  }

  private void git(String... arguments) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("git"));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + output);
  }
}
