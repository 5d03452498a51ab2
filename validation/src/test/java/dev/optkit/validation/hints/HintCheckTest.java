package dev.optkit.validation.hints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.Assessment;
import dev.optkit.analyzers.Assessor;
import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.analyzers.rules.IndexHint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
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

  static final String SCHEMA = """
      CREATE TABLE customers (id BIGINT PRIMARY KEY, email VARCHAR(100) UNIQUE, region VARCHAR(20));
      CREATE TABLE orders (
        id BIGINT PRIMARY KEY,
        customer_id BIGINT NOT NULL REFERENCES customers(id),
        status VARCHAR(10),
        created_at TIMESTAMP,
        note VARCHAR(200)
      );
      """;

  @BeforeAll
  static void postgresql() {
    String why = PlannerDatabase.unavailable();
    if (why != null && System.getenv("OPTKIT_REQUIRE_POSTGRES") != null) {
      throw new AssertionError(why + ", and OPTKIT_REQUIRE_POSTGRES says this test must run");
    }
    Assumptions.assumeTrue(why == null, why);
  }

  private Map<String, HintVerdict> checked(String schema, Map<String, String> queries, boolean postgresql)
      throws Exception {
    Files.createDirectories(dir.resolve("src/main/resources"));
    Files.createDirectories(dir.resolve("src/main/java/shop"));
    Files.writeString(dir.resolve("src/main/resources/schema.sql"), schema);
    if (postgresql) {
      Files.writeString(dir.resolve("src/main/resources/application.properties"),
          "spring.datasource.url=jdbc:postgresql://db:5432/shop\n");
    }
    StringBuilder methods = new StringBuilder();
    new TreeMap<>(queries).forEach((name, sql) -> methods.append("  public java.util.List<java.util.Map<String, Object>> ")
        .append(name).append("(Object value) { return jdbc.queryForList(\"").append(sql.replace("\"", "\\\""))
        .append("\", value); }\n"));
    Files.writeString(dir.resolve("src/main/java/shop/OrderQueries.java"), """
        package shop;
        import org.springframework.jdbc.core.JdbcTemplate;
        public class OrderQueries {
          private final JdbcTemplate jdbc;
          public OrderQueries(JdbcTemplate jdbc) { this.jdbc = jdbc; }
        """ + methods + "}\n");
    OptkitConfig config = OptkitConfig.defaults();
    Assessment assessment = new Assessor().assess(new Assessor.Options(List.of(dir), config.exclude(), false, List.of(),
        false, 2, true, config, "test", null), Assessor.Progress.NONE);
    List<IndexHint> hints = IndexHint.of(assessment.index());
    try (PlannerDatabase database = PlannerDatabase.local()) {
      Map<IndexHint, HintVerdict> verdicts = HintCheck.run(hints, assessment.index().schemaIndexes(), database, 50);
      Map<String, HintVerdict> byIndex = new TreeMap<>();
      for (IndexHint hint : hints) {
        byIndex.put(hint.finding().ruleId() + " " + hint.table().name() + hint.columns(),
            verdicts.get(hint));
      }
      return byIndex;
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
