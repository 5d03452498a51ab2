package dev.optkit.analyzers.dependencies;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optkit.analyzers.io.Hashes;
import dev.optkit.analyzers.io.AtomicFile;
import dev.optkit.analyzers.io.StateSeal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The last complete resolution of a project, remembered in optkit's repository by what decides it:
 * the content of its poms and catalogs, the repositories, and this resolver's build. Building each
 * module's effective pom and collecting its graph from the local repositories was 2.5 s of every
 * warm run on spring-petclinic and 7 s on an 8-module project; the memo is a file read. It is
 * sealed like every state file ({@link StateSeal}): a planted one is dropped. A resolution with a
 * warning is not remembered (the next run tries again), nor one whose jars are gone.
 */
final class ResolutionMemo {
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Stored(List<String> jars, List<String> declared) {}

  private final Path file;
  private final String key;

  private ResolutionMemo(Path file, String key) {
    this.file = file;
    this.key = key;
  }

  /** The memo for these inputs; empty when one of them cannot be read (nothing is remembered then). */
  static Optional<ResolutionMemo> of(Path root, List<Path> inputs, ResolutionSettings settings) {
    StringBuilder key = new StringBuilder("dependency-resolution-v1|")
        .append(dev.optkit.analyzers.io.CodeBuild.of(DependencyResolver.class))
        // offline or not, a resolution that had everything is the same
        .append('|').append(settings.repository()).append('|').append(settings.readOnly())
        .append('|').append(settings.central()).append('|').append(settings.includeTests())
        .append('|').append(root.toAbsolutePath().normalize());
    try {
      for (Path input : inputs) {
        if (!Files.isRegularFile(input, LinkOption.NOFOLLOW_LINKS)) {
          return Optional.empty();
        }
        key.append('|').append(root.relativize(input)).append('=').append(Hashes.sha256(input));
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    String id = Hashes.sha256(key.toString());
    return Optional.of(new ResolutionMemo(settings.repository().resolve(".optkit-resolutions").resolve(id + ".bin"),
        key.toString()));
  }

  Optional<DependencyResolver.Resolved> lookup() {
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.empty();
      }
      Optional<byte[]> content = StateSeal.open(key, Files.readAllBytes(file));
      if (content.isEmpty()) {
        return Optional.empty();
      }
      Stored stored = JSON.readValue(content.get(), Stored.class);
      List<Path> jars = stored.jars().stream().map(Path::of).toList();
      if (!jars.stream().allMatch(Files::isRegularFile)) {
        return Optional.empty(); // a jar removed since: resolve again
      }
      return Optional.of(new DependencyResolver.Resolved(jars, stored.declared().stream().map(Path::of).toList(),
          List.of(), List.of()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  void store(DependencyResolver.Resolved resolved) {
    if (!resolved.warnings().isEmpty()) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      byte[] content = JSON.writeValueAsBytes(new Stored(resolved.jars().stream().map(Path::toString).toList(),
          resolved.declared().stream().map(Path::toString).toList()));
      AtomicFile.replace(file, StateSeal.seal(key, content));
    } catch (IOException | RuntimeException e) {
      // not remembered: the next run resolves again
    }
  }
}
