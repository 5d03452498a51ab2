package dev.optkit.rewriters.caching.rewrite;

import java.util.List;

/**
 * The run-time half of the round-trip proof for values kept in Redis: a value is stored only when what Redis would
 * give back writes the same JSON, compared as trees in order. {@link dev.optkit.rewriters.caching.backends.RedisRoundTrip} refuses, before any code changes,
 * the types whose declarations show they cannot come back; what a declared {@code Map}, {@code Set} or {@code List}
 * holds at run time is known only then: a {@code TreeMap} with a comparator comes back in natural order, an immutable
 * {@code Map.of} comes back with its type id as one more entry, a {@code keySet()} view, an anonymous subclass or a
 * null map key do not come back at all. Such a value is not cached: the method answers from its source, as without
 * the cache, and a warning says so at most once a minute. An entry that no longer reads (a class a newer version
 * changed) is a miss. The check reads and writes each stored value's JSON once more, on misses only.
 *
 * <p>Type ids may differ in one way only: an immutable JDK list ({@code List.of}, {@code stream().toList()},
 * {@code Arrays.asList}) comes back as an {@code ArrayList} with the same elements in the same order, and a
 * {@code Set.of} or {@code Map.of} as an unmodifiable set or map of the same elements, in the same order. Spring's
 * serializer reads a {@code Map.of} back with its type id as one more entry, which writes that key twice: refused.
 */
public final class RoundTripValues {
  private RoundTripValues() {}

  /** The generated class's name in the Spring configuration. */
  public static final String SPRING_CLASS = "RoundTripValues";

  /** The nested serializers of the Spring configuration (values, keys), at one level of {@code indent}. */
  static List<String> springClass(String indent) {
    return TwoLevelCacheConfigRewrite.reindent(indent, SPRING + COMPARISON + "}\n\n" + KEYS, 1);
  }

  /**
   * The statements that make the values' mapper refuse a sorted map or set with a comparator, at two levels of
   * {@code indent}: the JSON has no comparator, and the hit would sort, and look keys up, by natural order
   * (hostile review 67: a case-insensitive TreeMap answered null for "Content-Length" on a hit).
   */
  public static List<String> orderedCheck(String indent) {
    return TwoLevelCacheConfigRewrite.reindent(indent, ORDERED, 2);
  }

  private static final String ORDERED = """
      // a TreeMap or TreeSet with a comparator is not written: the JSON has no comparator, the hit would have none
      StdConverter<Object, Object> natural = new StdConverter<Object, Object>() {
          @Override
          public Object convert(Object value) {
              Object order = value instanceof SortedMap ? ((SortedMap<?, ?>) value).comparator()
                      : value instanceof SortedSet ? ((SortedSet<?>) value).comparator() : null;
              if (order != null) {
                  throw new IllegalArgumentException("a " + value.getClass().getName() + " ordered by " + order.getClass().getName());
              }
              return value;
          }
      };
      mapper.setSerializerFactory(mapper.getSerializerFactory().withSerializerModifier(new BeanSerializerModifier() {
          @Override
          public JsonSerializer<?> modifyMapSerializer(SerializationConfig config, MapType type, BeanDescription bean,
                  JsonSerializer<?> serializer) {
              return SortedMap.class.isAssignableFrom(type.getRawClass())
                      ? new StdDelegatingSerializer(natural, type, serializer) : serializer;
          }

          @Override
          public JsonSerializer<?> modifyCollectionSerializer(SerializationConfig config, CollectionType type,
                  BeanDescription bean, JsonSerializer<?> serializer) {
              return SortedSet.class.isAssignableFrom(type.getRawClass())
                      ? new StdDelegatingSerializer(natural, type, serializer) : serializer;
          }
      }));
      """;

  /** The imports the ordered check needs. */
  public static List<String> orderedImports() {
    return List.of("com.fasterxml.jackson.databind.BeanDescription", "com.fasterxml.jackson.databind.JsonSerializer",
        "com.fasterxml.jackson.databind.SerializationConfig", "com.fasterxml.jackson.databind.ser.BeanSerializerModifier",
        "com.fasterxml.jackson.databind.ser.std.StdDelegatingSerializer", "com.fasterxml.jackson.databind.type.CollectionType",
        "com.fasterxml.jackson.databind.type.MapType", "com.fasterxml.jackson.databind.util.StdConverter",
        "java.util.SortedMap", "java.util.SortedSet");
  }

