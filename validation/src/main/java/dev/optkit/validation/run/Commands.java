package dev.optkit.validation.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Shell commands of the workload (build, class path) and git, run in a directory with a time limit. */
final class Commands {
  private Commands() {
  }

  /** Runs {@code command} with {@code sh -c}; standard output returned, everything logged to {@code log}. */
  static String shell(String command, Path directory, Path log, long timeoutMinutes) throws IOException, InterruptedException {
    return run(List.of("sh", "-c", command), directory, log, timeoutMinutes);
  }

  static String run(List<String> command, Path directory, Path log, long timeoutMinutes)
      throws IOException, InterruptedException {
    return run(command, directory, log, java.time.Duration.ofMinutes(timeoutMinutes));
  }

  /**
   * The output is read on a thread of its own while this one waits: read before the wait, a build that hangs
   * with its output open (a test waiting on a socket) kept the read blocked past any limit, so the limit never
   * fired. It stays a pipe, not a file: a command may write to {@code /dev/stdout} by name
   * ({@code -Dmdep.outputFile=/dev/stdout}), which on a file would start it over.
   */
  static String run(List<String> command, Path directory, Path log, java.time.Duration timeout)
      throws IOException, InterruptedException {
    Path err = Files.createTempFile("optkit-cmd", ".err");
    try {
      Process process = new ProcessBuilder(command).directory(directory.toFile())
          .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
      java.util.concurrent.CompletableFuture<byte[]> output = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        try {
          return process.getInputStream().readAllBytes();
        } catch (IOException e) {
          return new byte[0];
        }
      }, runnable -> {
        Thread reader = new Thread(runnable, "optkit-command-output");
        reader.setDaemon(true);
        reader.start();
      });
      boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
      String stdout;
      try {
        // ended: the output is complete once the pipe closes; stopped: what it printed before
        stdout = new String(finished ? output.get(10, TimeUnit.MINUTES) : output.get(5, TimeUnit.SECONDS),
            StandardCharsets.UTF_8);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        stdout = "";
      }
      String stderr = Files.readString(err);
      Files.writeString(log, "$ " + String.join(" ", command) + "  (in " + directory + ")\n" + stdout + stderr,
          StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      if (!finished) {
        throw new ValidationException("'" + String.join(" ", command) + "' in " + directory + " took over "
            + describe(timeout) + " and was stopped; its output so far is in " + log
            + ": run it there by hand to see where it waits");
      }
      if (process.exitValue() != 0) {
        String tail = (stdout + stderr).lines().reduce((a, b) -> b).orElse("");
        throw new ValidationException("'" + String.join(" ", command) + "' failed in " + directory + " (exit "
            + process.exitValue() + "): " + tail + " — see " + log);
      }
      return stdout;
    } finally {
      Files.deleteIfExists(err);
    }
  }

  private static String describe(java.time.Duration timeout) {
    return timeout.toSeconds() % 60 == 0 ? timeout.toMinutes() + " min" : timeout.toSeconds() + " s";
  }
}
