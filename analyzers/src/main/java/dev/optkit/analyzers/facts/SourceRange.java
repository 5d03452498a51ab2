package dev.optkit.analyzers.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.Range;

/** A 1-based line and column range in one file. */
public record SourceRange(int line, int column, int endLine, int endColumn) implements Comparable<SourceRange> {

  public static SourceRange of(Node node) {
    Range range = node.getRange().orElse(Range.range(0, 0, 0, 0));
    return new SourceRange(range.begin.line, range.begin.column, range.end.line, range.end.column);
  }

  public boolean contains(SourceRange other) {
    return compareStart(other) <= 0 && endsAfter(other);
  }

  private int compareStart(SourceRange other) {
    return line != other.line ? Integer.compare(line, other.line) : Integer.compare(column, other.column);
  }

  private boolean endsAfter(SourceRange other) {
    return endLine != other.endLine ? endLine > other.endLine : endColumn >= other.endColumn;
  }

  @Override
  public int compareTo(SourceRange other) {
    int start = compareStart(other);
    if (start != 0) {
      return start;
    }
    return endLine != other.endLine ? Integer.compare(endLine, other.endLine) : Integer.compare(endColumn, other.endColumn);
  }
}
