package dev.optkit.analyzers.schema;

import dev.optkit.analyzers.facts.sites.SqlParsing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;

/**
 * The tables the project's SQL scripts create, and the indexes each has: its primary key, unique constraints and keys,
 * {@code CREATE INDEX} and {@code ALTER TABLE ... ADD} statements, in every script, whatever order they come in.
 * Parsed with JSqlParser, statement by statement ({@link SqlParsing#statementsOf}). A statement about a table's
 * indexes that JSqlParser cannot read leaves that table's indexes {@link Table#complete unknown}: a hint is never
 * given from indexes half read.
 */
public final class SchemaIndexes {

  /**
   * An index: its columns in order, as {@link #column} compares them; an expression ({@code lower(email)}) is kept as
   * its text, which no plain column matches.
   *
   * @param kind {@code primary key}, {@code unique}, {@code index}, or {@code foreign key} for the index MySQL, MariaDB
   *     and H2 make for a foreign key no index serves ({@link #withForeignKeyIndexes})
   * @param method how it is built, lower case: {@code btree} unless the script says {@code USING gin}, {@code gist}...
   */
  public record TableIndex(String name, List<String> columns, String kind, String method) {
    public TableIndex {
      columns = List.copyOf(columns);
      method = method == null ? "btree" : method.toLowerCase(java.util.Locale.ROOT);
    }

    /** A b-tree index, the kind every database makes unless told otherwise. */
    public TableIndex(String name, List<String> columns, String kind) {
      this(name, columns, kind, "btree");
    }

    /**
     * Whether it is of another method than a b-tree ({@code USING gin}, {@code gist}, {@code hash}): one that may serve
     * what a b-tree cannot (a trigram index, a leading wildcard), or not serve what one does.
     */
    public boolean otherThanBtree() {
      return !method.equals("btree");
    }

    /** Whether no two rows share its columns' values: a primary key or a unique index. */
    public boolean unique() {
      return kind.equals("primary key") || kind.equals("unique");
    }
  }

  /**
   * A foreign key of a table: its columns, in order, refer to another table's.
   *
   * @param script the script declaring it, as findings name files
   * @param line the line its statement starts on
   */
  public record ForeignKey(List<String> columns, String references, String script, int line) {
    public ForeignKey {
      columns = List.copyOf(columns);
    }
  }

  /**
   * A table a script creates.
   *
   * @param name as the script writes it, without quotes or schema
   * @param written its name as the script writes it, schema and quotes included: {@code [billing, "Invoices"]}
   * @param writtenColumns its columns' names as the script writes them, by {@link #column how they compare}
   * @param columnTypes its columns' types as the script names them, lower case and without arguments
   *     ({@code varchar}, {@code bigint}, {@code datetime}), by how the columns compare
   * @param complete false when a statement about its indexes could not be read, or changes them in a way not followed
   *     (a drop, a rename)
   * @param script the script whose {@code CREATE TABLE} declares it: where a migration adding to it belongs
   * @param columnValues of each column the project's code bounds, the values it can hold, by how the columns compare:
   *     an entity's enum property's constants, a boolean's two ({@code FewValuedColumns} in the index); empty where
   *     nothing bounds them
   */
  public record Table(String name, List<String> written, Map<String, String> writtenColumns,
      Map<String, String> columnTypes, List<TableIndex> indexes, List<ForeignKey> foreignKeys, boolean complete,
      Path script, Map<String, ColumnValues> columnValues) {
    public Table {
      written = List.copyOf(written);
      writtenColumns = Map.copyOf(writtenColumns);
      columnTypes = Map.copyOf(columnTypes);
      indexes = List.copyOf(indexes);
      foreignKeys = List.copyOf(foreignKeys);
      columnValues = Map.copyOf(columnValues);
    }

    /** The table as its scripts declare it, no column's values bounded. */
    public Table(String name, List<String> written, Map<String, String> writtenColumns, Map<String, String> columnTypes,
        List<TableIndex> indexes, List<ForeignKey> foreignKeys, boolean complete, Path script) {
      this(name, written, writtenColumns, columnTypes, indexes, foreignKeys, complete, script, Map.of());
    }

    /** A column as the script writes it, or as it compares when the table does not declare it. */
    public String writtenColumn(String column) {
      return writtenColumns.getOrDefault(column, column);
    }

    /** An index whose first columns are these, in any order (one that serves a lookup by all of them), if any. */
    public Optional<TableIndex> startingWithAllOf(List<String> columns) {
      return indexes.stream().filter(index -> startsWithAll(index.columns(), columns)).findFirst();
    }

    /** The foreign keys no index of the table serves: none starts with their columns. */
    public List<ForeignKey> unindexedForeignKeys() {
      return foreignKeys.stream().filter(key -> startingWithAllOf(key.columns()).isEmpty()).toList();
    }

    /** An index whose first column is one of these (compared by {@link #column}), if any. */
    public Optional<TableIndex> leadingWithAnyOf(Set<String> columns) {
      return indexes.stream().filter(index -> !index.columns().isEmpty() && columns.contains(index.columns().get(0)))
          .findFirst();
    }
  }

