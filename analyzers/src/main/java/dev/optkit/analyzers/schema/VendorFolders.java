package dev.optkit.analyzers.schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Flyway's {@code {vendor}} locations ({@code db/migration/h2}, {@code db/migration/postgresql}): each database runs
 * the folder of its own name. The one reader of which folder is whose, for the schema the hints are decided on and for
 * the folder migrate writes into.
 */
public final class VendorFolders {
  private VendorFolders() {}

  /** Folder names of Flyway's {@code {vendor}} locations for databases other than PostgreSQL. */
  public static final Set<String> OTHER_VENDORS = Set.of("h2", "hsqldb", "derby", "mysql", "mariadb", "oracle",
      "sqlserver", "db2", "sqlite", "firebird", "informix", "sybase", "saphana", "snowflake", "redshift",
      "cockroachdb");

  private static final List<String> POSTGRESQL = List.of("postgresql", "postgres");

  /**
   * PostgreSQL's sibling of another database's folder ({@code db/migration/postgresql} beside {@code db/migration/h2})
   * holding versioned migrations; empty for a folder of no other vendor, or one without such a sibling.
   */
  public static Optional<Path> postgresqlSibling(Path folder) {
    String name = String.valueOf(folder.getFileName()).toLowerCase(Locale.ROOT);
    if (!OTHER_VENDORS.contains(name)) {
      return Optional.empty();
    }
    for (String sibling : POSTGRESQL) {
      Path candidate = folder.resolveSibling(sibling);
      if (holdsVersionedMigrations(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a script is in another database's folder of a {@code {vendor}} layout, at any depth below it (Flyway reads
   * a location's subfolders: {@code db/migration/h2/v1/V1__x.sql}).
   */
  public static boolean underAnotherVendor(Path script) {
    for (Path folder = script.getParent(); folder != null; folder = folder.getParent()) {
      if (postgresqlSibling(folder).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /** Whether the folder is PostgreSQL's own beside another database's folder of versioned migrations. */
  public static boolean postgresqlsOwn(Path folder) {
    String name = String.valueOf(folder.getFileName()).toLowerCase(Locale.ROOT);
    return POSTGRESQL.contains(name) && OTHER_VENDORS.stream().anyMatch(vendor ->
        holdsVersionedMigrations(folder.resolveSibling(vendor)));
  }

  private static boolean holdsVersionedMigrations(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.anyMatch(file -> FlywayOrder.version(String.valueOf(file.getFileName())) != null);
    } catch (IOException | RuntimeException none) {
      return false; // no such folder
    }
  }
}
