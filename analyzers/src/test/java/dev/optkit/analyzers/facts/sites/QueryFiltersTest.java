package dev.optkit.analyzers.facts.sites;

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
        new QueryFilters.TableFilter("customers", List.of("region"), List.of(), List.of("id"), false)),
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
}
