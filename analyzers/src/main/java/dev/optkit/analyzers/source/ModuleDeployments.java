package dev.optkit.analyzers.source;

import java.nio.file.Files;
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
 * Which modules of a Maven build never run in one process: two applications of one build (WARs, EARs, Spring Boot,
 * Quarkus or Micronaut applications) each run their own module and what it depends on, in any scope, transitively. A
 * client WAR calling a JAX-RS interface that only the service WAR implements reaches it over HTTP, not in process (a
 * blind trial's JACQ: 97 remote calls resolved to the server's JPA code).
 *
 * <p>Separation is told only on positive evidence, never from what the poms leave out, since migrate's proofs read the
 * answer too: code of a module is apart from another's only when the module belongs to at least one application of
 * the build and none of its applications holds the other; a library no application of the build holds may be deployed
 * with anything. Main code never runs a test source's code. Nothing is separated (every answer true) when the build
 * may combine modules otherwise or is not all read: a pom above the scanned folder (the scan is part of a larger
 * build), a pom that cannot be read, two modules of one artifactId, a reactor parent not at its relative path, a
 * dependency whose artifactId a property the poms do not set names, an assembly, a plugin told to copy a module's
 * artifact or files (its configuration names the module).
 *
 * <p>A module is a folder holding a {@code pom.xml} that packages code (not {@code pom}), outside build output and
 * source folders (a test fixture's pom under {@code src/} is no module); a source belongs to the deepest module holding
 * it, and one outside every module is apart from nothing.
 */
public final class ModuleDeployments {
  /** The most poms read: far more than a build has. */
  private static final int MAX_POMS = 2_000;
  public static final ModuleDeployments UNKNOWN = new ModuleDeployments(null, List.of(), Map.of());
  /** Packagings that make an application: its closure is what runs in its process. */
  private static final Set<String> APPLICATION_PACKAGINGS = Set.of("war", "ear");
  /** Plugins whose use makes a module an application. */
  private static final Set<String> APPLICATION_PLUGINS = Set.of("spring-boot-maven-plugin", "quarkus-maven-plugin",
      "micronaut-maven-plugin");
  /** Plugins that may put modules together outside dependencies whatever they are told (an assembly's module sets). */
  private static final Set<String> ASSEMBLING_PLUGINS = Set.of("maven-assembly-plugin", "appassembler-maven-plugin");
  /**
   * Plugins that put together what their configuration names (copied artifacts, files, images): they combine modules
   * when it names one.
   */
  private static final Set<String> COPYING_PLUGINS = Set.of("maven-dependency-plugin", "maven-antrun-plugin",
      "maven-resources-plugin", "exec-maven-plugin", "jib-maven-plugin", "docker-maven-plugin",
      "dockerfile-maven-plugin", "maven-war-plugin", "maven-ear-plugin", "maven-shade-plugin");
  private static final Path NO_MODULE = Path.of("/");

  private final Path root;
  /** Module folders, absolute, deepest first. */
  private final List<Path> folders;
  /**
   * Of each module folder that belongs to an application of the build, the folders of every module one of its
   * applications holds; a module of none is absent (it may run with anything).
   */
  private final Map<Path, Set<Path>> together;
  /** Each source's module folder, or {@link #NO_MODULE}: asked for every call's targets. */
  private final Map<String, Path> modules = new java.util.concurrent.ConcurrentHashMap<>();

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
    for (Path above = base.getParent(); above != null; above = above.getParent()) {
      if (Files.isRegularFile(above.resolve("pom.xml"))) {
        return UNKNOWN; // a module of a build the scan does not hold all of
      }
    }
    List<Path> poms = xmlFiles.stream().map(file -> file.toAbsolutePath().normalize())
        .filter(file -> file.getFileName().toString().equals("pom.xml") && file.startsWith(base)
            && !outsideModules(base.relativize(file)))
        .distinct().sorted().toList();
    if (poms.size() < 2 || poms.size() > MAX_POMS) {
      return UNKNOWN;
    }
    Map<String, Path> byArtifact = new HashMap<>();
    Map<Path, MavenPom> read = new HashMap<>();
    for (Path pom : poms) {
      Optional<MavenPom> model = MavenPom.read(pom);
      if (model.isEmpty() || model.get().artifactId().isEmpty() || model.get().artifactId().contains("${")
          || model.get().buildPlugins().stream().anyMatch(ASSEMBLING_PLUGINS::contains)) {
        return UNKNOWN;
      }
      if (byArtifact.putIfAbsent(model.get().artifactId(), pom.getParent()) != null) {
        return UNKNOWN; // two modules of one name: which one a dependency names is not told
      }
      read.put(pom.getParent(), model.get());
    }
    for (MavenPom pom : read.values()) {
      if (pom.configurationNames(COPYING_PLUGINS, byArtifact.keySet())) {
        return UNKNOWN; // a module's artifact or files copied in by name
      }
    }
    Map<Path, Set<Path>> edges = new HashMap<>();
    List<Path> applications = new ArrayList<>();
    for (Map.Entry<Path, MavenPom> module : read.entrySet()) {
      MavenPom pom = module.getValue();
      String parent = pom.unreadParent();
      if (parent != null && (parent.isEmpty() || byArtifact.containsKey(parent))) {
        return UNKNOWN; // a parent of the build not read here: the dependencies it gives are not told
      }
      Set<Path> named = new HashSet<>();
      for (MavenPom.Declared dependency : pom.dependedOn()) {
        if (dependency.artifactId().contains("${")) {
          return UNKNOWN;
        }
        Path other = byArtifact.get(dependency.artifactId());
        String otherGroup = other == null ? null : read.get(other).groupId();
        // a module's artifactId under another group is another project's artifact; an unresolved group may be it
        if (other != null && (dependency.groupId() == null || otherGroup == null || dependency.groupId().contains("${")
            || otherGroup.contains("${") || dependency.groupId().equals(otherGroup))) {
          named.add(other);
        }
      }
      edges.put(module.getKey(), named);
      if (APPLICATION_PACKAGINGS.contains(pom.packaging())
          || pom.buildPlugins().stream().anyMatch(APPLICATION_PLUGINS::contains)) {
        applications.add(module.getKey());
      }
    }
    Map<Path, Set<Path>> together = new HashMap<>();
    for (Path application : applications) {
      Set<Path> closure = closure(application, edges);
      for (Path member : closure) {
        together.computeIfAbsent(member, k -> new HashSet<>()).addAll(closure);
      }
    }
    List<Path> folders = new ArrayList<>();
    read.forEach((folder, pom) -> {
      if (!pom.packaging().equals("pom")) {
        folders.add(folder); // an aggregator or parent holds no code of its own
      }
    });
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
   * Whether code in one source may run code of another in the same process: false only when the build shows they
   * never do (see the class comment).
   *
   * @param from the calling source's path, relative to the root
   * @param to the called source's path, relative to the root
   */
  public boolean mayRunTogether(String from, String to) {
    if (root == null) {
      return true;
    }
    Path fromModule = modules.computeIfAbsent(from, this::moduleOf);
    Path toModule = modules.computeIfAbsent(to, this::moduleOf);
    Set<Path> with = together.get(fromModule);
    return fromModule == NO_MODULE || toModule == NO_MODULE || with == null || with.contains(toModule);
  }

  /** Whether any two modules of the build never run together: else every answer is true. */
  public boolean separatesAny() {
    return together.values().stream().anyMatch(with -> !with.containsAll(folders));
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