  /**
   * Whether an index of these columns, in this order, serves a lookup by all of those: its first columns are they, in
   * any order.
   */
  public static boolean startsWithAll(List<String> indexColumns, List<String> columns) {
    return indexColumns.size() >= columns.size()
        && new java.util.HashSet<>(indexColumns.subList(0, columns.size())).equals(new java.util.HashSet<>(columns));
  }

  private final Map<String, Table> tables;
  /** Tables a statement names that was not read, and no statement read creates ({@link TableNames#normalise}d). */
  private final Set<String> unread;

  private SchemaIndexes(Map<String, Table> tables, Set<String> unread) {
    this.tables = Map.copyOf(tables);
    this.unread = Set.copyOf(unread);
  }

  public static SchemaIndexes none() {
    return new SchemaIndexes(Map.of(), Set.of());
  }

  /**
   * Whether a script names the table in a statement optkit does not read (a {@code CREATE TABLE} JSqlParser cannot
   * parse) and none read creates it: the table may be there, its columns and indexes are not known.
   */
  public boolean unreadAbout(String name) {
    return unread.contains(TableNames.normalise(bare(name)));
  }

  /** Whether the scripts declare no table at all, read or not. */
  public boolean declaresNothing() {
    return tables.isEmpty() && unread.isEmpty();
  }

  /** The table of this name ({@link TableNames#normalise compared}), when a script creates it. */
  public Optional<Table> table(String name) {
    return Optional.ofNullable(tables.get(TableNames.normalise(bare(name))));
  }

  /** How a column's name compares: without quotes or case, as in the code's queries. */
  public static String column(String name) {
    return dev.optkit.analyzers.facts.sites.SqlNames.column(name);
  }

  /** @param shown how findings name a script ({@link dev.optkit.analyzers.source.SourceSet#shown}) */
  public static SchemaIndexes read(List<Path> scripts, java.util.function.Function<Path, String> shown) {
    return read(scripts, List.of(), shown);
  }

  /**
   * @param changelogs files that may be Liquibase changelogs (XML, YAML, JSON): their structured changes read as the
   *     statements they amount to ({@link LiquibaseDdl}), in the scripts' order (by folder, then name, as
   *     {@code includeAll} and dated file names run them)
   * @param shown how findings name a script ({@link dev.optkit.analyzers.source.SourceSet#shown})
   */
  public static SchemaIndexes read(List<Path> scripts, List<Path> changelogs,
      java.util.function.Function<Path, String> shown) {
    Builder builder = new Builder();
    java.util.Set<Path> changelog = new java.util.HashSet<>(changelogs);
    List<Path> all = new ArrayList<>(scripts);
    all.addAll(changelogs);
    for (Path script : all.stream().filter(script -> !FlywayOrder.undo(script)).sorted(FlywayOrder.SCRIPTS).toList()) {
      if (changelog.contains(script)) {
        String name = shown.apply(script);
        builder.scriptPath = script;
        for (LiquibaseDdl.Ddl ddl : LiquibaseDdl.of(script).orElse(List.of())) {
          for (SqlParsing.ScriptStatement statement : SqlParsing.statementsOf(ddl.sql()).orElse(List.of())) {
            builder.read(statement, name, ddl::line);
          }
        }
        continue;
      }
      Optional<String> read = SqlScripts.text(script); // unreadable: its tables are not known, no hint on them
      if (read.isEmpty()) {
        continue;
      }
      String text = read.get();
      Optional<List<SqlParsing.ScriptStatement>> statements = SqlParsing.statementsOf(text);
      if (statements.isEmpty()) {
        continue;
      }
      int[] lineStarts = lineStarts(text);
      String name = shown.apply(script);
      builder.scriptPath = script;
      for (SqlParsing.ScriptStatement statement : statements.get()) {
        builder.read(statement, name, () -> lineOf(lineStarts, statement.offset()));
      }
    }
    return builder.build();
  }

  /** The tables and their indexes, as the statements are read. */
  private static final class Builder {
    private final Map<String, String> names = new TreeMap<>();
    private final Map<String, List<String>> written = new TreeMap<>();
    private final Map<String, Map<String, String>> writtenColumns = new TreeMap<>();
    private final Map<String, Map<String, String>> columnTypes = new TreeMap<>();
    private final Map<String, List<TableIndex>> indexes = new TreeMap<>();
    private final Set<String> incomplete = new java.util.HashSet<>();
    private final Map<String, List<ForeignKey>> foreignKeys = new TreeMap<>();
    private String script;
    private int line;

