package dev.optkit.validation.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optkit.validation.harness.HostMain;
import dev.optkit.validation.harness.ProjectClassLoader;
import dev.optkit.validation.harness.HostResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Starts the host JVM of one scenario on one code version and reads what it measured. */
final class HostLauncher {
  private HostLauncher() {
  }

  static HostResult run(String java, List<String> versionClasspath, Path workload, String scenario, Path runDir,
      String label, RunSettings settings, Optional<Path> agent, Path log) throws IOException, InterruptedException {
    // the harness on the JVM's class path, the project in a loader of its own (ProjectClassLoader)
    List<String> classpath = new ArrayList<>();
    HarnessClasspath.entries().forEach(p -> classpath.add(p.toString()));
    Path projectClasspath = runDir.resolve(label + "-classpath.txt");
    ProjectClassLoader.write(versionClasspath, projectClasspath);
    Path out = runDir.resolve(label + "-" + scenario + ".json");
    Path answers = answersFile(runDir, label, scenario);
    List<String> command = new ArrayList<>(List.of(java));
    agent.ifPresent(jar -> command.add("-javaagent:" + jar));
    command.add("-D" + ProjectClassLoader.PROPERTY + "=" + projectClasspath);
    command.addAll(List.of("-cp", String.join(File.pathSeparator, classpath), HostMain.class.getName(),
        "--workload", workload.toAbsolutePath().toString(), "--scenario", scenario, "--out", out.toString(),
        "--answers", answers.toString(), "--jmh-log", runDir.resolve(label + "-" + scenario + "-jmh.log").toString(),
        "--forks", String.valueOf(settings.forks()), "--warmup", String.valueOf(settings.warmupIterations()),
        "--iterations", String.valueOf(settings.iterations()), "--seconds", String.valueOf(settings.secondsPerIteration())));
    agent.ifPresent(jar -> command.addAll(List.of("--agent", jar.toString())));
    if (!settings.bench()) {
      command.add("--no-bench");
    }
    if (!settings.load()) {
      command.add("--no-load");
    }
    Path hostLog = runDir.resolve(label + "-" + scenario + "-host.log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(hostLog.toFile()).start();
    if (!process.waitFor(30, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new ValidationException(label + " " + scenario + ": the host JVM took over 30 min; see " + hostLog);
    }
    if (process.exitValue() != 0 || !out.toFile().isFile()) {
      String tail = Files.readAllLines(hostLog).stream().filter(l -> !l.isBlank())
          .reduce((a, b) -> b).orElse("");
      throw new ValidationException(label + " " + scenario + ": the host JVM failed (exit " + process.exitValue() + "): "
          + tail + " — see " + hostLog);
    }
    return new ObjectMapper().readValue(out.toFile(), HostResult.class);
  }

  static Path answersFile(Path runDir, String label, String scenario) {
    return runDir.resolve(label + "-" + scenario + "-answers.tsv");
  }
}
