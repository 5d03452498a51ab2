package dev.optkit.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.validation.harness.HostResult;
import dev.optkit.validation.report.CodeSide;
import dev.optkit.validation.report.ScenarioReport;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The notes under a scenario's table name the code they are about: in a {@code --baseline-only} run the one measured
 * is the current code, compared with no migration, so no note calls it migrated (issue 67's new user read "migrated
 * cache prices" in a run of code optkit had never touched).
 */
class ScenarioNotesTest {

  private static HostResult measured() {
    HostResult.Replay replay = new HostResult.Replay(10, 0, 0, 4, 4, true, Map.of(),
        Map.of("prices", new HostResult.CacheCounts(6, 4, true), "rates", new HostResult.CacheCounts(0, 0, false)),
        0, null, 0, Map.of());
    HostResult.Load load = new HostResult.Load("closed", 4, null, 0, 1, 5, 100, 100, 10, 20, 30, 40, 500, 0, 20, false,
        null, HostResult.Load.CODE, "every user was busy with a call");
    return new HostResult("reads", null, replay, load);
  }

  private static ScenarioReport scenario(HostResult original) {
    return new ScenarioReport("reads", original, measured(), null, null, null, null, null, 0, 10, 0, List.of(),
        List.of(), null, null, List.of(), null, null);
  }

  private static Set<CodeSide> sides(ScenarioReport s) {
    return ScenarioFigures.notes(s).stream().map(ScenarioFigures.Note::side).filter(Objects::nonNull)
        .collect(Collectors.toSet());
  }

  @Test
  void aBaselineOnlyRunsNotesAreAboutTheCurrentCode() {
    ScenarioReport alone = scenario(null);
    assertEquals(CodeSide.CURRENT, alone.measuredSide());
    assertEquals(Set.of(CodeSide.CURRENT), sides(alone));
    // its load note and both cache notes
    assertEquals(3, ScenarioFigures.notes(alone).stream().filter(n -> n.side() == CodeSide.CURRENT).count());
  }

  @Test
  void aComparedRunsNotesAreAboutTheOriginalAndTheMigratedCode() {
    ScenarioReport compared = scenario(measured());
    assertEquals(CodeSide.MIGRATED, compared.measuredSide());
    assertEquals(Set.of(CodeSide.ORIGINAL, CodeSide.MIGRATED), sides(compared));
  }
}
