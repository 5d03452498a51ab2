package dev.optkit.validation.hints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optkit.analyzers.facts.sites.PlannedQueries;
import dev.optkit.analyzers.schema.SchemaIndexes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The project's tables as the planner's database has them, and the plans of its queries there: each table made from
 * the parsed schema (its columns by type, its declared indexes, generated rows, analysed), names as PostgreSQL reads
 * them in the code's SQL, and a query's generic plan. What {@link HintCheck} and {@link GrowthCheck} share: nothing of
 * the project's scripts is run but names, always quoted, and every query is written anew from JSqlParser's tree
 * ({@link PlannedQueries}).
 */
final class PlannerTables {
  /** Rows per table: more than a few pages, so a scan costs more than an index lookup; under ANALYZE's 30,000-row
   * sample, so the statistics, and the costs, are the same on every run (twice as many, after {@link #grow}, too). */
  static final int ROWS = 10_000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROBE = "optkit_probe";
  /** PostgreSQL's longest name, in bytes: a longer one is cut, and two cut alike would be one table. */
  private static final int MAX_NAME_BYTES = 63;

  private PlannerTables() {}

  /**
   * A query or lookup to plan: where it comes from ({@code path:line}), its SQL for the planner and the tables it names
   * as made, or, without SQL, why there is none.
   */
  record Probe(String where, String sql, String unplanned, List<String> tables) {}

  /**
   * The query written for the planner, with the tables it names (added to {@code tables} by their names as made), or
   * why it cannot be planned.
   */
  static Probe query(String where, String sql, SchemaIndexes schema, Map<String, SchemaIndexes.Table> tables) {
    Optional<PlannedQueries.Planned> planned = sql == null ? Optional.empty() : PlannedQueries.planned(sql);
    if (planned.isEmpty()) {
      return new Probe(where, null, "optkit plans one select, or an update or delete of one table, that JSqlParser "
          + "reads and writes with no comment nor semicolon, and this is none", List.of());
    }
    List<String> named = new ArrayList<>();
    for (String name : planned.get().tables()) {
      if (name.contains(".")) {
        // the planner's tables have no schema of the project's: public.orders may be another database's own table
        return new Probe(where, null, "it names the table " + name + " with its schema, which optkit does not make",
            List.of());
      }
      Optional<SchemaIndexes.Table> table = schema.table(name);
      if (table.isEmpty() || table.get().writtenColumns().isEmpty()) {
        return new Probe(where, null, "it names the table " + name + ", whose columns no script of the project declares",
            List.of());
      }
      tables.putIfAbsent(created(table.get()), table.get());
      named.add(created(table.get()));
    }
    return new Probe(where, planned.get().sql(), null, named);
  }

  /**
   * A table's name in the planner's database: the name the schema writes (without its schema), as PostgreSQL reads it
   * in the code's SQL: a double-quoted name as it is, any other as PostgreSQL folds an unquoted one (A to Z lower case,
   * nothing else); a MySQL or SQL Server quoted name compares without case there, and PlannedQueries writes it bare.
   */
  static String created(SchemaIndexes.Table table) {
    List<String> written = table.written();
    return asPostgresqlReads(written.isEmpty() ? table.name() : written.get(written.size() - 1));
  }

  /** A column's name in the planner's database, by how optkit compares it ({@link SchemaIndexes#column}). */
  static String column(SchemaIndexes.Table table, String column) {
    return asPostgresqlReads(table.writtenColumn(column));
  }

