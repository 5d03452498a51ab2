package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.edit.FileChange;
import dev.optkit.rewriters.plan.Journal;
import dev.optkit.rewriters.plan.Recovery;
import java.util.List;
import dev.optkit.rewriters.plan.MigrationPlan;
import dev.optkit.rewriters.plan.Migrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigratorTest {
  @TempDir Path dir;

  private Path file() {
    return dir.resolve("project/src/main/java/shop/Names.java");
  }

  private MigrationPlan plan() throws Exception {
    return new MigrationFixture(dir.resolve("project")).java(MigrationFixture.NAMES_SERVICE).plan();
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
  void undoReversesTheMigrationAsAPatchKeepingUnrelatedEdits() throws Exception {
    MigrationPlan plan = plan();
    byte[] original = Files.readAllBytes(file());
    Journal journal = Migrator.apply(plan, "test", null);
    // a formatter or a colleague touched lines the migration did not
    Files.writeString(file(), Files.readString(file()).replace("public class Names {", "public class Names { // reviewed")
        + "// edited by hand\n");
    Migrator.undo(plan.root(), journal.id(), false);
    String expected = new String(original).replace("public class Names {", "public class Names { // reviewed")
        + "// edited by hand\n";
    assertEquals(expected, Files.readString(file()));
    assertFalse(Files.exists(file().resolveSibling("OptkitCaching.java")), "files the migration created are removed");
    Migrator.Refused again = assertThrows(Migrator.Refused.class, () -> Migrator.undo(plan.root(), journal.id(), false));
    assertTrue(again.getMessage().contains("already undone"), again.getMessage());
  }

  @Test
  void aLineAddedNearTheImportsTheMigrationAddedIsNoConflict() throws Exception {
    MigrationPlan plan = plan();
    String original = Files.readString(file());
    Journal journal = Migrator.apply(plan, "test", null);
    String migrated = Files.readString(file());
    // a comment two lines above the first import the migration added, and one right above the package
    String firstAdded = migrated.lines().filter(l -> l.startsWith("import ") && !original.contains(l)).findFirst().orElseThrow();
    String[] lines = migrated.split("\n", -1);
    int at = java.util.Arrays.asList(lines).indexOf(firstAdded);
    List<String> edited = new java.util.ArrayList<>(java.util.Arrays.asList(lines));
    edited.add(Math.max(0, at - 2), "// imports reviewed");
    Files.writeString(file(), String.join("\n", edited));
    Migrator.undo(plan.root(), journal.id(), false);
    List<String> expected = new java.util.ArrayList<>(java.util.Arrays.asList(original.split("\n", -1)));
    String anchor = lines[Math.max(0, at - 2)];
    expected.add(expected.indexOf(anchor), "// imports reviewed");
    assertEquals(String.join("\n", expected), Files.readString(file()));
  }

  @Test
  void undoRefusesAConflictingEditNamingTheHunkUnlessForced() throws Exception {
    MigrationPlan plan = plan();
    byte[] original = Files.readAllBytes(file());
    Journal journal = Migrator.apply(plan, "test", null);
    String migrated = Files.readString(file());
    Files.writeString(file(), migrated.replace("if (OptkitCaching.disabled()", "if (OptkitCaching.disabled() || id.isEmpty()"));
    String edited = Files.readString(file());
    Migrator.Refused refused = assertThrows(Migrator.Refused.class, () -> Migrator.undo(plan.root(), journal.id(), false));
    assertTrue(refused.getMessage().contains("src/main/java/shop/Names.java: the hunk at migrated lines"), refused.getMessage());
    assertTrue(refused.getMessage().contains("was changed since"), refused.getMessage());
    assertEquals(edited, Files.readString(file()), "a refused undo writes nothing");
    assertTrue(Files.exists(file().resolveSibling("OptkitCaching.java")), "a refused undo writes nothing");
    Migrator.undo(plan.root(), journal.id(), true);
    assertArrayEquals(original, Files.readAllBytes(file()));
  }

  @Test
  void aPlantedJournalIsNeverActedOn() throws Exception {
    Path project = Files.createDirectories(dir.resolve("victim-project"));
    Path outside = dir.resolve("outside.txt");
    Files.writeString(outside, "precious\n");
    Files.createDirectories(project.resolve(".git"));
    Files.writeString(project.resolve(".git/config"), "[core]\n");
    String id = "20260101-000000-abcdef";
    Path journalDir = Journal.directory(project, id);
    Files.createDirectories(journalDir.resolve("originals/.git"));
    Files.writeString(journalDir.resolve("originals/.git/config"), "[core]\n\tfsmonitor = \"touch pwned\"\n");
    Files.writeString(journalDir.resolve("journal.json"), """
        {"id": "%s", "optkitVersion": "x", "config": null, "cached": [], "refused": [],
         "files": [{"path": ".git/config", "sha256Before": "%s", "sha256After": "%s"}]}
        """.formatted(id, "1".repeat(64), dev.optkit.analyzers.io.Hashes.sha256(Files.readAllBytes(project.resolve(".git/config")))));
    Files.writeString(journalDir.resolve("state"), "UNDOING\n");
    // unsealed: not written by this user's optkit, so never rolled back, finished or undone
    assertThrows(java.io.IOException.class, () -> Migrator.undo(project, id, true));
    List<String> report = Recovery.run(project);
    assertEquals(1, report.size(), report.toString());
    assertTrue(report.get(0).contains("not written by optkit on this machine"), report.get(0));
    assertEquals("[core]\n", Files.readString(project.resolve(".git/config")));
    assertEquals("precious\n", Files.readString(outside));
  }

  @Test
  void journalPathsStayInsideTheProjectAndOutOfGitAndOptkitState() throws Exception {
    Path project = Files.createDirectories(dir.resolve("p"));
    Files.createSymbolicLink(project.resolve("link"), dir);
    for (String path : List.of("../outside.txt", "/etc/passwd", "link/outside.txt", "C:x", "a\\b", "src/./A.java",
        "src//A.java", ".git/config", ".optkit/migrations/x/state", "src/A\u001b]0;x\u0007.java", "src/\nA.java", "")) {
      assertThrows(java.io.IOException.class, () -> Journal.inside(project, path), path);
    }
    assertEquals(project.resolve("src/main/java/Ünïcode.java"), Journal.inside(project, "src/main/java/Ünïcode.java"));
    for (String id : List.of("../../etc", "a/b", "..", "")) {
      assertThrows(Migrator.Refused.class, () -> Migrator.undo(project, id, true), id);
    }
  }

  /**
   * Undo leaves the tree as the migration found it: the folders it made for a created file go with it, the project's
   * own folders stay. (A trial's undo left an empty src/test/resources/META-INF/optkit behind.)
   */
  @Test
  void undoRemovesTheFoldersTheMigrationMadeAndNoOther() throws Exception {
    MigrationPlan plan = plan();
    List<FileChange> changes = new java.util.ArrayList<>(plan.changes());
    changes.add(new FileChange("src/test/resources/META-INF/optkit/marker", null, "on\n".getBytes(), List.of("marker")));
    MigrationPlan withMarker = new MigrationPlan(plan.root(), changes, plan.targets(), plan.refusals(), plan.notes(),
        plan.notCacheable());
    assertFalse(Files.exists(plan.root().resolve("src/test")));
    Journal journal = Migrator.apply(withMarker, "test", null);
    assertTrue(Files.isRegularFile(plan.root().resolve("src/test/resources/META-INF/optkit/marker")));
    Migrator.undo(plan.root(), journal.id(), false);
    assertFalse(Files.exists(plan.root().resolve("src/test")), "the folders the migration made are gone");
    assertTrue(Files.isDirectory(plan.root().resolve("src/main/java")), "the project's own folders stay");
  }

  @Test
  void aFailedWritePutsBackWhatWasWritten() throws Exception {
    MigrationPlan plan = plan();
    byte[] original = Files.readAllBytes(file());
    // the last file cannot be created: its directory is a regular file
    Path blocker = plan.root().resolve("blocked");
    Files.writeString(blocker, "not a directory\n");
    List<FileChange> changes = new java.util.ArrayList<>(plan.changes());
    changes.add(new FileChange("blocked/Extra.java", null, "class Extra {}\n".getBytes(), List.of("extra")));
    MigrationPlan failing = new MigrationPlan(plan.root(), changes, plan.targets(), plan.refusals(), plan.notes(),
        plan.notCacheable());
    Migrator.WriteFailed failed = assertThrows(Migrator.WriteFailed.class, () -> Migrator.apply(failing, "test", null));
    assertTrue(failed.getMessage().contains("blocked/Extra.java"), failed.getMessage());
    assertArrayEquals(original, Files.readAllBytes(file()));
    assertFalse(Files.exists(file().resolveSibling("OptkitCaching.java")));
    assertEquals(List.of(), Recovery.run(plan.root()), "a rolled-back migration needs no recovery");
  }

  @Test
  void recoveryRollsBackAnApplyCutShortAndRemovesTemporaryFiles() throws Exception {
    MigrationPlan plan = plan();
    byte[] original = Files.readAllBytes(file());
    Journal journal = Migrator.apply(plan, "test", null);
    // as if killed after the first file: the state says applying, one created file is not there yet
    Journal.writeState(plan.root(), journal.id(), Journal.State.APPLYING);
    Files.delete(file().resolveSibling("OptkitCaching.java"));
    Path temporary = file().resolveSibling(".Names.java.12345.optkit-tmp");
    Files.writeString(temporary, "half");
    List<String> report = Recovery.run(plan.root());
    assertEquals(1, report.size(), report.toString());
    assertTrue(report.get(0).startsWith("rolled back migration " + journal.id()), report.toString());
    assertArrayEquals(original, Files.readAllBytes(file()));
    assertFalse(Files.exists(temporary));
    assertEquals(Journal.State.ROLLED_BACK, Journal.state(plan.root(), journal.id()));
    assertEquals(List.of(), Recovery.run(plan.root()), "nothing left to repair");
  }

  @Test
  void aFileTornByAnythingElseIsNamedWithTheCommandThatRestoresIt() throws Exception {
    MigrationPlan plan = plan();
    byte[] original = Files.readAllBytes(file());
    Journal journal = Migrator.apply(plan, "test", null);
    byte[] migrated = Files.readAllBytes(file());
    // as a short write not continued would have left it: the first 4 KB of the new bytes, or fewer
    Files.write(file(), java.util.Arrays.copyOf(migrated, Math.min(4096, migrated.length / 2)));
    Journal.writeState(plan.root(), journal.id(), Journal.State.APPLYING);
    List<String> report = Recovery.run(plan.root());
    assertEquals(1, report.size(), report.toString());
    assertTrue(report.get(0).contains("src/main/java/shop/Names.java matches neither its original nor its migrated bytes"),
        report.get(0));
    String command = "optkit migrate " + plan.root() + " --undo " + journal.id() + " --force";
    assertTrue(report.get(0).endsWith(command), report.get(0));
    Migrator.Refused unforced = assertThrows(Migrator.Refused.class, () -> Migrator.undo(plan.root(), journal.id(), false));
    assertTrue(unforced.getMessage().contains("already rolled back"), unforced.getMessage());
    Migrator.undo(plan.root(), journal.id(), true); // the command the report gave
    assertArrayEquals(original, Files.readAllBytes(file()));
    assertFalse(Files.exists(file().resolveSibling("OptkitCaching.java")));
  }

  @Test
  void aJournalCopyChangedSinceIsNeverWrittenIntoTheProject() throws Exception {
    MigrationPlan plan = plan();
    Journal journal = Migrator.apply(plan, "test", null);
    byte[] migrated = Files.readAllBytes(file());
    Path copy = Journal.directory(plan.root(), journal.id()).resolve("originals/src/main/java/shop/Names.java");
    Files.writeString(copy, "class Planted {}\n");
    java.io.IOException refused = assertThrows(java.io.IOException.class, () -> Migrator.undo(plan.root(), journal.id(), true));
    assertTrue(refused.getMessage().contains("not the copy the journal recorded"), refused.getMessage());
    assertArrayEquals(migrated, Files.readAllBytes(file()));
  }

  @Test
  void aRollbackWithADamagedCopyWritesNothingAndSaysSo() throws Exception {
    MigrationPlan plan = plan();
    Journal journal = Migrator.apply(plan, "test", null);
    byte[] migrated = Files.readAllBytes(file());
    Journal.writeState(plan.root(), journal.id(), Journal.State.APPLYING);
    Files.writeString(Journal.directory(plan.root(), journal.id()).resolve("originals/src/main/java/shop/Names.java"),
        "damaged\n", java.nio.file.StandardOpenOption.APPEND);
    List<String> report = Recovery.run(plan.root());
    assertEquals(1, report.size(), report.toString());
    assertTrue(report.get(0).contains("the project's files were left as they are"), report.get(0));
    // true of the project: the created file was not removed before the damaged copy was found
    assertArrayEquals(migrated, Files.readAllBytes(file()));
    assertTrue(Files.exists(file().resolveSibling("OptkitCaching.java")));
  }
}
