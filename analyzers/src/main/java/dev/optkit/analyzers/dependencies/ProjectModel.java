package dev.optkit.analyzers.dependencies;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.maven.model.Model;
import org.apache.maven.model.building.DefaultModelBuilderFactory;
import org.apache.maven.model.building.DefaultModelBuildingRequest;
import org.apache.maven.model.building.ModelBuildingException;
import org.apache.maven.model.building.ModelBuildingRequest;
import org.apache.maven.model.building.ModelProblem;
import org.apache.maven.model.building.ModelSource2;
import org.apache.maven.model.resolution.ModelResolver;

/**
 * A module's effective pom as Maven computes it — parents (local or from a repository), imported
 * BOMs, properties and dependency management applied — without running Maven. Local parents are
 * read only inside the scanned project: a relativePath that leaves it, or a link, is not followed
 * and the parent comes from a repository instead.
 */
final class ProjectModel {
  /** A pom larger than this is not a pom optkit reads. */
  private static final long MAX_POM_BYTES = 4L << 20;

  private ProjectModel() {}

  /** The effective model; throws with Maven's own messages when it cannot be built. */
  static Model effective(Path pom, Path projectRoot, ModelResolver resolver) throws ModelBuildingException, IOException {
    Path root = projectRoot.toRealPath();
    ModelSource2 source = Scoped.of(pom.toAbsolutePath().normalize(), root);
    if (source == null) {
      throw new IOException("not a pom inside the project: " + pom);
    }
    Properties system = machine();
    // the pom's place is ${basedir} and ${project.basedir}, as Maven gives them (a systemPath under the project);
    // the content still comes from the source read above, and relatives through its getRelatedSource
    DefaultModelBuildingRequest request = new DefaultModelBuildingRequest()
        .setModelSource(source)
        .setPomFile(((Scoped) source).file().toFile())
        .setValidationLevel(ModelBuildingRequest.VALIDATION_LEVEL_MINIMAL)
        .setProcessPlugins(false)
        .setTwoPhaseBuilding(false)
        .setSystemProperties(system)
        .setModelResolver(resolver);
    return new DefaultModelBuilderFactory().newInstance().build(request).getEffectiveModel();
  }

  /** The effective model of a pom made in memory (a Gradle script's): no parent, its BOMs from repositories. */
  static Model effective(Model raw, ModelResolver resolver) throws ModelBuildingException {
    DefaultModelBuildingRequest request = new DefaultModelBuildingRequest();
    request.setRawModel(raw);
    request.setValidationLevel(ModelBuildingRequest.VALIDATION_LEVEL_MINIMAL)
        .setProcessPlugins(false)
        .setTwoPhaseBuilding(false)
        .setSystemProperties(machine())
        .setModelResolver(resolver);
    return new DefaultModelBuilderFactory().newInstance().build(request).getEffectiveModel();
  }

  /** Profiles activated by the JDK or the OS see this machine's, as Maven would; nothing else of the environment. */
  private static Properties machine() {
    Properties system = new Properties();
    for (String key : new String[] {"java.version", "java.home", "os.name", "os.arch", "os.version"}) {
      system.setProperty(key, System.getProperty(key, ""));
    }
    return system;
  }

  /** The first error of a failed build, as Maven words it. */
  static String firstError(ModelBuildingException e) {
    return e.getProblems().stream()
        .filter(p -> p.getSeverity() != ModelProblem.Severity.WARNING)
        .map(ModelProblem::getMessage)
        .findFirst().orElse(e.getMessage());
  }

  /** A pom file inside the project, read once into memory; its relatives resolved inside the project too. */
  private record Scoped(Path file, Path root, byte[] content) implements ModelSource2 {
    static Scoped of(Path file, Path root) {
      try {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_POM_BYTES) {
          return null;
        }
        Path real = file.toRealPath();
        if (!real.startsWith(root)) {
          return null;
        }
        return new Scoped(real, root, Files.readAllBytes(real));
      } catch (IOException | SecurityException e) {
        return null;
      }
    }

    @Override
    public InputStream getInputStream() {
      return new ByteArrayInputStream(content);
    }

    @Override
    public String getLocation() {
      return file.toString();
    }

    @Override
    public URI getLocationURI() {
      return file.toUri();
    }

    @Override
    public ModelSource2 getRelatedSource(String relative) {
      Path related;
      try {
        related = file.getParent().resolve(relative.replace('\\', '/')).normalize();
      } catch (java.nio.file.InvalidPathException e) {
        return null;
      }
      if (!related.startsWith(root)) {
        return null;
      }
      if (Files.isDirectory(related, LinkOption.NOFOLLOW_LINKS)) {
        related = related.resolve("pom.xml");
      }
      return of(related, root);
    }
  }
}
