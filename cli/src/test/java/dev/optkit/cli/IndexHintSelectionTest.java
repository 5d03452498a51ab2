package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate --indexes} writes only the hints the user let it: {@code --exclude} (a fingerprint, a class, a rule)
 * leaves a finding out of every migrate, and is accepted with {@code --indexes} without a word.
 */
class IndexHintSelectionTest {
  private static final String MIGRATIONS = "src/main/resources/db/migration";

  @TempDir Path dir;

  private JsonNode plan(Path project, String... more) throws Exception {
    Path report = dir.resolve("plan-" + System.nanoTime() + ".json");
    List<String> args = new ArrayList<>(List.of("migrate", project.toString(), "--indexes", "--offline", "--format",
        "json", "-o", report.toString()));
    args.addAll(List.of(more));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    return new ObjectMapper().readTree(Files.readString(report));
  }

  @Test
  void anIndexHintExcludedFromTheMigrationIsNotWritten() throws Exception {
    RequiredPostgres.orSkip();
    Path project = SampleCheckout.create(dir, "spring-service");
    Path resources = project.resolve("src/main/resources");
    Files.createDirectories(project.resolve(MIGRATIONS));
    Files.move(resources.resolve("schema.sql"), project.resolve(MIGRATIONS).resolve("V1__schema.sql"));
    Files.writeString(resources.resolve("application.properties"), Files.readString(resources.resolve(
        "application.properties")) + "spring.flyway.postgresql.transactional-lock=false\n");
    SampleCheckout.commit(dir, "schema as a Flyway migration");

    // the foreign key's hint left out by its rule: only the query's index is written
    JsonNode plan = plan(project, "--exclude", "UnindexedForeignKey");
    Map<String, String> indexes = new TreeMap<>();
    plan.path("indexes").forEach(index -> indexes.put(index.path("name").asText(), index.path("migration").asText()));
    assertEquals(Map.of("idx_customer_email", MIGRATIONS + "/V2__optkit_indexes.sql"), indexes, plan.toString());
  }
}
