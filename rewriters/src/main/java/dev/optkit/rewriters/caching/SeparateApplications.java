package dev.optkit.rewriters.caching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.source.MavenPom;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whether two Maven modules are applications of their own on databases of their own, so that a
 * database write in one never changes what the other reads (explore-with-me's stats service and
 * main service, each a Spring Boot application on its own PostgreSQL database). All must hold:
 * each module has a {@code @SpringBootApplication} class; neither module's pom depends on the
 * other; and each names its databases, none shared: the JDBC URLs of its {@code application*}
 * configuration and those the project's compose files give the service built from it
 * ({@code SPRING_DATASOURCE_URL}), compared by kind and database name, or an embedded database
 * in memory (the driver of H2, HSQLDB or Derby and no other, no URL), which lives in its JVM only.
 * A URL built from the environment ({@code ${DB_URL}}) names nothing, and the modules count as sharing.
 */
final class SeparateApplications {
  private static final Pattern JDBC_URL = Pattern.compile("jdbc:[A-Za-z0-9]+:[^\\s\"',;]*");
  private static final Pattern PLACEHOLDER_URL = Pattern.compile("(?m)url\\s*[=:]\\s*[\"']?\\$\\{");
  private static final Set<String> EMBEDDED = Set.of("h2", "hsqldb", "derby");
  private static final Set<String> SERVER_DRIVERS = Set.of("postgresql", "mysql-connector-j", "mysql-connector-java",
      "mariadb-java-client", "ojdbc8", "ojdbc11", "mssql-jdbc", "r2dbc-postgresql");
  private static final String IN_MEMORY = "in-memory";
  private static final long MAX_FILE = 1024 * 1024;

  private final ProjectIndex index;
  private final Path scanRoot;
  private final Map<String, Optional<Set<String>>> databases = new HashMap<>();
  private Map<String, Set<String>> composeUrls;
  private boolean composeUnreadable;

  SeparateApplications(ProjectIndex index, Path scanRoot) {
    this.index = index;
    this.scanRoot = scanRoot;
  }

  /** Whether the files at these two paths (relative to the scan root) are in separate applications' modules. */
  boolean separate(String readerPath, String writerPath) {
    String reader = module(readerPath);
    String writer = module(writerPath);
    if (scanRoot == null || reader == null || writer == null || reader.equals(writer)
        || !hasApplication(reader) || !hasApplication(writer) || dependent(reader, writer)) {
      return false;
    }
    Optional<Set<String>> readerDatabases = databases.computeIfAbsent(reader, this::databasesOf);
    Optional<Set<String>> writerDatabases = databases.computeIfAbsent(writer, this::databasesOf);
    if (readerDatabases.isEmpty() || writerDatabases.isEmpty()) {
      return false;
    }
    for (String database : readerDatabases.get()) {
      if (!database.equals(IN_MEMORY) && !database.startsWith(IN_MEMORY + ":")
          && writerDatabases.get().contains(database)) {
        return false;
      }
    }
    return true;
  }

  /** The module folder of a source path ({@code stats/stats-service/}), or null outside src/. */
  private static String module(String path) {
    int src = path.startsWith("src/") ? 0 : path.indexOf("/src/") + 1;
    return src < 0 || !path.startsWith("src/", src) ? null : path.substring(0, src);
  }

  private boolean hasApplication(String module) {
    return index.files().stream().filter(file -> file.path().startsWith(module + "src/main/"))
        .flatMap(file -> file.types().stream()).anyMatch(type -> type.hasAnnotation("SpringBootApplication"));
  }

  private boolean dependent(String a, String b) {
    Optional<MavenPom> pomA = pom(a);
    Optional<MavenPom> pomB = pom(b);
    if (pomA.isEmpty() || pomB.isEmpty()) {
      return true;
    }
    return pomA.get().dependencyArtifacts().contains(pomB.get().artifactId())
        || pomB.get().dependencyArtifacts().contains(pomA.get().artifactId());
  }

  private Optional<MavenPom> pom(String module) {
    Path file = scanRoot.resolve(module).resolve("pom.xml");
    return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? MavenPom.read(file) : Optional.empty();
  }

