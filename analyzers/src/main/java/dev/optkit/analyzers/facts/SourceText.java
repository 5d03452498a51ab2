package dev.optkit.analyzers.facts;

import com.github.javaparser.ast.Node;

/** The original text of a file, for snippets that show code as its authors wrote it. */
public final class SourceText {
  private static final int MAX_SNIPPET = 240;
  private final String content;
  /** Where each line starts, and one past the end of the text; a line break is \r\n, \r or \n. */
  private final int[] starts;
  private final int lineCount;
  private final boolean mentionsOptkit;

  public SourceText(String content) {
    this.content = content;
    int[] found = new int[64];
    int count = 1;
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < content.length() && content.charAt(i + 1) == '\n') {
          i++;
        }
        if (count == found.length) {
          found = java.util.Arrays.copyOf(found, count * 2);
        }
        found[count++] = i + 1;
      }
    }
    this.lineCount = count;
    this.starts = java.util.Arrays.copyOf(found, count);
    this.mentionsOptkit = content.contains("optkit:");
  }

  /** Whether the text holds a suppression at all ({@code optkit:} in an annotation or a comment). */
  public boolean mentionsOptkit() {
    return mentionsOptkit;
  }

  public int lineCount() {
    return lineCount;
  }

  /** The node's text with whitespace runs collapsed, cut at a readable length. */
  public String snippet(Node node) {
    return snippet(SourceRange.of(node));
  }

  public String snippet(SourceRange range) {
    if (range.line() < 1 || range.line() > lineCount) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    int last = Math.min(range.endLine(), lineCount);
    boolean space = true; // whitespace runs collapse to one space, none leads
    int raw = 0; // characters read, before collapsing: the cut-off counts these
    for (int line = range.line(); line <= last && raw < MAX_SNIPPET * 2; line++) {
      String content = line(line);
      int from = line == range.line() ? Math.min(Math.max(range.column() - 1, 0), content.length()) : 0;
      int to = line == range.endLine() ? Math.min(Math.max(range.endColumn(), from), content.length()) : content.length();
      raw += to - from + 1;
      for (int i = from; i <= to; i++) {
        char c = i < to ? content.charAt(i) : ' '; // the line break between lines is a space
        if (isSpace(c)) {
          if (!space) {
            text.append(' ');
            space = true;
          }
        } else {
          text.append(c);
          space = false;
        }
      }
    }
    String collapsed = text.toString().trim();
    return collapsed.length() <= MAX_SNIPPET ? collapsed : collapsed.substring(0, MAX_SNIPPET - 3) + "...";
  }

  /** The first line of a node, for loop headers and method signatures. */
  public String firstLine(Node node) {
    SourceRange range = SourceRange.of(node);
    return snippet(new SourceRange(range.line(), range.column(), range.line(), Integer.MAX_VALUE));
  }

  public String line(int number) {
    if (number < 1 || number > lineCount) {
      return "";
    }
    int start = starts[number - 1];
    int end = number < lineCount ? starts[number] : content.length();
    if (number < lineCount && end > start && content.charAt(end - 1) == '\n') {
      end--;
    }
    if (number < lineCount && end > start && content.charAt(end - 1) == '\r') {
      end--;
    }
    return content.substring(start, end);
  }

  /** The characters {@code \\s} matches: snippets collapse exactly these. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }
}
