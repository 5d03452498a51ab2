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
 * Which plain Java caches may go to Redis: a hit there is another JVM's object, so only objects that are alike
 * wherever they are made, and values that come back from Redis as they were, go there.
 *
 * <p>Hostile review 55 of plain Java caches in Redis: objects judged alike that were not (a superclass's state, an
 * enclosing object, initial values of the moment, an overridable helper), values that did not come back alike (a
 * map's keys, a zoned time, an Optional inside), a Jedis or Jackson too old to compile against. Each case stays in a
 * local cache (or is refused) with its reason; the control beside them goes to Redis.
 */
class PlainJavaRedisEligibilityTest {
  @TempDir Path dir;

  private static final String READ = """
          public String read(String id) throws IOException, InterruptedException {
              return http.send(HttpRequest.newBuilder(URI.create("http://kv/" + id + "/" + part())).GET().build(),
                      HttpResponse.BodyHandlers.ofString()).body();
          }
      """;

  private static String client(String header, String members) {
    return """
        package shop;

        import java.io.IOException;
        import java.net.URI;
        import java.net.http.HttpClient;
        import java.net.http.HttpRequest;
        import java.net.http.HttpResponse;

        """ + header + " {\n    private final HttpClient http = HttpClient.newHttpClient();\n" + members
        + READ.replace("part()", "\"x\"") + "}\n";
  }

  private MigrationPlan plan(Path at, String pom, String... sources) {
    MigrationFixture fixture = new MigrationFixture(at).file("pom.xml", pom).config(OptkitConfig.defaults()
        .withCacheBackend("redis"));
    for (String source : sources) {
      fixture = fixture.java(source);
    }
    return fixture.plan();
  }

  private static String note(MigrationPlan plan) {
    return plan.notes().stream().filter(n -> n.startsWith("cache: ")).findFirst().orElse("no note: " + plan.notes());
  }

  private static boolean inRedis(MigrationPlan plan) {
    return plan.changes().stream().anyMatch(c -> c.path().endsWith("OptkitRedisCache.java"));
  }

  @Test
  void theControlGoesToRedis() {
    MigrationPlan plan = plan(dir, PlainRedisBackendTest.POM, client("public final class Plain", ""));
    assertEquals(1, plan.targets().size(), plan.refusals().toString());
    assertTrue(inRedis(plan), plan.notes().toString());
  }

  @Test
  void objectsThatMayDifferStayLocalEachWithItsReason() {
    String base = """
        package shop;

        public class BaseClient {
            protected String token;

            public void login(String token) {
                this.token = token;
            }
        }
        """;
    MigrationPlan inherited = plan(dir.resolve("h1"), PlainRedisBackendTest.POM, base,
        client("public final class Inherit extends BaseClient", ""));
    assertTrue(note(inherited).endsWith("Inherit extends BaseClient, whose state objects of Inherit may each hold "
        + "differently: a cache in Redis is shared by every object of Inherit, where a local cache is each object's own"),
        note(inherited));

    MigrationPlan inner = plan(dir.resolve("h3"), PlainRedisBackendTest.POM, client("public class Outer", """
            private final String tenant = "t1";

            public class Reader {
                private final HttpClient http = HttpClient.newHttpClient();

                public String read(String id) throws IOException, InterruptedException {
                    return http.send(HttpRequest.newBuilder(URI.create("http://kv/" + tenant + "/" + id)).GET().build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                }
            }
        """));
    assertTrue(inner.notes().stream().anyMatch(n -> n.contains("Reader is an inner class, whose objects each hold an "
        + "enclosing object")), inner.notes().toString());

    for (String[] field : List.of(
        new String[] {"private final int shard = next++;\n    private static int next;\n", "next++"},
        new String[] {"private final String region = Config.region;\n", "Config.region"},
        new String[] {"private final String lang = java.util.Locale.getDefault().getLanguage();\n", "java.util.Locale"},
        new String[] {"private final String mirror = System.getProperty(\"mirror\");\n", "System.getProperty"})) {
      MigrationPlan plan = plan(dir.resolve("h4" + (field[1].hashCode() & 0xff)), PlainRedisBackendTest.POM, """
          package shop;

          public class Config {
              public static String region = "us";
          }
          """, client("public final class Fields", "    " + field[0]));
      assertTrue(note(plan).contains("is set from") && note(plan).contains(field[1].replace("java.util.", "")
          .replace("Locale", "Locale")), field[0] + ": " + note(plan));
    }

    MigrationPlan hooked = plan(dir.resolve("h2"), PlainRedisBackendTest.POM, """
        package shop;

        import java.io.IOException;
        import java.net.URI;
        import java.net.http.HttpClient;
        import java.net.http.HttpRequest;
        import java.net.http.HttpResponse;

        public class Hooked {
            private final HttpClient http = HttpClient.newHttpClient();

            protected String area() {
                return "a";
            }

        """ + READ.replace("part()", "area()") + "}\n");
    assertTrue(note(hooked).contains("read() calls area(), which a subclass of Hooked (an anonymous one too) may "
        + "override"), note(hooked));
  }

  @Test
  void valuesThatDoNotComeBackAlikeAreRefused() {
    for (String[] returned : List.of(
        new String[] {"java.util.Map<Long, String>", "java.util.Map.of(1L, body)", "comes back with String keys"},
        new String[] {"java.time.ZonedDateTime", "java.time.ZonedDateTime.parse(body)", "comes back from JSON in UTC"})) {
      String source = client("public final class Values", "").replace("public String read(String id)",
          "public " + returned[0] + " read(String id)").replace("HttpResponse.BodyHandlers.ofString()).body();",
          "HttpResponse.BodyHandlers.ofString()).body();\n    }\n\n    private " + returned[0] + " unused(String body) {\n"
              + "        return " + returned[1] + ";");
      MigrationPlan plan = plan(dir.resolve(String.valueOf(returned[0].hashCode() & 0xff)), PlainRedisBackendTest.POM,
          source.replace("return http.send(", "String body = http.send(").replace("ofString()).body();\n    }\n\n",
              "ofString()).body();\n        return unused(body);\n    }\n\n"));
      assertTrue(plan.refusals().stream().map(Refusal::reason).anyMatch(r -> r.contains(returned[2])),
          returned[0] + ": " + plan.targets() + " " + plan.refusals());
    }
  }

  /** Trial 55's 3b: a module with module-info.java, which migrate does not edit, is refused saying so. */
  @Test
  void aModuleDeclaringModuleInfoIsRefused() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("jpms")).file("pom.xml", PlainRedisBackendTest.POM)
        .java(client("public final class Plain", ""))
        .file("src/main/java/module-info.java", "module shop {\n    requires java.net.http;\n}\n").plan();
    assertEquals(List.of(), plan.targets());
    assertTrue(plan.refusals().stream().map(Refusal::reason).anyMatch(r -> r.startsWith("its module declares "
        + "src/main/java/module-info.java, which optkit does not edit")), plan.refusals().toString());
  }

  @Test
  void aJedisOrJacksonTooOldToCompileAgainstKeepsTheCachesLocal() {
    String boot21 = """
        <project>
          <modelVersion>4.0.0</modelVersion>
          <parent>
            <groupId>org.springframework.boot</groupId>
            <artifactId>spring-boot-starter-parent</artifactId>
            <version>2.1.8.RELEASE</version>
          </parent>
          <groupId>shop</groupId>
          <artifactId>kv</artifactId>
          <version>1</version>
          <dependencies>
            <dependency>
              <groupId>redis.clients</groupId>
              <artifactId>jedis</artifactId>
            </dependency>
          </dependencies>
        </project>
        """;
    MigrationPlan old = plan(dir.resolve("c2"), boot21, client("public final class Plain", ""));
    assertTrue(old.notes().contains("cache: the plain Java caches stay local in each JVM: its Jedis is older than 3 "
        + "(Spring Boot 2.0 and 2.1 manage 2.9), which the Redis cache is not written against"), old.notes().toString());
    assertTrue(!inRedis(old));

    String jackson29 = PlainRedisBackendTest.POM.replace("</dependencies>", """
          <dependency>
            <groupId>com.fasterxml.jackson.core</groupId>
            <artifactId>jackson-databind</artifactId>
            <version>2.9.10.4</version>
          </dependency>
        </dependencies>""");
    MigrationPlan older = plan(dir.resolve("c1"), jackson29, client("public final class Plain", ""));
    assertTrue(older.notes().contains("cache: the plain Java caches stay local in each JVM: it declares Jackson "
        + "2.9.10.4, older than the 2.10 the Redis cache is written against"), older.notes().toString());
  }

  // The cases from here on are hostile review 56's, of review 55's fixes to plain Java caches in Redis: initial values the first allow-list let
  // through, an overridable method reached through a helper, a nested class reading its outer class's mutable static, a
  // static final read from a system property, a nested class's helpers written to a package named after its outer class,
  // Spring Boot 2.1's managed Jackson, values that lose their comparator or a superclass's field.

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
