package dev.optkit.analyzers.dependencies;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Resolution settings for a test whose subject is not a time limit: no cap on the whole resolution (it is waited for
 * until it ends), and connect and request timeouts far above what a loopback repository takes on a loaded machine.
 * Nothing such a test asserts depends on the machine's speed (issue 67).
 */
final class Untimed {
  private Untimed() {}

  static final Duration GENEROUS = Duration.ofSeconds(120);

  static ResolutionSettings settings(boolean offline, Path repository, List<Path> readOnly, String central,
      boolean includeTests) {
    return new ResolutionSettings(offline, repository, readOnly, central, GENEROUS, GENEROUS, Duration.ofSeconds(180),
        includeTests, ResolutionSettings.Cap.NONE);
  }

  static ResolutionSettings settings(boolean offline, Path repository, String central, boolean includeTests) {
    return settings(offline, repository, List.of(), central, includeTests);
  }
}
