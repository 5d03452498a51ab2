package dev.optkit.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.validation.harness.HostResult;
import dev.optkit.validation.report.Criteria;
import dev.optkit.validation.report.CriterionResult;
import dev.optkit.validation.report.ScenarioComparison;
import dev.optkit.validation.report.ScenarioReport;
import dev.optkit.validation.spec.WorkloadException;
import dev.optkit.validation.spec.WorkloadReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkloadAndArgumentsTest {
  @TempDir Path dir;

  @Test
  void aWorkloadWithMistakesIsRefusedWithEveryProblemNamed() throws Exception {
    Path file = dir.resolve("w.yaml");
    Files.writeString(file, """
        fixture: {factory: NoHash}
        scenarios:
          - name: a
            calls: 0
            args: [{fixed: [1], range: [1, 2]}]
            writes: [{method: w, share: 1.5}]
        """);
    WorkloadException e = assertThrows(WorkloadException.class, () -> WorkloadReader.read(file));
    for (String expected : List.of("pkg.Class#method", "method is missing", "calls must be positive",
        "exactly one of value", "share between 0 and 1")) {
      assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
    Files.writeString(file, "fixture: {factory: a.B#c}\nscenarios: [{name: a, method: m, colour: red}]\n");
    WorkloadException unknown = assertThrows(WorkloadException.class, () -> WorkloadReader.read(file));
    assertTrue(unknown.getMessage().contains("colour"), unknown.getMessage());
  }

  @Test
  void theCriteriaSayWhichFailedAndByHowMuch() throws Exception {
    Path before = dir.resolve("before.tsv");
    Path after = dir.resolve("after.tsv");
    Files.writeString(before, "R\t0\tget(1)\t\"a\"\nR\t1\tget(2)\t\"b\"\nR\t2\tget(1)\t\"a\"\n");
    Files.writeString(after, "R\t0\tget(1)\t\"a\"\nR\t1\tget(2)\t\"b\"\nR\t2\tget(1)\t\"stale\"\n");
    Map<String, long[]> sitesBefore = Map.of("http\tA.get:1", new long[] {100, 0, 500_000_000L, 9_000_000L});
    Map<String, long[]> sitesAfter = Map.of("http\tA.get:1", new long[] {40, 0, 200_000_000L, 9_000_000L});
    HostResult original = new HostResult("s", new HostResult.Bench(5000, 5000, 6000, 7000, 10, 10, 0, 10,
        List.of(), List.of(5000.0, 5000.5, 4999.5), null, null),
        new HostResult.Replay(100, 0, 0, 100, 100, true, sitesBefore, Map.of(), 0, null, 0, null), null);
    HostResult migrated = new HostResult("s", new HostResult.Bench(1000, 1, 2, 3, 10, 10, 0, 2,
        List.of(), List.of(1000.0, 1000.1, 999.9), null, null),
        new HostResult.Replay(100, 0, 1, 40, 40, true, sitesAfter, Map.of(), 0, null, 0, null), null);
    ScenarioReport report = ScenarioComparison.compare("s", original, migrated, before, after);
    assertEquals(0.6, report.hitRate(), 1e-9);
    assertEquals(5.0, report.speedup(), 1e-3);
    assertEquals(1, report.differingAnswers());
    assertEquals("get(1)", report.differences().get(0).call());
    assertEquals(new ScenarioReport.HotKey("get(1)", 2), report.hottestKeys().get(0));
    List<CriterionResult> results = ScenarioComparison.check(report, Criteria.defaults());
    assertEquals(List.of("hit rate", "speedup", "error rate not higher", "differing answers"),
        results.stream().filter(r -> !r.passed()).map(CriterionResult::criterion).toList());
    assertEquals("60.0%", results.get(0).measured());
    List<CriterionResult> relaxed = ScenarioComparison.check(report, Criteria.defaults()
        .with(Map.of("hitRate", 0.5, "speedup", 4.0, "differingAnswers", 1.0)));
    assertEquals(List.of("error rate not higher"), relaxed.stream().filter(r -> !r.passed())
        .map(CriterionResult::criterion).toList());
    assertThrows(IllegalArgumentException.class, () -> Criteria.defaults().with(Map.of("hitrate", 0.5)));
  }
}
