package dev.optkit.rewriters.caching;

import dev.optkit.analyzers.settings.SpringSettings;
import com.fasterxml.jackson.databind.JsonNode;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.index.WebEntryPoints;
import dev.optkit.analyzers.source.MavenPom;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * A URL built from the environment ({@code ${DB_URL}}) names nothing, and the modules count as sharing; so does any
 * other file of the project that sets a datasource ({@link DatasourceOverrides}: a Kubernetes manifest, a Helm
 * values file, an {@code .env}, a Dockerfile), since the deployment may point both at one database.
 */
public final class SeparateApplications {
  private static final String URL_KEY = "spring.datasource.url";
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
  private Boolean overridden;

  public SeparateApplications(ProjectIndex index, Path scanRoot) {
    this.index = index;
    this.scanRoot = scanRoot;
  }

  /** Whether the files at these two paths (relative to the scan root) are in separate applications' modules. */
  public boolean separate(String readerPath, String writerPath) {
    String reader = module(readerPath);
    String writer = module(writerPath);
    if (scanRoot == null || reader == null || writer == null || reader.equals(writer)
        || !hasApplication(reader) || !hasApplication(writer) || dependent(reader, writer)) {
      return false;
    }
    if (overridden == null) {
      overridden = DatasourceOverrides.anywhere(scanRoot);
    }
    if (overridden) {
      return false; // a manifest, .env or Dockerfile may point both at one database whatever their own files say
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

  /**
   * Whether the writer's file is in another Spring Boot application of the project that answers
   * web requests, which a reader's remote call may reach whatever databases the two use. Any entry point counts (a
   * listener's module too): what serves a request is not only an annotated mapping (functional routes, gRPC).
   */
  public boolean anotherServingApplication(String readerPath, String writerPath) {
    String reader = module(readerPath);
    String writer = module(writerPath);
    return scanRoot != null && reader != null && writer != null && !reader.equals(writer) && hasApplication(reader)
        && hasApplication(writer) && !dependent(reader, writer) && serving.computeIfAbsent(writer, this::servesRequests);
  }

  private final Map<String, Boolean> serving = new HashMap<>();

  private boolean servesRequests(String module) {
    WebEntryPoints web = new WebEntryPoints(index);
    return index.methods().stream().filter(method -> method.path().startsWith(module + "src/main/"))
        .anyMatch(method -> web.whyEntryPoint(method).isPresent());
  }

  /** The module folder of a source path ({@code stats/stats-service/}), or null outside src/. */
  private static String module(String path) {
    int src = path.startsWith("src/") ? 0 : path.indexOf("/src/") + 1;
    return src < 0 || !path.startsWith("src/", src) ? null : path.substring(0, src);
  }

  private boolean hasApplication(String module) {
    return applications.computeIfAbsent(module, this::findApplication);
  }

  private final Map<String, Boolean> applications = new HashMap<>();
  private final Map<String, Optional<MavenPom>> poms = new HashMap<>();

  private boolean findApplication(String module) {
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
    return poms.computeIfAbsent(module, m -> {
      Path file = scanRoot.resolve(m).resolve("pom.xml");
      return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? MavenPom.read(file) : Optional.empty();
    });
  }

  /** The module's databases by kind and name ({@code postgresql:ewmstats}), empty when one is not told. */
  private Optional<Set<String>> databasesOf(String module) {
    if (ownDataSource(module)) {
      return Optional.empty();
    }
    Set<String> found = new HashSet<>();
    Path main = scanRoot.resolve(module).resolve("src/main/resources");
    // Spring Boot reads classpath:/application* and classpath:/config/application*
    for (Path resources : List.of(main, main.resolve("config"))) {
      if (!Files.isDirectory(resources, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      try (Stream<Path> files = Files.list(resources)) {
        for (Path file : files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
          String name = file.getFileName().toString();
          if (!name.startsWith("application")) {
            continue;
          }
          if (Files.size(file) > MAX_FILE || settingsElsewhere(Files.readString(file, StandardCharsets.ISO_8859_1))) {
            return Optional.empty();
          }
          for (String url : datasourceUrls(file, name)) {
            found.add(database(url)); // ${DB_URL}: "?", which the compose file may fill, else nothing is told
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
    if (!composed.isEmpty() && composed.stream().map(SeparateApplications::database).noneMatch("?"::equals)) {
      found.remove("?"); // the placeholder the compose file fills (unless it fills it with another: ${DB_URL})
    }
    if (found.isEmpty()) {
      List<String> dependencies = pom(module).map(MavenPom::dependencyArtifacts).orElse(List.of());
      if (dependencies.stream().anyMatch(EMBEDDED::contains)
          && dependencies.stream().noneMatch(SERVER_DRIVERS::contains)) {
        found.add(IN_MEMORY); // Spring Boot's embedded database: one per JVM
      }
    }
    return found.isEmpty() || found.contains("?") ? Optional.empty() : Optional.of(found);
  }

  /**
   * Settings that bring the database from somewhere this class does not read, or name it under another key: an
   * imported or located configuration ({@code spring.config.import}, a config server), a pool's own URL
   * ({@code spring.datasource.hikari.jdbc-url}) (hostile review 38's d9, d9b, d18).
   */
  private static boolean settingsElsewhere(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.contains("config.import") || lower.contains("config.location") || lower.contains("config.additional")
        || lower.contains("spring.cloud.config") || lower.contains("jdbc-url") || lower.contains("jdbcurl")
        || lower.contains("datasource.hikari") || lower.contains("datasource.tomcat") || lower.contains("datasource.dbcp2")
        || lower.contains("spring_application_json");
  }

  /**
   * Whether the module makes a DataSource of its own (a {@code @Bean} method answering one, from any properties it
   * likes: hostile review 38's d26), so its database is not the one its settings name.
   */
  private boolean ownDataSource(String module) {
    return index.methods().stream().filter(m -> m.path().startsWith(module))
        .anyMatch(m -> m.fact().returnType().endsWith("DataSource"));
  }

  /** The {@code spring.datasource.url} of every document of a Spring configuration file ({@link SpringSettings}). */
  private List<String> datasourceUrls(Path file, String name) throws IOException {
    return SpringSettings.valuesIn(file, URL_KEY);
  }

  /** {@code jdbc:postgresql://stats-db:5432/ewmstats?x=y} as {@code postgresql:ewmstats}; in-memory ones apart. */
  private static String database(String url) {
    String lower = url.strip().toLowerCase(Locale.ROOT);
    if (lower.contains("${") || !lower.startsWith("jdbc:") || lower.indexOf(':', 5) < 0) {
      return "?";
    }
    if (lower.startsWith("jdbc:h2:mem:") || lower.startsWith("jdbc:hsqldb:mem:") || lower.startsWith("jdbc:derby:memory:")) {
      return IN_MEMORY + ":" + lower;
    }
    String rest = lower.substring("jdbc:".length());
    String kind = rest.substring(0, rest.indexOf(':'));
    String tail = rest.replaceAll("[?;].*$", "");
    // jdbc:postgresql://h/ewm and jdbc:postgresql:ewm (no host) name one database
    String name = tail.substring(Math.max(tail.lastIndexOf('/'), tail.lastIndexOf(':')) + 1);
    return kind + ":" + (name.isEmpty() ? tail : name);
  }

  /** By module folder: the JDBC URLs the project's compose files give the service built from it. */
  private Map<String, Set<String>> compose() {
    if (composeUrls != null) {
      return composeUrls;
    }
    composeUrls = new HashMap<>();
    for (String name : List.of("docker-compose.yml", "docker-compose.yaml", "compose.yml", "compose.yaml")) {
      Path file = scanRoot.resolve(name);
      try {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_FILE) {
          continue;
        }
        JsonNode compose = dev.optkit.analyzers.io.YamlDocuments.first(Files.readString(file));
        JsonNode services = compose == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
            : compose.path("services");
        services.fields().forEachRemaining(service -> {
          JsonNode build = service.getValue().path("build");
          String context = build.isTextual() ? build.asText() : build.path("context").asText("");
          if (service.getValue().path("command").toString().toLowerCase(Locale.ROOT).contains("spring")
              || service.getValue().path("entrypoint").toString().toLowerCase(Locale.ROOT).contains("spring")) {
            // command: --spring.datasource.url=...: arguments override every file (hostile review 38's d6)
            throw new IllegalStateException("a command line may set the datasource");
          }
          if (service.getValue().has("env_file")) {
            throw new IllegalStateException("an env_file may set the datasource"); // not read: nothing is told
          }
          String url = environment(service.getValue().path("environment"));
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

  /**
   * The datasource URL a compose service's environment sets, written as a list of K=V or as a map,
   * under any name Spring's relaxed binding reads as {@code spring.datasource.url}
   * ({@code SPRING_DATASOURCE_URL}, {@code SPRING.DATASOURCE.URL}, {@code spring.datasource.url}).
   */
  private static String environment(JsonNode environment) {
    if (environment.isArray()) {
      for (JsonNode entry : environment) {
        String text = entry.asText("");
        int equals = text.indexOf('=');
        if (equals > 0 && datasourceVariable(text.substring(0, equals))) {
          return text.substring(equals + 1);
        }
      }
    } else if (environment.isObject()) {
      for (var field : (Iterable<Map.Entry<String, JsonNode>>) environment::fields) {
        if (datasourceVariable(field.getKey())) {
          return field.getValue().asText();
        }
      }
    }
    return null;
  }

  private static boolean datasourceVariable(String name) {
    return name.strip().toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "").equals("SPRING_DATASOURCE_URL");
  }
}
