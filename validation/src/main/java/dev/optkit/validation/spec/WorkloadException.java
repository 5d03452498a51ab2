package dev.optkit.validation.spec;

/** A workload file that cannot be used: the message names the file and what to fix. */
public final class WorkloadException extends RuntimeException {
  public WorkloadException(String message) {
    super(message);
  }
}
