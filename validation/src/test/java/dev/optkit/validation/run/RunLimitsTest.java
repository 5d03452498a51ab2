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
  }

  @Test
  void aScenarioThatCannotFinishWithinItsLimitIsRefusedUpFront() throws Exception {
    WorkloadException paced = assertThrows(WorkloadException.class, () -> RunLimits.of(
        workload("limits: {scenarioSeconds: 60}\n", ", load: {users: 2, requests: 100, intervalMillis: 1000}"), null,
        null, RunSettings.defaults().withoutBench()));
    assertTrue(paced.getMessage().contains("scenario 's': its paced load test alone takes 100 s"), paced.getMessage());
    WorkloadException bench = assertThrows(WorkloadException.class, () -> RunLimits.of(workload("", ""), null, 10,
        RunSettings.defaults()));
    assertTrue(bench.getMessage().contains("the JMH settings plan 10 s per scenario, at or over the scenario limit of 10 s"),
        bench.getMessage());
  }
}
