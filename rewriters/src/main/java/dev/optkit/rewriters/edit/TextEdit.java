package dev.optkit.rewriters.edit;

/** Replace the characters in [start, end) of a document with {@code replacement}. */
public record TextEdit(int start, int end, String replacement) {
  public TextEdit {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad edit range " + start + ".." + end);
    }
  }

  public static TextEdit insert(int offset, String text) {
    return new TextEdit(offset, offset, text);
  }
}
