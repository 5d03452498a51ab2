package dev.optkit.analyzers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.ProjectFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query finding its rows only by a leading wildcard, or by a function of an indexed column; near misses: a prefix
 * LIKE the index serves, another condition an index serves, an expression index, a function of a column no index has.
 */
class NonSargableFilterRuleTest {
  @TempDir Path dir;

  private static final String SCHEMA = """
      CREATE TABLE customers (id BIGINT PRIMARY KEY, name VARCHAR(40), email VARCHAR(100), region VARCHAR(10),
        created_at TIMESTAMP);
      CREATE INDEX customers_email ON customers (email);
      CREATE INDEX customers_name ON customers (name);
      """;

  /** Customers and their orders, found by the orders' customer and, each, by its key. */
  private static final String JOINED = """
      CREATE TABLE customers (id BIGINT PRIMARY KEY, name VARCHAR(40), email VARCHAR(100));
      CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT REFERENCES customers(id), note VARCHAR(200));
      CREATE INDEX orders_customer ON orders (customer_id);
      """;

  private List<String> found(String schema, String sql) {
    return new ProjectFixture(dir).file("src/main/resources/schema.sql", schema)
        .java("""
            package shop;
            import org.springframework.jdbc.core.JdbcTemplate;
            public class Customers {
              private final JdbcTemplate jdbc;
              public Customers(JdbcTemplate jdbc) { this.jdbc = jdbc; }
              public Object find(Object value) { return jdbc.queryForList("%s", value); }
            }
            """.formatted(sql))
        .assess().findings().stream().filter(f -> f.ruleId().equals("NonSargableFilter"))
        .map(f -> f.details().get("shape") + " " + f.details().get("table") + "." + f.details().get("columns")
            + (f.details().containsKey("function") ? " " + f.details().get("function") : ""))
        .toList();
  }

  @Test
  void aLeadingWildcardFindsNoRowsByAnyIndex() {
    assertEquals(List.of("leading-wildcard customers.[name]"),
        found(SCHEMA, "SELECT id FROM customers WHERE name LIKE '%son'"));
    assertEquals(List.of("leading-wildcard customers.[name]"),
        found(SCHEMA, "SELECT id FROM customers WHERE name LIKE CONCAT('%', ?, '%')"));
    assertEquals(List.of("leading-wildcard customers.[region]"),
        found(SCHEMA, "SELECT id FROM customers WHERE region ILIKE '%' || ?"));
  }

  @Test
  void aKeywordSearchedInSeveralColumnsWithLeadingWildcardsIsUnservedInEach() {
    // MySQL's double-quoted "%" is a string (mall's MyBatis mappers write it so)
    assertEquals(List.of("leading-wildcard customers.[name, region]"),
        found(SCHEMA, "SELECT id FROM customers WHERE (name LIKE concat(\\\"%\\\", ?, \\\"%\\\") "
            + "OR region LIKE concat(\\\"%\\\", ?, \\\"%\\\"))"));
    // an OR with a branch an index may serve says nothing
    assertEquals(List.of(), found(SCHEMA, "SELECT id FROM customers WHERE name LIKE '%son' OR email = ?"));
  }

  @Test
  void aPrefixLikeOrAnotherIndexedConditionIsServed() {
    assertEquals(List.of(), found(SCHEMA, "SELECT id FROM customers WHERE name LIKE 'Ada%'"));
    assertEquals(List.of(), found(SCHEMA, "SELECT id FROM customers WHERE name LIKE CONCAT(?, '%')"));
    // the email index finds the rows first; the wildcard only filters them
    assertEquals(List.of(), found(SCHEMA, "SELECT id FROM customers WHERE email = ? AND name LIKE '%son'"));
  }

  @Test
  void aFunctionOfAnIndexedColumnIsNotServedByItsIndex() {
    assertEquals(List.of("function-of-column customers.[email] lower"),
        found(SCHEMA, "SELECT id FROM customers WHERE lower(email) = ?"));
    assertEquals(List.of("function-of-column customers.[email] upper"),
        found(SCHEMA, "SELECT id FROM customers WHERE UPPER(email) = UPPER(?)"));
  }

  @Test
  void aFunctionOfAColumnWithAnExpressionIndexOrNoIndexIsNotThisHint() {
    assertEquals(List.of(), found(SCHEMA + "CREATE INDEX customers_lower_email ON customers (lower(email));\n",
        "SELECT id FROM customers WHERE lower(email) = ?"));
    // no index on created_at at all: a function does not take away an index it never had
    assertEquals(List.of(), found(SCHEMA, "SELECT id FROM customers WHERE date(created_at) = ?"));
  }

  @Test
  void aLeadingWildcardOnAColumnWithATrigramIndexIsServed() {
    // pg_trgm's GIN index is what the rule's own remediation asks for: it serves LIKE '%son' (a hostile review's case)
    assertEquals(List.of(), found(JOINED + "CREATE EXTENSION IF NOT EXISTS pg_trgm;\n"
        + "CREATE INDEX customers_name_trgm ON customers USING gin (name gin_trgm_ops);\n",
        "SELECT id FROM customers WHERE name LIKE '%son'"));
  }

  @Test
  void aTableFirstInFromFoundThroughItsPrimaryKeyByAJoinIsServed() {
    // the planner finds the one order by its key, then its customer by customers' primary key; the wildcard only filters
    assertEquals(List.of(), found(JOINED, "SELECT c.id FROM customers c JOIN orders o ON o.customer_id = c.id "
        + "WHERE o.id = ? AND c.name LIKE '%son'"));
  }

  @Test
  void theQueriesOfOneShapeOnOneColumnAreOneFindingNamingThemAll() {
    // a trial's login and profile both asked upper(email) = upper(?): one expression index serves both, one finding
    var details = new ProjectFixture(dir).file("src/main/resources/schema.sql", SCHEMA)
        .java("""
            package shop;
            import org.springframework.jdbc.core.JdbcTemplate;
            public class Customers {
              private final JdbcTemplate jdbc;
              public Customers(JdbcTemplate jdbc) { this.jdbc = jdbc; }
              public Object login(Object value) {
                return jdbc.queryForList("SELECT id FROM customers WHERE upper(email) = upper(?)", value);
              }
              public Object profile(Object value) {
                return jdbc.queryForList("SELECT name FROM customers WHERE upper(email) = upper(?)", value);
              }
              public Object byName(Object value) {
                return jdbc.queryForList("SELECT id FROM customers WHERE lower(name) = ?", value);
              }
            }
            """)
        .assess().findings().stream().filter(f -> f.ruleId().equals("NonSargableFilter")).map(f -> f.details())
        .toList();
    assertEquals(List.of("upper [email] 2", "lower [name] 1"), details.stream()
        .map(d -> d.get("function") + " " + d.get("columns") + " " + ((List<?>) d.get("queries")).size()).sorted(
            java.util.Comparator.reverseOrder()).toList());
  }
}
