package dev.optkit.validation.harness;

import dev.optkit.validation.spec.Workload;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The differential run: the scenario's call sequence, writes interleaved, on one thread. Every call's
 * answer goes to a file, one line each ({@link AnswerLine}), for comparison with the other code
 * version's: a write's answer too, so a write that fails (and so changes nothing a stale cache could
 * miss) shows, and each call's latency by its outcome: a read without a downstream call (a hit), a
 * read with one (a miss), a write.
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
    boolean counted = AgentCounters.attached();
    Map<String, Histogram> latency = new TreeMap<>();
    int reads = 0;
    int writes = 0;
    int readErrors = 0;
    int writeErrors = 0;
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
        long callsBefore = AgentCounters.total();
        long began = System.nanoTime();
        long took;
        String answer;
        boolean failed = false;
        try { // the answer's walk is watched too, but not timed: toString is the project's code
          Object value = ScenarioDriver.invoke(step);
          took = System.nanoTime() - began;
          CanonicalAnswer canonical = asText ? CanonicalAnswer.ofToString(value) : CanonicalAnswer.of(value);
          answer = canonical.text();
          if (canonical.opaque() != null && !step.write()) {
            opaqueAnswers++;
            opaque = opaque != null ? opaque : "read #" + reads + " " + step.describe() + ": " + canonical.opaque();
          }
        } catch (Throwable thrown) {
          took = System.nanoTime() - began;
          answer = Answers.error(thrown);
          failed = true;
        }
        watched.end();
        long calls = AgentCounters.total() - callsBefore;
        String outcome = step.write() ? "write" : !counted ? "read" : calls > 0 ? "miss" : "hit";
        LatencyHistograms.record(latency.computeIfAbsent(outcome, o -> LatencyHistograms.empty()), took, 1);
        if (step.write()) {
          writeErrors += failed ? 1 : 0;
          out.write(AnswerLine.write(writes++, step.describe(), answer));
        } else {
          readErrors += failed ? 1 : 0;
          readCalls += calls;
          out.write(AnswerLine.read(reads++, step.describe(), answer));
        }
      }
    }
    var cachesAfter = CallWatchdog.fixture("reading the fixture's cache statistics",
        () -> CacheStatistics.of(driver.fixture()));
    Map<String, HostResult.Latency> summaries = new TreeMap<>();
    latency.forEach((outcome, histogram) -> summaries.put(outcome, HostResult.Latency.of(histogram)));
    return new HostResult.Replay(reads, writes, readErrors, readCalls, AgentCounters.total(), counted,
        AgentCounters.snapshot(), CacheStatistics.since(cachesBefore, cachesAfter), opaqueAnswers,
        opaque == null ? null : AnswerLine.oneLine(Answers.bounded(opaque)), writeErrors, summaries);
  }
}
