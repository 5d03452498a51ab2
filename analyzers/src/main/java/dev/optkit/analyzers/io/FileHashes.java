package dev.optkit.analyzers.io;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Content hashes remembered by file status, as git's index does: a file whose size, modification
 * time, status-change time, inode and device are those of the last run keeps the hash that run
 * took, and is not read. Hashing every file was a tenth of a warm run with one file changed (the
 * launcher's quick compiler has no SHA-256 intrinsic).
 *
 * <p>Why this does not serve an old hash: the status-change time ({@code ctime}) moves on a write
 * and no tool can set it back, so restoring an old modification time over new content (an
 * {@code rsync -t}, {@code cp -p}, {@code touch -r}) still changes the status; another file moved,
 * linked or mounted in its place has another inode or device. A file is stat-ed before it is read,
 * so a write during the read leaves a status the next run does not know. And, as git's "racy"
 * rule, a status whose times are less than {@link #RACY_MILLIS} older than the save is not trusted:
 * the kernel stamps times with a coarse clock, and a file written through a shared memory mapping
 * is stamped only at the first store after the page was last written back (every 30 s by default),
 * so later stores before that write-back leave the status as it was. Limits, as git's: a status
 * older than that, then changed through a mapping whose pages stay dirty longer than the window
 * (a tuned {@code vm.dirty_expire_centisecs}), or two file systems whose files match in every
 * field including the device. {@code --no-cache} reads every file. Where the file system has no
 * {@code unix} view (Windows), every file is hashed.
 */
public final class FileHashes {
  /** Older than this before the save, a status is trusted: the kernel writes dirty mapped pages back within 35 s. */
  static final long RACY_MILLIS = 60_000;
  /** The file's name in the cache directory. */
  public static final String FILE_NAME = "file-hashes-v1.smile";
  /** What the seal binds the content to: the file holds no key of its own. */
  private static final String SEAL_KEY = FILE_NAME;
  /** A million files' statuses are about 150 MB; a planted file is never read whole past this. */
  private static final long MAX_BYTES = 1L << 28;
  private static final ObjectMapper MAPPER = new ObjectMapper(new SmileFactory())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** A file's status as the hash was taken, and the hash. */
  record Remembered(long size, long modifiedNanos, long changedNanos, long inode, long device, String sha256) {}

  /** On disk: when the hashes were saved, and each file's. */
  record Stored(long savedAtMillis, Map<String, Remembered> files) {}

  private final Path file;
  private final LongSupplier nowMillis;
  private final long savedAtMillis;
  private final Map<String, Remembered> previous;
  private final Map<String, Remembered> current = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger reused = new java.util.concurrent.atomic.AtomicInteger();
  /** Whether a status was taken anew: it, even one seen before (a racy one), is saved with a new time. */
  private volatile boolean hashed;

  private FileHashes(Path file, LongSupplier nowMillis, long savedAtMillis, Map<String, Remembered> previous) {
    this.file = file;
    this.nowMillis = nowMillis;
    this.savedAtMillis = savedAtMillis;
    this.previous = previous;
  }

  /** The hashes kept in {@code directory}; a missing or damaged file remembers nothing. */
  public static FileHashes open(Path directory) {
    return open(directory, System::currentTimeMillis);
  }

  static FileHashes open(Path directory, LongSupplier nowMillis) {
    Path file = directory.resolve(FILE_NAME);
    try {
      StateDirectory state = StateDirectory.forCache(directory);
      file = state.resolve(FILE_NAME);
      Optional<byte[]> content = state.read(file, MAX_BYTES).flatMap(sealed -> StateSeal.open(SEAL_KEY, sealed));
      if (content.isPresent()) {
        Stored stored = MAPPER.readValue(content.get(), Stored.class);
        if (stored != null && stored.files() != null) {
          return new FileHashes(file, nowMillis, stored.savedAtMillis(), stored.files());
        }
      }
    } catch (IOException | RuntimeException e) {
      // a damaged or doctored file costs one full hashing, nothing more
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
    if (status != null) {
      hashed = true;
      current.put(key, new Remembered(status.size(), status.modifiedNanos(), status.changedNanos(), status.inode(),
          status.device(), hash));
    }
    return hash;
  }

  /**
   * The hashes this run took, to check the files against at the end of the run: a file whose
   * status is unchanged since (and not racy now) keeps its hash; one written since is read again.
   * Nothing is saved from it.
   */
  public FileHashes again() {
    return new FileHashes(null, nowMillis, nowMillis.getAsLong(), Map.copyOf(current));
  }

  /** How many hashes came from the last run without reading the file. */
  public int reused() {
    return reused.get();
  }

  /** Writes the statuses seen in this run, atomically; nothing when there is nowhere to write. */
  public void save() {
    save(false);
  }

  /**
   * Writes the statuses seen in this run and keeps those of the last runs it did not see (the user cache's jars, which
   * other projects' runs hash: saving only this run's made each project's run forget the others'), at most
   * {@link #MAX_SHARED} of them, dropping a status that was racy when it was saved.
   */
  public void saveKeepingOthers() {
    save(true);
  }

  /** The most statuses {@link #saveKeepingOthers} keeps: far more jars than a machine's projects use. */
  static final int MAX_SHARED = 50_000;

  private void save(boolean keepingOthers) {
    if (file == null || (!hashed && (keepingOthers ? previous.keySet().containsAll(current.keySet())
        : current.keySet().equals(previous.keySet())))) {
      return;
    }
    TreeMap<String, Remembered> saved = new TreeMap<>(current);
    if (keepingOthers) {
      for (Map.Entry<String, Remembered> other : new TreeMap<>(previous).entrySet()) {
        if (saved.size() >= MAX_SHARED) {
          break;
        }
        if (!saved.containsKey(other.getKey()) && !racy(other.getValue())) {
          saved.put(other.getKey(), other.getValue());
        }
      }
    }
    try {
      StateDirectory.forCache(file.getParent()).write(file,
          StateSeal.seal(SEAL_KEY, MAPPER.writeValueAsBytes(new Stored(nowMillis.getAsLong(), saved))));
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
        && a.inode() == b.inode() && a.device() == b.device();
  }

  /**
   * A file's status as text, for keys that name a file without hashing it (the solver's jars): the
   * fields {@link #sha256} compares, or only size and modification time without a {@code unix} view.
   */
  public static String statusKey(Path path) {
    Remembered status = status(path);
    if (status != null) {
      return status.size() + ":" + status.modifiedNanos() + ":" + status.changedNanos() + ":" + status.inode() + ":"
          + status.device();
    }
    java.io.File file = path.toFile();
    return file.length() + ":" + file.lastModified();
  }

  private static Remembered status(Path path) {
    try {
      Map<String, Object> unix = Files.readAttributes(path, "unix:size,lastModifiedTime,ctime,ino,dev");
      Object size = unix.get("size");
      Object modified = unix.get("lastModifiedTime");
      Object changed = unix.get("ctime");
      Object inode = unix.get("ino");
      Object device = unix.get("dev");
      if (size instanceof Long s && modified instanceof FileTime m && changed instanceof FileTime c
          && inode instanceof Long i && device instanceof Long d) {
        return new Remembered(s, nanos(m), nanos(c), i, d, null);
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
