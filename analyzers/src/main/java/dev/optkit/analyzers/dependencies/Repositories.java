package dev.optkit.analyzers.dependencies;

import java.net.URI;
import java.util.Locale;
import org.apache.maven.model.Repository;
import org.apache.maven.model.RepositoryPolicy;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * The remote repositories a project's poms name, as the resolver's: Maven Central (the super
 * pom's {@code central}) at the address the settings give it, others as written when they are
 * https, or http on this machine's loopback (Maven since 3.8.1 blocks plain http elsewhere: a jar
 * fetched in clear could be anyone's). A {@code file:} repository or any other scheme is left out:
 * a pom in the scanned tree must not make optkit read files elsewhere on the machine.
 */
final class Repositories {
  static final String CENTRAL_ID = "central";

  private final String central;

  Repositories(String central) {
    this.central = central;
  }

  RemoteRepository central() {
    return new RemoteRepository.Builder(CENTRAL_ID, "default", central)
        .setSnapshotPolicy(new org.eclipse.aether.repository.RepositoryPolicy(false, null, null)).build();
  }

  /** The repository, or null when it is not one optkit fetches from (another scheme, another layout, no address). */
  RemoteRepository remote(Repository repository) {
    if (CENTRAL_ID.equals(repository.getId())) {
      return central();
    }
    String url = repository.getUrl();
    if (url == null || repository.getId() == null || "legacy".equals(repository.getLayout())) {
      return null;
    }
    URI uri;
    try {
      uri = URI.create(url.trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean loopback = uri.getHost() != null && (uri.getHost().equals("localhost") || uri.getHost().equals("127.0.0.1")
        || uri.getHost().equals("[::1]"));
    if (!(scheme.equals("https") || (scheme.equals("http") && loopback))) {
      return null;
    }
    return new RemoteRepository.Builder(repository.getId(), "default", url.trim())
        .setReleasePolicy(policy(repository.getReleases()))
        .setSnapshotPolicy(policy(repository.getSnapshots()))
        .build();
  }

  private static org.eclipse.aether.repository.RepositoryPolicy policy(RepositoryPolicy policy) {
    boolean enabled = policy == null || policy.getEnabled() == null || Boolean.parseBoolean(policy.getEnabled().trim());
    // never re-checked once there: a scan must not wait on a repository for what it already has
    return new org.eclipse.aether.repository.RepositoryPolicy(enabled,
        org.eclipse.aether.repository.RepositoryPolicy.UPDATE_POLICY_NEVER,
        org.eclipse.aether.repository.RepositoryPolicy.CHECKSUM_POLICY_WARN);
  }
}
