package dev.optkit.rewriters.plan;

import dev.optkit.analyzers.io.StateDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code migrate --repair} does before the {@link Recovery} every command runs: a link planted
 * where one of optkit's fixed state paths should be ({@code .optkit} and the folders and files it
 * always has) is removed (the link itself: what it names is never touched), so that the state can
 * be used again. Links deeper down, in a migration's folder, move aside with the migration.
 */
public final class StateRepair {
  private StateRepair() {}

  /** Removes links at the state directories; one line per link removed. */
  public static List<String> unlinkStateDirectories(Path projectRoot) throws IOException {
    List<String> removed = new ArrayList<>();
    Path state = projectRoot.toRealPath().resolve(StateDirectory.NAME);
    Path migrations = state.resolve(Journal.MIGRATIONS);
    for (Path directory : List.of(state, state.resolve(".gitignore"), migrations, migrations.resolve(".lock"),
        state.resolve("quarantine"), state.resolve("cache"), state.resolve("runs"))) {
      if (Files.isSymbolicLink(directory)) {
        Files.delete(directory);
        removed.add("removed the symbolic link " + projectRoot.toRealPath().relativize(directory)
            + " (optkit never follows links in its state; what it named is untouched)");
      }
    }
    return removed;
  }
}
