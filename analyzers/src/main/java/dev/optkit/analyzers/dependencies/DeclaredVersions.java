package dev.optkit.analyzers.dependencies;

import dev.optkit.analyzers.source.MavenPom;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.graph.Dependency;

/**
 * What a pom Maven cannot build still says: the dependencies it and its local parents declare
 * with a version (written, from a property, or managed locally), as {@link MavenPom} reads them.
 * Their own dependencies are resolved as usual; versions the missing parent or BOM would manage
 * are not known, and those dependencies are left out.
 */
final class DeclaredVersions {
  private DeclaredVersions() {}

  /** @param reactor the project's own modules, {@code group:artifact}: sources, not artifacts */
  static List<Dependency> of(Path pom, Set<String> reactor) {
    List<Dependency> dependencies = new ArrayList<>();
    for (MavenPom.Declared declared : MavenPom.read(pom).map(MavenPom::compileDeclared).orElse(List.of())) {
      if (declared.version() == null || reactor.contains(declared.groupId() + ":" + declared.artifactId())) {
        continue;
      }
      try {
        dependencies.add(new Dependency(
            new DefaultArtifact(declared.groupId(), declared.artifactId(), "", "jar", declared.version()), "compile"));
      } catch (IllegalArgumentException e) {
        // coordinates Maven would refuse
      }
    }
    return dependencies;
  }
}
