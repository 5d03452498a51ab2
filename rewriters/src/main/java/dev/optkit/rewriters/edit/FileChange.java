package dev.optkit.rewriters.edit;

import java.util.List;

/**
 * One file a migration writes: its bytes before (null for a new file) and after.
 *
 * @param path relative to the scanned root, forward slashes
 */
public record FileChange(String path, byte[] before, byte[] after, List<String> descriptions) {
  public boolean created() {
    return before == null;
  }
}
