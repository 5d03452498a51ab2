package dev.optkit.validation.run;

/**
 * How long JMH measures: forks, warm-up and measurement iterations, seconds per iteration. The
 * defaults finish a sample in under two minutes; {@link #quick()} is for CI.
 */
public record RunSettings(int forks, int warmupIterations, int iterations, int secondsPerIteration, boolean bench,
    boolean load) {

  public static RunSettings defaults() {
    return new RunSettings(1, 2, 3, 2, true, true);
  }

  public static RunSettings quick() {
    return new RunSettings(1, 1, 2, 1, true, true);
  }

  public RunSettings withoutBench() {
    return new RunSettings(forks, warmupIterations, iterations, secondsPerIteration, false, load);
  }
}
