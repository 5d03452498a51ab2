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
    Path err = Files.createTempFile("optkit-cmd", ".err");
    try {
      Process process = new ProcessBuilder(command).directory(directory.toFile())
          .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new ValidationException("'" + String.join(" ", command) + "' in " + directory + " took over "
            + timeoutMinutes + " min");
      }
      String stdout = new String(out, StandardCharsets.UTF_8);
      String stderr = Files.readString(err);
      Files.writeString(log, "$ " + String.join(" ", command) + "  (in " + directory + ")\n" + stdout + stderr,
          StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
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
}
