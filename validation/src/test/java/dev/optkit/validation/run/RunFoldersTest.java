package dev.optkit.validation.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.io.StateDirectory;
import dev.optkit.analyzers.io.StateFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFoldersTest {
  @TempDir Path dir;

  @Test
  void runsStartedInTheSameSecondNeverShareAFolder() throws Exception {
    StateDirectory state = StateDirectory.ofProject(dir);
    Path runs = state.resolve("runs");
    Set<Path> folders = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      Path folder = RunFolders.create(state, runs);
      assertTrue(Files.isDirectory(folder));
      try (var entries = Files.list(folder)) {
        assertEquals(0, entries.count(), "a new folder is empty");
      }
      assertTrue(folder.getFileName().toString().matches("\\d{8}-\\d{6}-[0-9a-f]{6}"), folder.toString());
      folders.add(folder);
    }
    assertEquals(50, folders.size());
  }

  @Test
  void aLinkedRunsFolderIsRefusedByName() throws Exception {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Path project = Files.createDirectories(dir.resolve("project"));
    Files.createDirectories(project.resolve(".optkit"));
    Files.createSymbolicLink(project.resolve(".optkit/runs"), outside);
    StateDirectory state = StateDirectory.ofProject(project);
    StateFileException refused = assertThrows(StateFileException.class, () -> RunFolders.create(state, state.resolve("runs")));
    assertEquals(".optkit/runs", refused.getFile());
    try (var entries = Files.list(outside)) {
      assertEquals(0, entries.count());
    }
    assertNotEquals(null, refused.problem());
  }
}
