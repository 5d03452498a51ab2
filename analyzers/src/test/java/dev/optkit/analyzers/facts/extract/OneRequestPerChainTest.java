package dev.optkit.analyzers.facts.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.findings.Category;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A request made and never sent is none; two requests chained are two. */
class OneRequestPerChainTest {
  @TempDir Path dir;

  private ProjectFixture vertx() {
    return new ProjectFixture(dir).java("""
        package io.vertx.core;
        public interface Handler<E> { void handle(E event); }
        """).java("""
        package io.vertx.core.http;
        import io.vertx.core.Handler;
        public interface HttpClient {
          HttpClient getNow(String uri, Handler<Object> response);
          HttpClientRequest get(String uri, Handler<Object> response);
        }
        """).java("""
        package io.vertx.core.http;
        public interface HttpClientRequest {
          HttpClientRequest putHeader(String name, String value);
          void end();
        }
        """);
  }

  /** Vert.x 3's getNow answers the client (@Fluent): two getNow in one chain are two requests. */
  @Test
  void twoRequestsChainedOnAFluentClientAreTwoRequests() {
    List<String> found = vertx().java("""
        package shop;
        import io.vertx.core.http.HttpClient;
        public class Prices {
          public void warm(HttpClient client) {
            client.getNow("/prices", r -> { }).getNow("/stock", r -> { });
          }
        }
        """).findings(Category.API_CALL).stream().map(f -> f.line() + " " + f.details().get("url")).toList();
    assertEquals(2, found.size(), found.toString());
  }

  /** get(uri, handler) only makes the request; a request never ended is never sent. */
  @Test
  void aVertxRequestNeverEndedIsNoCall() {
    List<String> found = vertx().java("""
        package shop;
        import io.vertx.core.http.HttpClient;
        import io.vertx.core.http.HttpClientRequest;
        public class Prices {
          public HttpClientRequest prepare(HttpClient client) {
            return client.get("/prices", r -> { }).putHeader("Accept", "application/json");
          }
        }
        """).findings(Category.API_CALL).stream().map(f -> f.line() + " " + f.snippet()).toList();
    assertEquals(List.of(), found);
  }
}
