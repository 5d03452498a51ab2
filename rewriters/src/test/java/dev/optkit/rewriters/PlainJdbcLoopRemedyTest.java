package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A plain JDBC query by key per element is not rewritten (its body reads the driver's rows itself, with the
 * driver's conversions, failures and statement lifecycle): the refusal gives what to write by hand, the IN query
 * when its SQL finds per key exactly the rows it finds for each, else why not. It once said "assess gives the
 * batched form", which assess did not.
 */
class PlainJdbcLoopRemedyTest {
  @TempDir Path dir;

  private static final String DAO = """
      package shop;

      import java.sql.Connection;
      import java.sql.PreparedStatement;
      import java.sql.ResultSet;
      import java.sql.SQLException;
      import java.util.ArrayList;
      import java.util.List;
      import javax.sql.DataSource;

      public class BookDao {
          private final DataSource dataSource;

          public BookDao(DataSource dataSource) {
              this.dataSource = dataSource;
          }

          public List<String> titles(List<Long> ids) throws SQLException {
              List<String> titles = new ArrayList<>();
              try (Connection connection = dataSource.getConnection();
                   PreparedStatement statement = connection.prepareStatement("%s")) {
                  for (Long id : ids) {
                      statement.setLong(1, id);
                      try (ResultSet rows = statement.executeQuery()) {
                          if (rows.next()) {
                              titles.add(rows.getString("title"));
                          }
                      }
                  }
              }
              return titles;
          }
      }
      """;

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SELECT id, title FROM book WHERE id = ? ORDER BY title, id | by hand: one SELECT id, title FROM book WHERE id "
          + "IN (?, ?, ...) ORDER BY title, id per 1,000 keys before the loop, each row kept under its id, each element "
          + "taking its own rows",
      "SELECT id, title FROM book WHERE id = ? | (where a key has several rows, an ORDER BY over a unique column keeps "
          + "their order: without one, the IN query may return them in another)",
      "SELECT title FROM book WHERE id = ? | its SQL cannot be batched as it is: its SELECT does not return the key "
          + "column id",
      "SELECT id, title FROM book WHERE id = ? LIMIT 1 | its SQL cannot be batched as it is: "})
  void theRefusalSaysWhatToWriteByHand(String sql, String expected) {
    MigrationPlan plan = new MigrationFixture(dir).java(DAO.formatted(sql)).plan();
    String reason = plan.refusals().stream().filter(r -> r.finding().ruleId().equals("SequentialIoLoop"))
        .map(Refusal::reason).findFirst().orElseThrow(() -> new AssertionError("not refused: " + plan.refusals()));
    assertTrue(reason.startsWith("its query is executeQuery() of JDBC, and optkit batches a Spring Data repository's "
        + "findById and a JdbcTemplate queryForObject or query by key; "), reason);
    assertTrue(reason.contains(expected), reason);
    assertEquals(0, plan.loops().size());
  }
}
