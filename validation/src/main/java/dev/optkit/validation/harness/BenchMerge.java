package dev.optkit.validation.harness;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/** The forks of one code version as one measurement: every iteration and every sample, counts summed. */
public final class BenchMerge {
  private BenchMerge() {
  }

  /** @return null when no fork was measured */
  public static HostResult.Bench merge(List<HostResult.Bench> forks) {
    List<HostResult.Bench> measured = forks.stream().filter(java.util.Objects::nonNull).toList();
    if (measured.isEmpty()) {
      return null;
    }
    if (measured.size() == 1) {
      return measured.get(0);
    }
    List<Double> iterations = new ArrayList<>();
    List<Double> medians = new ArrayList<>();
    List<String> histograms = new ArrayList<>();
    long invocations = 0;
    long errors = 0;
    long downstream = 0;
    int distinct = 0;
    int called = Integer.MAX_VALUE;
    boolean complete = true;
    double fillSeconds = 0;
    for (HostResult.Bench fork : measured) {
      iterations.addAll(fork.iterationMeansMicros());
      medians.addAll(fork.iterationMediansMicros());
      histograms.add(fork.histogram());
      invocations += fork.invocations();
      errors += fork.errors();
      downstream += fork.downstreamCalls();
      if (fork.fill() != null) {
        distinct = Math.max(distinct, fork.fill().distinctReads());
        called = Math.min(called, fork.fill().called()); // the least any fork filled: what every fork had
        complete &= fork.fill().complete();
        fillSeconds = Math.max(fillSeconds, fork.fill().seconds());
      }
    }
    Histogram samples = LatencyHistograms.merge(histograms);
    return new HostResult.Bench(samples.getMean() / 1e3, samples.getValueAtPercentile(50) / 1e3,
        samples.getValueAtPercentile(95) / 1e3, samples.getValueAtPercentile(99) / 1e3, samples.getTotalCount(),
        invocations, errors, downstream, iterations, medians, LatencyHistograms.encode(samples),
        new HostResult.Fill(distinct, called == Integer.MAX_VALUE ? 0 : called, complete, fillSeconds));
  }
}
