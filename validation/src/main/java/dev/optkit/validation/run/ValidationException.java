package dev.optkit.validation.run;

/**
 * validate could not run: a build failed, a tree could not be prepared (exit 3), or what the user named cannot be used
 * (a baseline ref git does not know, a project outside git: {@link #usage}, exit 2). The command reads which from
 * {@link #byUser()}, never from the message.
 */
public final class ValidationException extends RuntimeException {
  private final boolean byUser;

  public ValidationException(String message) {
    this(message, false);
  }

  private ValidationException(String message, boolean byUser) {
    super(message);
    this.byUser = byUser;
  }

  /** What the user named cannot be used: a usage error, not a failure of the run. */
  public static ValidationException usage(String message) {
    return new ValidationException(message, true);
  }

  /** Whether the user's own input is what cannot be used. */
  public boolean byUser() {
    return byUser;
  }
}
