package dev.optkit.rewriters.caching;

import java.util.ArrayList;
import java.util.List;

/**
 * The weight of a cache entry, as generated code computes it: its number of elements. A collection
 * or map counts its size, an array its length, any other {@code Iterable} (a Spring Data
 * {@code Page} or {@code Slice}, whose iterator walks its content) what it iterates, and an
 * {@code Optional} what it holds; a single value weighs one. Every entry weighs at least one:
 * Caffeine never evicts an entry of weight zero for size, and empty answers under a million keys
 * still take memory. Decided at run time on the value itself, so a library collection
 * (Guava's, Eclipse's) counts as well as the JDK's, and the generated code needs no Spring Data.
 * Java 8 source: the target project may be that old.
 */
final class ElementWeigher {
  private ElementWeigher() {}

  /** A method {@code private static int name(Object value)}, indented as a member at {@code indent}. */
  static List<String> method(String name, String indent, String unit, String comment) {
    String i2 = indent + unit;
    String i3 = i2 + unit;
    List<String> lines = new ArrayList<>();
    lines.add(indent + "/** " + comment + " */");
    lines.add(indent + "private static int " + name + "(Object value) {");
    lines.add(i2 + "Object content = value instanceof java.util.Optional ? ((java.util.Optional<?>) value).orElse(null) : value;");
    lines.add(i2 + "long elements = 1;");
    lines.add(i2 + "if (content instanceof java.util.Collection) {");
    lines.add(i3 + "elements = ((java.util.Collection<?>) content).size();");
    lines.add(i2 + "} else if (content instanceof java.util.Map) {");
    lines.add(i3 + "elements = ((java.util.Map<?, ?>) content).size();");
    lines.add(i2 + "} else if (content != null && content.getClass().isArray()) {");
    lines.add(i3 + "elements = java.lang.reflect.Array.getLength(content);");
    lines.add(i2 + "} else if (content instanceof Iterable) {");
    lines.add(i3 + "elements = 0;");
    lines.add(i3 + "for (Object element : (Iterable<?>) content) {");
    lines.add(i3 + unit + "elements++;");
    lines.add(i3 + "}");
    lines.add(i2 + "}");
    lines.add(i2 + "return (int) Math.max(1, Math.min(Integer.MAX_VALUE, elements));");
    lines.add(indent + "}");
    return lines;
  }
}
