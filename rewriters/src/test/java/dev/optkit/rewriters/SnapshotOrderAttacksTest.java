package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile review of the MySQL snapshot rule (a read is cached when it is its transaction's first
 * database access): four ways to read first that the rule did not see, each of which served a
 * stale price on H2 in REPEATABLE READ once cached (/tmp/review23 of that session).
 */
class SnapshotOrderAttacksTest {
  @TempDir Path dir;

  private static final String ITEMS = MigrationSafetyTest.bean("ItemDao", "Repository",
      "import org.springframework.stereotype.Repository;", """
          public Long idByName(String name) {
              return jdbc.queryForObject("SELECT id FROM item WHERE name = ?", Long.class, name);
          }

          public Integer price(long id) {
              return jdbc.queryForObject("SELECT price FROM item WHERE id = ?", Integer.class, id);
          }

          public void audit(String what) {
              jdbc.update("INSERT INTO audit (what) VALUES (?)", what);
          }

          // a writer of what price() reads: a snapshot older than a write matters only where a write evicts
          public void reprice(long id, int price) {
              jdbc.update("UPDATE item SET price = ? WHERE id = ?", price, id);
          }
      """);

  private static final String UTIL = """
      package shop;

      public final class Util {
          private Util() {}

          public static void each(java.util.List<Long> ids, java.util.function.Consumer<Long> action) {
              for (Long id : ids) {
                  action.accept(id);
              }
          }
      }
      """;

  private static String service(String fields, String body) {
    return """
        package shop;

        import org.springframework.stereotype.Service;
        import org.springframework.transaction.annotation.Isolation;
        import org.springframework.transaction.annotation.Transactional;

        @Service
        public class Quotes {
            private final ItemDao items;
        %s
            public Quotes(ItemDao items) {
                this.items = items;
            }

            @Transactional(isolation = Isolation.REPEATABLE_READ)
            public int quote(String name, long id, java.util.List<Long> ids) {
        %s    }
        }
        """.formatted(fields, body);
  }

  private String priceRefusal(String name, String fields, String body) {
    MigrationPlan plan = new MigrationFixture(dir.resolve(name)).file("pom.xml", TrueRefusalReasonsTest.MYSQL_POM)
        .java(ITEMS).java(UTIL).java(service(fields, body)).plan();
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith("price("))
        .map(Refusal::reason).findFirst().orElse("cached");
  }

  @Test
  void anArgumentReadsBeforeTheCallItIsGivenTo() {
    // Java evaluates idByName(name) before price(...): its read takes the snapshot
    String why = priceRefusal("argument", "", """
                int price = items.price(items.idByName(name));
                items.audit(name);
                return price;
        """);
    assertTrue(why.contains("inside the transaction of Quotes.quote()"), why);
  }

  @Test
  void aListenerOrANewBeanMayReadFirst() {
    String published = priceRefusal("published", """
            private final org.springframework.context.ApplicationEventPublisher events = null;
        """, """
                events.publishEvent(new Object());
                int price = items.price(id);
                items.audit(name);
                return price;
        """);
    assertTrue(published.contains("inside the transaction of Quotes.quote()"), published);
    String provided = priceRefusal("provided", """
            private final org.springframework.beans.factory.ObjectProvider<Object> catalogues = null;
        """, """
                catalogues.getObject();
                int price = items.price(id);
                items.audit(name);
                return price;
        """);
    assertTrue(provided.contains("inside the transaction of Quotes.quote()"), provided);
  }

  @Test
  void aReadInALambdaAHelperLoopsOverRunsMoreThanOnce() {
    String why = priceRefusal("helper", "", """
                int[] total = {0};
                Util.each(ids, each -> total[0] += items.price(each));
                items.audit(name);
                return total[0];
        """);
    assertTrue(why.contains("inside the transaction of Quotes.quote()"), why);
  }

  @Test
  void theOneFirstReadIsStillCached() {
    // the true twin: price() is the transaction's first access, once, outside loops and lambdas
    String why = priceRefusal("first", "", """
                int price = items.price(id);
                items.audit(name);
                return price;
        """);
    assertTrue(!why.contains("snapshot"), why);
  }
}
