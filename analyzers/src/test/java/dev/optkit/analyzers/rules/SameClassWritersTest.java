package dev.optkit.analyzers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writers a cacheable read lists are those a pass over its class found: other methods, by name, five at most. */
class SameClassWritersTest {
  @TempDir Path dir;

  private static final String SOURCE = """
      package shop;

      import java.sql.Connection;
      import javax.sql.DataSource;

      public class Stock {
          private final DataSource dataSource;

          public Stock(DataSource dataSource) {
              this.dataSource = dataSource;
          }

          public int count(String sku) throws Exception {
              try (Connection c = dataSource.getConnection()) {
                  return c.createStatement().executeQuery("SELECT qty FROM stock WHERE sku = '" + sku + "'").getInt(1);
              }
          }

          void zap() throws Exception { write("DELETE FROM stock"); }
          void add() throws Exception { write("INSERT INTO stock VALUES (1)"); }
          void add(int qty) throws Exception { write("INSERT INTO stock VALUES (" + qty + ")"); }
          void bump() throws Exception { write("UPDATE stock SET qty = qty + 1"); }
          void reset() throws Exception { write("UPDATE stock SET qty = 0"); }
          void clear() throws Exception { write("DELETE FROM stock WHERE qty = 0"); }
          void mark() throws Exception { write("UPDATE stock SET marked = 1"); }

          private void write(String sql) throws Exception {
              try (Connection c = dataSource.getConnection()) {
                  c.createStatement().executeUpdate(sql);
              }
          }
      }
      """;

  @Test
  void sameNamesAsAPassOverTheClassForEveryMethod() {
    ProjectIndex index = new ProjectFixture(dir).java(SOURCE).assess().index();
    SameClassWriters writers = new SameClassWriters(index);
    for (IndexedMethod method : index.methods()) {
      assertEquals(passOverTheClass(index, method), writers.except(method), method.fact().displayName());
    }
    IndexedMethod count = index.methodsNamed("count").get(0);
    assertEquals(List.of("add", "bump", "clear", "mark", "reset"), writers.except(count));
    IndexedMethod oneAdd = index.methodsNamed("add").get(0);
    assertEquals(List.of("add", "bump", "clear", "mark", "reset"), writers.except(oneAdd), "the other add() still writes");
  }

  /** What the rule did before the index. */
  private static List<String> passOverTheClass(ProjectIndex index, IndexedMethod method) {
    List<String> writers = new ArrayList<>();
    for (IndexedMethod other : index.methodsOfType(method.fact().ownerType())) {
      if (other != method && index.reachedIo(other).stream().anyMatch(r -> r.site().access() == Access.WRITE)) {
        writers.add(other.fact().name());
      }
    }
    return writers.stream().distinct().sorted().limit(5).toList();
  }
}
