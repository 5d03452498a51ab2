package dev.optkit.analyzers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir Path dir;

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aRegularFileIsReplacedWholeAndNoTemporaryFileIsLeft() throws Exception {
    Path file = dir.resolve("report.json");
    Files.writeString(file, "old");
    AtomicFile.write(file, bytes("new"));
    assertEquals("new", Files.readString(file));
    try (var listing = Files.list(dir)) {
      assertEquals(1, listing.count());
    }
  }

  @Test
  void aSymbolicLinkStaysALinkAndItsTargetGetsTheBytes() throws Exception {
    Path target = Files.writeString(Files.createDirectories(dir.resolve("reports")).resolve("latest.json"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("report.json"), Path.of("reports/latest.json"));
    AtomicFile.write(link, bytes("new"));
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("new", Files.readString(target));
  }

  @Test
  void aDeviceIsWrittenNotReplaced() throws Exception {
    Path devNull = Path.of("/dev/null");
    assumeTrue(Files.exists(devNull));
    AtomicFile.write(devNull, bytes("discarded"));
    assertFalse(Files.isRegularFile(devNull), "/dev/null is still a device");
  }

  @Test
  void aFifoIsWrittenInPlace() throws Exception {
    Path fifo = dir.resolve("pipe");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "no mkfifo here");
    CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
      try {
        return Files.readString(fifo);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    AtomicFile.write(fifo, bytes("through the pipe"));
    assertEquals("through the pipe", reader.get(10, TimeUnit.SECONDS));
    assertFalse(Files.isRegularFile(fifo), "still a FIFO");
  }

  @Test
  void aMissingFolderFailsTheWriteAndIsNotMade() {
    Path missing = dir.resolve("missing");
    org.junit.jupiter.api.Assertions.assertThrows(java.nio.file.NoSuchFileException.class,
        () -> AtomicFile.write(missing.resolve("deeper/report.json"), bytes("new")));
    assertFalse(Files.exists(missing));
  }
}
