package dev.optkit.validation.hints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optkit.analyzers.facts.sites.PlannedQueries;
import dev.optkit.analyzers.rules.IndexHint;
import dev.optkit.analyzers.schema.SchemaIndexes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks index hints with a real planner: the tables their queries name are made from the project's schema (its
 * columns by type, its declared indexes, {@value #ROWS} generated rows each, analysed), and each query is planned as
 * PostgreSQL plans a prepared statement it has no values for (its generic plan), with the schema's indexes and again
 * with the hint's index added as a hypothetical one (HypoPG). A hint is kept when the planner uses its index for one
 * of its queries at least the threshold's percent cheaper. The queries are planned, never run, by a role that may only
 * read, each written anew from JSqlParser's tree ({@link PlannedQueries}); nothing of the project's scripts is run
 * but names, always quoted.
 */
public final class HintCheck {
  /** Rows per table: more than a few pages, so a scan costs more than an index lookup; under ANALYZE's 30,000-row
   * sample, so the statistics, and the costs, are the same on every run. */
  public static final int ROWS = 10_000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROBE = "optkit_probe";

  private HintCheck() {}

  /** The planner's verdict on each hint, in the hints' order. */
  public static Map<IndexHint, HintVerdict> run(List<IndexHint> hints, SchemaIndexes schema, PlannerDatabase database,
      int threshold) throws SQLException {
    Map<IndexHint, List<Probe>> probes = new LinkedHashMap<>();
    Map<String, SchemaIndexes.Table> tables = new TreeMap<>();
    for (IndexHint hint : hints) {
      List<Probe> planned = new ArrayList<>();
      for (IndexHint.Probe probe : hint.probes()) {
        planned.add(probe(hint, probe, schema, tables));
      }
      probes.put(hint, planned);
      tables.putIfAbsent(created(hint.table()), hint.table());
    }
    // a table PostgreSQL cannot make as the schema declares it (a name over 63 bytes, an index of 33 columns) leaves
    // the queries naming it not checked, and the others checked
    Map<String, String> unmade = new TreeMap<>();
    try (Statement admin = database.admin().createStatement()) {
      for (Map.Entry<String, SchemaIndexes.Table> table : tables.entrySet()) {
        try {
          make(admin, table.getKey(), table.getValue());
        } catch (SQLException e) {
          unmade.put(table.getKey(), "PostgreSQL cannot make its table " + table.getKey() + " as the schema declares "
              + "it: " + firstLine(e.getMessage()));
        }
      }
      database.readable();
    }
    for (Map.Entry<IndexHint, List<Probe>> hint : probes.entrySet()) {
      hint.getValue().replaceAll(probe -> probe.sql() == null ? probe : probe.tables().stream().filter(unmade::containsKey)
          .findFirst().map(table -> new Probe(probe.where(), null, unmade.get(table), List.of())).orElse(probe));
    }
    String described = database.description();
    Map<IndexHint, HintVerdict> verdicts = new LinkedHashMap<>();
    Connection reader = database.reader();
    try (Statement settings = reader.createStatement()) {
      settings.execute("SET plan_cache_mode = force_generic_plan");
      settings.execute("SET statement_timeout = '10s'");
      settings.execute("SET default_transaction_read_only = on");
    }
    // each query planned once, with every hint's index that would serve it: a query joining several tables none of
    // which is indexed gets cheaper only when all are (Dexter's way), and each hint is judged by whether that plan uses it
    Map<Probe, Queried> queried = new LinkedHashMap<>();
    for (IndexHint hint : hints) {
      for (Probe probe : probes.get(hint)) {
        if (probe.sql() != null) {
          queried.computeIfAbsent(probe, p -> new Queried(new ArrayList<>())).hints().add(hint);
        }
      }
    }
    Map<Probe, Object> outcomes = new LinkedHashMap<>();
    for (Map.Entry<Probe, Queried> query : queried.entrySet()) {
      try {
        outcomes.put(query.getKey(), plan(reader, query.getKey(), query.getValue().hints()));
      } catch (SQLException e) {
        outcomes.put(query.getKey(), "PostgreSQL cannot plan it as written: " + firstLine(e.getMessage()));
        reset(reader);
      }
    }
    for (IndexHint hint : hints) {
      List<HintVerdict.Planned> planned = new ArrayList<>();
      List<HintVerdict.Unplanned> unplanned = new ArrayList<>();
      for (Probe probe : probes.get(hint)) {
        Object outcome = probe.sql() == null ? probe.unplanned() : outcomes.get(probe);
        if (outcome instanceof Together together) {
          planned.add(new HintVerdict.Planned(probe.where(), together.before(), together.after(),
              together.indexes().size(), together.used().contains(together.indexes().get(hint))));
        } else {
          unplanned.add(new HintVerdict.Unplanned(probe.where(), (String) outcome));
        }
      }
      boolean served = planned.stream().anyMatch(p -> p.usesIndex() && p.dropPercent() >= threshold);
      verdicts.put(hint, planned.isEmpty() ? new HintVerdict.NotChecked(described, unplanned)
          : served ? new HintVerdict.Kept(described, threshold, planned, unplanned)
          : new HintVerdict.Dropped(described, threshold, planned, unplanned));
    }
    return verdicts;
  }

  /** A query or lookup to plan: its SQL for the planner and the tables it names as made, or why there is none. */
  private record Probe(String where, String sql, String unplanned, List<String> tables) {}

  private static Probe probe(IndexHint hint, IndexHint.Probe probe, SchemaIndexes schema,
      Map<String, SchemaIndexes.Table> tables) {
    if (probe instanceof IndexHint.ForeignKeyCheck key) {
      // what PostgreSQL's referential check runs on each referenced row deleted or whose key changes
      List<String> terms = new ArrayList<>();
      for (int i = 0; i < key.columns().size(); i++) {
        terms.add(quoted(column(hint.table(), key.columns().get(i))) + " = $" + (i + 1));
      }
      return new Probe("foreign key", "SELECT 1 FROM " + quoted(created(hint.table())) + " WHERE "
          + String.join(" AND ", terms), null, List.of(created(hint.table())));
    }
    IndexHint.Query query = (IndexHint.Query) probe;
    String where = query.path() + ":" + query.line();
    Optional<PlannedQueries.Planned> planned = query.sql() == null ? Optional.empty()
        : PlannedQueries.planned(query.sql());
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
  private static String created(SchemaIndexes.Table table) {
    List<String> written = table.written();
    return asPostgresqlReads(written.isEmpty() ? table.name() : written.get(written.size() - 1));
  }

  /** A column's name in the planner's database, by how optkit compares it ({@link SchemaIndexes#column}). */
  private static String column(SchemaIndexes.Table table, String column) {
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

  /** PostgreSQL's longest name, in bytes: a longer one is cut, and two cut alike would be one table. */
  private static final int MAX_NAME_BYTES = 63;

  /** Creates the table with its columns, fills it, adds its declared indexes and analyses it. */
  private static void make(Statement admin, String name, SchemaIndexes.Table table) throws SQLException {
    if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
      throw new SQLException("its name is longer than PostgreSQL's " + MAX_NAME_BYTES + " bytes");
    }
    Set<String> unique = new java.util.HashSet<>();
    for (SchemaIndexes.TableIndex index : table.indexes()) {
      if (index.columns().size() == 1 && index.unique()) {
        unique.add(index.columns().get(0));
      }
    }
    List<String> columns = new ArrayList<>();
    List<String> values = new ArrayList<>();
    List<String> definitions = new ArrayList<>();
    for (String column : new java.util.TreeSet<>(table.writtenColumns().keySet())) {
      GeneratedColumns.ColumnKind kind = GeneratedColumns.of(table.columnTypes().get(column));
      String made = column(table, column);
      if (made.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
        throw new SQLException("its column " + made + " has a name longer than PostgreSQL's " + MAX_NAME_BYTES + " bytes");
      }
      columns.add(quoted(made));
      definitions.add(quoted(made) + " " + kind.type());
      values.add(unique.contains(column) ? kind.unique() : kind.repeated());
    }
    admin.execute("CREATE TABLE " + quoted(name) + " (" + String.join(", ", definitions) + ")");
    admin.execute("INSERT INTO " + quoted(name) + " (" + String.join(", ", columns) + ") SELECT "
        + String.join(", ", values) + " FROM generate_series(1, " + ROWS + ") AS g");
    for (SchemaIndexes.TableIndex index : table.indexes()) {
      if (!index.columns().isEmpty() && table.writtenColumns().keySet().containsAll(index.columns())) {
        admin.execute(indexStatement(table, index.columns()));
      }
    }
    admin.execute("ANALYZE " + quoted(name));
  }

  private static String indexStatement(SchemaIndexes.Table table, List<String> columns) {
    return "CREATE INDEX ON " + quoted(created(table)) + " ("
        + String.join(", ", columns.stream().map(column -> quoted(column(table, column))).toList()) + ")";
  }

  /** One name, whatever its text: double-quoted, its quotes doubled. */
  static String quoted(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** The hints naming one query. */
  private record Queried(List<IndexHint> hints) {}

  /**
   * A query's plan without and with the hints' indexes: each hint's hypothetical index by its name's prefix, and the
   * prefixes the plan with them uses.
   */
  private record Together(double before, double after, Map<IndexHint, String> indexes, Set<String> used) {}

  /** The probe's generic plan with the schema's indexes, then with every hint's index added. */
  private static Together plan(Connection reader, Probe probe, List<IndexHint> hints) throws SQLException {
    double before = cost(reader, probe.sql()).cost();
    Map<IndexHint, String> indexes = new LinkedHashMap<>();
    try {
      for (IndexHint hint : hints) {
        // a hint whose index HypoPG cannot make (a column the table lacks) is no index of the plan; the others are
        try (PreparedStatement create = reader.prepareStatement("SELECT indexrelid FROM hypopg_create_index(?)")) {
          create.setString(1, indexStatement(hint.table(), hint.columns()));
          try (ResultSet made = create.executeQuery()) {
            made.next();
            indexes.put(hint, "<" + made.getLong(1) + ">");
          }
        } catch (SQLException unmade) {
          indexes.put(hint, "<none>");
        }
      }
      Plan after = cost(reader, probe.sql());
      return new Together(before, after.cost(), indexes, after.indexes());
    } finally {
      try (Statement statement = reader.createStatement()) {
        statement.execute("SELECT hypopg_reset()");
      }
    }
  }

  /** A plan's total cost and the hypothetical indexes it reads, by their names' {@code <oid>} prefixes. */
  private record Plan(double cost, Set<String> indexes) {}

  /**
   * Prepares the statement, explains its generic plan (each parameter given as NULL: a generic plan is made without
   * values), and forgets it: prepared anew for each plan, as a prepared plan outlives a hypothetical index made after it.
   */
  private static Plan cost(Connection reader, String sql) throws SQLException {
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
            java.util.Collections.nCopies(parameters, "NULL")) + ")");
        try (ResultSet explained = statement.executeQuery("EXPLAIN (FORMAT JSON) " + execute)) {
          explained.next();
          JsonNode plan = readPlan(explained.getString(1));
          Set<String> indexes = new java.util.HashSet<>();
          hypothetical(plan, indexes);
          return new Plan(plan.path("Total Cost").asDouble(), indexes);
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

  /** The hypothetical indexes the plan's nodes read, by HypoPG's name prefix ({@code <oid>btree_...}: {@code <oid>}). */
  private static void hypothetical(JsonNode node, Set<String> found) {
    String name = node.path("Index Name").asText("");
    int end = name.indexOf('>');
    if (name.startsWith("<") && end > 0) {
      found.add(name.substring(0, end + 1));
    }
    for (JsonNode child : node.path("Plans")) {
      hypothetical(child, found);
    }
  }

  /** After a failed probe: nothing prepared or hypothetical is left for the next. */
  private static void reset(Connection reader) throws SQLException {
    try (Statement statement = reader.createStatement()) {
      statement.execute("DEALLOCATE ALL");
      statement.execute("SELECT hypopg_reset()");
    }
  }

  private static String firstLine(String message) {
    String text = message == null ? "no message" : message.strip();
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }
}
