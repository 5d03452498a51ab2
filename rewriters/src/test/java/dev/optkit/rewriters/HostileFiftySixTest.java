package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.edit.FileChange;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile review 56 of review 55's fixes to plain Java caches in Redis: initial values the first allow-list let
 * through, an overridable method reached through a helper, a nested class reading its outer class's mutable static, a
 * static final read from a system property, a nested class's helpers written to a package named after its outer class,
 * Spring Boot 2.1's managed Jackson, values that lose their comparator or a superclass's field.
 */
class HostileFiftySixTest {
  @TempDir Path dir;

  private static String client(String header, String members, String part) {
    return """
        package app;

        import java.io.IOException;
        import java.net.URI;
        import java.net.http.HttpClient;
        import java.net.http.HttpRequest;
        import java.net.http.HttpResponse;

        """ + header + " {\n    private final HttpClient http = HttpClient.newHttpClient();\n" + members + """

            public String read(String id) throws IOException, InterruptedException {
                return http.send(HttpRequest.newBuilder(URI.create("http://kv/" + id + "/" + @PART@)).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            }
        }
        """.replace("@PART@", part);
  }

  private MigrationPlan plan(String at, String pom, String... sources) {
    MigrationFixture fixture = new MigrationFixture(dir.resolve(at)).file("pom.xml", pom)
        .config(OptkitConfig.defaults().withCacheBackend("redis"));
    for (String source : sources) {
      fixture = fixture.java(source);
    }
    return fixture.plan();
  }

  private static String notes(MigrationPlan plan) {
    return String.join("\n", plan.notes());
  }

  @Test
  void initialValuesOfTheMomentOrOfTheJvmStayLocal() {
    for (String[] field : List.of(
        new String[] {"    private static final java.util.concurrent.atomic.AtomicInteger NEXT = "
            + "new java.util.concurrent.atomic.AtomicInteger();\n    private final int shard = NEXT.getAndIncrement();\n",
            "NEXT.getAndIncrement()"},
        new String[] {"    private final Integer shard = Integer.getInteger(\"kv.shard\");\n", "Integer.getInteger"},
        new String[] {"    private final java.time.ZoneId zone = java.time.ZoneOffset.systemDefault();\n", "systemDefault"},
        new String[] {"    private final int pick = new java.util.SplittableRandom().nextInt(9);\n", "SplittableRandom"})) {
      MigrationPlan plan = plan("n1" + (field[1].hashCode() & 0xff), PlainRedisBackendTest.POM,
          client("public final class Fields", field[0], "\"x\""));
      assertTrue(notes(plan).contains("stays in a local cache") && notes(plan).contains(field[1]),
          field[0] + ": " + notes(plan));
    }
  }

  @Test
  void whatTheMethodReachesThroughItsHelpersOrStaticsCounts() {
    MigrationPlan helper = plan("n2", PlainRedisBackendTest.POM, client("public class Hooked", """
            protected String area() {
                return "a";
            }

            private String part() {
                return area();
            }
        """, "part()"));
    assertTrue(notes(helper).contains("read() calls area(), which a subclass of Hooked (an anonymous one too) may "
        + "override"), notes(helper));

    MigrationPlan property = plan("n4", PlainRedisBackendTest.POM, client("public final class Tenants",
        "    private static final String TENANT = System.getProperty(\"kv.tenant\");\n", "TENANT"));
    assertTrue(notes(property).contains("it reads Tenants.TENANT, set from System.getProperty(\"kv.tenant\"), which "
        + "optkit cannot show is the same in every JVM"), notes(property));

    MigrationPlan outerStatic = plan("n3", PlainRedisBackendTest.POM, """
        package app;

        import java.io.IOException;
        import java.net.URI;
        import java.net.http.HttpClient;
        import java.net.http.HttpRequest;
        import java.net.http.HttpResponse;

        public class Outer {
            private static String region = "us";

            public static void setRegion(String value) {
                region = value;
            }

            public static final class Reader {
                private final HttpClient http = HttpClient.newHttpClient();

                public String read(String id) throws IOException, InterruptedException {
                    return http.send(HttpRequest.newBuilder(URI.create("http://kv/" + region + "/" + id)).GET().build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                }
            }
        }
        """);
    assertTrue(outerStatic.refusals().isEmpty() || outerStatic.refusals().stream().noneMatch(r -> r.finding().ruleId()
        .equals("CacheableReadMethod")), "no candidate at all: " + outerStatic.refusals());
    assertTrue(outerStatic.targets().isEmpty(), "Outer's region changes: " + outerStatic.targets());
  }

  @Test
  void aNestedClassesHelpersGoToItsFilesPackage() {
    String outer = """
        package app;

        import java.io.IOException;
        import java.net.URI;
        import java.net.http.HttpClient;
        import java.net.http.HttpRequest;
        import java.net.http.HttpResponse;

        public class Outer {
            public static final class Reader {
                private final HttpClient http = HttpClient.newHttpClient();

                public String read(String id) throws IOException, InterruptedException {
                    return http.send(HttpRequest.newBuilder(URI.create("http://kv/" + id)).GET().build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                }
            }
        }
        """;
    MigrationFixture fixture = new MigrationFixture(dir.resolve("n5")).file("pom.xml", PlainRedisBackendTest.POM)
        .java(outer).config(OptkitConfig.defaults().withCacheBackend("redis"));
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.targets().size(), plan.refusals().toString());
    List<String> paths = plan.changes().stream().map(FileChange::path).toList();
    assertTrue(paths.contains("src/main/java/app/OptkitRedisCache.java")
        && paths.contains("src/main/java/app/OptkitCaching.java"), paths.toString());
  }

  @Test
  void springBoot21sJacksonKeepsTheCachesLocal() {
    String boot21 = """
        <project>
          <modelVersion>4.0.0</modelVersion>
          <parent>
            <groupId>org.springframework.boot</groupId>
            <artifactId>spring-boot-starter-parent</artifactId>
            <version>2.1.8.RELEASE</version>
          </parent>
          <groupId>app</groupId>
          <artifactId>kv</artifactId>
          <version>1</version>
          <dependencies>
            <dependency>
              <groupId>redis.clients</groupId>
              <artifactId>jedis</artifactId>
              <version>3.5.1</version>
            </dependency>
          </dependencies>
        </project>
        """;
    MigrationPlan plan = plan("c1", boot21, client("public final class Plain", "", "\"x\""));
    assertTrue(notes(plan).contains("it declares Jackson 2.9 (Spring Boot 2.1.8.RELEASE's), older than the 2.10"),
        notes(plan));
  }

  @Test
  void aSortedSetOrAValueWithASuperclassIsRefused() {
    String sorted = client("public final class Sorted", "", "\"x\"")
        .replace("public String read(String id)", "public java.util.TreeSet<String> read(String id)")
        .replace("return http.send(", "return new java.util.TreeSet<>(java.util.List.of(http.send(")
        .replace(".body();", ".body()));");
    MigrationPlan plan = plan("n7", PlainRedisBackendTest.POM, sorted);
    assertTrue(plan.refusals().stream().map(Refusal::reason).anyMatch(r -> r.contains("without its comparator")),
        plan.targets() + " " + plan.refusals());
  }
}