    /** @param line the statement's line, counted only for the statements read */
    void read(SqlParsing.ScriptStatement statement, String script, java.util.function.IntSupplier line) {
      List<String> words = statement.words();
      boolean creates = !words.isEmpty() && words.get(0).equals("CREATE");
      // what it creates is its first TABLE or INDEX word (CREATE TABLE t (..., UNIQUE INDEX i (c)) is a table)
      int tableWord = words.indexOf("TABLE");
      int indexWord = words.indexOf("INDEX");
      boolean table = creates && tableWord > 0 && (indexWord < 0 || tableWord < indexWord);
      boolean index = creates && indexWord > 0 && !table;
      boolean alter = words.size() > 1 && words.get(0).equals("ALTER") && words.get(1).equals("TABLE");
      boolean drop = !words.isEmpty() && words.get(0).equals("DROP");
      if (drop) {
        dropped(words, statement.text());
      }
      if (!table && !index && !alter) {
        return;
      }
      this.script = script;
      this.line = line.getAsInt();
      // CREATE INDEX CONCURRENTLY (PostgreSQL's, and what migrate --indexes writes) makes the index the statement
      // without it makes: JSqlParser reads the latter
      String text = statement.text();
      int nameWord = index && indexWord + 1 < words.size() && words.get(indexWord + 1).equals("CONCURRENTLY")
          ? indexWord + 2 : indexWord + 1;
      if (index && nameWord < words.size() && words.get(nameWord).equals("ON")) {
        // PostgreSQL's CREATE INDEX ON t (c), named by the database: read with a name of optkit's, then none
        text = SqlParsing.withWordBefore(text, nameWord, UNNAMED).orElse(text);
      }
      if (nameWord == indexWord + 2) {
        text = SqlParsing.withoutWord(text, indexWord + 1).orElse(text);
      }
      Statement parsed = parsed(text, table && !index);
      java.util.Map<String, String> expressions = Map.of();
      if (parsed == null && index) {
        // an expression in brackets JSqlParser cannot parse there (PostgreSQL's ((created_at::date))): the index is one
        // of expressions, read with each named, its columns the expressions as written
        java.util.Optional<SqlParsing.NamedIndexExpressions> named = SqlParsing.indexExpressionsNamed(text);
        if (named.isPresent()) {
          parsed = parsed(named.get().text(), false);
          expressions = named.get().expressions();
        }
      }
      if (parsed == null && alter) {
        // ADD or DROP COLUMN of a column named by a word JSqlParser keeps for itself (a trial's audits.type): read with
        // the name quoted, which names the same column to optkit (names compare without quotes or case)
        int column = words.indexOf("COLUMN") + 1;
        while (column > 0 && column < words.size() && Set.of("IF", "NOT", "EXISTS").contains(words.get(column))) {
          column++;
        }
        if (column > 0 && column < words.size() && !words.get(column).startsWith("\"")) {
          String quoted = "\"" + words.get(column).toLowerCase(Locale.ROOT).replace("\"", "\"\"") + "\"";
          Optional<String> retried = SqlParsing.withWordReplaced(text, column, quoted);
          if (retried.isPresent()) {
            parsed = parsed(retried.get(), false);
          }
        }
      }
      if (parsed == null) {
        // a vendor's option JSqlParser does not read: the table it names has indexes not known
        namedTable(words, index ? "ON" : "TABLE").ifPresent(incomplete::add);
        return;
      }
      if (parsed instanceof CreateTable created) {
        created(created);
      } else if (parsed instanceof CreateIndex created && created.getTable() != null && created.getIndex() != null) {
        java.util.Map<String, String> written = expressions;
        add(created.getTable().getName(), new TableIndex(UNNAMED.equals(created.getIndex().getName()) ? null
            : created.getIndex().getName(),
            // JSqlParser writes a named expression's call as optkit_expression_0 (): its name is its key
            columns(created.getIndex()).stream().map(column -> written.getOrDefault(column.replace(" ", ""), column))
                .toList(),
            "UNIQUE".equalsIgnoreCase(created.getIndex().getType()) ? "unique" : "index",
            created.getIndex().getUsing()));
      } else if (parsed instanceof Alter altered && altered.getTable() != null && altered.getAlterExpressions() != null) {
        String name = altered.getTable().getName();
        for (AlterExpression expression : altered.getAlterExpressions()) {
          if (expression.getColDataTypeList() != null) {
            // ADD COLUMN declares one, ALTER and MODIFY COLUMN ... TYPE change its type: the last word holds
            for (AlterExpression.ColumnDataType added : expression.getColDataTypeList()) {
              columnDeclared(TableNames.normalise(bare(name)), added.getColumnName(), added.getColDataType(),
                  expression.getOperation() != net.sf.jsqlparser.statement.alter.AlterOperation.ADD);
            }
          }
          if (expression.getOperation() == net.sf.jsqlparser.statement.alter.AlterOperation.DROP
              && expression.getConstraintName() != null && droppedConstraint(name, expression.getConstraintName())) {
            continue; // a check constraint, or an index of a known name, dropped: followed
          }
          if (expression.getOperation() == net.sf.jsqlparser.statement.alter.AlterOperation.DROP
              && expression.getConstraintName() == null && expression.getIndex() == null
              && expression.getColumnName() != null && droppedColumn(name, expression.getColumnName())) {
            continue; // a column no index holds dropped: followed
          }
          if (expression.getOperation() == net.sf.jsqlparser.statement.alter.AlterOperation.RENAME
              && expression.getColumnOldName() != null && expression.getColumnName() != null
              && renamedColumn(name, expression.getColumnOldName(), expression.getColumnName())) {
            continue; // a column renamed: its indexes and keys keep it under its new name
          }
          if (!FOLLOWED.contains(expression.getOperation())) {
            // a drop, a rename, a change of a column: what the table's indexes are after it is not followed
            incomplete.add(TableNames.normalise(bare(name)));
          } else if (expression.getIndex() instanceof ForeignKeyIndex foreign) {
            foreignKey(name, foreign);
          } else if (expression.getIndex() instanceof net.sf.jsqlparser.statement.create.table.CheckConstraint check) {
            checked(name, check.getName());
          } else if (expression.getIndex() != null) {
            addIndexOrConstraint(name, expression.getIndex());
          } else if (expression.getPkColumns() != null && !expression.getPkColumns().isEmpty()) {
            add(name, new TableIndex(null, expression.getPkColumns().stream().map(SchemaIndexes::column).toList(),
                "primary key"));
          } else if (expression.getUkColumns() != null && !expression.getUkColumns().isEmpty()) {
            addConstraint(name, new TableIndex(expression.getUkName(),
                expression.getUkColumns().stream().map(SchemaIndexes::column).toList(), "unique"));
          } else if (expression.getFkColumns() != null && !expression.getFkColumns().isEmpty()
              && expression.getFkSourceTable() != null) {
            addForeignKey(TableNames.normalise(bare(name)), new ForeignKey(
                expression.getFkColumns().stream().map(SchemaIndexes::column).toList(),
                bare(expression.getFkSourceTable()), script, this.line));
          }
        }
      }
    }

