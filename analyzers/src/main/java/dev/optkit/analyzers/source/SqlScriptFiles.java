package dev.optkit.analyzers.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/** Which files of a scan are SQL scripts, whose triggers, rules and keys write tables too. */
final class SqlScriptFiles {
  private SqlScriptFiles() {
  }

  /** Extensions of resources that are never SQL scripts, whatever words they contain. */
  private static final Set<String> NOT_SCRIPTS = Set.of("java", "xml", "class", "jar", "properties", "yml", "yaml",
      "json", "html", "htm", "css", "js", "ts", "md", "txt", "png", "jpg", "jpeg", "gif", "svg", "ico", "csv", "jsp",
      "ftl", "vm", "mustache", "kt", "groovy", "gradle", "factories", "imports", "p12", "jks", "pem", "crt", "key");
  private static final int SCRIPT_SNIFF_BYTES = 64 * 1024;
  private static final long MAX_SNIFFED_SCRIPT_BYTES = 4L * 1024 * 1024;

  /**
   * A schema or data script: {@code .sql} and {@code .ddl} files anywhere, and a resource with
   * another extension ({@code db/extra.h2}, {@code schema.hsql}) whose text starts like SQL, since
   * code or {@code spring.sql.init.schema-locations} may run a script under any name and its
   * triggers and cascades still write tables.
   */
  static boolean isSqlScript(Path file, BasicFileAttributes attrs) {
    String name = file.getFileName().toString();
    if (name.endsWith(".sql") || name.endsWith(".ddl")) {
      return true;
    }
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    boolean inResources = false;
    for (Path segment : file.getParent() == null ? Path.of("") : file.getParent()) {
      inResources |= segment.toString().equals("resources");
    }
    if (!inResources || dot <= 0 || NOT_SCRIPTS.contains(extension) || attrs.size() > MAX_SNIFFED_SCRIPT_BYTES) {
      return false;
    }
    return startsLikeSql(file);
  }

  /** Text (no NUL byte) whose first word outside comments is a SQL statement keyword. */
  private static boolean startsLikeSql(Path file) {
    byte[] head;
    try (var in = Files.newInputStream(file)) {
      head = in.readNBytes(SCRIPT_SNIFF_BYTES);
    } catch (IOException | RuntimeException e) {
      return false;
    }
    for (byte b : head) {
      if (b == 0) {
        return false;
      }
    }
    String text = new String(head, StandardCharsets.ISO_8859_1);
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '\uFEFF' || c == 0xEF || c == 0xBB || c == 0xBF) {
        i++;
      } else if (text.startsWith("--", i) || text.startsWith("#", i)) {
        int end = text.indexOf('\n', i);
        i = end < 0 ? text.length() : end + 1;
      } else if (text.startsWith("/*", i)) {
        int end = text.indexOf("*/", i + 2);
        if (end < 0) {
          return false;
        }
        // mysqldump's /*!40101 SET ... */ lines are statements, and so is what follows them
        i = end + 2;
      } else {
        break;
      }
    }
    int end = i;
    while (end < text.length() && Character.isLetter(text.charAt(end))) {
      end++;
    }
    return SQL_FIRST_WORDS.contains(text.substring(i, end).toUpperCase(java.util.Locale.ROOT));
  }

  private static final Set<String> SQL_FIRST_WORDS = Set.of("CREATE", "ALTER", "DROP", "INSERT", "UPDATE", "DELETE",
      "MERGE", "SET", "USE", "GRANT", "TRUNCATE", "BEGIN", "DECLARE", "DELIMITER", "COMMENT");

}
