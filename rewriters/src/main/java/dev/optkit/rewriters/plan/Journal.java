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
 * The record of one applied migration under {@code .optkit/migrations/<id>/}: what changed, with
 * the original bytes of every file beside it, so undo restores them exactly.
 */
@JsonPropertyOrder({"id", "optkitVersion", "config", "files", "cached", "refused"})
public record Journal(String id, String optkitVersion, String config, List<Entry> files, List<String> cached,
    List<String> refused) {

  public static final String DIRECTORY = ".optkit/migrations";
  static final String FILE = "journal.json";
  static final String ORIGINALS = "originals";

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
    Path file = directory(root, id).resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new IOException("no migration '" + id + "' under " + root.resolve(DIRECTORY));
    }
    return MAPPER.readValue(file.toFile(), Journal.class);
  }

  Path original(Path root, String path) {
    return directory(root, id).resolve(ORIGINALS).resolve(path);
  }
}
