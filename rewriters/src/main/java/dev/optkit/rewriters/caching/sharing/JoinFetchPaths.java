package dev.optkit.rewriters.caching.sharing;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.sf.jsqlparser.parser.CCJSqlParserTokenManager;
import net.sf.jsqlparser.parser.SimpleCharStream;
import net.sf.jsqlparser.parser.StringProvider;
import net.sf.jsqlparser.parser.Token;

/**
 * The association paths a JPQL query's {@code JOIN FETCH} clauses load with the rows ({@code SELECT r FROM
 * Restaurant r JOIN FETCH r.menuItems m JOIN FETCH m.dish} loads {@code menuItems} and {@code menuItems.dish}),
 * read with JSqlParser's lexer (its parser knows no JPQL fetch join): each fetched path is its alias's path plus the
 * field, from the first {@code FROM}'s alias. Empty when the query fetches nothing or the text is not read.
 */
final class JoinFetchPaths {
  private JoinFetchPaths() {}

  static Set<String> of(String jpql) {
    Set<String> paths = new TreeSet<>();
    if (jpql == null || !jpql.toLowerCase(Locale.ROOT).contains("fetch")) {
      return paths;
    }
    try {
      CCJSqlParserTokenManager lexer = new CCJSqlParserTokenManager(new SimpleCharStream(new StringProvider(jpql)));
      Map<String, String> aliasPaths = new HashMap<>(); // alias -> path from the root ("" for the root)
      Token previous = null;
      boolean fromSeen = false;
      for (Token token = lexer.getNextToken(); token.kind != 0; previous = token, token = lexer.getNextToken()) {
        String word = token.image.toUpperCase(Locale.ROOT);
        if (word.equals("FROM") && !fromSeen) {
          fromSeen = true;
          lexer.getNextToken(); // the entity
          Token alias = lexer.getNextToken();
          if (alias.image.equalsIgnoreCase("AS")) {
            alias = lexer.getNextToken();
          }
          aliasPaths.put(alias.image, "");
          token = alias;
        } else if (word.equals("FETCH") && previous != null && previous.image.equalsIgnoreCase("JOIN")) {
          Token owner = lexer.getNextToken();
          Token dot = lexer.getNextToken();
          Token field = lexer.getNextToken();
          String base = aliasPaths.get(owner.image);
          if (!dot.image.equals(".") || base == null) {
            return Set.of(); // a path optkit does not follow (TREAT, a nested path): nothing is known fetched
          }
          String path = base.isEmpty() ? field.image : base + "." + field.image;
          paths.add(path);
          Token next = lexer.getNextToken();
          if (next.image.equalsIgnoreCase("AS")) {
            next = lexer.getNextToken();
          }
          if (next.kind != 0 && Character.isJavaIdentifierStart(next.image.charAt(0)) && !KEYWORDS.contains(
              next.image.toUpperCase(Locale.ROOT))) {
            aliasPaths.put(next.image, path);
          }
          token = next;
        }
      }
    } catch (RuntimeException | Error unread) {
      return Set.of();
    }
    return paths;
  }

  /** Words that may follow a fetch join's path where an alias would stand. */
  private static final Set<String> KEYWORDS = Set.of("WHERE", "JOIN", "LEFT", "INNER", "OUTER", "ORDER", "GROUP",
      "HAVING", "ON", "WITH", "AND", "OR", "UNION", "FETCH");
}
