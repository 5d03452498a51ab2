package dev.optkit.rewriters.caching.backends;

import com.fasterxml.jackson.databind.JsonNode;
import dev.optkit.analyzers.source.MavenPom;
import dev.optkit.analyzers.source.SourceSet;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * How the project is deployed, as far as its files tell: whether it runs as more than one instance
 * (Kubernetes or Helm replicas above one, compose replicas or scale above one, two compose services
 * built from one module), and whether Redis is already at hand (a Redis client or Spring Data Redis
 * in a pom, {@code spring.data.redis.*} or {@code spring.redis.*} settings, a compose service running
 * the redis image). Every conclusion keeps
 * the file and the setting that led to it, so migrate can say why.
 *
 * @param multiInstance why the project looks like it runs more than one instance; empty when nothing says so
 * @param redis where Redis is already configured or on the class path; empty when nowhere
 * @param untimedLettuce where the project reaches Redis through Lettuce while no Spring configuration file sets a
 *     command timeout; empty when it does not, or a file sets one
 */
public record Deployment(List<String> multiInstance, List<String> redis, List<String> untimedLettuce) {

  /** Artifacts that put a Redis client on the class path. */
  /** Spring Boot's Redis starters, which bring Lettuce unless it is excluded. */
  private static final Set<String> REDIS_STARTERS = Set.of("spring-boot-starter-data-redis",
      "spring-boot-starter-data-redis-reactive");
  static final Set<String> REDIS_ARTIFACTS = Set.of("spring-boot-starter-data-redis",
      "spring-boot-starter-data-redis-reactive", "spring-data-redis", "jedis", "lettuce-core", "redisson",
      "redisson-spring-boot-starter", "redisson-spring-data-3x", "redisson-spring-data-2x");
  private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "ReplicaSet", "ReplicationController",
      "DeploymentConfig", "Rollout");
  private static final long MAX_FILE = 1024 * 1024;

  public Deployment {
    multiInstance = List.copyOf(multiInstance);
    redis = List.copyOf(redis);
    untimedLettuce = List.copyOf(untimedLettuce);
  }

  /**
   * The note for a project migrated to a Redis backend that reaches Redis through Lettuce with no command timeout
   * set: while Redis is down, Lettuce holds each command until its timeout, a minute by default, so every read of a
   * cached method waits that long before it answers from the source (TwoLevelBackendTest: 125 s against 6.6 s).
   */
  public java.util.Optional<String> lettuceTimeoutNote() {
    if (untimedLettuce.isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of("Redis is reached through Lettuce (" + String.join("; ", untimedLettuce)
        + ") and no application file sets spring.data.redis.timeout: while Redis is down, every read of a cached "
        + "method waits Lettuce's command timeout, a minute by default, before it answers from the source, and every "
        + "writer as long before its eviction fails; set spring.data.redis.timeout (1s, say; spring.redis.timeout on "
        + "Spring Boot 2) (docs/cache-backends.md)");
  }

  public boolean looksMultiInstance() {
    return !multiInstance.isEmpty();
  }

  /** What migrate prints: one line per conclusion, none when the files tell nothing. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    if (looksMultiInstance()) {
      lines.add("looks multi-instance because " + String.join("; ", multiInstance));
    }
    if (!redis.isEmpty()) {
      lines.add("Redis is at hand: " + String.join("; ", redis));
    }
    return lines;
  }

  /** The warning on a local cache that has a writer, in a project that looks multi-instance. */
  public String localCacheWarning() {
    return "evicted on this instance only: the project looks multi-instance (" + String.join("; ", multiInstance)
        + "), and a write through another instance leaves this instance's entries stale until their TTL; "
        + "choose a shared backend with --cache-backend redis or cache.backend: redis in .optkit.yml (docs/cache-backends.md)";
  }

  /** Reads the project under {@code root}: its poms, Spring configuration, Kubernetes, Helm and compose files. */
  public static Deployment detect(Path root) {
    List<String> multi = new ArrayList<>();
    List<String> redis = new ArrayList<>();
    List<String> lettuce = new ArrayList<>();
    List<Path> poms = new ArrayList<>();
    List<Path> springFiles = new ArrayList<>();
    List<Path> yamlFiles = new ArrayList<>();
    Path base = root.toAbsolutePath().normalize();
    SourceSet.walk(base, dir -> true, (file, attrs) -> {
      if (!attrs.isRegularFile() || attrs.size() > MAX_FILE) {
        return;
      }
      String name = file.getFileName().toString();
      String lower = name.toLowerCase(Locale.ROOT);
      String unix = base.relativize(file).toString().replace('\\', '/');
      if (name.equals("pom.xml")) {
        poms.add(file);
      } else if ((lower.startsWith("application") || lower.equals("quartz.properties"))
          && (unix.contains("src/main/resources/") || !unix.contains("src/"))
          && (lower.endsWith(".properties") || lower.endsWith(".yml") || lower.endsWith(".yaml"))) {
        springFiles.add(file);
      } else if ((lower.endsWith(".yml") || lower.endsWith(".yaml")) && !unix.contains("src/main/resources/")
          && !unix.contains("src/test/")) {
        yamlFiles.add(file);
      }
    });
    for (Path pom : poms) {
      MavenPom.read(pom).ifPresent(model -> model.dependencyArtifacts().stream()
          .filter(REDIS_ARTIFACTS::contains).distinct()
          .forEach(artifact -> redis.add(rel(base, pom) + " depends on " + artifact)));
      MavenPom.read(pom).ifPresent(model -> model.dependencyArtifacts().stream().distinct()
          .filter(artifact -> artifact.equals("lettuce-core")
              || REDIS_STARTERS.contains(artifact) && !model.excludes(artifact, "lettuce-core"))
          .forEach(artifact -> lettuce.add(rel(base, pom) + " depends on " + artifact
              + (artifact.equals("lettuce-core") ? "" : ", whose client is Lettuce"))));
      // ShedLock exists to run a scheduled task on one instance of several (probe 42 on eladmin and techmart)
      MavenPom.read(pom).ifPresent(model -> model.dependencyArtifacts().stream()
          .filter(artifact -> artifact.startsWith("shedlock-spring")).distinct().findFirst()
          .ifPresent(artifact -> multi.add(rel(base, pom) + " depends on " + artifact
              + ", which locks scheduled tasks across instances")));
    }
    boolean timed = false;
    boolean jedisChosen = false;
    for (Path file : springFiles) {
      Map<String, String> settings = flatSettings(file);
      // the file is read once: its Redis settings, Quartz's cluster mode and the Lettuce timeout come from one map
      settings.keySet().stream().filter(Deployment::redisKey).sorted().findFirst()
          .ifPresent(key -> redis.add(rel(base, file) + " sets " + key));
      if (quartzClustered(settings)) {
        multi.add(rel(base, file) + " runs Quartz clustered (org.quartz.jobStore.isClustered: true)");
      }
      for (Map.Entry<String, String> setting : settings.entrySet()) {
        // Spring's relaxed binding: spring.data.redis.timeout, spring.redis.timeout, any case
        String key = setting.getKey().toLowerCase(Locale.ROOT).replace("-", "");
        timed |= key.equals("spring.data.redis.timeout") || key.equals("spring.redis.timeout");
        jedisChosen |= (key.equals("spring.data.redis.clienttype") || key.equals("spring.redis.clienttype"))
            && setting.getValue().trim().equalsIgnoreCase("jedis");
      }
    }
    if (timed || jedisChosen) {
      lettuce.clear();
    }
    for (Path file : yamlFiles) {
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.contains("compose")) {
        compose(base, file, multi, redis);
      } else if (name.startsWith("values")) {
        helmValues(base, file, multi);
      } else {
        kubernetes(base, file, multi);
      }
    }
    return new Deployment(multi, redis, lettuce);
  }

  private static String rel(Path base, Path file) {
    return base.relativize(file).toString().replace('\\', '/');
  }

  /**
   * Whether a Spring or Quartz configuration file sets {@code org.quartz.jobStore.isClustered} to true (under {@code
   * spring.quartz.properties} or alone): Quartz's cluster mode shares one job store among the application's instances.
   */
  private static boolean quartzClustered(Map<String, String> settings) {
    return settings.entrySet().stream().anyMatch(e -> e.getKey().toLowerCase(Locale.ROOT).endsWith("jobstore.isclustered")
        && e.getValue().trim().equalsIgnoreCase("true"));
  }

  /** A Spring or Quartz configuration file's settings by dotted key, every YAML document's; empty when unreadable. */
  private static Map<String, String> flatSettings(Path file) {
    Map<String, String> flat = new java.util.HashMap<>();
    try {
      if (file.getFileName().toString().endsWith(".properties")) {
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(file, StandardCharsets.ISO_8859_1)));
        properties.stringPropertyNames().forEach(key -> flat.put(key, properties.getProperty(key)));
      } else {
        for (JsonNode document : documents(file)) {
          flatten("", document, flat, 0);
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      return Map.of(); // a file Spring could not read either tells nothing
    }
    return flat;
  }

  /** A YAML tree's scalars by dotted key ({@code spring.quartz.properties.org.quartz.jobStore.isClustered}). */
  private static void flatten(String prefix, JsonNode node, java.util.Map<String, String> flat, int depth) {
    if (depth > 32 || flat.size() > 10_000) {
      return;
    }
    if (node.isObject()) {
      for (var fields = node.fields(); fields.hasNext(); ) {
        var field = fields.next();
        flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), flat, depth + 1);
      }
    } else if (node.isValueNode()) {
      flat.put(prefix, node.asText());
    }
  }

  private static boolean redisKey(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return lower.startsWith("spring.data.redis.") || lower.startsWith("spring.redis.");
  }

  private static List<JsonNode> documents(Path file) {
    List<JsonNode> documents = new ArrayList<>();
    try {
      dev.optkit.analyzers.io.YamlDocuments.each(file, document -> {
        if (!document.isNull()) {
          documents.add(document);
        }
      });
    } catch (IOException | RuntimeException unreadable) {
      // a Helm template ({{ }}) or other YAML that is not plain data: it tells nothing
    }
    return documents;
  }

  /** Kubernetes workloads with more than one replica, and autoscalers that may add some. */
  private static void kubernetes(Path base, Path file, List<String> multi) {
    for (JsonNode document : documents(file)) {
      List<JsonNode> objects = new ArrayList<>();
      if (document.path("kind").asText("").equals("List")) {
        document.path("items").forEach(objects::add);
      } else {
        objects.add(document);
      }
      for (JsonNode object : objects) {
        String kind = object.path("kind").asText("");
        String name = object.path("metadata").path("name").asText("?");
        if (WORKLOADS.contains(kind) && object.path("spec").path("replicas").asInt(1) > 1) {
          multi.add(rel(base, file) + ": " + kind + " " + name + " has replicas: "
              + object.path("spec").path("replicas").asInt());
        } else if (kind.equals("HorizontalPodAutoscaler") && object.path("spec").path("maxReplicas").asInt(1) > 1) {
          multi.add(rel(base, file) + ": HorizontalPodAutoscaler " + name + " scales up to maxReplicas: "
              + object.path("spec").path("maxReplicas").asInt());
        }
      }
    }
  }

  /** Helm values: {@code replicaCount} (or {@code replicas}) above one, and autoscaling on with more than one. */
  private static void helmValues(Path base, Path file, List<String> multi) {
    for (JsonNode document : documents(file)) {
      helmNode(base, file, document, "", multi, 0);
    }
  }

  private static void helmNode(Path base, Path file, JsonNode node, String path, List<String> multi, int depth) {
    if (!node.isObject() || depth > 4) {
      return;
    }
    for (var fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
      JsonNode value = field.getValue();
      if ((field.getKey().equals("replicaCount") || field.getKey().equals("replicas")) && value.isNumber()
          && value.asInt() > 1) {
        multi.add(rel(base, file) + " sets " + key + ": " + value.asInt());
      } else if (field.getKey().equals("autoscaling") && value.path("enabled").asBoolean(false)
          && value.path("maxReplicas").asInt(1) > 1) {
        multi.add(rel(base, file) + " turns " + key + " on with maxReplicas: " + value.path("maxReplicas").asInt());
      } else {
        helmNode(base, file, value, key, multi, depth + 1);
      }
    }
  }

  /** Files that make a folder hold Java code a build or an image runs: a build file, a source, an archive. */
  private static final List<String> JAVA_CODE_SUFFIXES = List.of(".java", ".kt", ".jar", ".war", "pom.xml",
      "build.gradle", "build.gradle.kts");
  private static final int MAX_CODE_SEARCH_DEPTH = 8;
  private static final int MAX_CODE_SEARCH_ENTRIES = 20_000;

  /**
   * Whether a build folder exists and holds nothing of Java code: no build file, source or archive below it (a
   * database image's Dockerfile and scripts). A folder that is not there tells nothing, and counts as the application.
   */
  private static boolean holdsNoJavaCode(Path folder) {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (java.util.stream.Stream<Path> walk = Files.walk(folder, MAX_CODE_SEARCH_DEPTH)) {
      return walk.limit(MAX_CODE_SEARCH_ENTRIES).noneMatch(file -> {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return JAVA_CODE_SUFFIXES.stream().anyMatch(name::endsWith);
      });
    } catch (IOException | java.io.UncheckedIOException unreadable) {
      return false;
    }
  }

  /** Compose services run more than once: replicas or scale above one, or two services built from one folder. */
  private static void compose(Path base, Path file, List<String> multi, List<String> redis) {
    Path folder = file.getParent();
    for (JsonNode document : documents(file)) {
      Map<String, List<String>> byContext = new LinkedHashMap<>();
      for (var services = document.path("services").fields(); services.hasNext(); ) {
        Map.Entry<String, JsonNode> service = services.next();
        JsonNode spec = service.getValue();
        String image = spec.path("image").asText("");
        String repository = image.contains(":") ? image.substring(0, image.lastIndexOf(':')) : image;
        if (repository.equals("redis") || repository.endsWith("/redis") || repository.equals("redis/redis-stack-server")
            || repository.endsWith("/redis-stack-server")) {
          redis.add(rel(base, file) + ": service " + service.getKey() + " runs " + image);
        }
        int replicas = spec.path("deploy").path("replicas").asInt(1);
        int scale = spec.path("scale").asInt(1);
        if (replicas > 1) {
          multi.add(rel(base, file) + ": service " + service.getKey() + " has deploy.replicas: " + replicas);
        } else if (scale > 1) {
          multi.add(rel(base, file) + ": service " + service.getKey() + " has scale: " + scale);
        }
        JsonNode build = spec.path("build");
        String context = build.isTextual() ? build.asText() : build.path("context").asText("");
        if (!context.isEmpty() && !context.contains("://")) {
          String dockerfile = build.path("dockerfile").asText("Dockerfile");
          String where = folder.resolve(context).normalize().toString() + "#" + dockerfile;
          byContext.computeIfAbsent(where, k -> new ArrayList<>()).add(service.getKey());
        }
      }
      for (var entry : byContext.entrySet()) {
        String where = entry.getKey().substring(0, entry.getKey().indexOf('#'));
        // piggymetrics' auth-mongodb, account-mongodb...: one database image per service, built from a folder holding
        // a Dockerfile and scripts, are several databases, not the application on several instances
        if (entry.getValue().size() > 1 && !holdsNoJavaCode(Path.of(where))) {
          String shown = Path.of(where).equals(base) ? "." : rel(base, Path.of(where));
          multi.add(rel(base, file) + ": services " + String.join(" and ", entry.getValue())
              + " are built from one folder (" + shown + ")");
        }
      }
    }
  }
}
