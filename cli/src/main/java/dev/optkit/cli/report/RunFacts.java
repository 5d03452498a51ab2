package dev.optkit.cli.report;

import dev.optkit.validation.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What a validate report records about where its figures came from, asked of git and of the JVM
 * that runs the code: commits, and the JDK's version and vendor. A question that cannot be answered
 * (no git, a JVM that prints nothing) leaves its field null; it never stops the run.
 */
public final class RunFacts {
  /** git and {@code java -version} answer in well under a second; a hung one does not hold the run. */
  private static final long SECONDS = 30;
  /** {@code -XshowSettings:properties} prints a few KB; more than this is not read. */
  private static final int MAX_OUTPUT_BYTES = 256 * 1024;

  private RunFacts() {}

  /** The commit checked out in {@code directory} ({@code HEAD}), or null when it is not in a git repository. */
  public static String headCommit(Path directory) {
    return run(directory, List.of("git", "rev-parse", "--verify", "--quiet", "HEAD^{commit}"))
        .map(String::strip).filter(commit -> commit.matches("[0-9a-f]{40,64}")).orElse(null);
  }

  /**
   * Whether the files under {@code directory} differ from its {@code HEAD} (changed, added, deleted,
   * untracked; optkit's own {@code .optkit/} aside); null when git cannot say.
   */
  public static Boolean changedSinceHead(Path directory) {
    return run(directory, List.of("git", "status", "--porcelain", "--", ".", ":(exclude).optkit"))
        .map(status -> !status.isBlank()).orElse(null);
  }

  /** The refs of a run: the baseline as given, and the current code's commit when it has one. */
  public static ValidationReport.Refs refs(Path project, String baselineRef, String baselineJournal) {
    String current = headCommit(project);
    return new ValidationReport.Refs(baselineRef, null, baselineJournal, current,
        current == null ? null : changedSinceHead(project));
  }

  /** The JVM optkit runs on: its own properties, nothing started. */
  public static ValidationReport.Jdk currentJdk() {
    return new ValidationReport.Jdk(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        System.getProperty("java.version"), System.getProperty("java.vendor"));
  }

  /**
   * Another JVM ({@code --java}): asked with {@code -XshowSettings:properties -version}, which prints
   * every system property to standard error and starts no application; version and vendor null when
   * it did not answer so.
   */
  public static ValidationReport.Jdk jdk(Path javaExecutable) {
    Optional<String> settings = run(null, List.of(javaExecutable.toString(), "-XshowSettings:properties", "-version"));
    return new ValidationReport.Jdk(javaExecutable.toString(), settings.map(s -> property(s, "java.version")).orElse(null),
        settings.map(s -> property(s, "java.vendor")).orElse(null));
  }

  /** A property's value in {@code -XshowSettings:properties}' listing ({@code "    java.version = 21.0.5"}). */
  static String property(String listing, String name) {
    return listing.lines().map(String::strip).filter(line -> line.startsWith(name + " = "))
        .map(line -> line.substring(name.length() + 3).strip()).findFirst().orElse(null);
  }

  /**
   * A command's standard output and error together, when it ended in time with exit 0; empty
   * otherwise. Written to a temporary file, not read from a pipe, so the time limit holds even for
   * a process that never closes its output.
   */
  private static Optional<String> run(Path directory, List<String> command) {
    Process process = null;
    Path output = null;
    try {
      if (directory != null && !Files.isDirectory(directory)) {
        return Optional.empty();
      }
      output = Files.createTempFile("optkit-facts", ".txt");
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      if (directory != null) {
        builder.directory(directory.toFile());
      }
      builder.environment().put("GIT_OPTIONAL_LOCKS", "0"); // git status only looks: it takes no index lock
      process = builder.start();
      if (!process.waitFor(SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
        return Optional.empty();
      }
      return Optional.of(new String(readBounded(output), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty(); // no git, or no such java: the field stays null
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      if (process != null) {
        process.destroyForcibly();
      }
      if (output != null) {
        try {
          Files.deleteIfExists(output);
        } catch (IOException e) {
          // a file of a few KB left in the temporary folder
        }
      }
    }
  }

  private static byte[] readBounded(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(MAX_OUTPUT_BYTES);
    }
  }
}
