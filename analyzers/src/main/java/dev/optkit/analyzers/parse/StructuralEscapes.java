package dev.optkit.analyzers.parse;

/**
 * Unicode escapes ({@code \\u000a}) that change a source's structure: javac translates them before it reads tokens
 * (JLS 3.3), so one that is a line terminator, a quote, a backslash, or a comment's star or slash can end a comment
 * or a literal, and code that looks commented out runs. A backslash counts as the start of an escape only when an
 * even number of backslashes precede it (JLS 3.3's eligibility rule).
 */
final class StructuralEscapes {
  private StructuralEscapes() {}

  static boolean in(String content) {
    int length = content.length();
    for (int i = 0; i < length; i++) {
      if (content.charAt(i) != '\\') {
        continue;
      }
      int backslashes = 0;
      for (int j = i - 1; j >= 0 && content.charAt(j) == '\\'; j--) {
        backslashes++;
      }
      if (backslashes % 2 != 0) {
        continue;
      }
      int at = i + 1;
      if (at >= length || content.charAt(at) != 'u') {
        continue;
      }
      while (at < length && content.charAt(at) == 'u') {
        at++;
      }
      if (at + 4 > length) {
        continue;
      }
      int value;
      try {
        value = Integer.parseInt(content.substring(at, at + 4), 16);
      } catch (NumberFormatException notHex) {
        continue;
      }
      if (value == '\n' || value == '\r' || value == '"' || value == '\'' || value == '\\' || value == '*'
          || value == '/') {
        return true;
      }
    }
    return false;
  }
}
