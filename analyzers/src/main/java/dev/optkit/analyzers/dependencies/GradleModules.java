package dev.optkit.analyzers.dependencies;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.DependencyManagement;
import org.apache.maven.model.Model;

/**
 * A Gradle build script's declarations as the pom Maven's model builder reads: its libraries as dependencies, its
 * platforms and BOMs imported in dependency management, so a versionless library takes the version its BOM manages,
 * as Gradle's platforms and Spring's dependency-management plugin give it.
 */
final class GradleModules {
  private GradleModules() {}

  /**
   * The project's build scripts, {@code build.gradle} and {@code build.gradle.kts} at most three folders down, outside
   * build output and {@code buildSrc} (the build's own code: its dependencies are Gradle plugins, not the project's).
   */
  static List<Path> scripts(Path root) {
    java.util.Set<Path> scripts = new java.util.TreeSet<>(files(root, name -> name.equals("build.gradle")
        || name.equals("build.gradle.kts")));
    // and those of the projects a settings script within that depth includes, however deep (a repository of nine
    // Gradle builds, each a settings script over app/, aws/, oci/: their scripts lie four folders down)
    for (Path settings : files(root, name -> name.equals("settings.gradle") || name.equals("settings.gradle.kts"))) {
      scripts.addAll(includedScripts(root, settings));
    }
    return scripts.stream().filter(script -> !root.relativize(script).startsWith("buildSrc")).toList();
  }

  /**
   * The build scripts of the projects a settings script includes ({@code include "app"} is {@code app/},
   * {@code include ":core:web"} is {@code core/web/}, beside the settings script), inside the project, reached by no
   * link; none when the script is not read.
   */
  private static List<Path> includedScripts(Path root, Path settings) {
    Path folder = settings.getParent();
    GradleScript.Reading reading = GradleScript.read(settings, root, Map.of());
    if (folder == null || reading.declared() == null) {
      return List.of();
    }
    List<Path> found = new ArrayList<>();
    for (String project : reading.declared().includedProjects()) {
      String relative = (project.startsWith(":") ? project.substring(1) : project).replace(':', '/');
      if (relative.isEmpty() || relative.contains("..")) {
        continue;
      }
      Path projectFolder = folder.resolve(relative).normalize();
      for (String name : List.of("build.gradle", "build.gradle.kts")) {
        Path script = projectFolder.resolve(name);
        try {
          if (script.startsWith(root) && Files.isRegularFile(script, java.nio.file.LinkOption.NOFOLLOW_LINKS)
              && script.toRealPath().startsWith(root.toRealPath())) {
            found.add(script);
          }
        } catch (IOException unreadable) {
          // a script that cannot be read is none
        }
      }
    }
    return found;
  }

  /** Every Gradle file ({@code *.gradle}, {@code *.gradle.kts}) as deep: what a resolution read may depend on. */
  static List<Path> gradleFiles(Path root) {
    return files(root, name -> name.endsWith(".gradle") || name.endsWith(".gradle.kts"));
  }

