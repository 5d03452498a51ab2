package dev.optkit.analyzers.source;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which modules of a Maven build may run in one process: a module's code runs with what it depends on, in any scope,
 * transitively, and a module that depends on two puts them together (a WAR, an application, a distribution, a test
 * module). Two modules no module puts together never call each other in process: a client WAR calling a JAX-RS
 * interface reaches the service WAR that implements it over HTTP, not its implementation (a blind trial's JACQ: 97
 * remote calls resolved to the server's JPA code).
 *
 * <p>Read from the poms in the tree with Maven's model reader. A module is a folder holding a {@code pom.xml} outside
 * build output and source folders (a test fixture's pom under {@code src/} is no module); a source belongs to the
 * deepest module holding it. What the poms cannot tell is unknown and separates nothing: a source outside every
 * module, two modules with one artifactId, a pom that cannot be read.
 */
public final class ModuleDeployments {
  /** The most poms read: far more than a build has. */
  private static final int MAX_POMS = 2_000;
  public static final ModuleDeployments UNKNOWN = new ModuleDeployments(null, List.of(), Map.of());

  private final Path root;
  /** Module folders, absolute, deepest first. */
  private final List<Path> folders;
  /** Each source's module folder, or {@link #NO_MODULE}: asked for every call's targets. */
  private final Map<String, Path> modules = new java.util.concurrent.ConcurrentHashMap<>();
  private static final Path NO_MODULE = Path.of("/");
  /** Of each module folder, the folders of every module some module puts together with it (itself included). */
  private final Map<Path, Set<Path>> together;

  private ModuleDeployments(Path root, List<Path> folders, Map<Path, Set<Path>> together) {
    this.root = root;
    this.folders = List.copyOf(folders);
    this.together = Map.copyOf(together);
  }

  /**
   * @param root the folder the sources' paths are relative to
   * @param xmlFiles the XML files of the scanned tree (absolute): the {@code pom.xml} among them are read
   */
  public static ModuleDeployments of(Path root, List<Path> xmlFiles) {
    if (root == null) {
      return UNKNOWN;
    }
    Path base = root.toAbsolutePath().normalize();
    List<Path> poms = xmlFiles.stream().map(file -> file.toAbsolutePath().normalize())
        .filter(file -> file.getFileName().toString().equals("pom.xml") && file.startsWith(base)
            && !outsideModules(base.relativize(file)))
        .distinct().sorted().toList();
    if (poms.size() < 2 || poms.size() > MAX_POMS) {
      return UNKNOWN;
    }
    Map<String, Path> byArtifact = new HashMap<>();
    Map<Path, Set<String>> dependencies = new HashMap<>();
    Map<Path, String> groups = new HashMap<>();
    for (Path pom : poms) {
      Optional<MavenPom> read = MavenPom.read(pom);
      if (read.isEmpty() || read.get().artifactId().isEmpty() || read.get().artifactId().contains("${")) {
        return UNKNOWN;
      }
      Path folder = pom.getParent();
      if (byArtifact.putIfAbsent(read.get().artifactId(), folder) != null) {
        return UNKNOWN; // two modules of one name: which one a dependency names is not told
      }
      groups.put(folder, read.get().groupId());
      dependencies.put(folder, read.get().dependencyKeys());
    }
    Map<Path, Set<Path>> edges = new HashMap<>();
    for (Map.Entry<Path, Set<String>> module : dependencies.entrySet()) {
      Set<Path> named = new HashSet<>();
      for (String key : module.getValue()) {
        String group = key.substring(0, key.indexOf(':'));
        Path other = byArtifact.get(key.substring(key.indexOf(':') + 1));
        String otherGroup = other == null ? null : groups.get(other);
        // a module's artifactId under another group is another project's artifact; an unresolved group may be it
        if (other != null && (otherGroup == null || group.contains("${") || otherGroup.contains("${")
            || group.equals(otherGroup))) {
          named.add(other);
        }
      }
      edges.put(module.getKey(), named);
    }
    Map<Path, Set<Path>> together = new HashMap<>();
    for (Path deployable : edges.keySet()) {
      Set<Path> closure = closure(deployable, edges);
      for (Path member : closure) {
        together.computeIfAbsent(member, k -> new HashSet<>()).addAll(closure);
      }
    }
    List<Path> folders = new ArrayList<>(edges.keySet());
    folders.sort(Comparator.comparingInt(Path::getNameCount).reversed().thenComparing(Comparator.naturalOrder()));
    return new ModuleDeployments(base, folders, together);
  }

  /** A pom in build output or under a source folder (a test fixture's, an archetype's template) is no module. */
  private static boolean outsideModules(Path relative) {
    for (Path folder : relative) {
      String name = folder.toString();
      if (name.equals("target") || name.equals("build") || name.equals("src") || name.equals("node_modules")
          || name.startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static Set<Path> closure(Path start, Map<Path, Set<Path>> edges) {
    Set<Path> seen = new HashSet<>();
    Deque<Path> todo = new ArrayDeque<>(List.of(start));
    while (!todo.isEmpty()) {
      Path next = todo.pop();
      if (seen.add(next)) {
        todo.addAll(edges.getOrDefault(next, Set.of()));
      }
    }
    return seen;
  }

  /**
   * Whether code in one source may run code of another in the same process: false only when both belong to modules
   * of this build and no module puts the two together.
   *
   * @param from a source's path, relative to the root
   * @param to another source's path, relative to the root
   */
  public boolean mayRunTogether(String from, String to) {
    if (together.isEmpty()) {
      return true;
    }
    Path fromModule = modules.computeIfAbsent(from, this::moduleOf);
    Path toModule = modules.computeIfAbsent(to, this::moduleOf);
    return fromModule == NO_MODULE || toModule == NO_MODULE || together.get(fromModule).contains(toModule);
  }

  /** Whether any two modules of the build never run together: else every answer is true, and nothing need ask. */
  public boolean separatesAny() {
    return together.values().stream().anyMatch(with -> with.size() < folders.size());
  }

  private Path moduleOf(String path) {
    Path file;
    try {
      file = root.resolve(path).normalize();
    } catch (java.nio.file.InvalidPathException e) {
      return NO_MODULE;
    }
    for (Path folder : folders) {
      if (file.startsWith(folder)) {
        return folder;
      }
    }
    return NO_MODULE;
  }
}
