package dev.optkit.analyzers.facts.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.findings.Category;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lambda takes no type a class hands another lambda of its name, nor the type its callback answers. */
class HandedLambdaTypesNearMissesTest {
  @TempDir Path dir;

  /**
   * Lambda parameters are typed by name per method: a second lambda's {@code c} over a list of counters is not the
   * SQLConnection the first lambda's {@code c} is.
   */
  @Test
  void anotherLambdasParameterOfTheSameNameIsNotTheHandedClient() {
    List<String> found = new ProjectFixture(dir).java("""
        package shop;
        public class Counter {
          public void update(String name, Object value, Object done) { }
        }
        """).java("""
        package shop;
        import io.vertx.core.Handler;
        import io.vertx.ext.sql.SQLConnection;
        public class Orders {
          public void place(java.util.List<Counter> counters) {
            counters.forEach(c -> c.update("placed", null, null));
            withConnection(c -> c.query("SELECT 1", r -> { }));
          }
          private void withConnection(Handler<SQLConnection> then) { }
        }
        """).findings(Category.DB_QUERY).stream().map(f -> f.line() + " " + f.snippet()).toList();
    // types are kept by name in a method: the handed c is missed too, never the counters' c taken for a connection
    assertEquals(List.of(), found);
  }


}
