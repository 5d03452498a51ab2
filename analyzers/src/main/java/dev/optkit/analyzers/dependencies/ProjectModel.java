package dev.optkit.analyzers.dependencies;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.model.Model;
import org.apache.maven.model.building.DefaultModelBuilderFactory;
import org.apache.maven.model.building.DefaultModelBuildingRequest;
import org.apache.maven.model.building.ModelBuildingException;
import org.apache.maven.model.building.ModelBuildingRequest;
import org.apache.maven.model.building.ModelProblem;
import org.apache.maven.model.building.ModelSource2;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.apache.maven.model.resolution.ModelResolver;
import org.apache.maven.model.resolution.UnresolvableModelException;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;

/**
 * A module's effective pom as Maven computes it — parents (local or from a repository), imported
 * BOMs, properties and dependency management applied — without running Maven. Local parents are
 * read inside the scanned project, and above it only as far as the git work tree that holds it
 * ({@link #parentBoundary}), there only files named {@code pom.xml}: a module scanned alone in a
 * clone ({@code assess samples/plain-java-service}) has the parents Maven would read. A relativePath
 * that leaves that, or a link, is not followed and the parent comes from a repository instead; when
 * none has it, the warning says that the local one was not read, not Maven's "points at wrong local POM".
 */
final class ProjectModel {
  /** A pom larger than this is not a pom optkit reads. */
  private static final long MAX_POM_BYTES = 4L << 20;
  /** Maven has no limit; a chain of local parents longer than this is not a project's. */
  private static final int MAX_PARENTS = 16;

  private ProjectModel() {}

  /** Why a pom's effective model cannot be built, in one message that is true of this run. */
  static final class NotBuilt extends Exception {
    private static final long serialVersionUID = 1L;

