package dev.optkit.cli.report;

import dev.optkit.validation.harness.HostResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A latency distribution, before and after, as inline SVG: one group of bars per figure (mean,
 * p50, p95, ...), one bar per code version. The scale is logarithmic, with a line at each power of
 * ten: a cached read is often thousands of times faster, and on a linear scale it would not show.
 */
final class LatencyChart {
  private static final int LABEL_WIDTH = 70;
  private static final int BAR_AREA = 460;
  private static final int VALUE_WIDTH = 120;
  private static final int BAR_HEIGHT = 14;
  private static final int GROUP_GAP = 8;
  private static final int AXIS_HEIGHT = 18;
  private static final int MIN_POWER = -3;
  private static final int MAX_POWER = 12;

  private LatencyChart() {}

  /** A latency figure, in microseconds. */
  record Point(String label, double micros) {}

  /** One code version's figures, drawn in its colour. */
  record Series(String name, String color, List<Point> points) {}

  /**
   * JMH's figures of the read, as {@link HostResult.Bench} has them; a figure it gains (another
   * percentile) is drawn once it is listed here, in the order it should appear.
   */
  static List<Point> points(HostResult.Bench bench) {
    if (bench == null) {
      return List.of();
    }
    return drawable(List.of(new Point("mean", bench.meanMicros()), new Point("p50", bench.p50Micros()),
        new Point("p95", bench.p95Micros()), new Point("p99", bench.p99Micros())));
  }

  /** The load test's figures, as {@link HostResult.Load} has them. */
  static List<Point> points(HostResult.Load load) {
    if (load == null) {
      return List.of();
    }
    return drawable(List.of(new Point("p50", load.p50Micros()), new Point("p95", load.p95Micros()),
        new Point("p99", load.p99Micros()), new Point("max", load.maxMicros())));
  }

  /** A figure that is not a finite, non-negative number (a damaged report) is left out, not drawn wrong. */
  private static List<Point> drawable(List<Point> points) {
    return points.stream().filter(p -> Double.isFinite(p.micros()) && p.micros() >= 0).toList();
  }

  /** The chart; empty when no series has a figure. */
  static String svg(String title, List<Series> series) {
    List<Series> drawn = series.stream().filter(s -> !s.points().isEmpty()).toList();
    if (drawn.isEmpty()) {
      return "";
    }
    Set<String> labels = new LinkedHashSet<>();
    double smallest = Double.MAX_VALUE;
    double largest = 0;
    for (Series s : drawn) {
      for (Point p : s.points()) {
        labels.add(p.label());
        if (p.micros() > 0) {
          smallest = Math.min(smallest, p.micros());
          largest = Math.max(largest, p.micros());
        }
      }
    }
    // a decade below the smallest figure, so it has a bar to see; from a nanosecond to 11 days at most:
    // a figure outside is drawn at the end, not given decades of axis
    int low = largest == 0 ? 0
        : Math.max(MIN_POWER, Math.min(MAX_POWER - 1, (int) Math.floor(Math.log10(smallest)) - 1));
    int high = largest == 0 ? 1 : Math.min(MAX_POWER, Math.max(low + 1, (int) Math.ceil(Math.log10(largest))));
    int groupHeight = drawn.size() * BAR_HEIGHT + GROUP_GAP;
    int width = LABEL_WIDTH + BAR_AREA + VALUE_WIDTH;
    int height = AXIS_HEIGHT + labels.size() * groupHeight + 22;
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" font-size=\"11\">"
            + "<title>%s</title>", width, height, HtmlReport.escape(title)));
    for (int power = low; power <= high; power++) { // the axis: a line and a label at each power of ten
      int x = LABEL_WIDTH + (int) Math.round((double) (power - low) / (high - low) * BAR_AREA);
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#d1d9e0\"/>"
          + "<text x=\"%d\" y=\"12\" text-anchor=\"middle\" fill=\"#59636e\">%s</text>", x, AXIS_HEIGHT - 4, x,
          height - 22, x, tick(power)));
    }
    int y = AXIS_HEIGHT;
    for (String label : labels) {
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", LABEL_WIDTH - 6,
          y + BAR_HEIGHT * drawn.size() / 2 + 4, HtmlReport.escape(label)));
      for (int i = 0; i < drawn.size(); i++) {
        Series s = drawn.get(i);
        int barY = y + i * BAR_HEIGHT;
        for (Point p : s.points()) {
          if (!p.label().equals(label)) {
            continue;
          }
          int length = p.micros() <= 0 ? 1 : (int) Math.max(2, Math.min(BAR_AREA, Math.round(
              (Math.log10(p.micros()) - low) / (high - low) * BAR_AREA)));
          String value = micros(p.micros());
          svg.append(String.format(Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s %s: %s</title></rect>"
                  + "<text x=\"%d\" y=\"%d\">%s</text>", LABEL_WIDTH, barY + 1, length, BAR_HEIGHT - 2, s.color(),
              HtmlReport.escape(s.name()), HtmlReport.escape(label), value, LABEL_WIDTH + length + 4,
              barY + BAR_HEIGHT - 3, value));
        }
      }
      y += groupHeight;
    }
    int legendX = LABEL_WIDTH;
    for (Series s : drawn) { // the legend, under the bars
      svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
          + "<text x=\"%d\" y=\"%d\">%s</text>", legendX, height - 14, s.color(), legendX + 14, height - 5,
          HtmlReport.escape(s.name())));
      legendX += 110;
    }
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#59636e\">"
        + "µs, logarithmic scale</text>", width - 4, height - 5));
    return svg.append("</svg>").toString();
  }

  /** A figure under a microsecond (a cached read) keeps two decimals: 0.04 µs is not 0.0 µs. */
  private static String micros(double value) {
    return String.format(Locale.ROOT, value < 1 ? "%.2f µs" : "%,.1f µs", value);
  }

  /** 0.01, 0.1, 1, 10, ..., 1,000,000: a power of ten as people write it. */
  private static String tick(int power) {
    return power >= 0 ? String.format(Locale.ROOT, "%,d", BigDecimal.ONE.scaleByPowerOfTen(power).longValueExact())
        : BigDecimal.ONE.scaleByPowerOfTen(power).toPlainString();
  }

  /** The series of a scenario's two code versions, as the report names them. */
  static List<Series> beforeAfter(List<Point> original, List<Point> migrated, boolean baselineOnly) {
    List<Series> series = new ArrayList<>();
    if (original != null) {
      series.add(new Series("original", "#8c959f", original));
    }
    series.add(new Series(dev.optkit.validation.report.CodeSide.measured(!baselineOnly).label(), "#1a7f37", migrated));
    return series;
  }
}
