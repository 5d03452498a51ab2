package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile review of the batched loops (/tmp/review24 of that session): each shape below was
 * rewritten and then answered otherwise, or did not compile. Each is refused now, with its reason,
 * or (the primitive key) rewritten so that it compiles.
 */
class LoopAttacksTest {
  @TempDir Path dir;

  private static OptkitConfig loopsOnly() {
    return MigrationFixture.loopsOnly(OptkitConfig.defaults().loops());
  }

  private static String loopRefusal(MigrationPlan plan) {
    assertEquals(List.of(), plan.loops(), "must be refused: " + plan.refusals());
    return plan.refusals().stream().filter(r -> r.finding().ruleId().equals("SequentialIoLoop")).map(Refusal::reason)
        .findFirst().orElseThrow(() -> new AssertionError("no loop refusal: " + plan.refusals()));
  }

  @Test
  void aQuotedAliasThatADriverMatchesToTheKeyLabelIsRefused() {
    // parent_id AS "ID": rs.getObject("id") ignores case and reads parent_id, so rows would go to other keys
    String customers = JdbcKeyQueryBatchRewriteTest.BEFORE.replace("SELECT id, name FROM customer WHERE id = ? AND active = TRUE",
        "SELECT parent_id AS \\\"ID\\\", id, name FROM customer WHERE id = ? AND active = TRUE");
    String why = loopRefusalOf(new MigrationFixture(dir.resolve("alias")).java(JdbcKeyQueryBatchRewriteTest.CUSTOMER)
        .java(customers).config(loopsOnly()).plan(), "names");
    assertTrue(why.contains("more than one column labelled id"), why);
  }

  @Test
  void aRowMapperThatReadsAStaticCollectionIsRefused() {
    String board = """
        package shop;

        public final class Board {
            static final java.util.Set<String> BOOKED = new java.util.HashSet<>();

            private Board() {}

            public static boolean isBooked(String name) {
                return BOOKED.contains(name);
            }
        }
        """;
    String customers = JdbcKeyQueryBatchRewriteTest.BEFORE.replace(
        "(rs, n) -> new Customer(rs.getLong(\"id\"), rs.getString(\"name\"));",
        "(rs, n) -> new Customer(rs.getLong(\"id\"), rs.getString(\"name\") + Board.isBooked(rs.getString(\"name\")));");
    String why = loopRefusalOf(new MigrationFixture(dir.resolve("static")).java(JdbcKeyQueryBatchRewriteTest.CUSTOMER)
        .java(board).java(customers).config(loopsOnly()).plan(), "names");
    assertTrue(why.contains("Board.isBooked() reads static field BOOKED (Set)"), why);
  }

  @Test
  void anIdGetterThatReturnsAnotherFieldIsRefused() {
    String order = FindByIdBatchRewriteTest.ORDER.replace("return id;", "return status == null ? id : id + 0;");
    String why = loopRefusal(new MigrationFixture(dir.resolve("getter")).java(order).java(FindByIdBatchRewriteTest.REPOSITORY)
        .java(FindByIdBatchRewriteTest.LOOKUP_BEFORE).config(loopsOnly()).plan());
    assertTrue(why.contains("cannot find the getter of Order's @Id field"), why);
  }

  @Test
  void aCallbackTheStoreRunsPerLoadedRowIsRefused() {
    String callback = """
        package shop;

        import org.springframework.data.relational.core.mapping.event.AfterConvertCallback;
        import org.springframework.stereotype.Component;

        @Component
        public class ReadAudit implements AfterConvertCallback<Order> {
            @Override
            public Order onAfterConvert(Order order) {
                return order;
            }
        }
        """;
    String why = loopRefusal(new MigrationFixture(dir.resolve("callback")).java(FindByIdBatchRewriteTest.ORDER)
        .java(FindByIdBatchRewriteTest.REPOSITORY).java(callback).java(FindByIdBatchRewriteTest.LOOKUP_BEFORE)
        .config(loopsOnly()).plan());
    assertTrue(why.startsWith("ReadAudit runs for each row the store loads"), why);
  }

  @Test
  void anUpdateGivenAValueTheLoopChangesLaterOrAnArrayIsRefused() {
    String slots = BatchUpdateRewriteTest.BEFORE.replace("""
                    jdbc.update("INSERT INTO item (id, price) VALUES (?, ?)", item.id(), item.price());
        """, """
                    java.sql.Timestamp at = new java.sql.Timestamp(item.price());
                    jdbc.update("INSERT INTO item (id, price) VALUES (?, ?)", item.id(), at);
                    at.setTime(at.getTime() + 1800000);
        """);
    String why = loopRefusalOf(new MigrationFixture(dir.resolve("timestamp")).java(BatchUpdateRewriteTest.ITEM).java(slots)
        .config(loopsOnly()).plan(), "addAll");
    assertTrue(why.contains("its update takes at, which optkit cannot show is one value nothing changes"), why);
  }

  @Test
  void anUpdateOnATemplateOfAnotherDataSourceThanTheTransactionsIsRefused() {
    String config = """
        package shop;

        import javax.sql.DataSource;
        import org.springframework.context.annotation.Bean;
        import org.springframework.context.annotation.Configuration;

        @Configuration
        public class Databases {
            @Bean
            public DataSource mainDataSource() {
                return null;
            }

            @Bean
            public DataSource auditDataSource() {
                return null;
            }
        }
        """;
    String why = loopRefusalOf(new MigrationFixture(dir.resolve("two")).java(BatchUpdateRewriteTest.ITEM)
        .java(BatchUpdateRewriteTest.BEFORE).java(config).config(loopsOnly()).plan(), "addAll");
    assertTrue(why.startsWith("the project declares 2 DataSources (Databases.auditDataSource(), "
        + "Databases.mainDataSource())"), why);
  }

  @Test
  void aPrimitiveKeyOfARecordIsNotComparedWithNull() throws Exception {
    String line = """
        package shop;

        public record Line(long orderId, int quantity) {}
        """;
    String lookup = FindByIdBatchRewriteTest.LOOKUP_BEFORE.replace("describe(List<Long> ids)", "describe(List<Line> ids)")
        .replace("for (Long id : ids) {", "for (Line id : ids) {").replace("orders.findById(id)", "orders.findById(id.orderId())")
        .replace(".orElse(id + \" missing\")", ".orElse(id.orderId() + \" missing\")");
    MigrationFixture fixture = new MigrationFixture(dir.resolve("primitive")).java(FindByIdBatchRewriteTest.ORDER)
        .java(FindByIdBatchRewriteTest.REPOSITORY).java(line).java(lookup).config(loopsOnly());
    MigrationPlan plan = fixture.plan();
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    String after = MigrationFixture.after(plan, "src/main/java/shop/OrderLookup.java");
    assertTrue(after.contains("if (id != null) {"), after);
    fixture.assertCompiles(plan);
  }

  private static String loopRefusalOf(MigrationPlan plan, String method) {
    return plan.refusals().stream().filter(r -> r.finding().ruleId().equals("SequentialIoLoop")
            && r.finding().enclosingMethod().startsWith(method + "("))
        .map(Refusal::reason).findFirst().orElseThrow(() -> new AssertionError(method + " not refused: " + plan.refusals()
            + " loops: " + plan.loops()));
  }
}
