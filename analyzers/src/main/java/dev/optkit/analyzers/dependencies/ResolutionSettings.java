package dev.optkit.analyzers.dependencies;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How assess resolves a project's dependencies.
 *
 * @param offline resolve only from what {@code repository} and {@code readOnly} already hold
 * @param repository optkit's own local repository (Maven layout), where what is fetched goes
 * @param readOnly local repositories read but never written (the user's {@code ~/.m2/repository})
 * @param central where Maven Central is fetched from (a test serves its own)
 * @param connectTimeout per connection
 * @param requestTimeout per request without data
 * @param total the whole resolution, every module's; what is not done by then is a warning
 * @param includeTests also the test-scoped dependencies (assess scans test sources too)
 * @param cap how {@code total} is kept: by the wall clock ({@link Cap#WALL_CLOCK}) unless a test gives its own
 * @param listener told when a resolution no earlier run answers starts and how it ended (assess says it on stderr)
 */
public record ResolutionSettings(
    boolean offline,
    Path repository,
    List<Path> readOnly,
    String central,
    Duration connectTimeout,
    Duration requestTimeout,
    Duration total,
    boolean includeTests,
    Cap cap,
    Listener listener) {

  public static final String MAVEN_CENTRAL = "https://repo.maven.apache.org/maven2/";

  public ResolutionSettings {
    readOnly = List.copyOf(readOnly);
    java.util.Objects.requireNonNull(cap, "cap");
    java.util.Objects.requireNonNull(listener, "listener");
  }

  /** Told nothing. */
  public ResolutionSettings(boolean offline, Path repository, List<Path> readOnly, String central,
      Duration connectTimeout, Duration requestTimeout, Duration total, boolean includeTests, Cap cap) {
    this(offline, repository, readOnly, central, connectTimeout, requestTimeout, total, includeTests, cap,
        Listener.NONE);
  }

  /** Capped by the wall clock: what a run does. */
  public ResolutionSettings(boolean offline, Path repository, List<Path> readOnly, String central,
      Duration connectTimeout, Duration requestTimeout, Duration total, boolean includeTests) {
    this(offline, repository, readOnly, central, connectTimeout, requestTimeout, total, includeTests, Cap.WALL_CLOCK);
  }

  /** The same settings, their total kept by {@code cap}. */
  public ResolutionSettings withCap(Cap cap) {
    return new ResolutionSettings(offline, repository, readOnly, central, connectTimeout, requestTimeout, total,
        includeTests, cap, listener);
  }

  /** The same settings, telling {@code listener} how a resolution goes. */
  public ResolutionSettings withListener(Listener listener) {
    return new ResolutionSettings(offline, repository, readOnly, central, connectTimeout, requestTimeout, total,
        includeTests, cap, listener);
  }

  /**
   * Told when a resolution starts that no earlier run's answers (the build files unchanged, see {@code ResolutionMemo})
   * and how it ended: a cold one fetches, and was the whole of a first assess's wait before any finding.
   */
  public interface Listener {
    Listener NONE = new Listener() {
      @Override
      public void started(Started started) {}

      @Override
      public void ended(Ended ended) {}
    };

    void started(Started started);

    void ended(Ended ended);
  }

  /**
   * @param buildFiles the poms, Gradle scripts and catalogs read
   * @param offline nothing is fetched
   */
  public record Started(int buildFiles, boolean offline) {}

  /**
   * @param took how long it took (the wall clock: said, never part of a report)
   * @param jars the jars resolved
   * @param fetchedJars of them, those fetched by this resolution
   * @param fetchedBytes their size
   * @param stopped whether {@code total} stopped it
   */
  public record Ended(Duration took, int jars, int fetchedJars, long fetchedBytes, boolean stopped) {}

  /**
   * How the resolution, running on a thread of its own, is waited for. The wall clock's cap makes a run's jars depend
   * on how fast the network and the machine are once it is reached (it is said in a warning, and the next run goes on
   * from what was fetched); a test gives {@link #NONE} when the cap is not its subject, or its own cap that says when
   * the budget is spent.
   */
  @FunctionalInterface
  public interface Cap {
    /** Returns once the resolution is done; throws {@link TimeoutException} when its budget is spent first. */
    void await(Future<?> resolution, Duration total) throws InterruptedException, ExecutionException, TimeoutException;

    Cap WALL_CLOCK = (resolution, total) -> resolution.get(total.toMillis(), TimeUnit.MILLISECONDS);
    /** No cap: the resolution is waited for until it ends (its connect and request timeouts still bound it). */
    Cap NONE = (resolution, total) -> resolution.get();
  }

  /** The user's Maven repository: {@code maven.repo.local}, else {@code ~/.m2/repository}. */
  public static Path defaultMavenRepository() {
    String override = System.getProperty("maven.repo.local");
    if (override != null) {
      return Path.of(override);
    }
    return Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  /** Online unless told, into {@link #defaultRepository()}, reading {@code ~/.m2} as it is. */
  public static ResolutionSettings defaults(boolean offline, Path repository, boolean includeTests) {
    return new ResolutionSettings(offline, repository == null ? defaultRepository() : repository,
        List.of(defaultMavenRepository()), MAVEN_CENTRAL,
        Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(180), includeTests);
  }

  /**
   * {@code $XDG_CACHE_HOME/optkit/repository}, else {@code ~/.cache/optkit/repository}: one per
   * user, shared by every project scanned, and not {@code ~/.m2} — optkit fills it with what the
   * user's builds never asked for, and must not change what their Maven sees.
   */
  public static Path defaultRepository() {
    return dev.optkit.analyzers.io.UserCache.directory().resolve("repository");
  }


  /** What changes the jars a run gets, for the caches' keys. */
  public String key() {
    return offline + "|" + repository + "|" + readOnly + "|" + central + "|" + includeTests;
  }
}
