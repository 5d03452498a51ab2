package dev.optkit.validation.spec;

/**
 * The workload's {@code limits:} section: how long one call, the fixture's start or teardown, and
 * one scenario's JVM may take, and the heap the fixture needs beyond what the workload's calls
 * take. Unset values take the defaults below (docs/validate.md states them); the command line's
 * {@code --call-timeout} and {@code --scenario-timeout} override the workload's. Checked by
 * {@link WorkloadCaps}: every value must be at least 1.
 *
 * @param scenarioSeconds null: the default, which grows with the JMH settings (see the run's limits)
 * @param maxScenarios how many scenarios the workload may hold ({@link WorkloadCaps#MAX_SCENARIOS} unless raised
 *     here, deliberately: each scenario starts host JVMs of its own)
 */
public record Limits(Integer callSeconds, Integer fixtureSeconds, Integer scenarioSeconds,
    Integer fixtureHeapMegabytes, Integer maxScenarios) {
  /** A read or write of the replay or the load test: far beyond any call a cache should speed up. */
  public static final int CALL_SECONDS = 30;
  /** Starting the fixture (a Spring context, an embedded database) or tearing it down. */
  public static final int FIXTURE_SECONDS = 120;
  /** What a fixture with a loopback server and an embedded database needs, before the workload's calls. */
  public static final int FIXTURE_HEAP_MEGABYTES = 256;

  public Limits {
    callSeconds = callSeconds == null ? CALL_SECONDS : callSeconds;
    fixtureSeconds = fixtureSeconds == null ? FIXTURE_SECONDS : fixtureSeconds;
    fixtureHeapMegabytes = fixtureHeapMegabytes == null ? FIXTURE_HEAP_MEGABYTES : fixtureHeapMegabytes;
    maxScenarios = maxScenarios == null ? WorkloadCaps.MAX_SCENARIOS : maxScenarios;
  }

  public static Limits defaults() {
    return new Limits(null, null, null, null, null);
  }
}
