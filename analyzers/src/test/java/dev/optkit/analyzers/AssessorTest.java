package dev.optkit.analyzers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.findings.Category;
import dev.optkit.analyzers.findings.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssessorTest {
  @TempDir Path dir;

  private static final String CLIENT = """
      package shop;
      import java.net.URL;
      class Fetch {
        String body(String url) throws Exception {
          try (var in = new URL("https://example.com/" + url).openStream()) { return new String(in.readAllBytes()); }
        }
      }
      """;

  @Test
  void unparsableFileIsReportedAndTheScanGoesOn() {
    Assessment assessment = new ProjectFixture(dir)
        .java(CLIENT)
        .file("src/main/java/shop/Broken.java", "package shop;\nclass Broken { void x( { }\n")
        .assess();
    assertEquals(2, assessment.summary().filesScanned());
    assertEquals(1, assessment.summary().filesFailed());
    assertEquals("src/main/java/shop/Broken.java", assessment.warnings().get(0).path());
    assertEquals(2, assessment.warnings().get(0).line());
    assertTrue(assessment.findings().stream().anyMatch(f -> f.category() == Category.API_CALL));
  }

  @Test
  void buildOutputTestsAndExcludedPathsAreSkipped() throws Exception {
    ProjectFixture fixture = new ProjectFixture(dir)
        .java(CLIENT)
        .file("target/generated-sources/shop/Gen.java", CLIENT.replace("class Fetch", "class Gen"))
        .file("src/test/java/shop/FetchTest.java", CLIENT.replace("class Fetch", "class FetchTest"))
        .file("src/main/java/shop/generated/Skip.java", CLIENT.replace("package shop;", "package shop.generated;")
            .replace("class Fetch", "class Skip"));
    fixture.config(dev.optkit.analyzers.config.OptkitConfig.defaults());
    Assessment all = fixture.assess();
    // generated sources are read (controllers implement their mapped interfaces) but never reported
    assertEquals(3, all.summary().filesScanned(), all.findings().toString());
    assertTrue(all.findings().stream().noneMatch(f -> f.path().startsWith("target/")), all.findings().toString());
    Assessor.Options excluding = new Assessor.Options(List.of(dir), List.of("**/generated/**"), true, List.of(), false, 1,
        true, dev.optkit.analyzers.config.OptkitConfig.defaults(), "test", null);
    Assessment narrowed = new Assessor().assess(excluding, Assessor.Progress.NONE);
    assertEquals(List.of("src/main/java/shop/Fetch.java", "src/test/java/shop/FetchTest.java"),
        narrowed.findings().stream().filter(f -> f.category() == Category.API_CALL).map(Finding::path).sorted().toList());
  }

  @Test
  void codeForTheNewestJavaAndLegacyIdentifiersBothParse() {
    Assessment assessment = new ProjectFixture(dir)
        .java("""
            package shop;
            sealed interface Shape permits Circle, Square {}
            """)
        .java("""
            package shop;
            record Circle(double r) implements Shape {}
            """)
        .java("""
            package shop;
            record Square(double side) implements Shape {}
            """)
        .java("""
            package shop;
            class Areas {
              static double area(Shape shape) {
                return switch (shape) {
                  case Circle(double r) -> Math.PI * r * r;
                  case Square s when s.side() > 0 -> s.side() * s.side();
                  case Square s -> 0;
                };
              }
              String text() { return \"""
                  multi-line
                  \"""; }
            }
            """)
        .file("src/main/java/legacy/Old.java", "package legacy;\nclass Old { int _ = 1; int enumLike(int _) { return _; } }\n")
        .assess();
    assertEquals(0, assessment.summary().filesFailed(), assessment.warnings().toString());
  }

  @Test
  void sameInputGivesTheSameFindingsInTheSameOrder() {
    ProjectFixture fixture = new ProjectFixture(dir).java(CLIENT);
    Assessment first = fixture.assess();
    Assessment second = fixture.assess();
    assertEquals(first.findings(), second.findings());
    assertEquals(first.summary(), second.summary());
  }

  @Test
  void findingsSurviveLineShiftsWithTheSameFingerprint() throws Exception {
    ProjectFixture fixture = new ProjectFixture(dir).java(CLIENT);
    Finding before = fixture.assess().findings().get(0);
    Path file = dir.resolve("src/main/java/shop/Fetch.java");
    Files.writeString(file, Files.readString(file).replace("class Fetch {", "/** Fetches. */\n\nclass Fetch {\n  int unrelated = 1;\n"));
    Finding after = new Assessor().assess(new Assessor.Options(List.of(dir), List.of(), false, List.of(), false, 1, true,
        dev.optkit.analyzers.config.OptkitConfig.defaults(), "test", null), Assessor.Progress.NONE).findings().get(0);
    assertEquals(before.line() + 4, after.line());
    assertEquals(before.fingerprint(), after.fingerprint());
  }

  @Test
  void cachedFactsGiveTheSameAssessmentAndChangedFilesAreParsedAgain() throws Exception {
    new ProjectFixture(dir).java(CLIENT).java("""
        package shop;
        import java.sql.Connection;
        class Repo {
          private Connection connection;
          int count() throws Exception {
            return connection.createStatement().executeQuery("SELECT COUNT(*) FROM t").getInt(1);
          }
        }
        """).assess();
    Path cacheDir = dir.resolve(".optkit/cache");
    Assessor.Options options = new Assessor.Options(List.of(dir), List.of(), false, List.of(), false, 2, true,
        dev.optkit.analyzers.config.OptkitConfig.defaults(), "test", cacheDir);
    Assessment cold = new Assessor().assess(options, Assessor.Progress.NONE);
    assertEquals(0, cold.stats().cachedFiles());
    Assessment warm = new Assessor().assess(options, Assessor.Progress.NONE);
    assertEquals(2, warm.stats().cachedFiles());
    assertEquals(cold.findings(), warm.findings());
    assertEquals(cold.summary(), warm.summary());
    Path repo = dir.resolve("src/main/java/shop/Repo.java");
    Files.writeString(repo, Files.readString(repo).replace("COUNT(*) FROM t", "COUNT(*) FROM u"));
    Assessment changed = new Assessor().assess(options, Assessor.Progress.NONE);
    assertEquals(1, changed.stats().cachedFiles());
    assertTrue(changed.findings().stream().anyMatch(f -> "SELECT COUNT(*) FROM u".equals(f.details().get("sql"))));
  }

  private static final String ORDERS = """
      package demo;

      import java.net.URI;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;
      import java.util.List;

      public class Orders {
        private final Gateway gateway = new Gateway();

        public void price(List<String> skus) throws Exception {
          for (String sku : skus) {
            gateway.client().send(HttpRequest.newBuilder(URI.create("http://prices/" + sku)).build(),
                HttpResponse.BodyHandlers.ofString());
          }
        }
      }
      """;

  private static final String GATEWAY_OVER_HTTP = """
      package demo;

      import java.net.http.HttpClient;

      public class Gateway {
        public HttpClient client() {
          return HttpClient.newHttpClient();
        }
      }
      """;

  /** The same types; client() now returns the gateway itself, whose send records and sends nothing. */
  private static final String GATEWAY_RECORDING = """
      package demo;

      public class Gateway {
        public Gateway client() {
          return this;
        }

        public String send(Object request, Object handler) {
          return "recorded";
        }
      }
      """;

  private Assessment assess(Path cacheDir) {
    return new Assessor().assess(new Assessor.Options(List.of(dir), List.of(), false, List.of(), false, 1, true,
        dev.optkit.analyzers.config.OptkitConfig.defaults(), "test", cacheDir), Assessor.Progress.NONE);
  }

  /**
   * A file's facts are resolved through the other files' declarations: an unchanged Orders.java whose
   * {@code gateway.client().send(..)} was an HTTP request is none once Gateway.client() returns a Gateway. A change
   * of another file's declarations re-extracts the files read from the cache; a change inside a method body keeps
   * them. Either way the answer is an uncached run's.
   */
  @Test
  void aChangeOfAnotherFilesDeclarationsReExtractsTheCachedFiles() throws Exception {
    new ProjectFixture(dir).file("src/main/java/demo/Orders.java", ORDERS)
        .file("src/main/java/demo/Gateway.java", GATEWAY_OVER_HTTP).assess();
    Path cacheDir = dir.resolve(".optkit/cache");
    Assessment before = assess(cacheDir);
    assertTrue(before.findings().stream().anyMatch(f -> f.path().endsWith("Orders.java")), before.findings().toString());
    assertEquals(2, assess(cacheDir).stats().cachedFiles());

    Path gateway = dir.resolve("src/main/java/demo/Gateway.java");
    Files.writeString(gateway, GATEWAY_OVER_HTTP.replace("return HttpClient.newHttpClient();",
        "HttpClient made = HttpClient.newHttpClient();\n    return made;"));
    Assessment bodyOnly = assess(cacheDir);
    assertEquals(1, bodyOnly.stats().cachedFiles(), "a body's change leaves the other file's facts as they were");
    assertEquals(assess(null).findings(), bodyOnly.findings());

    Files.writeString(gateway, GATEWAY_RECORDING);
    Assessment declarations = assess(cacheDir);
    assertEquals(0, declarations.stats().cachedFiles(), "Orders.java resolved client() through Gateway.java");
    assertEquals(assess(null).findings(), declarations.findings());
    assertTrue(declarations.findings().stream().noneMatch(f -> f.path().endsWith("Orders.java")),
        declarations.findings().toString());
  }

  /**
   * Orders names the Gateway only; the Gateway's surface names the Client, whose http() Orders' chain reaches. A
   * change of the Client's declarations re-reads Orders and the Gateway, not a file that names none of them.
   */
  @Test
  void aChangeOfDeclarationsReachedThroughAnotherFilesSurfaceReExtractsTheFilesReachingIt() throws Exception {
    String orders = ORDERS.replace("gateway.client().send(", "gateway.client().http().send(");
    String gateway = """
        package demo;

        public class Gateway {
          private final Client client = new Client();

          public Client client() {
            return client;
          }
        }
        """;
    String overHttp = """
        package demo;

        import java.net.http.HttpClient;

        public class Client {
          public HttpClient http() {
            return HttpClient.newHttpClient();
          }
        }
        """;
    String unrelated = """
        package demo;

        public class Unrelated {
          int answer() {
            return 42;
          }
        }
        """;
    new ProjectFixture(dir).file("src/main/java/demo/Orders.java", orders)
        .file("src/main/java/demo/Gateway.java", gateway).file("src/main/java/demo/Client.java", overHttp)
        .file("src/main/java/demo/Unrelated.java", unrelated).assess();
    Path cacheDir = dir.resolve(".optkit/cache");
    Assessment before = assess(cacheDir);
    assertTrue(before.findings().stream().anyMatch(f -> f.path().endsWith("Orders.java")), before.findings().toString());
    assertEquals(4, assess(cacheDir).stats().cachedFiles());

    Files.writeString(dir.resolve("src/main/java/demo/Client.java"), """
        package demo;

        public class Client {
          public Client http() {
            return this;
          }

          public String send(Object request, Object handler) {
            return "recorded";
          }
        }
        """);
    Assessment after = assess(cacheDir);
    assertEquals(1, after.stats().cachedFiles(), "Unrelated.java alone names none of them");
    assertEquals(assess(null).findings(), after.findings());
    assertTrue(after.findings().stream().noneMatch(f -> f.path().endsWith("Orders.java")), after.findings().toString());
  }

  /**
   * A warm run after an edit whose effect crosses files answers what a run without the cache does: a method of another
   * class made to call I/O (a loop calling it becomes an I/O loop), a writer of a table added to another class, a
   * class made to implement an interface another file calls, a schema script changed.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"helper-does-io", "writer-added", "implementation-added",
      "schema-changed"})
  void aWarmRunAfterAnEditAcrossFilesAnswersAsAnUncachedRun(String edit) throws Exception {
    new ProjectFixture(dir).file("src/main/java/demo/Orders.java", """
        package demo;

        import java.util.List;

        public class Orders {
          private final Labels labels = new Labels();
          private final Source source = null;

          public int count(List<String> skus) throws Exception {
            int n = 0;
            for (String sku : skus) {
              n += labels.label(sku).length() + source.fetch(sku).length();
            }
            return n;
          }
        }
        """).file("src/main/java/demo/Labels.java", """
        package demo;

        public class Labels {
          public String label(String sku) throws Exception {
            return sku.trim();
          }
        }
        """).file("src/main/java/demo/Source.java", """
        package demo;

        public interface Source {
          String fetch(String sku) throws Exception;
        }
        """).file("src/main/java/demo/Store.java", """
        package demo;

        import java.sql.Connection;
        import java.sql.ResultSet;

        public class Store {
          private Connection connection;

          public String price(String sku) throws Exception {
            ResultSet rows = connection.createStatement().executeQuery("SELECT price FROM prices WHERE sku = 'a'");
            return rows.getString(1);
          }
        }
        """).file("src/main/resources/schema.sql", "CREATE TABLE prices (sku VARCHAR(20), price VARCHAR(20));\n")
        .assess();
    Path cacheDir = dir.resolve(".optkit/cache");
    Assessment before = assess(cacheDir);
    switch (edit) {
      case "helper-does-io" -> Files.writeString(dir.resolve("src/main/java/demo/Labels.java"), """
          package demo;

          import java.net.URI;
          import java.net.http.HttpClient;
          import java.net.http.HttpRequest;
          import java.net.http.HttpResponse;

          public class Labels {
            public String label(String sku) throws Exception {
              return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://labels/" + sku)).build(),
                  HttpResponse.BodyHandlers.ofString()).body();
            }
          }
          """);
      case "writer-added" -> edit("src/main/java/demo/Labels.java", "  public String label(", """
            private java.sql.Connection connection;

            public void reprice() throws Exception {
              connection.createStatement().executeUpdate("UPDATE prices SET price = '2'");
            }

            public String label(""");
      case "implementation-added" -> edit("src/main/java/demo/Store.java", "public class Store {", """
          public class Store implements Source {
            @Override
            public String fetch(String sku) throws Exception {
              return price(sku);
            }
          """);
      default -> edit("src/main/resources/schema.sql", "\n", "\nCREATE VIEW cheap AS SELECT sku FROM prices;\n"
          + "CREATE TRIGGER touch AFTER INSERT ON prices FOR EACH ROW CALL \"demo.Touch\";\n");
    }
    Assessment warm = assess(cacheDir);
    assertTrue(warm.stats().cachedFiles() > 0, "the run reused cached facts");
    assertEquals(assess(null).findings(), warm.findings(), edit);
    if (!edit.equals("schema-changed")) { // the script's view and trigger change no finding here
      org.junit.jupiter.api.Assertions.assertNotEquals(before.findings(), warm.findings(), "the edit changes the answer");
    }
  }

  private void edit(String path, String from, String to) throws Exception {
    Path file = dir.resolve(path);
    String before = Files.readString(file);
    assertTrue(before.contains(from), path + " has no " + from);
    Files.writeString(file, before.replace(from, to));
  }

  @Test
  void aJarArrivingBetweenRunsInvalidatesTheCacheAndTheAnswerMatchesAnUncachedRun() throws Exception {
    new ProjectFixture(dir).java(CLIENT).assess();
    Path libs = Files.createDirectories(dir.resolve("libs"));
    Path cacheDir = dir.resolve(".optkit/cache");
    Assessor.Options cached = new Assessor.Options(List.of(dir.resolve("src")), List.of(), false, List.of(libs), false,
        1, true, dev.optkit.analyzers.config.OptkitConfig.defaults(), "test", cacheDir);
    new Assessor().assess(cached, Assessor.Progress.NONE);
    assertEquals(1, new Assessor().assess(cached, Assessor.Progress.NONE).stats().cachedFiles());

    // a jar arrives in a class-path folder, as jars arrive in the local Maven repository
    try (var jar = new java.util.jar.JarOutputStream(Files.newOutputStream(libs.resolve("extra.jar")))) {
      jar.putNextEntry(new java.util.zip.ZipEntry("extra/Marker.class"));
      jar.write(new byte[0]);
    }
    Assessment afterJar = new Assessor().assess(cached, Assessor.Progress.NONE);
    assertEquals(0, afterJar.stats().cachedFiles(), "facts from before the jar are not reused");
    Assessment uncached = new Assessor().assess(new Assessor.Options(List.of(dir.resolve("src")), List.of(), false,
        List.of(libs), false, 1, true, dev.optkit.analyzers.config.OptkitConfig.defaults(), "test", null),
        Assessor.Progress.NONE);
    assertEquals(uncached.findings(), afterJar.findings());
  }
}
