package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optkit.analyzers.Assessor.Phase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a scan shows while it runs. Piped, assess printed nothing for minutes (170 s on a 2,749-line service, cold,
 * found by a new user on a loaded 2-core machine); now a line per phase with its time, and on a terminal the bar
 * says how long it has run and, while files are parsed, how long is left. Times come from a fake clock here.
 */
class ScanProgressTest {
  private static final long SECOND = 1_000_000_000L;
  @TempDir Path dir;

  @Test
  void pipedEachPhaseIsALineEndedWithItsCountAndTime() {
    AtomicLong clock = new AtomicLong(5 * SECOND);
    StringWriter err = new StringWriter();
    PhaseLines lines = new PhaseLines("assess", new PrintWriter(err), clock::get);
    lines.started(Phase.DEPENDENCIES);
    assertEquals("optkit assess: " + Phase.DEPENDENCIES.doing() + " ... ", err.toString(),
        "said as it starts, before the wait");
    clock.addAndGet(41 * SECOND);
    lines.ended(Phase.DEPENDENCIES, 143);
    lines.started(Phase.PARSE);
    for (int i = 1; i <= 72; i++) {
      lines.filesDone(i, 72);
    }
    clock.addAndGet(12_300_000_000L);
    lines.ended(Phase.PARSE, 72);
    assertEquals(List.of(
        "optkit assess: " + Phase.DEPENDENCIES.doing() + " ... " + Phase.DEPENDENCIES.counted(143) + ", 41.0 s",
        "optkit assess: " + Phase.PARSE.doing() + " ... " + Phase.PARSE.counted(72) + ", 12.3 s"),
        err.toString().lines().toList(), "one line a phase, never one a file");

    lines.started(Phase.ANALYSIS); // and the run fails in it: what is printed next starts on its own line
    lines.finish();
    assertTrue(err.toString().endsWith(Phase.ANALYSIS.doing() + " ... \n"), err.toString());
  }

  @Test
  void onATerminalTheBarShowsTheTimeSinceTheStartAndWhileParsingTheTimeLeft() {
    AtomicLong clock = new AtomicLong(0);
    StringWriter err = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(err), clock::get);
    bar.started(Phase.SOURCES);
    clock.addAndGet(2 * SECOND);
    bar.started(Phase.DEPENDENCIES);
    clock.addAndGet(63 * SECOND);
    String waiting = bar.statusLine(clock.get());
    assertTrue(waiting.startsWith(Phase.DEPENDENCIES.doing()) && waiting.contains("1:05"), waiting);
    assertFalse(waiting.contains("left"), "nothing to count yet, no time left said: " + waiting);

    bar.started(Phase.PARSE);
    clock.addAndGet(20 * SECOND);
    bar.filesDone(10, 40); // 10 files in 20 s: 30 more take about 60 s
    String parsing = bar.statusLine(clock.get());
    assertTrue(parsing.contains("10/40 files") && parsing.contains("1:25") && parsing.contains("about 60.0 s left"),
        parsing);
    clock.addAndGet(10 * SECOND);
    bar.filesDone(30, 40); // 30 in 30 s: 10 more, about 10 s
    assertTrue(bar.statusLine(clock.get()).contains("about 10.0 s left"), bar.statusLine(clock.get()));

    bar.finish();
    String[] frames = err.toString().split("\r", -1);
    assertEquals("", frames[frames.length - 1], "cleared: nothing of the bar left on the line");
    assertTrue(Arrays.stream(frames).anyMatch(f -> f.startsWith(Phase.DEPENDENCIES.doing())), err.toString());
  }

  @Test
  void assessPipedSaysEachPhaseOnStderrAndNothingOfItOnStdout() throws Exception {
    Files.writeString(dir.resolve("A.java"), "class A { int x() { return 1; } }\n");
    CliRun run = CliRun.of("assess", dir.toString(), "--no-maven-repo", "--no-cache", "--format", "json");
    assertEquals(0, run.exitCode(), run.err());
    new ObjectMapper().readTree(run.out()); // the report alone
    List<String> said = run.err().lines().filter(l -> l.startsWith("optkit assess: ")).toList();
    List<Phase> phases = said.stream()
        .map(l -> Arrays.stream(Phase.values()).filter(p -> l.startsWith("optkit assess: " + p.doing() + " ... "))
            .findFirst().orElseThrow(() -> new AssertionError("not a phase line: " + l)))
        .toList();
    assertEquals(List.of(Phase.values()), phases, run.err());
    assertTrue(said.get(2).contains(" ... " + Phase.PARSE.counted(1) + ", "), said.get(2));

    CliRun quiet = CliRun.of("assess", dir.toString(), "--no-maven-repo", "--no-cache", "--format", "json",
        "--progress", "never");
    assertEquals("", quiet.err(), "--progress never: nothing");
  }
}
