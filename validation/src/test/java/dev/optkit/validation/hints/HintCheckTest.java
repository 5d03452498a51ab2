package dev.optkit.validation.hints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Index hints checked by a real PostgreSQL planner with HypoPG, from the project's schema and queries as assess reads
 * them: kept where the planner uses the index and the plan is cheaper by the threshold; dropped where it does not;
 * not checked, with the reason, where PostgreSQL cannot plan the query. CI installs PostgreSQL and HypoPG and sets
 * OPTKIT_REQUIRE_POSTGRES, so there these tests run, never skip.
 */
class HintCheckTest {
  @TempDir Path dir;

  static final String SCHEMA = HintProject.SCHEMA;

  @BeforeAll
  static void postgresql() {
    HintProject.requirePostgresql();
  }

  private Map<String, HintVerdict> checked(String schema, Map<String, String> queries, boolean postgresql)
      throws Exception {
    HintProject project = HintProject.assess(dir, schema, queries, postgresql);
    try (PlannerDatabase database = PlannerDatabase.local()) {
      return project.check(database);
    }
  }

  @Test
  void anEqualityNoIndexServesIsKeptWithThePlannersCostsBeforeAndAfter() throws Exception {
    Map<String, HintVerdict> verdicts = checked(SCHEMA, Map.of("byStatus", "SELECT id FROM orders WHERE status = ?"),
        false);
    HintVerdict.Kept kept = assertInstanceOf(HintVerdict.Kept.class, verdicts.get("MissingIndex orders[status]"));
    assertEquals(1, kept.planned().size());
    assertTrue(kept.planned().get(0).usesIndex());
    assertTrue(kept.planned().get(0).dropPercent() >= 50, kept.planned().toString());
    assertEquals(List.of(), kept.unplanned());
  }

  @Test
  void anEqualityOnAColumnHoldingAnEnumsFewValuesIsNotServedByTheIndexAndItsHintIsDropped() throws Exception {
    // the entity stores a four-state enum in orders.status: the planner's rows hold four values, each a quarter of the
    // table, which a scan reads as cheaply as the index (a trial's orders(status) hint was kept on a thousand values)
    HintVerdict.Dropped dropped = assertInstanceOf(HintVerdict.Dropped.class,
        enumStatusVerdicts("SELECT id FROM orders WHERE status = ?").get("MissingIndex orders[status]"));
    assertTrue(dropped.planned().stream().noneMatch(p -> p.usesIndex() && p.dropPercent() >= 50),
        dropped.planned().toString());
  }

  @Test
  void anEnumStoredByNameHasItsConstantsInThePlannersRowsSoAQueryNamingThemFindsTheirRows() throws Exception {
    // the hint (one index for both queries, led by status) names a query narrowing a range by two states: half the
    // table, which no index on status serves; with made-up values the planner had found no row for 'NEW' and 'PAID'
    // and kept the hint for that query (a trial's envelopes(status) and its IN ('CREATED', 'UPLOAD_FAILURE'), 266 -> 12)
    HintVerdict verdict = enumStatusVerdicts("SELECT id FROM orders WHERE status = ?",
        "SELECT id FROM orders WHERE status IN ('NEW', 'PAID') AND created_at < ?").get("MissingIndex orders[status]");
    HintVerdict.Dropped dropped = assertInstanceOf(HintVerdict.Dropped.class, verdict);
    assertEquals(2, dropped.planned().size(), dropped.planned().toString()); // both queries planned
    assertTrue(dropped.planned().stream().noneMatch(p -> p.usesIndex() && p.dropPercent() >= 50),
        dropped.planned().toString());
  }

  /** The verdicts on a project whose entity stores a four-state enum by name in orders.status, running the queries. */
  private Map<String, HintVerdict> enumStatusVerdicts(String... queries) throws Exception {
    Map<String, String> byName = new java.util.TreeMap<>();
    for (int i = 0; i < queries.length; i++) {
      byName.put("byStatus" + i, queries[i]);
    }
    HintProject project = HintProject.assess(dir, SCHEMA, byName,
        false, Map.of("OrderStatus", "package shop; public enum OrderStatus { NEW, PAID, SHIPPED, CANCELLED }",
            "Order", """
                package shop;
                import jakarta.persistence.*;
                @Entity
                @Table(name = "orders")
                public class Order {
                  @Id Long id;
                  @Enumerated(EnumType.STRING) OrderStatus status;
                }
                """));
    try (PlannerDatabase database = PlannerDatabase.local()) {
      return project.check(database);
    }
  }

  @Test
  void aRangeOfUnknownWidthIsNotServedByTheIndexAndItsHintIsDropped() throws Exception {
    // a prepared range of unknown bounds is estimated at a third of the table: a scan is cheaper than the index
    Map<String, HintVerdict> verdicts = checked(SCHEMA,
        Map.of("recent", "SELECT id FROM orders WHERE created_at > ?"), false);
    HintVerdict.Dropped dropped = assertInstanceOf(HintVerdict.Dropped.class,
        verdicts.get("MissingIndex orders[created_at]"));
    assertTrue(dropped.planned().stream().noneMatch(p -> p.usesIndex() && p.dropPercent() >= 50));
  }

  @Test
  void aQueryPostgresqlCannotPlanIsNotCheckedAndSaysWhy() throws Exception {
    // a MySQL function PostgreSQL does not have: the hint stays as assess gave it, not checked
    Map<String, HintVerdict> verdicts = checked(SCHEMA,
        Map.of("byNote", "SELECT id FROM orders WHERE note = ? AND IFNULL(status, 'x') = 'x'"), false);
    HintVerdict.NotChecked notChecked = assertInstanceOf(HintVerdict.NotChecked.class,
        verdicts.get("MissingIndex orders[note]"));
    assertEquals(1, notChecked.unplanned().size());
  }

  @Test
  void anUnindexedForeignKeyIsKeptByTheLookupPostgresqlMakesForEachReferencedRow() throws Exception {
    Map<String, HintVerdict> verdicts = checked(SCHEMA, Map.of(), true);
    HintVerdict.Kept kept = assertInstanceOf(HintVerdict.Kept.class,
        verdicts.get("UnindexedForeignKey orders[customer_id]"));
    assertEquals("foreign key", kept.planned().get(0).probe());
  }
}
