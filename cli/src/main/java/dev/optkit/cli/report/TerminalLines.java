package dev.optkit.cli.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Text laid out for a terminal {@link #WIDTH} columns wide: prose wrapped at spaces (a word wider than a line is cut),
 * each piece keeping its colour on every line it spans; a line of code cut with "..." instead. A new user's report had
 * lines of up to 622 characters (a multi-module project's paths, a finding's message and its savings basis).
 * Columns are counted in code points of text already escaped for the terminal ({@code Printable}), colours not counted.
 */
final class TerminalLines {
  static final int WIDTH = 100;
  private static final String RESET = "\u001b[0m";

  /** Text in one colour; {@code colour} null for none. */
  record Piece(String colour, String text) {}

  private record Word(String colour, String text, int gap) {}

  private final boolean color;

  TerminalLines(boolean color) {
    this.color = color;
  }

  static Piece plain(String text) {
    return new Piece(null, text);
  }

  static Piece painted(String colour, String text) {
    return new Piece(colour, text);
  }

  /**
   * The pieces as lines of at most {@link #WIDTH} columns, each ended by a line break: the first begun with
   * {@code first}, the others with {@code rest} (plain indentation). Spaces inside a piece join its words with one;
   * the spaces a piece begins with are kept between it and the piece before, on one line.
   */
  String wrap(String first, String rest, Piece... pieces) {
    List<Word> words = new ArrayList<>();
    for (Piece piece : pieces) {
      String text = piece.text();
      int leading = 0;
      while (leading < text.length() && text.charAt(leading) == ' ') {
        leading++;
      }
      boolean firstOfPiece = true;
      for (String word : text.strip().split(" +")) {
        if (!word.isEmpty()) {
          words.add(new Word(piece.colour(), word, firstOfPiece ? leading : 1));
          firstOfPiece = false;
        }
      }
    }
    StringBuilder out = new StringBuilder();
    List<Word> line = new ArrayList<>();
    String indent = first;
    int used = columns(first);
    for (Word word : words) {
      int gap = line.isEmpty() ? 0 : Math.max(1, word.gap());
      if (!line.isEmpty() && used + gap + columns(word.text()) > WIDTH) {
        out.append(render(indent, line)).append('\n');
        line.clear();
        indent = rest;
        used = columns(rest);
        gap = 0;
      }
      String text = word.text();
      int room = Math.max(1, WIDTH - columns(indent));
      while (line.isEmpty() && columns(text) > room) { // one word wider than a line: cut it where the line ends
        int cut = cutAt(text, room);
        out.append(render(indent, List.of(new Word(word.colour(), text.substring(0, cut), 0)))).append('\n');
        text = text.substring(cut);
        indent = rest;
        room = Math.max(1, WIDTH - columns(indent));
      }
      line.add(new Word(word.colour(), text, gap));
      used = (line.size() == 1 ? columns(indent) : used + gap) + columns(text);
    }
    if (!line.isEmpty() || out.length() == 0) {
      out.append(render(indent, line)).append('\n');
    }
    return out.toString();
  }

  /**
   * Where to cut a word wider than {@code room} columns: after its last '/' (a path's folder) or else '.' (a qualified
   * name) that leaves at least a third of the line filled, else at the line's end.
   */
  private static int cutAt(String text, int room) {
    int end = text.offsetByCodePoints(0, room);
    for (char separator : new char[] {'/', '.'}) {
      int at = text.lastIndexOf(separator, end - 1);
      if (at >= 0 && columns(text.substring(0, at + 1)) >= room / 3) {
        return at + 1;
      }
    }
    return end;
  }

  /** A line of code after {@code prefix}, cut to the width with "..." where it is longer. */
  String cut(String prefix, String colour, String text) {
    int room = WIDTH - columns(prefix);
    String shown = columns(text) <= room ? text : text.substring(0, text.offsetByCodePoints(0, room - 3)) + "...";
    return prefix + paint(colour, shown) + "\n";
  }

  private String render(String indent, List<Word> words) {
    StringBuilder line = new StringBuilder(indent);
    int i = 0;
    while (i < words.size()) {
      String colour = words.get(i).colour();
      StringBuilder run = new StringBuilder();
      int j = i;
      while (j < words.size() && java.util.Objects.equals(words.get(j).colour(), colour)) {
        if (j > i) {
          run.append(" ".repeat(words.get(j).gap()));
        }
        run.append(words.get(j).text());
        j++;
      }
      if (i > 0) {
        line.append(" ".repeat(words.get(i).gap()));
      }
      line.append(paint(colour, run.toString()));
      i = j;
    }
    return line.toString();
  }

  private String paint(String colour, String text) {
    return color && colour != null && !text.isEmpty() ? colour + text + RESET : text;
  }

  static int columns(String text) {
    return text.codePointCount(0, text.length());
  }
}
