package dev.optkit.analyzers.facts.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.facts.Access;
import org.junit.jupiter.api.Test;

class SqlStatementsTest {

  @Test
  void valuesThatChangeBetweenExecutionsAreFoundOutsideLiteralsAndNames() {
    assertEquals(java.util.Optional.of("CURRENT_TIMESTAMP"),
        SqlStatements.volatileValue("SELECT COUNT(*) FROM promo WHERE valid_until > CURRENT_TIMESTAMP"));
    assertEquals(java.util.Optional.of("RANDOM_UUID()"), SqlStatements.volatileValue("SELECT RANDOM_UUID()"));
    assertEquals(java.util.Optional.of("NOW()"), SqlStatements.volatileValue("select * from t where d < now ( )"));
    // a column or table that shares a function's name, a literal, a comment: no value of the moment
    assertEquals(java.util.Optional.empty(), SqlStatements.volatileValue("SELECT uuid, rand FROM user WHERE now = ?"));
    assertEquals(java.util.Optional.empty(), SqlStatements.volatileValue("SELECT 'CURRENT_TIMESTAMP' -- NOW()\n FROM t"));
    assertEquals(java.util.Optional.empty(), SqlStatements.volatileValue(null));
  }

  @Test
  void queriesAreReadsAndEverythingElseWrites() {
    assertEquals(Access.READ, SqlStatements.access("SELECT name FROM users WHERE id = ?"));
    assertEquals(Access.READ, SqlStatements.access("  (select a from t) union (select b from u)"));
    assertEquals(Access.READ, SqlStatements.access("WITH recent AS (SELECT * FROM orders) SELECT count(*) FROM recent"));
    assertEquals(Access.READ, SqlStatements.access("select * from t where id = #{id} and name = ${name}"));
    assertEquals(Access.WRITE, SqlStatements.access("UPDATE users SET name = ? WHERE id = ?"));
    assertEquals(Access.WRITE, SqlStatements.access("/* audit */ insert into audit(what) values (?)"));
    assertEquals(Access.WRITE, SqlStatements.access("-- cleanup\nDELETE FROM sessions"));
  }

  @Test
  void onlyCountsSumsAndAveragesAreAnswersWithoutRows() {
    assertTrue(SqlStatements.onlyAggregates("select count(*) from days"));
    assertTrue(SqlStatements.onlyAggregates("SELECT COUNT(DISTINCT c.id) AS n, sum(c.units) FROM course c WHERE c.title = :t"));
    assertTrue(SqlStatements.onlyAggregates("select count(d) from Day d where d.label = ?1"));
    // a row, an entity path, an aggregate that may answer an entity, a window, a lock, a write, no SQL
    assertFalse(SqlStatements.onlyAggregates("select * from days"));
    assertFalse(SqlStatements.onlyAggregates("select d from Day d"));
    assertFalse(SqlStatements.onlyAggregates("select count(d), d.owner from Day d group by d.owner"));
    assertFalse(SqlStatements.onlyAggregates("select max(d.owner) from Day d"));
    assertFalse(SqlStatements.onlyAggregates("select count(*) over () from days"));
    assertFalse(SqlStatements.onlyAggregates("select count(*) from days for update"));
    assertFalse(SqlStatements.onlyAggregates("select count(*) from days union select id from days"));
    assertFalse(SqlStatements.onlyAggregates("update days set n = (select count(*) from days)"));
    assertFalse(SqlStatements.onlyAggregates(null));
  }

  @Test
  void queriesThatChangeStateAreWrites() {
    assertEquals(Access.WRITE, SqlStatements.access("SELECT * FROM accounts WHERE id = ? FOR UPDATE"));
    assertEquals(Access.WRITE, SqlStatements.access("select nextval('order_seq')"));
    assertEquals(Access.WRITE, SqlStatements.access("SELECT id FROM FINAL TABLE (INSERT INTO t(a) VALUES (1))"));
    assertEquals(Access.WRITE, SqlStatements.access("{call purge_users()}"));
    assertEquals(Access.WRITE, SqlStatements.access("{ ? = call next_id(?) }"));
    // text built of parts that does not parse: a statement changing data among its words makes it one (review 49's S2)
    assertEquals(Access.WRITE, SqlStatements.access("select count(*) from days update days set label = 'x' where and"));
    assertEquals(Access.READ, SqlStatements.access("select updated_at, created_by from days where and"));
  }

