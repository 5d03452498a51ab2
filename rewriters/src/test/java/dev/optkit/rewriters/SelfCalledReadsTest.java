package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import dev.optkit.analyzers.proof.Proof;
import org.junit.jupiter.api.Test;

/**
 * A read its application only calls through {@code this} is refused as a self-call, however a test calls it: a
 * cache no production call reaches, whose test's use of the answer nothing checks. Each case's comment names the
 * audit of optkit's refusal reasons on public projects (2026-11-25 on), the trial or the hostile review it came
 * from, and its project (a case naming none is from the first audit, a review of 30 refusals on four projects);
 * each stands beside a true twin, or a control: the code the reason names must do what it says.
 */
class SelfCalledReadsTest extends SpringProjectPlans {
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

  /**
   * Trial 80's second wrong cache (laurakciic/spring6-rest-template's client), proven by a test passing before apply
   * and failing after: a read the application only calls through {@code this}, cached because a test called it
   * through the proxy.
   */
  @Test
  void aReadOnlyTestsCallThroughTheProxyIsRefusedAsASelfCall() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("client")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(ITEM).java(CLIENT).file("src/test/java/shop/ItemClientTest.java", TEST).plan();
    String reason = plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith("getItem("))
        .map(Refusal::reason).findFirst().orElseThrow(() -> new AssertionError("cached: getItem()"));
    assertTrue(reason.contains("only called through 'this' from updateItem() (and by tests, through the proxy)"),
        reason);
  }

  /**
   * Trial 42: {@code @PreAuthorize("@permService.hasAccess(#id)")} calls the bean's method through its proxy, so it is
   * no method "only called through 'this'" (its self-call from hasPermission() aside).
   * (From the false reasons of 2026-11-26: trial 42.)
   */
  @Test
  void aMethodAnAnnotationsSpelCallsIsCalledThroughTheProxy() {
    MigrationPlan plan = caseProject("reasons43", "spel").plan();
    assertFalse(plan.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("hasAccess")
        && r.proof() == Proof.SELF_INVOCATION), plan.refusals().toString());
  }
}
