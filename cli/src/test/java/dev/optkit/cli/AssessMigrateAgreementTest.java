package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cacheable read assess calls fixable is one migrate caches; one migrate refuses carries its reason. */
class AssessMigrateAgreementTest {
  @TempDir Path dir;

  private void java(String path, String source) throws Exception {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);
  }

  @Test
  void fixableComesFromMigratesPlanner() throws Exception {
    java("src/main/java/shop/Stock.java", """
        package shop;

        import java.sql.Connection;
        import java.sql.PreparedStatement;
        import java.sql.ResultSet;

        public class Stock {
            private Connection connection;

            public String findName(String sku) throws Exception {
                try (PreparedStatement ps = connection.prepareStatement("SELECT name FROM items WHERE sku = ?")) {
                    ps.setString(1, sku);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                }
            }

            public int findLevel(String sku) throws Exception {
                try (PreparedStatement ps = connection.prepareStatement("SELECT qty FROM levels WHERE sku = ?")) {
                    ps.setString(1, sku);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getInt(1) : 0;
                    }
                }
            }
        }
        """);
    java("src/main/java/shop/Receiving.java", """
        package shop;

        import java.sql.Connection;
        import java.sql.PreparedStatement;

        public class Receiving {
            private Connection connection;

            public void receive(String sku, int qty) throws Exception {
                try (PreparedStatement ps = connection.prepareStatement("UPDATE levels SET qty = qty + ? WHERE sku = ?")) {
                    ps.setInt(1, qty);
                    ps.setString(2, sku);
                    ps.executeUpdate();
                }
            }
        }
        """);
    CliRun assess = CliRun.of("assess", dir.toString(), "--format", "json", "--no-maven-repo", "--no-cache");
    assertEquals(0, assess.exitCode(), assess.err());
    Map<String, JsonNode> reads = new HashMap<>();
    for (JsonNode finding : new ObjectMapper().readTree(assess.out()).get("findings")) {
      if (finding.get("ruleId").asText().equals("CacheableReadMethod")) {
        reads.put(finding.get("enclosingMethod").asText(), finding);
      }
    }
    assertTrue(reads.get("findName(String)").get("fixable").asBoolean(), reads.toString());
    JsonNode level = reads.get("findLevel(String)");
    assertFalse(level.get("fixable").asBoolean(), level.toString());
    assertTrue(level.get("fixNote").asText().contains("Receiving.receive()"), level.toString());
    // the query inside a refused read says it stays unfixed, the one inside a cached read points at its cache
    Map<String, String> queryNotes = new HashMap<>();
    for (JsonNode finding : new ObjectMapper().readTree(assess.out()).get("findings")) {
      if (finding.get("ruleId").asText().equals("DatabaseQuery")) {
        queryNotes.put(finding.get("enclosingMethod").asText(), finding.get("fixNote").asText());
      }
    }
    assertTrue(queryNotes.get("findLevel(String)").startsWith("not fixed by caching findLevel(String): migrate "
        + "refuses it: a writer of its data cannot evict it"), queryNotes.toString());
    assertTrue(queryNotes.get("findName(String)").startsWith("fixed by caching the enclosing method"), queryNotes.toString());

    CliRun migrate = CliRun.of("migrate", dir.toString(), "--no-maven-repo", "--allow-dirty");
    assertEquals(0, migrate.exitCode(), migrate.err());
    assertTrue(migrate.out().contains("cache: Stock.findName()"), migrate.out());
    assertTrue(migrate.out().contains("refused: shop.Stock.findLevel(String)"), migrate.out());
  }

  @Test
  void aQueryInAMethodNothingCachesNeverSaysCachingItsMethodFixesIt() throws Exception {
    // the only read is a request handler: no cacheable read at all, so no planner run either
    java("src/main/java/shop/Api.java", """
        package shop;

        import java.sql.Connection;
        import java.sql.PreparedStatement;
        import java.sql.ResultSet;
        import org.springframework.web.bind.annotation.GetMapping;
        import org.springframework.web.bind.annotation.RestController;

        @RestController
        public class Api {
            private Connection connection;

            @GetMapping("/names")
            public String findName(String sku) throws Exception {
                try (PreparedStatement ps = connection.prepareStatement("SELECT name FROM items WHERE sku = ?")) {
                    ps.setString(1, sku);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                }
            }
        }
        """);
    CliRun assess = CliRun.of("assess", dir.toString(), "--format", "json", "--no-maven-repo", "--no-cache");
    assertEquals(0, assess.exitCode(), assess.err());
    int queries = 0;
    for (JsonNode finding : new ObjectMapper().readTree(assess.out()).get("findings")) {
      assertTrue(!finding.get("ruleId").asText().equals("CacheableReadMethod"), finding.toString());
      if (finding.get("ruleId").asText().equals("DatabaseQuery")) {
        queries++;
        String note = finding.path("fixNote").asText();
        assertTrue(!note.startsWith("fixed by caching"), note);
      }
    }
    assertTrue(queries > 0, assess.out());
  }

  @Test
  void aLoopOfTheWiderShapesIsFixableExactlyWhenMigrateRewritesIt() throws Exception {
    // a call inside a filter on the element, an answer added straight to a local list: rewritten;
    // the same answer added to a field's list: refused, in assess with migrate's reason
    java("src/main/java/shop/Quotes.java", """
        package shop;

        import java.io.IOException;
        import java.io.UncheckedIOException;
        import java.net.URI;
        import java.net.http.HttpClient;
        import java.net.http.HttpRequest;
        import java.net.http.HttpResponse;
        import java.util.ArrayList;
        import java.util.List;

        public class Quotes {
            private final HttpClient http = HttpClient.newHttpClient();
            private final List<String> seen = new ArrayList<>();

            public List<String> filtered(List<String> skus) {
                List<String> quotes = new ArrayList<>();
                for (String sku : skus) {
                    if (!sku.isEmpty()) {
                        String price = fetch(sku);
                        quotes.add(sku + "=" + price);
                    }
                }
                return quotes;
            }

            public List<String> added(List<String> skus) {
                List<String> quotes = new ArrayList<>();
                for (String sku : skus) {
                    quotes.add(fetch(sku));
                }
                return quotes;
            }

            public void remembered(List<String> skus) {
                for (String sku : skus) {
                    seen.add(fetch(sku));
                }
            }

            String fetch(String sku) {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://prices/" + sku)).GET().build();
                try {
                    return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        """);
    CliRun assess = CliRun.of("assess", dir.toString(), "--format", "json", "--no-maven-repo", "--no-cache");
    assertEquals(0, assess.exitCode(), assess.err());
    Map<String, JsonNode> loops = new HashMap<>();
    for (JsonNode finding : new ObjectMapper().readTree(assess.out()).get("findings")) {
      if (finding.get("ruleId").asText().equals("SequentialIoLoop")) {
        loops.put(finding.get("enclosingMethod").asText(), finding);
      }
    }
    assertTrue(loops.get("filtered(List<String>)").get("fixable").asBoolean(), loops.toString());
    assertTrue(loops.get("added(List<String>)").get("fixable").asBoolean(), loops.toString());
    JsonNode field = loops.get("remembered(List<String>)");
    assertFalse(field.get("fixable").asBoolean(), field.toString());
    assertTrue(field.get("fixNote").asText().contains("adds its answer to seen, which is not a local list the method made"),
        field.toString());

    CliRun migrate = CliRun.of("migrate", dir.toString(), "--no-maven-repo", "--allow-dirty");
    assertEquals(0, migrate.exitCode(), migrate.err());
    assertTrue(migrate.out().contains("loop: Quotes.filtered()") && migrate.out().contains("loop: Quotes.added()")
        && !migrate.out().contains("loop: Quotes.remembered()"), migrate.out());
  }
}
