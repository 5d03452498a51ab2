package dev.optkit.analyzers.schema;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.sf.jsqlparser.parser.CCJSqlParserTokenManager;
import net.sf.jsqlparser.parser.SimpleCharStream;
import net.sf.jsqlparser.parser.StringProvider;
import net.sf.jsqlparser.parser.Token;

/**
 * What a write to a table writes besides that table, from the project's SQL scripts (and the SQL
 * inside Liquibase changelogs, {@link LiquibaseChangelogs}):
 * <ul>
 *   <li>Triggers and Postgres rules: their body may write any table (a procedure, a Java class,
 *       vendor code), so a write to such a table counts as one to data optkit cannot name.</li>
 *   <li>Foreign keys with {@code ON DELETE} or {@code ON UPDATE} {@code CASCADE}, {@code SET NULL}
 *       or {@code SET DEFAULT}: deleting or re-keying a parent row changes the referencing table,
 *       and on through its own cascades.</li>
 * </ul>
 * JSqlParser parses no {@code CREATE TRIGGER}, so scripts are read with its lexer (comments and
 * string literals are tokens of their own, never read as words): after {@code CREATE ... TRIGGER}
 * the name following the first {@code ON} is the table, after {@code CREATE ... RULE} the one
 * following {@code TO}; in {@code CREATE TABLE} and {@code ALTER TABLE} statements each
 * {@code REFERENCES parent} with a changing action links the parent to the statement's table.
 * MySQL's versioned comments ({@code /*!50003 CREATE TRIGGER ... *}{@code /}, as mysqldump writes
 * them) are read as the SQL they hold. Scripts are read as UTF-8, as UTF-16 or UTF-8 after a byte
 * order mark, and as ISO-8859-1 when not valid UTF-8. A script that mentions triggers, rules or
 * cascades but cannot be lexed makes every table count as triggered.
 */
public final class SchemaWriteEffects {
  private final Set<String> triggered;
  private final Map<String, Set<String>> cascades;
  /** The links of foreign keys whose action is on update (a changed key): what a save may reach. */
  private final Map<String, Set<String>> updateCascades;
  private final boolean everyTable;

  private SchemaWriteEffects(Set<String> triggered, Map<String, Set<String>> cascades,
      Map<String, Set<String>> updateCascades, boolean everyTable) {
    this.triggered = Set.copyOf(triggered);
    this.cascades = Map.copyOf(cascades);
    this.updateCascades = Map.copyOf(updateCascades);
    this.everyTable = everyTable;
  }

  public static SchemaWriteEffects none() {
    return new SchemaWriteEffects(Set.of(), Map.of(), Map.of(), false);
  }

  public static SchemaWriteEffects read(List<Path> scripts) {
    return read(scripts, List.of());
  }

  public static SchemaWriteEffects read(List<Path> scripts, List<Path> changelogFiles) {
    return read(scripts, changelogFiles, List.of());
  }

  /**
   * @param changelogFiles XML, YAML and JSON files of the project: the Liquibase changelogs among them
   *     add the SQL they hold and the cascading foreign keys they declare
   * @param statements SQL the code runs ({@code jdbc.execute("CREATE TRIGGER ...")}), read like a script's
   */
  public static SchemaWriteEffects read(List<Path> scripts, List<Path> changelogFiles, List<String> statements) {
    return readFiles(scripts, changelogFiles).with(statements);
  }

  /**
   * What the project's files say (scripts and changelogs), read before the code's own statements are known: a run
   * reads its files beside the parse and adds the statements after it ({@link FilesRead#with}).
   */
  public static FilesRead readFiles(List<Path> scripts, List<Path> changelogFiles) {
    FilesRead read = new FilesRead();
    List<String> texts = new ArrayList<>();
    for (Path script : scripts) {
      SqlScripts.text(script).ifPresent(texts::add);
    }
    for (Path changelog : changelogFiles) {
      // a changelog's onDelete and onUpdate are read together: its links count for both
      texts.addAll(LiquibaseChangelogs.read(changelog, (parent, child) -> {
        link(read.cascades, parent, child);
        link(read.updateCascades, parent, child);
      }));
    }
    texts.forEach(read::lexText);
    return read;
  }

  /**
   * Triggers, rules and cascades read from some texts so far; the row-local triggers are decided once every text is
   * read, since a function may come after its trigger. Used by one thread at a time.
   */
  public static final class FilesRead {
    private final Set<String> triggered = new TreeSet<>();
    private final Map<String, Set<String>> cascades = new HashMap<>();
    private final Map<String, Set<String>> updateCascades = new HashMap<>();
    private final RowLocalTriggers rowLocal = new RowLocalTriggers();
    private boolean everyTable;