  /** The module's databases by kind and name ({@code postgresql:ewmstats}), empty when one is not told. */
  private Optional<Set<String>> databasesOf(String module) {
    Set<String> found = new HashSet<>();
    Path resources = scanRoot.resolve(module).resolve("src/main/resources");
    if (Files.isDirectory(resources, LinkOption.NOFOLLOW_LINKS)) {
      try (Stream<Path> files = Files.list(resources)) {
        for (Path file : files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
          String name = file.getFileName().toString();
          if (!name.startsWith("application") || Files.size(file) > MAX_FILE) {
            continue;
          }
          String text = Files.readString(file, StandardCharsets.ISO_8859_1);
          if (PLACEHOLDER_URL.matcher(text).find()) {
            found.add("?"); // url=${DB_URL}: the compose file may say which, else nothing is told
          }
          Matcher url = JDBC_URL.matcher(text);
          while (url.find()) {
            found.add(database(url.group()));
          }
        }
      } catch (IOException | RuntimeException unreadable) {
        return Optional.empty();
      }
    }
    Set<String> composed = compose().getOrDefault(module, Set.of());
    if (composeUnreadable) {
      return Optional.empty(); // a compose file optkit cannot read may wire any service to any database
    }
    composed.forEach(url -> found.add(database(url)));
    if (!composed.isEmpty()) {
      found.remove("?"); // the placeholder the compose file fills
    }
    if (found.isEmpty()) {
      List<String> dependencies = pom(module).map(MavenPom::dependencyArtifacts).orElse(List.of());
      if (dependencies.stream().anyMatch(EMBEDDED::contains)
          && dependencies.stream().noneMatch(SERVER_DRIVERS::contains)) {
        found.add(IN_MEMORY); // Spring Boot's embedded database: one per JVM
      }
    }
    return found.isEmpty() || found.contains("?") || found.contains(null) ? Optional.empty() : Optional.of(found);
  }

  /** {@code jdbc:postgresql://stats-db:5432/ewmstats?x=y} as {@code postgresql:ewmstats}; in-memory ones apart. */
  private static String database(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.contains("${")) {
      return "?";
    }
    if (lower.startsWith("jdbc:h2:mem:") || lower.startsWith("jdbc:hsqldb:mem:") || lower.startsWith("jdbc:derby:memory:")) {
      return IN_MEMORY + ":" + lower;
    }
    String rest = lower.substring("jdbc:".length());
    String kind = rest.substring(0, rest.indexOf(':'));
    String tail = rest.replaceAll("[?;].*$", "");
    String name = tail.substring(tail.lastIndexOf('/') + 1);
    return kind + ":" + (name.isEmpty() ? tail : name);
  }

  /** By module folder: the JDBC URLs the project's compose files give the service built from it. */
  private Map<String, Set<String>> compose() {
    if (composeUrls != null) {
      return composeUrls;
    }
    composeUrls = new HashMap<>();
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    for (String name : List.of("docker-compose.yml", "docker-compose.yaml", "compose.yml", "compose.yaml")) {
      Path file = scanRoot.resolve(name);
      try {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_FILE) {
          continue;
        }
        JsonNode services = yaml.readTree(file.toFile()).path("services");
        services.fields().forEachRemaining(service -> {
          JsonNode build = service.getValue().path("build");
          String context = build.isTextual() ? build.asText() : build.path("context").asText("");
          String url = environment(service.getValue().path("environment"), "SPRING_DATASOURCE_URL");
          if (!context.isEmpty() && url != null) {
            String module = Path.of(context).normalize().toString().replace('\\', '/');
            module = module.equals(".") || module.isEmpty() ? "" : module + "/";
            composeUrls.computeIfAbsent(module, m -> new HashSet<>()).add(url);
          }
        });
      } catch (IOException | RuntimeException unreadable) {
        composeUnreadable = true;
        return composeUrls;
      }
    }
    return composeUrls;
  }

  /** A variable of a compose service's environment, written as a list of K=V or as a map. */
  private static String environment(JsonNode environment, String variable) {
    if (environment.isArray()) {
      for (JsonNode entry : environment) {
        String text = entry.asText("");
        if (text.startsWith(variable + "=")) {
          return text.substring(variable.length() + 1);
        }
      }
    } else if (environment.isObject() && environment.has(variable)) {
      return environment.get(variable).asText();
    }
    return null;
  }
}
