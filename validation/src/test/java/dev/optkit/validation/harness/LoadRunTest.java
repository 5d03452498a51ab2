package dev.optkit.validation.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.validation.spec.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load test against a target of known service time (a read that takes 2 or 5 ms), in this JVM,
 * on a {@link VirtualLoadTime}: a call takes its service time and a user is late only behind the
 * calls ahead of it, however loaded the machine (issue 67: these were wall-clock runs with wide
 * bounds). So the figures the schedule and the service times decide are checked exactly; only what
 * the seeded draw of reads and writes decides (how many of the calls are reads) is a range.
 */
class LoadRunTest {
  @TempDir Path dir;

  /** The object under test: reads of a known service time, a write, and a read that fails on one key. */
  public static final class Fixture {
    static final AtomicLong WRITES = new AtomicLong();
    /** The time the load test runs on: a call's service time is spent in it. */
    static volatile VirtualLoadTime time;

    public static Fixture start() {
      return new Fixture();
    }

    public long twoMillis(long key) {
      time.sleepMillis(2);
      return key;
    }

    public long fiveMillis(long key) {
      time.sleepMillis(5);
      return key;
    }

    public long failsOnThree(long key) {
      time.sleepMillis(2);
      if (key == 3) {
        throw new IllegalStateException("key 3 is down");
      }
      return key;
    }

    /** Stalls 150 ms on key 1 (a call in 40), else 2 ms. */
    public long stallsOnOne(long key) {
      time.sleepMillis(key == 1 ? 150 : 2);
      return key;
    }

    public void touch(long key) {
      WRITES.incrementAndGet();
    }
  }

  private HostResult.Load load(String method, String load) throws Exception {
    Path workload = dir.resolve("workload.yaml");
    Files.writeString(workload, """
        fixture: {factory: dev.optkit.validation.harness.LoadRunTest$Fixture#start}
        scenarios:
          - name: s
            method: %s
            args: [{range: [1, %s]}]
            writes: [{method: touch, share: 0.2, args: [{value: 1}]}]
            load: %s
        """.formatted(method, method.equals("stallsOnOne") ? 40 : 4, load));
    try (ScenarioDriver driver = ScenarioDriver.open(workload, "s")) {
      Fixture.time = new VirtualLoadTime();
      HostResult.Load result = LoadRun.run(driver, driver.scenario().load(), Fixture.time);
      return result;
    }
  }

  @Test
  void anOpenLoadTheCodeSustainsIsMetOnScheduleWithTheServiceTimeAsLatency() throws Exception {
    long writesBefore = Fixture.WRITES.get();
    HostResult.Load load = load("twoMillis", "{model: open, users: 8, ratePerSecond: 200, warmupSeconds: 0.5, seconds: 2}");
    String shown = load.toString();
    assertEquals("open", load.model(), shown);
    assertTrue(load.correctedForCoordinatedOmission(), shown);
    // 200/s for 2 s: 400 requests due, whatever the code does, and 8 users at 2 ms a call start each on time
    assertEquals(400, load.schedule().due(), shown);
    assertEquals(200.0, load.callsPerSecond(), shown);
    assertEquals(0, load.schedule().backlogged(), shown);
    assertEquals(0, load.schedule().neverStarted(), shown);
    assertEquals(0, load.schedule().clientLate(), shown);
    // one call in five is a write: the reads are the rest, and only the measured time's are counted
    assertEquals(load.reads() / 2.0, load.throughputPerSecond(), shown);
    assertTrue(load.reads() > 400 * 0.7 && load.reads() < 400 * 0.9, shown);
    assertTrue(Fixture.WRITES.get() - writesBefore > 40, "writes are made: " + shown);
    // latency is the 2 ms service time, not a queue (HdrHistogram's 3 digits)
    assertMillis(2, load.p50Micros(), shown);
    assertMillis(2, load.p99Micros(), shown);
    assertEquals(HostResult.Load.PACING, load.limitedBy(), shown);
    assertTrue(load.limitedReason().startsWith("the target of 200 calls/s was achieved (200)"), shown);
  }

