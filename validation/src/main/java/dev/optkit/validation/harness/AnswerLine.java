package dev.optkit.validation.harness;

/**
 * One line of a replay's answers file: {@code R} or {@code W}, the call's number among reads or
 * writes, the call with its arguments, and its canonical answer (or what it threw), tab-separated and
 * bounded ({@link Answers#bounded}). Both code versions replay one sequence, so their files compare
 * line by line.
 */
public record AnswerLine(boolean write, int index, String call, String answer) {
  static String read(int index, String call, String answer) {
    return format(false, index, call, answer);
  }

  static String write(int index, String call, String answer) {
    return format(true, index, call, answer);
  }

  private static String format(boolean write, int index, String call, String answer) {
    return (write ? "W" : "R") + "\t" + index + "\t" + oneLine(Answers.bounded(call)).replace('\t', ' ') + "\t"
        + oneLine(Answers.bounded(answer)) + "\n";
  }

  /** A line as written; null when it is none (a file from elsewhere, or cut short). */
  public static AnswerLine parse(String line) {
    String[] parts = line.split("\t", 4);
    if (parts.length != 4 || !(parts[0].equals("R") || parts[0].equals("W"))) {
      return null;
    }
    try {
      return new AnswerLine(parts[0].equals("W"), Integer.parseInt(parts[1]), parts[2], parts[3]);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Readers split lines at carriage returns as at line feeds. */
  static String oneLine(String text) {
    return text.replace('\n', ' ').replace('\r', ' ');
  }
}
