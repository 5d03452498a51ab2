package dev.optkit.validation.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optkit.validation.harness.CallWatchdog;
import dev.optkit.validation.harness.HostMain;
import dev.optkit.validation.harness.HostResult;
import dev.optkit.validation.harness.ProjectClassLoader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts the host JVM of one scenario on one code version, within the run's limits, and reads what
 * it measured: its heap sized from the scenario ({@link dev.optkit.validation.spec.HeapEstimate}),
 * its calls watched ({@link CallWatchdog}), and the whole process tree ended when it runs past the
 * scenario's limit or optkit itself is stopped.
 */
final class HostLauncher {
  private final String java;
  private final Path workload;
  private final Path runDir;
  private final RunSettings settings;
  private final RunLimits limits;
  private final Optional<Path> agent;

  HostLauncher(String java, Path workload, Path runDir, RunSettings settings, RunLimits limits, Optional<Path> agent) {
    this.java = java;
    this.workload = workload;
    this.runDir = runDir;
    this.settings = settings;
    this.limits = limits;
    this.agent = agent;
  }

  /**
   * @param round 0 for the scenario's first host (replay, load test and one JMH fork); a later round
   *     runs one more JMH fork alone, alternating with the other version's ({@code --forks})
   */
  HostResult run(List<String> versionClasspath, String label, String scenario, long heapMegabytes, int round)
      throws IOException, InterruptedException {
    // the harness on the JVM's class path, the project in a loader of its own (ProjectClassLoader)
    List<String> classpath = new ArrayList<>();
    HarnessClasspath.entries().forEach(p -> classpath.add(p.toString()));
    Path projectClasspath = runDir.resolve(label + "-classpath.txt");
    ProjectClassLoader.write(versionClasspath, projectClasspath);
    String suffix = round == 0 ? "" : "-fork" + (round + 1);
    Path out = runDir.resolve(label + "-" + scenario + suffix + ".json");
    Path jmhLog = runDir.resolve(label + "-" + scenario + suffix + "-jmh.log");
    Path tmp = HostTemp.create(runDir, label, scenario + suffix);
    HostResult result;
    try {
      result = run(classpath, projectClasspath, out, jmhLog, tmp, label, scenario, heapMegabytes, round, suffix);
    } catch (IOException | InterruptedException | RuntimeException | Error failed) {
      HostTemp.delete(tmp, failed); // the host's failure is what to report, a leftover file at most beside it
      throw failed;
    }
    HostTemp.delete(tmp, null); // nothing left behind: JMH never deletes its jmh.lock, nor a killed JVM its temp files
    return result;
  }

  private HostResult run(List<String> classpath, Path projectClasspath, Path out, Path jmhLog, Path tmp, String label,
      String scenario, long heapMegabytes, int round, String suffix) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heapMegabytes + "m",
        // JMH's lock (java.io.tmpdir/jmh.lock, read once when its Runner loads) and temporary files, this host's own:
        // a shared /tmp/jmh.lock held by any other JMH run on the machine made this host exit at once
        "-Djava.io.tmpdir=" + tmp,
        // a JVM out of heap ends at once, saying so, instead of limping on until the scenario's limit
        "-XX:+ExitOnOutOfMemoryError",
        "-D" + CallWatchdog.CALL_SECONDS + "=" + limits.callSeconds(),
        "-D" + CallWatchdog.FIXTURE_SECONDS + "=" + limits.fixtureSeconds()));
    agent.ifPresent(jar -> command.add("-javaagent:" + jar));
    command.add("-D" + ProjectClassLoader.PROPERTY + "=" + projectClasspath);
    command.addAll(List.of("-cp", String.join(File.pathSeparator, classpath), HostMain.class.getName(),
        "--workload", workload.toAbsolutePath().toString(), "--scenario", scenario, "--out", out.toString(),
        "--answers", answersFile(runDir, label, scenario).toString(), "--jmh-log", jmhLog.toString(),
        // the host is JMH's one fork: the orchestrator starts a host per fork and alternates the versions' (Validation)
        "--warmup", String.valueOf(settings.warmupIterations()),
        "--iterations", String.valueOf(settings.iterations()),
        "--seconds", String.valueOf(settings.secondsPerIteration()), "--heap-megabytes", String.valueOf(heapMegabytes)));
    agent.ifPresent(jar -> command.addAll(List.of("--agent", jar.toString())));
    if (!settings.bench()) {
      command.add("--no-bench");
    }
    if (!settings.load()) {
      command.add("--no-load");
    }
    if (settings.quickLoad()) {
      command.add("--quick-load");
    }
    if (round > 0) {
      command.add("--bench-only");
    }
    Path hostLog = runDir.resolve(label + "-" + scenario + suffix + "-host.log");
    String who = label + ", scenario '" + scenario + "'" + (round == 0 ? "" : ", JMH fork " + (round + 1));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(hostLog.toFile()).start();
    Thread stopped = new Thread(() -> destroyQuietly(process), "optkit-host-reaper"); // optkit stopped (Ctrl-C)
    Runtime.getRuntime().addShutdownHook(stopped);
    try {
      if (!process.waitFor(limits.scenarioSeconds(), TimeUnit.SECONDS)) {
        int children = ProcessTree.destroy(process);
        throw new ValidationException(HostFailure.timedOut(who, limits.scenarioSeconds(), children,
            HostLog.read(hostLog, scenario), hostLog));
      }
    } catch (InterruptedException e) {
      ProcessTree.destroy(process);
      throw e;
    } finally {
      removeHook(stopped);
    }
    if (process.exitValue() != 0 || !out.toFile().isFile()) {
      throw new ValidationException(HostFailure.describe(who, process.exitValue(), out.toFile().isFile(),
          HostLog.read(hostLog, scenario), HostLog.read(jmhLog, scenario), hostLog, jmhLog, heapMegabytes));
    }
    return new ObjectMapper().readValue(out.toFile(), HostResult.class);
  }

  static Path answersFile(Path runDir, String label, String scenario) {
    return runDir.resolve(label + "-" + scenario + "-answers.tsv");
  }

  private static void destroyQuietly(Process process) {
    try {
      ProcessTree.destroy(process);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // optkit is shutting down: the hook runs
    }
  }
}
