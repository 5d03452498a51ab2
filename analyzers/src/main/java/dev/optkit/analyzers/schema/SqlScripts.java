package dev.optkit.analyzers.schema;

import dev.optkit.analyzers.io.Decoded;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A project's SQL script as every schema reader takes it (views, indexes, triggers and cascades, procedures): at most
 * 2 MiB, its charset named by a byte order mark (UTF-8, UTF-16 in either order, as tools on Windows write scripts),
 * else UTF-8 when the bytes are valid UTF-8, else ISO-8859-1; a larger or unreadable script is none.
 */
final class SqlScripts {
  static final long MAX_SCRIPT_BYTES = 2L * 1024 * 1024;

  private SqlScripts() {}

  /**
   * The script's text, without its byte order mark, up to a MyBatis Migrations {@code -- //@UNDO} line (what follows
   * runs only when the migration is undone); empty when it is over the bound or unreadable.
   */
  static Optional<String> text(Path script) {
    try {
      return Files.size(script) > MAX_SCRIPT_BYTES ? Optional.empty()
          : Optional.of(withoutUndo(Decoded.withByteOrderMark(Files.readAllBytes(script)).text()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The text before its first line that is MyBatis Migrations' undo marker ({@code --//@UNDO}, spaces aside). */
  private static String withoutUndo(String text) {
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      int lineEnd = end < 0 ? text.length() : end;
      String line = text.substring(start, lineEnd).replace(" ", "").replace("\t", "").replace("\r", "");
      if (line.equalsIgnoreCase("--//@UNDO")) {
        return text.substring(0, start);
      }
      start = lineEnd + 1;
    }
    return text;
  }
}