    private FilesRead() {}

    private void lexText(String raw) {
      String lower = raw.toLowerCase(Locale.ROOT);
      if (!lower.contains("trigger") && !lower.contains("rule") && !lower.contains("references")) {
        return;
      }
      try {
        new Reading(triggered, cascades, updateCascades, rowLocal).lex(lexable(raw));
      } catch (RuntimeException | Error e) { // the lexer's TokenMgrError is an Error
        everyTable = true;
      }
    }

    /** The effects of the files and of these statements the code runs; this reading is not used again. */
    public SchemaWriteEffects with(List<String> statements) {
      statements.forEach(this::lexText);
      Set<String> all = new TreeSet<>(triggered);
      all.addAll(rowLocal.triggeredBeyondTheirRow()); // every text read: a function may come after its trigger
      return new SchemaWriteEffects(all, cascades, updateCascades, everyTable);
    }
  }

  private static final Set<String> CODE_OR_INDEX = Set.of(
      "TRIGGER", "RULE", "FUNCTION", "PROCEDURE", "INDEX", "SEQUENCE", "TYPE", "DOMAIN", "EXTENSION", "SCHEMA");

  /**
   * Whether a statement only defines code or an index ({@code CREATE [OR REPLACE] [UNIQUE] TRIGGER},
   * {@code FUNCTION}, {@code INDEX}...): it changes no row, though running it may change what later
   * writes do (the trigger it creates is read from the project's SQL like a script's).
   */
  public static boolean definesCodeOrIndex(String sql) {
    try {
      CCJSqlParserTokenManager lexer = new CCJSqlParserTokenManager(new SimpleCharStream(new StringProvider(sql)));
      Token first = lexer.getNextToken();
      if (first.image.equalsIgnoreCase("ALTER")) {
        return addsConstraint(lexer);
      }
      if (!first.image.equalsIgnoreCase("CREATE")) {
        return false;
      }
      // the kind comes within the first words: CREATE OR REPLACE DEFINER = `root`@`%` TRIGGER ...
      Token token = lexer.getNextToken();
      for (int read = 0; read < 12 && token.kind != 0; read++, token = lexer.getNextToken()) {
        String word = token.image.toUpperCase(Locale.ROOT);
        if (CODE_OR_INDEX.contains(word)) {
          return true;
        }
        if (word.equals("TABLE") || word.equals("VIEW") || word.equals("(") || word.equals("AS")) {
          return false;
        }
      }
    } catch (RuntimeException | Error e) {
      return false;
    }
    return false;
  }

  /** What a script may create that runs later, on its own: code a write fires or a query calls. */
  private static final Set<String> CODE = Set.of("TRIGGER", "RULE", "FUNCTION", "PROCEDURE", "ALIAS");

  /**
   * Whether a script creates code anywhere in it ({@code CREATE TRIGGER}, {@code FUNCTION}, {@code PROCEDURE},
   * {@code RULE}, H2's {@code ALIAS}), read by the SQL lexer word by word: what that code writes is not read here. True
   * too where the lexer cannot read the text.
   */
  public static boolean createsCode(String script) {
    try {
      CCJSqlParserTokenManager lexer = new CCJSqlParserTokenManager(new SimpleCharStream(new StringProvider(script)));
      int sinceCreate = -1;
      for (Token token = lexer.getNextToken(); token.kind != 0; token = lexer.getNextToken()) {
        String word = token.image.toUpperCase(Locale.ROOT);
        if (word.equals("CREATE")) {
          sinceCreate = 0;
        } else if (sinceCreate >= 0 && ++sinceCreate <= 12) {
          if (CODE.contains(word)) {
            return true;
          }
          if (word.equals("TABLE") || word.equals("VIEW") || word.equals("INDEX") || word.equals("(")) {
            sinceCreate = -1;
          }
        }
      }
      return false;
    } catch (RuntimeException | Error e) {
      return true;
    }
  }

  /** {@code ALTER TABLE t ADD [CONSTRAINT c] FOREIGN KEY/PRIMARY KEY/UNIQUE/CHECK ...}: a key, no row changed. */
  private static boolean addsConstraint(CCJSqlParserTokenManager lexer) {
    boolean table = false;
    boolean add = false;
    Token token = lexer.getNextToken();
    for (int read = 0; read < 12 && token.kind != 0; read++, token = lexer.getNextToken()) {
      String word = token.image.toUpperCase(Locale.ROOT);
      if (word.equals("TABLE")) {
        table = true;
      } else if (table && word.equals("ADD")) {
        add = true;
      } else if (add && List.of("FOREIGN", "PRIMARY", "UNIQUE", "CHECK", "INDEX", "KEY").contains(word)) {
        return true;
      } else if (add && !word.equals("CONSTRAINT") && !word.equals("IF") && !word.equals("NOT") && !word.equals("EXISTS")
          && read > 0 && !isName(token)) {
        return false;
      }
    }
    return false;
  }

