package dev.optkit.cli;

/** optkit's exit codes, the same for every command; documented in --help and the README. */
public final class ExitCodes {
  /** Nothing at or above the failure threshold. */
  public static final int OK = 0;
  /** Findings at or above the threshold (--fail-on, --max-findings). */
  public static final int FINDINGS = 1;
  /** Bad usage or configuration, or a command not available yet. */
  public static final int USAGE = 2;
  /** optkit itself failed; never reported as success. */
  public static final int INTERNAL = 3;

  public static final String HELP = "%nExit codes:%n"
      + "  0  success: nothing at or above the failure threshold%n"
      + "  1  findings at or above --fail-on / more than --max-findings%n"
      + "  2  usage or configuration error%n"
      + "  3  internal error%n";

  private ExitCodes() {}
}
