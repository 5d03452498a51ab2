package dev.optkit.rewriters.plan;

import dev.optkit.rewriters.edit.FileChange;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A migration's changes as one patch `git apply` takes in the scanned folder (as OpenRewrite's dry run writes
 * {@code rewrite.patch}): a {@code diff --git} header per file, new files as such, every line byte for byte with its own
 * line ending (a CRLF file stays CRLF), and a last line without one marked as git marks it.
 */
public final class PatchFile {
  private PatchFile() {}

  /**
   * The patch of the changes for {@code git apply} at the top of the git repository that holds {@code root} (paths
   * from there), or in {@code root} itself when no repository holds it.
   */
  public static String of(java.nio.file.Path root, List<FileChange> changes) {
    java.nio.file.Path absolute = root.toAbsolutePath().normalize();
    return of(applyIn(root).relativize(absolute).toString().replace('\\', '/'), changes);
  }

  /** Where {@code git apply} of {@link #of(java.nio.file.Path, List)} runs: the repository's top, or root itself. */
  public static java.nio.file.Path applyIn(java.nio.file.Path root) {
    java.nio.file.Path absolute = root.toAbsolutePath().normalize();
    for (java.nio.file.Path top = absolute; top != null; top = top.getParent()) {
      if (java.nio.file.Files.exists(top.resolve(".git"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        return top;
      }
    }
    return absolute;
  }

  /** The patch of the changes, files in path order; the bytes of the files' own text, as UTF-8 is read and written. */
  public static String of(List<FileChange> changes) {
    return of("", changes);
  }

  /** @param prefix the folder the changes' paths are in, from where the patch is applied ("" for there itself) */
  static String of(String prefix, List<FileChange> changes) {
    String folder = prefix.isEmpty() ? "" : prefix + "/";
    StringBuilder out = new StringBuilder();
    for (FileChange change : changes.stream().sorted(Comparator.comparing(FileChange::path)).toList()) {
      List<String> before = change.before() == null ? List.of() : lines(change.before());
      List<String> after = lines(change.after());
      Patch<String> patch = DiffUtils.diff(before, after);
      if (patch.getDeltas().isEmpty()) {
        continue;
      }
      String path = folder + change.path();
      out.append("diff --git a/").append(path).append(" b/").append(path).append('\n');
      if (change.before() == null) {
        out.append("new file mode 100644\n");
      }
      List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(
          change.before() == null ? "/dev/null" : "a/" + path, "b/" + path, before, patch, 3);
      for (String line : diff) {
        if (line.startsWith("--- ") || line.startsWith("+++ ")) {
          out.append(line).append('\n');
        } else if (line.startsWith("@@")) {
          // a new file's hunk starts before its first line, as git writes it
          out.append(change.before() == null && line.startsWith("@@ -1,0 ") ? "@@ -0,0 " + line.substring(8) : line)
              .append('\n');
        } else {
          out.append(line);
          if (!line.endsWith("\n")) {
            out.append("\n\\ No newline at end of file\n");
          }
        }
      }
    }
    return out.toString();
  }

  /** The file's lines, each with its own line ending ({@code \n}, {@code \r\n} or {@code \r}); the last may have none. */
  static List<String> lines(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        int end = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
        lines.add(text.substring(start, end));
        start = end;
        i = end - 1;
      }
    }
    if (start < text.length()) {
      lines.add(text.substring(start));
    }
    return lines;
  }
}