  static String asPostgresqlReads(String written) {
    if (written.length() > 1 && written.startsWith("\"") && written.endsWith("\"")) {
      return written.substring(1, written.length() - 1).replace("\"\"", "\"");
    }
    String bare = written.length() > 1 && (written.startsWith("`") && written.endsWith("`")
        || written.startsWith("[") && written.endsWith("]")) ? written.substring(1, written.length() - 1) : written;
    StringBuilder folded = new StringBuilder(bare.length());
    for (char c : bare.toCharArray()) {
      folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
    return folded.toString();
  }

  /** One name, whatever its text: double-quoted, its quotes doubled. */
  static String quoted(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** The columns a table is made with, quoted, each with its definition and the expression of {@code g} filling it. */
  private record Made(List<String> columns, List<String> definitions, List<String> values) {}

  private static Made columns(String name, SchemaIndexes.Table table) throws SQLException {
    return columns(name, table, Growth.ROWS);
  }

  /**
   * How a table grows: by {@link #ROWS rows} of the values it has (orders of the same customers, in the same
   * statuses), or by {@link #REFERENCES references} too, its foreign key columns taking new values (orders of new
   * customers: a grouping by customer grows, one by status does not).
   */
  enum Growth {
    ROWS, REFERENCES
  }

  private static Made columns(String name, SchemaIndexes.Table table, Growth growth) throws SQLException {
    if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
      throw new SQLException("its name is longer than PostgreSQL's " + MAX_NAME_BYTES + " bytes");
    }
    Set<String> unique = new HashSet<>();
    for (SchemaIndexes.TableIndex index : table.indexes()) {
      if (index.columns().size() == 1 && index.unique()) {
        unique.add(index.columns().get(0));
      }
    }
    Set<String> referencing = new HashSet<>();
    if (growth == Growth.REFERENCES) {
      table.foreignKeys().forEach(key -> referencing.addAll(key.columns()));
    }
    Made made = new Made(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (String column : new TreeSet<>(table.writtenColumns().keySet())) {
      GeneratedColumns.ColumnKind kind = GeneratedColumns.of(table.columnTypes().get(column));
      String named = column(table, column);
      if (named.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
        throw new SQLException("its column " + named + " has a name longer than PostgreSQL's " + MAX_NAME_BYTES + " bytes");
      }
      made.columns().add(quoted(named));
      made.definitions().add(quoted(named) + " " + kind.type());
      SchemaIndexes.ColumnValues bounded = table.columnValues().get(column);
      made.values().add(unique.contains(column) || referencing.contains(column) ? kind.unique()
          : bounded == null ? kind.repeated() : kind.repeated(bounded));
    }
    return made;
  }

  /**
   * Creates the table with its columns in the schema, fills it with {@value #ROWS} rows, adds its declared indexes and
   * analyses it. Every name is written with its schema: PostgreSQL looks in pg_catalog before the search path, so a
   * project's table named {@code pg_description} written bare would be the catalog's.
   */
  static void make(Statement admin, String schema, String name, SchemaIndexes.Table table) throws SQLException {
    Made made = columns(name, table);
    admin.execute("CREATE TABLE " + qualified(schema, name) + " (" + String.join(", ", made.definitions()) + ")");
    fill(admin, schema, name, made, 1, ROWS);
    for (SchemaIndexes.TableIndex index : table.indexes()) {
      if (!index.columns().isEmpty() && table.writtenColumns().keySet().containsAll(index.columns())) {
        admin.execute(indexStatement(schema, table, index.columns()));
      }
    }
    admin.execute("ANALYZE " + qualified(schema, name));
  }

  /** A table's name with its schema, both quoted. */
  static String qualified(String schema, String name) {
    return quoted(schema) + "." + quoted(name);
  }

  /**
   * Adds {@value #ROWS} more rows to a table {@link #make} made, its {@code step}th growth: by {@link Growth#ROWS}, as
   * it made them (a unique column's values go on where they stopped; a repeated one's are the same values again), by
   * {@link Growth#REFERENCES}, its foreign keys' columns new values too; and analyses it (at most 30,000 rows: ANALYZE
   * reads them all, the same statistics every run).
   */
  static void grow(Statement admin, String schema, String name, SchemaIndexes.Table table, Growth growth, int step)
      throws SQLException {
    fill(admin, schema, name, columns(name, table, growth), step * ROWS + 1, (step + 1) * ROWS);
    admin.execute("ANALYZE " + qualified(schema, name));
  }

  private static void fill(Statement admin, String schema, String name, Made made, int from, int to)
      throws SQLException {
    admin.execute("INSERT INTO " + qualified(schema, name) + " (" + String.join(", ", made.columns()) + ") SELECT "
        + String.join(", ", made.values()) + " FROM generate_series(" + from + ", " + to + ") AS g");
  }

  static String indexStatement(String schema, SchemaIndexes.Table table, List<String> columns) {
    return "CREATE INDEX ON " + qualified(schema, created(table)) + " ("
        + String.join(", ", columns.stream().map(column -> quoted(column(table, column))).toList()) + ")";
  }

  /**
   * The statement's generic plan, as PostgreSQL plans a prepared statement it has no values for: prepared, explained
   * (each parameter given as NULL: a generic plan is made without values), and forgotten, so that no prepared plan
   * outlives what it was planned with (a hypothetical index, a table's statistics).
   */
  static JsonNode plan(Connection reader, String sql) throws SQLException {
    try (Statement statement = reader.createStatement()) {
      statement.execute("PREPARE " + PROBE + " AS " + sql);
      try {
        int parameters;
        try (ResultSet types = statement.executeQuery(
            "SELECT cardinality(parameter_types) FROM pg_prepared_statements WHERE name = '" + PROBE + "'")) {
          types.next();
          parameters = types.getInt(1);
        }
        String execute = "EXECUTE " + PROBE + (parameters == 0 ? "" : "(" + String.join(", ",
            Collections.nCopies(parameters, "NULL")) + ")");
        try (ResultSet explained = statement.executeQuery("EXPLAIN (FORMAT JSON) " + execute)) {
          explained.next();
          return readPlan(explained.getString(1));
        }
      } finally {
        statement.execute("DEALLOCATE " + PROBE);
      }
    }
  }

  private static JsonNode readPlan(String json) throws SQLException {
    try {
      return JSON.readTree(json).path(0).path("Plan");
    } catch (java.io.IOException e) {
      throw new SQLException("unreadable EXPLAIN output", e);
    }
  }

  /** The settings every planning connection runs with: generic plans, a timeout, nothing written. */
  static void planOnly(Connection reader) throws SQLException {
    try (Statement settings = reader.createStatement()) {
      settings.execute("SET plan_cache_mode = force_generic_plan");
      settings.execute("SET statement_timeout = '10s'");
      settings.execute("SET default_transaction_read_only = on");
    }
  }

  static String firstLine(String message) {
    String text = message == null ? "no message" : message.strip();
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }
}
