package dev.optkit.analyzers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A remembered hash is used only while the file's status says its content cannot have changed. */
class FileHashesTest {
  @TempDir Path dir;

  /** A clock well past every file time of the test: no status is racy when it saves. */
  private static final LongSupplier LATER = () -> System.currentTimeMillis() + 600_000;

  private Path cache() {
    return dir.resolve("cache");
  }

  private Path write(String name, String content) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  /** One run: opens the remembered hashes, hashes the file, saves; returns what it took and reused. */
  private record Run(String hash, int reused) {}

  private Run run(Path file, LongSupplier clock) throws Exception {
    FileHashes hashes = FileHashes.open(cache(), clock);
    String hash = hashes.sha256(file);
    hashes.save();
    return new Run(hash, hashes.reused());
  }

  private int sharedRun(Path file, LongSupplier clock) throws Exception {
    FileHashes hashes = FileHashes.open(cache(), clock);
    hashes.sha256(file);
    hashes.saveKeepingOthers();
    return hashes.reused();
  }

  @Test
  void aSharedCacheKeepsWhatAnotherRunHashed() throws Exception {
    // the user cache's jars: a run over another project's jars left the first project's statuses out of its save,
    // and every project's run hashed its jars again
    Path first = write("first.jar", "first");
    Path second = write("second.jar", "second");
    assertEquals(0, sharedRun(first, LATER));
    assertEquals(0, sharedRun(second, LATER));
    assertEquals(1, sharedRun(first, LATER));
    assertEquals(1, sharedRun(second, LATER));
  }

  @Test
  void aSharedCacheDropsAnotherRunsStatusThatWasRacy() throws Exception {
    // seen just before its save, a status is trusted only once a later save saw it again; kept by another run's save,
    // under that run's newer time, it would have been trusted without
    Path first = write("first.jar", "first");
    Path second = write("second.jar", "second");
    long written = Math.max(Files.getLastModifiedTime(first).toMillis(), Files.getLastModifiedTime(second).toMillis());
    LongSupplier now = () -> written + 1; // a save just after the files were written: their statuses are racy
    assertEquals(0, sharedRun(first, now));
    assertEquals(0, sharedRun(second, LATER));
    assertEquals(0, sharedRun(first, LATER));
  }

  @Test
  void anUnchangedFileKeepsItsHashWithoutBeingRead() throws Exception {
    Path file = write("A.java", "class A {}");
    assertEquals(new Run(Hashes.sha256("class A {}"), 0), run(file, LATER));
    assertEquals(new Run(Hashes.sha256("class A {}"), 1), run(file, LATER));
  }

  @Test
  void newContentOfTheSameSizeUnderTheOldModificationTimeIsHashedAgain() throws Exception {
    Path file = write("A.java", "class A {}");
    FileTime modified = Files.getLastModifiedTime(file);
    run(file, LATER);
    Files.writeString(file, "class B {}"); // what an rsync -t or cp -p of other content leaves
    Files.setLastModifiedTime(file, modified);
    assertEquals(Files.size(file), "class A {}".length());
    Run after = run(file, LATER);
    assertEquals(new Run(Hashes.sha256("class B {}"), 0), after);
  }

  @Test
  void aFileReplacedByAnotherIsHashedAgain() throws Exception {
    Path file = write("A.java", "class A {}");
    FileTime modified = Files.getLastModifiedTime(file);
    run(file, LATER);
    Path other = write("other", "class C {}");
    Files.setLastModifiedTime(other, modified);
    Files.move(other, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertEquals(new Run(Hashes.sha256("class C {}"), 0), run(file, LATER));
  }

  @Test
  void aStatusSeenJustBeforeTheSaveIsTrustedOnlyAfterALaterSave() throws Exception {
    Path file = write("A.java", "class A {}");
    long justAfter = Math.max(Files.getLastModifiedTime(file).toMillis(), System.currentTimeMillis());
    assertEquals(0, run(file, () -> justAfter).reused());
    // saved within the racy window: not trusted, read again, and saved again with this run's time
    assertEquals(0, run(file, LATER).reused());
    assertEquals(1, run(file, LATER).reused());
  }

  @Test
  void aDamagedFileRemembersNothing() throws Exception {
    Path file = write("A.java", "class A {}");
    Files.createDirectories(cache());
    Files.write(cache().resolve("file-hashes-v1.smile"), "not smile".getBytes(StandardCharsets.UTF_8));
    assertEquals(new Run(Hashes.sha256("class A {}"), 0), run(file, LATER));
    assertEquals(1, run(file, LATER).reused());
  }

}
