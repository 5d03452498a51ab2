package dev.optkit.validation.run;

/**
 * How long JMH measures: forks, warm-up and measurement iterations, seconds per iteration. Two forks
 * at least by default, each code version's alternating with the other's, so the speedup's interval
 * sees the variation between JVMs and the machine's drift; {@link #quick()} is for CI.
 *
 * @param quickLoad the load test cut to {@code --quick}'s length ({@link
 *     dev.optkit.validation.spec.Workload.LoadSpec#quick()}) whatever the workload asks for
 */
public record RunSettings(int forks, int warmupIterations, int iterations, int secondsPerIteration, boolean bench,
    boolean load, boolean quickLoad) {

  /** The settings with the workload's own load test length. */
  public RunSettings(int forks, int warmupIterations, int iterations, int secondsPerIteration, boolean bench,
      boolean load) {
    this(forks, warmupIterations, iterations, secondsPerIteration, bench, load, false);
  }

  public static RunSettings defaults() {
    return new RunSettings(2, 2, 3, 2, true, true, false);
  }

  public static RunSettings quick() {
    return new RunSettings(2, 1, 2, 1, true, true, true);
  }

  public RunSettings withoutBench() {
    return new RunSettings(forks, warmupIterations, iterations, secondsPerIteration, false, load, quickLoad);
  }

  public RunSettings withoutLoad() {
    return new RunSettings(forks, warmupIterations, iterations, secondsPerIteration, bench, false, quickLoad);
  }

  public RunSettings withQuickLoad() {
    return new RunSettings(forks, warmupIterations, iterations, secondsPerIteration, bench, load, true);
  }
}
