package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateCommandTest {
  @TempDir Path dir;

  private static final String SERVICE = """
      package shop;

      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;
      import java.time.Instant;
      import java.util.List;

      public class Catalog {
          private final HttpClient http = HttpClient.newHttpClient();

          public String fetchName(String sku) throws Exception {
              return get("/names/" + sku);
          }

          public String fetchPrice(String sku) throws Exception {
              return get("/prices/" + sku);
          }

          public String fetchAll(List<String> skus) throws Exception {
              return get("/all/" + skus);
          }

          public void warm(String sku) throws Exception {
              get("/names/" + sku);
          }

          public String fetchFresh(String sku) throws Exception {
              return get("/names/" + sku + "?at=" + Instant.now());
          }

          private String get(String path) throws Exception {
              return http.send(HttpRequest.newBuilder(URI.create("https://c.example.com" + path)).build(),
                      HttpResponse.BodyHandlers.ofString()).body();
          }
      }
      """;

  private Path project() throws Exception {
    Path file = dir.resolve("src/main/java/shop/Catalog.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, SERVICE);
    return file;
  }

  @Test
  void dryRunShowsTheDiffAndEveryReasonAndWritesNothing() throws Exception {
    Path file = project();
    CliRun run = CliRun.of("migrate", dir.toString(), "--no-maven-repo");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("+++ b/src/main/java/shop/Catalog.java"), run.out());
    assertTrue(run.out().contains("Dry run: nothing written."), run.out());
    assertTrue(run.out().contains("not cacheable: Catalog.warm(): returns nothing"), run.out());
    // a plain Java cache would key by the caller's own list (a Spring cache keys by a copy)
    assertTrue(run.out().contains("refused: shop.Catalog.fetchAll(List<String>): parameter 'skus' is a List<String>, "
        + "which its caller may change after the call"), run.out());
    assertTrue(run.out().contains("not cacheable: Catalog.fetchFresh(): depends on the clock"), run.out());
    assertEquals(SERVICE, Files.readString(file));
    assertTrue(!Files.exists(dir.resolve(".optkit/migrations")));
  }

  @Test
  void onlyAndExcludeNarrowTheChange() throws Exception {
    project();
    CliRun only = CliRun.of("migrate", dir.toString(), "--no-maven-repo", "--only", "Catalog.fetchName");
    assertTrue(only.out().contains("cache: Catalog.fetchName()"), only.out());
    assertTrue(!only.out().contains("cache: Catalog.fetchPrice()"), only.out());
    CliRun excluded = CliRun.of("migrate", dir.toString(), "--no-maven-repo", "--exclude", "Catalog.fetchName");
    assertTrue(!excluded.out().contains("cache: Catalog.fetchName()"), excluded.out());
    assertTrue(excluded.out().contains("cache: Catalog.fetchPrice()"), excluded.out());
    // a rule selects its kind of change: the caches only, or (with no loop in this project) nothing
    CliRun caches = CliRun.of("migrate", dir.toString(), "--no-maven-repo", "--only", "CacheableReadMethod");
    assertTrue(caches.out().contains("cache: Catalog.fetchName()") && caches.out().contains("cache: Catalog.fetchPrice()"),
        caches.out());
    CliRun loops = CliRun.of("migrate", dir.toString(), "--no-maven-repo", "--only", "SequentialIoLoop");
    assertEquals(2, loops.exitCode(), loops.out() + loops.err());
    assertTrue(loops.err().contains("or a rule: SequentialIoLoop, CacheableReadMethod"), loops.err());
  }

  @Test
  void aFailedVerificationRollsTheMigrationBack() throws Exception {
    Path file = project();
    CliRun run = CliRun.of("migrate", dir.toString(), "--no-maven-repo", "--apply", "--verify", "echo build broke; exit 3");
    assertEquals(1, run.exitCode(), run.out() + run.err());
    assertTrue(run.err().contains("build broke"), run.err());
    assertTrue(run.err().contains("was rolled back"), run.err());
    assertEquals(SERVICE, Files.readString(file));
    assertTrue(!Files.exists(file.resolveSibling("OptkitCaching.java")));

    CliRun passing = CliRun.of("migrate", dir.toString(), "--no-maven-repo", "--apply", "--verify", "true");
    assertEquals(0, passing.exitCode(), passing.out() + passing.err());
    assertTrue(passing.out().contains("Verification passed."), passing.out());
    assertTrue(Files.readString(file).contains("fetchNameCache"));
  }

  @Test
  void roughEdges() throws Exception {
    project();
    CliRun nothing = CliRun.of("migrate", dir.toString(), "--no-maven-repo", "--only", "Catalog.noSuchMethod");
    assertEquals(2, nothing.exitCode(), nothing.out() + nothing.err());
    assertTrue(nothing.err().contains("--only Catalog.noSuchMethod matches no cacheable read"), nothing.err());

    CliRun applied = CliRun.of("migrate", dir.toString(), "--no-maven-repo", "--apply", "--allow-dirty");
    assertEquals(0, applied.exitCode(), applied.err());
    assertEquals("# optkit's journals and caches: local state, never committed\n*\n",
        Files.readString(dir.resolve(".optkit/.gitignore")), ".optkit/ keeps itself out of git");
    String id = applied.out().replaceAll("(?s).*Applied migration (\\S+):.*", "$1");
    CliRun latest = CliRun.of("migrate", dir.toString(), "--undo"); // no id: the latest applied migration
    assertEquals(0, latest.exitCode(), latest.err());
    assertTrue(latest.out().contains("Undid migration " + id), latest.out());
    CliRun noneLeft = CliRun.of("migrate", dir.toString(), "--undo");
    assertEquals(2, noneLeft.exitCode());
    assertTrue(noneLeft.err().contains("no applied migration to undo"), noneLeft.err());
    CliRun again = CliRun.of("migrate", dir.toString(), "--undo", id);
    assertEquals(2, again.exitCode(), again.out());
    assertTrue(again.err().contains("migration " + id + " was already undone"), again.err());
    CliRun notAnId = CliRun.of("migrate", dir.toString(), "--undo", "../../etc");
    assertEquals(2, notAnId.exitCode());
    assertTrue(notAnId.err().contains("is not a migration id"), notAnId.err());
  }

  @Test
  void strictFailsOnAStaleDataWarningOrARefusedRequest() throws Exception {
    Path file = dir.resolve("src/main/java/shop/Names.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, """
        package shop;

        import java.sql.Connection;
        import java.sql.PreparedStatement;
        import java.sql.ResultSet;

        public class Names {
            private Connection connection;

            public String findName(String id) throws Exception {
                try (PreparedStatement ps = connection.prepareStatement("SELECT name FROM names WHERE id = ?")) {
                    ps.setString(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                }
            }
        }
        """);
    Path writer = dir.resolve("src/main/java/shop/Renamer.java");
    Files.writeString(writer, """
        package shop;

        import java.sql.Connection;
        import java.sql.PreparedStatement;

        public class Renamer {
            private Connection connection;

            public void rename(String id, String name) throws Exception {
                try (PreparedStatement ps = connection.prepareStatement("UPDATE names SET name = ? WHERE id = ?")) {
                    ps.setString(1, name);
                    ps.setString(2, id);
                    ps.executeUpdate();
                }
            }
        }
        """);
    CliRun refused = CliRun.of("migrate", dir.toString(), "--no-maven-repo", "--strict", "--only", "Names.findName");
    assertEquals(1, refused.exitCode(), refused.out() + refused.err());
    assertTrue(refused.err().contains("refused: shop.Names.findName(String)"), refused.err());
    CliRun accepted = CliRun.of("migrate", dir.toString(), "--no-maven-repo", "--strict", "--apply", "--allow-dirty",
        "--accept-stale", "Names.findName");
    assertEquals(1, accepted.exitCode(), "an accepted stale read is still a warning under --strict: " + accepted.err());
    assertTrue(accepted.err().contains("accepted stale"), accepted.err());
    try (var journals = Files.list(dir.resolve(".optkit/migrations"))) {
      assertTrue(journals.allMatch(p -> p.getFileName().toString().equals(".lock")), "--strict writes no migration");
    }
  }

  /** A Spring Boot service whose read a writer evicts, deployed as two replicas: local caches go stale. */
  private void replicatedSpringService() throws Exception {
    Files.writeString(dir.resolve("pom.xml"), """
        <project>
          <modelVersion>4.0.0</modelVersion>
          <parent>
            <groupId>org.springframework.boot</groupId>
            <artifactId>spring-boot-starter-parent</artifactId>
            <version>3.4.10</version>
          </parent>
          <groupId>shop</groupId>
          <artifactId>settings</artifactId>
          <version>1</version>
          <properties><java.version>17</java.version></properties>
          <dependencies>
            <dependency>
              <groupId>org.springframework.boot</groupId>
              <artifactId>spring-boot-starter</artifactId>
            </dependency>
          </dependencies>
        </project>
        """);
    Path file = dir.resolve("src/main/java/shop/Settings.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, """
        package shop;

        import java.net.URI;
        import java.net.http.HttpClient;
        import java.net.http.HttpRequest;
        import java.net.http.HttpResponse;
        import org.springframework.stereotype.Service;

        @Service
        public class Settings {
            private final HttpClient http = HttpClient.newHttpClient();

            public String value(String name) throws Exception {
                return http.send(HttpRequest.newBuilder(URI.create("https://s.example.com/" + name)).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            }

            public void update(String name, String value) throws Exception {
                http.send(HttpRequest.newBuilder(URI.create("https://s.example.com/" + name))
                        .PUT(HttpRequest.BodyPublishers.ofString(value)).build(), HttpResponse.BodyHandlers.discarding());
            }
        }
        """);
    Files.writeString(dir.resolve("docker-compose.yml"), """
        services:
          app:
            build: .
            deploy:
              replicas: 2
        """);
  }

  @Test
  void aMultiInstanceDeploymentIsSaidAndItsLocalCachesWithWritersAreWarnedOrFailedUnderStrict() throws Exception {
    replicatedSpringService();
    CliRun dry = CliRun.of("migrate", dir.toString(), "--no-maven-repo");
    assertEquals(0, dry.exitCode(), dry.out() + dry.err());
    assertTrue(dry.out().startsWith("deployment: looks multi-instance because docker-compose.yml: service app has "
        + "deploy.replicas: 2\n"), dry.out());
    assertTrue(dry.out().contains("  warning: evicted on this instance only"), dry.out());
    CliRun strict = CliRun.of("migrate", dir.toString(), "--no-maven-repo", "--strict");
    assertEquals(1, strict.exitCode(), strict.out() + strict.err());
    assertTrue(strict.err().contains("Settings.value(): evicted on this instance only"), strict.err());

    // a shared backend: no warning, and --strict passes
    CliRun redis = CliRun.of("migrate", dir.toString(), "--no-maven-repo", "--strict", "--cache-backend", "redis");
    assertEquals(0, redis.exitCode(), redis.out() + redis.err());
    assertTrue(!redis.out().contains("evicted on this instance only"), redis.out());
    assertTrue(redis.out().contains("Redis cache manager with 1 expiring cache(s) shared by every instance"), redis.out());
    assertTrue(redis.out().contains("RedisCacheManager.builder("), redis.out());
    Files.writeString(dir.resolve(".optkit.yml"), "cache:\n  backend: redis\n");
    CliRun configured = CliRun.of("migrate", dir.toString(), "--no-maven-repo", "--strict");
    assertEquals(redis.out(), configured.out(), "cache.backend in .optkit.yml does what --cache-backend does");

    CliRun twoLevel = CliRun.of("migrate", dir.toString(), "--no-maven-repo", "--strict", "--cache-backend", "two-level");
    assertEquals(0, twoLevel.exitCode(), twoLevel.out() + twoLevel.err());
    assertTrue(!twoLevel.out().contains("evicted on this instance only"), twoLevel.out());
    assertTrue(twoLevel.out().contains("Redis cache manager with a local level in each JVM and 1 expiring cache(s)"),
        twoLevel.out());
    assertTrue(twoLevel.out().contains("new OptkitRedisCaches.TwoLevelCacheWriter(shared, optkitLocalLevel)"), twoLevel.out());

    CliRun unknown = CliRun.of("migrate", dir.toString(), "--no-maven-repo", "--cache-backend", "near");
    assertEquals(2, unknown.exitCode(), unknown.out() + unknown.err());
    assertTrue(unknown.err().contains("--cache-backend: must be one of local, redis, two-level, was 'near'"),
        unknown.err());
  }

  @Test
  void aSecondMigrateWaitsForTheFirst() throws Exception {
    project();
    try (var held = dev.optkit.rewriters.plan.MigrationLock.tryAcquire(dir).orElseThrow()) {
      CliRun second = CliRun.of("migrate", dir.toString(), "--no-maven-repo", "--apply", "--allow-dirty");
      assertEquals(2, second.exitCode(), second.out() + second.err());
      assertTrue(second.err().contains("another optkit migrate is running"), second.err());
    }
    assertEquals(0, CliRun.of("migrate", dir.toString(), "--no-maven-repo").exitCode(), "the lock is released");
  }
}