  private static final String KEYS = """
      /**
       * Keys as UTF-8, except that half of a surrogate pair (a string cut inside an emoji) is written as its own three
       * bytes: String.getBytes writes every such half as '?', which made a key of half an emoji and the key "?" one.
       * Keys of whole characters are the bytes Spring's own serializer writes.
       */
      static final class KeyBytes implements RedisSerializer<String> {
          @Override
          public byte[] serialize(String key) {
              if (key == null || key.chars().noneMatch(c -> Character.isSurrogate((char) c))) {
                  return key == null ? null : key.getBytes(StandardCharsets.UTF_8);
              }
              java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(key.length() + 16);
              for (int i = 0; i < key.length(); i++) {
                  char c = key.charAt(i);
                  if (Character.isHighSurrogate(c) && i + 1 < key.length() && Character.isLowSurrogate(key.charAt(i + 1))) {
                      byte[] pair = key.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                      bytes.write(pair, 0, pair.length);
                      i++;
                  } else if (Character.isSurrogate(c)) {
                      bytes.write(0xE0 | (c >> 12));
                      bytes.write(0x80 | ((c >> 6) & 0x3F));
                      bytes.write(0x80 | (c & 0x3F));
                  } else {
                      byte[] one = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                      bytes.write(one, 0, one.length);
                  }
              }
              return bytes.toByteArray();
          }

          @Override
          public String deserialize(byte[] bytes) {
              return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
          }
      }
      """;

  /** The comparison's methods, for a class of the plain Java backend, at one level of {@code indent}. */
  public static String comparison() {
    return COMPARISON;
  }

  private static final String SPRING = """
      /**
       * Values as JSON with their class, stored only when what Redis gives back writes the same JSON: a map whose
       * order a comparator decides, an immutable Map.of, a view, an anonymous class or a null map key come back
       * otherwise or not at all, and are not cached (the method answers from its source). An entry that no longer
       * reads (a class a newer version changed) is a miss. The check costs one more read and write of the JSON per
       * miss. (docs/cache-backends.md)
       */
      static final class RoundTripValues implements RedisSerializer<Object> {
          /** What a value that must not be stored is written as: no JSON text, so no value's bytes. */
          static final byte[] NOT_STORED = "optkit: not stored".getBytes(StandardCharsets.UTF_8);
          private static final Log LOG = LogFactory.getLog(RoundTripValues.class);
          private static final Set<String> WARNED = java.util.concurrent.ConcurrentHashMap.newKeySet();
          /** What an absent value is written as: no bytes (Spring's own serializers write null so). */
          private static final byte[] NONE = new byte[0];
          private final ObjectMapper json;
          /** What the cached method answers: an entry of another class (an allowed one) is a miss, not a ClassCastException. */
          private final Class<?> answers;

          RoundTripValues(ObjectMapper json) {
              this(json, Object.class);
          }

          private RoundTripValues(ObjectMapper json, Class<?> answers) {
              this.json = json;
              this.answers = answers;
          }

          /** These values, for a cache whose method answers {@code type}. */
          RoundTripValues answering(Class<?> type) {
              return new RoundTripValues(json, type);
          }

          @Override
          public byte[] serialize(Object value) {
              if (value == null) {
                  return NONE;
              }
              try {
                  byte[] written = json.writeValueAsBytes(value);
                  if (sameJson(TREES.readTree(written), TREES.readTree(json.writeValueAsBytes(json.readValue(written, Object.class))))) {
                      return written;
                  }
                  warn("a " + value.getClass().getName() + " comes back from Redis otherwise than it was written", null);
              } catch (RuntimeException | java.io.IOException unwritable) {
                  warn("a " + value.getClass().getName() + " cannot be written to Redis and read back", unwritable);
              }
              return NOT_STORED;
          }

          @Override
          public Object deserialize(byte[] bytes) {
              if (bytes == null || bytes.length == 0) {
                  return null;
              }
              if (bytes.length > StoredTypes.MAX_CHARACTERS) {
                  warn("an entry of " + bytes.length + " bytes, more than a cache keeps, is not read", null);
                  return null;
              }
              try {
                  // the mapper itself, whose StoredTypes checks a class's name before loading it: Spring's own JSON
                  // serializer loads the class an entry names before the mapper sees it
                  Object value = json.readValue(bytes, Object.class);
                  if (value != null && !answers.isInstance(value)) {
                      warn("an entry of " + value.getClass().getName() + " where " + answers.getName() + " is cached is a miss",
                              null);
                      return null;
                  }
                  return value;
              } catch (RuntimeException | java.io.IOException | StackOverflowError unreadable) {
                  // a value nested past the stack is a miss too, not the caller's error
                  warn("an entry that no longer reads is a miss (" + unreadable.getClass().getSimpleName() + ")", null);
                  return null;
              }
          }

          /** Once per kind of value (its class), at most 256 of them: each cache that stores nothing is said. */
          private static void warn(String what, Exception e) {
              if (WARNED.size() < 256 && WARNED.add(what)) {
                  LOG.warn("optkit cache: " + what + "; answered from the source, not cached" + (e == null ? "" : ": " + e));
              }
          }

      """;

