package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A JdbcTemplate {@code CALL} of a procedure the project's schema script creates from queries only reads what they
 * read (audit 10's s1, caperezr/API-WAREHOUSE-SB-JDBCTEMPLATE: every read was a CALL, each taken for a write, and
 * eight reads became evictors of the one cache planned). The project is under
 * {@code src/test/resources/audit10/s1-call-procedure}, as the audit wrote it.
 */
class StoredProcedureCallsTest extends SpringProjectPlans {

  @Test
  void aCallOfAProcedureOfQueriesIsARead() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("p")).resources("/audit10/s1-call-procedure").plan();
    assertTrue(target(plan, "KindService.kinds").isPresent(), plan.refusals().toString());
    // evicted by the insert into the table the procedure reads, not by the other reads
    assertTrue(target(plan, "KindService.kinds").get().evictions().stream()
        .anyMatch(e -> e.writer().fact().displayName().equals("KindService.add")), plan.targets().toString());
    assertTrue(target(plan, "ItemDao.byKind").map(t -> t.evictions().stream()
        .noneMatch(e -> e.writer().fact().name().equals("all") || e.writer().fact().name().equals("byId"))).orElse(true),
        plan.targets().toString());
  }

  @Test
  void aCallOfAProcedureThatWritesStaysAWrite() {
    // its true twin: the procedure inserts too
    MigrationPlan plan = new MigrationFixture(dir.resolve("twin")).resources("/audit10/s1-call-procedure")
        .file("src/main/resources/schema.sql", """
            CREATE TABLE kind (id INT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(50));
            CREATE TABLE item (id INT PRIMARY KEY AUTO_INCREMENT, kind_id INT, name VARCHAR(50));
            CREATE PROCEDURE ListKinds() BEGIN INSERT INTO item(kind_id, name) VALUES (0, 'seen'); SELECT * FROM kind; END;
            CREATE PROCEDURE GetKind(IN kid INT) BEGIN SELECT * FROM kind WHERE id = kid; END;
            """).plan();
    assertFalse(target(plan, "KindService.kinds").isPresent(), plan.targets().toString());
    assertTrue(target(plan, "ItemDao.byKind").map(t -> t.evictions().stream()
        .anyMatch(e -> e.writer().fact().name().equals("all"))).orElse(true), plan.targets().toString());
  }

  /**
   * A procedure whose SELECT calls a writing function (q2) or takes a sequence's next value (q3), one whose only
   * read-only definition is a test's schema (q6), or another schema's procedure of that name (q10).
   * (From hostile review 33, cases q2, q3, q6, q10.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"q2", "q3", "q6", "q10"})
  void aProcedureThatMayWriteStaysAWrite(String attack) {
    MigrationPlan plan = casePlan("hostile33", attack);
    assertFalse(cached(plan, "CatDao.name"), plan.targets().toString());
  }

  /** A procedure that only selects is a read: cached. (From hostile review 33: its control q0.) */
  @Test
  void aProcedureThatOnlySelectsIsCached() {
    MigrationPlan plan = casePlan("hostile33", "q0");
    assertTrue(cached(plan, "CatDao.name"), plan.refusals().toString());
  }

  /**
   * A procedure redefined under a schema with an update (q12), reading a view whose function writes (q13), calling a
   * writing function in ORDER BY (q14), setting a session variable (q17), read-only only in src/it (q18).
   * (From hostile review 34, cases q12 to q18.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"q12", "q13", "q14", "q17", "q18"})
  void aProcedureRedefinedOrReadOnlyOnlyInTestsStaysAWrite(String attack) {
    MigrationPlan plan = casePlan("hostile34", attack);
    assertFalse(cached(plan, "CatDao.name"), plan.targets().toString());
  }
}
