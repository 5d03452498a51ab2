package dev.optkit.analyzers.facts.sites;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The columns a statement finds its rows by, per table, as an index could serve them. */
class QueryFiltersTest {
  private static List<QueryFilters.TableFilter> of(String sql) {
    return QueryFilters.of(sql);
  }

  @Test
  void equalityRangesAndJoinsArePlacedInTheirTablesByAliasOrQualifier() {
    assertEquals(List.of(
        new QueryFilters.TableFilter("orders", List.of("status"), List.of("created_at"), List.of("customer_id"), true),
        // region is compared with literals only: fixed, a value the query always asks the same of
        new QueryFilters.TableFilter("customers", List.of("region"), List.of(), List.of("id"), false, List.of(),
            List.of("region"))),
        of("SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id "
            + "WHERE o.status = ? AND o.created_at >= ? AND c.region IN ('eu', 'us')"));
  }

  @Test
  void aMyBatisParameterIsABoundValueAndTextItPastesInIsNotRead() {
    // MyBatis prepares #{jobId} as a ?; ${column} is pasted text, unknown
    assertEquals(List.of(new QueryFilters.TableFilter("xxl_job_logglue", List.of("job_id"), List.of(), List.of(), true)),
        of("SELECT id FROM xxl_job_logglue WHERE job_id = #{jobId} ORDER BY id"));
    assertEquals(List.of(), of("SELECT id FROM xxl_job_info WHERE ${column} = #{value}"));
  }

  @Test
  void termsNoIndexOnTheColumnServesAreNotRead() {
    assertEquals(List.of(new QueryFilters.TableFilter("customers", List.of(), List.of(), List.of(), true)),
        of("SELECT id FROM customers WHERE region = ? OR email = ? AND lower(name) = ? OR note LIKE '%x'"));
  }

  private static List<String> filtered(String sql) {
    return QueryFilters.of(sql).stream().filter(f -> !f.equal().isEmpty() || !f.ranges().isEmpty())
        .map(f -> f.table() + " " + f.equal() + " " + f.ranges()).toList();
  }

  @Test
  void aUnionIsNoCrash() {
    // JSqlParser's Select.getPlainSelect() casts: a union threw ClassCastException out of QueryFilters.of
    assertDoesNotThrow(() -> QueryFilters.of(
        "SELECT id FROM orders WHERE status = ? UNION SELECT id FROM orders WHERE note = ?"));
  }

  @Test
  void aLongAndChainIsNoStackOverflow() {
    // read recursively, one frame per AND, a generated (or hostile MyBatis XML) statement of thousands of terms threw
    // StackOverflowError out of QueryFilters.of
    StringBuilder sql = new StringBuilder("SELECT id FROM orders WHERE status = ?");
    for (int i = 0; i < 10_000; i++) {
      sql.append(" AND c").append(i).append(" = ?");
    }
    assertDoesNotThrow(() -> QueryFilters.of(sql.toString()));
  }

  @Test
  void aLeftJoinsOnTermAboutTheFirstTableDoesNotFilterIt() {
    // every order is returned, with or without lines: o.status in a LEFT JOIN's ON finds no order rows
    assertEquals(List.of(), filtered(
        "SELECT o.id, l.sku FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id AND o.status = 'NEW'"));
  }

  @Test
  void anUpdateFromsUnqualifiedColumnIsNotPlacedInTheUpdatedTable() {
    // two tables: region is not said to be orders'
    assertEquals(List.of(), filtered(
        "UPDATE orders SET note = 'x' FROM customers WHERE customers.id = orders.customer_id AND region = ?"));
  }

  @Test
  void aDeleteUsingsUnqualifiedColumnIsNotPlacedInTheDeletedTable() {
    assertEquals(List.of(), filtered(
        "DELETE FROM orders USING customers WHERE orders.customer_id = customers.id AND region = ?"));
  }

  @Test
  void aMysqlUpdateJoinsUnqualifiedColumnIsNotPlacedInTheUpdatedTable() {
    assertEquals(List.of(), filtered(
        "UPDATE orders o JOIN customers c ON c.id = o.customer_id SET o.note = 'x' WHERE region = ?"));
  }

  @Test
  void aCteNamedLikeATableIsNotTheTable() {
    // the outer status filter reads the CTE's rows, not the orders table
    List<String> read = filtered(
        "WITH orders AS (SELECT * FROM orders WHERE customer_id = ?) SELECT id FROM orders WHERE status = ?");
    assertEquals(List.of(), read.stream().filter(f -> f.contains("status")).toList(), read.toString());
  }

  @Test
  void aComparisonWithAnotherColumnOfTheSameRowIsNoValue() {
    // region = lower(email): the value depends on the row, no index on region can seek it
    assertEquals(List.of(), filtered("SELECT id FROM customers WHERE region = lower(email)"));
    assertEquals(List.of(), filtered("SELECT id FROM orders WHERE created_at > updated_at + interval '1 day'"));
  }

  @Test
  void anIlikeIsNoRangeOfABtreeIndex() {
    // PostgreSQL's ILIKE 'eu%' is case-insensitive: a btree index on region does not serve it
    assertEquals(List.of(), filtered("SELECT id FROM customers WHERE region ILIKE 'eu%'"));
  }

  @Test
  void aConditionInParenthesesIsReadAsWithout() {
    // JSqlParser 5 reads (status = ?) as a list of one expression, not a Parenthesis
    assertEquals(List.of(new QueryFilters.TableFilter("orders", List.of("status"), List.of("created_at"), List.of(), true)),
        QueryFilters.of("SELECT id FROM orders WHERE (status = ?) AND ((created_at > ?))"));
  }

  @Test
  void anAnswerRememberedByTextCannotBeChangedByOneCallerForTheNext() {
    String sql = "SELECT id FROM review_memo_orders WHERE customer_id = ? AND status = ?";
    List<QueryFilters.TableFilter> first = QueryFilters.of(sql);
    assertEquals(1, first.size(), "the premise");
    try {
      first.clear(); // a rule sorting or pruning its own answer
    } catch (UnsupportedOperationException immutable) {
      // as it should be
    }
    assertEquals(1, QueryFilters.of(sql).size(), "another rule asking of the same text later");
  }

  @Test
  void aLeadingWildcardComparedCaseInsensitivelyIsStillOne() {
    // a case-insensitive search (Spring Data's ContainingIgnoreCase, upper(name) LIKE upper(...)): no index on the column
    // serves it, upper-cased or not
    assertEquals(List.of(new QueryFilters.Unserved("title", QueryFilters.Shape.LEADING_WILDCARD, null)),
        of("SELECT * FROM posts WHERE UPPER(title) LIKE UPPER(CONCAT('%', ?, '%'))").get(0).unserved());
    assertEquals(List.of(new QueryFilters.Unserved("title", QueryFilters.Shape.LEADING_WILDCARD, null)),
        of("SELECT * FROM posts WHERE lower(title) LIKE lower('%' || ?)").get(0).unserved());
  }
}
