package dev.optkit.analyzers.facts;

import com.github.javaparser.ast.Node;

/** The original text of a file, for snippets that show code as its authors wrote it. */
public final class SourceText {
  private static final int MAX_SNIPPET = 240;
  private final String[] lines;
  private final boolean mentionsOptkit;

  public SourceText(String content) {
    this.lines = content.split("\r\n|\r|\n", -1);
    this.mentionsOptkit = content.contains("optkit:");
  }

  /** Whether the text holds a suppression at all ({@code optkit:} in an annotation or a comment). */
  public boolean mentionsOptkit() {
    return mentionsOptkit;
  }

  public int lineCount() {
    return lines.length;
  }

  /** The node's text with whitespace runs collapsed, cut at a readable length. */
  public String snippet(Node node) {
    return snippet(SourceRange.of(node));
  }

  public String snippet(SourceRange range) {
    if (range.line() < 1 || range.line() > lines.length) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    int last = Math.min(range.endLine(), lines.length);
    for (int line = range.line(); line <= last && text.length() < MAX_SNIPPET * 2; line++) {
      String content = lines[line - 1];
      int from = line == range.line() ? Math.min(Math.max(range.column() - 1, 0), content.length()) : 0;
      int to = line == range.endLine() ? Math.min(Math.max(range.endColumn(), from), content.length()) : content.length();
      text.append(content, from, to).append(' ');
    }
    String collapsed = text.toString().replaceAll("\\s+", " ").trim();
    return collapsed.length() <= MAX_SNIPPET ? collapsed : collapsed.substring(0, MAX_SNIPPET - 3) + "...";
  }

  /** The first line of a node, for loop headers and method signatures. */
  public String firstLine(Node node) {
    SourceRange range = SourceRange.of(node);
    return snippet(new SourceRange(range.line(), range.column(), range.line(), Integer.MAX_VALUE));
  }

  public String line(int number) {
    return number >= 1 && number <= lines.length ? lines[number - 1] : "";
  }
}
