package dev.optkit.analyzers.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import net.sf.jsqlparser.parser.CCJSqlParserTokenManager;
import net.sf.jsqlparser.parser.SimpleCharStream;
import net.sf.jsqlparser.parser.StringProvider;
import net.sf.jsqlparser.parser.Token;

/**
 * The tables the project's SQL scripts put triggers on. A write to such a table also writes what
 * the trigger's body writes, which may be any table (a procedure, a Java class, vendor code), so
 * such a write counts as one to data optkit cannot name. JSqlParser parses no {@code CREATE
 * TRIGGER}, so the scripts are read with its lexer: after {@code CREATE ... TRIGGER}, the name
 * following the first {@code ON} is the table (every dialect names it that way; comments and
 * string literals are tokens of their own, never read as words). A script that mentions triggers
 * but cannot be lexed makes every table count as triggered.
 */
public final class SchemaTriggers {
  private static final long MAX_SCRIPT_BYTES = 2L * 1024 * 1024;

  private final Set<String> tables;
  private final boolean everyTable;

  private SchemaTriggers(Set<String> tables, boolean everyTable) {
    this.tables = Set.copyOf(tables);
    this.everyTable = everyTable;
  }

  public static SchemaTriggers none() {
    return new SchemaTriggers(Set.of(), false);
  }

  public static SchemaTriggers read(List<Path> scripts) {
    Set<String> tables = new TreeSet<>();
    boolean everyTable = false;
    for (Path script : scripts) {
      String text;
      try {
        if (Files.size(script) > MAX_SCRIPT_BYTES) {
          continue;
        }
        text = Files.readString(script, StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        continue;
      }
      if (!text.toLowerCase(Locale.ROOT).contains("trigger")) {
        continue;
      }
      try {
        tables.addAll(triggeredTables(text));
      } catch (RuntimeException | Error e) { // the lexer's TokenMgrError is an Error
        everyTable = true;
      }
    }
    return new SchemaTriggers(tables, everyTable);
  }

  /** Whether a write to this table (a normalised name) may run a trigger. */
  public boolean fires(String table) {
    return everyTable || tables.contains(table);
  }

  /** {@code schema.table}, {@code "quoted"}, {@code `quoted`} or {@code [bracketed]} parts, read up to what follows. */
  private static String qualifiedName(CCJSqlParserTokenManager lexer) {
    StringBuilder name = new StringBuilder();
    Token next;
    do {
      Token part = lexer.getNextToken();
      if (part.image.equals("[")) {
        part = lexer.getNextToken();
        lexer.getNextToken(); // ]
      }
      name.append(name.length() == 0 ? "" : ".").append(part.image);
      next = lexer.getNextToken();
    } while (next.kind != 0 && next.image.equals("."));
    return name.toString();
  }

  private static Set<String> triggeredTables(String script) {
    Set<String> found = new TreeSet<>();
    CCJSqlParserTokenManager lexer = new CCJSqlParserTokenManager(new SimpleCharStream(new StringProvider(script)));
    boolean creating = false;
    boolean trigger = false;
    for (Token token = lexer.getNextToken(); token.kind != 0; token = lexer.getNextToken()) {
      String word = token.image.toUpperCase(Locale.ROOT);
      if (word.equals(";")) {
        creating = false;
        trigger = false;
      } else if (word.equals("CREATE")) {
        creating = true;
      } else if (creating && word.equals("TRIGGER")) {
        trigger = true;
      } else if (trigger && word.equals("ON")) {
        found.add(DataFootprint.normalise(SchemaViews.bare(qualifiedName(lexer))));
        creating = false;
        trigger = false;
      }
    }
    return found;
  }
}