    /**
     * The statement as JSqlParser reads it, or null; a table's columns' defaults left out where it cannot read them
     * ({@code DEFAULT nextval('orders_seq')}, which it does not parse: every table of two trial projects was lost).
     */
    private static Statement parsed(String text, boolean createsTable) {
      try {
        return SqlParsing.parse(text);
      } catch (Exception | StackOverflowError unknown) {
        if (!createsTable) {
          return null;
        }
      }
      try {
        Optional<String> withoutDefaults = SqlParsing.withoutDefaults(text);
        return withoutDefaults.isEmpty() ? null : SqlParsing.parse(withoutDefaults.get());
      } catch (Exception | StackOverflowError unknown) {
        return null;
      }
    }

    /**
     * A DROP of a table or an index. A table's: its indexes afterwards are not followed. An index's: gone, where one
     * unqualified name is dropped, an index of exactly that name is known on one table, and the drop surely runs after
     * its creation (later in the same script, or in a Flyway migration of a later version in the same folder);
     * otherwise the tables with an index of the name have indexes not followed.
     */
    private void dropped(List<String> words, String text) {
      if (words.size() < 2 || !words.get(1).equals("TABLE") && !words.get(1).equals("INDEX")) {
        return;
      }
      if (words.get(1).equals("TABLE")) {
        // a dump drops each table just before creating it: a drop of a table not created yet changes nothing read; one
        // created before (in this script or another, whose order against this one is not known) is not followed
        namedTable(words, "TABLE").filter(names::containsKey).ifPresent(incomplete::add);
        return;
      }
      Optional<String> on = namedTable(words, "ON");
      Optional<String> loosely = namedTable(words, "INDEX");
      String exactly = null;
      if (on.isEmpty() && !words.contains(",")) {
        try {
          if (SqlParsing.parse(text) instanceof net.sf.jsqlparser.statement.drop.Drop drop && drop.getName() != null
              && drop.getName().getSchemaName() == null && drop.getName().getName() != null) {
            exactly = indexKey(drop.getName().getName());
          }
        } catch (Exception | StackOverflowError unread) {
          // DROP INDEX CONCURRENTLY, several names: not followed
        }
      }
      if (exactly != null) {
        String key = exactly;
        List<String> holding = indexes.entrySet().stream()
            .filter(entry -> entry.getValue().stream().anyMatch(known -> key.equals(indexKey(known.name()))))
            .map(Map.Entry::getKey).toList();
        if (holding.size() == 1 && indexes.get(holding.get(0)).stream()
            .allMatch(known -> !key.equals(indexKey(known.name())) || surelyBefore(createdIn.get(known)))) {
          indexes.get(holding.get(0)).removeIf(known -> key.equals(indexKey(known.name())));
          return;
        }
      }
      // loosely: every table with an index whose name compares so, the names' underscores and case aside
      List<String> holding = loosely.isEmpty() ? List.of() : indexes.entrySet().stream()
          .filter(entry -> entry.getValue().stream().anyMatch(known -> known.name() != null
              && TableNames.normalise(bare(known.name())).equals(loosely.get())))
          .map(Map.Entry::getKey).toList();
      on.ifPresentOrElse(incomplete::add, () -> incomplete.addAll(holding));
    }

