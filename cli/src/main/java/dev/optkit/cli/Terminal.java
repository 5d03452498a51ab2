package dev.optkit.cli;

/** What the process is attached to, for colours and progress. */
final class Terminal {
  private Terminal() {}

  /** Colours for stdout: only on an interactive terminal, never with NO_COLOR set (no-color.org). */
  static boolean colorsOnStdout() {
    String noColor = System.getenv("NO_COLOR");
    if (noColor != null && !noColor.isEmpty()) {
      return false;
    }
    return System.console() != null && !"dumb".equals(System.getenv("TERM"));
  }

  /**
   * Whether stderr is likely an interactive terminal: Java 17 cannot ask about stderr alone, so
   * this requires a console and a terminal type, and CI markers turn it off.
   */
  static boolean progressOnStderr() {
    return System.console() != null && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"))
        && System.getenv("CI") == null;
  }
}