  /**
   * Every statement form that changes data is a write, however it starts: a data-modifying CTE with or without
   * RETURNING (a Spring Data native query {@code WITH gone AS (DELETE ... RETURNING id) SELECT count(*) FROM gone}
   * was once planned for @Cacheable because another reader decided by the first word), UPDATE ... RETURNING,
   * INSERT ... SELECT, MERGE and a stored procedure call in each of its spellings.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "WITH gone AS (DELETE FROM ticket WHERE status = ?1 RETURNING id) SELECT count(*) FROM gone",
      "WITH gone AS (DELETE FROM ticket WHERE status = ?1) SELECT count(*) FROM ticket",
      "with moved as (insert into archive select * from ticket where status = ? returning id) select id from moved",
      "WITH u AS (UPDATE ticket SET status = 'x' WHERE id = ?) SELECT 1",
      "UPDATE ticket SET status = ? WHERE id = ? RETURNING id",
      "INSERT INTO archive SELECT * FROM ticket WHERE status = ?",
      "MERGE INTO ticket t USING incoming s ON (t.id = s.id) WHEN MATCHED THEN UPDATE SET t.status = s.status",
      "CALL purge_tickets(?)",
      "{call purge_tickets(?)}",
      "EXEC purge_tickets ?"})
  void everyFormThatChangesDataIsAWrite(String sql) {
    assertEquals(Access.WRITE, SqlStatements.access(sql), sql);
  }

  @Test
  void aBatchIsAReadOnlyWhenEveryStatementIs() {
    assertEquals(Access.READ, SqlStatements.access("SELECT 1 FROM a; SELECT 2 FROM b"));
    assertEquals(Access.WRITE, SqlStatements.access("SELECT 1 FROM a; UPDATE b SET x = 1"));
  }

  @Test
  void aWithOfQueriesOnlyIsARead() {
    assertEquals(Access.READ, SqlStatements.access(
        "WITH open AS (SELECT id FROM ticket WHERE status = ?), recent AS (WITH x AS (SELECT 1) SELECT * FROM x) "
            + "SELECT count(*) FROM open"));
  }

  @Test
  void unparseableTextFallsBackToItsFirstKeywordAndAWithThatHidesAWriteIsOne() {
    // a select the parser rejects (built at run time) still reads; a WITH it rejects may hide an UPDATE
    assertEquals(Access.READ, SqlStatements.access("SELECT {columns} FROM {table} WHERE"));
    assertEquals(Access.WRITE, SqlStatements.access("WITH x AS (UPDATE t SET a = 1 RETURNING *) SELECT * FROM x"));
    assertEquals(Access.UNKNOWN, SqlStatements.access("hello world"));
  }

  @Test
  void looksLikeSqlReadsTheFirstKeywordPastCommentsAndParentheses() {
    assertTrue(SqlStatements.looksLikeSql("(SELECT 1)"));
    assertTrue(SqlStatements.looksLikeSql("/* c */ -- d\n update t set a = 1"));
    assertFalse(SqlStatements.looksLikeSql("selection of items"));
    // a keyword alone is no statement: a permission's name (user.isAuthorized("create"), a blind trial's Vert.x wiki)
    assertFalse(SqlStatements.looksLikeSql("create"));
    assertFalse(SqlStatements.looksLikeSql(" delete "));
    assertFalse(SqlStatements.looksLikeSql("(update)"));
    assertTrue(SqlStatements.looksLikeSql("delete from sessions"));
    assertFalse(SqlStatements.looksLikeSql("/owners/{id}"));
    assertFalse(SqlStatements.looksLikeSql(null));
  }

  @Test
  void placeholdersBindButJdbcEscapesStay() {
    assertEquals("select * from t where a = ? and b = ? and c = ?",
        SqlStatements.bindPlaceholders("select * from t where a = #{a} and b = ${b} and c = {c}"));
    assertEquals("{call p(?)}", SqlStatements.bindPlaceholders("{call p(?)}"));
  }
}
