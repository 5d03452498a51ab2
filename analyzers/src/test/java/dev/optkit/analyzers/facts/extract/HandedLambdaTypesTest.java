package dev.optkit.analyzers.facts.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.findings.Category;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lambda's untyped parameter takes the type its class declares for it: handed to a method of the class whose
 * parameter there is {@code Handler<SQLConnection>}, the lambda's {@code connection} is an SQLConnection, and its
 * queries are queries (a Vert.x service's callback style, with no jars to type it).
 */
class HandedLambdaTypesTest {
  @TempDir Path dir;

  private List<String> queries(String handedTo) {
    return new ProjectFixture(dir).java("""
        package io.vertx.core;
        public interface Handler<E> {
          void handle(E event);
        }
        """).java("""
        package shop;
        import io.vertx.core.Handler;
        import io.vertx.ext.jdbc.JDBCClient;
        import io.vertx.ext.sql.SQLConnection;
        public class Orders {
          private final JDBCClient client;
          public Orders(JDBCClient client) { this.client = client; }
          public void place(String id) {
            client.getConnection(withConnection(connection -> {
              connection.updateWithParams("INSERT INTO orders (id) VALUES (?)", null, r -> { });
            }));
          }
          private Handler<Object> withConnection(%s then) { return null; }
        }
        """.formatted(handedTo)).findings(Category.DB_QUERY).stream().map(f -> f.line() + " " + f.details().get("access"))
        .toList();
  }

  @Test
  void aLambdaHandedToAHandlerOfAConnectionQueriesThroughIt() {
    assertEquals(List.of("10 write"), queries("Handler<SQLConnection>"));
  }

  @Test
  void aLambdaHandedToAHandlerOfAnotherTypeIsNoClient() {
    assertEquals(List.of(), queries("Handler<String>"));
  }
}
