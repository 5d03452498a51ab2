package dev.optkit.validation.harness;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * A call's arguments as text, for the report (JSON with sorted keys where Jackson can write the
 * value, its {@code toString()} otherwise: the arguments come from the workload, the same in both
 * versions); an exception as its class and message; a line of the answers file bounded. Answers
 * themselves are compared as {@link CanonicalAnswer}s.
 */
public final class Answers {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      // the harness's own modules: the thread's context loader is the project's, whose Jackson may differ
      .addModules(ObjectMapper.findModules(Answers.class.getClassLoader()))
      .build();

  private Answers() {
  }

  public static String format(Object value) {
    if (value == null) {
      return "null";
    }
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception | LinkageError e) {
      return String.valueOf(value);
    }
  }

  /**
   * An answer (or a call) as kept in the answers file: past {@value #MAX_CHARS} characters, its start
   * and a hash of the whole. Each line of the file, and so what the comparison holds, stays bounded
   * while two answers still compare equal exactly when they are.
   */
  static String bounded(String text) {
    if (text.length() <= MAX_CHARS) {
      return text;
    }
    try {
      byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return text.substring(0, SHOWN_CHARS) + "... (" + text.length() + " chars, SHA-256 "
          + java.util.HexFormat.of().formatHex(hash) + ")";
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every JDK has SHA-256
    }
  }

  static final int MAX_CHARS = 4096;
  private static final int SHOWN_CHARS = 1024;

  public static String error(Throwable thrown) {
    return "threw " + thrown.getClass().getName() + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
  }
}