  private static boolean isName(Token token) {
    return !token.image.isEmpty() && (Character.isLetterOrDigit(token.image.charAt(0)) || token.image.charAt(0) == '"'
        || token.image.charAt(0) == '`' || token.image.charAt(0) == '_');
  }

  /** Whether a write to this table (a normalised name) may run a trigger or rule. */
  public boolean fires(String table) {
    return everyTable || triggered.contains(table);
  }

  /** The tables (normalised) a write to this one may change through cascading foreign keys, transitively. */
  public Set<String> cascadesFrom(String table) {
    return reached(cascades, table);
  }

  /**
   * The tables a save of this one's rows may change: only foreign keys acting on update (a referenced key
   * changed), transitively. A save inserts, or updates columns; no delete rule fires.
   */
  public Set<String> cascadesFromUpdates(String table) {
    return reached(updateCascades, table);
  }

  private static Set<String> reached(Map<String, Set<String>> links, String table) {
    Set<String> reached = new TreeSet<>();
    Deque<String> pending = new ArrayDeque<>(links.getOrDefault(table, Set.of()));
    while (!pending.isEmpty()) {
      String child = pending.pop();
      if (reached.add(child)) {
        pending.addAll(links.getOrDefault(child, Set.of()));
      }
    }
    reached.remove(table);
    return reached;
  }

  private static void link(Map<String, Set<String>> cascades, String parent, String child) {
    if (!parent.isBlank() && !child.isBlank()) {
      cascades.computeIfAbsent(TableNames.normalise(SchemaViews.bare(parent)), p -> new TreeSet<>())
          .add(TableNames.normalise(SchemaViews.bare(child)));
    }
  }

