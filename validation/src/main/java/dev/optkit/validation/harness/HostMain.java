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
 *          [--forks 1 --warmup 2 --iterations 3 --seconds 2] [--no-bench] [--no-load]</pre>
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
    HostResult.Replay replay;
    HostResult.Load load = null;
    try (ScenarioDriver driver = ScenarioDriver.open(workload, scenario)) {
      progress(scenario, "replay");
      replay = ReplayRun.run(driver, Path.of(options.get("answers")));
      if (driver.scenario().load() != null && !options.containsKey("no-load")) {
        progress(scenario, "load test");
        load = LoadRun.run(driver);
      }
    }
    HostResult.Bench bench = options.containsKey("no-bench") ? null : bench(workload, scenario, options);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(Path.of(options.get("out")).toFile(), new HostResult(scenario, bench, replay, load));
  }

  private static HostResult.Bench bench(Path workload, String scenario, Map<String, String> options) throws Exception {
    progress(scenario, "JMH");
    Path forkOut = Files.createTempFile("optkit-fork", ".json");
    List<String> jvmArgs = new ArrayList<>(List.of("-D" + ScenarioBenchmark.FORK_OUT + "=" + forkOut));
    if (System.getProperty(ProjectClassLoader.PROPERTY) != null) { // forks get the harness's class path only
      jvmArgs.add("-D" + ProjectClassLoader.PROPERTY + "=" + System.getProperty(ProjectClassLoader.PROPERTY));
    }
    if (options.containsKey("agent")) {
      jvmArgs.add("-javaagent:" + options.get("agent"));
    }
    ChainedOptionsBuilder builder = new OptionsBuilder()
        .include(ScenarioBenchmark.class.getName() + ".read")
        .param("workload", workload.toString())
        .param("scenario", scenario)
        .forks(Integer.parseInt(options.getOrDefault("forks", "1")))
        .warmupIterations(Integer.parseInt(options.getOrDefault("warmup", "2")))
        .warmupTime(TimeValue.seconds(Long.parseLong(options.getOrDefault("seconds", "2"))))
        .measurementIterations(Integer.parseInt(options.getOrDefault("iterations", "3")))
        .measurementTime(TimeValue.seconds(Long.parseLong(options.getOrDefault("seconds", "2"))))
        .jvm(Path.of(System.getProperty("java.home"), "bin", "java").toString())
        .jvmArgsAppend(jvmArgs.toArray(String[]::new))
        .shouldFailOnError(true)
        .output(options.getOrDefault("jmh-log", Files.createTempFile("optkit-jmh", ".log").toString()));
    RunResult result = new Runner(builder.build()).run().iterator().next();
    Statistics statistics = result.getPrimaryResult().getStatistics();
    JsonNode fork = new ObjectMapper().readTree(forkOut.toFile());
    Files.deleteIfExists(forkOut);
    return new HostResult.Bench(statistics.getMean(), statistics.getPercentile(50), statistics.getPercentile(95),
        statistics.getPercentile(99), statistics.getN(), fork.path("invocations").asLong(), fork.path("errors").asLong(),
        fork.path("downstreamCalls").asLong());
  }

  private static void progress(String scenario, String phase) {
    System.err.println("optkit-host: " + scenario + ": " + phase);
  }
}
