package dev.optkit.rewriters.plan;

import dev.optkit.analyzers.io.StateDirectory;
import dev.optkit.analyzers.io.StateFileException;
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
  /** Files from journals of earlier versions: their presence meant the migration was undone or rolled back. */
  static final String LEGACY_UNDONE = "undone";

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
    state.write(state.resolve(MIGRATIONS, id, FILE), MAPPER.writeValueAsBytes(this));
  }

  /**
   * The journal of migration {@code id}, read strictly: bounded in size, and every path and hash
   * checked; a bad one is a {@link StateFileException} naming the file, never quoting it.
   */
  public static Journal read(Path root, String id) throws IOException {
    Path file = directory(root, id).resolve(FILE);
    StateDirectory state = stateOf(root);
    byte[] bytes = state.read(file, MAX_JOURNAL_BYTES)
        .orElseThrow(() -> new java.nio.file.NoSuchFileException("no migration '" + id + "' under " + DIRECTORY));
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
    if (bytes.isPresent() && !dev.optkit.analyzers.Hashes.sha256(bytes.get()).equals(sha256)) {
      throw new StateFileException(state.shown(copy), "not the copy the journal recorded (its SHA-256 differs)");
    }
    return bytes;
  }

  /**
   * The recorded state, read strictly; journals of earlier versions have none, and count as
   * applied unless marked undone.
   */
  public static State state(Path root, String id) throws IOException {
    Path directory = directory(root, id);
    StateDirectory state = stateOf(root);
    Path file = directory.resolve(STATE);
    java.util.Optional<byte[]> bytes = state.read(file, MAX_STATE_BYTES);
    if (bytes.isPresent()) {
      String text = new String(bytes.get(), java.nio.charset.StandardCharsets.US_ASCII).strip();
      for (State known : State.values()) {
        if (known.name().equals(text)) {
          return known;
        }
      }
      throw new StateFileException(state.shown(file), "not a migration state (one of "
          + java.util.Arrays.toString(State.values()) + ")");
    }
    return state.isFile(directory.resolve(LEGACY_UNDONE)) ? State.UNDONE : State.APPLIED;
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

  static void writeState(Path root, String id, State state) throws IOException {
    stateOf(root).write(directory(root, id).resolve(STATE),
        (state.name() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * The project file a journal entry names, refusing anything that could leave the project: absolute
   * paths, ".." segments, and paths that run through a symbolic link (a planted journal must never
   * make undo touch a file outside).
   */
  public static Path inside(Path root, String path) throws IOException {
    if (path == null || path.isEmpty() || path.startsWith("/") || path.startsWith("\\") || path.contains(":")
        || java.util.Arrays.asList(path.split("[/\\\\]")).contains("..")) {
      throw new IOException("journal path leaves the project: " + path);
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
