package dev.optkit.validation.hints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.optkit.analyzers.rules.GrowingRead;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads assess reports as unbounded, checked by a real PostgreSQL planner: kept where its estimate of the rows a query
 * answers grows when the tables double, dropped where the query's grouping keeps it, not checked where PostgreSQL
 * cannot plan the query. CI installs PostgreSQL and sets OPTKIT_REQUIRE_POSTGRES: these run there, never skip.
 */
class GrowthCheckTest {
  @TempDir Path dir;

  @BeforeAll
  static void postgresql() {
    HintProject.requirePostgresql();
  }

  private HintProject.Reads reads(Map<String, String> queries) throws Exception {
    return HintProject.reads(dir, HintProject.SCHEMA, queries);
  }

  @Test
  void aReadOfEveryRowAndAReadByARepeatedValueGrowWithTheTable() throws Exception {
    HintProject.Reads reads = reads(Map.of(
        "everyOrder", "SELECT id, note FROM orders ORDER BY id",
        "byStatus", "SELECT id FROM orders WHERE status = ?"));
    assertEquals(List.of("byStatus", "everyOrder"), List.copyOf(reads.byRoute().keySet()), "the rule's reads: the premise");
    try (PlannerDatabase database = PlannerDatabase.local()) {
      Map<String, GrowthVerdict> verdicts = reads.check(database);
      GrowthVerdict.Grows every = assertInstanceOf(GrowthVerdict.Grows.class, verdicts.get("everyOrder"));
      assertEquals(List.of(new GrowthVerdict.Estimate(10_000, 10_000), new GrowthVerdict.Estimate(20_000, 20_000),
          new GrowthVerdict.Estimate(30_000, 30_000)), every.estimates());
      GrowthVerdict.Grows byStatus = assertInstanceOf(GrowthVerdict.Grows.class, verdicts.get("byStatus"));
      assertEquals(2 * byStatus.estimates().get(0).rows(), byStatus.estimates().get(1).rows());
    }
  }

  @Test
  void aGroupingWhoseGroupsStayAsTheTableGrowsIsDropped() throws Exception {
    // one row per status: the statuses, not the orders, make the answer. UnboundedRead reports no grouping by a column
    // no key declares, so the planner is handed one as a read of the rule's would be
    HintProject.Reads byStatus = reads(Map.of("byStatus", "SELECT id FROM orders WHERE status = ?"));
    GrowingRead reported = byStatus.get("byStatus");
    HintProject.Reads reads = new HintProject.Reads(Map.of("perStatus", new GrowingRead(reported.finding(),
        reported.path(), reported.line(), "SELECT status, count(*) FROM orders GROUP BY status")), byStatus.schema());
    try (PlannerDatabase database = PlannerDatabase.local()) {
      GrowthVerdict.Bounded bounded = assertInstanceOf(GrowthVerdict.Bounded.class, reads.check(database).get("perStatus"));
      assertEquals(bounded.estimates().get(0).rows(), bounded.estimates().get(1).rows());
    }
  }

  @Test
  void anEstimateOfOneRowAtEverySizeIsNotChecked() throws Exception {
    // the audits of a source, area and activity, three columns of few real values (a trial's report): the planner's
    // estimate multiplies three selectivities of generated values and writes one row at every size
    HintProject.Reads reads = reads(Map.of("narrow",
        "SELECT id FROM orders WHERE customer_id = ? AND status = ? AND note = ?"));
    try (PlannerDatabase database = PlannerDatabase.local()) {
      GrowthVerdict.NotChecked none = assertInstanceOf(GrowthVerdict.NotChecked.class, reads.check(database).get("narrow"));
      assertEquals(reads.get("narrow").path() + ":" + reads.get("narrow").line(), none.query());
    }
  }

  @Test
  void aGroupingByAForeignKeyGrowsAsWhatItReferencesDoes() throws Exception {
    // one row per customer who ordered: the customers grow with the orders, the statuses do not (found by a hostile
    // review: the generated customer_id had the same 1,000 values however many orders)
    HintProject.Reads reads = reads(Map.of("perCustomer", "SELECT customer_id, count(*) FROM orders GROUP BY customer_id"));
    try (PlannerDatabase database = PlannerDatabase.local()) {
      assertInstanceOf(GrowthVerdict.Grows.class, reads.check(database).get("perCustomer"));
    }
  }

  @Test
  void aQueryPostgresqlCannotPlanIsNotCheckedAndSaysWhy() throws Exception {
    HintProject.Reads reads = reads(Map.of("noted", "SELECT id FROM orders WHERE IFNULL(note, 'x') = ?"));
    try (PlannerDatabase database = PlannerDatabase.local()) {
      GrowthVerdict.NotChecked none = assertInstanceOf(GrowthVerdict.NotChecked.class, reads.check(database).get("noted"));
      assertEquals(reads.get("noted").path() + ":" + reads.get("noted").line(), none.query());
    }
  }

