package dev.optkit.analyzers.schema;

import dev.optkit.analyzers.facts.sites.SqlParsing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
  private static final long MAX_SCRIPT_BYTES = 2L * 1024 * 1024;

  /**
   * An index: its columns in order, as {@link #column} compares them; an expression ({@code lower(email)}) is kept as
   * its text, which no plain column matches.
   *
   * @param kind {@code primary key}, {@code unique} or {@code index}
   */
  public record TableIndex(String name, List<String> columns, String kind) {
    public TableIndex {
      columns = List.copyOf(columns);
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
   * @param name as the script writes it, without quotes
   * @param complete false when a statement about its indexes could not be read
   */
  public record Table(String name, List<TableIndex> indexes, List<ForeignKey> foreignKeys, boolean complete) {
    public Table {
      indexes = List.copyOf(indexes);
      foreignKeys = List.copyOf(foreignKeys);
    }

    /** An index whose first columns are these, in any order (one that serves a lookup by all of them), if any. */
    public Optional<TableIndex> startingWithAllOf(List<String> columns) {
      return indexes.stream().filter(index -> index.columns().size() >= columns.size()
          && new java.util.HashSet<>(index.columns().subList(0, columns.size())).equals(new java.util.HashSet<>(columns)))
          .findFirst();
    }

    /** An index whose first column is one of these (compared by {@link #column}), if any. */
    public Optional<TableIndex> leadingWithAnyOf(Set<String> columns) {
      return indexes.stream().filter(index -> !index.columns().isEmpty() && columns.contains(index.columns().get(0)))
          .findFirst();
    }
  }

  private final Map<String, Table> tables;

  private SchemaIndexes(Map<String, Table> tables) {
    this.tables = Map.copyOf(tables);
  }

  public static SchemaIndexes none() {
    return new SchemaIndexes(Map.of());
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
    Builder builder = new Builder();
    for (Path script : scripts.stream().sorted().toList()) {
      String text;
      try {
        if (Files.size(script) > MAX_SCRIPT_BYTES) {
          continue;
        }
        text = Files.readString(script, StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        continue; // unreadable: its tables are not known, so no hint is given on them
      }
      Optional<List<SqlParsing.ScriptStatement>> statements = SqlParsing.statementsOf(text);
      if (statements.isEmpty()) {
        continue;
      }
      for (SqlParsing.ScriptStatement statement : statements.get()) {
        builder.read(statement, shown.apply(script), lineOf(text, statement.offset()));
      }
    }
    return builder.build();
  }

  /** The tables and their indexes, as the statements are read. */
  private static final class Builder {
    private final Map<String, String> names = new TreeMap<>();
    private final Map<String, List<TableIndex>> indexes = new TreeMap<>();
    private final Set<String> incomplete = new java.util.HashSet<>();
    private final Map<String, List<ForeignKey>> foreignKeys = new TreeMap<>();
    private String script;
    private int line;

    void read(SqlParsing.ScriptStatement statement, String script, int line) {
      this.script = script;
      this.line = line;
      List<String> words = statement.words();
      boolean creates = !words.isEmpty() && words.get(0).equals("CREATE");
      boolean table = creates && words.contains("TABLE");
      boolean index = creates && words.contains("INDEX");
      boolean alter = words.size() > 1 && words.get(0).equals("ALTER") && words.get(1).equals("TABLE");
      if (!table && !index && !alter) {
        return;
      }
      Statement parsed;
      try {
        parsed = SqlParsing.parse(statement.text());
      } catch (Exception | StackOverflowError unknown) {
        // CREATE INDEX CONCURRENTLY, a vendor's option: the table it names has indexes not known
        namedTable(words, index ? "ON" : "TABLE").ifPresent(incomplete::add);
        return;
      }
      if (parsed instanceof CreateTable created) {
        created(created);
      } else if (parsed instanceof CreateIndex created && created.getTable() != null && created.getIndex() != null) {
        add(created.getTable().getName(), new TableIndex(created.getIndex().getName(),
            columns(created.getIndex()), "UNIQUE".equalsIgnoreCase(created.getIndex().getType()) ? "unique" : "index"));
      } else if (parsed instanceof Alter altered && altered.getTable() != null && altered.getAlterExpressions() != null) {
        for (AlterExpression expression : altered.getAlterExpressions()) {
          if (expression.getIndex() instanceof ForeignKeyIndex foreign) {
            foreignKey(altered.getTable().getName(), foreign);
          } else if (expression.getIndex() != null) {
            add(altered.getTable().getName(), indexOf(expression.getIndex()));
          }
        }
      }
    }

    private void created(CreateTable created) {
      String name = bare(created.getTable().getName());
      String key = TableNames.normalise(name);
      names.putIfAbsent(key, name);
      indexes.computeIfAbsent(key, k -> new ArrayList<>());
      if (created.getColumnDefinitions() != null) {
        for (ColumnDefinition definition : created.getColumnDefinitions()) {
          List<String> specs = definition.getColumnSpecs() == null ? List.of()
              : definition.getColumnSpecs().stream().map(spec -> spec.toUpperCase(Locale.ROOT)).toList();
          int primary = specs.indexOf("PRIMARY");
          if (primary >= 0 && primary + 1 < specs.size() && specs.get(primary + 1).equals("KEY")) {
            add(name, new TableIndex(null, List.of(column(definition.getColumnName())), "primary key"));
          } else if (specs.contains("UNIQUE")) {
            add(name, new TableIndex(null, List.of(column(definition.getColumnName())), "unique"));
          }
          int references = specs.indexOf("REFERENCES");
          if (references >= 0 && references + 1 < specs.size()) {
            // customer_id BIGINT REFERENCES customers(id): the words after it, as the parser keeps them
            String target = definition.getColumnSpecs().get(references + 1);
            int open = target.indexOf('(');
            foreignKeys.computeIfAbsent(key, k -> new ArrayList<>()).add(new ForeignKey(
                List.of(column(definition.getColumnName())), bare(open < 0 ? target : target.substring(0, open)), script,
                line));
          }
        }
      }
      if (created.getIndexes() != null) {
        for (Index index : created.getIndexes()) {
          if (index instanceof ForeignKeyIndex foreign) {
            foreignKey(name, foreign);
          } else {
            add(name, indexOf(index));
          }
        }
      }
    }

    private void foreignKey(String table, ForeignKeyIndex foreign) {
      if (foreign.getTable() != null && foreign.getColumnsNames() != null && !foreign.getColumnsNames().isEmpty()) {
        foreignKeys.computeIfAbsent(TableNames.normalise(bare(table)), k -> new ArrayList<>()).add(new ForeignKey(
            foreign.getColumnsNames().stream().map(SchemaIndexes::column).toList(), bare(foreign.getTable().getName()),
            script, line));
      }
    }

    private void add(String table, TableIndex index) {
      indexes.computeIfAbsent(TableNames.normalise(bare(table)), k -> new ArrayList<>()).add(index);
    }

    SchemaIndexes build() {
      Map<String, Table> tables = new LinkedHashMap<>();
      for (Map.Entry<String, String> named : names.entrySet()) {
        String key = named.getKey();
        tables.put(key, new Table(named.getValue(), indexes.getOrDefault(key, List.of()),
            foreignKeys.getOrDefault(key, List.of()), !incomplete.contains(key)));
      }
      return new SchemaIndexes(tables);
    }
  }

  /** The tables the scripts create, in their names' order. */
  public List<Table> tables() {
    return tables.values().stream().sorted(java.util.Comparator.comparing(table -> TableNames.normalise(table.name())))
        .toList();
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      line += text.charAt(i) == '\n' ? 1 : 0;
    }
    return line;
  }

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
    while (at < words.size() && Set.of("ONLY", "IF", "NOT", "EXISTS").contains(words.get(at))) {
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
