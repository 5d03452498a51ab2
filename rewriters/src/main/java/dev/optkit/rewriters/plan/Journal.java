package dev.optkit.rewriters.plan;

import dev.optkit.analyzers.io.AtomicFile;
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

  public static final String DIRECTORY = ".optkit/migrations";
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

  public static Path directory(Path root, String id) {
    return root.resolve(DIRECTORY).resolve(id);
  }

  void write(Path root) throws IOException {
    Path directory = directory(root, id);
    Files.createDirectories(directory);
    AtomicFile.write(directory.resolve(FILE), MAPPER.writeValueAsBytes(this));
  }

  public static Journal read(Path root, String id) throws IOException {
    if (!isPlainId(id)) {
      throw new IOException("'" + id + "' is not a migration id (letters, digits, '.', '_' and '-' only)");
    }
    Path file = directory(root, id).resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new IOException("no migration '" + id + "' under " + root.resolve(DIRECTORY));
    }
    return MAPPER.readValue(file.toFile(), Journal.class);
  }

  Path original(Path root, String path) {
    return directory(root, id).resolve(ORIGINALS).resolve(path);
  }

  Path migrated(Path root, String path) {
    return directory(root, id).resolve(MIGRATED).resolve(path);
  }

  /** The recorded state; journals of earlier versions have none, and count as applied unless marked undone. */
  public static State state(Path root, String id) throws IOException {
    Path directory = directory(root, id);
    Path state = directory.resolve(STATE);
    if (Files.isRegularFile(state)) {
      return State.valueOf(Files.readString(state).strip());
    }
    return Files.exists(directory.resolve(LEGACY_UNDONE)) ? State.UNDONE : State.APPLIED;
  }

  /**
   * The most recent migration still applied, by id (ids start with their UTC time, so they sort by
   * age); empty when every migration is undone or rolled back, or there is none.
   */
  public static java.util.Optional<String> latestApplied(Path root) throws IOException {
    Path migrations = directory(root, "x").getParent();
    if (!Files.isDirectory(migrations)) {
      return java.util.Optional.empty();
    }
    try (java.util.stream.Stream<Path> entries = Files.list(migrations)) {
      List<String> ids = entries.filter(Files::isDirectory).map(p -> p.getFileName().toString())
          .filter(Journal::isPlainId).sorted(java.util.Comparator.reverseOrder()).toList();
      for (String id : ids) {
        if (state(root, id) == State.APPLIED) {
          return java.util.Optional.of(id);
        }
      }
    }
    return java.util.Optional.empty();
  }

  static void writeState(Path root, String id, State state) throws IOException {
    AtomicFile.write(directory(root, id).resolve(STATE), (state.name() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
