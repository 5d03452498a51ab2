package dev.optkit.validation.spec;

/** A workload file that cannot be used: the message names the file and what to fix. */
public final class WorkloadException extends RuntimeException {
  public WorkloadException(String message) {
    super(message);
  }

  /** @param cause what the project's code threw, kept so that its root cause can be reported */
  public WorkloadException(String message, Throwable cause) {
    super(message, cause);
  }
}
