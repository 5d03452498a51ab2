package dev.optkit.analyzers.source;

import dev.optkit.analyzers.facts.SourceRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines changed since a git ref (committed, staged, unstaged and untracked), read with the git
 * command line. Paths are relative to the given root, which must be inside the work tree.
 */
public final class GitChanges {
  private static final Pattern HUNK = Pattern.compile("^@@ -\\d+(?:,\\d+)? \\+(\\d+)(?:,(\\d+))? @@");

  /** Changed line spans per path; a whole-file change (new file) is one span covering everything. */
  private final Map<String, List<int[]>> changed;

  private GitChanges(Map<String, List<int[]>> changed) {
    this.changed = changed;
  }

  public static GitChanges since(Path root, String ref) {
    Path directory = root.toAbsolutePath().normalize();
    if (!directory.toFile().isDirectory()) {
      directory = directory.getParent();
    }
    try {
      run(directory, "git", "rev-parse", "--verify", "--quiet", ref + "^{commit}");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--since: '" + ref + "' is not a commit git knows in " + directory
          + " (a branch, tag or commit id)", e);
    }
    Map<String, List<int[]>> changed = new HashMap<>();
    // fixed prefixes and unquoted paths whatever the user's git configuration says
    String diff = run(directory, "git", "-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", "-U0",
        "--src-prefix=a/", "--dst-prefix=b/", "--relative", ref, "--", ".");
    String current = null;
    for (String line : diff.split("\n")) {
      if (line.startsWith("+++ ")) {
        String target = line.substring(4);
        int tab = target.indexOf('\t');
        target = tab >= 0 ? target.substring(0, tab) : target;
        current = target.equals("/dev/null") ? null : target.startsWith("b/") ? target.substring(2) : target;
        if (current != null) {
          changed.computeIfAbsent(current, k -> new ArrayList<>());
        }
      } else if (current != null) {
        Matcher hunk = HUNK.matcher(line);
        if (hunk.find()) {
          int start = Integer.parseInt(hunk.group(1));
          int count = hunk.group(2) == null ? 1 : Integer.parseInt(hunk.group(2));
          // a pure deletion (count 0) changes the code around where the lines were
          changed.get(current).add(new int[] {Math.max(1, start), start + Math.max(count, 1) - 1});
        }
      }
    }
    String untracked = run(directory, "git", "ls-files", "-z", "--others", "--exclude-standard", "--", ".");
    for (String file : untracked.split("\0")) {
      if (!file.isEmpty()) {
        changed.put(file, List.of(new int[] {1, Integer.MAX_VALUE}));
      }
    }
    return new GitChanges(changed);
  }

  /** Whether any changed line falls within the range (a finding's member, or the finding itself). */
  public boolean touches(String path, SourceRange range) {
    for (int[] span : changed.getOrDefault(path, List.of())) {
      if (span[0] <= range.endLine() && range.line() <= span[1]) {
        return true;
      }
    }
    return false;
  }

  private static String run(Path directory, String... command) {
    try {
      Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalArgumentException("git did not answer within 60 s: " + String.join(" ", command));
      }
      String text = new String(output, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IllegalArgumentException("--since: " + String.join(" ", command) + " failed: " + text.strip());
      }
      return text;
    } catch (IOException e) {
      throw new IllegalArgumentException("--since needs the git command line: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalArgumentException("interrupted while running git", e);
    }
  }
}
