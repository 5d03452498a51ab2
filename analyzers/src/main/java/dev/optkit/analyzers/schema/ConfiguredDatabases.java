package dev.optkit.analyzers.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which databases a module's configuration names: JDBC URLs ({@code jdbc:postgresql:}) and driver
 * classes ({@code org.postgresql.Driver}) in its properties, YAML, XML and {@code .env} files, and in
 * the compose and {@code .env} files of the folder above it. A MySQL driver among the dependencies says
 * the application may run on MySQL; when the configuration names another database and nowhere MySQL
 * or MariaDB, the driver is a leftover and the database is the one named. Test sources' configuration
 * (an H2 under {@code src/test}) is not read: it tells nothing of where the application runs. One reader for both
 * questions asked of it: whether a MySQL driver is a leftover (migrate's snapshot reads) and whether the schema runs on
 * PostgreSQL (assess's foreign key hints).
 */
public final class ConfiguredDatabases {
  private static final long MAX_FILE = 1024 * 1024;
  private static final int MAX_DEPTH = 8;
  private static final int MAX_FILES = 2000;
  private static final Set<String> SKIPPED = Set.of("target", "build", "node_modules", ".git", ".optkit", ".idea");
  /** Texts that name MySQL or MariaDB in configuration: URLs, driver classes, images. */
  private static final List<String> SNAPSHOT_NAMES = List.of("jdbc:mysql", "jdbc:mariadb", "r2dbc:mysql",
      "r2dbc:mariadb", "com.mysql", "org.mariadb", "mysql:", "mariadb:", "mysqldialect", "mariadbdialect");
  /** Texts that name another database a JDBC application runs on. */
  private static final List<String> OTHER_DATABASES = List.of("jdbc:postgresql", "org.postgresql.driver",
      "jdbc:oracle", "jdbc:sqlserver", "jdbc:h2", "org.h2.driver", "jdbc:hsqldb", "jdbc:derby", "jdbc:db2");

  private ConfiguredDatabases() {}

  /** PostgreSQL's names in configuration. */
  private static final List<String> POSTGRESQL_NAMES = List.of("jdbc:postgresql", "org.postgresql.driver",
      "r2dbc:postgresql", "postgresqldialect");

  /** What the configuration names. */
  private record Named(boolean mysql, boolean postgresql, boolean other) {}

  /**
   * True when the configuration names another database and never MySQL or MariaDB; false when it names
   * MySQL or MariaDB, names no database, or cannot be read.
   */
  public static boolean namesOnlyOtherDatabases(Path moduleRoot) {
    Named named = read(moduleRoot);
    return named != null && !named.mysql() && named.other();
  }

  /**
   * True when the configuration names PostgreSQL and never MySQL or MariaDB (which index a foreign key by themselves);
   * false when it names no PostgreSQL, names MySQL or MariaDB too, or cannot be read.
   */
  public static boolean runsOnPostgresql(Path moduleRoot) {
    Named named = read(moduleRoot);
    return named != null && !named.mysql() && named.postgresql();
  }

  /** What the module's configuration names, or null when it cannot be read. */
  private static Named read(Path moduleRoot) {
    List<Path> files = new ArrayList<>();
    try {
      collect(moduleRoot, moduleRoot, 0, files);
      Path above = moduleRoot.toAbsolutePath().normalize().getParent();
      if (above != null && Files.isRegularFile(above.resolve("pom.xml"), LinkOption.NOFOLLOW_LINKS)) {
        try (Stream<Path> siblings = Files.list(above)) { // the parent project's compose and .env files
          siblings.filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && configuration(file))
              .limit(MAX_FILES).forEach(files::add);
        }
      }
    } catch (IOException | UncheckedIOException unreadable) {
      return null;
    }
    boolean mysql = false;
    boolean postgresql = false;
    boolean other = false;
    for (Path file : files) {
      String text;
      try {
        if (Files.size(file) > MAX_FILE) {
          continue;
        }
        text = Files.readString(file, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
      } catch (IOException unreadable) {
        return null;
      }
      mysql |= SNAPSHOT_NAMES.stream().anyMatch(text::contains);
      postgresql |= POSTGRESQL_NAMES.stream().anyMatch(text::contains);
      other |= OTHER_DATABASES.stream().anyMatch(text::contains);
    }
    return new Named(mysql, postgresql, other);
  }

  private static void collect(Path root, Path dir, int depth, List<Path> files) throws IOException {
    if (depth > MAX_DEPTH || files.size() >= MAX_FILES) {
      return;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path entry : entries.sorted().toList()) {
        if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
          // a test's database (H2 under src/test, a PostgreSQL of src/integrationTest) says nothing of the one the
          // application runs on: test folders as the scan tells them
          boolean tests = dev.optkit.analyzers.source.SourceSet.isTestPath(
              "/" + root.relativize(entry).toString().replace('\\', '/') + "/");
          if (!SKIPPED.contains(entry.getFileName().toString()) && !tests) {
            collect(root, entry, depth + 1, files);
          }
        } else if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS) && configuration(entry)
            && files.size() < MAX_FILES) {
          files.add(entry);
        }
      }
    }
  }

  private static boolean configuration(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".properties") || name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".env")
        || name.equals(".env") || name.endsWith(".xml") && !name.equals("pom.xml");
  }
}
