package dev.optkit.analyzers.parse;

import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import java.util.Arrays;
import java.util.Comparator;

/** The language levels optkit parses at: the newest JavaParser knows, then older ones for legacy code. */
public final class LanguageLevels {
  private LanguageLevels() {}

  /** The newest non-preview level of the JavaParser on the classpath. */
  public static LanguageLevel newest() {
    return Arrays.stream(LanguageLevel.values())
        .filter(level -> level.name().matches("JAVA_\\d+"))
        .max(Comparator.comparingInt(level -> Integer.parseInt(level.name().substring("JAVA_".length()))))
        .orElse(LanguageLevel.CURRENT);
  }

  /**
   * The level to retry at when the newest rejects a file: Java 8 accepts identifiers that later
   * versions reserved ({@code _}, {@code var}-free code using {@code enum}-era names, {@code yield}).
   */
  public static LanguageLevel legacy() {
    return LanguageLevel.JAVA_8;
  }

  /**
   * Parses text at the newest level, then the legacy one; empty when neither accepts it. The tree
   * has positions and comments, for edits, but no tokens: see {@link #withoutTokens}. (No line
   * separator detection either: it looks every character up in a table, for printing trees back,
   * which optkit never does: edits are text.)
   */
  public static java.util.Optional<CompilationUnit> parse(String text) {
    for (LanguageLevel level : new LanguageLevel[] {newest(), legacy()}) {
      var result = new com.github.javaparser.JavaParser(new com.github.javaparser.ParserConfiguration().setLanguageLevel(level)
          .setDetectOriginalLineSeparator(false)).parse(text);
      if (result.isSuccessful()) {
        return result.getResult().map(LanguageLevels::withoutTokens);
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * Lets a tree's tokens go and keeps its nodes' positions. JavaParser makes a token of every
   * character of indentation and keeps them all, linked, for as long as any node lives: a generated
   * 1 MB file's tree held 110 MB with them and holds 41 MB without (after System.gc()), and migrate's
   * planner keeps the tree of each file it edits while it plans, a third of assess's heap for a 4 MB
   * file. Nothing optkit does with these trees reads tokens: edits are offsets into the text, from
   * the nodes' ranges.
   */
  static CompilationUnit withoutTokens(CompilationUnit unit) {
    java.util.ArrayDeque<Node> pending = new java.util.ArrayDeque<>();
    pending.push(unit);
    while (!pending.isEmpty()) {
      Node node = pending.pop();
      Range range = node.getRange().orElse(null);
      node.setTokenRange(null); // which forgets the range as well
      node.setRange(range);
      node.getComment().ifPresent(pending::push);
      node.getOrphanComments().forEach(pending::push);
      node.getChildNodes().forEach(pending::push);
    }
    return unit;
  }

  /**
   * Whether {@link #parse} would accept the text, without building what only edits need: no tokens
   * kept (so no positions) and no comments attributed to nodes. For checking a rewritten file:
   * JavaParser's comment attribution compares every comment with every member of its class, which
   * is quadratic in a generated class that gets a commented cache per method, and the tokens of a
   * rewritten 4 MB file (one object per character of indentation) did not fit in assess's heap.
   */
  public static boolean parses(String text) {
    for (LanguageLevel level : new LanguageLevel[] {newest(), legacy()}) {
      var configuration = new com.github.javaparser.ParserConfiguration().setLanguageLevel(level)
          .setStoreTokens(false).setAttributeComments(false).setDetectOriginalLineSeparator(false);
      if (new com.github.javaparser.JavaParser(configuration).parse(text).isSuccessful()) {
        return true;
      }
    }
    return false;
  }
}
