package dev.optkit.rewriters.edit;

import dev.optkit.analyzers.io.Decoded;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A source file as text, with what a format-preserving edit must keep: its charset, its line
 * separator and its indentation unit. Edits are narrow text replacements at positions taken from
 * the syntax tree, so everything they do not touch comes back byte for byte.
 */
public final class SourceDocument {
  private final String text;
  private final Charset charset;
  private final String lineSeparator;
  private final String indentUnit;
  private final int[] lineStarts;

  private SourceDocument(String text, Charset charset) {
    this.text = text;
    this.charset = charset;
    this.lineSeparator = text.contains("\r\n") ? "\r\n" : text.contains("\r") && !text.contains("\n") ? "\r" : "\n";
    this.indentUnit = detectIndent(text);
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
        starts.add(i + 1);
      }
    }
    this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  public static SourceDocument decode(byte[] bytes) {
    Decoded decoded = Decoded.of(bytes);
    return new SourceDocument(decoded.text(), decoded.charset());
  }

  public static SourceDocument of(String text) {
    return new SourceDocument(text, StandardCharsets.UTF_8);
  }

  private static String detectIndent(String text) {
    int tabs = 0;
    int[] spaces = new int[9];
    for (String line : text.split("\r\n|\r|\n")) {
      if (line.startsWith("\t")) {
        tabs++;
      } else if (line.startsWith(" ")) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
          n++;
        }
        if (n > 0 && n <= 8 && !line.trim().startsWith("*")) {
          spaces[n]++;
        }
      }
    }
    int spaced = 0;
    for (int n : spaces) {
      spaced += n;
    }
    if (tabs > spaced) {
      return "\t";
    }
    // the smallest indentation used often is the unit (2 or 4 spaces as a rule)
    for (int n = 1; n <= 8; n++) {
      if (spaces[n] > 0 && spaces[n] * 10 >= spaced) {
        return " ".repeat(n);
      }
    }
    return "    ";
  }

  public String text() {
    return text;
  }

  public Charset charset() {
    return charset;
  }

  public String lineSeparator() {
    return lineSeparator;
  }

  public String indentUnit() {
    return indentUnit;
  }

  public byte[] encode(String content) {
    return content.getBytes(charset);
  }

  /** Offset of a 1-based line and column as JavaParser reports them (tabs count as one column here). */
  public int offset(int line, int column) {
    return lineStarts[line - 1] + column - 1;
  }

  public int lineStart(int line) {
    return lineStarts[line - 1];
  }

  /** The 1-based line an offset stands on. */
  public int lineOf(int offset) {
    int found = java.util.Arrays.binarySearch(lineStarts, offset);
    return found >= 0 ? found + 1 : -found - 1;
  }

  /** The offset just after a line's line break (or the end of the text on the last line). */
  public int lineEnd(int line) {
    int end = lineStarts[line - 1];
    while (end < text.length() && text.charAt(end) != '\n') {
      end++;
    }
    return Math.min(end + 1, text.length());
  }

  /** The whitespace at the start of a line. */
  public String indentationOf(int line) {
    int start = lineStarts[line - 1];
    int end = start;
    while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
      end++;
    }
    return text.substring(start, end);
  }

  public String apply(List<TextEdit> edits) {
    List<TextEdit> ordered = new ArrayList<>(edits);
    ordered.sort(Comparator.comparingInt(TextEdit::start).thenComparingInt(TextEdit::end));
    StringBuilder out = new StringBuilder(text.length() + 1024);
    int position = 0;
    for (TextEdit edit : ordered) {
      if (edit.start() < position) {
        throw new IllegalStateException("overlapping edits at offset " + edit.start());
      }
      out.append(text, position, edit.start()).append(edit.replacement());
      position = edit.end();
    }
    return out.append(text.substring(position)).toString();
  }
}
