package dev.optkit.analyzers.dependencies;

import dev.optkit.analyzers.facts.ParseProblem;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Gradle build's convention plugins: the precompiled script plugins of {@code buildSrc} and of the builds its settings
 * script includes ({@code includeBuild("build-logic")}, in {@code pluginManagement} or not), sub-projects of those
 * builds included: {@code src/main/groovy/NAME.gradle} and {@code src/main/kotlin/NAME.gradle.kts}, whose plugin id is
 * NAME after the names of the package folders it is in ({@code src/main/kotlin/my/java-conventions.gradle.kts} is
 * {@code my.java-conventions}). A script that applies one by id ({@code id 'x'}, {@code `x`}, {@code apply plugin:
 * 'x'}, or its root's {@code subprojects { }} applying it) declares what the plugin declares, and what the plugins the
 * plugin applies in turn declare, at most {@value #MAX_DEPTH} deep and each once (a cycle ends where it closes).
 *
 * <p>The plugin builds' own dependencies are Gradle plugins ({@code spring-boot-gradle-plugin}), not the application's:
 * their scripts are no modules, and only the Spring Boot plugin's version is taken from them, for the BOM of a script
 * that applies the Boot plugin without one (the version is the plugin build's class path's). Every file is read as a
 * build script is ({@link GradleScript#read}: parsed, never run, at most 1 MB, no link), a plugin build's tree is walked
 * without following a link and at most {@value #MAX_ENTRIES} entries, and a plugin script that is not read is a warning
 * naming it, once; the rest goes on.
 */
final class GradleConventionPlugins {
  static final int MAX_DEPTH = 8;
  static final int MAX_ENTRIES = 5000;
  /** Folders of build output and tools, never of a plugin's sources. */
  private static final Set<String> SKIPPED = Set.of("build", "target", ".gradle", ".git", "node_modules", "out");
  /** Plugins a build applies to build plugins: an included build applying one is build logic, not the application. */
  private static final Set<String> PLUGIN_BUILDS = Set.of("kotlin-dsl", "groovy-gradle-plugin", "java-gradle-plugin",
      "org.gradle.kotlin.kotlin-dsl");
  private static final List<String> SETTINGS = List.of("settings.gradle", "settings.gradle.kts");
  private static final Set<String> BUILD_SCRIPTS = Set.of("build.gradle", "build.gradle.kts", "settings.gradle",
      "settings.gradle.kts");

  private final Path root;
  /** The plugin builds: {@code buildSrc} first, then the included ones as the settings script names them. */
  private final List<Path> builds = new ArrayList<>();
  /** Plugin id to its script; on a clash, the first build's (then the first by path). */
  private final Map<String, Path> scripts = new TreeMap<>();
  private final Map<Path, Path> buildOf = new HashMap<>();
  /** The plugin builds' own scripts and their precompiled plugins: what a resolution read depends on. */
  private final Set<Path> inputs = new LinkedHashSet<>();
  /** A plugin build's own scripts, read for its Boot plugin version only when a script applies Boot. */
  private final Map<Path, List<Path>> ownScripts = new HashMap<>();
  /** A plugin build's {@code spring-boot-gradle-plugin} version, once read (empty: none declared). */
  private final Map<Path, Optional<String>> bootVersions = new HashMap<>();
  private final List<ParseProblem> problems = new ArrayList<>();
  private final Map<List<Object>, GradleScript.Reading> readings = new HashMap<>();
  private final Set<Path> warned = new HashSet<>();

  private GradleConventionPlugins(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** The project's convention plugins; none when it has no {@code buildSrc} and its settings include no build. */
  static GradleConventionPlugins of(Path root) {
    GradleConventionPlugins plugins = new GradleConventionPlugins(root);
    List<Path> candidates = new ArrayList<>();
    candidates.add(plugins.root.resolve("buildSrc"));
    candidates.addAll(plugins.includedBuilds());
    for (Path candidate : candidates.stream().distinct().toList()) {
      plugins.readBuild(candidate, candidate.equals(plugins.root.resolve("buildSrc")));
    }
    return plugins;
  }

  /** Build scripts of the plugin builds (not modules of the application) and the plugins' scripts, by path. */
  List<Path> inputs() {
    return inputs.stream().sorted().toList();
  }

  /** A script of a plugin build: its dependencies are Gradle plugins, not the application's. */
  boolean isBuildLogic(Path script) {
    Path normalized = script.toAbsolutePath().normalize();
    return builds.stream().anyMatch(normalized::startsWith);
  }

  /** Why a settings script naming included builds was not read; said once per resolution. */
  List<ParseProblem> problems() {
    return List.copyOf(problems);
  }

  /** The plugin ids the project's plugin builds define, with their scripts. */
  Map<String, Path> scripts() {
    return Map.copyOf(scripts);
  }

  /**
   * The script's declarations with those of the convention plugins it applies (its root's {@code subprojects} ones
   * too) and that they apply in turn, in the order applied; and the Spring Boot plugin's version from a plugin build
   * when the script or a plugin applies it without one. The script's own when it applies none.
   *
   * @param properties what the script's reads give ({@code gradle.properties}, its root's strings): a plugin applied
   *     to a project reads that project's properties
   */
  GradleScript.Declared applied(Path script, GradleScript.Declared declared, GradleScript.Declared rootScript,
      Map<String, String> properties, List<ParseProblem> warnings) {
    if (builds.isEmpty()) {
      return declared;
    }
    List<String> ids = new ArrayList<>(declared.plugins());
    if (rootScript != null && rootScript != declared && !isRootScript(script)) {
      ids.addAll(rootScript.sharedPlugins());
    }
    Map<Path, GradleScript.Declared> applied = new LinkedHashMap<>();
    expand(ids, 1, properties, applied, warnings);
    applied.values().removeIf(java.util.Objects::isNull); // not read: warned, nothing to add
    boolean appliesBoot = declared.appliesBoot()
        || applied.values().stream().anyMatch(GradleScript.Declared::appliesBoot);
    String boot = declared.bootVersion();
    for (GradleScript.Declared plugin : applied.values()) {
      boot = boot != null ? boot : plugin.bootVersion();
    }
    if (boot == null && appliesBoot) {
      // the Boot plugin is on the class path of the plugin builds whose plugins it applies; buildSrc's is every script's
      List<Path> from = new ArrayList<>();
      applied.keySet().forEach(plugin -> from.add(buildOf.get(plugin)));
      from.add(root.resolve("buildSrc"));
      boot = from.stream().filter(java.util.Objects::nonNull).distinct().map(this::bootVersion)
          .flatMap(Optional::stream).findFirst().orElse(null);
    }
    if (applied.isEmpty() && java.util.Objects.equals(boot, declared.bootVersion())) {
      return declared;
    }
    return merged(declared, applied.values(), boot, appliesBoot);
  }

  private boolean isRootScript(Path script) {
    Path parent = script.toAbsolutePath().normalize().getParent();
    return root.equals(parent);
  }

  /** The plugins the ids name, depth first in the order applied; each plugin once, so a cycle ends where it closes. */
  private void expand(List<String> ids, int depth, Map<String, String> properties,
      Map<Path, GradleScript.Declared> applied, List<ParseProblem> warnings) {
    if (depth > MAX_DEPTH) {
      // deeper than any build writes: what lies past it is not read
      return;
    }
    for (String id : ids) {
      Path script = scripts.get(id);
      if (script == null || applied.containsKey(script)) {
        continue; // a core or binary plugin (java, org.springframework.boot), or one already applied
      }
      Optional<GradleScript.Declared> plugin = read(script, properties, warnings);
      applied.put(script, plugin.orElse(null));
      plugin.ifPresent(p -> expand(p.plugins(), depth + 1, properties, applied, warnings));
    }
  }

  private Optional<GradleScript.Declared> read(Path script, Map<String, String> properties,
      List<ParseProblem> warnings) {
    GradleScript.Reading reading = readings.computeIfAbsent(List.of(script, Map.copyOf(properties)),
        key -> GradleScript.read(script, root, properties));
    String where = DependencyResolver.shown(root, script);
    if (reading.declared() == null) {
      if (warned.add(script)) {
        warnings.add(new ParseProblem(where, 0, 0, reading.problem() + ": the dependencies this convention plugin "
            + "declares are not resolved for the scripts that apply it"));
      }
      return Optional.empty();
    }
    if (reading.declared().unread() > 0 && warned.add(script)) {
      warnings.add(new ParseProblem(where, 0, 0, DependencyResolver.unreadWarning(reading.declared().unread())));
    }
    return Optional.of(reading.declared());
  }

  /** The script's declarations and the plugins', each once; the script's own strings and shared ones only. */
  private static GradleScript.Declared merged(GradleScript.Declared declared,
      java.util.Collection<GradleScript.Declared> plugins, String boot, boolean appliesBoot) {
    Set<GradleScript.Library> libraries = new LinkedHashSet<>(declared.libraries());
    Set<Coordinates> boms = new LinkedHashSet<>(declared.boms());
    Set<String> pluginAliases = new LinkedHashSet<>(declared.pluginAliases());
    Set<String> bomAliases = new LinkedHashSet<>(declared.bomAliases());
    Set<GradleScript.ScriptRepository> repositories = new LinkedHashSet<>(declared.repositories());
    for (GradleScript.Declared plugin : plugins) {
      libraries.addAll(plugin.libraries());
      boms.addAll(plugin.boms());
      pluginAliases.addAll(plugin.pluginAliases());
      bomAliases.addAll(plugin.bomAliases());
      plugin.repositories().forEach(r -> repositories.add(new GradleScript.ScriptRepository(r.url(), false)));
    }
    return new GradleScript.Declared(List.copyOf(libraries), List.copyOf(boms), declared.unread(), declared.strings(),
        declared.sharedBoms(), boot, appliesBoot, List.copyOf(pluginAliases), List.copyOf(bomAliases),
        declared.sharedBomAliases(), List.copyOf(repositories), declared.plugins(), declared.sharedPlugins(),
        declared.includedBuilds(), declared.includedProjects());
  }

  /**
   * The folders the root settings script includes as builds ({@code includeBuild("build-logic")}), inside the project
   * (no link followed out of it), in its order. A settings script naming some that is not read is a problem.
   */
  private List<Path> includedBuilds() {
    List<Path> included = new ArrayList<>();
    for (String name : SETTINGS) {
      Path settings = root.resolve(name);
      if (!mentions(settings, "includeBuild")) {
        continue; // none, or a link or over 1 MB, as GradleScript reads: a script naming no build is not parsed
      }
      GradleScript.Reading reading = GradleScript.read(settings, root, Map.of());
      if (reading.declared() == null) {
        problems.add(new ParseProblem(name, 0, 0, reading.problem() + ": the builds it includes are not read, so "
            + "the convention plugins they hold are not applied"));
        continue;
      }
      for (String build : reading.declared().includedBuilds()) {
        folder(build).filter(folder -> !included.contains(folder)).ifPresent(included::add);
      }
    }
    return included;
  }

  /** The folder a settings script names, when it is one inside the project, reached by no link. */
  private Optional<Path> folder(String written) {
    try {
      if (written.contains(":")) {
        return Optional.empty(); // a URL or a drive: not the project's
      }
      Path folder = root.resolve(written).normalize();
      if (!folder.startsWith(root) || folder.equals(root) || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
          || !folder.toRealPath().startsWith(root.toRealPath())) {
        return Optional.empty();
      }
      return Optional.of(folder);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static boolean mentions(Path file, String word) {
    try {
      return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) <= GradleScript.MAX_BYTES
          && Files.readString(file).contains(word);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * A build's precompiled plugins and scripts: it is a plugin build when it is {@code buildSrc}, holds precompiled
   * plugins, or applies a plugin that builds plugins ({@code kotlin-dsl}, {@code java-gradle-plugin}); an included
   * build that is none of these (a library built with the application) is left as it was.
   */
  private void readBuild(Path build, boolean buildSrc) {
    if (!Files.isDirectory(build, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    List<Path> precompiled = new ArrayList<>();
    List<Path> scriptsOfBuild = new ArrayList<>();
    walk(build, precompiled, scriptsOfBuild);
    // parsed only when the walk does not tell: a warm run, whose resolution is remembered, parses none of them
    if (!buildSrc && precompiled.isEmpty() && scriptsOfBuild.stream().map(script -> reading(build, script))
        .noneMatch(declared -> declared.isPresent() && declared.get().plugins().stream().anyMatch(PLUGIN_BUILDS::contains))) {
      return;
    }
    builds.add(build);
    ownScripts.put(build, scriptsOfBuild);
    inputs.addAll(scriptsOfBuild);
    for (Path script : precompiled) {
      inputs.add(script);
      buildOf.put(script, build);
      id(build.relativize(script)).ifPresent(id -> scripts.putIfAbsent(id, script));
    }
  }

  /** The {@code spring-boot-gradle-plugin} version the build's own scripts declare, the first by path. */
  private Optional<String> bootVersion(Path build) {
    return bootVersions.computeIfAbsent(build, b -> ownScripts.getOrDefault(b, List.of()).stream()
        .map(script -> reading(b, script)).flatMap(Optional::stream)
        .flatMap(declared -> declared.libraries().stream())
        .filter(library -> library.group().equals(GradleDeclarations.BOOT_PLUGIN)
            && library.artifact().equals("spring-boot-gradle-plugin") && library.version() != null)
        .map(GradleScript.Library::version).findFirst());
  }

  /** A plugin build's own script, read; empty when not (no warning: what it declares is not the application's). */
  private Optional<GradleScript.Declared> reading(Path build, Path script) {
    return Optional.ofNullable(readings.computeIfAbsent(List.of(script, build),
        key -> GradleScript.read(script, root, GradleModules.properties(build, script))).declared());
  }

  /**
   * The plugin id of a precompiled script, from its path in its build: {@code [sub/]src/main/kotlin/my/x.gradle.kts}
   * is {@code my.x}, {@code src/main/groovy/x.gradle} is {@code x}; empty for a settings or init plugin
   * ({@code x.settings.gradle.kts}) or a file elsewhere.
   */
  static Optional<String> id(Path relative) {
    for (int i = 0; i + 3 < relative.getNameCount(); i++) {
      String language = relative.getName(i + 2).toString();
      if (!relative.getName(i).toString().equals("src") || !relative.getName(i + 1).toString().equals("main")
          || !(language.equals("groovy") || language.equals("kotlin"))) {
        continue;
      }
      String file = relative.getFileName().toString();
      String suffix = language.equals("kotlin") ? ".gradle.kts" : ".gradle";
      if (!file.endsWith(suffix) || file.length() == suffix.length()) {
        return Optional.empty();
      }
      String name = file.substring(0, file.length() - suffix.length());
      if (name.endsWith(".settings") || name.endsWith(".init") || name.equals("settings") || name.equals("init")) {
        return Optional.empty();
      }
      StringBuilder id = new StringBuilder();
      for (int j = i + 3; j < relative.getNameCount() - 1; j++) {
        id.append(relative.getName(j)).append('.');
      }
      return Optional.of(id.append(name).toString());
    }
    return Optional.empty();
  }

  /**
   * The build's files that matter: precompiled plugins (under {@code src/main/groovy} or {@code src/main/kotlin}) and
   * its own build and settings scripts (its sub-projects' too), walked without following a link, build output
   * skipped, at most {@value #MAX_ENTRIES} entries; each list by path.
   */
  private static void walk(Path build, List<Path> precompiled, List<Path> ownScripts) {
    int[] seen = {0};
    try {
      Files.walkFileTree(build, EnumSet.noneOf(FileVisitOption.class), 16, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
          if (++seen[0] > MAX_ENTRIES) {
            return FileVisitResult.TERMINATE;
          }
          return !dir.equals(build) && dir.getFileName() != null && SKIPPED.contains(dir.getFileName().toString())
              ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          if (++seen[0] > MAX_ENTRIES) {
            return FileVisitResult.TERMINATE;
          }
          if (!attributes.isRegularFile()) {
            return FileVisitResult.CONTINUE; // a link, never followed
          }
          Path relative = build.relativize(file);
          if (id(relative).isPresent()) {
            precompiled.add(file);
          } else if (BUILD_SCRIPTS.contains(file.getFileName().toString()) && !inSources(relative)) {
            ownScripts.add(file);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException | RuntimeException e) {
      // what was walked is used
    }
    precompiled.sort(null);
    ownScripts.sort(null);
  }

  private static boolean inSources(Path relative) {
    for (int i = 0; i < relative.getNameCount() - 1; i++) {
      if (relative.getName(i).toString().equals("src")) {
        return true;
      }
    }
    return false;
  }
}
