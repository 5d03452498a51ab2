package dev.optkit.validation.harness;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * An answer as text that two JVMs can compare, by its structure: the fields of the object and of
 * what it holds, read by reflection (private fields of records and classes included, so a class with
 * accessors but no getters is seen, which Jackson wrote as {@code {}}). Nothing in the text depends on
 * the JVM that made it:
 * <ul>
 *   <li>no identity hash codes: a cycle (a child pointing back to its parent) is written as
 *       {@code #ref(path)}, the path from the answer's root to the object already being written;
 *       an object met twice but not inside itself is written twice, so returning one shared object
 *       or two equal ones compares equal;</li>
 *   <li>sets and maps sorted by their elements' and keys' text: their iteration order follows hash
 *       codes, often identity ones, and {@code equals} ignores it;</li>
 *   <li>{@code double} and {@code float} exact ({@link Double#toString} tells every value apart, -0.0 and NaN included);</li>
 *   <li>JPA entities by their loaded state ({@link PersistenceProxies}): a Hibernate proxy as its entity, or
 *       {@code #lazy(Entity id)} when it was never loaded, a lazy collection never loaded as {@code #lazy(collection)}.</li>
 * </ul>
 * What the walk cannot see into is marked {@code #opaque(Class: why)}: an object with no fields and
 * {@link Object#toString}, a JDK object whose only view is that default, a structure too deep or
 * too large. Equal markers would compare equal without anything having been compared, so
 * {@link #opaque()} says so and the gate fails closed on it.
 *
 * <p>A hand-written walk, not a library: AssertJ's recursive comparison and similar compare two
 * objects in one JVM, while the two code versions run in two; Jackson and XStream write maps in
 * iteration order and fail on, or number, cycles by encounter.
 */
public final class CanonicalAnswer {
  /** How deep the walk goes; a structure deeper than this (a long linked chain) is marked, not overflowed. */
  static final int MAX_DEPTH = 500;
  /** The text's bound while it is built; {@link Answers#bounded} shortens what is kept afterwards. */
  static final int MAX_CHARS = 4_000_000;
  static final String OPAQUE = "#opaque(";

  private final StringBuilder text = new StringBuilder();
  /** Objects being written, by identity, with their path: the ancestors of the current one. */
  private final IdentityHashMap<Object, String> open = new IdentityHashMap<>();
  private String opaque;

  private CanonicalAnswer() {
  }

  /** The canonical text of an answer, its fields walked. */
  public static CanonicalAnswer of(Object value) {
    CanonicalAnswer answer = new CanonicalAnswer();
    answer.write(value, "$", 0);
    return answer;
  }

  /**
   * The answer's own {@code toString()}, for a scenario whose workload says {@code compareAs: toString}
   * (an opaque handle whose text names its state); still opaque when that is {@link Object#toString}.
   */
  public static CanonicalAnswer ofToString(Object value) {
    CanonicalAnswer answer = new CanonicalAnswer();
    if (value != null && !overridesToString(value.getClass())) {
      answer.markOpaque(value, "$", "its toString is Object's, an identity hash");
    } else {
      answer.text.append(String.valueOf(value));
    }
    return answer;
  }

  public String text() {
    return text.toString();
  }

  /** Where and why the answer could not be seen into (the first place), or null when it was seen whole. */
  public String opaque() {
    return opaque;
  }

  private void write(Object value, String path, int depth) {
    if (text.length() > MAX_CHARS) {
      markOpaque(value, path, "the answer's text is over " + MAX_CHARS + " characters");
      return;
    }
    if (value == null) {
      text.append("null");
    } else if (value instanceof CharSequence || value instanceof Character) {
      quote(value.toString());
    } else if (value instanceof Number || value instanceof Boolean) {
      text.append(value); // Double.toString is exact; BigDecimal keeps its scale, as its equals does
    } else if (value instanceof Enum<?> constant) {
      text.append(constant.name());
    } else if (value instanceof Class<?> type) {
      text.append(type.getName());
    } else if (depth > MAX_DEPTH) {
      markOpaque(value, path, "nested deeper than " + MAX_DEPTH + " levels");
    } else if (open.containsKey(value)) {
      text.append("#ref(").append(open.get(value)).append(')');
    } else {
      PersistenceProxies.View view = PersistenceProxies.view(value);
      if (view != null) {
        writeView(view, path, depth);
        return;
      }
      open.put(value, path);
      try {
        writeComposite(value, path, depth + 1);
      } finally {
        open.remove(value);
      }
    }
  }

  /** A JPA proxy as its entity, or what was never loaded as a marker with the entity's id. */
  private void writeView(PersistenceProxies.View view, String path, int depth) {
    if (view.entity() != null) {
      write(view.entity(), path, depth);
      return;
    }
    text.append("#lazy(").append(view.lazy());
    if (view.id() != null) {
      text.append(' ');
      write(view.id(), path + ".id", depth + 1);
    }
    text.append(')');
  }

  private void writeComposite(Object value, String path, int depth) {
    if (value.getClass().isArray()) {
      text.append('[');
      for (int i = 0; i < Array.getLength(value); i++) {
        text.append(i == 0 ? "" : ", ");
        write(Array.get(value, i), path + "[" + i + "]", depth);
      }
      text.append(']');
    } else if (value instanceof Map<?, ?> map) {
      writeMap(map, path, depth);
    } else if (value instanceof Set<?> set) {
      // one path for every element: their order, and so an index, depends on the JVM
      List<String> elements = new ArrayList<>();
      for (Object element : set) {
        elements.add(nested(element, path + "{}", depth));
      }
      elements.sort(Comparator.naturalOrder());
      text.append('{').append(String.join(", ", elements)).append('}');
    } else if (value instanceof Collection<?> list) {
      text.append('[');
      int i = 0;
      for (Object element : list) {
        text.append(i == 0 ? "" : ", ");
        write(element, path + "[" + i++ + "]", depth);
      }
      text.append(']');
    } else if (value instanceof Optional<?> optional) {
      text.append("Optional[");
      write(optional.orElse(null), path + ".value", depth);
      text.append(']');
    } else if (value instanceof OptionalInt || value instanceof OptionalLong || value instanceof OptionalDouble) {
      text.append(value); // "OptionalInt[3]", "OptionalDouble.empty": exact
    } else if (isPlatform(value.getClass())) {
      // java.* keeps its fields closed (modules); its value types (dates, UUID, URI, Duration) say everything in toString
      if (overridesToString(value.getClass())) {
        text.append(value.getClass().getSimpleName()).append('(').append(value).append(')');
      } else {
        markOpaque(value, path, "a JDK object with Object's toString");
      }
    } else {
      writeFields(value, path, depth);
    }
  }

  private void writeMap(Map<?, ?> map, String path, int depth) {
    List<String[]> entries = new ArrayList<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = nested(entry.getKey(), path + "{key}", depth);
      entries.add(new String[] {key, nested(entry.getValue(), path + "[" + key + "]", depth)});
    }
    entries.sort(Comparator.<String[], String>comparing(e -> e[0]).thenComparing(e -> e[1]));
    text.append('{');
    for (int i = 0; i < entries.size(); i++) {
      text.append(i == 0 ? "" : ", ").append(entries.get(i)[0]).append('=').append(entries.get(i)[1]);
    }
    text.append('}');
  }

  private void writeFields(Object value, String path, int depth) {
    List<Field> fields = fields(value.getClass());
    if (fields.isEmpty()) {
      if (overridesToString(value.getClass())) {
        text.append(typeName(value.getClass())).append('(').append(value).append(')');
      } else {
        markOpaque(value, path, "no fields, and Object's toString");
      }
      return;
    }
    text.append(typeName(value.getClass())).append('{');
    for (int i = 0; i < fields.size(); i++) {
      Field field = fields.get(i);
      text.append(i == 0 ? "" : ", ").append(field.getName()).append('=');
      Object fieldValue;
      try {
        field.setAccessible(true);
        fieldValue = field.get(value);
      } catch (RuntimeException | IllegalAccessException e) { // a class in a named module that is not open
        markOpaque(value, path + "." + field.getName(), "its field cannot be read (" + e.getClass().getSimpleName() + ")");
        continue;
      }
      write(fieldValue, path + "." + field.getName(), depth);
    }
    text.append('}');
  }

  /** A value written on its own, for sorting: the same walk, the same ancestors, its own text. */
  private String nested(Object value, String path, int depth) {
    int start = text.length();
    write(value, path, depth);
    String written = text.substring(start);
    text.setLength(start);
    return written;
  }

  /**
   * Instance fields from the top of the hierarchy down, each class's by name: synthetic ones
   * ({@code this$0}, the outer object of an inner class) are wiring, not the answer.
   */
  private static List<Field> fields(Class<?> type) {
    List<Class<?>> hierarchy = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class && !isPlatform(c); c = c.getSuperclass()) {
      hierarchy.add(0, c);
    }
    List<Field> fields = new ArrayList<>();
    for (Class<?> c : hierarchy) {
      List<Field> own = new ArrayList<>();
      for (Field field : c.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()
            && !field.getName().startsWith(PersistenceProxies.ENHANCEMENT_PREFIX)) {
          own.add(field);
        }
      }
      own.sort(Comparator.comparing(Field::getName));
      fields.addAll(own);
    }
    return fields;
  }

  /** The class's name, cut at a generated proxy's suffix ({@code Item$$SpringCGLIB$$0}, {@code $ByteBuddy$}). */
  private static String typeName(Class<?> type) {
    String name = type.getName();
    int generated = name.indexOf("$$");
    return generated > 0 ? name.substring(0, generated) : name;
  }

  private static boolean isPlatform(Class<?> type) {
    String name = type.getName();
    return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.") || name.startsWith("sun.");
  }

  private static boolean overridesToString(Class<?> type) {
    try {
      return type.getMethod("toString").getDeclaringClass() != Object.class;
    } catch (NoSuchMethodException e) {
      return false; // every class has toString
    }
  }

  private void markOpaque(Object value, String path, String why) {
    String type = value == null ? "null" : typeName(value.getClass());
    text.append(OPAQUE).append(type).append(": ").append(why).append(')');
    if (opaque == null) {
      opaque = type + " at " + path + ": " + why;
    }
  }

  private void quote(String value) {
    text.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> text.append("\\\"");
        case '\\' -> text.append("\\\\");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            text.append(String.format("\\u%04x", (int) c));
          } else {
            text.append(c);
          }
        }
      }
    }
    text.append('"');
  }
}