    /**
     * An index's name as the database compares it: a double-quoted name exactly, any other without case (PostgreSQL
     * folds it to lower case; MySQL compares index names without case); null for none.
     */
    private static String indexKey(String name) {
      if (name == null) {
        return null;
      }
      if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
        return name.substring(1, name.length() - 1);
      }
      return bare(name).toLowerCase(Locale.ROOT);
    }

    /** The name an unnamed CREATE INDEX is read with, then read as none (a name matters only to a DROP of it). */
    private static final String UNNAMED = "optkit_unnamed_index";

    /** The script read now, and where each index read so far was created. */
    private Path scriptPath;
    private final Map<TableIndex, Path> createdIn = new java.util.IdentityHashMap<>();
    /** The script whose CREATE TABLE declared each table, by key. */
    private final Map<String, Path> createdBy = new java.util.HashMap<>();

    /**
     * Whether a statement of the script read now surely runs after one of that script: the same script (read in
     * order), or Flyway migrations of one folder, this one of a later version.
     */
    private boolean surelyBefore(Path created) {
      if (created == null || scriptPath == null) {
        return false;
      }
      if (created.equals(scriptPath)) {
        return true;
      }
      List<java.math.BigInteger> before = FlywayOrder.version(String.valueOf(created.getFileName()));
      List<java.math.BigInteger> now = FlywayOrder.version(String.valueOf(scriptPath.getFileName()));
      return before != null && now != null && java.util.Objects.equals(created.getParent(), scriptPath.getParent())
          && FlywayOrder.compare(before, now) < 0;
    }

    /** Constraints by table that hold an index (a named UNIQUE or PRIMARY KEY), by {@link #indexKey}. */
    private final Map<String, Set<String>> constraints = new java.util.HashMap<>();

    /** Check constraints by table, by {@link #indexKey}: dropping one changes no index. */
    private final Map<String, Set<String>> checks = new java.util.HashMap<>();

    private void checked(String table, String constraint) {
      if (constraint != null) {
        checks.computeIfAbsent(TableNames.normalise(bare(table)), k -> new java.util.HashSet<>())
            .add(indexKey(constraint));
      }
    }

    /**
     * Follows {@code ALTER TABLE t DROP CONSTRAINT name} where what it drops is known: a check constraint (no index), or
     * a named unique or primary key constraint (never a plain index of the name) created where the drop surely runs
     * after it (its index gone); false for any other.
     */
    private boolean droppedConstraint(String table, String constraint) {
      String key = TableNames.normalise(bare(table));
      String name = indexKey(constraint);
      Set<String> checked = checks.get(key);
      if (checked != null && checked.remove(name)) {
        return true;
      }
      Set<String> named = constraints.get(key);
      List<TableIndex> declared = indexes.getOrDefault(key, List.of());
      List<TableIndex> dropped = declared.stream().filter(known -> name.equals(indexKey(known.name()))).toList();
      if (named == null || !named.contains(name) || dropped.size() != 1 || !surelyBefore(createdIn.get(dropped.get(0)))) {
        return false;
      }
      named.remove(name);
      return declared.remove(dropped.get(0));
    }

    private void created(CreateTable created) {
      String name = bare(created.getTable().getName());
      String key = TableNames.normalise(name);
      names.putIfAbsent(key, name);
      if (scriptPath != null) {
        createdBy.putIfAbsent(key, scriptPath);
      }
      written.putIfAbsent(key, created.getTable().getSchemaName() == null ? List.of(created.getTable().getName())
          : List.of(created.getTable().getSchemaName(), created.getTable().getName()));
      indexes.computeIfAbsent(key, k -> new ArrayList<>());
      if (created.getColumnDefinitions() != null) {
        for (ColumnDefinition definition : created.getColumnDefinitions()) {
          columnDeclared(key, definition);
          List<String> specs = definition.getColumnSpecs() == null ? List.of()
              : definition.getColumnSpecs().stream().map(spec -> spec.toUpperCase(Locale.ROOT)).toList();
          int primary = specs.indexOf("PRIMARY");
          int keyWord = specs.indexOf("KEY");
          if (primary >= 0 && primary + 1 < specs.size() && specs.get(primary + 1).equals("KEY")
              // MySQL: a column's bare KEY is its PRIMARY KEY (UNIQUE KEY is unique)
              || keyWord >= 0 && (keyWord == 0 || !specs.get(keyWord - 1).equals("UNIQUE")
                  && !specs.get(keyWord - 1).equals("FOREIGN"))) {
            add(name, new TableIndex(null, List.of(column(definition.getColumnName())), "primary key"));
          } else if (specs.contains("UNIQUE")) {
            add(name, new TableIndex(null, List.of(column(definition.getColumnName())), "unique"));
          }
          int references = specs.indexOf("REFERENCES");
          if (references >= 0 && references + 1 < specs.size()) {
            // customer_id BIGINT REFERENCES customers(id): the words after it, as the parser keeps them
            String target = definition.getColumnSpecs().get(references + 1);
            int open = target.indexOf('(');
            addForeignKey(key, new ForeignKey(List.of(column(definition.getColumnName())),
                bare(open < 0 ? target : target.substring(0, open)), script, line));
          }
        }
      }
      if (created.getIndexes() != null) {
        for (Index index : created.getIndexes()) {
          if (index instanceof ForeignKeyIndex foreign) {
            foreignKey(name, foreign);
          } else if (index instanceof net.sf.jsqlparser.statement.create.table.CheckConstraint check) {
            checked(name, check.getName());
          } else {
            addIndexOrConstraint(name, index);
          }
        }
      }
    }

