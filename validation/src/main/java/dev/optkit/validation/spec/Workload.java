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
   * @param load the closed-model load test; null to skip it
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
   * @param users concurrent users (threads), each making {@code requests} calls
   * @param intervalMillis each user's intended time between requests: latency is measured from the
   *     intended start, so a slow call also counts against the calls it delayed (coordinated
   *     omission); 0 sends the next request as soon as the previous one returns
   */
  public record LoadSpec(int users, int requests, Integer intervalMillis) {
    public LoadSpec {
      intervalMillis = intervalMillis == null ? 0 : intervalMillis;
    }
  }
}
