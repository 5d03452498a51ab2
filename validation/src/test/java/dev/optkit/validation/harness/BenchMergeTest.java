package dev.optkit.validation.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Two forks' samples become one distribution: percentiles over every sample, iterations in order. */
class BenchMergeTest {
  private static HostResult.Bench fork(long nanos, long count, double iterationMean, boolean filled) {
    Histogram samples = LatencyHistograms.empty();
    LatencyHistograms.record(samples, nanos, count);
    return new HostResult.Bench(0, 0, 0, 0, count, count, 1, 2, List.of(iterationMean, iterationMean),
        List.of(iterationMean, iterationMean), LatencyHistograms.encode(samples), new HostResult.Fill(20, filled ? 20 : 7, filled, 0.5));
  }

  @Test
  void forksMergeIntoOneDistribution() {
    HostResult.Bench merged = BenchMerge.merge(List.of(fork(1_000, 90, 1.0, true), fork(100_000, 10, 100.0, false)));
    assertEquals(100, merged.samples());
    assertEquals(1.0, merged.p50Micros(), 0.01);
    assertEquals(100.0, merged.p95Micros(), 0.1); // the slow fork's tenth of the samples
    assertEquals(List.of(1.0, 1.0, 100.0, 100.0), merged.iterationMeansMicros());
    assertEquals(List.of(1.0, 1.0, 100.0, 100.0), merged.iterationMediansMicros());
    assertEquals(2, merged.errors());
    assertEquals(4, merged.downstreamCalls());
    assertFalse(merged.fill().complete(), "one fork's fill cut short makes the whole measurement's");
    assertEquals(7, merged.fill().called());
  }

  @Test
  void aForgedHistogramIsRefusedNotDecodedBlindly() {
    assertThrows(IllegalArgumentException.class, () -> LatencyHistograms.decode("bm90IGEgaGlzdG9ncmFt"));
    assertThrows(IllegalArgumentException.class, () -> LatencyHistograms.decode("%%%"));
  }
}
