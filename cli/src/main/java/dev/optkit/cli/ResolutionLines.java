package dev.optkit.cli;

import dev.optkit.analyzers.dependencies.ResolutionSettings;
import java.util.Locale;

/**
 * What a dependency resolution no earlier run answers says on standard error: a cold one fetches from Maven Central
 * before any finding, and was minutes of silence on a first assess. A remembered one says nothing (it takes no time).
 */
final class ResolutionLines implements ResolutionSettings.Listener {
  private final String command;
  private final ScanProgress progress;
  private final java.time.Duration limit;

  /**
   * @param progress where the lines go: the scan's own progress, so they sit between its phase lines or above its bar,
   *     and are not said under {@code --progress never}
   * @param limit the resolution's time limit, said as it starts
   */
  ResolutionLines(String command, ScanProgress progress, java.time.Duration limit) {
    this.command = command;
    this.progress = progress;
    this.limit = limit;
  }

  @Override
  public void started(ResolutionSettings.Started started) {
    progress.note(command + ": resolving the dependencies of " + started.buildFiles() + " build file"
        + (started.buildFiles() == 1 ? "" : "s") + (started.offline()
            ? " offline, from ~/.m2 and optkit's repository"
            : ", at most " + limit.toSeconds() + " s (what ~/.m2 and optkit's repository lack is fetched; --offline "
                + "fetches nothing)"));
  }

  @Override
  public void ended(ResolutionSettings.Ended ended) {
    String fetched = ended.fetchedJars() == 0 ? "none fetched"
        : String.format(Locale.ROOT, "%,d of them fetched (%.1f MB)", ended.fetchedJars(), ended.fetchedBytes() / 1e6);
    progress.note(String.format(Locale.ROOT, "%s: dependencies %s in %.1f s: %,d jar%s, %s", command,
        ended.stopped() ? "stopped at their time limit" : "resolved", ended.took().toMillis() / 1e3, ended.jars(),
        ended.jars() == 1 ? "" : "s", fetched));
  }
}
