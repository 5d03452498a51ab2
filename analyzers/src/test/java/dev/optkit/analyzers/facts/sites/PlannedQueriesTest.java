package dev.optkit.analyzers.facts.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A query of the code as a planner is asked to plan it: one statement written from the parsed tree, numbered parameters. */
class PlannedQueriesTest {
  @Test
  void placeholdersOfEveryKindAreNumberedOncePerName() {
    assertEquals(Optional.of("SELECT * FROM orders WHERE customer_id = $1 AND status = $2"),
        PlannedQueries.forPlanner("select * from orders where customer_id = ? and status = ?"));
    assertEquals(Optional.of("SELECT * FROM orders WHERE customer_id = $1 AND status = $2"),
        PlannedQueries.forPlanner("select * from orders where customer_id = #{customerId} and status = #{status}"));
    assertEquals(Optional.of("SELECT * FROM orders WHERE customer_id = $1 OR referrer_id = $1 AND status = $2"),
        PlannedQueries.forPlanner("select * from orders where customer_id = :cid or referrer_id = :cid and status = :s"));
  }

  @Test
  void aParameterThatIsAnInListIsWrittenInBracketsAsPostgresqlParsesIt() {
    // JPQL's IN :dcn (a collection bound to it) was written IN $1, a syntax error to PostgreSQL: not checked
    assertEquals(Optional.of("SELECT * FROM envelopes WHERE dcn IN ($1) AND status IN ($2)"),
        PlannedQueries.forPlanner("select * from envelopes where dcn in :dcn and status in ?"));
    // near miss: a list written in brackets stays as it is
    assertEquals(Optional.of("SELECT * FROM envelopes WHERE dcn IN ($1, $2)"),
        PlannedQueries.forPlanner("select * from envelopes where dcn in (?, ?)"));
  }

  @Test
  void anUpdateOrDeleteOfOneTableIsPlannedAsTheSelectFindingItsRows() {
    assertEquals(Optional.of("SELECT 1 FROM orders WHERE customer_id = $1"),
        PlannedQueries.forPlanner("update orders set status = ? where customer_id = ?"));
    assertEquals(Optional.of("SELECT 1 FROM orders WHERE created_at < $1"),
        PlannedQueries.forPlanner("DELETE FROM orders WHERE created_at < ?"));
  }

  @Test
  void anythingButOneSelectUpdateOrDeleteIsNotPlanned() {
    // the planner is given JSqlParser's writing of one statement it read, never the code's text: a second statement,
    // an insert or DDL is not planned
    assertEquals(Optional.empty(), PlannedQueries.forPlanner("select 1 from orders; drop table orders"));
    assertEquals(Optional.empty(), PlannedQueries.forPlanner("insert into orders (id) values (?)"));
    assertEquals(Optional.empty(), PlannedQueries.forPlanner("drop table orders"));
    assertEquals(Optional.empty(), PlannedQueries.forPlanner("select * from ${table} where id = 1"));
  }

  @Test
  void mysqlsQuotedNamesAndLimitAreWrittenAsPostgresqlReadsThem() {
    // parameters are numbered as the statement is written out: the planner is given no values, only their places
    // mall's mappers: every query quoted its names with backticks or paged with LIMIT offset, count, and PostgreSQL
    // could plan none of them
    assertEquals(Optional.of("SELECT id FROM pms_product WHERE brand_id = $1 LIMIT $2 OFFSET $3"),
        PlannedQueries.forPlanner("select `id` from `pms_product` where `brand_id` = ? limit ?, ?"));
    assertEquals(Optional.of("SELECT p.id, p.name name FROM pms_product p WHERE p.brand_id = $1"),
        PlannedQueries.forPlanner("select `p`.`id`, p.`name` `name` from pms_product p where p.`brand_id` = #{brandId}"));
    // a name that is no plain identifier stays quoted, and PostgreSQL says it cannot plan it
    assertEquals(Optional.of("SELECT `order lines` FROM t"), PlannedQueries.forPlanner("select `order lines` from t"));
  }

  @Test
  void aCommentIsNeverWrittenForThePlanner() {
    // JSqlParser ends an optimizer hint /*+ /* */ at its first */ and writes it back whole; PostgreSQL and pgjdbc nest
    // block comments, so for them it ran on to a */ inside a string, and pgjdbc sent what followed the ; as a second
    // statement: the project's SQL ran as the planning role
    String hostile = "SELECT /*+ /* */ id FROM orders WHERE status = ? AND note = '*/ ; DROP TABLE orders; --'";
    PlannedQueries.forPlanner(hostile).ifPresent(sql -> assertFalse(sql.contains("/*") || sql.contains(";"), sql));
    assertEquals(Optional.of("SELECT id FROM orders"), PlannedQueries.forPlanner("SELECT /*+ /* */ id FROM orders"));
    assertEquals(Optional.empty(), PlannedQueries.forPlanner("SELECT id FROM orders WHERE note = 'a;b'"));
  }

  @Test
  void quotesJSqlParserAndPostgresqlReadDifferentlyAreNotPlanned() {
    assertEquals(Optional.empty(),
        PlannedQueries.forPlanner("SELECT id FROM orders WHERE note = 'x\\' ; DROP TABLE orders; --'"));
    assertEquals(Optional.empty(),
        PlannedQueries.forPlanner("SELECT id FROM orders WHERE note = E'x\\' ; DROP TABLE orders; --'"));
    assertEquals(Optional.empty(),
        PlannedQueries.forPlanner("WITH x AS (DELETE FROM orders RETURNING *) SELECT * FROM x"));
  }

  @Test
  void aLockClauseIsLeftOutAndASelectIntoATableIsNotPlanned() {
    // FOR UPDATE finds its rows as the select does; a reader may not lock them, so it is planned without the lock
    assertEquals(Optional.of("SELECT id FROM orders WHERE status = $1"),
        PlannedQueries.forPlanner("SELECT id FROM orders WHERE status = ? FOR UPDATE SKIP LOCKED"));
    assertEquals(Optional.empty(), PlannedQueries.forPlanner("SELECT * INTO archive FROM orders WHERE status = ?"));
  }
}