    private void foreignKey(String table, ForeignKeyIndex foreign) {
      if (foreign.getTable() != null && foreign.getColumnsNames() != null && !foreign.getColumnsNames().isEmpty()) {
        addForeignKey(TableNames.normalise(bare(table)), new ForeignKey(
            foreign.getColumnsNames().stream().map(SchemaIndexes::column).toList(), bare(foreign.getTable().getName()),
            script, line));
      }
    }

    /**
     * A foreign key, once per table, columns and referenced table: a table created again by an upgrade script, or a
     * dump beside the migrations, declares the same key again, which is one key (the first place kept).
     */
    private void addForeignKey(String table, ForeignKey key) {
      List<ForeignKey> keys = foreignKeys.computeIfAbsent(table, k -> new ArrayList<>());
      if (keys.stream().noneMatch(known -> known.columns().equals(key.columns())
          && TableNames.normalise(known.references()).equals(TableNames.normalise(key.references())))) {
        keys.add(key);
      }
    }

    /**
     * {@code DROP COLUMN c} of a table created before, where no index of it holds the column: the column and the
     * foreign keys on it go (PostgreSQL drops a constraint with its column), the indexes stay. A column an index holds
     * is not followed (PostgreSQL drops the index, MySQL narrows it): false, the table's indexes unknown.
     */
    private boolean droppedColumn(String table, String dropped) {
      String key = TableNames.normalise(bare(table));
      String name = column(dropped);
      if (!names.containsKey(key) || indexes.getOrDefault(key, List.of()).stream()
          .anyMatch(index -> index.columns().contains(name))) {
        return false;
      }
      Optional.ofNullable(writtenColumns.get(key)).ifPresent(columns -> columns.remove(name));
      Optional.ofNullable(columnTypes.get(key)).ifPresent(types -> types.remove(name));
      Optional.ofNullable(foreignKeys.get(key)).ifPresent(keys -> keys.removeIf(k -> k.columns().contains(name)));
      return true;
    }

    /**
     * {@code RENAME COLUMN a TO b} of a table created before: its indexes and keys hold the column under its new name,
     * as both PostgreSQL and MySQL keep them. False where the table is not known or the new name is taken.
     */
    private boolean renamedColumn(String table, String from, String to) {
      String key = TableNames.normalise(bare(table));
      String old = column(from);
      String renamed = column(to);
      Map<String, String> columns = writtenColumns.get(key);
      if (!names.containsKey(key) || columns == null || !columns.containsKey(old) || columns.containsKey(renamed)) {
        return false;
      }
      columns.remove(old);
      columns.put(renamed, to);
      Optional.ofNullable(columnTypes.get(key)).ifPresent(types -> {
        String type = types.remove(old);
        if (type != null) {
          types.put(renamed, type);
        }
      });
      List<TableIndex> known = indexes.getOrDefault(key, List.of());
      for (int i = 0; i < known.size(); i++) {
        TableIndex index = known.get(i);
        if (index.columns().contains(old)) {
          TableIndex moved = new TableIndex(index.name(), index.columns().stream()
              .map(c -> c.equals(old) ? renamed : c).toList(), index.kind(), index.method());
          known.set(i, moved);
          Path created = createdIn.remove(index);
          if (created != null) {
            createdIn.put(moved, created);
          }
        }
      }
      List<ForeignKey> keys = foreignKeys.getOrDefault(key, List.of());
      for (int i = 0; i < keys.size(); i++) {
        ForeignKey foreign = keys.get(i);
        if (foreign.columns().contains(old)) {
          keys.set(i, new ForeignKey(foreign.columns().stream().map(c -> c.equals(old) ? renamed : c).toList(),
              foreign.references(), foreign.script(), foreign.line()));
        }
      }
      return true;
    }

