package dev.optkit.cli.report;

import java.util.List;
import java.util.TreeSet;

/**
 * Short labels for files in a chart: the file's name, and where other files shown have the same name, the folders of
 * its path that tell it from them ({@code account-service/…/RemoteCatalogClient.java} beside
 * {@code order-service/…/RemoteCatalogClient.java}). A label too long is cut in the middle of its parts, keeping
 * both ends of each.
 */
final class FileLabels {
  static final String GAP = "/\u2026/";
  private static final String ELLIPSIS = "\u2026";

  private FileLabels() {}

  /** The label of {@code path} among the {@code shown} paths (itself included). */
  static String label(String path, List<String> shown, int max) {
    String[] segments = path.split("/");
    String name = segments[segments.length - 1];
    // the first folder where each other file of this name parts from this one
    TreeSet<Integer> telling = new TreeSet<>();
    for (String other : shown) {
      if (other.equals(path)) {
        continue;
      }
      String[] theirs = other.split("/");
      if (!theirs[theirs.length - 1].equals(name)) {
        continue;
      }
      int at = 0;
      while (at < segments.length - 1 && at < theirs.length - 1 && segments[at].equals(theirs[at])) {
        at++;
      }
      if (at < segments.length - 1) {
        telling.add(at);
      }
    }
    if (telling.isEmpty()) {
      return shortened(name, max);
    }
    StringBuilder label = new StringBuilder();
    for (int at : telling) {
      label.append(segments[at]).append(GAP);
    }
    return shortened(label.append(name).toString(), max);
  }

  /**
   * At most {@code max} characters. The part before the last gap (what tells the file apart) is kept whole while the
   * name keeps a dozen characters, else cut in its middle (module names differ at either end); the name the same.
   */
  static String shortened(String label, int max) {
    if (label.length() <= max) {
      return label;
    }
    int gap = label.lastIndexOf(GAP);
    if (gap < 0) {
      return middleCut(label, max);
    }
    String before = label.substring(0, gap);
    String name = label.substring(gap + GAP.length());
    int roomBefore = max - GAP.length() - Math.min(name.length(), 12);
    before = middleCut(before, roomBefore);
    return before + GAP + middleCut(name, max - before.length() - GAP.length());
  }

  /**
   * At most {@code max} characters, cut in the middle: two files' names differ at their start
   * ({@code AccountStatement...Service.java}, {@code OrderStatement...Service.java}) as often as at their end.
   */
  private static String middleCut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int head = (max - 1) * 2 / 5;
    int tail = max - 1 - head;
    return text.substring(0, head) + ELLIPSIS + text.substring(text.length() - tail);
  }
}