    NotBuilt(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * The folder a project's local parents may be read from: the top of the git work tree holding the project (a folder
   * with {@code .git}, a worktree's file included), else the project itself. Both at their real paths.
   */
  static Path parentBoundary(Path projectRoot) throws IOException {
    Path root = projectRoot.toRealPath();
    for (Path at = root; at != null; at = at.getParent()) {
      if (Files.exists(at.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
        return at;
      }
    }
    return root;
  }

  /**
   * The local parents of {@code pom} that lie outside the project (inside its {@link #parentBoundary}), nearest
   * first: inputs of a resolution as much as the project's own poms.
   */
  static List<Path> parentsOutside(Path pom, Path projectRoot) {
    List<Path> parents = new ArrayList<>();
    try {
      Path root = projectRoot.toRealPath();
      Scoped current = Scoped.of(pom.toAbsolutePath().normalize(), root, parentBoundary(root), new ArrayList<>());
      for (int depth = 0; current != null && depth < MAX_PARENTS; depth++) {
        org.apache.maven.model.Parent parent = new MavenXpp3Reader()
            .read(current.getInputStream(), false).getParent();
        if (parent == null || parent.getRelativePath() == null || parent.getRelativePath().isBlank()) {
          break;
        }
        current = (Scoped) current.getRelatedSource(parent.getRelativePath());
        if (current != null && !current.file().startsWith(root)) {
          // named as the project is (a relative root gives relative parents), so the two relativize
          Path named = projectRoot.resolve(root.relativize(current.file()).toString()).normalize();
          if (parents.contains(named)) {
            break;
          }
          parents.add(named);
        }
      }
    } catch (IOException | XmlPullParserException | RuntimeException e) {
      // what cannot be read is no input: Maven's build of the pom says what is wrong with it
    }
    return parents;
  }

  /** The effective model; throws with Maven's own messages when it cannot be built, or ours where Maven's is untrue. */
  static Model effective(Path pom, Path projectRoot, ModelResolver resolver) throws NotBuilt, IOException {
    Path root = projectRoot.toRealPath();
    List<String> notRead = new ArrayList<>();
    Scoped source = Scoped.of(pom.toAbsolutePath().normalize(), root, parentBoundary(root), notRead);
    if (source == null || !source.file().startsWith(root)) {
      throw new IOException("not a pom inside the project: " + pom);
    }
    Properties system = machine();
    // the pom's place is ${basedir} and ${project.basedir}, as Maven gives them (a systemPath under the project);
    // the content still comes from the source read above, and relatives through its getRelatedSource
    DefaultModelBuildingRequest request = new DefaultModelBuildingRequest()
        .setModelSource(source)
        .setPomFile(source.file().toFile())
        .setValidationLevel(ModelBuildingRequest.VALIDATION_LEVEL_MINIMAL)
        .setProcessPlugins(false)
        .setTwoPhaseBuilding(false)
        .setSystemProperties(system)
        .setModelResolver(resolver);
    try {
      return new DefaultModelBuilderFactory().newInstance().build(request).getEffectiveModel();
    } catch (ModelBuildingException e) {
      throw new NotBuilt(whyNotBuilt(e, notRead, root), e);
    }
  }

  /**
   * Maven's first error, unless it is a parent no repository has whose relativePath was not read here: Maven then
   * says the relativePath "points at wrong local POM", which is not so (it was not looked at).
   */
  private static String whyNotBuilt(ModelBuildingException e, List<String> notRead, Path root) {
    if (!notRead.isEmpty()) {
      for (ModelProblem problem : e.getProblems()) {
        if (problem.getSeverity() != ModelProblem.Severity.WARNING
            && problem.getException() instanceof UnresolvableModelException missing) {
          return "its parent " + missing.getGroupId() + ":" + missing.getArtifactId() + ":" + missing.getVersion()
              + " is in no repository, and its relativePath " + notRead.get(0) + " is not read: it is outside "
              + "the scanned folder" + (boundaryOf(root).equals(root) ? "" : " and the git work tree holding it")
              + " (assess the folder that holds the parent, or install the parent)";
        }
      }
    }
    return firstError(e);
  }

  private static Path boundaryOf(Path root) {
    try {
      return parentBoundary(root);
    } catch (IOException e) {
      return root;
    }
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

  /**
   * Profiles activated by the JDK or the OS see this machine's, as Maven would, and a path built on {@code java.home}
   * is one ({@code ${java.home}/../lib/tools.jar}); nothing else of the environment. The project's poms and the
   * resolver's reading of its dependencies' poms see the same ({@code DependencyResolver}'s session).
   */
  static Properties machine() {
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

  /**
   * A pom file inside the project, or a parent's {@code pom.xml} inside the boundary, read once into memory; its
   * relatives resolved the same way. A relativePath not followed for that is added to {@code notRead}.
   */
  private record Scoped(Path file, Path root, Path boundary, byte[] content, List<String> notRead)
      implements ModelSource2 {
    static Scoped of(Path file, Path root, Path boundary, List<String> notRead) {
      try {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_POM_BYTES) {
          return null;
        }
        Path real = file.toRealPath();
        if (!readable(real, root, boundary)) {
          return null;
        }
        return new Scoped(real, root, boundary, Files.readAllBytes(real), notRead);
      } catch (IOException | SecurityException e) {
        return null;
      }
    }

    /** In the project anything Maven would read; above it, in the boundary, only a parent's pom.xml. */
    private static boolean readable(Path real, Path root, Path boundary) {
      return real.startsWith(root) || real.startsWith(boundary) && real.getFileName().toString().equals("pom.xml");
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
      if (Files.isDirectory(related, LinkOption.NOFOLLOW_LINKS)) {
        related = related.resolve("pom.xml");
      }
      if (!related.startsWith(boundary) || !Files.exists(related, LinkOption.NOFOLLOW_LINKS)) {
        if (!related.startsWith(boundary)) {
          notRead.add(relative);
        }
        return null;
      }
      Scoped read = of(related, root, boundary, notRead);
      if (read == null) {
        notRead.add(relative); // a link, not a regular file, too large, or not a pom.xml above the project
      }
      return read;
    }
  }
}