  @Test
  void withCheckHintsUrlATableOptkitDidNotMakeUnderTheCodesNameIsNeverPlannedAsTheUsersOwn() throws Exception {
    // an H2 script's CREATE TABLE "ORDERS" is made as ORDERS; the code's orders is no table optkit made, and the
    // user's public.orders of 50,000 rows must not answer for it
    String schema = """
        CREATE TABLE "ORDERS" (id BIGINT PRIMARY KEY, customer_id BIGINT, status VARCHAR(10), note VARCHAR(200));
        """;
    HintProject.Reads reads = HintProject.reads(dir, schema, Map.of("everyOrder", "SELECT id, note FROM orders ORDER BY id"));
    assertEquals(List.of("everyOrder"), List.copyOf(reads.byRoute().keySet()), "the rule's read: the premise");
    try (PlannerDatabase host = PlannerDatabase.local()) {
      try (Statement admin = host.admin().createStatement()) {
        admin.execute("CREATE ROLE owner LOGIN PASSWORD 'owner-pw'");
        admin.execute("GRANT CREATE ON DATABASE postgres TO owner");
        admin.execute("CREATE TABLE public.orders (id bigint, note text)");
        admin.execute("INSERT INTO public.orders SELECT g, 'secret' FROM generate_series(1, 50000) g");
        admin.execute("ANALYZE public.orders");
        admin.execute("GRANT ALL ON public.orders TO owner");
      }
      String url = host.admin().getMetaData().getURL() + "?user=owner&password=owner-pw";
      try (PlannerDatabase given = PlannerDatabase.given(url)) {
        assertInstanceOf(GrowthVerdict.NotChecked.class, reads.check(given).get("everyOrder"));
      }
    }
  }

  @Test
  void withCheckHintsUrlAProjectTableNamedLikeACatalogNeverWritesTheUsersCatalog() throws Exception {
    // PostgreSQL searches pg_catalog before the search path unless the path places it: an INSERT INTO a bare
    // "pg_description" filled the user's catalog with 10,000 rows (hostile review)
    String schema = HintProject.SCHEMA + """
        CREATE TABLE pg_description (objoid BIGINT PRIMARY KEY, classoid BIGINT, objsubid INT, description VARCHAR(100));
        """;
    HintProject.Reads reads = HintProject.reads(dir, schema, Map.of("described",
        "SELECT o.id, d.description FROM orders o JOIN pg_description d ON d.objoid = o.id"));
    assertEquals(List.of("described"), List.copyOf(reads.byRoute().keySet()), "the rule's read: the premise");
    try (PlannerDatabase host = PlannerDatabase.local()) {
      try (Statement admin = host.admin().createStatement()) {
        admin.execute("CREATE ROLE boss SUPERUSER LOGIN PASSWORD 'boss-pw'");
      }
      long before = descriptions(host);
      String url = host.admin().getMetaData().getURL() + "?user=boss&password=boss-pw";
      try (PlannerDatabase given = PlannerDatabase.given(url)) {
        assertInstanceOf(GrowthVerdict.Grows.class, reads.check(given).get("described"));
      }
      assertEquals(before, descriptions(host), "rows optkit generated, left in the user's pg_catalog.pg_description");
    }
  }

  private static long descriptions(PlannerDatabase host) throws Exception {
    try (Statement admin = host.admin().createStatement();
        ResultSet count = admin.executeQuery("SELECT count(*) FROM pg_catalog.pg_description")) {
      count.next();
      return count.getLong(1);
    }
  }

  @Test
  void withCheckHintsUrlOnlyTheTablesOptkitMadeGrowNeverTheUsersOwn() throws Exception {
    // the user's database has its own orders in public; optkit's are made in its schema, first on the search path
    HintProject.Reads reads = reads(Map.of("everyOrder", "SELECT id, note FROM orders ORDER BY id"));
    try (PlannerDatabase host = PlannerDatabase.local()) {
      try (Statement admin = host.admin().createStatement()) {
        admin.execute("CREATE ROLE owner LOGIN PASSWORD 'owner-pw'");
        admin.execute("GRANT CREATE ON DATABASE postgres TO owner");
        admin.execute("CREATE TABLE public.orders (id bigint, note text)");
        admin.execute("INSERT INTO public.orders SELECT g, 'n' FROM generate_series(1, 10) g");
        admin.execute("GRANT ALL ON public.orders TO owner");
      }
      String url = host.admin().getMetaData().getURL() + "?user=owner&password=owner-pw";
      try (PlannerDatabase given = PlannerDatabase.given(url)) {
        assertInstanceOf(GrowthVerdict.Grows.class, reads.check(given).get("everyOrder"));
      }
      try (Statement admin = host.admin().createStatement();
          ResultSet count = admin.executeQuery("SELECT count(*) FROM public.orders")) {
        count.next();
        assertEquals(10, count.getLong(1));
      }
    }
  }
}
