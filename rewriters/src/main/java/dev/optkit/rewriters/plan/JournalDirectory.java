package dev.optkit.rewriters.plan;

import dev.optkit.analyzers.io.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** optkit's own state directory in a project, {@code .optkit/}, which keeps itself out of git. */
final class JournalDirectory {
  private JournalDirectory() {}

  /** Creates {@code .optkit/} with a {@code .gitignore} of {@code *}, so journals never show as changes. */
  static void ignoredByGit(Path root) throws IOException {
    Path directory = root.resolve(".optkit");
    Files.createDirectories(directory);
    Path ignore = directory.resolve(".gitignore");
    if (!Files.exists(ignore)) {
      AtomicFile.write(ignore, "# optkit's journals and caches: local state, never committed\n*\n".getBytes(StandardCharsets.UTF_8));
    }
  }
}
