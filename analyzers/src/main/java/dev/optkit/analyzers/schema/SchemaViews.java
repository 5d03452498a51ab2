package dev.optkit.analyzers.schema;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import dev.optkit.analyzers.facts.sites.SqlParsing;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.synonym.CreateSynonym;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * The views and synonyms the project's SQL scripts create, and the tables each one reads, parsed
 * with JSqlParser: a read of a view depends on every table behind it, a synonym is its table. Statements the parser does not
 * understand (vendor DDL, procedures) are skipped one by one; a script over the size budget is
 * skipped whole.
 */
public final class SchemaViews {

  private final Map<String, Set<String>> tablesByView;
  /** Views whose query reads a value of the moment (now(), CURRENT_TIMESTAMP...), with that value. */
  private final Map<String, String> changingByView;

  private SchemaViews(Map<String, Set<String>> tablesByView, Map<String, String> changingByView) {
    this.tablesByView = Map.copyOf(tablesByView);
    this.changingByView = Map.copyOf(changingByView);
  }

  public static SchemaViews none() {
    return new SchemaViews(Map.of(), Map.of());
  }

  /** The value of the moment a view's query reads (its own, or a view's it reads), if any. */
  public java.util.Optional<String> changingValue(String table) {
    for (String name : expand(table)) {
      if (changingByView.containsKey(name)) {
        return java.util.Optional.of(changingByView.get(name));
      }
    }
    return java.util.Optional.empty();
  }

  public static SchemaViews read(List<Path> scripts) {
    Map<String, Set<String>> views = new HashMap<>();
    Map<String, String> changing = new HashMap<>();
    for (Path script : scripts) {
      Optional<String> read = SqlScripts.text(script); // its views stay unknown: only ever "not expanded"
      if (read.isEmpty()) {
        continue;
      }
      String text = read.get();
      String lower = text.toLowerCase(java.util.Locale.ROOT);
      if (!lower.contains("view") && !lower.contains("synonym")) {
        continue;
      }
      for (Statement statement : statements(text)) {
        if (statement instanceof CreateView view && view.getSelect() != null) {
          Set<String> tables = new TreeSet<>();
          for (String table : new TablesNamesFinder<Void>().getTables((Statement) view.getSelect())) {
            tables.add(TableNames.normalise(bare(table)));
          }
          String name = TableNames.normalise(bare(view.getView().getFullyQualifiedName()));
          views.put(name, tables);
          dev.optkit.analyzers.facts.sites.SqlStatements.volatileValue(view.getSelect().toString())
              .ifPresent(value -> changing.put(name, value));
        } else if (statement instanceof CreateSynonym synonym && synonym.getSynonym() != null && synonym.getFor() != null) {
          // another name for a table: reading or writing either is reading or writing both
          views.put(TableNames.normalise(bare(synonym.getSynonym().getFullyQualifiedName())),
              Set.of(TableNames.normalise(bare(synonym.getFor()))));
        }
      }
    }
    return new SchemaViews(views, changing);
  }

  /**
   * The script's views and synonyms, each statement that creates one parsed on its own: a data script's thousands of
   * inserts are lexed, never parsed (a 400 KB dump was a tenth of a run). A script the lexer cannot read is parsed
   * whole, and gives nothing when JSqlParser does not know all of it.
   */
  private static List<Statement> statements(String script) {
    Optional<List<SqlParsing.ScriptStatement>> split = SqlParsing.statementsOf(script);
    if (split.isEmpty()) {
      try {
        return List.copyOf(SqlParsing.parseStatements(script));
      } catch (Exception | StackOverflowError unknown) {
        return List.of();
      }
    }
    List<Statement> parsed = new java.util.ArrayList<>();
    for (SqlParsing.ScriptStatement statement : split.get()) {
      if (statement.creates("VIEW") || statement.creates("SYNONYM")) {
        try {
          parsed.add(SqlParsing.parse(statement.text()));
        } catch (Exception | StackOverflowError e) {
          // not a statement JSqlParser knows: skipped, the rest of the script still counts
        }
      }
    }
    return parsed;
  }

  /** The base tables behind a table name: itself when it is no view, else every table its views read. */
  public Set<String> expand(String table) {
    Set<String> result = new TreeSet<>();
    expand(table, result, new HashSet<>());
    return result;
  }

  private void expand(String table, Set<String> result, Set<String> seen) {
    Set<String> behind = tablesByView.get(table);
    if (behind == null || !seen.add(table)) {
      result.add(table);
      return;
    }
    result.add(table); // the view's own name: a writer may name it (updatable views)
    for (String inner : behind) {
      expand(inner, result, seen);
    }
  }

  public static String bare(String name) {
    return dev.optkit.analyzers.facts.sites.SqlNames.bare(name);
  }

}
