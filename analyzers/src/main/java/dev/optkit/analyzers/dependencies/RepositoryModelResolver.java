package dev.optkit.analyzers.dependencies;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Parent;
import org.apache.maven.model.Repository;
import org.apache.maven.model.building.FileModelSource;
import org.apache.maven.model.building.ModelSource;
import org.apache.maven.model.resolution.ModelResolver;
import org.apache.maven.model.resolution.UnresolvableModelException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Where Maven's model builder gets the poms a project's pom names but does not hold: a parent
 * from a repository ({@code spring-boot-starter-parent}) and the BOMs it imports. Each is an
 * artifact the resolver fetches into optkit's repository, from the repositories the poms read so
 * far name (a pom's own {@code <repositories>} before those of the poms that named it).
 */
final class RepositoryModelResolver implements ModelResolver {
  private final RepositorySystem system;
  private final RepositorySystemSession session;
  private final Repositories repositories;
  private final List<RemoteRepository> remotes;

  RepositoryModelResolver(RepositorySystem system, RepositorySystemSession session, Repositories repositories,
      List<RemoteRepository> remotes) {
    this.system = system;
    this.session = session;
    this.repositories = repositories;
    this.remotes = new ArrayList<>(remotes);
  }

  @Override
  public ModelSource resolveModel(String groupId, String artifactId, String version)
      throws UnresolvableModelException {
    ArtifactRequest request = new ArtifactRequest(new DefaultArtifact(groupId, artifactId, "", "pom", version),
        List.copyOf(remotes), null);
    try {
      return new FileModelSource(system.resolveArtifact(session, request).getArtifact().getFile());
    } catch (ArtifactResolutionException | RuntimeException e) {
      throw new UnresolvableModelException(e.getMessage(), groupId, artifactId, version, e);
    }
  }

  @Override
  public ModelSource resolveModel(Parent parent) throws UnresolvableModelException {
    return resolveModel(parent.getGroupId(), parent.getArtifactId(), parent.getVersion());
  }

  @Override
  public ModelSource resolveModel(Dependency dependency) throws UnresolvableModelException {
    return resolveModel(dependency.getGroupId(), dependency.getArtifactId(), dependency.getVersion());
  }

  @Override
  public void addRepository(Repository repository) {
    addRepository(repository, false);
  }

  @Override
  public void addRepository(Repository repository, boolean replace) {
    RemoteRepository remote = repositories.remote(repository);
    if (remote == null) {
      return;
    }
    for (int i = 0; i < remotes.size(); i++) {
      if (remotes.get(i).getId().equals(remote.getId())) {
        if (replace) {
          remotes.set(i, remote);
        }
        return;
      }
    }
    remotes.add(0, remote);
  }

  @Override
  public ModelResolver newCopy() {
    return new RepositoryModelResolver(system, session, repositories, remotes);
  }
}
