package dev.optkit.validation.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.validation.report.Criteria;
import dev.optkit.validation.report.CriterionResult;
import dev.optkit.validation.report.ScenarioComparison;
import dev.optkit.validation.report.ScenarioReport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay and the gate on answers the comparison cannot see into: the differing-answers criterion
 * fails closed with a warning naming the scenario, unless the workload compares them as toString.
 */
class BlindAnswersTest {
  @TempDir Path dir;

  /** The object under test: reads return handles. */
  public static final class Fixture {
    public static Fixture start() {
      return new Fixture();
    }

    public Handle get(long key) {
      return new Handle();
    }

    public Slot slot(long key) {
      return new Slot(key);
    }
  }

  /** No fields, Object's toString: its state lives elsewhere (a native handle, a registry). */
  public static final class Handle {
  }

  /**
   * A handle whose field is an address valid in its own JVM only (a native pointer, a pool slot): by
   * fields, the same answer differs between two JVMs; its toString names what it stands for.
   */
  public static final class Slot {
    private static final java.util.concurrent.atomic.AtomicLong NEXT = new java.util.concurrent.atomic.AtomicLong();
    private final long address = NEXT.incrementAndGet();
    private final long key;

    Slot(long key) {
      this.key = key;
    }

    @Override
    public String toString() {
      return "slot for key " + key;
    }
  }

  private ScenarioReport replayTwice(String scenario) throws Exception {
    Path workload = dir.resolve("workload.yaml");
    Files.writeString(workload, """
        fixture: {factory: dev.optkit.validation.harness.BlindAnswersTest$Fixture#start}
        scenarios:
          - {name: handles, method: get, calls: 5, args: [{range: [1, 3]}]}
          - {name: slots, method: slot, calls: 5, args: [{range: [1, 3]}]}
          - {name: slots-as-text, method: slot, calls: 5, args: [{range: [1, 3]}], compareAs: toString}
        """);
    HostResult[] results = new HostResult[2];
    for (int i = 0; i < 2; i++) {
      try (ScenarioDriver driver = ScenarioDriver.open(workload, scenario)) {
        results[i] = new HostResult(scenario, null, ReplayRun.run(driver, dir.resolve(scenario + i + ".tsv")), null);
      }
    }
    return ScenarioComparison.compare(scenario, results[0], results[1], dir.resolve(scenario + "0.tsv"),
        dir.resolve(scenario + "1.tsv"));
  }

  private static CriterionResult differing(ScenarioReport report) {
    return ScenarioComparison.check(report, Criteria.defaults()).stream()
        .filter(r -> r.criterion().equals("differing answers")).findFirst().orElseThrow();
  }

  @Test
  void anOpaqueAnswerFailsTheGateClosedWithAWarningNamingTheScenario() throws Exception {
    ScenarioReport handles = replayTwice("handles");
    assertEquals(0, handles.differingAnswers(), "equal markers: nothing was compared");
    assertFalse(differing(handles).passed(), differing(handles).toString());
    assertEquals(2, handles.warnings().size(), handles.warnings().toString());
    assertTrue(handles.warnings().get(0).startsWith("scenario 'handles': 5 of 5 answers of the original code could not "
        + "be compared"), handles.warnings().get(0));
    assertTrue(handles.warnings().get(0).contains("BlindAnswersTest$Handle at $: no fields, and Object's toString"),
        handles.warnings().get(0));
    assertTrue(handles.warnings().get(0).contains("compareAs: toString"), handles.warnings().get(0));

    ScenarioReport slots = replayTwice("slots");
    assertEquals(5, slots.differingAnswers(), "by fields, the per-JVM address differs");
    assertEquals(java.util.List.of(), slots.warnings());
  }

  @Test
  void compareAsToStringComparesAHandleByItsText() throws Exception {
    ScenarioReport slots = replayTwice("slots-as-text");
    assertEquals(5, slots.answersCompared());
    assertEquals(0, slots.differingAnswers());
    assertEquals(java.util.List.of(), slots.warnings());
    assertTrue(differing(slots).passed(), differing(slots).toString());
    assertTrue(Files.readString(dir.resolve("slots-as-text0.tsv")).contains("\tslot for key "), "answers are the handles' text");
  }
}
