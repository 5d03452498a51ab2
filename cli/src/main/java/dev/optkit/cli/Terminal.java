package dev.optkit.cli;

import java.util.Map;

/** What the process is attached to, for colours and progress: every command asks here. */
final class Terminal {
  private Terminal() {}

  /** Colours for stdout: only on an interactive terminal, never with NO_COLOR set (no-color.org). */
  static boolean colorsOnStdout() {
    return colorsOnStdout(System.console() != null, System.getenv());
  }

  static boolean colorsOnStdout(boolean console, Map<String, String> env) {
    String noColor = env.get("NO_COLOR");
    if (noColor != null && !noColor.isEmpty()) {
      return false;
    }
    return console && !"dumb".equals(env.get("TERM"));
  }

  /**
   * Whether stderr is likely an interactive terminal: Java 17 cannot ask about stderr alone, so
   * this requires a console and a terminal type, and CI markers turn it off.
   */
  static boolean progressOnStderr() {
    return progressOnStderr(System.console() != null, System.getenv());
  }

  static boolean progressOnStderr(boolean console, Map<String, String> env) {
    return console && env.get("TERM") != null && !"dumb".equals(env.get("TERM")) && env.get("CI") == null;
  }
}
