package dev.optkit.rewriters.caching.text;

import java.util.Map;

/** Small helpers for writing Java source text. */
public final class JavaText {
  private static final Map<String, String> BOXES = Map.of(
      "boolean", "Boolean", "byte", "Byte", "char", "Character", "short", "Short", "int", "Integer",
      "long", "Long", "float", "Float", "double", "Double");

  private JavaText() {}

  public static boolean isPrimitive(String type) {
    return BOXES.containsKey(type);
  }

  public static String boxed(String type) {
    return BOXES.getOrDefault(type, type);
  }

  public static String capitalized(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /** A Java string literal of the text: quotes, backslashes and line breaks escaped. */
  public static String literal(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
        .replace("\t", "\\t") + "\"";
  }

  /** Where generated comments wrap: formatters (google-java-format, Spotless) keep lines within 100 columns. */
  static final int COMMENT_WIDTH = 100;

  /**
   * A {@code //} comment of one or more lines, words wrapped so no line passes {@link #COMMENT_WIDTH}
   * columns (a word longer than that keeps a line of its own), each line ending with {@code nl}.
   */
  public static String lineComment(String indent, String text, String nl) {
    StringBuilder out = new StringBuilder();
    StringBuilder line = new StringBuilder(indent).append("//");
    int columns = indent.replace("\t", "    ").length() + 2;
    int width = columns;
    for (String word : text.trim().split("\\s+")) {
      if (width > columns && width + 1 + word.length() > COMMENT_WIDTH) {
        out.append(line).append(nl);
        line = new StringBuilder(indent).append("//");
        width = columns;
      }
      line.append(' ').append(word);
      width += 1 + word.length();
    }
    return out.append(line).append(nl).toString();
  }
}