  /** Files of those names at most three folders down, none inside build output (build/, target/, .gradle/). */
  private static List<Path> files(Path root, java.util.function.Predicate<String> named) {
    try (Stream<Path> walk = Files.walk(root, 3)) {
      // a regular file: Gradle's own .gradle/ folder ends with the name too (it made every resolution unremembered)
      return walk.filter(p -> p.getFileName() != null && named.test(p.getFileName().toString())
              && Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
          .filter(p -> {
            Path relative = root.relativize(p);
            for (int i = 0; i < relative.getNameCount() - 1; i++) {
              if (OUTPUT.contains(relative.getName(i).toString())) {
                return false;
              }
            }
            return true;
          })
          .sorted().toList();
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  private static final java.util.Set<String> OUTPUT = java.util.Set.of("build", "target", ".gradle");

  /**
   * The {@code gradle.properties} of the project root and of the script's folder, the script's own winning; for a
   * script of a build rooted below the scanned folder, those of that build's root and of every folder down to the
   * script's.
   */
  static Map<String, String> properties(Path root, Path script) {
    Map<String, String> values = new java.util.HashMap<>(GradleScript.properties(root.resolve("gradle.properties")));
    Path folder = script.getParent();
    if (folder == null || folder.equals(root)) {
      return values;
    }
    // a build below the scanned folder (a settings script's folder above the script): its root's properties, then
    // those of each project from there down to the script's, as Gradle's projects inherit them
    List<Path> down = new ArrayList<>();
    Path buildRoot = null;
    for (Path up = folder; up != null && !up.equals(root) && up.startsWith(root) && buildRoot == null;
        up = up.getParent()) {
      down.add(0, up);
      if (Files.isRegularFile(up.resolve("settings.gradle")) || Files.isRegularFile(up.resolve("settings.gradle.kts"))) {
        buildRoot = up;
      }
    }
    for (Path each : buildRoot == null ? List.of(folder) : down) {
      values.putAll(GradleScript.properties(each.resolve("gradle.properties")));
    }
    return values;
  }

  /**
   * The raw pom of one script: its versioned libraries as dependencies, its BOMs (with those given from outside it:
   * a root script's for every subproject, the Spring Boot plugin's) imported. Versionless libraries are added once
   * the BOMs are applied ({@link #managed}), so one no BOM manages cannot fail the whole model.
   */
  static Model model(String artifactId, GradleScript.Declared declared, List<Coordinates> boms) {
    return model(artifactId, declared, boms, null);
  }

  /** @param rootScript the root script, whose shared repositories the script's dependencies come from too */
  static Model model(String artifactId, GradleScript.Declared declared, List<Coordinates> boms,
      GradleScript.Declared rootScript) {
    Model model = new Model();
    model.setModelVersion("4.0.0");
    model.setGroupId("optkit.gradle");
    model.setArtifactId(artifactId);
    model.setVersion("0");
    model.setPackaging("jar");
    for (GradleScript.Library library : declared.libraries()) {
      if (library.version() != null) {
        model.addDependency(dependency(library, library.version()));
      }
    }
    List<GradleScript.ScriptRepository> named = new ArrayList<>(declared.repositories());
    if (rootScript != null && rootScript != declared) {
      rootScript.repositories().stream().filter(GradleScript.ScriptRepository::shared).forEach(named::add);
    }
    for (String url : named.stream().map(GradleScript.ScriptRepository::url).distinct().toList()) {
      org.apache.maven.model.Repository repository = new org.apache.maven.model.Repository();
      // an id from the address: the same repository named by two scripts is one
      repository.setId("gradle-" + Integer.toHexString(url.hashCode()));
      repository.setUrl(url);
      model.addRepository(repository);
    }
    if (!boms.isEmpty()) {
      DependencyManagement management = new DependencyManagement();
      List<Dependency> imports = new ArrayList<>();
      for (Coordinates bom : boms) {
        Dependency imported = new Dependency();
        imported.setGroupId(bom.group());
        imported.setArtifactId(bom.artifact());
        imported.setVersion(bom.version());
        imported.setType("pom");
        imported.setScope("import");
        imports.add(imported);
      }
      management.setDependencies(imports);
      model.setDependencyManagement(management);
    }
    return model;
  }

  /**
   * The script's versionless libraries given the versions the effective model's dependency management holds for
   * them, added to its dependencies; the count of those it holds none for.
   */
  static int managed(Model effective, GradleScript.Declared declared) {
    Map<String, String> versions = new java.util.HashMap<>();
    if (effective.getDependencyManagement() != null) {
      for (Dependency managed : effective.getDependencyManagement().getDependencies()) {
        versions.putIfAbsent(managed.getGroupId() + ":" + managed.getArtifactId(), managed.getVersion());
      }
    }
    int unmanaged = 0;
    for (GradleScript.Library library : declared.libraries()) {
      if (library.version() != null) {
        continue;
      }
      String version = versions.get(library.group() + ":" + library.artifact());
      if (version == null) {
        unmanaged++;
      } else {
        effective.addDependency(dependency(library, version));
      }
    }
    return unmanaged;
  }

  private static Dependency dependency(GradleScript.Library library, String version) {
    Dependency dependency = new Dependency();
    dependency.setGroupId(library.group());
    dependency.setArtifactId(library.artifact());
    dependency.setVersion(version);
    dependency.setClassifier(library.classifier());
    dependency.setType(library.extension());
    dependency.setScope(library.test() ? "test" : "compile");
    return dependency;
  }

  /**
   * The BOMs a script's versions come from: its own (catalog entries it takes as platforms included), its root
   * script's {@code allprojects}/{@code subprojects} ones,
   * and the Spring Boot plugin's, at the version the script, a catalog alias it applies, or (when it applies the
   * plugin without one) its root script gives.
   */
  static List<Coordinates> boms(Path root, GradleScript.Declared declared, GradleScript.Declared rootScript) {
    return boms(root, declared, rootScript, Map.of());
  }

  /** Micronaut's Gradle plugins, which import the Micronaut platform at the build's {@code micronautVersion}. */
  private static final java.util.Set<String> MICRONAUT_PLUGINS = java.util.Set.of("io.micronaut.application",
      "io.micronaut.library", "io.micronaut.minimal.application", "io.micronaut.minimal.library");

  /**
   * As {@link #boms(Path, GradleScript.Declared, GradleScript.Declared)}, and the Micronaut platform a Micronaut
   * plugin the script applies imports, at the {@code micronautVersion} its properties give: {@code
   * io.micronaut.platform:micronaut-platform} from 4.0, {@code io.micronaut:micronaut-bom} before.
   */
  static List<Coordinates> boms(Path root, GradleScript.Declared declared, GradleScript.Declared rootScript,
      Map<String, String> properties) {
    List<Coordinates> boms = new ArrayList<>(declared.boms());
    List<String> aliases = new ArrayList<>(declared.bomAliases());
    if (rootScript != null && rootScript != declared) {
      rootScript.sharedBoms().stream().filter(bom -> !boms.contains(bom)).forEach(boms::add);
      aliases.addAll(rootScript.sharedBomAliases());
    }
    // platform(libs.spring.cloud.bom): the catalog's library entry, at the version it gives
    aliases.stream().distinct().map(alias -> GradleCatalog.library(root, alias)).flatMap(java.util.Optional::stream)
        .filter(bom -> !boms.contains(bom)).forEach(boms::add);
    String boot = declared.bootVersion();
    for (String alias : declared.pluginAliases()) {
      if (boot == null) {
        boot = GradleCatalog.pluginVersion(root, alias, "org.springframework.boot").orElse(null);
      }
    }
    // applied by the script, or by its root's subprojects { apply plugin: 'org.springframework.boot' }
    if (boot == null && rootScript != null && rootScript != declared && (declared.appliesBoot()
        || rootScript.sharedPlugins().contains(GradleDeclarations.BOOT_PLUGIN))) {
      boot = rootScript.bootVersion();
    }
    if (boot != null) {
      boms.add(new Coordinates("org.springframework.boot", "spring-boot-dependencies", boot));
    }
    String micronaut = properties.get("micronautVersion");
    if (micronaut != null && !micronaut.isBlank() && declared.plugins().stream().anyMatch(MICRONAUT_PLUGINS::contains)) {
      String version = micronaut.strip();
      int major = version.chars().takeWhile(Character::isDigit).reduce(0, (n, digit) -> n * 10 + digit - '0');
      boms.add(major >= 4 ? new Coordinates("io.micronaut.platform", "micronaut-platform", version)
          : new Coordinates("io.micronaut", "micronaut-bom", version));
    }
    return boms;
  }
}
