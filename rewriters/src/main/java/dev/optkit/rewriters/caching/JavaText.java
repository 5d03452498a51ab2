package dev.optkit.rewriters.caching;

import java.util.Map;

/** Small helpers for writing Java source text. */
final class JavaText {
  private static final Map<String, String> BOXES = Map.of(
      "boolean", "Boolean", "byte", "Byte", "char", "Character", "short", "Short", "int", "Integer",
      "long", "Long", "float", "Float", "double", "Double");

  private JavaText() {}

  static boolean isPrimitive(String type) {
    return BOXES.containsKey(type);
  }

  static String boxed(String type) {
    return BOXES.getOrDefault(type, type);
  }

  static String capitalized(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  static String literal(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
