package dev.optkit.validation.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * The host JVM of one scenario on one code version, started by {@code optkit validate} on the
 * project's class path plus optkit's harness: the replay (answers), the load test, then JMH, whose
 * forks inherit this class path and get the call-counting agent.
 *
 * <pre>HostMain --workload W --scenario S --out RESULT.json --answers ANSWERS.tsv [--agent JAR]
 *          [--forks 1 --warmup 2 --iterations 3 --seconds 2] [--heap-megabytes N] [--no-bench] [--no-load]
 *          [--bench-only] [--quick-load]</pre>
 *
 * A failure is printed as its root cause between {@link HostOutput}'s markers before the whole
 * stack trace, for the launcher to report; a call that does not return ends the JVM
 * ({@link CallWatchdog}).
 */
public final class HostMain {
  private HostMain() {
  }

  public static void main(String[] args) {
    try {
      run(args);
    } catch (Throwable failed) {
      // exit, never return: the fixture may have started non-daemon threads (servers, pools) before it failed,
      // and a JVM waiting on them would hang the validation run
      if (failed instanceof ForkFailed fork) {
        HostOutput.failed("in a JMH fork, " + fork.lines.get(0), fork.lines.subList(1, fork.lines.size()));
      } else {
        HostOutput.failed(failed);
      }
      failed.printStackTrace();
      System.exit(1);
    }
    System.exit(0); // fixtures may leave non-daemon threads (servers, pools) behind
  }

  private static void run(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--")) {
        boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
        options.put(args[i].substring(2), flag ? "true" : args[++i]);
      }
    }
    Path workload = Path.of(options.get("workload"));
    String scenario = options.get("scenario");
    if (options.containsKey("bench-only")) { // a later round of alternated forks: JMH alone
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(Path.of(options.get("out")).toFile(), new HostResult(scenario, bench(workload, scenario, options),
              null, null));
      return;
    }
    HostResult.Replay replay;
    HostResult.Load load = null;
    progress(scenario, "starting the fixture");
    try (ScenarioDriver driver = ScenarioDriver.open(workload, scenario)) {
      progress(scenario, "replay");
      replay = ReplayRun.run(driver, Path.of(options.get("answers")));
      if (driver.scenario().load() != null && !options.containsKey("no-load")) {
        progress(scenario, "load test");
        load = LoadRun.run(driver, options.containsKey("quick-load"));
      }
      progress(scenario, "the fixture's teardown");
    }
    HostResult.Bench bench = options.containsKey("no-bench") ? null : bench(workload, scenario, options);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(Path.of(options.get("out")).toFile(), new HostResult(scenario, bench, replay, load));
  }

  private static HostResult.Bench bench(Path workload, String scenario, Map<String, String> options) throws Exception {
    progress(scenario, "JMH");
    Path forkOut = Files.createTempFile("optkit-fork", ".json");
    Path forkFailure = Files.createTempFile("optkit-fork", ".failure");
    List<String> jvmArgs = new ArrayList<>(List.of("-D" + ScenarioBenchmark.FORK_OUT + "=" + forkOut,
        "-D" + HostOutput.FAILURE_FILE + "=" + forkFailure));
    // the forks' temporary files in this host's own folder too (HostTemp), deleted with it
    jvmArgs.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
    if (System.getProperty(ProjectClassLoader.PROPERTY) != null) { // forks get the harness's class path only
      jvmArgs.add("-D" + ProjectClassLoader.PROPERTY + "=" + System.getProperty(ProjectClassLoader.PROPERTY));
    }
    if (options.containsKey("agent")) {
      jvmArgs.add("-javaagent:" + options.get("agent"));
    }
    // the forks start the fixture and prepare the calls as this JVM did: the same heap and limits
    if (options.containsKey("heap-megabytes")) {
      jvmArgs.addAll(List.of("-Xmx" + Integer.parseInt(options.get("heap-megabytes")) + "m",
          "-XX:+ExitOnOutOfMemoryError"));
    }
    jvmArgs.add("-D" + CallWatchdog.CALL_SECONDS + "=" + CallWatchdog.callSeconds());
    jvmArgs.add("-D" + CallWatchdog.FIXTURE_SECONDS + "=" + CallWatchdog.fixtureSeconds());
    long seconds = Long.parseLong(options.getOrDefault("seconds", "2"));
    ChainedOptionsBuilder builder = new OptionsBuilder()
        .include(ScenarioBenchmark.class.getName() + ".read")
        .param("workload", workload.toString())
        .param("scenario", scenario)
        .forks(Integer.parseInt(options.getOrDefault("forks", "1")))
        .warmupIterations(Integer.parseInt(options.getOrDefault("warmup", "2")))
        .warmupTime(TimeValue.seconds(seconds))
        .measurementIterations(Integer.parseInt(options.getOrDefault("iterations", "3")))
        .measurementTime(TimeValue.seconds(seconds))
        .jvm(Path.of(System.getProperty("java.home"), "bin", "java").toString())
        // all of them, not appended: JMH's default is this JVM's own arguments, which gave the forks the agent twice
        .jvmArgs(jvmArgs.toArray(String[]::new))
        .shouldFailOnError(true)
        .output(options.getOrDefault("jmh-log", Files.createTempFile("optkit-jmh", ".log").toString()));
    RunResult result;
    try {
      result = new Runner(builder.build()).run().iterator().next();
    } catch (Exception e) {
      List<String> fork = HostOutput.readFailure(forkFailure);
      throw fork.isEmpty() ? e : new ForkFailed(fork, e);
    } finally {
      Files.deleteIfExists(forkFailure);
    }
    Statistics statistics = result.getPrimaryResult().getStatistics();
    List<Double> iterationMeans = new ArrayList<>();
    List<Double> iterationMedians = new ArrayList<>();
    for (BenchmarkResult forkResult : result.getBenchmarkResults()) {
      for (IterationResult iteration : forkResult.getIterationResults()) {
        iterationMeans.add(iteration.getPrimaryResult().getScore());
        iterationMedians.add(iteration.getPrimaryResult().getStatistics().getPercentile(50));
      }
    }
    // sample time in µs (ScenarioBenchmark's unit): the histogram holds nanoseconds
    String histogram = LatencyHistograms.encode(LatencyHistograms.fromSamples(statistics.getRawData(), 1e3));
    ObjectMapper json = new ObjectMapper();
    JsonNode fork = json.readTree(forkOut.toFile());
    Files.deleteIfExists(forkOut);
    HostResult.Fill fill = json.treeToValue(fork.path("fill"), HostResult.Fill.class);
    return new HostResult.Bench(statistics.getMean(), statistics.getPercentile(50), statistics.getPercentile(95),
        statistics.getPercentile(99), statistics.getN(), fork.path("invocations").asLong(), fork.path("errors").asLong(),
        fork.path("downstreamCalls").asLong(), iterationMeans, iterationMedians, histogram, fill);
  }

  /** A JMH fork failed and said why ({@link HostOutput#FAILURE_FILE}): its headline and details. */
  private static final class ForkFailed extends Exception {
    private final transient List<String> lines;

    ForkFailed(List<String> lines, Exception jmh) {
      super("a JMH fork failed: " + lines.get(0), jmh);
      this.lines = lines;
    }
  }

  private static void progress(String scenario, String phase) {
    HostOutput.phase(scenario, phase);
  }
}
