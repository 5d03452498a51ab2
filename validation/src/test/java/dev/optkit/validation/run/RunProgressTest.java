package dev.optkit.validation.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.optkit.validation.spec.Workload;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** validate's progress: a line per phase when piped; on a terminal the step, the phase and the time left. */
class RunProgressTest {
  private static final long SECOND = 1_000_000_000L;
  private static final CodeVersion ORIGINAL = new CodeVersion("original", Path.of("a"));
  private static final CodeVersion MIGRATED = new CodeVersion("migrated", Path.of("b"));

  private static final RunSettings ONE_FORK = new RunSettings(1, 2, 3, 2, true, true);

  private static Workload workload() throws Exception {
    return new ObjectMapper(new YAMLFactory()).readValue("""
        classpath: {build: mvn -q test-compile, entries: [target/classes]}
        fixture: {factory: shop.Fixture#start}
        scenarios: [{name: rates, method: get, load: {users: 5, warmupSeconds: 1, seconds: 4}}]
        """, Workload.class);
  }

  @Test
  void theCommandSaysWhetherTheLineIsLive() throws Exception {
    Workload workload = workload();
    assertTrue(RunProgress.whileRunning(true, () -> {
      RunProgress.begin(workload, ONE_FORK, true);
      return RunProgress.current().live();
    }), "--progress always, or auto on a terminal");
    assertFalse(RunProgress.whileRunning(false, () -> {
      RunProgress.begin(workload, ONE_FORK, true);
      return RunProgress.current().live();
    }), "--progress never, or auto piped or in CI");
    RunProgress.begin(workload, ONE_FORK, true);
    assertFalse(RunProgress.current().live(), "a run no command started prints its phases as lines");
    RunProgress.end();
  }

  @Test
  void piped_eachPhaseIsOneLineAsItStarts() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RunProgress progress = new RunProgress(new PrintStream(out, true, StandardCharsets.UTF_8), false,
        TimeLeft.plan(workload(), RunSettings.defaults(), true), () -> 0);
    progress.step(MIGRATED, "build: mvn -q test-compile");
    progress.note(MIGRATED, "class path unchanged since an earlier run: x.txt");
    progress.step(ORIGINAL, "build: mvn -q test-compile");
    progress.finish();
    assertEquals("""
        optkit validate: migrated: build: mvn -q test-compile
        optkit validate: migrated: class path unchanged since an earlier run: x.txt
        optkit validate: original: build: mvn -q test-compile
        """, out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void onATerminal_theTimeLeftComesFromTheSettingsThenFromWhatWasMeasured() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AtomicLong now = new AtomicLong();
    // a host: 10 s start and replay, JMH (2 + 3) x 2 s and a fork's 5 s start, the load test 1 + 4 s
    assertEquals(10 + 10 + 5 + 5, TimeLeft.hostSeconds(workload().scenarios().get(0), ONE_FORK));
    // with the default two forks, a second pair of hosts (JMH alone) per scenario: 2 builds and 4 hosts
    assertEquals(6, TimeLeft.plan(workload(), RunSettings.defaults(), true).steps());
    RunProgress progress = new RunProgress(new PrintStream(out, true, StandardCharsets.UTF_8), true,
        TimeLeft.plan(workload(), ONE_FORK, true), now::get);

    progress.step(MIGRATED, "build: mvn -q test-compile");
    now.set(12 * SECOND);
    assertEquals("[1/4, 0:12, builds, then about 1 min] migrated: build: mvn -q test-compile",
        progress.statusLine(now.get()));

    now.set(40 * SECOND);
    progress.step(ORIGINAL, "build: mvn -q test-compile");
    // the original's build is expected to take the migrated one's 40 s, then two hosts of 30 s
    assertEquals("[2/4, 0:00, about 1 min 40 s left] original: build: mvn -q test-compile",
        progress.statusLine(now.get()));

    now.set(80 * SECOND);
    progress.step(ORIGINAL, "scenario rates");
    now.set(90 * SECOND);
    assertEquals("[3/4, 0:10, about 50 s left] original: scenario rates", progress.statusLine(now.get()));

    now.set(140 * SECOND); // took twice its plan: the migrated host's plan is scaled by that too
    progress.step(MIGRATED, "scenario rates");
    assertEquals("[4/4, 0:00, about 1 min left] migrated: scenario rates", progress.statusLine(now.get()));

    now.set(150 * SECOND);
    progress.finish();
    String printed = out.toString(StandardCharsets.UTF_8);
    assertEquals("""
        optkit validate: migrated: build: mvn -q test-compile (40 s)
        optkit validate: original: build: mvn -q test-compile (40 s)
        optkit validate: original: scenario rates (1 min)
        optkit validate: migrated: scenario rates (10 s)
        """, screen(printed), printed);
    assertTrue(printed.contains("\r[1/4, 0:00, builds, then about 1 min] migrated: build"), printed);
  }

  /** What a terminal shows once it is done: each line as its last carriage return left it. */
  private static String screen(String printed) {
    StringBuilder shown = new StringBuilder();
    for (String line : printed.split("\n", -1)) {
      String visible = line.substring(line.lastIndexOf('\r') + 1).stripTrailing();
      if (!visible.isEmpty()) {
        shown.append(visible).append('\n');
      }
    }
    return shown.toString();
  }

  @Test
  void durationsReadAsTheEstimateIsPrecise() {
    assertEquals("45 s", TimeLeft.duration(45));
    assertEquals("3 min 10 s", TimeLeft.duration(192));
    assertEquals("12 min", TimeLeft.duration(750));
    assertEquals("1 h 5 min", TimeLeft.duration(3900));
  }
}
