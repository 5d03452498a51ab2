package dev.optkit.validation.hints;

import java.io.IOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * The PostgreSQL a hint check plans in, with HypoPG: a throwaway local cluster optkit starts and deletes (its tables
 * made by the superuser, the queries planned by a role that may only read them), or a database the user names
 * ({@code --check-hints-url}), where everything is made in a schema of its own, dropped at the end.
 */
public final class PlannerDatabase implements AutoCloseable {
  private final LocalPostgres local;
  private final Connection admin;
  private final Connection reader;
  private final String schema;
  private final String readerRole;
  /** Whether optkit installed HypoPG in a database the user gave, to remove it again. */
  private final boolean installedHypopg;
  /** The schema HypoPG's functions are in, called by it: the search path holds only optkit's schema and the catalog. */
  private final String hypopg;

  private static String hypopgSchema(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet found = statement.executeQuery(
        "SELECT n.nspname FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace "
            + "WHERE e.extname = 'hypopg'")) {
      if (!found.next()) {
        throw new SQLException("HypoPG is not installed in the database");
      }
      return found.getString(1);
    }
  }

  /** A HypoPG function by its schema ({@code "public".hypopg_reset}). */
  String hypopg(String function) {
    return PlannerTables.quoted(hypopg) + "." + function;
  }

  /** The schema optkit's tables are made in: its own with a database the user gave, else the throwaway's public. */
  String tablesSchema() {
    return schema != null ? schema : "public";
  }

  private PlannerDatabase(LocalPostgres local, Connection admin, Connection reader, String schema, String readerRole,
      boolean installedHypopg, String hypopg) {
    this.hypopg = hypopg;
    this.local = local;
    this.admin = admin;
    this.reader = reader;
    this.schema = schema;
    this.readerRole = readerRole;
    this.installedHypopg = installedHypopg;
  }

  /** Why no check can run here: no PostgreSQL server, or no HypoPG for it; null when one can. */
  public static String unavailable() {
    var installation = LocalPostgres.find();
    if (installation.isEmpty()) {
      return "no PostgreSQL server is installed (apt-get install postgresql; or set OPTKIT_PG_BINDIR to its bin "
          + "directory, or give --check-hints-url)";
    }
    if (!installation.get().hypopg()) {
      return "HypoPG is not installed for the PostgreSQL in " + installation.get().bin()
          + " (apt-get install postgresql-<major>-hypopg)";
    }
    return null;
  }

  /** Starts a throwaway local cluster with HypoPG. */
  public static PlannerDatabase local() throws IOException, SQLException {
    String why = unavailable();
    if (why != null) {
      throw new IOException(why);
    }
    LocalPostgres server = LocalPostgres.start(LocalPostgres.find().orElseThrow());
    try {
      Connection admin = server.connectAsSuperuser();
      String password = random();
      try (Statement statement = admin.createStatement()) {
        statement.execute("SET statement_timeout = '60s'");
        statement.execute("CREATE EXTENSION hypopg");
        statement.execute("CREATE ROLE optkit_reader LOGIN PASSWORD '" + password + "'");
        statement.execute("ALTER ROLE optkit_reader SET default_transaction_read_only = on");
        statement.execute("ALTER ROLE optkit_reader SET statement_timeout = '10s'");
        // the project's names before the catalog's: PostgreSQL searches pg_catalog first unless the path places it
        statement.execute("ALTER ROLE optkit_reader SET search_path = public, pg_catalog");
        statement.execute("SET search_path = public, pg_catalog");
      }
      return new PlannerDatabase(server, admin, server.connect("optkit_reader", password), null, "optkit_reader",
          false, hypopgSchema(admin));
    } catch (SQLException | RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /**
   * A database the user gives (a JDBC URL with its user and password): HypoPG must be installed there; the tables go
   * to a new schema, dropped by {@link #close}, and the user's own role plans.
   */
  public static PlannerDatabase given(String url) throws SQLException {
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new SQLException("--check-hints-url takes a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database?user=...)");
    }
    Connection connection = DriverManager.getConnection(url);
    String schema = "optkit_hints_" + random().toLowerCase(java.util.Locale.ROOT);
    boolean installed = false;
    try (Statement statement = connection.createStatement()) {
      try (ResultSet hypopg = statement.executeQuery("SELECT 1 FROM pg_extension WHERE extname = 'hypopg'")) {
        if (!hypopg.next()) {
          statement.execute("CREATE EXTENSION hypopg");
          installed = true;
        }
      }
      statement.execute("CREATE SCHEMA " + PlannerTables.quoted(schema));
      // only optkit's schema, then the catalog (which PostgreSQL would search first if the path did not place it): no
      // name of the project's code finds a table of the user's (public.orders is planned as optkit's orders:
      // PlannedQueries writes no schema), nor the catalog's when optkit made its own of that name
      statement.execute("SET search_path = " + PlannerTables.quoted(schema) + ", pg_catalog");
      return new PlannerDatabase(null, connection, connection, schema, null, installed, hypopgSchema(connection));
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
  }

  Connection admin() {
    return admin;
  }

  Connection reader() {
    return reader;
  }

  /** The tables made here, by their names as made, and those PostgreSQL could not make, with why. */
  private final java.util.Set<String> made = new java.util.TreeSet<>();
  private final java.util.Map<String, String> unmade = new java.util.TreeMap<>();
  /** How each table made here has grown so far. */
  private final java.util.Map<String, java.util.Set<PlannerTables.Growth>> grown = new java.util.TreeMap<>();

  /**
   * Makes each of the tables ({@link #make}) and lets the planning role read them: the ones PostgreSQL could not make,
   * by their names as made, with why (their queries are not checked, the others are).
   */
  java.util.Map<String, String> makeAll(java.util.Map<String, dev.optkit.analyzers.schema.SchemaIndexes.Table> tables)
      throws SQLException {
    java.util.Map<String, String> failed = new java.util.TreeMap<>();
    for (java.util.Map.Entry<String, dev.optkit.analyzers.schema.SchemaIndexes.Table> table : tables.entrySet()) {
      String why = make(table.getKey(), table.getValue());
      if (why != null) {
        failed.put(table.getKey(), why);
      }
    }
    readable();
    return failed;
  }

  /**
   * Makes the project's table here unless it is made already ({@link PlannerTables#make}): null when it is, else why
   * PostgreSQL cannot make it as the schema declares it (a name over 63 bytes, an index of 33 columns), which leaves
   * the queries naming it unchecked and the others checked.
   */
  String make(String name, dev.optkit.analyzers.schema.SchemaIndexes.Table table) {
    if (made.contains(name) || unmade.containsKey(name)) {
      return unmade.get(name);
    }
    try {
      writing(statement -> PlannerTables.make(statement, tablesSchema(), name, table));
      made.add(name);
      return null;
    } catch (SQLException e) {
      String why = "PostgreSQL cannot make its table " + name + " as the schema declares it: "
          + PlannerTables.firstLine(e.getMessage());
      unmade.put(name, why);
      return why;
    }
  }

  /**
   * Grows a table made here by {@link PlannerTables#ROWS} rows ({@link PlannerTables#grow}), once per kind of growth,
   * in the order asked; a table this database did not make is never written (with {@code --check-hints-url}, a name
   * may also be one of the user's own tables).
   */
  void grow(String name, dev.optkit.analyzers.schema.SchemaIndexes.Table table, PlannerTables.Growth growth)
      throws SQLException {
    java.util.Set<PlannerTables.Growth> done = grown.computeIfAbsent(name,
        n -> java.util.EnumSet.noneOf(PlannerTables.Growth.class));
    if (!made.contains(name) || !done.add(growth)) {
      return;
    }
    int step = done.size();
    writing(statement -> PlannerTables.grow(statement, tablesSchema(), name, table, growth, step));
  }

  private interface Writing {
    void run(Statement admin) throws SQLException;
  }

  /**
   * Runs optkit's own statements (making and filling its tables) as the role that makes them; with a database the user
   * gave, that is the planning connection, read only again afterwards whenever it was.
   */
  private void writing(Writing work) throws SQLException {
    try (Statement statement = admin.createStatement()) {
      boolean readOnly;
      try (ResultSet setting = statement.executeQuery("SHOW default_transaction_read_only")) {
        setting.next();
        readOnly = "on".equals(setting.getString(1));
      }
      statement.execute("SET default_transaction_read_only = off");
      try {
        work.run(statement);
      } finally {
        if (readOnly) {
          statement.execute("SET default_transaction_read_only = on");
        }
      }
    }
  }

  /** The tables made so far may be read by the role that plans. */
  void readable() throws SQLException {
    if (readerRole != null) {
      try (Statement statement = admin.createStatement()) {
        statement.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + readerRole);
      }
    }
  }

  /** {@code PostgreSQL 15.18 with HypoPG 1.3.1}. */
  String description() throws SQLException {
    try (Statement statement = admin.createStatement();
        ResultSet version = statement.executeQuery("SELECT split_part(current_setting('server_version'), ' ', 1), "
            + "(SELECT extversion FROM pg_extension WHERE extname = 'hypopg')")) {
      version.next();
      return "PostgreSQL " + version.getString(1) + " with HypoPG " + version.getString(2);
    }
  }

  private static String random() {
    byte[] bytes = new byte[12];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public void close() {
    try {
      if (schema != null) {
        try (Statement statement = admin.createStatement()) {
          statement.execute("SET default_transaction_read_only = off"); // the planning was read only
          statement.execute("DROP SCHEMA " + PlannerTables.quoted(schema) + " CASCADE");
          if (installedHypopg) {
            statement.execute("DROP EXTENSION hypopg");
          }
        }
      }
    } catch (SQLException e) {
      // the connection went: its schema stays, named optkit_hints_*
    }
    for (Connection connection : new Connection[] {reader, admin}) {
      try {
        connection.close();
      } catch (SQLException e) {
        // closed with the server
      }
    }
    if (local != null) {
      local.close();
    }
  }
}
