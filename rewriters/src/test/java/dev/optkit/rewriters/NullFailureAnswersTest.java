package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.optkit.analyzers.proof.Proof;
import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read that answers null when its call fails (a RestTemplate proxy's {@code catch (RestClientException e)} that logs
 * and falls through to {@code return null}, as in a usefulness trial's iTunes client) is cached on the condition that
 * a null answer is never stored: Spring's {@code unless = "#result == null"} (which Spring does not allow beside
 * {@code sync = true}), or the plain cache's store skipped for null. Run for real against a loopback server that
 * fails first and then answers: the call after the outage reaches the server, and the one after that is a hit.
 */
class NullFailureAnswersTest {
  @TempDir Path dir;
  private HttpServer server;
  private final AtomicBoolean down = new AtomicBoolean(true);
  private final AtomicInteger requests = new AtomicInteger();

  /** The trial's shape: a public read returning a private helper's answer whole, the helper logging each failure. */
  private static final String CLIENT = """
      package shop;

      import java.io.IOException;
      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;

      public class Songs {
          private final HttpClient http = HttpClient.newHttpClient();
          private final String base = System.getProperty("null.answers.base");

          public String songs(String artist) {
              return fetch(base + "/songs/" + artist);
          }

          private String fetch(String uri) {
              try {
                  HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri)).GET().build(),
                          HttpResponse.BodyHandlers.ofString());
                  if (response.statusCode() != 200) {
                      throw new IOException("status " + response.statusCode());
                  }
                  return response.body();
              } catch (IOException e) {
                  System.err.println(e.getMessage());
              } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
              }
              return null;
          }
      }
      """;

  private static final String BEAN = CLIENT.replace("public class Songs", "@org.springframework.stereotype.Service\npublic class Songs");

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/songs/", exchange -> {
      requests.incrementAndGet();
      byte[] body = "Stitches".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(down.get() ? 503 : 200, down.get() ? -1 : body.length);
      if (!down.get()) {
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    server.start();
    System.setProperty("null.answers.base", "http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
    System.clearProperty("null.answers.base");
  }

  @Test
  void aSpringReadAnsweringNullOnFailureIsCachedUnlessItsResultIsNull() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).file("pom.xml", RedisBackendTest.BOOT_POM).java(BEAN);
    MigrationPlan plan = fixture.plan();
    CachingTarget target = only(plan, "songs");
    assertTrue(target.keepsNoNull());
    String after = MigrationFixture.after(plan, "src/main/java/shop/Songs.java");
    // the annotation as generated (before/after): unless beside no sync, which Spring refuses with it
    assertTrue(after.contains("""
            @Cacheable(cacheNames = "optkit.Songs.songs", key = "#p0", cacheManager = "optkitCacheManager", \
        condition = "#p0 != null and !T(shop.OptkitCaching).disabled()", unless = "#result == null")
            public String songs(String artist) {
        """), after);
    fixture.inSpringContext(plan, "shop.Songs",
        (songs, loader) -> assertOutageNotKept(songs, songs.getClass().getMethod("songs", String.class)));
  }

  @Test
  void aPlainReadAnsweringNullOnFailureStoresNoNull() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java(CLIENT);
    MigrationPlan plan = fixture.plan();
    assertTrue(only(plan, "songs").keepsNoNull());
    Path classes = fixture.compile(plan);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> type = loader.loadClass("shop.Songs");
      assertOutageNotKept(type.getConstructor().newInstance(), type.getMethod("songs", String.class));
    }
  }

  /** A helper that gives a stand-in other than null is no answer to keep at all: the read is not cached. */
  @Test
  void aReadAnsweringAValueOnFailureIsNotCached() {
    MigrationPlan plan = new MigrationFixture(dir).file("pom.xml", RedisBackendTest.BOOT_POM)
        .java(BEAN.replace("return null;", "return \"\";")).plan();
    assertEquals(List.of(), plan.targets().stream().map(t -> t.method().fact().name()).toList());
    assertEquals(List.of(Proof.FAILURE_ANSWER), plan.notCacheable().stream()
        .filter(n -> n.member().startsWith("songs(")).map(n -> n.reason().proof()).toList(), plan.notCacheable().toString());
  }

  private void assertOutageNotKept(Object songs, Method read) throws Exception {
    assertNull(read.invoke(songs, "shawn"), "the outage answers null");
    down.set(false);
    assertEquals("Stitches", read.invoke(songs, "shawn"), "the call after the outage asks again");
    assertEquals("Stitches", read.invoke(songs, "shawn"));
    assertEquals(2, requests.get(), "the outage's call and the one after it reach the server; the third is a hit");
  }

  private static CachingTarget only(MigrationPlan plan, String method) {
    assertEquals(List.of(method), plan.targets().stream().map(t -> t.method().fact().name()).toList(),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
    return plan.targets().get(0);
  }
}
