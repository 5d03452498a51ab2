package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.Journal;
import dev.optkit.rewriters.plan.MigrationPlan;
import dev.optkit.rewriters.plan.Migrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigratorTest {
  @TempDir Path dir;

  private static final String SOURCE = """
      package shop;

      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;

      public class Names {
          private final HttpClient http = HttpClient.newHttpClient();

          public String fetchName(String id) throws Exception {
              return http.send(HttpRequest.newBuilder(URI.create("https://n.example.com/" + id)).build(),
                      HttpResponse.BodyHandlers.ofString()).body();
          }
      }
      """;

  private Path file() {
    return dir.resolve("project/src/main/java/shop/Names.java");
  }

  private MigrationPlan plan() throws Exception {
    return new MigrationFixture(dir.resolve("project")).java(SOURCE).plan();
  }

  @Test
  void applyKeepsPermissionsJournalsOriginalsAndUndoRestoresBytes() throws Exception {
    MigrationPlan plan = plan();
    Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rwxr-x---"));
    byte[] original = Files.readAllBytes(file());
    Journal journal = Migrator.apply(plan, "test", "savings: {}\n");
    assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
    assertFalse(new String(Files.readAllBytes(file())).equals(new String(original)));
    Path journalDir = Journal.directory(plan.root(), journal.id());
    assertArrayEquals(original, Files.readAllBytes(journalDir.resolve("originals/src/main/java/shop/Names.java")));
    Journal read = Journal.read(plan.root(), journal.id());
    assertEquals("test", read.optkitVersion());
    assertEquals("savings: {}\n", read.config());
    assertTrue(read.files().stream().anyMatch(e -> e.path().endsWith("OptkitCaching.java") && e.sha256Before() == null));
    try (var leftovers = Files.list(file().getParent())) {
      assertTrue(leftovers.noneMatch(p -> p.getFileName().toString().endsWith(".optkit-tmp")), "no temporary files left");
    }

    Migrator.undo(plan.root(), journal.id(), false);
    assertArrayEquals(original, Files.readAllBytes(file()));
    assertFalse(Files.exists(file().resolveSibling("OptkitCaching.java")), "files the migration created are removed");
  }

  @Test
  void undoRefusesFilesEditedSinceUnlessForced() throws Exception {
    MigrationPlan plan = plan();
    byte[] original = Files.readAllBytes(file());
    Journal journal = Migrator.apply(plan, "test", null);
    Files.writeString(file(), Files.readString(file()) + "// edited by hand\n");
    Migrator.Refused refused = assertThrows(Migrator.Refused.class, () -> Migrator.undo(plan.root(), journal.id(), false));
    assertTrue(refused.getMessage().contains("src/main/java/shop/Names.java"), refused.getMessage());
    assertTrue(Files.readString(file()).endsWith("// edited by hand\n"), "a refused undo writes nothing");
    assertTrue(Files.exists(file().resolveSibling("OptkitCaching.java")), "a refused undo writes nothing");
    Migrator.undo(plan.root(), journal.id(), true);
    assertArrayEquals(original, Files.readAllBytes(file()));
  }
}
