package dev.optkit.analyzers.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A read of a view depends on the tables behind it, wherever in a script the view is created. */
class SchemaViewsTest {
  @TempDir Path dir;

  @Test
  void aViewInAStringIsNoViewAndOneAfterAStatementJSqlParserDoesNotKnowCounts() throws Exception {
    // a dump's vendor statement fails the whole script's parse; the view after it counts, and the semicolon in the
    // seed row's string does not cut the script there (read by splitting the text at ';', the text after it was taken
    // for a statement and the view inside the string for a real one)
    Path script = Files.writeString(dir.resolve("schema.sql"), """
        LOCK TABLES orders WRITE;
        INSERT INTO notes (body) VALUES ('done; CREATE VIEW fake AS SELECT * FROM secrets; ');
        CREATE VIEW order_totals AS SELECT id, total FROM orders;
        """);
    SchemaViews views = SchemaViews.read(List.of(script));
    assertEquals(Set.of("ordertotals", "orders"), views.expand(TableNames.normalise("order_totals")));
    assertEquals(Set.of("fake"), views.expand("fake"));
  }
}
