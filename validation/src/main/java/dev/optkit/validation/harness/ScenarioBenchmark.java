package dev.optkit.validation.harness;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * optkit's one generic benchmark: the scenario's read, cycling through its argument sequence. The
 * scenario is chosen with JMH parameters, so one prebuilt benchmark (its own META-INF/BenchmarkList)
 * serves every project. It runs in the host JVM ({@link HostMain}, JMH's {@code forks(0)}), on the
 * fixture the host started for its replay and load test: a Spring application is started once a JVM.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScenarioBenchmark {
  /**
   * The fill pass's budget when the warm-up is shorter: a fork's first calls load classes and open
   * connections, and on a loaded machine took over a second each (a --quick warm-up is one second).
   */
  static final long FILL_SECONDS_AT_LEAST = 10;

  /**
   * Set while JMH measures in the host ({@link HostMain}): a fixture can tell the benchmark's reads from the
   * replay's and the load test's.
   */
  public static final String MEASURING_PROPERTY = "optkit.validation.jmh";

  /** The host's open fixture while JMH runs on it, and what the trial counted. */
  private static final java.util.concurrent.atomic.AtomicReference<Handoff> HANDOFF =
      new java.util.concurrent.atomic.AtomicReference<>();

  /** What one trial counted besides JMH's timings: reads, errors, downstream calls, the fill pass. */
  public record Trial(long invocations, long errors, long downstreamCalls, HostResult.Fill fill) {}

  /** The host's fixture, lent to the benchmark for one JMH run: the fixture is the host's to close. */
  public static final class Handoff implements AutoCloseable {
    private final ScenarioDriver driver;
    private volatile Trial trial;

    private Handoff(ScenarioDriver driver) {
      this.driver = driver;
    }

    /** What the trial counted; throws if JMH never ended a trial on this fixture. */
    public Trial trial() {
      if (trial == null) {
        throw new IllegalStateException("JMH ran no trial on the fixture");
      }
      return trial;
    }

    @Override
    public void close() {
      HANDOFF.compareAndSet(this, null);
      System.clearProperty(MEASURING_PROPERTY);
    }
  }

  /** Lends the host's open fixture to the next JMH run in this JVM ({@code forks(0)}). */
  static Handoff handOver(ScenarioDriver driver) {
    Handoff handoff = new Handoff(driver);
    if (!HANDOFF.compareAndSet(null, handoff)) {
      throw new IllegalStateException("a fixture is already lent to JMH");
    }
    System.setProperty(MEASURING_PROPERTY, "true");
    return handoff;
  }

  @Param("")
  public String workload;

  @Param("")
  public String scenario;

  private ScenarioDriver driver;
  private Handoff handoff;
  private List<ScenarioDriver.Step> steps;
  private int next;
  private long invocations;
  private long errors;
  private CallWatchdog.Slot watched;
  private boolean measuring;
  private HostResult.Fill fill;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) {
    handoff = HANDOFF.get();
    if (handoff == null || !handoff.driver.scenario().name().equals(scenario)) {
      throw new IllegalStateException("ScenarioBenchmark runs in optkit's host JVM, on the fixture it lends"
          + " (HostMain), not in a fork of its own");
    }
    driver = handoff.driver;
    steps = driver.steps(driver.scenario().calls(), driver.scenario().seed(), false);
    long warmupNanos = params.getWarmup().getCount() * params.getWarmup().getTime().convertTo(TimeUnit.NANOSECONDS);
    fill = fill(Math.max(FILL_SECONDS_AT_LEAST * 1_000_000_000L, warmupNanos));
  }

  /**
   * Calls each distinct read of the sequence once, untimed, so that JMH's warm-up and measurement see
   * a filled cache as a long-running service does, and not the misses of its first pass (a sequence
   * of a thousand reads at 50 ms a miss is not covered by a 2-second warm-up). Bounded by the warm-up's
   * length or {@link #FILL_SECONDS_AT_LEAST}, the longer: a sequence of many distinct slow reads is cut
   * short, and the report says so.
   */
  private HostResult.Fill fill(long budgetNanos) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    long began = System.nanoTime();
    int called = 0;
    boolean complete = true;
    try (CallWatchdog.Slot slot = CallWatchdog.slot()) {
      for (ScenarioDriver.Step step : steps) {
        if (!seen.add(step.describe())) {
          continue;
        }
        if (System.nanoTime() - began > budgetNanos) {
          complete = false;
          continue; // still counting the distinct reads
        }
        slot.beginCall(() -> "a call of JMH's fill pass, " + step.named());
        try {
          ScenarioDriver.invoke(step);
        } catch (Throwable ignored) {
          // errors are counted in the measured iterations
        }
        slot.end();
        called++;
      }
    }
    return new HostResult.Fill(seen.size(), called, complete, (System.nanoTime() - began) / 1e9);
  }

  /**
   * Each iteration is watched as a whole, not each call: a watched call costs an allocation and a
   * volatile write, which would weigh on a cached read of 0.1 µs. An iteration still running its
   * length plus the call limit after it began holds a call that does not return. JMH's own timeout
   * cannot end it: JMH interrupts only once every worker has finished its call, which a hung one never does.
   */
  @Setup(Level.Iteration)
  public void watchIteration(IterationParams iteration) {
    long seconds = iteration.getTime().convertTo(TimeUnit.SECONDS);
    watched = CallWatchdog.slot(); // this worker thread's, whose stack is shown
    if (iteration.getType() == IterationType.MEASUREMENT && !measuring) {
      // from here on, what the reads call downstream is a miss JMH times: an expiry, an eviction
      measuring = true;
      AgentCounters.reset();
      invocations = 0;
      errors = 0;
    }
    int limit = (int) Math.min(Integer.MAX_VALUE, seconds + CallWatchdog.callSeconds());
    watched.begin(() -> "a read in a JMH iteration of " + seconds + " s",
        "limits.callSeconds or --call-timeout, after the iteration's " + seconds + " s", limit);
  }

  @TearDown(Level.Iteration)
  public void iterationDone() {
    watched.close();
  }

  @Benchmark
  public Object read() {
    ScenarioDriver.Step step = steps.get(next);
    next = next + 1 == steps.size() ? 0 : next + 1;
    invocations++;
    try {
      return ScenarioDriver.invoke(step);
    } catch (Throwable thrown) {
      errors++;
      return thrown;
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    handoff.trial = new Trial(invocations, errors, AgentCounters.total(), fill);
  }
}
