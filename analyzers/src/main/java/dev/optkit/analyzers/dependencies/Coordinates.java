package dev.optkit.analyzers.dependencies;

import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.graph.Dependency;

/** A library declared as {@code group:artifact:version}, outside a pom (a Gradle version catalog). */
public record Coordinates(String group, String artifact, String version) {

  Dependency dependency() {
    return new Dependency(new DefaultArtifact(group, artifact, "", "jar", version), "compile");
  }

  @Override
  public String toString() {
    return group + ":" + artifact + ":" + version;
  }
}
