package dev.optkit.analyzers.facts.extract;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import dev.optkit.analyzers.facts.FileFacts;
import dev.optkit.analyzers.facts.SourceRange;
import dev.optkit.analyzers.facts.SourceText;
import dev.optkit.analyzers.facts.types.AnnotationValues;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The findings a file silences: {@code @SuppressWarnings("optkit:...")} and {@code // optkit:ignore} comments. */
final class FileSuppressions {
  private static final Pattern IGNORE_COMMENT = Pattern.compile("//\\s*optkit:ignore\\s+([\\w*-]+)\\s*(.*)$");

  private FileSuppressions() {}

  static List<FileFacts.Suppression> of(CompilationUnit unit, SourceText text, AnnotationValues annotations) {
    if (!text.mentionsOptkit()) {
      return List.of(); // no walk over the tree for what the text does not hold
    }
    List<FileFacts.Suppression> result = new ArrayList<>();
    for (Node node : unit.findAll(Node.class, n -> n instanceof NodeWithAnnotations<?>)) {
      for (AnnotationExpr annotation : ((NodeWithAnnotations<?>) node).getAnnotations()) {
        if (!annotation.getNameAsString().endsWith("SuppressWarnings")) {
          continue;
        }
        for (String value : annotations.annotationStrings(annotation, "value")) {
          if (value.startsWith("optkit:")) {
            result.add(new FileFacts.Suppression(value.substring("optkit:".length()), SourceRange.of(node), "@SuppressWarnings"));
          }
        }
      }
    }
    for (int line = 1; line <= text.lineCount(); line++) {
      String content = text.line(line);
      if (!content.contains("optkit:ignore")) {
        continue;
      }
      Matcher matcher = IGNORE_COMMENT.matcher(content);
      if (matcher.find()) {
        result.add(new FileFacts.Suppression(matcher.group(1), new SourceRange(line, 1, line, content.length()),
            matcher.group(2).trim()));
      }
    }
    return List.copyOf(result);
  }
}
