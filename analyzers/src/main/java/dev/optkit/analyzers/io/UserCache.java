package dev.optkit.analyzers.io;

import java.nio.file.Path;

/**
 * optkit's cache of the user's, shared by every project scanned: {@code $XDG_CACHE_HOME/optkit}, else
 * {@code ~/.cache/optkit}. What it holds is keyed by the content it was made from (a jar's bytes), never by a
 * project: the dependency jars optkit fetches and their I/O summaries.
 */
public final class UserCache {
  private UserCache() {}

  /** The folder itself. */
  public static Path directory() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "optkit");
    }
    return Path.of(System.getProperty("user.home"), ".cache", "optkit");
  }

  /**
   * Where the dependency jars' I/O summaries are kept (their {@code bytecode/} folder is below it): a jar is read
   * once, whichever project, run or {@code --no-cache} asks, as its bytes decide what is kept.
   */
  public static Path librarySummaries() {
    return directory().resolve("summaries");
  }
}
