package dev.optkit.validation.run;

/**
 * How long JMH measures: forks, warm-up and measurement iterations, seconds per iteration. Two forks
 * at least by default, each code version's alternating with the other's, so the speedup's interval
 * sees the variation between JVMs and the machine's drift; {@link #quick()} is for CI.
 */
public record RunSettings(int forks, int warmupIterations, int iterations, int secondsPerIteration, boolean bench,
    boolean load) {

  public static RunSettings defaults() {
    return new RunSettings(2, 2, 3, 2, true, true);
  }

  public static RunSettings quick() {
    return new RunSettings(2, 1, 2, 1, true, true);
  }

  public RunSettings withoutBench() {
    return new RunSettings(forks, warmupIterations, iterations, secondsPerIteration, false, load);
  }
}
