package dev.optkit.validation.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The original code as of a git ref, checked out into a temporary worktree and built there: the
 * user's own tree is never touched. Closing removes the worktree.
 */
public final class GitBaseline implements AutoCloseable {
  private final Path repository;
  private final Path worktree;
  private final Path project;
  private final Path log;

  private GitBaseline(Path repository, Path worktree, Path project, Path log) {
    this.repository = repository;
    this.worktree = worktree;
    this.project = project;
    this.log = log;
  }

  public static GitBaseline checkout(Path projectDir, String ref, Path workDir, Path log)
      throws IOException, InterruptedException {
    Path repository;
    try {
      repository = Path.of(Commands.run(List.of("git", "rev-parse", "--show-toplevel"), projectDir, log, 1).strip());
    } catch (ValidationException e) {
      throw new ValidationException(projectDir + " is not in a git repository: --baseline needs one (or use "
          + "--baseline-journal)");
    }
    try {
      Commands.run(List.of("git", "rev-parse", "--verify", "--quiet", ref + "^{commit}"), repository, log, 1);
    } catch (ValidationException e) {
      throw new ValidationException("unknown git ref '" + ref + "' in " + repository);
    }
    Path worktree = workDir.resolve("baseline");
    Commands.run(List.of("git", "worktree", "add", "--detach", worktree.toString(), ref), repository, log, 5);
    Path relative = repository.toRealPath().relativize(projectDir.toRealPath());
    return new GitBaseline(repository, worktree, worktree.resolve(relative.toString()), log);
  }

  public Path project() {
    return project;
  }

  @Override
  public void close() {
    try {
      Commands.run(List.of("git", "worktree", "remove", "--force", worktree.toString()), repository, log, 5);
    } catch (IOException | InterruptedException | ValidationException e) {
      System.err.println("optkit validate: could not remove the worktree " + worktree + ": " + e.getMessage());
    }
  }
}
