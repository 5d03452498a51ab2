package dev.optkit.rewriters.caching.rewrite;

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
public final class ElementWeigher {
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
    // an iterator, not a for-each: a loop variable nobody reads is a warning (error-prone's UnusedVariable) in builds
    // that fail on warnings
    lines.add(i3 + "for (java.util.Iterator<?> each = ((Iterable<?>) content).iterator(); each.hasNext(); each.next()) {");
    lines.add(i3 + unit + "elements++;");
    lines.add(i3 + "}");
    lines.add(i2 + "}");
    lines.add(i2 + "return (int) Math.max(1, Math.min(Integer.MAX_VALUE, elements));");
    lines.add(indent + "}");
    return lines;
  }

  /**
   * The methods a cache bounded by weight is registered with: Caffeine's {@code maximumWeight} and a
   * weigher counting an entry's elements ({@link ElementWeigher}), in place of {@code maximumSize}
   * (Caffeine takes one or the other). The overload counting through a project getter is added only when a cache
   * needs it (a later migration adds it then: {@link #hasContentRegistration}).
   */
  static List<String> springRegistrations(String indent, boolean throughContent, CacheRegistry registry) {
    return springRegistrations(indent, throughContent, registry, true);
  }

  /** @param withElements the class has no {@code elements} method yet (a key-weighed registration brought it) */
  static List<String> springRegistrations(String indent, boolean throughContent, CacheRegistry registry,
      boolean withElements) {
    List<String> lines = registration(indent, registry,
        "For caches whose key holds a size the caller chooses: bounded by their elements, not their entries.",
        "long maximumWeight", "elements(value)");
    if (throughContent) {
      // only where a cache counts through a getter: an overload nobody calls is a warning (UnusedMethod) too
      lines.addAll(contentRegistration(indent, registry));
    }
    if (withElements) {
      lines.addAll(elements(indent));
    }
    return lines;
  }

  /** The {@code elements} method every weighed registration counts with, after a blank line. */
  private static List<String> elements(String indent) {
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.addAll(method("elements", indent, indent,
        "An entry's weight: its number of elements (a list's size, a page's content), at least 1."));
    return lines;
  }

  /** Whether a configuration declares the {@code elements} method already. */
  static boolean hasElements(String configuration) {
    return configuration.contains(" int elements(Object value) {");
  }

  /** Whether a configuration already declares the overload counting through a getter (both overloads are there). */
  static boolean hasContentRegistration(String configuration) {
    String declared = " " + WEIGHED_REGISTER + "(" + CacheRegistry.of(configuration).parameter();
    int first = configuration.indexOf(declared);
    return first >= 0 && configuration.indexOf(declared, first + declared.length()) >= 0;
  }

  /** The overload for answers that hold their elements in a project class: what {@code content} returns is counted. */
  static List<String> contentRegistration(String indent, CacheRegistry registry) {
    return registration(indent, registry,
        "For such caches whose answers hold their elements in a class of the project: counted through its getter.",
        "long maximumWeight, " + CONTENT_PARAMETER, "elements(content.apply(value))");
  }

  /** One {@code registerWeighed} method: its comment, its last parameters and what its weigher counts. */
  private static List<String> registration(String indent, CacheRegistry registry, String comment, String lastParameters,
      String weight) {
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add(indent + "/** " + comment + " */");
    lines.add(indent + "private static void " + WEIGHED_REGISTER + "(" + registry.parameter() + ", String name, long ttlSeconds,");
    lines.add(indent + indent + indent + lastParameters + ") {");
    lines.add(indent + indent + registry.add() + "Caffeine.newBuilder()");
    lines.add(indent + indent + indent + ".expireAfterWrite(" + registry.expiry() + ")");
    lines.add(indent + indent + indent + ".maximumWeight(maximumWeight)");
    lines.add(indent + indent + indent + ".weigher((Object key, Object value) -> " + weight + ")");
    lines.add(indent + indent + indent + ".recordStats()");
    lines.add(indent + indent + indent + ".build());");
    lines.add(indent + "}");
    return lines;
  }

  /**
   * For caches keyed by a collection the caller hands in ({@code CopiedKeys}): the key's values weigh too, so a million
   * ids in a key count a million whatever the answer holds. With {@link #keyElements}.
   */
  static List<String> keyRegistration(String indent, CacheRegistry registry, boolean withElements) {
    List<String> lines = registration(indent, registry,
        "For caches whose key holds a collection the caller hands in: its values weigh as the answer's elements do.",
        "long maximumWeight, " + CONTENT_PARAMETER,
        "(int) Math.min(Integer.MAX_VALUE, (long) keyElements(key) + elements(content.apply(value)))")
        .stream().map(line -> line.replace(" " + WEIGHED_REGISTER + "(", " " + KEY_WEIGHED_REGISTER + "(")).toList();
    List<String> all = new ArrayList<>(lines);
    all.add("");
    all.add(indent + "/** A key's weight: the values of each collection in it (a key of several parameters is a list), at least 1. */");
    all.add(indent + "private static int keyElements(Object key) {");
    all.add(indent + indent + "long values = 0;");
    all.add(indent + indent + "for (Object part : key instanceof java.util.Collection ? (java.util.Collection<?>) key : java.util.Collections.singletonList(key)) {");
    all.add(indent + indent + indent + "values += part instanceof java.util.Collection ? ((java.util.Collection<?>) part).size() : 1;");
    all.add(indent + indent + "}");
    all.add(indent + indent + "return (int) Math.max(1, Math.min(Integer.MAX_VALUE, values));");
    all.add(indent + "}");
    if (withElements) {
      all.addAll(elements(indent));
    }
    return all;
  }

  static final String CONTENT_PARAMETER = "java.util.function.Function<Object, Object> content";
  static final String KEY_WEIGHED_REGISTER = "registerWeighedWithKey";
  static final String WEIGHED_REGISTER = "registerWeighed";
}
