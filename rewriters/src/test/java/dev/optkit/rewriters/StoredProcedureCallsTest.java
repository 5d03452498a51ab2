package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JdbcTemplate {@code CALL} of a procedure the project's schema script creates from queries only reads what they
 * read (audit 10's s1, caperezr/API-WAREHOUSE-SB-JDBCTEMPLATE: every read was a CALL, each taken for a write, and
 * eight reads became evictors of the one cache planned). The project is under
 * {@code src/test/resources/audit10/s1-call-procedure}, as the audit wrote it.
 */
class StoredProcedureCallsTest {
  @TempDir Path dir;

  private static Optional<CachingTarget> target(MigrationPlan plan, String displayName) {
    return plan.targets().stream().filter(t -> t.method().fact().displayName().equals(displayName)).findFirst();
  }

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
}
