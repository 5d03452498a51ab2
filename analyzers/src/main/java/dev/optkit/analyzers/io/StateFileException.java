package dev.optkit.analyzers.io;

import java.nio.file.FileSystemException;

/**
 * A path in optkit's state that cannot be trusted: a link, a file of the wrong kind, a file too
 * large or malformed. The message names the path and what is wrong with it, never its content (a
 * planted link to {@code /proc/self/environ} must not put the environment into a CI log), and says
 * what to do.
 */
public final class StateFileException extends FileSystemException {
  private final String problem;

  public StateFileException(String shownPath, String problem) {
    super(shownPath);
    this.problem = problem;
  }

  /** What is wrong, without the path. */
  public String problem() {
    return problem;
  }

  @Override
  public String getMessage() {
    return getFile() + ": " + problem + "; remove it";
  }
}