  @Test
  void anOpenLoadBeyondTheCodeIsReportedAsTheCodesLimitWithItsBacklog() throws Exception {
    // 2 users at 5 ms a call serve at most 400/s; 2,000/s are asked for
    HostResult.Load load = load("fiveMillis", "{users: 2, ratePerSecond: 2000, warmupSeconds: 0.3, seconds: 1.5}");
    String shown = load.toString();
    assertEquals("open", load.model(), "ratePerSecond alone means the open model: " + shown);
    assertEquals(HostResult.Load.CODE, load.limitedBy(), shown);
    assertTrue(load.limitedReason().contains("the target of 2,000 calls/s was not achieved"), shown);
    assertTrue(load.limitedReason().contains("every one of the 2 users was busy"), shown);
    HostResult.Load.Schedule schedule = load.schedule();
    assertEquals(3000, schedule.due(), shown);
    // the backlog built in the warm-up: no request of the measured time started on time
    assertEquals(schedule.due(), schedule.backlogged() + schedule.neverStarted(), shown);
    assertTrue(schedule.neverStarted() > schedule.due() / 2, shown);
    // what the code could do, not what was asked: both users always busy, a read every 5 ms each
    assertEquals(400.0, load.throughputPerSecond(), 1, shown);
    assertTrue(load.callsPerSecond() > 400 && load.callsPerSecond() < 600, "and the writes between: " + shown);
    // the backlog is in the latency: requests waited behind it, up to the whole measured time
    assertTrue(load.p99Micros() > 500_000, shown);
  }

  @Test
  void aPacedClosedLoadIsPinnedAtUsersOverTheIntervalAndSaysThePacingSetIt() throws Exception {
    // 4 users every 50 ms: 80 calls/s, whatever the 2 ms calls could do
    HostResult.Load load = load("twoMillis", "{users: 4, intervalMillis: 50, warmupSeconds: 0.3, seconds: 2}");
    String shown = load.toString();
    assertEquals("closed", load.model(), shown);
    assertTrue(load.correctedForCoordinatedOmission(), shown);
    assertEquals(160, load.schedule().due(), shown);
    assertEquals(80.0, load.callsPerSecond(), shown);
    assertEquals(0, load.schedule().backlogged(), shown);
    assertMillis(2, load.p99Micros(), shown);
    assertEquals(HostResult.Load.PACING, load.limitedBy(), shown);
    assertTrue(load.limitedReason().startsWith("users / intervalMillis = 80.0 calls/s was achieved"), shown);
  }

  @Test
  void aStallCountsAgainstEveryRequestItHeldBack() throws Exception {
    // 4 users every 25 ms; a read in 40 stalls 150 ms, holding back its user's next 5 slots: by the calls alone
    // (2.5% slow) the p95 would be 2 ms, from the intended starts about one read in eight waited 50 ms or more
    HostResult.Load load = load("stallsOnOne", "{users: 4, intervalMillis: 25, warmupSeconds: 0.3, seconds: 3}");
    String shown = load.toString();
    assertTrue(load.correctedForCoordinatedOmission(), shown);
    assertMillis(2, load.p50Micros(), shown);
    assertTrue(load.p95Micros() > 40_000, "the slots behind a stall count its wait: " + shown);
    assertTrue(load.schedule().backlogged() > 10, "the held-back requests started late, their user busy: " + shown);
    assertEquals(HostResult.Load.PACING, load.limitedBy(), "the users catch up: the pacing still set the rate: " + shown);
  }

  @Test
  void aPacedClosedLoadWhoseCallsOutlastTheIntervalIsTheCodesLimit() throws Exception {
    // 2 users every 2 ms on 5 ms calls: at most 400 of the pacing's 1,000 calls/s
    HostResult.Load load = load("fiveMillis", "{model: closed, users: 2, intervalMillis: 2, warmupSeconds: 0.2, seconds: 1}");
    String shown = load.toString();
    assertEquals(HostResult.Load.CODE, load.limitedBy(), shown);
    assertTrue(load.limitedReason().contains("calls outlasted the users' 2 ms interval"), shown);
    assertEquals(400.0, load.throughputPerSecond(), 1, "both users always busy, a read every 5 ms each: " + shown);
    assertEquals(load.schedule().due(), load.schedule().backlogged() + load.schedule().neverStarted(), shown);
  }