  /**
   * MySQL's versioned comments ({@code /*!50003 ... *}{@code /}) hold SQL the server runs: their
   * markers are blanked, outside string literals, so the lexer reads what they hold. Migration
   * tools' placeholders ({@code ${schema}}, {@code ${flyway:defaultSchema}}) become a plain name.
   */
  static String lexable(String script) {
    if (!script.contains("/*!") && !script.contains("${")) {
      return script;
    }
    StringBuilder out = new StringBuilder(script);
    char quote = 0;
    int open = 0;
    for (int i = 0; i < out.length(); i++) {
      char c = out.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
      } else if (c == '$' && i + 1 < out.length() && out.charAt(i + 1) == '{' && out.indexOf("}", i) > 0) {
        int close = out.indexOf("}", i);
        out.setCharAt(i, 'p');
        for (int j = i + 1; j <= close; j++) {
          out.setCharAt(j, ' ');
        }
        i = close;
      } else if (c == '/' && i + 2 < out.length() && out.charAt(i + 1) == '*' && out.charAt(i + 2) == '!') {
        int end = i + 3;
        while (end < out.length() && Character.isDigit(out.charAt(end))) {
          end++;
        }
        for (int j = i; j < end; j++) {
          out.setCharAt(j, ' ');
        }
        open++;
        i = end - 1;
      } else if (open > 0 && c == '*' && i + 1 < out.length() && out.charAt(i + 1) == '/') {
        out.setCharAt(i, ' ');
        out.setCharAt(i + 1, ' ');
        open--;
        i++;
      } else if (c == '/' && i + 1 < out.length() && out.charAt(i + 1) == '*') {
        int close = out.indexOf("*/", i + 2);
        i = close < 0 ? out.length() : close + 1; // an ordinary comment: skipped whole
      } else if (c == '-' && i + 1 < out.length() && out.charAt(i + 1) == '-') {
        int eol = out.indexOf("\n", i);
        i = eol < 0 ? out.length() : eol;
      }
    }
    return out.toString();
  }

  /** One pass of the lexer over a script, adding what it finds. */
  private static final class Reading {
    private final Set<String> triggered;
    private final Map<String, Set<String>> cascades;
    private final Map<String, Set<String>> updateCascades;
    private final RowLocalTriggers rowLocal;

    Reading(Set<String> triggered, Map<String, Set<String>> cascades, Map<String, Set<String>> updateCascades,
        RowLocalTriggers rowLocal) {
      this.triggered = triggered;
      this.cascades = cascades;
      this.updateCascades = updateCascades;
      this.rowLocal = rowLocal;
    }

    void lex(String script) {
      CCJSqlParserTokenManager lexer = new CCJSqlParserTokenManager(new SimpleCharStream(new StringProvider(script)));
      boolean creating = false;
      String kind = null; // TRIGGER, RULE or TABLE once the statement says which
      String table = null; // the table a CREATE/ALTER TABLE statement defines
      String parent = null; // the table the last REFERENCES names, until its actions are read
      int depth = 0; // parentheses open in the statement
      int referenceDepth = 0; // where the last REFERENCES stood: a comma there, or closing it, ends its clause
      Token pending = null;
      String timing = null; // BEFORE, AFTER or INSTEAD, as the trigger being read says
      while (true) {
        Token token = pending != null ? pending : lexer.getNextToken();
        pending = null;
        if (token.kind == 0) {
          rowLocal.endOfScript();
          return;
        }
        String word = token.image.toUpperCase(Locale.ROOT);
        if (rowLocal.reading(token)) {
          continue; // a function's definition, or a trigger's clauses after its table, until the statement ends
        }
        if (word.equals(";") || word.equals("DELIMITER") || word.equals("GO")) {
          timing = null;
          creating = false;
          kind = null;
          table = null;
          parent = null;
          depth = 0;
        } else if (word.equals("CREATE")) {
          creating = true;
        } else if (word.equals("ALTER")) {
          creating = true;
        } else if (creating && kind == null && word.equals("FUNCTION")) {
          rowLocal.startFunction(qualifiedName(lexer, lexer.getNextToken()).table());
          creating = false;
        } else if (creating && kind == null && (word.equals("TRIGGER") || word.equals("RULE"))) {
          kind = word;
        } else if ("TRIGGER".equals(kind) && (word.equals("BEFORE") || word.equals("AFTER") || word.equals("INSTEAD"))) {
          timing = word;
        } else if (creating && kind == null && word.equals("TABLE")) {
          kind = word;
          Token next = lexer.getNextToken();
          while (List.of("IF", "NOT", "EXISTS", "ONLY").contains(next.image.toUpperCase(Locale.ROOT))) {
            next = lexer.getNextToken();
          }
          NameRead name = qualifiedName(lexer, next);
          table = name.table();
          pending = name.after();
        } else if ("TRIGGER".equals(kind) && word.equals("ON")) {
          NameRead name = qualifiedName(lexer, lexer.getNextToken());
          rowLocal.startTrigger(name.table(), timing);
          pending = name.after();
          creating = false;
          kind = null;
        } else if ("RULE".equals(kind) && word.equals("TO")) {
          NameRead name = qualifiedName(lexer, lexer.getNextToken());
          triggered.add(name.table());
          pending = name.after();
          creating = false;
          kind = null;
        } else if ("TABLE".equals(kind) && table != null && word.equals("REFERENCES")) {
          NameRead name = qualifiedName(lexer, lexer.getNextToken());
          parent = name.table();
          referenceDepth = depth;
          pending = name.after();
        } else if (parent != null && word.equals("ON")) {
          String change = lexer.getNextToken().image.toUpperCase(Locale.ROOT);
          Token action = lexer.getNextToken();
          String effect = action.image.toUpperCase(Locale.ROOT);
          if ((change.equals("DELETE") || change.equals("UPDATE")) && (effect.equals("CASCADE") || effect.equals("SET"))) {
            cascades.computeIfAbsent(parent, p -> new TreeSet<>()).add(table);
            if (change.equals("UPDATE")) {
              updateCascades.computeIfAbsent(parent, p -> new TreeSet<>()).add(table);
            }
          } else {
            pending = action;
          }
        } else if (word.equals("(")) {
          depth++;
        } else if (word.equals(")")) {
          depth--;
          if (depth < referenceDepth) {
            parent = null; // the table's column list closed
          }
        } else if (word.equals(",") && depth == referenceDepth) {
          parent = null; // the next column or constraint
        }
      }
    }
  }

  private record NameRead(String table, Token after) {}

  /** {@code schema.table}, {@code "quoted"}, {@code `quoted`} or {@code [bracketed]} parts, and the token after them. */
  private static NameRead qualifiedName(CCJSqlParserTokenManager lexer, Token first) {
    StringBuilder name = new StringBuilder();
    Token part = first;
    Token next;
    while (true) {
      if (part.image.equals("[")) {
        part = lexer.getNextToken();
        lexer.getNextToken(); // ]
      }
      name.append(name.length() == 0 ? "" : ".").append(part.image);
      next = lexer.getNextToken();
      if (next.kind == 0 || !next.image.equals(".")) {
        break;
      }
      part = lexer.getNextToken();
    }
    return new NameRead(TableNames.normalise(SchemaViews.bare(name.toString())), next);
  }
}
