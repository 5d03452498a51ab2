package dev.optkit.validation.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.validation.spec.Workload;
import dev.optkit.validation.spec.WorkloadException;
import dev.optkit.validation.spec.WorkloadReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLimitsTest {
  @TempDir Path dir;

  private Workload workload(String limits, String load) throws Exception {
    Path file = dir.resolve("workload.yaml");
    Files.writeString(file, "fixture: {factory: a.B#c}\n" + limits + "scenarios: [{name: s, method: m" + load + "}]\n");
    return WorkloadReader.read(file);
  }

  @Test
  void theDefaultsAreStatedAndTheCommandLineOverridesTheWorkload() throws Exception {
    RunLimits defaults = RunLimits.of(workload("", ""), null, null, RunSettings.defaults());
    // 900 s + 2 x (1 fork x (2 + 3 iterations) x 2 s)
    assertEquals(new RunLimits(30, 120, 920), defaults);
    assertEquals(900, RunLimits.of(workload("", ""), null, null, RunSettings.defaults().withoutBench()).scenarioSeconds());
    Workload limited = workload("limits: {callSeconds: 5, fixtureSeconds: 7, scenarioSeconds: 60}\n", "");
    assertEquals(new RunLimits(5, 7, 60), RunLimits.of(limited, null, null, RunSettings.quick()));
    assertEquals(new RunLimits(2, 7, 40), RunLimits.of(limited, 2, 40, RunSettings.quick()));
    // the default grows by the longest load test: 5 s of warm-up and 20 measured, 2 and 5 with --quick
    Workload loaded = workload("", ", load: {users: 2}");
    assertEquals(920 + 25, RunLimits.of(loaded, null, null, RunSettings.defaults()).scenarioSeconds());
    assertEquals(900 + 2 * 3 + 7, RunLimits.of(loaded, null, null, RunSettings.quick()).scenarioSeconds());
    assertEquals(900, RunLimits.of(loaded, null, null, new RunSettings(1, 2, 3, 2, false, false)).scenarioSeconds(),
        "without a load test (--no-load), nothing is added");
  }

  @Test
  void aScenarioThatCannotFinishWithinItsLimitIsRefusedUpFront() throws Exception {
    Workload lengthy = workload("limits: {scenarioSeconds: 60}\n", ", load: {users: 2, warmupSeconds: 30, seconds: 40}");
    WorkloadException load = assertThrows(WorkloadException.class, () -> RunLimits.of(lengthy, null, null,
        RunSettings.defaults().withoutBench()));
    assertTrue(load.getMessage().contains("scenario 's': its load test takes 70 s (load.warmupSeconds + load.seconds), "
        + "at or over the scenario limit of 60 s"), load.getMessage());
    WorkloadException withBench = assertThrows(WorkloadException.class, () -> RunLimits.of(
        workload("limits: {scenarioSeconds: 60}\n", ", load: {users: 2, warmupSeconds: 10, seconds: 40}"), null, null,
        RunSettings.defaults()));
    assertTrue(withBench.getMessage().contains("its load test takes 50 s (load.warmupSeconds + load.seconds) and JMH 10 "
        + "s, at or over"), withBench.getMessage());
    assertEquals(60, RunLimits.of(lengthy, null, null, RunSettings.quick()).scenarioSeconds(), "--quick: 7 s of load test");
    WorkloadException bench = assertThrows(WorkloadException.class, () -> RunLimits.of(workload("", ""), null, 10,
        RunSettings.defaults()));
    assertTrue(bench.getMessage().contains("the JMH settings plan 10 s per scenario, at or over the scenario limit of 10 s"),
        bench.getMessage());
  }
}
