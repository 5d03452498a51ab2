package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optkit.validation.hints.LocalPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code migrate --indexes}: the spring-service sample with its schema as a Flyway migration
 * ({@code db/migration/V1__schema.sql}) gets the two index hints PostgreSQL's planner keeps as a new migration, which a
 * real Flyway then applies to a real PostgreSQL; with its schema in a Liquibase changelog, as a changeSet at the end of
 * the master, which a real Liquibase applies. The next run finds nothing to add, and undo takes it out. CI installs
 * PostgreSQL and HypoPG and sets OPTKIT_REQUIRE_POSTGRES: there this runs.
 */
class IndexMigrationEndToEndTest {
  private static final String MIGRATIONS = "src/main/resources/db/migration";
  private static final String LOCK_OFF = "spring.flyway.postgresql.transactional-lock=false\n";

  @TempDir Path dir;

  /** Plans written so far: each its own report file. */
  private int plans;

  /** The sample checked out, its schema.sql moved to a first Flyway migration, the settings given appended. */
  private Path flywaySample(String settings) throws Exception {
    Path project = SampleCheckout.create(dir, "spring-service");
    Path resources = project.resolve("src/main/resources");
    Files.createDirectories(project.resolve(MIGRATIONS));
    Files.move(resources.resolve("schema.sql"), project.resolve(MIGRATIONS).resolve("V1__schema.sql"));
    Files.writeString(resources.resolve("application.properties"),
        Files.readString(resources.resolve("application.properties")) + settings);
    SampleCheckout.commit(dir, "schema as a Flyway migration");
    return project;
  }

  private JsonNode plan(Path project, String... more) throws Exception {
    Path report = dir.resolve("plan-" + ++plans + ".json");
    List<String> args = new ArrayList<>(List.of("migrate", project.toString(), "--indexes", "--offline", "--format",
        "json", "-o", report.toString()));
    args.addAll(List.of(more));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    return new ObjectMapper().readTree(Files.readString(report));
  }

  @Test
  void theIndexesThePlannerKeepsBecomeTheNextFlywayMigrationWhichFlywayApplies() throws Exception {
    RequiredPostgres.orSkip();
    Path project = flywaySample(LOCK_OFF);
    byte[] first = Files.readAllBytes(project.resolve(MIGRATIONS).resolve("V1__schema.sql"));

    JsonNode applied = plan(project, "--apply");
    Map<String, String> indexes = new TreeMap<>();
    applied.path("indexes").forEach(index -> indexes.put(index.path("name").asText(), index.path("migration").asText()));
    String migration = MIGRATIONS + "/V2__optkit_indexes.sql";
    assertEquals(Map.of("idx_customer_email", migration, "idx_order_note_order_id", migration), indexes);
    assertEquals(0, applied.path("refused").size(), applied.path("refused").toString());
    // no migration that was there is edited
    assertArrayEquals(first, Files.readAllBytes(project.resolve(MIGRATIONS).resolve("V1__schema.sql")));

    // a real Flyway runs both migrations on a real PostgreSQL, its transactional lock off as the settings say
    try (LocalPostgres server = LocalPostgres.start(LocalPostgres.find().orElseThrow())) {
      try (Connection admin = server.connectAsSuperuser(); Statement statement = admin.createStatement()) {
        statement.execute("CREATE ROLE migrator LOGIN SUPERUSER PASSWORD 'migrator'");
      }
      PGSimpleDataSource source = new PGSimpleDataSource();
      source.setUrl("jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres");
      source.setUser("migrator");
      source.setPassword("migrator");
      FluentConfiguration flyway = Flyway.configure().dataSource(source)
          .locations("filesystem:" + project.resolve(MIGRATIONS));
      flyway.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
      assertEquals(2, flyway.load().migrate().migrationsExecuted);
      Map<String, Boolean> valid = new TreeMap<>();
      try (Connection admin = server.connectAsSuperuser(); Statement statement = admin.createStatement();
          ResultSet rows = statement.executeQuery("SELECT c.relname, i.indisvalid FROM pg_index i "
              + "JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname LIKE 'idx\\_%\\_%'")) {
        while (rows.next()) {
          valid.put(rows.getString(1), rows.getBoolean(2));
        }
      }
      assertEquals(Map.of("idx_customer_country", true, "idx_purchase_order_customer", true,
          "idx_customer_email", true, "idx_order_note_order_id", true), valid);
    }

    // the schema read again has the indexes (CREATE INDEX CONCURRENTLY read): nothing more to add
    JsonNode again = plan(project);
    assertEquals(0, again.path("indexes").size(), again.toString());
    assertEquals("nothing-to-migrate", again.path("outcome").asText());

    CliRun undo = CliRun.of("migrate", project.toString(), "--undo");
    assertEquals(ExitCodes.OK, undo.exitCode(), undo.err());
    assertFalse(Files.exists(project.resolve(MIGRATIONS).resolve("V2__optkit_indexes.sql")));
  }

