package dev.optkit.analyzers.savings;

import dev.optkit.analyzers.index.IndexedMethod;
import java.util.List;
import java.util.Optional;

/**
 * The innermost method of a class holding each line of one file, worked out once for every line the
 * class's methods span: per line, the method starting last among those whose lines hold it, the
 * first in index order among those starting on the same line. Linear in the lines spanned (times
 * the nesting depth of methods in local classes), where looking through every method of the class
 * per finding was quadratic in a generated class of thousands of methods.
 */
final class InnermostMethods {
  private static final InnermostMethods NONE = new InnermostMethods(0, new IndexedMethod[0]);

  private final int firstLine;
  private final IndexedMethod[] byLine;

  private InnermostMethods(int firstLine, IndexedMethod[] byLine) {
    this.firstLine = firstLine;
    this.byLine = byLine;
  }

  /** @param methods a class's methods, in index order; those of other files are left out */
  static InnermostMethods of(List<IndexedMethod> methods, String path) {
    int first = Integer.MAX_VALUE;
    int last = Integer.MIN_VALUE;
    for (IndexedMethod method : methods) {
      if (method.path().equals(path) && method.fact().range().line() <= method.fact().range().endLine()) {
        first = Math.min(first, method.fact().range().line());
        last = Math.max(last, method.fact().range().endLine());
      }
    }
    if (first > last) {
      return NONE;
    }
    IndexedMethod[] byLine = new IndexedMethod[last - first + 1];
    for (IndexedMethod method : methods) {
      if (!method.path().equals(path)) {
        continue;
      }
      int begin = method.fact().range().line();
      for (int line = begin; line <= method.fact().range().endLine(); line++) {
        IndexedMethod best = byLine[line - first];
        if (best == null || begin > best.fact().range().line()) {
          byLine[line - first] = method;
        }
      }
    }
    return new InnermostMethods(first, byLine);
  }

  Optional<IndexedMethod> at(int line) {
    int at = line - firstLine;
    return at < 0 || at >= byLine.length ? Optional.empty() : Optional.ofNullable(byLine[at]);
  }
}
