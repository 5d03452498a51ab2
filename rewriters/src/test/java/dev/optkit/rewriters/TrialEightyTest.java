package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trial 80's two wrong caches, each proven on a real application by a test passing before apply and failing after: a
 * user's own profile served to every user (the identity read unseen beside an on-demand static import), and a
 * client's read cached because a test called it through the proxy while the application only calls it through
 * {@code this}.
 */
class TrialEightyTest {
  @TempDir Path dir;

  private static final String ERROR_CODES = """
      package shop;

      public enum ErrorCodes {
          NOT_FOUND;

          public String code() {
              return name();
          }
      }
      """;

  /** ems-mybatis-liquibase's getMe(): the caller's name read through SecurityContextHolder, %s its static import. */
  private static final String ME = """
      package shop;

      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.security.core.context.SecurityContextHolder;
      import org.springframework.stereotype.Service;
      %s

      @Service
      public class MeService {
          private final JdbcTemplate jdbc;

          public MeService(JdbcTemplate jdbc) {
              this.jdbc = jdbc;
          }

          public String me() {
              String name = SecurityContextHolder.getContext().getAuthentication().getName();
              return jdbc.queryForObject("SELECT full_name FROM person WHERE login = ?", String.class, name);
          }

          public String fullName(String login) {
              return jdbc.queryForObject("SELECT full_name FROM person WHERE login = ?", String.class, login);
          }

          public void rename(String login, String fullName) {
              jdbc.update("UPDATE person SET full_name = ? WHERE login = ?", fullName, login);
          }
      }
      """;

  @Test
  void theCallersIdentityIsReadBesideAnOnDemandStaticImport() {
    for (String imports : new String[] {"", "import static shop.ErrorCodes.*;"}) {
      MigrationPlan plan = new MigrationFixture(dir.resolve("me" + imports.length())).file("pom.xml",
          MigrationSafetyTest.SPRING_POM).java(ERROR_CODES).java(ME.formatted(imports)).plan();
      String reason = plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith("me("))
          .map(Refusal::reason).findFirst().orElseThrow(() -> new AssertionError("cached: me() with " + imports));
      assertTrue(reason.contains("reads the caller's identity or request (SecurityContextHolder.getContext())"),
          reason);
      // beside it, the read keyed by its parameter is cached, the import notwithstanding
      assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().name().equals("fullName")),
          plan.refusals().stream().map(Refusal::reason).toList().toString());
    }
  }

  private static final String CLIENT = """
      package shop;

      import org.springframework.stereotype.Service;
      import org.springframework.web.client.RestTemplate;

      @Service
      public class ItemClient {
          private final RestTemplate rest = new RestTemplate();

          public Item getItem(String id) {
              return rest.getForObject("http://items.example.com/items/{id}", Item.class, id);
          }

          public Item updateItem(Item item) {
              rest.put("http://items.example.com/items/{id}", item, item.getId());
              return getItem(item.getId());
          }
      }
      """;

  private static final String ITEM = """
      package shop;

      public class Item {
          private String id;
          private String name;

          public String getId() {
              return id;
          }

          public void setId(String id) {
              this.id = id;
          }

          public String getName() {
              return name;
          }

          public void setName(String name) {
              this.name = name;
          }
      }
      """;

  private static final String TEST = """
      package shop;

      import org.junit.jupiter.api.Test;
      import org.springframework.beans.factory.annotation.Autowired;
      import org.springframework.boot.test.context.SpringBootTest;

      @SpringBootTest
      class ItemClientTest {
          @Autowired ItemClient client;

          @Test
          void reads() {
              client.getItem("1").setName("changed by the test");
          }
      }
      """;

  @Test
  void aReadOnlyTestsCallThroughTheProxyIsRefusedAsASelfCall() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("client")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(ITEM).java(CLIENT).file("src/test/java/shop/ItemClientTest.java", TEST).plan();
    String reason = plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith("getItem("))
        .map(Refusal::reason).findFirst().orElseThrow(() -> new AssertionError("cached: getItem()"));
    assertTrue(reason.contains("only called through 'this' from updateItem() (and by tests, through the proxy)"),
        reason);
  }
}