    private void columnDeclared(String table, ColumnDefinition definition) {
      columnDeclared(table, definition.getColumnName(), definition.getColDataType(), false);
    }

    /** @param changed a column's type changed by an ALTER: it replaces the type read before */
    private void columnDeclared(String table, String name, net.sf.jsqlparser.statement.create.table.ColDataType type,
        boolean changed) {
      if (name == null) {
        return;
      }
      writtenColumns.computeIfAbsent(table, k -> new TreeMap<>()).putIfAbsent(column(name), name);
      if (type != null && type.getDataType() != null) {
        Map<String, String> types = columnTypes.computeIfAbsent(table, k -> new TreeMap<>());
        String typeName = typeName(type.getDataType());
        if (changed) {
          types.put(column(name), typeName);
        } else {
          types.putIfAbsent(column(name), typeName);
        }
      }
    }

    /**
     * A type as JSqlParser gives it ({@code bigint (20)}, {@code decimal (10, 2)}, {@code int (11) unsigned}) without its
     * arguments, lower case, its words single-spaced: {@code bigint}, {@code decimal}, {@code int unsigned}.
     */
    static String typeName(String dataType) {
      StringBuilder name = new StringBuilder();
      int depth = 0;
      for (char c : dataType.toLowerCase(Locale.ROOT).toCharArray()) {
        if (c == '(') {
          depth++;
        } else if (c == ')') {
          depth = Math.max(0, depth - 1);
        } else if (depth == 0) {
          boolean space = Character.isWhitespace(c);
          if (!space || name.length() > 0 && name.charAt(name.length() - 1) != ' ') {
            name.append(space ? ' ' : c);
          }
        }
      }
      return name.toString().strip();
    }

    private void add(String table, TableIndex index) {
      List<TableIndex> declared = indexes.computeIfAbsent(TableNames.normalise(bare(table)), k -> new ArrayList<>());
      String key = indexKey(index.name());
      if (key != null && declared.stream().anyMatch(known -> key.equals(indexKey(known.name())))) {
        return; // CREATE INDEX IF NOT EXISTS of a name there (or one the database refuses): the index stays one
      }
      declared.add(index);
      createdIn.put(index, scriptPath);
    }

    /** A key of a CREATE or ALTER TABLE: a UNIQUE or PRIMARY KEY constraint, or a plain index (MySQL's KEY, INDEX). */
    private void addIndexOrConstraint(String table, Index index) {
      TableIndex read = indexOf(index);
      if (read.unique() && index instanceof net.sf.jsqlparser.statement.create.table.NamedConstraint) {
        addConstraint(table, read);
      } else {
        add(table, read);
      }
    }

    /** A named UNIQUE or PRIMARY KEY constraint: its index, which a DROP CONSTRAINT of its name drops. */
    private void addConstraint(String table, TableIndex index) {
      add(table, index);
      if (index.name() != null) {
        constraints.computeIfAbsent(TableNames.normalise(bare(table)), k -> new java.util.HashSet<>())
            .add(indexKey(index.name()));
      }
    }

