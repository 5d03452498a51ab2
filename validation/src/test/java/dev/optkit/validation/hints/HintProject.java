package dev.optkit.validation.hints;

import dev.optkit.analyzers.Assessment;
import dev.optkit.analyzers.Assessor;
import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.analyzers.rules.GrowingRead;
import dev.optkit.analyzers.rules.IndexHint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;

/**
 * A project of a schema script and a JdbcTemplate class running the given queries, assessed, with its index hints;
 * and the planner's verdicts on them by {@code "rule table[columns]"}. The hint check's tests share it.
 */
record HintProject(List<IndexHint> hints, Assessment assessment) {
  /** Orders of customers: no index on orders but its primary key; a foreign key to customers. */
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

  /** PostgreSQL and HypoPG here, or the test skips; where CI says they must be (OPTKIT_REQUIRE_POSTGRES), it fails. */
  static void requirePostgresql() {
    String why = PlannerDatabase.unavailable();
    if (why != null && System.getenv("OPTKIT_REQUIRE_POSTGRES") != null) {
      throw new AssertionError(why + ", and OPTKIT_REQUIRE_POSTGRES says this test must run");
    }
    Assumptions.assumeTrue(why == null, why);
  }

  /**
   * @param postgresql whether the project's configuration names PostgreSQL (the foreign-key rule's condition)
   * @param classes more classes of the package {@code shop}, by name: the project's entities, say
   */
  static HintProject assess(Path dir, String schema, Map<String, String> queries, boolean postgresql,
      Map<String, String> classes) throws Exception {
    Files.createDirectories(dir.resolve("src/main/resources"));
    Files.createDirectories(dir.resolve("src/main/java/shop"));
    for (Map.Entry<String, String> written : classes.entrySet()) {
      Files.writeString(dir.resolve("src/main/java/shop/" + written.getKey() + ".java"), written.getValue());
    }
    Files.writeString(dir.resolve("src/main/resources/schema.sql"), schema);
    if (postgresql) {
      Files.writeString(dir.resolve("src/main/resources/application.properties"),
          "spring.datasource.url=jdbc:postgresql://db:5432/shop\n");
    }
    StringBuilder methods = new StringBuilder();
    new TreeMap<>(queries).forEach((name, sql) -> methods.append("  public java.util.List<java.util.Map<String, Object>> ")
        .append(name).append("(Object value) { return jdbc.queryForList(\"").append(sql.replace("\\", "\\\\")
            .replace("\"", "\\\"")).append("\", value); }\n"));
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
    return new HintProject(IndexHint.of(assessment.index()), assessment);
  }

  static HintProject assess(Path dir, String schema, Map<String, String> queries, boolean postgresql) throws Exception {
    return assess(dir, schema, queries, postgresql, Map.of());
  }

  /**
   * A project whose web routes run the given queries ({@code GET}), and one that adds orders ({@code POST}), assessed:
   * its reads reported as unbounded, by the route's name.
   */
  static Reads reads(Path dir, String schema, Map<String, String> queries) throws Exception {
    Files.createDirectories(dir.resolve("src/main/resources"));
    Files.createDirectories(dir.resolve("src/main/java/shop"));
    Files.writeString(dir.resolve("src/main/resources/schema.sql"), schema);
    StringBuilder methods = new StringBuilder();
    new TreeMap<>(queries).forEach((name, sql) -> methods.append("  @GetMapping(\"/").append(name)
        .append("\") public java.util.List<java.util.Map<String, Object>> ").append(name)
        .append("(@RequestParam String value) { return jdbc.queryForList(\"").append(sql.replace("\\", "\\\\")
            .replace("\"", "\\\"")).append("\", value); }\n"));
    Files.writeString(dir.resolve("src/main/java/shop/OrderRoutes.java"), """
        package shop;
        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.web.bind.annotation.*;
        @RestController
        public class OrderRoutes {
          private final JdbcTemplate jdbc;
          public OrderRoutes(JdbcTemplate jdbc) { this.jdbc = jdbc; }
          @PostMapping("/orders") public int add(@RequestParam long id) {
            return jdbc.update("INSERT INTO orders (id, customer_id, status) VALUES (?, 1, 'NEW')", id);
          }
        """ + methods + "}\n");
    OptkitConfig config = OptkitConfig.defaults();
    Assessment assessment = new Assessor().assess(new Assessor.Options(List.of(dir), config.exclude(), false, List.of(),
        false, 2, true, config, "test", null), Assessor.Progress.NONE);
    Map<String, GrowingRead> reads = new TreeMap<>();
    for (GrowingRead read : GrowingRead.of(assessment.index())) {
      reads.put(read.finding().enclosingMethod().substring(0, read.finding().enclosingMethod().indexOf('(')), read);
    }
    return new Reads(reads, assessment.index().schemaIndexes());
  }

  /** A project's reads reported as unbounded, by their routes' names, and its schema. */
  record Reads(Map<String, GrowingRead> byRoute, dev.optkit.analyzers.schema.SchemaIndexes schema) {
    GrowingRead get(String route) {
      return byRoute.get(route);
    }

    /** The planner's verdicts, by route. */
    Map<String, GrowthVerdict> check(PlannerDatabase database) throws Exception {
      Map<GrowingRead, GrowthVerdict> verdicts = GrowthCheck.run(List.copyOf(byRoute.values()), schema, database);
      Map<String, GrowthVerdict> byName = new TreeMap<>();
      byRoute.forEach((route, read) -> byName.put(route, verdicts.get(read)));
      return byName;
    }
  }

  /** The planner's verdicts on the hints, by "rule table[columns]", at the default threshold. */
  Map<String, HintVerdict> check(PlannerDatabase database) throws Exception {
    Map<IndexHint, HintVerdict> verdicts = HintCheck.run(hints, assessment.index().schemaIndexes(), database, 50);
    Map<String, HintVerdict> byIndex = new TreeMap<>();
    for (IndexHint hint : hints) {
      byIndex.put(hint.finding().ruleId() + " " + hint.table().name() + hint.columns(), verdicts.get(hint));
    }
    return byIndex;
  }
}