  /** Java 8 source: the plain Java backend's class uses it too. */
  private static final String COMPARISON = """
          /**
           * Trees of the JSON, numbers exact (1.10 and 1.1 differ, as BigDecimal's scale does), a key written twice an
           * error: a Map.of comes back with its type id as an entry, written again beside the map's own.
           */
          private static final ObjectMapper TREES = trees();

          @SuppressWarnings("deprecation") // configure(JsonParser.Feature...): the one way Jackson 2.9 to 2.19 all take
          private static ObjectMapper trees() {
              ObjectMapper trees = new ObjectMapper();
              trees.configure(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);
              trees.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
              trees.setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
              return trees;
          }

          /** Whether two values' JSON is the same, fields and elements in order, type ids as sameClass allows. */
          @SuppressWarnings("deprecation") // fields(): Jackson 2.19 names it properties(), older ones do not
          static boolean sameJson(JsonNode written, JsonNode back) {
              if (written.isObject()) {
                  if (!back.isObject() || written.size() != back.size()) {
                      return false;
                  }
                  if (UNORDERED.contains(written.path("@class").asText())) {
                      // a HashMap's order is its table's: a map made with another capacity iterates otherwise
                      for (java.util.Iterator<String> names = written.fieldNames(); names.hasNext(); ) {
                          String name = names.next();
                          if (!back.has(name) || !(name.equals("@class")
                                  ? sameClass(written.get(name).asText(), back.get(name).asText())
                                  : sameJson(written.get(name), back.get(name)))) {
                              return false;
                          }
                      }
                      return true;
                  }
                  java.util.Iterator<java.util.Map.Entry<String, JsonNode>> theirs = back.fields();
                  for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> ours = written.fields(); ours.hasNext(); ) {
                      java.util.Map.Entry<String, JsonNode> field = ours.next();
                      java.util.Map.Entry<String, JsonNode> other = theirs.next();
                      if (!field.getKey().equals(other.getKey()) || !(field.getKey().equals("@class")
                              ? sameClass(field.getValue().asText(), other.getValue().asText())
                              : sameJson(field.getValue(), other.getValue()))) {
                          return false;
                      }
                  }
                  return true;
              }
              if (written.isArray()) {
                  if (!back.isArray() || written.size() != back.size()) {
                      return false;
                  }
                  if (written.size() == 2 && written.get(0).isTextual() && UNORDERED.contains(written.get(0).asText())
                          && written.get(1).isArray() && back.get(1).isArray()) {
                      // a HashSet: the same elements, counted, in any order
                      java.util.Map<String, Integer> counts = new java.util.HashMap<String, Integer>();
                      for (JsonNode element : written.get(1)) {
                          counts.merge(element.toString(), 1, Integer::sum);
                      }
                      for (JsonNode element : back.get(1)) {
                          counts.merge(element.toString(), -1, Integer::sum);
                      }
                      return sameClass(written.get(0).asText(), back.get(0).asText())
                              && counts.values().stream().allMatch(count -> count == 0);
                  }
                  for (int i = 0; i < written.size(); i++) {
                      // ["java.util.ImmutableCollections$ListN", [...]]: a collection's type id, then its elements
                      boolean typeId = i == 0 && written.size() == 2 && written.get(0).isTextual()
                              && back.get(0).isTextual() && written.get(1).isContainerNode();
                      if (typeId ? !sameClass(written.get(0).asText(), back.get(0).asText())
                              : !sameJson(written.get(i), back.get(i))) {
                          return false;
                      }
                  }
                  return true;
              }
              return written.equals(back);
          }

          /** Containers whose iteration order is their hash table's, not part of their value. */
          private static final java.util.Set<String> UNORDERED = new java.util.HashSet<String>(java.util.Arrays.asList(
                  "java.util.HashMap", "java.util.HashSet", "java.util.concurrent.ConcurrentHashMap", "java.util.Hashtable"));

          /**
           * An immutable JDK list comes back an ArrayList, a Set.of or Map.of an unmodifiable set or map: the same
           * elements, in the order written (Set.of and Map.of fix none).
           */
          static boolean sameClass(String written, String back) {
              if (written.equals(back)) {
                  return true;
              }
              if (back.equals("java.util.ArrayList")) {
                  return written.equals("java.util.ImmutableCollections$List12")
                          || written.equals("java.util.ImmutableCollections$ListN")
                          || written.equals("java.util.Arrays$ArrayList");
              }
              if (back.equals("java.util.Collections$UnmodifiableMap")) {
                  return written.equals("java.util.ImmutableCollections$Map1")
                          || written.equals("java.util.ImmutableCollections$MapN");
              }
              return back.equals("java.util.Collections$UnmodifiableSet")
                      && (written.equals("java.util.ImmutableCollections$Set12")
                              || written.equals("java.util.ImmutableCollections$SetN"));
          }
      """;
}
