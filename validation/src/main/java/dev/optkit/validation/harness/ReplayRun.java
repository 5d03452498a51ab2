package dev.optkit.validation.harness;

import dev.optkit.validation.spec.Workload;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The differential run: the scenario's call sequence, writes interleaved, on one thread; every read's
 * answer goes to a file, one line per read, for comparison with the other code version's.
 */
final class ReplayRun {
  private ReplayRun() {
  }

  static HostResult.Replay run(ScenarioDriver driver, Path answers) throws IOException {
    var scenario = driver.scenario();
    List<ScenarioDriver.Step> steps = driver.steps(scenario.calls(), scenario.seed(), true);
    var cachesBefore = CallWatchdog.fixture("reading the fixture's cache statistics",
        () -> CacheStatistics.of(driver.fixture()));
    AgentCounters.reset();
    int reads = 0;
    int writes = 0;
    int readErrors = 0;
    long readCalls = 0;
    int opaqueAnswers = 0;
    String opaque = null;
    boolean asText = Workload.Scenario.TO_STRING.equals(scenario.compareAs());
    try (Writer out = Files.newBufferedWriter(answers, StandardCharsets.UTF_8);
        CallWatchdog.Slot watched = CallWatchdog.slot()) {
      for (int i = 0; i < steps.size(); i++) {
        ScenarioDriver.Step step = steps.get(i);
        int number = i + 1;
        watched.beginCall(() -> "call " + number + " of " + steps.size() + " in the replay, " + step.named());
        long before = AgentCounters.total();
        String answer;
        try { // the answer's walk is watched too: toString is the project's code
          Object value = ScenarioDriver.invoke(step);
          CanonicalAnswer canonical = asText ? CanonicalAnswer.ofToString(value) : CanonicalAnswer.of(value);
          answer = canonical.text();
          if (canonical.opaque() != null && !step.write()) {
            opaqueAnswers++;
            opaque = opaque != null ? opaque : "read #" + reads + " " + step.describe() + ": " + canonical.opaque();
          }
        } catch (Throwable thrown) {
          answer = Answers.error(thrown);
          readErrors += step.write() ? 0 : 1;
        }
        watched.end();
        if (step.write()) {
          writes++;
          continue;
        }
        readCalls += AgentCounters.total() - before;
        out.write(reads++ + "\t" + oneLine(Answers.bounded(step.describe())).replace('\t', ' ') + "\t"
            + oneLine(Answers.bounded(answer)) + "\n");
      }
    }
    var cachesAfter = CallWatchdog.fixture("reading the fixture's cache statistics",
        () -> CacheStatistics.of(driver.fixture()));
    return new HostResult.Replay(reads, writes, readErrors, readCalls, AgentCounters.total(), AgentCounters.attached(),
        AgentCounters.snapshot(), CacheStatistics.since(cachesBefore, cachesAfter), opaqueAnswers,
        opaque == null ? null : oneLine(Answers.bounded(opaque)));
  }

  /** A line of the answers file: readers split at carriage returns as at line feeds. */
  private static String oneLine(String text) {
    return text.replace('\n', ' ').replace('\r', ' ');
  }
}
