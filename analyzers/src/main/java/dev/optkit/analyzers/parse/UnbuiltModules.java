package dev.optkit.analyzers.parse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * The modules of a scan whose main sources no build optkit read covers, so that they ran without their dependency
 * jars: library types there are known from imports alone. A module is the folder holding {@code src/main/java}; a
 * pom, an {@code ivy.xml} or a Gradle script covers its own folder, and a Gradle script beside a settings script (a
 * root project, which configures its subprojects) every folder below it too. A source outside that layout is no
 * module this can tell, and is not named. An Ivy module file covers the folder of its Ant build
 * ({@code build.xml}). (A blind trial's repository held nine Gradle builds deeper than optkit looks for builds, beside
 * Maven modules it read: their calls went unseen, and nothing said so.)
 */
public final class UnbuiltModules {
  private static final String MAIN = "src/main/java/";

  private UnbuiltModules() {}

  /**
   * @param root the scanned folder, which the source paths are relative to
   * @param builds the build files read, absolute
   * @param sources the scanned sources' paths relative to {@code root}, with '/'
   * @return the uncovered modules' folders relative to {@code root} ("." for the root itself), sorted
   */
  public static List<String> of(Path root, List<Path> builds, List<String> sources) {
    Path base = root.toAbsolutePath().normalize();
    TreeSet<String> modules = new TreeSet<>();
    for (String source : sources) {
      int at = source.indexOf("/" + MAIN);
      if (source.startsWith(MAIN)) {
        modules.add("");
      } else if (at > 0) {
        modules.add(source.substring(0, at));
      }
    }
    TreeSet<String> uncovered = new TreeSet<>();
    for (String module : modules) {
      Path folder = module.isEmpty() ? base : base.resolve(module).normalize();
      if (builds.stream().noneMatch(build -> covers(build, folder))) {
        uncovered.add(module.isEmpty() ? "." : module);
      }
    }
    return List.copyOf(uncovered);
  }

  private static boolean covers(Path build, Path module) {
    Path folder = build.getParent();
    if (folder == null) {
      return false;
    }
    String name = build.getFileName().toString();
    if (name.endsWith(".xml") && !name.equals("pom.xml")) {
      // an Ivy module file is its Ant build's, wherever the build keeps it (build/ivy.xml): the nearest build.xml's
      for (Path up = folder; up != null && up.startsWith(module.getRoot()); up = up.getParent()) {
        if (Files.isRegularFile(up.resolve("build.xml"))) {
          folder = up;
          break;
        }
      }
    }
    if (folder.equals(module)) {
      return true;
    }
    boolean gradleRoot = (name.endsWith(".gradle") || name.endsWith(".gradle.kts"))
        && (Files.isRegularFile(folder.resolve("settings.gradle")) || Files.isRegularFile(folder.resolve("settings.gradle.kts")));
    return gradleRoot && module.startsWith(folder);
  }
}
