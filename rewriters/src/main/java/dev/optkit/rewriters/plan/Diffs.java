package dev.optkit.rewriters.plan;

import dev.optkit.rewriters.edit.FileChange;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Unified diffs of file changes, for review before anything is written. */
public final class Diffs {
  private Diffs() {}

  public static String unified(FileChange change) {
    List<String> before = change.before() == null ? List.of() : lines(change.before());
    List<String> after = lines(change.after());
    Patch<String> patch = DiffUtils.diff(before, after);
    List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(
        change.before() == null ? "/dev/null" : "a/" + change.path(), "b/" + change.path(), before, patch, 3);
    List<String> lines = new java.util.ArrayList<>(diff);
    if (change.before() == null) {
      // git writes a new file's hunk as -0,0
      for (int i = 0; i < lines.size(); i++) {
        lines.set(i, lines.get(i).replaceFirst("^@@ -1,0 ", "@@ -0,0 "));
      }
    }
    return String.join("\n", lines) + "\n";
  }

  /** The file's lines; a final line separator ends the last line rather than starting an empty one. */
  private static List<String> lines(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.isEmpty()) {
      return List.of();
    }
    return Arrays.asList(text.split("\r\n|\r|\n"));
  }
}
