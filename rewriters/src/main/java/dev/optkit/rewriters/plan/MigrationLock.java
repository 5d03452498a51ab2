package dev.optkit.rewriters.plan;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One migrate command at a time per project: without it, the recovery one command runs first would
 * take another command's migration in progress for an interrupted one and roll it back under it.
 * An OS file lock, so a killed process releases it.
 */
public final class MigrationLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private MigrationLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock, or empty when another migrate command holds it. */
  public static Optional<MigrationLock> tryAcquire(Path projectRoot) throws IOException {
    dev.optkit.analyzers.io.StateDirectory state = Journal.stateOf(projectRoot);
    Path file = state.createDirectories(Journal.migrations(projectRoot)).resolve(".lock");
    state.isFile(file); // a link or a folder there is refused, by name
    // O_NOFOLLOW: a link put there after the check is not opened either
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        java.nio.file.LinkOption.NOFOLLOW_LINKS);
    try {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        return Optional.empty();
      }
      return Optional.of(new MigrationLock(channel, lock));
    } catch (OverlappingFileLockException e) {
      channel.close();
      return Optional.empty();
    }
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
