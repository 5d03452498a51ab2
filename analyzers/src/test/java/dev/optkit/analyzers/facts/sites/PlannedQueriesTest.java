package dev.optkit.analyzers.facts.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
