package dev.optkit.rewriters.plan;

import dev.optkit.rewriters.edit.FileChange;
import dev.optkit.analyzers.Assessment;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.text.CacheSwitchFile;
import dev.optkit.rewriters.caching.rewrite.TestCacheResetFiles;
import dev.optkit.rewriters.caching.writers.TestCacheReset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The test files a migration adds where a cache's data is written by the tests' set-up
 * ({@link CachingTarget#clearedForTests()}): the listener emptying optkit's caches before each test method, and its
 * registration, once per test root; nothing when an earlier migration added them.
 */
final class TestCacheResetChanges {
  private TestCacheResetChanges() {}

  static List<FileChange> of(Path scanRoot, Assessment assessment, String packageName, List<CachingTarget> targets,
      String indent, String nl) {
    Set<String> roots = new TreeSet<>();
    for (CachingTarget target : targets) {
      for (IndexedMethod writer : target.clearedForTests()) {
        TestCacheReset.testRoot(writer.path()).ifPresent(roots::add);
      }
    }
    String type = (packageName.isEmpty() ? "" : packageName + ".") + TestCacheReset.LISTENER;
    List<FileChange> changes = new ArrayList<>();
    for (String root : roots) {
      String factories = TestCacheReset.resourcesOf(root) + "/" + TestCacheReset.FACTORIES;
      if (Files.exists(scanRoot.resolve(factories), LinkOption.NOFOLLOW_LINKS)) {
        continue; // registered by an earlier migration (TestCacheReset allows no other spring.factories)
      }
      String listener = root + "/" + (packageName.isEmpty() ? "" : packageName.replace('.', '/') + "/")
          + TestCacheReset.LISTENER + ".java";
      if (assessment.index().files().stream().noneMatch(f -> f.path().equals(listener))) {
        changes.add(new FileChange(listener, null,
            TestCacheResetFiles.listener(packageName, indent, nl).getBytes(StandardCharsets.UTF_8),
            List.of("a test listener emptying optkit's caches before each test method, after the tests' set-up "
                + "writes their data")));
      }
      changes.add(new FileChange(factories, null, TestCacheResetFiles.factories(type, nl).getBytes(StandardCharsets.UTF_8),
          List.of("registers " + TestCacheReset.LISTENER + " for every test of the module")));
    }
    Set<String> offRoots = new TreeSet<>();
    for (CachingTarget target : targets) {
      for (IndexedMethod writer : target.offInTests()) {
        TestCacheReset.testRoot(writer.path()).ifPresent(offRoots::add);
      }
    }
    for (String root : offRoots) {
      String marker = TestCacheReset.resourcesOf(root) + "/" + CacheSwitchFile.OFF_IN_TESTS_MARKER;
      if (Files.exists(scanRoot.resolve(marker), LinkOption.NOFOLLOW_LINKS)) {
        continue; // an earlier migration's
      }
      changes.add(new FileChange(marker, null, ("Read by " + CacheSwitchFile.CLASS_NAME + ": while this module's tests run,"
          + " the caches optkit migrate added are off (its tests write their data inside a test, which no eviction"
          + " follows)." + nl + "On the test class path only: production keeps them. Delete this file to run the tests with"
          + " the caches on." + nl).getBytes(StandardCharsets.UTF_8),
          List.of("turns optkit's caches off while this module's tests run: they write cached data inside a test")));
    }
    return changes;
  }
}
