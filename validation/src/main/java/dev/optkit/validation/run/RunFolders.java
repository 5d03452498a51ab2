package dev.optkit.validation.run;

import dev.optkit.analyzers.io.StateDirectory;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * One folder per validate run under {@code .optkit/runs/}: named by its start time and a random
 * suffix, and created exclusively, so two runs started in the same second never share one (one
 * printed the other's answers), and a folder or link planted under that name is never used.
 */
public final class RunFolders {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
  private static final SecureRandom RANDOM = new SecureRandom();

  private RunFolders() {}

  /** A new, empty run folder; {@code runs} is checked from the project down (links refused). */
  public static Path create(StateDirectory state, Path runs) throws IOException {
    state.createDirectories(runs);
    for (int attempt = 0; ; attempt++) {
      byte[] suffix = new byte[3];
      RANDOM.nextBytes(suffix);
      Path folder = runs.resolve(LocalDateTime.now().format(TIME) + "-" + HexFormat.of().formatHex(suffix));
      try {
        return Files.createDirectory(folder); // mkdir: fails on anything already there, a link included
      } catch (FileAlreadyExistsException e) {
        if (attempt == 100) {
          throw new IOException("cannot create a new run folder under " + runs + ": every name tried exists");
        }
      }
    }
  }
}
