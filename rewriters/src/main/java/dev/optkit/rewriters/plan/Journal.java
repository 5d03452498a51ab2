package dev.optkit.rewriters.plan;

import dev.optkit.analyzers.io.StateDirectory;
import dev.optkit.analyzers.io.StateFileException;
import dev.optkit.analyzers.io.StateSeal;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The record of one migration under {@code .optkit/migrations/<id>/}: what changes, with the
 * original and the migrated bytes of every file beside it, written before the first file of the
 * project is, and a state that says how far the migration got ({@link State}). A later command that
 * finds a migration or an undo left midway finishes the job from here ({@link Recovery}).
 */
@JsonPropertyOrder({"id", "optkitVersion", "config", "files", "cached", "refused"})
public record Journal(String id, String optkitVersion, String config, List<Entry> files, List<String> cached,
    List<String> refused) {

  /** Where journals are, as shown to users. */
  public static final String DIRECTORY = ".optkit/migrations";
  static final String MIGRATIONS = "migrations";
  static final String FILE = "journal.json";
  static final String ORIGINALS = "originals";
  static final String MIGRATED = "migrated";
  static final String STATE = "state";

  /** How far a migration got; every change is written atomically before the step it announces. */
  public enum State {
    /** The journal is complete and project files are being written: if seen later, the run was cut short. */
    APPLYING,
    APPLIED,
    /** A failed or interrupted apply was put back. */
    ROLLED_BACK,
    /** Project files are being restored: if seen later, the undo was cut short. */
    UNDOING,
    UNDONE
  }

  private static final java.util.regex.Pattern PLAIN_ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  /** Migration ids are plain names: no separators, no "..", nothing that leaves the journal directory. */
  public static boolean isPlainId(String id) {
    return id != null && PLAIN_ID.matcher(id).matches() && !id.contains("..");
  }

  /** One file: its hash before (null when the migration created it) and after. */
  @JsonPropertyOrder({"path", "sha256Before", "sha256After"})
  public record Entry(String path, String sha256Before, String sha256After) {}

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  /** A journal lists paths and hashes; the configuration it quotes is the largest part. */
  private static final long MAX_JOURNAL_BYTES = 16L << 20;
  /** "UNDOING" and a line end, with room to spare. */
  private static final long MAX_STATE_BYTES = 64;
  /** The journal's copies of project files: the analysis reads no file larger than this either. */
  static final long MAX_COPY_BYTES = 64L << 20;
  private static final java.util.regex.Pattern SHA256 = java.util.regex.Pattern.compile("[0-9a-f]{64}");

  /** The project's state directory, checked from the project root down (links are refused, never followed). */
  public static StateDirectory stateOf(Path root) throws IOException {
    return StateDirectory.ofProject(root);
  }

  /** {@code .optkit/migrations} of the project. */
  public static Path migrations(Path root) throws IOException {
    return stateOf(root).resolve(MIGRATIONS);
  }

  public static Path directory(Path root, String id) throws IOException {
    if (!isPlainId(id)) {
      throw new IOException("'" + id + "' is not a migration id (letters, digits, '.', '_' and '-' only)");
    }
    return stateOf(root).resolve(MIGRATIONS, id);
  }

  void write(Path root) throws IOException {
    StateDirectory state = stateOf(root);
    state.write(state.resolve(MIGRATIONS, id, FILE), StateSeal.seal(sealKey(id, FILE), MAPPER.writeValueAsBytes(this)));
  }

  /**
   * What a journal's seal binds its bytes to: the migration and the file. Journals and states are
   * sealed like caches ({@link StateSeal}): one a pull request planted cannot carry the seal of this
   * user's optkit, and is moved aside, never acted on (it could name any file of the project, and
   * bring the "original" bytes to write there).
   */
  private static String sealKey(String id, String file) {
    return "journal|" + id + "|" + file;
  }

  private static StateFileException unsealed(StateDirectory state, Path file) {
    return new StateFileException(state.shown(file), "not written by optkit on this machine (its integrity check "
        + "fails: planted, damaged, or written by an optkit built before 2026-11-24, which did not seal journals)");
  }

  /**
   * The journal of migration {@code id}, read strictly: bounded in size, and every path and hash
   * checked; a bad one is a {@link StateFileException} naming the file, never quoting it.
   */
  public static Journal read(Path root, String id) throws IOException {
    Path file = directory(root, id).resolve(FILE);
    StateDirectory state = stateOf(root);
    byte[] sealed = state.read(file, MAX_JOURNAL_BYTES)
        .orElseThrow(() -> new java.nio.file.NoSuchFileException("no migration '" + id + "' under " + DIRECTORY));
    byte[] bytes = StateSeal.open(sealKey(id, FILE), sealed).orElseThrow(() -> unsealed(state, file));
    Journal journal;
    try {
      journal = MAPPER.readValue(bytes, Journal.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // Jackson's message quotes the input: only where it broke is said
      var at = e.getLocation();
      throw new StateFileException(state.shown(file), "not a journal optkit wrote (malformed JSON"
          + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ")");
    }
    String problem = journal == null ? "empty" : journal.problem(id);
    if (problem != null) {
      throw new StateFileException(state.shown(file), "not a journal optkit wrote (" + problem + ")");
    }
    return journal;
  }

  /** What makes this journal one optkit cannot have written for {@code id}, or null. */
  private String problem(String expectedId) {
    if (!expectedId.equals(id)) {
      return "its id is not its folder's";
    }
    if (files == null || files.isEmpty()) {
      return "no files";
    }
    for (Entry entry : files) {
      if (entry == null || entry.path() == null || entry.sha256After() == null || !SHA256.matcher(entry.sha256After()).matches()
          || entry.sha256Before() != null && !SHA256.matcher(entry.sha256Before()).matches()) {
        return "an entry without a path or a SHA-256";
      }
      if (!isProjectPath(entry.path())) {
        return "an entry whose path is not a plain path inside the project";
      }
    }
    return null;
  }

  Path original(Path root, String path) throws IOException {
    return stateOf(root).resolve(MIGRATIONS, id, ORIGINALS, path);
  }

  Path migrated(Path root, String path) throws IOException {
    return stateOf(root).resolve(MIGRATIONS, id, MIGRATED, path);
  }

  /**
   * The journal's copy of a file, checked against the hash the journal recorded for it: a copy
   * damaged or replaced since is never written into the project. Empty when there is no copy.
   */
  java.util.Optional<byte[]> copy(Path root, Path copy, String sha256) throws IOException {
    StateDirectory state = stateOf(root);
    java.util.Optional<byte[]> bytes = state.read(copy, MAX_COPY_BYTES);
    if (bytes.isPresent() && !dev.optkit.analyzers.io.Hashes.sha256(bytes.get()).equals(sha256)) {
      throw new StateFileException(state.shown(copy), "not the copy the journal recorded (its SHA-256 differs)");
    }
    return bytes;
  }

  /**
   * The project file an entry names, as it is now: empty when it is not there. A FIFO, a device or
   * a folder there is the journal's problem (reading a FIFO would wait forever), reported as such.
   */
  static java.util.Optional<byte[]> current(Path file, String path) throws IOException {
    java.nio.file.attribute.BasicFileAttributes kind;
    try {
      kind = java.nio.file.Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class,
          java.nio.file.LinkOption.NOFOLLOW_LINKS);
    } catch (java.nio.file.NoSuchFileException e) {
      return java.util.Optional.empty();
    }
    if (!kind.isRegularFile() || kind.size() > MAX_COPY_BYTES) {
      throw new StateFileException(path, "named by the journal, but not a regular project file of at most "
          + MAX_COPY_BYTES + " bytes");
    }
    return java.util.Optional.of(java.nio.file.Files.readAllBytes(file));
  }

  /**
   * The recorded state, read strictly; journals of earlier versions have none, and count as
   * applied unless marked undone.
   */
  public static State state(Path root, String id) throws IOException {
    Path directory = directory(root, id);
    StateDirectory state = stateOf(root);
    Path file = directory.resolve(STATE);
    java.util.Optional<byte[]> sealed = state.read(file, MAX_STATE_BYTES);
    if (sealed.isPresent()) {
      byte[] bytes = StateSeal.open(sealKey(id, STATE), sealed.get()).orElseThrow(() -> unsealed(state, file));
      String text = new String(bytes, java.nio.charset.StandardCharsets.US_ASCII).strip();
      for (State known : State.values()) {
        if (known.name().equals(text)) {
          return known;
        }
      }
      throw new StateFileException(state.shown(file), "not a migration state (one of "
          + java.util.Arrays.toString(State.values()) + ")");
    }
    throw unsealed(state, file); // every journal optkit writes has a state; older ones are not trusted
  }

  /**
   * The most recent migration still applied, by id (ids start with their UTC time, so they sort by
   * age); empty when every migration is undone or rolled back, or there is none.
   */
  public static java.util.Optional<String> latestApplied(Path root) throws IOException {
    List<String> ids = new java.util.ArrayList<>();
    for (Path entry : stateOf(root).list(migrations(root))) {
      String id = entry.getFileName().toString();
      if (isPlainId(id) && stateOf(root).isDirectory(entry)) {
        ids.add(id);
      }
    }
    ids.sort(java.util.Comparator.reverseOrder());
    for (String id : ids) {
      if (state(root, id) == State.APPLIED) {
        return java.util.Optional.of(id);
      }
    }
    return java.util.Optional.empty();
  }

  /** Records how far migration {@code id} got, sealed. */
  public static void writeState(Path root, String id, State state) throws IOException {
    stateOf(root).write(directory(root, id).resolve(STATE), StateSeal.seal(sealKey(id, STATE),
        (state.name() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  /** Folders no migration writes in: git's own (a config there runs commands) and optkit's state. */
  private static final java.util.Set<String> NEVER_WRITTEN = java.util.Set.of(".git", StateDirectory.NAME);

  /**
   * Whether a journal may name this path: relative, '/'-separated plain names (no "..", ".",
   * empty, drive or control characters), at most 4096 characters, and not inside {@code .git/} or
   * {@code .optkit/}. Checked when a journal is read, so a bad one is moved aside before any use,
   * and its paths, never printed otherwise, are safe to name.
   */
  static boolean isProjectPath(String path) {
    if (path.isEmpty() || path.length() > 4096 || path.startsWith("/") || path.contains("\\") || path.contains(":")) {
      return false;
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0 || Character.getType(c) == Character.FORMAT) {
        return false; // control characters, and the invisible ones that reorder text in a terminal
      }
    }
    String[] names = path.split("/", -1);
    for (String name : names) {
      if (name.isEmpty() || name.equals(".") || name.equals("..")) {
        return false;
      }
    }
    return !NEVER_WRITTEN.contains(names[0]);
  }

  /**
   * The project file a journal entry names, refusing anything that could leave the project: absolute
   * paths, ".." segments, and paths that run through a symbolic link (a planted journal must never
   * make undo touch a file outside).
   */
  public static Path inside(Path root, String path) throws IOException {
    if (path == null || !isProjectPath(path)) {
      throw new IOException("a journal path leaves the project, or names .git/ or .optkit/");
    }
    Path base = root.toAbsolutePath().normalize();
    Path file = base.resolve(path).normalize();
    if (!file.startsWith(base)) {
      throw new IOException("journal path leaves the project: " + path);
    }
    for (Path current = file; current != null && !current.equals(base); current = current.getParent()) {
      if (Files.isSymbolicLink(current)) {
        throw new IOException("journal path runs through a symbolic link: " + path);
      }
    }
    return file;
  }
}
