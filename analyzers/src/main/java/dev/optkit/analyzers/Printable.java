package dev.optkit.analyzers;

/**
 * Text from the scanned code, the project's files or optkit's state, as a terminal, a Markdown
 * comment or an HTML page may show it: every control character (C0 but tab, DEL, C1), bidirectional
 * and other format character (U+202E, U+2066..U+2069, zero-width marks, Unicode category Cf), line
 * and paragraph separator (U+2028, U+2029) and lone surrogate becomes its Java escape, visible as
 * text: ESC is <code>&#92;u001b</code>, a line feed inside a field <code>&#92;u000a</code>, U+202E
 * <code>&#92;u202e</code>; a character above U+FFFF is its two UTF-16 escapes, as in Java source.
 * A backslash is kept as it is. A file name or an SQL literal can then neither send a terminal
 * control sequence, nor forge a line of a CI log or a pull-request comment, nor reorder what is
 * shown. The one sanitizer of every human-facing format (docs/cli.md#what-is-escaped); the HTML
 * and Markdown writers escape their own syntax after it. JSON and SARIF escape through Jackson.
 */
public final class Printable {
  private Printable() {}

  /** One field (a path, a method, a message, a line of code): every unsafe character escaped; null is "". */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    if (text.codePoints().noneMatch(Printable::unsafe)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints().forEach(c -> {
      if (unsafe(c)) {
        for (char unit : Character.toChars(c)) {
          out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) unit));
        }
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }

  /**
   * Text of several lines (a diff, a build's output): each line escaped as a field, its line breaks
   * ({@code \n} or {@code \r\n}) kept; a carriage return alone is escaped.
   */
  public static String escapeLines(String text) {
    if (text == null) {
      return "";
    }
    String[] lines = text.split("\n", -1);
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      boolean crlf = i < lines.length - 1 && line.endsWith("\r");
      out.append(escape(crlf ? line.substring(0, line.length() - 1) : line)).append(crlf ? "\r" : "");
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  /** Whether a character is escaped: it controls a terminal, breaks a line or changes the order text is shown in. */
  public static boolean unsafe(int c) {
    if (c == '\t') {
      return false;
    }
    int type = Character.getType(c);
    return Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
  }
}
