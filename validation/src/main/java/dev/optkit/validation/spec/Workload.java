package dev.optkit.validation.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code optkit validate} runs: how to get the classes of a code version, the fixture that
 * builds the object under test with its real downstream, and the scenarios to call on it. Read from
 * YAML by {@link WorkloadReader}; every field is documented in docs/validate.md.
 *
 * @param criteria success criteria overriding the defaults, by name ({@code hitRate: 0.7})
 * @param limits timeouts and the fixture's heap; defaults when absent
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Workload(ClasspathSpec classpath, FixtureSpec fixture, List<Scenario> scenarios,
    Map<String, Double> criteria, Limits limits) {

  public Workload {
    scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
    criteria = criteria == null ? Map.of() : Map.copyOf(criteria);
    limits = limits == null ? Limits.defaults() : limits;
  }

  public Optional<Scenario> scenario(String name) {
    return scenarios.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /**
   * @param build shell command run in the code version's directory before anything else (may be null)
   * @param command shell command printing the class path (Maven: {@code mvn -q dependency:build-classpath
   *     -Dmdep.outputFile=/dev/stdout}); may be null
   * @param entries class path entries relative to the code version's directory, put first
   */
  public record ClasspathSpec(String build, String command, List<String> entries) {
    public ClasspathSpec {
      entries = entries == null ? List.of() : List.copyOf(entries);
    }
  }

  /**
   * @param factory {@code pkg.Class#method}: a public static method without parameters returning the
   *     fixture (the object under test, a map of named objects, or a Spring application context)
   * @param teardown a method of the fixture to call at the end ({@code close}), or null
   */
  public record FixtureSpec(String factory, String teardown) {}

  /**
   * @param target what to call on: a key of a map fixture, a bean name of an application context, a
   *     no-argument method or field of the fixture; null for the fixture itself
   * @param method the method to call; overloads are told apart by the number of arguments
   * @param args one generator per parameter
   * @param writes calls interleaved with the reads, each with its share of calls, so staleness shows
   * @param calls calls in the single-threaded replay that compares answers
   * @param load the load test (open or closed model, for a time); null to skip it
   * @param seed seed of every random choice, so both code versions see the same call sequence
   * @param compareAs how answers are compared: {@code fields} (the default, {@link
   *     dev.optkit.validation.harness.CanonicalAnswer}) or {@code toString}, for answers the walk cannot
   *     see into (an opaque handle) whose {@code toString()} names their state
   */
  public record Scenario(String name, String target, String method, List<ArgSpec> args, List<WriteSpec> writes,
      Integer calls, LoadSpec load, Long seed, String compareAs) {
    public static final String FIELDS = "fields";
    public static final String TO_STRING = "toString";

    public Scenario {
      args = args == null ? List.of() : List.copyOf(args);
      writes = writes == null ? List.of() : List.copyOf(writes);
      calls = calls == null ? 1000 : calls;
      seed = seed == null ? 42L : seed;
      compareAs = compareAs == null ? FIELDS : compareAs;
    }
  }

  /** A write: a method called before a read with probability {@code share}. */
  public record WriteSpec(String target, String method, List<ArgSpec> args, double share) {
    public WriteSpec {
      args = args == null ? List.of() : List.copyOf(args);
    }
  }

  /**
   * The load test: runs for a time, not a number of requests, after a warm-up under the same load.
   *
   * @param model {@code open} (requests arrive at {@code ratePerSecond} whatever the code does) or
   *     {@code closed} ({@code users} each send the next request when the last returned); by default
   *     open when {@code ratePerSecond} is set, else closed
   * @param users threads: the closed model's users, or the open model's workers (a request due when
   *     every worker is busy starts late, and is counted so)
   * @param ratePerSecond the open model's arrival rate, reads and writes together
   * @param intervalMillis the closed model's pacing: each user starts a request every
   *     {@code intervalMillis} (waiting out the rest after a fast call), latency counted from that
   *     intended start; 0 (the default) sends the next request as soon as the last one returns
   * @param warmupSeconds the same load run before measuring (default {@value #WARMUP_SECONDS})
   * @param seconds how long the load is measured (default {@value #SECONDS})
   * @param requests older workloads' count of requests per user: refused, naming the replacement
   */
  public record LoadSpec(String model, int users, Double ratePerSecond, Integer intervalMillis,
      Double warmupSeconds, Double seconds, Integer requests) {
    public static final String OPEN = "open";
    public static final String CLOSED = "closed";
    public static final double WARMUP_SECONDS = 5;
    public static final double SECONDS = 20;
    /** {@code --quick}: at most this warm-up and measurement, enough to see a load test's verdict, not to trust its tail. */
    public static final double QUICK_WARMUP_SECONDS = 2;
    public static final double QUICK_SECONDS = 5;

    public LoadSpec {
      model = model != null ? model : ratePerSecond != null ? OPEN : CLOSED;
      intervalMillis = intervalMillis == null ? 0 : intervalMillis;
      warmupSeconds = warmupSeconds == null ? WARMUP_SECONDS : warmupSeconds;
      seconds = seconds == null ? SECONDS : seconds;
    }

    public boolean open() {
      return OPEN.equals(model);
    }

    /** This load test as {@code --quick} runs it: warm-up and measurement cut to the quick run's. */
    public LoadSpec quick() {
      return new LoadSpec(model, users, ratePerSecond, intervalMillis, Math.min(warmupSeconds, QUICK_WARMUP_SECONDS),
          Math.min(seconds, QUICK_SECONDS), requests);
    }

    /** Warm-up and measurement together: what the load test adds to its scenario's time. */
    public double totalSeconds() {
      return warmupSeconds + seconds;
    }

    /** What is wrong with the shape of this load test, each with what to write instead. */
    public List<String> problems(String where) {
      List<String> problems = new java.util.ArrayList<>();
      if (requests != null) {
        problems.add(where + ": load.requests is no longer read: the load test runs for a time, not a count; replace it "
            + "with load.seconds (measured, default " + (int) SECONDS + ") and load.warmupSeconds (default "
            + (int) WARMUP_SECONDS + ")");
      }
      if (!OPEN.equals(model) && !CLOSED.equals(model)) {
        problems.add(where + ": load.model must be open or closed, not '" + model + "'");
      }
      if (users <= 0) {
        problems.add(where + ": load.users must be positive (the threads that send requests)");
      }
      if (open() && (ratePerSecond == null || !(ratePerSecond > 0))) {
        problems.add(where + ": the open model needs load.ratePerSecond, a positive arrival rate");
      }
      if (open() && intervalMillis != 0) {
        problems.add(where + ": load.intervalMillis paces the closed model's users; the open model's pace is "
            + "load.ratePerSecond");
      }
      if (CLOSED.equals(model) && ratePerSecond != null) {
        problems.add(where + ": load.ratePerSecond is the open model's; a closed model's users are paced by "
            + "load.intervalMillis (or set model: open)");
      }
      if (intervalMillis < 0) {
        problems.add(where + ": load.intervalMillis must not be negative");
      }
      if (!(warmupSeconds >= 0)) {
        problems.add(where + ": load.warmupSeconds must not be negative");
      }
      if (!(seconds > 0)) {
        problems.add(where + ": load.seconds must be positive");
      }
      return problems;
    }
  }
}
