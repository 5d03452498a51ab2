package dev.optkit.cli;

import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.analyzers.facts.ParseProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The {@code .optkit.yml} found in the scanned folder (no {@code --config}): read when it is a file with settings.
 * One that is there but empty, or not a regular file (a folder, a FIFO: never opened), leaves the defaults in force
 * with a warning, never silently (issue 66 item 9).
 *
 * @param warning why the file there was not used, or null
 */
record DiscoveredConfig(OptkitConfig config, ParseProblem warning) {
  static final String NOT_A_FILE = "not a regular file (a folder, a FIFO, a device, or a link to none), never read: "
      + "the default settings are used";
  static final String EMPTY = "empty: the default settings are used";

  /** @throws dev.optkit.analyzers.config.ConfigException a file with settings that are not valid */
  static DiscoveredConfig in(Path folder) {
    Path file = folder.resolve(OptkitConfig.FILE_NAME);
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return new DiscoveredConfig(OptkitConfig.defaults(), null);
    }
    if (!Files.isRegularFile(file)) {
      return new DiscoveredConfig(OptkitConfig.defaults(), new ParseProblem(OptkitConfig.FILE_NAME, 0, 0, NOT_A_FILE));
    }
    try {
      if (Files.readString(file).isBlank()) {
        return new DiscoveredConfig(OptkitConfig.defaults(), new ParseProblem(OptkitConfig.FILE_NAME, 0, 0, EMPTY));
      }
    } catch (IOException e) {
      // not UTF-8, unreadable: load names the problem
    }
    return new DiscoveredConfig(OptkitConfig.load(file), null);
  }
}