  @Test
  void aClosedLoadBackToBackIsTheCodesThroughputAndCountsErrors() throws Exception {
    HostResult.Load load = load("failsOnThree", "{users: 2, warmupSeconds: 0.2, seconds: 1}");
    String shown = load.toString();
    assertEquals("closed", load.model(), shown);
    assertTrue(!load.correctedForCoordinatedOmission(), shown);
    assertEquals(HostResult.Load.CODE, load.limitedBy(), shown);
    assertTrue(load.limitedReason().startsWith("2 users back to back"), shown);
    // 2 users at 2 ms: 1,000 reads/s (the writes take no time)
    assertEquals(1_000.0, load.throughputPerSecond(), 1, shown);
    // a quarter of the reads ask for key 3
    assertTrue(load.errors() > load.reads() / 5 && load.errors() < load.reads() / 3, shown);
    assertMillis(2, load.p50Micros(), "service time, from the call's own start: " + shown);
  }

  @Test
  void theVerdictFollowsWhatHeldTheThroughputBack() {
    Workload.LoadSpec open = new Workload.LoadSpec(null, 8, 1000.0, null, null, null, null);
    LoadTally.Figures figures = new LoadTally.Figures();
    figures.started = 20_000;
    figures.clientLate = 3_000;
    figures.clientLagP99Nanos = 4_000_000;
    figures.clientNanos = 1;
    figures.callNanos = 99;
    LoadVerdict met = LoadVerdict.of(open, 20_000, figures, 20, 0.98);
    assertEquals(HostResult.Load.PACING, met.limitedBy(), met.toString());
    assertTrue(met.reason().contains("but 3,000 of 20,000 requests due started over 1 ms late while a user was free "
        + "(the generator's own lag p99 4.00 ms, the host's CPU was 98% busy), and the latencies include that"),
        "late but all sent: the rate still set the throughput, and the lag is said: " + met.reason());

    figures.started = 15_000;
    LoadVerdict lagging = LoadVerdict.of(open, 20_000, figures, 20, null);
    assertEquals(HostResult.Load.CLIENT, lagging.limitedBy(), lagging.toString());
    assertTrue(lagging.reason().contains("was not achieved (750) while users were free"), lagging.reason());

    figures.clientLate = 0;
    figures.backlogged = 4_000;
    figures.neverStarted = 1_000;
    LoadVerdict busy = LoadVerdict.of(open, 20_000, figures, 20, null);
    assertEquals(HostResult.Load.CODE, busy.limitedBy(), busy.toString());
    assertTrue(busy.reason().contains("4,000 of 20,000 requests due started over 1 ms late because of that and 1,000 "
        + "never started"), busy.reason());

    figures.clientNanos = 30;
    figures.callNanos = 70;
    assertEquals(HostResult.Load.CLIENT, LoadVerdict.of(open, 20_000, figures, 20, null).limitedBy(),
        "users busy, but 30% of their time on the generator's own work: the generator is the limit");
    Workload.LoadSpec backToBack = new Workload.LoadSpec(null, 8, null, null, null, null, null);
    assertEquals(HostResult.Load.CLIENT, LoadVerdict.of(backToBack, -1, figures, 20, null).limitedBy());
    figures.clientNanos = 1;
    assertEquals(HostResult.Load.CODE, LoadVerdict.of(backToBack, -1, figures, 20, null).limitedBy());
  }

  /** A latency of {@code millis} as HdrHistogram keeps it: to three significant digits, never below. */
  private static void assertMillis(long millis, double micros, String shown) {
    assertTrue(micros >= millis * 1_000 && micros < millis * 1_001, micros + " µs: " + shown);
  }

}
