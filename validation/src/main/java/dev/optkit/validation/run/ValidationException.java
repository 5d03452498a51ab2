package dev.optkit.validation.run;

/** validate could not run (a build failed, a tree could not be prepared): exit 3 with this message. */
public final class ValidationException extends RuntimeException {
  public ValidationException(String message) {
    super(message);
  }
}
