package dev.optkit.validation.harness;

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
 * project's class path plus optkit's harness: the replay (answers), the load test, then JMH in this
 * same JVM on the same fixture (JMH's fork is this JVM, started with the call-counting agent).
 *
 * <pre>HostMain --workload W --scenario S --out RESULT.json --answers ANSWERS.tsv [--agent JAR]
 *          [--warmup 2 --iterations 3 --seconds 2] [--heap-megabytes N] [--no-bench] [--no-load]
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
      HostOutput.failed(failed);
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
    boolean benchOnly = options.containsKey("bench-only"); // a later round of alternated forks: JMH alone
    HostResult.Replay replay = null;
    HostResult.Load load = null;
    HostResult.Bench bench = null;
    progress(scenario, "starting the fixture");
    // one fixture for all this JVM measures: the replay, the load test and JMH, which runs in this JVM (the
    // orchestrator starts a JVM per fork and alternates the versions' forks); it started the fixture a second
    // time in a fork of its own
    try (ScenarioDriver driver = ScenarioDriver.open(workload, scenario)) {
      if (!benchOnly) {
        progress(scenario, "replay");
        replay = ReplayRun.run(driver, Path.of(options.get("answers")));
        if (driver.scenario().load() != null && !options.containsKey("no-load")) {
          progress(scenario, "load test");
          load = LoadRun.run(driver, options.containsKey("quick-load"));
        }
      }
      if (!options.containsKey("no-bench")) {
        bench = bench(driver, workload, scenario, options);
      }
      progress(scenario, "the fixture's teardown");
    }
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(Path.of(options.get("out")).toFile(), new HostResult(scenario, bench, replay, load));
  }

  private static HostResult.Bench bench(ScenarioDriver driver, Path workload, String scenario,
      Map<String, String> options) throws Exception {
    progress(scenario, "JMH");
    long seconds = Long.parseLong(options.getOrDefault("seconds", "2"));
    ChainedOptionsBuilder builder = new OptionsBuilder()
        .include(ScenarioBenchmark.class.getName() + ".read")
        .param("workload", workload.toString())
        .param("scenario", scenario)
        // this JVM is the fork: started by the orchestrator with the agent, the heap and the limits a fork needs
        .forks(0)
        .warmupIterations(Integer.parseInt(options.getOrDefault("warmup", "2")))
        .warmupTime(TimeValue.seconds(seconds))
        .measurementIterations(Integer.parseInt(options.getOrDefault("iterations", "3")))
        .measurementTime(TimeValue.seconds(seconds))
        .shouldFailOnError(true)
        .output(options.getOrDefault("jmh-log", Files.createTempFile("optkit-jmh", ".log").toString()));
    RunResult result;
    ScenarioBenchmark.Trial trial;
    try (ScenarioBenchmark.Handoff handoff = ScenarioBenchmark.handOver(driver)) {
      result = new Runner(builder.build()).run().iterator().next();
      trial = handoff.trial();
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
    return new HostResult.Bench(statistics.getMean(), statistics.getPercentile(50), statistics.getPercentile(95),
        statistics.getPercentile(99), statistics.getN(), trial.invocations(), trial.errors(), trial.downstreamCalls(),
        iterationMeans, iterationMedians, histogram, trial.fill());
  }

  private static void progress(String scenario, String phase) {
    HostOutput.phase(scenario, phase);
  }
}
