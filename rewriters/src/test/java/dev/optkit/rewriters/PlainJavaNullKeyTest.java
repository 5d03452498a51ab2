package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import dev.optkit.rewriters.edit.FileChange;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule 3 run for real: a migrated plain Java method called with a null argument answers uncached
 * (the downstream is asked every time) instead of throwing from Caffeine's null check, and a
 * non-null argument is served from the cache.
 */
class PlainJavaNullKeyTest {
  @TempDir Path dir;

  @Test
  void aNullArgumentIsAnsweredUncachedAndANonNullOneFromTheCache() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/names", exchange -> {
      requests.incrementAndGet();
      byte[] body = ("name of " + exchange.getRequestURI().getQuery()).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      MigrationFixture fixture = new MigrationFixture(dir).java("""
          package shop;

          import java.io.IOException;
          import java.net.URI;
          import java.net.http.HttpClient;
          import java.net.http.HttpRequest;
          import java.net.http.HttpResponse;

          public class Names {
              private final HttpClient client = HttpClient.newHttpClient();
              private final String base;

              public Names(String base) {
                  this.base = base;
              }

              public String fetchName(String id) throws IOException, InterruptedException {
                  HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/names?" + id)).GET().build();
                  return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
              }
          }
          """);
      MigrationPlan plan = fixture.plan();
      Path sources = dir.resolve("compiled-sources");
      for (FileChange change : plan.changes()) {
        Path file = sources.resolve(change.path());
        Files.createDirectories(file.getParent());
        Files.write(file, change.after());
      }
      Path classes = Files.createDirectories(dir.resolve("classes"));
      List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path")));
      try (Stream<Path> walk = Files.walk(sources)) {
        walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> arguments.add(p.toString()));
      }
      assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new)));
      try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
        Class<?> type = loader.loadClass("shop.Names");
        Object names = type.getConstructor(String.class).newInstance("http://127.0.0.1:" + server.getAddress().getPort());
        var fetch = type.getMethod("fetchName", String.class);
        assertEquals("name of null", fetch.invoke(names, (Object) null));
        assertEquals("name of null", fetch.invoke(names, (Object) null));
        assertEquals(2, requests.get(), "null is never a cache key: each call reaches the downstream");
        assertEquals("name of 7", fetch.invoke(names, "7"));
        assertEquals("name of 7", fetch.invoke(names, "7"));
        assertEquals(3, requests.get(), "a non-null key is served from the cache the second time");
      }
    } finally {
      server.stop(0);
    }
  }
}