    SchemaIndexes build() {
      Map<String, Table> tables = new LinkedHashMap<>();
      for (Map.Entry<String, String> named : names.entrySet()) {
        String key = named.getKey();
        tables.put(key, new Table(named.getValue(), written.get(key), writtenColumns.getOrDefault(key, Map.of()),
            columnTypes.getOrDefault(key, Map.of()), indexes.getOrDefault(key, List.of()), foreignKeys.getOrDefault(key, List.of()), !incomplete.contains(key),
            createdBy.get(key)));
      }
      Set<String> unread = new java.util.TreeSet<>(incomplete);
      unread.removeAll(names.keySet());
      return new SchemaIndexes(tables, unread);
    }
  }

  /**
   * The schema as a database that indexes each foreign key by itself has it (MySQL's InnoDB, MariaDB, H2): a foreign
   * key no index starts with gets one of its columns. PostgreSQL makes none.
   */
  public SchemaIndexes withForeignKeyIndexes() {
    Map<String, Table> indexed = new LinkedHashMap<>();
    tables.forEach((key, table) -> {
      List<TableIndex> indexes = new ArrayList<>(table.indexes());
      for (ForeignKey foreign : table.foreignKeys()) {
        Table sofar = new Table(table.name(), table.written(), table.writtenColumns(), table.columnTypes(), indexes,
            table.foreignKeys(), table.complete(), table.script(), table.columnValues());
        if (sofar.startingWithAllOf(foreign.columns()).isEmpty()) {
          indexes.add(new TableIndex(null, foreign.columns(), "foreign key"));
        }
      }
      indexed.put(key, new Table(table.name(), table.written(), table.writtenColumns(), table.columnTypes(), indexes,
          table.foreignKeys(), table.complete(), table.script(), table.columnValues()));
    });
    return new SchemaIndexes(indexed, unread);
  }

  /**
   * The values a column can hold, as the project's code bounds them.
   *
   * @param count how many distinct values, null aside
   * @param stored the values as the column stores them, where the code tells ({@code NEW}, {@code PAID} of an enum
   *     stored by name), {@code count} of them; empty where it does not (an enum's ordinal, a converter's value)
   */
  public record ColumnValues(int count, List<String> stored) {
    public ColumnValues {
      stored = List.copyOf(stored);
      if (count < 1 || !stored.isEmpty() && stored.size() != count) {
        throw new IllegalArgumentException("a column's values: " + count + " " + stored);
      }
    }
  }

  /**
   * The schema with the given columns' {@link Table#columnValues}, by table name and column (as they compare): a table
   * or a column the scripts do not declare is left out.
   */
  public SchemaIndexes withColumnValues(Map<String, Map<String, ColumnValues>> values) {
    Map<String, Table> counted = new LinkedHashMap<>(tables);
    values.forEach((name, byColumn) -> table(name).ifPresent(table -> {
      Map<String, ColumnValues> bounded = new TreeMap<>(table.columnValues());
      byColumn.forEach((column, known) -> {
        if (table.writtenColumns().containsKey(column(column))) {
          bounded.put(column(column), known);
        }
      });
      counted.put(TableNames.normalise(bare(name)), new Table(table.name(), table.written(), table.writtenColumns(),
          table.columnTypes(), table.indexes(), table.foreignKeys(), table.complete(), table.script(), bounded));
    }));
    return new SchemaIndexes(counted, unread);
  }

  /** The tables the scripts create, in their names' order. */
  public List<Table> tables() {
    return tables.values().stream().sorted(java.util.Comparator.comparing(table -> TableNames.normalise(table.name())))
        .toList();
  }

  /** The offsets where the text's lines start: counted once a script, not once a statement. */
  private static int[] lineStarts(String text) {
    int[] starts = new int[16];
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (count == starts.length) {
          starts = java.util.Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return java.util.Arrays.copyOf(starts, count);
  }

  private static int lineOf(int[] lineStarts, int offset) {
    int found = java.util.Arrays.binarySearch(lineStarts, offset);
    return (found >= 0 ? found : -found - 2) + 1;
  }

  /** The ALTER TABLE operations whose effect on indexes is followed, or is none (a comment, a column's type). */
  private static final Set<net.sf.jsqlparser.statement.alter.AlterOperation> FOLLOWED = java.util.EnumSet.of(
      net.sf.jsqlparser.statement.alter.AlterOperation.ADD, net.sf.jsqlparser.statement.alter.AlterOperation.ALTER,
      net.sf.jsqlparser.statement.alter.AlterOperation.MODIFY, net.sf.jsqlparser.statement.alter.AlterOperation.COMMENT,
      net.sf.jsqlparser.statement.alter.AlterOperation.COMMENT_WITH_EQUAL_SIGN,
      net.sf.jsqlparser.statement.alter.AlterOperation.SET_TABLE_OPTION,
      net.sf.jsqlparser.statement.alter.AlterOperation.ENGINE);


  private static TableIndex indexOf(Index index) {
    String type = index.getType() == null ? "" : index.getType().toUpperCase(Locale.ROOT);
    String kind = type.startsWith("PRIMARY") ? "primary key" : type.startsWith("UNIQUE") ? "unique" : "index";
    return new TableIndex(index.getName(), columns(index), kind);
  }

  /** An index's columns in order; an expression as its text, which no column's name equals. */
  private static List<String> columns(Index index) {
    List<String> columns = new ArrayList<>();
    if (index.getColumns() == null) {
      return columns;
    }
    for (Index.ColumnParams params : index.getColumns()) {
      String text = params.toString();
      boolean expression = params.getParams() != null && !params.getParams().isEmpty()
          && params.getParams().stream().anyMatch(p -> p.startsWith("("));
      columns.add(expression || text.contains("(") ? text : column(params.getColumnName()));
    }
    return columns;
  }

  /**
   * The table a statement names after this word ({@code ON}, {@code TABLE}), past {@code ONLY} and {@code IF [NOT]
   * EXISTS}, its schema dropped ({@code public . orders}: the lexer's words).
   */
  private static Optional<String> namedTable(List<String> words, String after) {
    int at = words.indexOf(after) + 1;
    if (at == 0) {
      return Optional.empty();
    }
    while (at < words.size() && Set.of("ONLY", "IF", "NOT", "EXISTS", "CONCURRENTLY").contains(words.get(at))) {
      at++;
    }
    while (at + 2 < words.size() && words.get(at + 1).equals(".")) {
      at += 2;
    }
    return at < words.size() ? Optional.of(TableNames.normalise(bare(words.get(at)))) : Optional.empty();
  }

  private static String bare(String name) {
    return SchemaViews.bare(name);
  }
}
