package dev.optkit.validation.hints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hint check against a hostile scanned project: everything in its tree (schema scripts, the code's SQL) is the
 * attacker's. Each test asserts what the database holds or what verdict a hint gets.
 */
class HintCheckSafetyTest {
  @TempDir Path dir;

  static final String SCHEMA = HintProject.SCHEMA;

  @BeforeAll
  static void postgresql() {
    HintProject.requirePostgresql();
  }

  private HintProject project(String schema, Map<String, String> queries) throws Exception {
    return HintProject.assess(dir, schema, queries, false);
  }

  /** The verdicts by "rule table[columns]". */
  private static Map<String, HintVerdict> run(HintProject project, PlannerDatabase database) throws Exception {
    return project.check(database);
  }

  private static String one(Connection connection, String sql) throws Exception {
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getString(1);
    }
  }

  // ---- 1. SQL injection through the PREPARE text -------------------------------------------------------------------

  /**
   * JSqlParser keeps an Oracle hint comment {@code /*+ ... *}{@code /} verbatim and ends it at the first
   * {@code *}{@code /}; PostgreSQL and pgjdbc nest block comments, so {@code /*+ /* *}{@code /} is still open and
   * swallows the text up to a {@code *}{@code /} inside a string literal. The rest, after a {@code ;}, is a second
   * statement pgjdbc sends in the same Statement.execute: the project runs its own SQL as the planning role.
   */
  static final String INJECTED = "SELECT /*+ /* */ id FROM orders WHERE status = ? AND note = '*/ ; %s; --'";

  @Test
  void aNestedCommentInAnOracleHintDoesNotLetTheProjectRunStatementsAsTheReader() throws Exception {
    HintProject project = project(SCHEMA, Map.of("byStatus", String.format(INJECTED,
        "SET default_transaction_read_only = off; SET statement_timeout = 0; "
            + "SELECT set_config($$optkit.injected$$, $$yes$$, false)")));
    assertFalse(project.hints().isEmpty(), "the rule hints the injected query");
    try (PlannerDatabase database = PlannerDatabase.local()) {
      run(project, database);
      Connection reader = database.reader();
      assertEquals(null, one(reader, "SELECT current_setting('optkit.injected', true)"),
          "a statement of the project's ran as the reader");
      assertEquals("on", one(reader, "SHOW default_transaction_read_only"));
      assertEquals("10s", one(reader, "SHOW statement_timeout"));
    }
  }

  @Test
  void withCheckHintsUrlTheInjectedStatementRunsAsTheUsersOwnRoleInTheUsersDatabase() throws Exception {
    HintProject project = project(SCHEMA, Map.of("byStatus", String.format(INJECTED, "DROP TABLE public.keep_me")));
    try (PlannerDatabase host = PlannerDatabase.local()) {
      // the user's database: a role that owns a table of theirs, given to --check-hints-url
      try (Statement admin = host.admin().createStatement()) {
        admin.execute("CREATE ROLE victim LOGIN PASSWORD 'victim-pw'");
        admin.execute("GRANT CREATE ON DATABASE postgres TO victim");
        admin.execute("CREATE TABLE public.keep_me (x int)");
        admin.execute("ALTER TABLE public.keep_me OWNER TO victim");
      }
      String url = host.admin().getMetaData().getURL() + "?user=victim&password=victim-pw";
      try (PlannerDatabase given = PlannerDatabase.given(url)) {
        run(project, given);
      }
      assertEquals("keep_me", one(host.admin(), "SELECT to_regclass('public.keep_me')::text"),
          "the project's DROP TABLE ran in the user's database");
    }
  }

  // ---- 2. Truth ----------------------------------------------------------------------------------------------------

  @Test
  void aPessimisticLockQueryIsPlannedLikeTheSameSelect() throws Exception {
    // SELECT ... FOR UPDATE (JPA's PESSIMISTIC_WRITE, a job queue's claim): the index serves it as it serves the select.
    // The reader may not lock rows (no UPDATE privilege, a read-only transaction), so PostgreSQL refuses to plan it.
    HintProject project = project(SCHEMA, Map.of("claim", "SELECT id FROM orders WHERE status = ? FOR UPDATE"));
    try (PlannerDatabase database = PlannerDatabase.local()) {
      Map<String, HintVerdict> verdicts = run(project, database);
      assertInstanceOf(HintVerdict.Kept.class, verdicts.get("MissingIndex orders[status]"), verdicts.toString());
    }
  }

  @Test
  void aQuotedMixedCaseSchemaIsPlannedAgainstTheTablesItDeclares() throws Exception {
    // PostgreSQL projects that quote their names ("Order", "customerId": Prisma, many JPA setups) query them quoted;
    // the check makes the table and its columns lower case, and PostgreSQL finds no relation "Orders"
    HintProject project = project("""
        CREATE TABLE "Orders" ("id" BIGINT PRIMARY KEY, "customerId" BIGINT, "orderStatus" VARCHAR(10));
        """, Map.of("byStatus", "SELECT \"id\" FROM \"Orders\" WHERE \"orderStatus\" = ?"));
    assertFalse(project.hints().isEmpty(), "the rule hints the query");
    try (PlannerDatabase database = PlannerDatabase.local()) {
      Map<String, HintVerdict> verdicts = run(project, database);
      assertEquals(1, verdicts.size(), verdicts.toString());
      assertInstanceOf(HintVerdict.Kept.class, verdicts.values().iterator().next(), verdicts.toString());
    }
  }

  @Test
  void aNonAsciiUnquotedTableNameIsMadeAsPostgresqlFoldsIt() throws Exception {
    // PostgreSQL folds only A-Z of an unquoted name (ÄRENDEN is the table "Ärenden"); the check makes it with Java's
    // toLowerCase ("ärenden"), and the query names a relation that is not there
    HintProject project = project("CREATE TABLE ÄRENDEN (id BIGINT PRIMARY KEY, status VARCHAR(10));\n",
        Map.of("byStatus", "SELECT id FROM ÄRENDEN WHERE status = ?"));
    assertEquals(1, project.hints().size(), project.hints().toString());
    try (PlannerDatabase database = PlannerDatabase.local()) {
      Map<String, HintVerdict> verdicts = run(project, database);
      assertInstanceOf(HintVerdict.Kept.class, verdicts.values().iterator().next(), verdicts.toString());
    }
  }

  @Test
  void withCheckHintsUrlASchemaQualifiedQueryIsPlannedAgainstTheTablesOptkitMade() throws Exception {
    // SchemaIndexes drops the schema (public.orders is the project's orders) and local mode makes its tables in public;
    // with --check-hints-url they are made in optkit_hints_*, and public.orders is the user's own table: the query is
    // planned against it, the hypothetical index is on optkit's copy, and the hint is judged by the wrong table
    HintProject project = project(SCHEMA, Map.of("byStatus", "SELECT id FROM public.orders WHERE status = ?"));
    try (PlannerDatabase local = PlannerDatabase.local()) {
      assertInstanceOf(HintVerdict.Kept.class, run(project, local).get("MissingIndex orders[status]"),
          "local mode: the premise");
    }
    try (PlannerDatabase host = PlannerDatabase.local()) {
      try (Statement admin = host.admin().createStatement()) {
        admin.execute("CREATE ROLE victim LOGIN PASSWORD 'victim-pw'");
        admin.execute("GRANT CREATE ON DATABASE postgres TO victim");
        admin.execute("CREATE TABLE public.orders (id bigint, status text)");
        admin.execute("INSERT INTO public.orders SELECT g, 's' FROM generate_series(1, 10) g");
        admin.execute("GRANT SELECT ON public.orders TO victim");
      }
      String url = host.admin().getMetaData().getURL() + "?user=victim&password=victim-pw";
      try (PlannerDatabase given = PlannerDatabase.given(url)) {
        HintVerdict verdict = run(project, given).get("MissingIndex orders[status]");
        assertInstanceOf(HintVerdict.Kept.class, verdict, verdict.toString());
      }
    }
  }

  // ---- 3. Robustness: one bad table makes only its hints "not checked" ---------------------------------------------

  @Test
  void twoTablesWhoseNamesShareTheirFirst63BytesDoNotAbortTheWholeCheck() throws Exception {
    String prefix = "t".repeat(63);
    HintProject project = project(SCHEMA + "CREATE TABLE " + prefix + "_a (id BIGINT PRIMARY KEY, code VARCHAR(10));\n"
        + "CREATE TABLE " + prefix + "_b (id BIGINT PRIMARY KEY, code VARCHAR(10));\n",
        Map.of("a", "SELECT id FROM " + prefix + "_a WHERE code = ?", "b", "SELECT id FROM " + prefix + "_b WHERE code = ?",
            "byStatus", "SELECT id FROM orders WHERE status = ?"));
    assertEquals(3, project.hints().size(), project.hints().toString());
    try (PlannerDatabase database = PlannerDatabase.local()) {
      Map<String, HintVerdict> verdicts = run(project, database); // throws: relation already exists
      assertInstanceOf(HintVerdict.Kept.class, verdicts.get("MissingIndex orders[status]"), verdicts.toString());
    }
  }

  @Test
  void aDeclaredIndexPostgresqlCannotMakeDoesNotAbortTheWholeCheck() throws Exception {
    // an index of 33 columns (PostgreSQL makes 32 at most): CREATE INDEX fails in make(), outside any catch
    StringBuilder columns = new StringBuilder();
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < 33; i++) {
      columns.append(", c").append(i).append(" INT");
      names.append(i == 0 ? "" : ", ").append("c").append(i);
    }
    HintProject project = project(SCHEMA + "CREATE TABLE wide (id BIGINT PRIMARY KEY, code VARCHAR(10)" + columns + ");\n"
        + "CREATE INDEX wide_all ON wide (" + names + ");\n",
        Map.of("wide", "SELECT id FROM wide WHERE code = ?", "byStatus", "SELECT id FROM orders WHERE status = ?"));
    assertEquals(2, project.hints().size(), project.hints().toString());
    try (PlannerDatabase database = PlannerDatabase.local()) {
      Map<String, HintVerdict> verdicts = run(project, database); // throws: cannot use more than 32 columns
      assertInstanceOf(HintVerdict.Kept.class, verdicts.get("MissingIndex orders[status]"), verdicts.toString());
    }
  }

  // ---- the reader -----------------------------------------------------------------------------------------------

  /** The reader is no superuser and cannot make or change anything that outlives its session. */
  @Test
  void theReaderIsNoSuperuserAndCannotWriteTheTables() throws Exception {
    HintProject project = project(SCHEMA, Map.of("byStatus", "SELECT id FROM orders WHERE status = ?"));
    try (PlannerDatabase database = PlannerDatabase.local()) {
      run(project, database);
      Connection reader = database.reader();
      assertEquals("off", one(reader, "SHOW is_superuser"));
      assertEquals("false", one(reader, "SELECT (rolcreaterole OR rolcreatedb OR rolreplication OR rolbypassrls)::text "
          + "FROM pg_roles WHERE rolname = current_user"));
      // even with its read-only default lifted, it may not write a table or create one in public
      try (Statement statement = reader.createStatement()) {
        statement.execute("SET default_transaction_read_only = off");
        assertTrue(fails(statement, "DELETE FROM orders"));
        assertTrue(fails(statement, "CREATE TABLE public.made (x int)"));
        statement.execute("SET default_transaction_read_only = on");
      }
      assertNotNull(one(database.admin(), "SELECT count(*) FROM orders"));
      assertEquals("10000", one(database.admin(), "SELECT count(*) FROM orders"));
    }
  }

  private static boolean fails(Statement statement, String sql) {
    try {
      statement.execute(sql);
      return false;
    } catch (java.sql.SQLException expected) {
      return true;
    }
  }
}
