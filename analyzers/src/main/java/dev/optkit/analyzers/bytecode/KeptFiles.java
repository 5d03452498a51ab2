package dev.optkit.analyzers.bytecode;

import dev.optkit.analyzers.io.StateDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The library cache's files kept by their last use: a file read is marked used (its modification time set to now), and
 * past a bound the least recently used are deleted. The cache is the user's, every project's jars in it: without a
 * bound it grew with every jar version of every project scanned, and a bound by age of writing dropped the file every
 * run used.
 */
final class KeptFiles {
  private KeptFiles() {}

  /** Marks a file used now; a link is not followed, a failure only makes it look older. */
  static void used(Path file) {
    try {
      Files.getFileAttributeView(file, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
          .setTimes(FileTime.fromMillis(System.currentTimeMillis()), null, null);
    } catch (IOException | RuntimeException e) {
      // looks older than it is: deleted sooner, read again then
    }
  }

  /** Deletes all but the {@code keep} files of the folder last used whose names {@code kind} accepts. */
  static void forgetLeastUsed(StateDirectory state, Path folder, Predicate<String> kind, int keep) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path file : state.list(folder)) {
      if (kind.test(file.getFileName().toString())) {
        files.add(file);
      }
    }
    if (files.size() <= keep) {
      return;
    }
    Map<Path, Long> used = new HashMap<>();
    for (Path file : files) {
      used.put(file, Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis());
    }
    files.sort(java.util.Comparator.comparing((Path file) -> used.get(file)).reversed().thenComparing(Path::toString));
    for (Path old : files.subList(keep, files.size())) {
      state.delete(old);
    }
  }
}
