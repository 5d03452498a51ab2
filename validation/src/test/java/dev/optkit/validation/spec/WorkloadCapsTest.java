package dev.optkit.validation.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkloadCapsTest {
  @TempDir Path dir;

  private WorkloadException refused(String yaml) throws Exception {
    Path file = dir.resolve("workload.yaml");
    Files.writeString(file, yaml);
    return assertThrows(WorkloadException.class, () -> WorkloadReader.read(file));
  }

  @Test
  void countsOverTheirCapsAreRefusedWithTheCapAndEveryProblemNamed() throws Exception {
    WorkloadException e = refused("""
        fixture: {factory: a.B#c}
        scenarios:
          - name: huge
            method: get
            calls: 2000000000
            args: [{repeats: {share: 0.5, keys: 5000000, of: {zipf: {n: 2000000}}}}]
            load: {users: 200000, requests: 10}
        """);
    for (String expected : List.of("scenario 'huge': calls is 2,000,000,000, over the cap of 1,000,000: lower it",
        "load.users is 200,000, over the cap of 1,000", "load.users x load.requests is 2,000,000, over the cap of 1,000,000",
        "argument 1 repeats.keys is 5,000,000, over the cap of 1,000,000", "argument 1 zipf.n is 2,000,000")) {
      assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
    assertTrue(e.getMessage().startsWith(dir.resolve("workload.yaml").toString()), "the file is named: " + e.getMessage());
  }

  @Test
  void limitsBelowOneAreRefused() throws Exception {
    WorkloadException e = refused("""
        fixture: {factory: a.B#c}
        limits: {callSeconds: 0, fixtureSeconds: -1, scenarioSeconds: 0, fixtureHeapMegabytes: 8}
        scenarios: [{name: a, method: m}]
        """);
    for (String expected : List.of("limits.callSeconds must be at least 1 (it is 0)", "limits.fixtureSeconds must be at least 1",
        "limits.scenarioSeconds must be at least 1", "limits.fixtureHeapMegabytes must be at least 64 (it is 8)")) {
      assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
    assertTrue(refused("fixture: {factory: a.B#c}\nlimits: {callSecs: 3}\nscenarios: [{name: a, method: m}]\n")
        .getMessage().contains("callSecs"), "an unknown limit is named");
  }

  @Test
  void theHeapFollowsTheStatedFormulaAndAWorkloadOverTheCapIsRefusedWithWhatToChange() throws Exception {
    Path file = dir.resolve("ok.yaml");
    Files.writeString(file, """
        fixture: {factory: a.B#c}
        scenarios:
          - name: a
            method: get
            calls: 100000
            args: [{repeats: {share: 0.8, keys: 1000, of: {sequence: 1}}}]
            writes: [{method: put, share: 0.25, args: [{zipf: {n: 3000}}]}]
            load: {users: 100, requests: 1000}
        """);
    Workload workload = WorkloadReader.read(file);
    Workload.Scenario scenario = workload.scenarios().get(0);
    // (100,000 + 100 x 1,000) x (1 + 0.25) + 1,000 keys + 3,000 ranks
    assertEquals(254_000, HeapEstimate.items(scenario));
    assertEquals(256 + 125, HeapEstimate.megabytes(scenario, workload.limits()), "ceil(254,000 x 512 B / 1 MB) = 125");

    WorkloadException e = refused("""
        fixture: {factory: a.B#c}
        limits: {fixtureHeapMegabytes: 3900}
        scenarios: [{name: big, method: m, calls: 1000000}]
        """);
    assertTrue(e.getMessage().contains("scenario 'big': needs an estimated 4,389 MB of heap (limits.fixtureHeapMegabytes "
        + "3,900 + 489 MB for 1,000,000 prepared calls and keys), over the cap of 4,096 MB: lower"), e.getMessage());
  }

  @Test
  void aWorkloadFileOverAMegabyteIsNotRead() throws Exception {
    WorkloadException e = refused("fixture: {factory: a.B#c}\n# " + "x".repeat(1 << 20) + "\n");
    assertTrue(e.getMessage().contains("over 1 MB"), e.getMessage());
  }
}
