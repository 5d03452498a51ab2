package dev.optkit.analyzers.facts.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlParsingTest {
  @Test
  void parsesRunOnDaemonThreadsThatCannotKeepTheJvmAlive() throws Exception {
    // JSqlParser's own executor is one non-daemon thread per parse; leaked, it kept optkit's JVM running
    assertEquals("SELECT name FROM vets WHERE id = 1", SqlParsing.parse("SELECT name FROM vets WHERE id = 1").toString());
    assertEquals(2, SqlParsing.parseStatements("SELECT 1; DELETE FROM vets WHERE id = 2").size());
    List<Thread> parsers = Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("optkit-sql-parse-")).toList();
    assertTrue(!parsers.isEmpty(), "the parses did not run on optkit's pool");
    assertTrue(parsers.stream().allMatch(Thread::isDaemon), "a parse thread is not a daemon: " + parsers);
  }

  @Test
  void aScriptSplitsAtTheSemicolonsTheLexerReadsNotThoseInStringsNamesOrComments() {
    List<SqlParsing.ScriptStatement> statements = SqlParsing.statementsOf("""
        -- seed data; then the view
        INSERT INTO item (name, `a;b`) VALUES ('x;y', "q;"); /* ; */
        CREATE OR REPLACE ALGORITHM=UNDEFINED DEFINER=`root`@`%` SQL SECURITY DEFINER VIEW item_view AS
          SELECT name FROM item;
        ;
        """).orElseThrow();
    assertEquals(List.of("INSERT INTO item (name, `a;b`) VALUES ('x;y', \"q;\")",
        "CREATE OR REPLACE ALGORITHM=UNDEFINED DEFINER=`root`@`%` SQL SECURITY DEFINER VIEW item_view AS\n"
            + "  SELECT name FROM item"), statements.stream().map(SqlParsing.ScriptStatement::text).toList());
    assertFalse(statements.get(0).creates("VIEW"));
    assertTrue(statements.get(1).creates("VIEW"));
  }

  /**
   * A mysqldump (Sequel Pro's) heads each table with MySQL's {@code #} comment lines: they are no words of the statement
   * after them, which would not start with CREATE then (a dump's 17 tables were read as no table).
   */
  @Test
  void mysqlHashCommentsBetweenStatementsAreNoPartOfTheNext() {
    List<SqlParsing.ScriptStatement> statements = SqlParsing.statementsOf("""
        # Dump of table nodes
        # ------------------------------------------------------------

        CREATE TABLE `nodes` (`node_id` int(11) NOT NULL, PRIMARY KEY (`node_id`));
        # next
        INSERT INTO nodes VALUES (1); # trailing
        """).orElseThrow();
    assertEquals(List.of("CREATE TABLE `nodes` (`node_id` int(11) NOT NULL, PRIMARY KEY (`node_id`))",
        "INSERT INTO nodes VALUES (1)"), statements.stream().map(SqlParsing.ScriptStatement::text).toList());
    assertTrue(statements.get(0).creates("TABLE"));
  }
}
