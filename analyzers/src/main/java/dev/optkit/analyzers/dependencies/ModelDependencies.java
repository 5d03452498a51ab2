package dev.optkit.analyzers.dependencies;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.maven.model.Model;
import org.eclipse.aether.artifact.ArtifactType;
import org.eclipse.aether.artifact.ArtifactTypeRegistry;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.artifact.DefaultArtifactType;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.Exclusion;

/**
 * An effective pom's dependencies as the resolver's, as Maven's own build would hand them over:
 * the type's extension and classifier from Maven's type registry, scope, optional flag and
 * exclusions kept. Left out: the project's own modules (they are sources in the scan), the
 * {@code system} scope (a path anywhere on the machine), tests' unless the scan includes tests,
 * and a dependency whose version is still a placeholder.
 */
final class ModelDependencies {
  private final ArtifactTypeRegistry types;
  private final boolean includeTests;
  private final Set<String> reactor;

  ModelDependencies(ArtifactTypeRegistry types, boolean includeTests, Set<String> reactor) {
    this.types = types;
    this.includeTests = includeTests;
    this.reactor = reactor;
  }

  List<Dependency> dependencies(Model model) {
    List<Dependency> dependencies = new ArrayList<>();
    for (org.apache.maven.model.Dependency declared : model.getDependencies()) {
      String scope = declared.getScope() == null ? "compile" : declared.getScope();
      if (scope.equals("system") || scope.equals("import") || (scope.equals("test") && !includeTests)
          || reactor.contains(declared.getGroupId() + ":" + declared.getArtifactId())) {
        continue;
      }
      Dependency dependency = convert(declared);
      if (dependency != null) {
        dependencies.add(dependency);
      }
    }
    return dependencies;
  }

  List<Dependency> managed(Model model) {
    List<Dependency> managed = new ArrayList<>();
    if (model.getDependencyManagement() != null) {
      for (org.apache.maven.model.Dependency declared : model.getDependencyManagement().getDependencies()) {
        if (!"system".equals(declared.getScope())) {
          Dependency dependency = convert(declared);
          if (dependency != null) {
            managed.add(dependency);
          }
        }
      }
    }
    return managed;
  }

  private Dependency convert(org.apache.maven.model.Dependency declared) {
    String version = declared.getVersion();
    if (declared.getGroupId() == null || declared.getArtifactId() == null || version == null || version.contains("${")) {
      return null;
    }
    ArtifactType type = types.get(declared.getType());
    if (type == null) {
      type = new DefaultArtifactType(declared.getType());
    }
    String classifier = declared.getClassifier() == null || declared.getClassifier().isEmpty()
        ? type.getClassifier() : declared.getClassifier();
    try {
      DefaultArtifact artifact = new DefaultArtifact(declared.getGroupId(), declared.getArtifactId(), classifier,
          type.getExtension(), version, type);
      List<Exclusion> exclusions = declared.getExclusions().stream()
          .map(e -> new Exclusion(e.getGroupId(), e.getArtifactId(), "*", "*")).toList();
      return new Dependency(artifact, declared.getScope() == null ? "compile" : declared.getScope(),
          declared.isOptional(), exclusions);
    } catch (IllegalArgumentException e) {
      return null; // coordinates Maven itself would refuse
    }
  }
}
