package dev.optkit.validation.harness;

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
    var cachesBefore = CacheStatistics.of(driver.fixture());
    AgentCounters.reset();
    int reads = 0;
    int writes = 0;
    int readErrors = 0;
    long readCalls = 0;
    try (Writer out = Files.newBufferedWriter(answers, StandardCharsets.UTF_8)) {
      for (ScenarioDriver.Step step : steps) {
        long before = AgentCounters.total();
        String answer;
        try {
          answer = Answers.format(ScenarioDriver.invoke(step));
        } catch (Throwable thrown) {
          answer = Answers.error(thrown);
          readErrors += step.write() ? 0 : 1;
        }
        if (step.write()) {
          writes++;
          continue;
        }
        readCalls += AgentCounters.total() - before;
        out.write(reads++ + "\t" + step.describe().replace('\t', ' ').replace('\n', ' ') + "\t"
            + answer.replace('\n', ' ') + "\n");
      }
    }
    return new HostResult.Replay(reads, writes, readErrors, readCalls, AgentCounters.total(), AgentCounters.attached(),
        AgentCounters.snapshot(), CacheStatistics.since(cachesBefore, CacheStatistics.of(driver.fixture())));
  }
}