  private static final String MASTER = "src/main/resources/db/changelog/db.changelog-master.xml";

  /** The sample checked out, its schema.sql run by a changeSet of a changelog its master includes. */
  private Path liquibaseSample() throws Exception {
    Path project = SampleCheckout.create(dir, "spring-service");
    Path resources = project.resolve("src/main/resources");
    String schema = Files.readString(resources.resolve("schema.sql"));
    Files.delete(resources.resolve("schema.sql"));
    Files.createDirectories(resources.resolve("db/changelog/changes"));
    Files.writeString(resources.resolve("db/changelog/changes/001-schema.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
          <changeSet id="1" author="sample">
            <sql><![CDATA[%s]]></sql>
          </changeSet>
        </databaseChangeLog>
        """.formatted(schema));
    Files.writeString(project.resolve(MASTER), """
        <?xml version="1.0" encoding="UTF-8"?>
        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
            <include file="changes/001-schema.xml" relativeToChangelogFile="true"/>
        </databaseChangeLog>
        """);
    SampleCheckout.commit(dir, "schema as a Liquibase changelog");
    return project;
  }

  @Test
  void theIndexesThePlannerKeepsBecomeAChangeSetAtTheMastersEndWhichLiquibaseApplies() throws Exception {
    RequiredPostgres.orSkip();
    Path project = liquibaseSample();
    byte[] master = Files.readAllBytes(project.resolve(MASTER));
    byte[] included = Files.readAllBytes(project.resolve("src/main/resources/db/changelog/changes/001-schema.xml"));

    // the HTML page counts the indexes in its headline and card, and lists each as made
    Path page = dir.resolve("plan.html");
    CliRun dry = CliRun.of("migrate", project.toString(), "--indexes", "--offline", "--format", "html", "-o",
        page.toString());
    assertEquals(ExitCodes.OK, dry.exitCode(), dry.err());
    org.w3c.dom.Document html = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(page.toFile());
    javax.xml.xpath.XPath xpath = javax.xml.xpath.XPathFactory.newInstance().newXPath();
    assertTrue(xpath.evaluate("//p[@id='outcome']", html).endsWith(", 2 indexes added."),
        xpath.evaluate("//p[@id='outcome']", html));
    assertEquals("2", xpath.evaluate("count(//section[@id='made']//tr[@class='index'])", html));

    JsonNode applied = plan(project, "--apply");
    Map<String, String> indexes = new TreeMap<>();
    applied.path("indexes").forEach(index -> indexes.put(index.path("name").asText(), index.path("migration").asText()));
    assertEquals(Map.of("idx_customer_email", MASTER, "idx_order_note_order_id", MASTER), indexes);
    // the changelog holding the tables' changeSet is not edited; the master keeps every byte it had before the end tag
    assertArrayEquals(included, Files.readAllBytes(project.resolve("src/main/resources/db/changelog/changes/001-schema.xml")));
    String before = new String(master, java.nio.charset.StandardCharsets.UTF_8);
    String after = Files.readString(project.resolve(MASTER));
    assertTrue(after.startsWith(before.substring(0, before.lastIndexOf("</databaseChangeLog>"))), after);

    // a real Liquibase runs the master on a real PostgreSQL
    try (LocalPostgres server = LocalPostgres.start(LocalPostgres.find().orElseThrow());
        Connection connection = server.connectAsSuperuser()) {
      liquibase.database.Database database = liquibase.database.DatabaseFactory.getInstance()
          .findCorrectDatabaseImplementation(new liquibase.database.jvm.JdbcConnection(connection));
      try (liquibase.resource.DirectoryResourceAccessor resources = new liquibase.resource.DirectoryResourceAccessor(
          project.resolve("src/main/resources"))) {
        new liquibase.Liquibase("db/changelog/db.changelog-master.xml", resources, database).update("");
      }
      Map<String, Boolean> valid = new TreeMap<>();
      try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
          "SELECT c.relname, i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
              + "WHERE c.relname IN ('idx_customer_email', 'idx_order_note_order_id')")) {
        while (rows.next()) {
          valid.put(rows.getString(1), rows.getBoolean(2));
        }
      }
      assertEquals(Map.of("idx_customer_email", true, "idx_order_note_order_id", true), valid);
    }

    JsonNode again = plan(project);
    assertEquals("nothing-to-migrate", again.path("outcome").asText(), again.toString());
    CliRun undo = CliRun.of("migrate", project.toString(), "--undo");
    assertEquals(ExitCodes.OK, undo.exitCode(), undo.err());
    assertArrayEquals(master, Files.readAllBytes(project.resolve(MASTER)));
  }

  @Test
  void anIndexHintExcludedFromTheMigrationIsNotWritten() throws Exception {
    RequiredPostgres.orSkip();
    Path project = flywaySample(LOCK_OFF);
    // the foreign key's hint left out by its rule (--exclude): only the query's index is written
    JsonNode plan = plan(project, "--exclude", "UnindexedForeignKey");
    Map<String, String> indexes = new TreeMap<>();
    plan.path("indexes").forEach(index -> indexes.put(index.path("name").asText(), index.path("migration").asText()));
    assertEquals(Map.of("idx_customer_email", MIGRATIONS + "/V2__optkit_indexes.sql"), indexes, plan.toString());
  }

  @Test
  void aFlywayWhoseTransactionalLockAConcurrentBuildWaitsOnIsRefusedWithItsSetting() throws Exception {
    RequiredPostgres.orSkip();
    Path project = flywaySample("");
    // --only chooses the query's hint (the foreign key's left out); --strict fails the run on its refusal
    Path report = dir.resolve("strict.json");
    CliRun run = CliRun.of("migrate", project.toString(), "--indexes", "--offline", "--only", "MissingIndex",
        "--strict", "--format", "json", "-o", report.toString());
    assertEquals(ExitCodes.FINDINGS, run.exitCode(), run.out() + run.err());
    JsonNode plan = new ObjectMapper().readTree(Files.readString(report));
    assertEquals("strict-failed", plan.path("outcome").asText());
    List<String> refused = new ArrayList<>();
    plan.path("refused").forEach(refusal -> refused.add(refusal.path("id").asText()));
    assertEquals(List.of("db.index-flyway-lock"), refused);
    assertEquals(0, plan.path("changes").size());
  }

  @Test
  void aTableCreatedInAScriptThatIsNoFlywayMigrationIsRefused() throws Exception {
    RequiredPostgres.orSkip();
    // the sample as it is: schema.sql, which Spring runs at each start
    Path project = SampleCheckout.create(dir, "spring-service");
    JsonNode plan = plan(project);
    List<String> refused = new ArrayList<>();
    plan.path("refused").forEach(refusal -> refused.add(refusal.path("id").asText()));
    assertEquals(List.of("db.index-no-migration", "db.index-no-migration"), refused);
    assertTrue(plan.path("changes").isEmpty());
  }

  @Test
  void checkingHintsWithoutIndexesIsAUsageError() {
    CliRun run = CliRun.of("migrate", CliRun.repoRoot().resolve("samples/spring-service").toString(),
        "--check-hints");
    assertEquals(ExitCodes.USAGE, run.exitCode());
  }
}
