package dev.optkit.analyzers.index;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.CCJSqlParserTokenManager;
import net.sf.jsqlparser.parser.SimpleCharStream;
import net.sf.jsqlparser.parser.StringProvider;
import net.sf.jsqlparser.parser.Token;

/**
 * JPQL lets an entity's identification variable be a word SQL reserves ({@code SELECT order.ownerId FROM Order
 * order WHERE order.id = :id}), which JSqlParser cannot parse. The variable names no table, so the query names the
 * same tables with it renamed: each word declared so right after an entity in a {@code FROM} or {@code JOIN}
 * clause, and its uses (a word followed by {@code .}, or standing alone but not before {@code BY}), become
 * {@code word_alias}. JPQL's fetch joins ({@code LEFT JOIN FETCH m.roles}) read the tables the plain join reads: the
 * {@code FETCH} is dropped. Read with JSqlParser's lexer: words inside string literals are never touched.
 */
final class JpqlKeywordAliases {
  private JpqlKeywordAliases() {}

  /**
   * The statements of a text, parsed again with its keyword aliases renamed when that is what failed: the reader's
   * own, to change as it needs.
   */
  static net.sf.jsqlparser.statement.Statements parse(String sql) throws Exception {
    return parse(sql, false);
  }

  /** As {@link #parse}, shared with every reader of the text ({@code SqlParsing.sharedStatements}): never changed. */
  static net.sf.jsqlparser.statement.Statements parseShared(String sql) throws Exception {
    return parse(sql, true);
  }

  private static net.sf.jsqlparser.statement.Statements parse(String sql, boolean shared) throws Exception {
    try {
      return shared ? dev.optkit.analyzers.facts.sites.SqlParsing.sharedStatements(sql)
          : dev.optkit.analyzers.facts.sites.SqlParsing.parseStatements(sql);
    } catch (Exception e) {
      String renamed = renamed(sql);
      if (renamed == null) {
        throw e;
      }
      return shared ? dev.optkit.analyzers.facts.sites.SqlParsing.sharedStatements(renamed)
          : dev.optkit.analyzers.facts.sites.SqlParsing.parseStatements(renamed);
    }
  }

  /** The text with keyword aliases renamed, or null when it declares none (nothing to retry). */
  static String renamed(String written) {
    String text = written.replace('\t', ' '); // the lexer counts a tab as several columns; a space is one
    List<Token> tokens = new ArrayList<>();
    try {
      CCJSqlParserTokenManager lexer = new CCJSqlParserTokenManager(new SimpleCharStream(new StringProvider(text)));
      for (Token token = lexer.getNextToken(); token.kind != 0 && tokens.size() < 5_000; token = lexer.getNextToken()) {
        tokens.add(token);
      }
    } catch (RuntimeException | Error e) {
      return null;
    }
    Set<String> aliases = new HashSet<>();
    Set<Integer> entities = new HashSet<>(); // FROM Order order: the entity's name is no use of its variable
    for (int i = 0; i + 2 < tokens.size(); i++) {
      String word = tokens.get(i).image.toUpperCase(Locale.ROOT);
      if (!word.equals("FROM") && !word.equals("JOIN")) {
        continue;
      }
      int at = i + 1;
      while (at + 2 < tokens.size() && tokens.get(at + 1).image.equals(".")) {
        at += 2; // a dotted path (o.items) or a qualified entity name
      }
      for (int named = i + 1; named <= at; named++) {
        entities.add(named);
      }
      int alias = at + 1;
      if (alias < tokens.size() && tokens.get(alias).image.equalsIgnoreCase("AS")) {
        alias++;
      }
      if (alias < tokens.size() && keyword(tokens.get(alias))) {
        aliases.add(tokens.get(alias).image.toUpperCase(Locale.ROOT));
      }
    }
    boolean fetchJoins = false;
    for (int i = 1; i < tokens.size(); i++) {
      fetchJoins |= fetchAfterJoin(tokens, i);
    }
    if (aliases.isEmpty() && !fetchJoins) {
      return null;
    }
    String[] lines = text.split("\n", -1);
    int[] lineStart = new int[lines.length + 1];
    for (int line = 0; line < lines.length; line++) {
      lineStart[line + 1] = lineStart[line] + lines[line].length() + 1;
    }
    StringBuilder out = new StringBuilder(text);
    for (int i = tokens.size() - 1; i >= 0; i--) { // from the end, so earlier offsets hold
      Token token = tokens.get(i);
      String next = i + 1 < tokens.size() ? tokens.get(i + 1).image.toUpperCase(Locale.ROOT) : "";
      if (aliases.contains(token.image.toUpperCase(Locale.ROOT)) && !next.equals("BY") && !entities.contains(i)
          && token.beginLine >= 1
          && token.beginLine <= lines.length) {
        int end = lineStart[token.beginLine - 1] + token.endColumn;
        if (end <= out.length()) {
          out.insert(end, "_alias");
        }
      } else if (fetchAfterJoin(tokens, i) && token.beginLine >= 1 && token.beginLine <= lines.length) {
        // JOIN FETCH o.items: the same tables as JOIN o.items, loaded at once; SQL has no such join
        int start = lineStart[token.beginLine - 1] + token.beginColumn - 1;
        int end = lineStart[token.beginLine - 1] + token.endColumn;
        if (start >= 0 && end <= out.length()) {
          out.delete(start, end);
        }
      }
    }
    return out.toString();
  }

  /** Whether the text has a JPQL fetch join ({@code JOIN FETCH}), read with the lexer. */
  static boolean hasFetchJoin(String text) {
    if (!text.toUpperCase(Locale.ROOT).contains("FETCH")) {
      return false;
    }
    List<Token> tokens = new ArrayList<>();
    try {
      CCJSqlParserTokenManager lexer = new CCJSqlParserTokenManager(new SimpleCharStream(new StringProvider(
          text.replace('\t', ' '))));
      for (Token token = lexer.getNextToken(); token.kind != 0 && tokens.size() < 5_000; token = lexer.getNextToken()) {
        tokens.add(token);
      }
    } catch (RuntimeException | Error e) {
      return true; // unreadable: counted, so the caller stays careful
    }
    for (int i = 1; i < tokens.size(); i++) {
      if (fetchAfterJoin(tokens, i)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the token at i is JPQL's FETCH right after JOIN ({@code LEFT JOIN FETCH m.roles}). */
  private static boolean fetchAfterJoin(List<Token> tokens, int i) {
    return i > 0 && tokens.get(i).image.equalsIgnoreCase("FETCH") && tokens.get(i - 1).image.equalsIgnoreCase("JOIN");
  }

  /** A word the lexer reads as one of SQL's, not as a name. */
  private static boolean keyword(Token token) {
    return token.kind != CCJSqlParserConstants.S_IDENTIFIER && !token.image.isEmpty()
        && Character.isLetter(token.image.charAt(0)) && token.image.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
  }
}
