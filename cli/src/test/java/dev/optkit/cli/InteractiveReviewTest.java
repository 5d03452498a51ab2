package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.Assessment;
import dev.optkit.analyzers.Assessor;
import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.rewriters.plan.CachingMigration;
import dev.optkit.rewriters.plan.Migration;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review loop driven by keys typed into a terminal (a JLine terminal on streams here). */
class InteractiveReviewTest {
  @TempDir Path dir;

  private static final String SERVICE = """
      package shop;

      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;

      public class Catalog {
          private final HttpClient http = HttpClient.newHttpClient();

          public String fetchName(String sku) throws Exception {
              return http.send(HttpRequest.newBuilder(URI.create("https://c.example.com/names/" + sku)).build(),
                      HttpResponse.BodyHandlers.ofString()).body();
          }

          public String fetchPrice(String sku) throws Exception {
              return http.send(HttpRequest.newBuilder(URI.create("https://c.example.com/prices/" + sku)).build(),
                      HttpResponse.BodyHandlers.ofString()).body();
          }

          public String fetchStock(String sku) throws Exception {
              return http.send(HttpRequest.newBuilder(URI.create("https://c.example.com/stock/" + sku)).build(),
                      HttpResponse.BodyHandlers.ofString()).body();
          }
      }
      """;

  private InteractiveReview.Outcome review(String keys, Set<String> accepted, ByteArrayOutputStream screen) throws Exception {
    Path file = dir.resolve("src/main/java/shop/Catalog.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, SERVICE);
    OptkitConfig config = OptkitConfig.defaults();
    Assessment assessment = new Assessor().assess(new Assessor.Options(List.of(dir), List.of(), false, List.of(), false, 1,
        true, config, "test", null), Assessor.Progress.NONE);
    MigrationPlan plan = CachingMigration.prepare(dir, assessment, config, f -> true);
    assertEquals(3, plan.targets().size(), plan.refusals().toString());
    Terminal terminal = new DumbTerminal("test", "dumb", new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)),
        screen, StandardCharsets.UTF_8);
    return new InteractiveReview(terminal).review(plan, chosen -> Migration.prepare(dir, assessment, config, chosen),
        f -> true, accepted);
  }

  @Test
  void acceptSkipAndQuitAreHonouredAndSummarised() throws Exception {
    Set<String> accepted = new HashSet<>();
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    InteractiveReview.Outcome outcome = review("ynq", accepted, screen);
    assertEquals(new InteractiveReview.Outcome(1, 1, 1), outcome);
    assertEquals(1, accepted.size());
    String shown = screen.toString(StandardCharsets.UTF_8);
    assertTrue(shown.contains("[1/3] cache Catalog.fetchName()"), shown);
    assertTrue(shown.contains("+++ b/src/main/java/shop/Catalog.java"), shown);
    assertTrue(shown.contains("Apply this change? [y]es, [n]o, [a]ll remaining, [q]uit"), shown);
    assertTrue(!shown.contains("\u001b["), "no colours on a dumb terminal");
    assertEquals("Reviewed: 1 accepted, 1 skipped, 1 not reviewed (quit).", outcome.summary());
  }

  @Test
  void acceptAllTakesTheRest() throws Exception {
    Set<String> accepted = new HashSet<>();
    InteractiveReview.Outcome outcome = review("na", accepted, new ByteArrayOutputStream());
    assertEquals(2, accepted.size());
    assertEquals(new InteractiveReview.Outcome(2, 1, 0), outcome);
  }
}
