package dev.optkit.analyzers.io;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import dev.optkit.analyzers.Hashes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Content hashes remembered by file status, as git's index does: a file whose size, modification
 * time, status-change time and inode are those of the last run keeps the hash that run took, and
 * is not read. Hashing every file was a fifth of a warm run with one file changed (the launcher's
 * quick compiler has no SHA-256 intrinsic).
 *
 * <p>Why this cannot serve an old hash: the status-change time ({@code ctime}) moves on every write
 * and no tool can set it back, so restoring an old modification time over new content (an
 * {@code rsync -t}, {@code cp -p}, {@code touch -d}) still changes the status. A file is stat-ed
 * before it is read, so a write during the read leaves a status the next run does not know. And,
 * as git's "racy" rule, a status recorded less than {@link #RACY_MILLIS} before the hashes were
 * saved is not trusted: a file system with coarse times could see a second write in the same tick.
 * Where the file system has no {@code unix} view (Windows), every file is hashed.
 */
public final class FileHashes {
  /** Older than this before the save, a status is trusted (file systems with 2 s times exist). */
  static final long RACY_MILLIS = 2_000;
  private static final String FILE_NAME = "file-hashes-v1.smile";
  private static final ObjectMapper MAPPER = new ObjectMapper(new SmileFactory())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** A file's status as the hash was taken, and the hash. */
  record Remembered(long size, long modifiedNanos, long changedNanos, long inode, String sha256) {}

  /** On disk: when the hashes were saved, and each file's. */
  record Stored(long savedAtMillis, Map<String, Remembered> files) {}

  private final Path file;
  private final LongSupplier nowMillis;
  private final long savedAtMillis;
  private final Map<String, Remembered> previous;
  private final Map<String, Remembered> current = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger reused = new java.util.concurrent.atomic.AtomicInteger();
  /** Whether a file was read: its status, even one seen before (a racy one), is saved with a new time. */
  private volatile boolean hashed;

  private FileHashes(Path file, LongSupplier nowMillis, long savedAtMillis, Map<String, Remembered> previous) {
    this.file = file;
    this.nowMillis = nowMillis;
    this.savedAtMillis = savedAtMillis;
    this.previous = previous;
  }

  /** Hashes remembered nowhere: every file is read. */
  public static FileHashes none() {
    return new FileHashes(null, System::currentTimeMillis, 0, Map.of());
  }

  /** The hashes kept in {@code directory}; a missing or damaged file remembers nothing. */
  public static FileHashes open(Path directory) {
    return open(directory, System::currentTimeMillis);
  }

  static FileHashes open(Path directory, LongSupplier nowMillis) {
    Path file = directory.resolve(FILE_NAME);
    if (Files.isRegularFile(file)) {
      try {
        Stored stored = MAPPER.readValue(file.toFile(), Stored.class);
        if (stored != null && stored.files() != null) {
          return new FileHashes(file, nowMillis, stored.savedAtMillis(), stored.files());
        }
      } catch (IOException | RuntimeException e) {
        // a damaged file costs one full hashing, nothing more
      }
    }
    return new FileHashes(file, nowMillis, 0, Map.of());
  }

  /** The file's SHA-256, from the last run when its status is unchanged; safe on every thread at once. */
  public String sha256(Path path) throws IOException {
    String key = path.toAbsolutePath().normalize().toString();
    Remembered status = status(path); // before the read: a write during it leaves a status not remembered
    if (status != null) {
      Remembered known = previous.get(key);
      if (known != null && sameStatus(known, status) && !racy(known)) {
        current.put(key, known);
        reused.incrementAndGet();
        return known.sha256();
      }
    }
    String hash = Hashes.sha256(path);
    hashed = true;
    if (status != null) {
      current.put(key, new Remembered(status.size(), status.modifiedNanos(), status.changedNanos(), status.inode(), hash));
    }
    return hash;
  }

  /** How many hashes came from the last run without reading the file. */
  public int reused() {
    return reused.get();
  }

  /** Writes the statuses seen in this run, atomically; nothing when there is nowhere to write. */
  public void save() {
    if (file == null || (!hashed && current.keySet().equals(previous.keySet()))) {
      return;
    }
    try {
      AtomicFile.write(file, MAPPER.writeValueAsBytes(new Stored(nowMillis.getAsLong(), new TreeMap<>(current))));
    } catch (IOException | RuntimeException e) {
      // the next run hashes again
    }
  }

  private boolean racy(Remembered known) {
    long newest = Math.max(known.modifiedNanos(), known.changedNanos()) / 1_000_000;
    return newest > savedAtMillis - RACY_MILLIS;
  }

  private static boolean sameStatus(Remembered a, Remembered b) {
    return a.size() == b.size() && a.modifiedNanos() == b.modifiedNanos() && a.changedNanos() == b.changedNanos()
        && a.inode() == b.inode();
  }

  private static Remembered status(Path path) {
    try {
      Map<String, Object> unix = Files.readAttributes(path, "unix:size,lastModifiedTime,ctime,ino");
      Object size = unix.get("size");
      Object modified = unix.get("lastModifiedTime");
      Object changed = unix.get("ctime");
      Object inode = unix.get("ino");
      if (size instanceof Long s && modified instanceof FileTime m && changed instanceof FileTime c
          && inode instanceof Long i) {
        return new Remembered(s, nanos(m), nanos(c), i, null);
      }
      return null;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return null; // no unix view: hashed every time
    }
  }

  private static long nanos(FileTime time) {
    return time.to(java.util.concurrent.TimeUnit.NANOSECONDS);
  }
}
