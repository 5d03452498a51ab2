package dev.optkit.rewriters.loops;

import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.Expression;
import java.util.ArrayList;
import java.util.List;

/** Names the loop views give an element: free in the method, an identifier, and where it must, short enough. */
final class ElementNames {
  private ElementNames() {}

  /**
   * A name for the element that no name of the method uses, short enough that it and a marker fit in
   * the shortest element read it replaces.
   */
  static String forReads(CallableDeclaration<?> method, String collection, List<Expression> reads) {
    java.util.Set<String> used = new java.util.HashSet<>();
    method.findAll(com.github.javaparser.ast.expr.SimpleName.class).forEach(n -> used.add(n.getIdentifier()));
    List<String> wanted = new ArrayList<>();
    if (collection.length() > 1 && collection.endsWith("s") && !collection.endsWith("ss")) {
      wanted.add(collection.substring(0, collection.length() - 1));
    }
    wanted.addAll(List.of("item", "each", "elem", "el", "e", "x"));
    for (String name : wanted) {
      boolean fits = reads.stream().allMatch(r -> fits(r, name));
      if (!used.contains(name) && fits && isIdentifier(name)) {
        return name;
      }
    }
    return null;
  }

  private static boolean fits(Expression read, String name) {
    int length = read.getEnd().get().column - read.getBegin().get().column + 1;
    int gap = length - name.length();
    return read.getBegin().get().line == read.getEnd().get().line
        && (gap == 0 || gap >= ForEachEquivalent.MARK_OPEN.length() + ForEachEquivalent.MARK_CLOSE.length());
  }

  /** A name Java takes for a local: an identifier that is no keyword. */
  static boolean isIdentifier(String name) {
    return javax.lang.model.SourceVersion.isIdentifier(name) && !javax.lang.model.SourceVersion.isKeyword(name);
  }
}
