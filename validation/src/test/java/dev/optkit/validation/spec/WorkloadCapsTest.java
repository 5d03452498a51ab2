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
            load: {users: 200000, ratePerSecond: 1000000, warmupSeconds: 5000, seconds: 7200}
        """);
    for (String expected : List.of("scenario 'huge': calls is 2,000,000,000, over the cap of 1,000,000: lower it",
        "load.users is 200,000, over the cap of 1,000", "load.ratePerSecond is 1,000,000, over the cap of 100,000",
        "load.warmupSeconds is 5,000, over the cap of 3,600", "load.seconds is 7,200, over the cap of 3,600",
        "argument 1 repeats.keys is 5,000,000, over the cap of 1,000,000", "argument 1 zipf.n is 2,000,000")) {
      assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
    assertTrue(e.getMessage().startsWith(dir.resolve("workload.yaml").toString()), "the file is named: " + e.getMessage());
  }

  @Test
  void scenariosOverTheCapAreRefusedWithCountAndCapAndARaisedCapAdmitsThem() throws Exception {
    StringBuilder many = new StringBuilder("scenarios:\n");
    for (int i = 0; i < WorkloadCaps.MAX_SCENARIOS + 1; i++) {
      many.append("  - {name: s").append(i).append(", method: m}\n");
    }
    WorkloadException e = refused("fixture: {factory: a.B#c}\n" + many);
    assertTrue(e.getMessage().contains((WorkloadCaps.MAX_SCENARIOS + 1) + " scenarios, over the cap of "
        + WorkloadCaps.MAX_SCENARIOS), e.getMessage());

    Path raised = dir.resolve("raised.yaml");
    Files.writeString(raised, "fixture: {factory: a.B#c}\nlimits: {maxScenarios: 500}\n" + many);
    assertEquals(WorkloadCaps.MAX_SCENARIOS + 1, WorkloadReader.read(raised).scenarios().size());
    assertTrue(refused("fixture: {factory: a.B#c}\nlimits: {maxScenarios: 0}\nscenarios: [{name: a, method: m}]\n")
        .getMessage().contains("limits.maxScenarios must be at least 1"));
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
            load: {users: 100, seconds: 60}
        """);
    Workload workload = WorkloadReader.read(file);
    Workload.Scenario scenario = workload.scenarios().get(0);
    // 100,000 x (1 + 0.25) + 1,000 keys + 3,000 ranks; the load test draws its calls as it goes
    assertEquals(129_000, HeapEstimate.items(scenario));
    assertEquals(256 + 63, HeapEstimate.megabytes(scenario, workload.limits()), "ceil(129,000 x 512 B / 1 MB) = 63");

    WorkloadException e = refused("""
        fixture: {factory: a.B#c}
        limits: {fixtureHeapMegabytes: 3900}
        scenarios: [{name: big, method: m, calls: 1000000}]
        """);
    assertTrue(e.getMessage().contains("scenario 'big': needs an estimated 4,389 MB of heap (limits.fixtureHeapMegabytes "
        + "3,900 + 489 MB for 1,000,000 prepared calls and keys), over the cap of 4,096 MB: lower"), e.getMessage());
  }

  @Test
  void aLoadTestOfTheWrongShapeIsRefusedWithWhatToWriteInstead() throws Exception {
    WorkloadException e = refused("""
        fixture: {factory: a.B#c}
        scenarios:
          - {name: old, method: m, load: {users: 50, requests: 10, intervalMillis: 20}}
          - {name: open-without-rate, method: m, load: {model: open, users: 5}}
          - {name: closed-with-rate, method: m, load: {model: closed, users: 5, ratePerSecond: 100}}
          - {name: open-paced, method: m, load: {users: 5, ratePerSecond: 100, intervalMillis: 10}}
          - {name: bad, method: m, load: {model: poisson, users: 0, warmupSeconds: -1, seconds: 0}}
        """);
    for (String expected : List.of("scenario 'old': load.requests is no longer read: the load test runs for a time, "
        + "not a count; replace it with load.seconds (measured, default 20) and load.warmupSeconds (default 5)",
        "scenario 'open-without-rate': the open model needs load.ratePerSecond",
        "scenario 'closed-with-rate': load.ratePerSecond is the open model's",
        "scenario 'open-paced': load.intervalMillis paces the closed model's users",
        "scenario 'bad': load.model must be open or closed, not 'poisson'", "scenario 'bad': load.users must be positive",
        "scenario 'bad': load.warmupSeconds must not be negative", "scenario 'bad': load.seconds must be positive")) {
      assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
  }

  @Test
  void aLoadTestRunsTwentySecondsAfterFiveOfWarmUpAndQuickCutsThat() throws Exception {
    Path file = dir.resolve("load.yaml");
    Files.writeString(file, """
        fixture: {factory: a.B#c}
        scenarios:
          - {name: open, method: m, load: {users: 50, ratePerSecond: 500}}
          - {name: closed, method: m, load: {users: 8, warmupSeconds: 1, seconds: 3}}
        """);
    Workload workload = WorkloadReader.read(file);
    Workload.LoadSpec open = workload.scenario("open").orElseThrow().load();
    assertEquals(List.of("open", 5.0, 20.0), List.of(open.model(), open.warmupSeconds(), open.seconds()));
    assertEquals(List.of(2.0, 5.0), List.of(open.quick().warmupSeconds(), open.quick().seconds()));
    Workload.LoadSpec closed = workload.scenario("closed").orElseThrow().load();
    assertEquals(List.of("closed", 0), List.of(closed.model(), closed.intervalMillis()));
    assertEquals(List.of(1.0, 3.0), List.of(closed.quick().warmupSeconds(), closed.quick().seconds()),
        "--quick never lengthens a load test");
  }

  @Test
  void aWorkloadFileOverAMegabyteIsNotRead() throws Exception {
    WorkloadException e = refused("fixture: {factory: a.B#c}\n# " + "x".repeat(1 << 20) + "\n");
    assertTrue(e.getMessage().contains("over 1 MB"), e.getMessage());
  }
}
