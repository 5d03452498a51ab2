package dev.optkit.validation.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The original code as of a git ref, checked out into a temporary clone and built there: the
 * user's own tree is never touched. A clone sharing the repository's objects ({@code --shared}),
 * not a {@code git worktree}: build plugins that read git through JGit (license headers, commit
 * ids) fail in a worktree ("Bare Repository has neither a working tree, nor an index"). Closing
 * deletes the clone.
 */
public final class GitBaseline implements AutoCloseable {
  private final Path worktree;
  private final Path project;

  private GitBaseline(Path worktree, Path project) {
    this.worktree = worktree;
    this.project = project;
  }

  public static GitBaseline checkout(Path projectDir, String ref, Path workDir, Path log)
      throws IOException, InterruptedException {
    Path repository;
    try {
      repository = Path.of(Commands.run(List.of("git", "rev-parse", "--show-toplevel"), projectDir, log, 1).strip());
    } catch (ValidationException e) {
      throw ValidationException.usage(projectDir + " is not in a git repository: --baseline needs one (or use "
          + "--baseline-journal)");
    }
    String commit;
    try {
      commit = Commands.run(List.of("git", "rev-parse", "--verify", "--quiet", ref + "^{commit}"), repository, log, 1)
          .strip();
    } catch (ValidationException e) {
      throw ValidationException.usage("unknown git ref '" + ref + "' in " + repository);
    }
    Path worktree = workDir.resolve("baseline");
    Commands.run(List.of("git", "clone", "--quiet", "--shared", "--no-checkout", repository.toString(),
        worktree.toString()), workDir, log, 5);
    Commands.run(List.of("git", "checkout", "--quiet", "--detach", commit), worktree, log, 5);
    Path relative = repository.toRealPath().relativize(projectDir.toRealPath());
    return new GitBaseline(worktree, worktree.resolve(relative.toString()));
  }

  public Path project() {
    return project;
  }

  @Override
  public void close() {
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(worktree)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        java.nio.file.Files.deleteIfExists(file);
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("optkit validate: could not remove the baseline checkout " + worktree + ": " + e.getMessage());
    }
  }
}
