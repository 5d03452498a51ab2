package dev.optkit.rewriters.indexes;

import dev.optkit.analyzers.dependencies.LibraryVersions;
import dev.optkit.analyzers.settings.SpringSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Whether Flyway can run a migration of {@code CREATE INDEX CONCURRENTLY} on PostgreSQL to its end. Flyway 9.1 and
 * later take their lock in a transaction of their own by default, and a concurrent index build waits for every older
 * transaction to end: the migration never finishes (flyway/flyway#3682, #3854; seen with 9.1.6 to 10.7). It can where
 * every Flyway the project resolves is older, or the module turns the transactional lock off: Spring Boot's
 * {@code spring.flyway.postgresql.transactional-lock=false} in its production settings and nowhere else. A
 * {@code flyway.conf} does not count: the Flyway Spring Boot runs at start never reads it (a trial's migration hung
 * with the file saying false).
 */
final class FlywayLock {
  static final String SPRING_KEY = "spring.flyway.postgresql.transactional-lock";
  static final String FLYWAY_KEY = "flyway.postgresql.transactional.lock";

  private FlywayLock() {}

  /** Why the migration would never finish, or empty when it can run. */
  static Optional<String> whyConcurrentWaits(LibraryVersions versions, Path module) {
    List<String> flyways = versions.versions("org.flywaydb", "flyway-core");
    if (!flyways.isEmpty() && flyways.stream().allMatch(FlywayLock::beforeTransactionalLock)) {
      return Optional.empty();
    }
    if (SpringSettings.onlySetTo(module, SPRING_KEY, "false")) {
      return Optional.empty();
    }
    if (SpringSettings.values(module, SPRING_KEY).isEmpty()) {
      return Optional.of("Flyway " + (flyways.isEmpty() ? "(its version not resolved)" : String.join(", ", flyways))
          + " holds its lock on PostgreSQL in a transaction, which CREATE INDEX CONCURRENTLY waits on forever, and the "
          + "module's settings import files optkit does not follow (spring.config.import) or cannot be read, so "
          + SPRING_KEY + "=false cannot be seen: add the index by hand");
    }
    return Optional.of("Flyway " + (flyways.isEmpty() ? "(its version not resolved)" : String.join(", ", flyways))
        + " holds its lock on PostgreSQL in a transaction, which CREATE INDEX CONCURRENTLY waits on forever: set "
        + SPRING_KEY + "=false and run optkit migrate --indexes again");
  }

  /** Embedded databases, by Maven coordinates, that reject {@code CREATE INDEX CONCURRENTLY}. */
  private static final List<List<String>> EMBEDDED = List.of(List.of("com.h2database", "h2"),
      List.of("org.hsqldb", "hsqldb"), List.of("org.apache.derby", "derby"));

  /**
   * Why a Flyway migration of {@code CREATE INDEX CONCURRENTLY} would fail the project's own runs: Flyway and an
   * embedded database together on its class path (tests running the migrations on H2, which rejects the word); empty
   * where Flyway is not (the deployment runs the migrations) or no embedded database is.
   */
  static Optional<String> whyConcurrentFailsEmbedded(LibraryVersions versions) {
    if (versions.versions("org.flywaydb", "flyway-core").isEmpty()) {
      return Optional.empty();
    }
    List<String> embedded = EMBEDDED.stream().filter(coordinates -> !versions.versions(coordinates.get(0),
        coordinates.get(1)).isEmpty()).map(coordinates -> coordinates.get(1)).toList();
    return embedded.isEmpty() ? Optional.empty() : Optional.of("the project runs Flyway and has an embedded database ("
        + String.join(", ", embedded) + ") on its class path: tests running its migrations there would fail on "
        + "CREATE INDEX CONCURRENTLY, which only PostgreSQL knows; add the index by hand in a location only "
        + "PostgreSQL runs");
  }

  /** A version before 9.1 ({@code 8.5.13}, {@code 9.0.4}): no transactional lock. */
  static boolean beforeTransactionalLock(String version) {
    String[] parts = version.split("[.-]", 3);
    try {
      int major = Integer.parseInt(parts[0]);
      int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
      return major < 9 || major == 9 && minor < 1;
    } catch (NumberFormatException unknown) {
      return false;
    }
  }

}
