package dev.optkit.rewriters.plan;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Undo as a patch: the migration's change reversed (migrated text to original) and applied to the
 * file as it is now, so edits made since in other places (a formatter, an import reordered, a new
 * method) survive and do not block the undo. Only a hunk whose lines are gone or changed is a
 * conflict, and the refusal names it. Bytes are read as ISO-8859-1, one char per byte, so any
 * ASCII-compatible encoding comes back unchanged.
 */
final class UndoPatch {
  /** A reversed hunk that no longer applies. */
  static final class Conflict extends Exception {
    Conflict(String message) {
      super(message);
    }
  }

  private UndoPatch() {}

  /** The current bytes with the migration taken out. */
  static byte[] reverse(byte[] migrated, byte[] original, byte[] current) throws Conflict {
    List<String> migratedLines = lines(migrated);
    Patch<String> patch = DiffUtils.diff(migratedLines, lines(original));
    List<String> result = new ArrayList<>(lines(current));
    int shift = 0; // how far the file has moved against the migrated text so far
    for (AbstractDelta<String> delta : patch.getDeltas()) {
      List<String> remove = delta.getSource().getLines();
      List<String> restore = delta.getTarget().getLines();
      int expected = delta.getSource().getPosition() + shift;
      int at;
      if (remove.isEmpty()) {
        // the migration deleted lines: put them back after the line that preceded them
        int anchor = delta.getSource().getPosition() - 1;
        at = anchor < 0 ? 0 : nearest(result, List.of(migratedLines.get(anchor)), expected - 1) + 1;
        if (at == 0 && anchor >= 0) {
          throw new Conflict(describe(delta, migratedLines));
        }
      } else {
        at = nearest(result, remove, expected);
        if (at < 0) {
          throw new Conflict(describe(delta, migratedLines));
        }
      }
      for (int i = 0; i < remove.size(); i++) {
        result.remove(at);
      }
      result.addAll(at, restore);
      shift = at - delta.getSource().getPosition() + restore.size() - remove.size();
    }
    return String.join("", result).getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Where {@code lines} occur in {@code text} nearest to {@code expected}, or -1. */
  private static int nearest(List<String> text, List<String> lines, int expected) {
    int best = -1;
    for (int i = 0; i + lines.size() <= text.size(); i++) {
      if (text.subList(i, i + lines.size()).equals(lines) && (best < 0 || Math.abs(i - expected) < Math.abs(best - expected))) {
        best = i;
      }
    }
    return best;
  }

  private static String describe(AbstractDelta<String> delta, List<String> migrated) {
    int first = delta.getSource().getPosition() + 1;
    List<String> lines = delta.getSource().getLines();
    String shown = lines.isEmpty() ? migrated.get(Math.max(0, first - 2)) : lines.get(0);
    return "the hunk at migrated lines " + first + "-" + (first + Math.max(lines.size(), 1) - 1) + " (\""
        + shown.strip() + "\") was changed since";
  }

  /** Lines with their separators, so joining them gives the bytes back. */
  private static List<String> lines(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lines.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      lines.add(text.substring(start));
    }
    return lines;
  }
}
