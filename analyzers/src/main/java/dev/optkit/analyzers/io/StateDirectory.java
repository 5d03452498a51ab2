package dev.optkit.analyzers.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * optkit's own state directory in a project, {@code .optkit/} (assess's facts cache, migrate's
 * journals, validate's runs), which keeps itself out of git whichever command creates it.
 */
public final class StateDirectory {
  private StateDirectory() {}

  /** Creates {@code .optkit/} with a {@code .gitignore} of {@code *}, so its state never shows as changes. */
  public static void ignoredByGit(Path root) throws IOException {
    Path directory = root.resolve(".optkit");
    Files.createDirectories(directory);
    Path ignore = directory.resolve(".gitignore");
    if (!Files.exists(ignore)) {
      AtomicFile.write(ignore, "# optkit's journals and caches: local state, never committed\n*\n".getBytes(StandardCharsets.UTF_8));
    }
  }
}
