package dev.optkit.validation.harness;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * Latency distributions as they travel between JVMs: an HdrHistogram of nanoseconds (3 significant
 * digits, up to ten minutes), compressed and Base64-encoded in the JSON a host writes, so the forks of
 * one code version can be merged into one distribution whose percentiles come from every sample.
 */
public final class LatencyHistograms {
  static final long HIGHEST_NANOS = 600_000_000_000L;

  private LatencyHistograms() {
  }

  public static Histogram empty() {
    return new Histogram(HIGHEST_NANOS, 3);
  }

  /** Records a value, clamped into the trackable range ({@code recordValue} throws past it). */
  static void record(Histogram histogram, long nanos, long count) {
    histogram.recordValueWithCount(Math.max(0, Math.min(HIGHEST_NANOS, nanos)), count);
  }

  /** JMH's raw sample data (value in the benchmark's unit, count) as a histogram of nanoseconds. */
  static Histogram fromSamples(java.util.Iterator<Map.Entry<Double, Long>> samples, double nanosPerUnit) {
    Histogram histogram = empty();
    while (samples.hasNext()) {
      Map.Entry<Double, Long> sample = samples.next();
      record(histogram, Math.round(sample.getKey() * nanosPerUnit), sample.getValue());
    }
    return histogram;
  }

  public static String encode(Histogram histogram) {
    ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
    int length = histogram.encodeIntoCompressedByteBuffer(buffer);
    byte[] bytes = new byte[length];
    buffer.rewind();
    buffer.get(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  /**
   * @throws IllegalArgumentException when the text is no histogram this class encoded (a host's JSON
   *     is read from the run's folder, which the project's code could write to)
   */
  public static Histogram decode(String text) {
    try {
      byte[] bytes = Base64.getDecoder().decode(text);
      return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), HIGHEST_NANOS);
    } catch (DataFormatException | RuntimeException e) {
      throw new IllegalArgumentException("not a latency histogram: " + e.getMessage(), e);
    }
  }

  /** Every histogram's samples in one; null entries (a part not run) are skipped. */
  public static Histogram merge(Collection<String> encoded) {
    Histogram merged = empty();
    for (String text : encoded) {
      if (text != null) {
        merged.add(decode(text));
      }
    }
    return merged;
  }
}
