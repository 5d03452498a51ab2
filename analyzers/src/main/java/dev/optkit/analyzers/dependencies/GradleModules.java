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

  /** The project's Groovy build scripts, {@code build.gradle} at most three folders down, outside build output. */
  static List<Path> scripts(Path root) {
    return named(root, "build.gradle");
  }

  /** Its Kotlin build scripts, which optkit does not read. */
  static List<Path> kotlinScripts(Path root) {
    return named(root, "build.gradle.kts");
  }

  private static List<Path> named(Path root, String name) {
    try (Stream<Path> walk = Files.walk(root, 3)) {
      return walk.filter(p -> p.getFileName() != null && p.getFileName().toString().equals(name))
          .filter(p -> {
            String relative = root.relativize(p).toString().replace('\\', '/');
            return !relative.startsWith("build/") && !relative.contains("/build/") && !relative.contains("/target/")
                && !relative.startsWith("target/") && !relative.contains(".gradle/");
          })
          .sorted().toList();
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  /** The {@code gradle.properties} of the project root and of the script's folder, the script's own winning. */
  static Map<String, String> properties(Path root, Path script) {
    Map<String, String> values = new java.util.HashMap<>(GradleScript.properties(root.resolve("gradle.properties")));
    Path folder = script.getParent();
    if (folder != null && !folder.equals(root)) {
      values.putAll(GradleScript.properties(folder.resolve("gradle.properties")));
    }
    return values;
  }

  /** The raw pom of one script: versionless libraries only where a BOM may manage them. */
  static Model model(String artifactId, GradleScript.Declared declared) {
    Model model = new Model();
    model.setModelVersion("4.0.0");
    model.setGroupId("optkit.gradle");
    model.setArtifactId(artifactId);
    model.setVersion("0");
    model.setPackaging("jar");
    for (GradleScript.Library library : declared.libraries()) {
      if (library.version() == null && declared.boms().isEmpty()) {
        continue; // nothing manages it: Gradle itself would not resolve it
      }
      Dependency dependency = new Dependency();
      dependency.setGroupId(library.group());
      dependency.setArtifactId(library.artifact());
      dependency.setVersion(library.version());
      dependency.setClassifier(library.classifier());
      dependency.setType(library.extension());
      dependency.setScope(library.test() ? "test" : "compile");
      model.addDependency(dependency);
    }
    if (!declared.boms().isEmpty()) {
      DependencyManagement management = new DependencyManagement();
      List<Dependency> imports = new ArrayList<>();
      for (Coordinates bom : declared.boms()) {
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
}
