package dev.optkit.rewriters.caching.writers;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import dev.optkit.rewriters.edit.SourceDocument;
import dev.optkit.rewriters.edit.TextEdit;
import java.util.List;
import java.util.Optional;

/**
 * A writer that evicts caches of the project's own ({@code @CacheEvict(value = "products", key = "#id")} on
 * ravan-chuang's {@code updateProduct}) gets optkit's evictions beside them: {@code @CacheEvict} is not repeatable,
 * so a lone one becomes {@code @Caching(evict = {theirs, ours...})}, and an existing {@code @Caching} gets ours
 * appended to its {@code evict} array. Their annotations keep their text, attributes and cache manager; each of
 * ours names its own.
 */
public final class ExistingEvictions {
  private ExistingEvictions() {}

  /** The edit that adds {@code evicts} to the writer's own cache annotations, or empty when it has none. */
  public static Optional<TextEdit> merge(SourceDocument document, MethodDeclaration writer, List<String> evicts,
      String indent, String cachingReference) {
    String separator = "," + document.lineSeparator() + indent + document.indentUnit();
    Optional<AnnotationExpr> caching = annotation(writer, "Caching");
    if (caching.isPresent()) {
      return Optional.of(intoCaching(document, caching.get(), evicts, separator));
    }
    Optional<AnnotationExpr> evict = annotation(writer, "CacheEvict");
    if (evict.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(replace(document, evict.get(), "@" + cachingReference + "(evict = {" + separator.substring(1)
        + text(document, evict.get()) + separator + String.join(separator, evicts) + "})"));
  }

  private static TextEdit intoCaching(SourceDocument document, AnnotationExpr caching, List<String> evicts,
      String separator) {
    String ours = String.join(separator, evicts);
    if (!(caching instanceof NormalAnnotationExpr normal) || normal.getPairs().isEmpty()) {
      return replace(document, caching, "@" + caching.getNameAsString() + "(evict = {" + separator.substring(1)
          + ours + "})");
    }
    for (MemberValuePair pair : normal.getPairs()) {
      if (!pair.getNameAsString().equals("evict")) {
        continue;
      }
      Expression value = pair.getValue();
      if (value instanceof ArrayInitializerExpr array) {
        int closing = end(document, array) - 1; // the '}'
        return TextEdit.insert(closing, (array.getValues().isEmpty() ? separator.substring(1) : separator) + ours);
      }
      return replace(document, value, "{" + separator.substring(1) + text(document, value) + separator + ours + "}");
    }
    MemberValuePair first = normal.getPairs().get(0);
    return TextEdit.insert(start(document, first), "evict = {" + separator.substring(1) + ours + "}," + " ");
  }

  private static Optional<AnnotationExpr> annotation(MethodDeclaration method, String simpleName) {
    return method.getAnnotations().stream().filter(a -> a.getName().getIdentifier().equals(simpleName)).findFirst();
  }

  private static TextEdit replace(SourceDocument document, com.github.javaparser.ast.Node node, String text) {
    return new TextEdit(start(document, node), end(document, node), text);
  }

  private static String text(SourceDocument document, com.github.javaparser.ast.Node node) {
    return document.text().substring(start(document, node), end(document, node));
  }

  private static int start(SourceDocument document, com.github.javaparser.ast.Node node) {
    var begin = node.getBegin().orElseThrow();
    return document.offset(begin.line, begin.column);
  }

  /** Just after the node's last character. */
  private static int end(SourceDocument document, com.github.javaparser.ast.Node node) {
    var last = node.getEnd().orElseThrow();
    return document.offset(last.line, last.column) + 1;
  }
}
