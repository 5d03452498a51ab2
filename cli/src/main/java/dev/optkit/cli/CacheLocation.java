package dev.optkit.cli;

import dev.optkit.analyzers.AssessmentCache;
import dev.optkit.analyzers.facts.ParseProblem;
import dev.optkit.analyzers.io.StateDirectory;
import dev.optkit.analyzers.io.StateFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where assess keeps its caches: {@code --cache-dir}, else {@code .optkit/cache} of the scan's project
 * ({@link StateDirectory#projectOf}). A link, a FIFO or a file of the wrong kind planted there (a pull request can)
 * is never followed, opened or written through: it is moved aside to {@code .optkit/quarantine/} when it can be, and
 * the run goes on with no cache and a warning, so that one planted file cannot fail the whole scan.
 *
 * @param directory the cache folder, or null: no cache this run
 * @param warning why there is none, or null
 */
record CacheLocation(Path directory, ParseProblem warning) {

  /** No cache: asked for ({@code --no-cache}), nowhere to keep one, or a read-only project. */
  static final CacheLocation NONE = new CacheLocation(null, null);

  static CacheLocation of(Path cacheDir, Path root) {
    StateDirectory cache = null;
    try {
      if (cacheDir != null) {
        cache = StateDirectory.forCache(cacheDir);
      } else {
        Optional<Path> project = StateDirectory.projectOf(root);
        if (project.isEmpty()) {
          return NONE;
        }
        StateDirectory state = StateDirectory.ofProject(project.get());
        cache = state;
        if (!state.isDirectory(state.path()) && !Files.isWritable(project.get())) {
          return NONE; // a read-only checkout: nothing is cached
        }
        cache = state.below("cache");
      }
      return new CacheLocation(checked(cache), null);
    } catch (StateFileException e) {
      return setAside(cache, e);
    } catch (IOException e) {
      return NONE; // a read-only project: the cache is not written either
    }
  }

  private static CacheLocation setAside(StateDirectory cache, StateFileException refused) {
    Optional<Path> aside = cache == null ? Optional.empty() : cache.setAside(refused);
    return new CacheLocation(null, new ParseProblem(refused.getFile(), 0, 0, refused.problem()
        + aside.map(path -> "; moved aside to " + cache.shown(path)).orElse("; remove it")
        + "; this run used no cache"));
  }

  private static Path checked(StateDirectory cache) throws IOException {
    try {
      cache.createDirectories(cache.path());
    } catch (StateFileException e) {
      throw e;
    } catch (IOException e) {
      return null; // a read-only project: the cache is not written either
    }
    for (String name : List.of(dev.optkit.analyzers.parse.FactsCache.FILE_NAME, AssessmentCache.FILE_NAME,
        dev.optkit.analyzers.io.FileHashes.FILE_NAME)) {
      cache.isFile(cache.resolve(name));
    }
    return cache.path();
  }
}
