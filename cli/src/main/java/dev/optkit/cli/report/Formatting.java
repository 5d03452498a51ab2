package dev.optkit.cli.report;

import java.util.Locale;

/** Figures as people read them, shared by the human-readable reports. */
public final class Formatting {
  private Formatting() {}

  public static String duration(long millis) {
    if (millis < 1_000) {
      return millis + " ms";
    }
    double seconds = millis / 1000.0;
    if (seconds < 120) {
      return String.format(Locale.ROOT, "%.1f s", seconds);
    }
    double minutes = seconds / 60;
    if (minutes < 120) {
      return String.format(Locale.ROOT, "%.1f min", minutes);
    }
    return String.format(Locale.ROOT, "%.1f h", minutes / 60);
  }

  static String usd(double value) {
    return String.format(Locale.ROOT, "$%,.2f", value);
  }

  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  static String simpleName(String type) {
    return type == null ? "" : type.substring(type.lastIndexOf('.') + 1);
  }

  static String where(dev.optkit.analyzers.findings.Finding finding) {
    return finding.path() + ":" + finding.line();
  }
}
