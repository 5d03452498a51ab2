package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optkit.validation.hints.PlannerDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate --indexes} checks each hint with PostgreSQL's planner: a proof for a PostgreSQL database only. A
 * project on MySQL gets a migration MySQL runs with its own optimizer and its own rules (no index on a TEXT column
 * without a prefix length: error 1170), which nothing checked; docs/db-hints.md says such a hint is refused,
 * db.index-not-kept.
 */
class IndexPlannerDatabaseTest {
  @TempDir Path dir;

  private void file(String path, String text) throws Exception {
    Path at = dir.resolve(path);
    Files.createDirectories(at.getParent());
    Files.writeString(at, text);
  }

  @Test
  void aHintOfAProjectOnMysqlIsNotWrittenFromPostgresqlsPlan() throws Exception {
    RequiredPostgres.orSkip();
    file("src/main/resources/db/migration/V1__schema.sql",
        "CREATE TABLE article (id BIGINT PRIMARY KEY, slug TEXT, body TEXT);\n");
    file("src/main/resources/application.properties", "spring.datasource.url=jdbc:mysql://db:3306/blog\n");
    file("src/main/java/blog/Articles.java", """
        package blog;
        import org.springframework.jdbc.core.JdbcTemplate;
        public class Articles {
          private final JdbcTemplate jdbc;
          public Articles(JdbcTemplate jdbc) { this.jdbc = jdbc; }
          public java.util.List<java.util.Map<String, Object>> bySlug(String slug) {
            return jdbc.queryForList("SELECT id, body FROM article WHERE slug = ?", slug);
          }
        }
        """);
    Path report = dir.resolve("plan.json");
    CliRun run = CliRun.of("migrate", dir.toString(), "--indexes", "--offline", "--format", "json", "-o",
        report.toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    JsonNode plan = new ObjectMapper().readTree(Files.readString(report));
    List<String> statements = new ArrayList<>();
    plan.path("indexes").forEach(index -> statements.add(index.path("statement").asText()));
    assertEquals(List.of(), statements, plan.toString());
  }
}
