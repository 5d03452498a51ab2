package dev.optkit.rewriters.caching.rewrite;

import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.source.SourceSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which classes a value read back from Redis may name: the generated caches keep each value's class in its JSON
 * (Jackson's default typing), so whoever can write to the Redis (another service sharing it, an exposed port) names
 * the class the application would load and build (CWE-502). The generated validator allows, by name and before
 * Jackson loads anything, the application's own packages (every package of the project's main sources, exactly: no
 * prefix of them, so no library class of a parent package) and the JDK value types the redis refusals
 * ({@link dev.optkit.rewriters.caching.backends.RedisRoundTrip}) let a value hold; any other name reads as a miss. The same text serves the Spring
 * configuration and the plain Java cache class (Java 8 source, Jackson 2.10 or later).
 */
public final class StoredTypes {
  private StoredTypes() {}

  /** The generated class's name, nested in the configuration or the plain cache class. */
  public static final String CLASS_NAME = "StoredTypes";

  /** The line that opens the application's packages in the generated text, which a later migration rewrites. */
  static final String PACKAGES_OPENING = "static final String[] APPLICATION_PACKAGES = {";

  /** The imports the nested class needs. */
  public static List<String> imports() {
    return List.of("com.fasterxml.jackson.databind.DatabindContext", "com.fasterxml.jackson.databind.JavaType",
        "com.fasterxml.jackson.databind.cfg.MapperConfig", "com.fasterxml.jackson.databind.jsontype.NamedType",
        "com.fasterxml.jackson.databind.jsontype.PolymorphicTypeValidator",
        "com.fasterxml.jackson.databind.jsontype.TypeIdResolver");
  }

  /**
   * The statements that give a mapper named {@code mapper} the checked typing, as the generated values() has them: the
   * validator for every class id, the project's own {@code @JsonTypeInfo} left out (a class of the project naming any
   * class in an {@code Object} property had Jackson's own id resolution, unchecked), and the checked default typing.
   */
  public static final List<String> ACTIVATION = List.of(
      "mapper.setPolymorphicTypeValidator(new StoredTypes());",
      "mapper.registerModule(new com.fasterxml.jackson.databind.module.SimpleModule().addKeyDeserializer(Class.class, "
          + "new StoredTypes.ClassKeys()));",
      "mapper.setAnnotationIntrospector(new StoredTypes.NoTypeIds(mapper.getDeserializationConfig().getAnnotationIntrospector()));",
      "mapper.setDefaultTyping(new StoredTypes.Typing().init(JsonTypeInfo.Id.CLASS, null).inclusion(JsonTypeInfo.As.PROPERTY));");

  /** Every package of the project's main sources, sorted: the application's own classes. */
  public static List<String> applicationPackages(ProjectIndex index) {
    // no default package: every class of any jar without a package would be allowed by it (its values are not stored)
    return index.files().stream().filter(f -> !SourceSet.isTestPath(f.path()) && !f.types().isEmpty())
        .map(f -> f.packageName() == null ? "" : f.packageName()).filter(p -> !p.isEmpty())
        .collect(Collectors.toCollection(TreeSet::new)).stream().toList();
  }

  /** The nested class, at one level of {@code indent}. */
  public static List<String> nestedClass(String indent, List<String> packages) {
    return TwoLevelCacheConfigRewrite.reindent(indent, text(packages), 1);
  }

  /** The nested class's text, four spaces an indent level, at level zero. */
  static String text(List<String> packages) {
    return TEMPLATE.replace("    @PACKAGES@\n", packageLines(packages, "        "));
  }

  private static final String PACKAGES_COMMENT =
      "/** The packages of the application's own classes (optkit migrate: every package of its main sources). */";

  /**
   * The nested class reading the application's packages from the class {@code owner} of the same package (the Spring
   * configuration, {@link #packagesField}), at one level of {@code indent}: the same text in every module.
   */
  static List<String> nestedClassReading(String indent, String owner) {
    String array = "    " + PACKAGES_COMMENT + "\n    " + PACKAGES_OPENING + "\n    @PACKAGES@\n    };\n";
    if (!TEMPLATE.contains(array)) {
      throw new IllegalStateException("the packages' array is not where StoredTypes' template had it");
    }
    return TwoLevelCacheConfigRewrite.reindent(indent, TEMPLATE.replace(array,
        "    /** The packages of the application's own classes: the configuration's. */\n"
            + "    static final String[] APPLICATION_PACKAGES = " + owner + ".APPLICATION_PACKAGES;\n"), 1);
  }

  /** The field holding the application's packages, as a member at one level of {@code indent} (the configuration's). */
  static List<String> packagesField(String indent, List<String> packages) {
    return TwoLevelCacheConfigRewrite.reindent(indent, PACKAGES_COMMENT + "\n" + PACKAGES_OPENING + "\n"
        + packageLines(packages, "    ") + "};\n", 1);
  }

  /**
   * The generated text with its application packages replaced by {@code packages}, or empty when it has none to
   * replace (a class from before the validator) or they are the same.
   */
  public static Optional<String> withPackages(String generated, List<String> packages, String nl) {
    int opening = generated.indexOf(PACKAGES_OPENING);
    if (opening < 0) {
      return Optional.empty();
    }
    int lineStart = generated.lastIndexOf('\n', opening) + 1;
    String memberIndent = generated.substring(lineStart, opening);
    int from = opening + PACKAGES_OPENING.length();
    int to = generated.indexOf("};", from);
    if (to < 0) {
      return Optional.empty();
    }
    // the entries as indented as those there; with none, one level deeper than the array's line, a nested class's
    // member (two levels)
    String next = generated.substring(Math.min(generated.length(), generated.indexOf('\n', opening) + 1));
    String entryIndent = next.stripLeading().startsWith("\"")
        ? next.substring(0, next.length() - next.stripLeading().length())
        : memberIndent + memberIndent.substring(0, memberIndent.length() / 2);
    String body = nl + packageLines(packages, entryIndent).replace("\n", nl) + memberIndent;
    String replaced = generated.substring(0, from) + body + generated.substring(to);
    return replaced.equals(generated) ? Optional.empty() : Optional.of(replaced);
  }

  private static String packageLines(List<String> packages, String indent) {
    StringBuilder lines = new StringBuilder();
    for (String name : packages) {
      lines.append(indent).append('"').append(name).append("\",\n");
    }
    return lines.toString();
  }

  private static final String TEMPLATE = """
      /**
       * The classes a value read back from Redis may name, checked by name before Jackson loads any: this
       * application's own packages and the JDK's value types. Whoever can write to the Redis cannot make the
       * application load or build another class: such an entry reads as a miss (docs/cache-backends.md).
       */
      static final class StoredTypes extends PolymorphicTypeValidator.Base {
          private static final long serialVersionUID = 1L;

          /**
           * Default typing of every value whose type ids are checked whole before Jackson resolves them: the validator
           * alone sees only what precedes a generic id's '<', and Jackson loads the classes inside the brackets.
           */
          static final class Typing extends ObjectMapper.DefaultTypeResolverBuilder {
              private static final long serialVersionUID = 1L;

              Typing() {
                  super(ObjectMapper.DefaultTyping.EVERYTHING, new StoredTypes());
              }

              @Override
              protected TypeIdResolver idResolver(MapperConfig<?> config, JavaType base, PolymorphicTypeValidator validator,
                      java.util.Collection<NamedType> subtypes, boolean forSerialization, boolean forDeserialization) {
                  TypeIdResolver ids = super.idResolver(config, base, validator, subtypes, forSerialization, forDeserialization);
                  return forDeserialization ? new CheckedIds(ids) : ids;
              }

              /** A copy with a default class would be Jackson's own builder: this one has none to use. */
              public ObjectMapper.DefaultTypeResolverBuilder withDefaultImpl(Class<?> defaultImpl) {
                  return this;
              }
          }

          /**
           * The application's annotations but its {@code @JsonTypeInfo}: every type id is the checked default typing's.
           * A cached value's class with its own is refused before (docs/cache-backends.md); a class that is not could
           * otherwise head a planted entry and have its property's class ids resolved unchecked.
           */
          static final class NoTypeIds extends com.fasterxml.jackson.databind.introspect.AnnotationIntrospectorPair {
              private static final long serialVersionUID = 1L;

              NoTypeIds(com.fasterxml.jackson.databind.AnnotationIntrospector introspector) {
                  super(introspector, com.fasterxml.jackson.databind.AnnotationIntrospector.nopInstance());
              }

              @Override
              public com.fasterxml.jackson.databind.jsontype.TypeResolverBuilder<?> findTypeResolver(MapperConfig<?> config,
                      com.fasterxml.jackson.databind.introspect.AnnotatedClass type, JavaType base) {
                  return null;
              }

              @Override
              public com.fasterxml.jackson.databind.jsontype.TypeResolverBuilder<?> findPropertyTypeResolver(
                      MapperConfig<?> config, com.fasterxml.jackson.databind.introspect.AnnotatedMember member, JavaType base) {
                  return null;
              }

              @Override
              public com.fasterxml.jackson.databind.jsontype.TypeResolverBuilder<?> findPropertyContentTypeResolver(
                      MapperConfig<?> config, com.fasterxml.jackson.databind.introspect.AnnotatedMember member,
                      JavaType container) {
                  return null;
              }
          }

          /** The longest entry read back: a longer one is a miss before it is parsed (a planted 40 MB array filled the heap). */
          static final int MAX_CHARACTERS = 8 * 1024 * 1024;

          /**
           * A map key naming a class (a project class's {@code Map<Class<?>, V>}): keys carry no type id, and Jackson's own
           * key reader loads the class a key names. Only an allowed one is.
           */
          static final class ClassKeys extends com.fasterxml.jackson.databind.KeyDeserializer {
              @Override
              public Object deserializeKey(String key, com.fasterxml.jackson.databind.DeserializationContext context)
                      throws java.io.IOException {
                  if (!allowed(key)) {
                      throw new IllegalArgumentException("a stored key names " + key + ", no class this application reads");
                  }
                  try {
                      return context.findClass(key);
                  } catch (ClassNotFoundException e) {
                      throw new IllegalArgumentException("a stored key names no class: " + key);
                  }
              }
          }

          /** Reads a type id only when every class it names is allowed; any other is refused before a class is loaded. */
          static final class CheckedIds implements TypeIdResolver {
              private final TypeIdResolver ids;

              CheckedIds(TypeIdResolver ids) {
                  this.ids = ids;
              }

              @Override
              public JavaType typeFromId(DatabindContext context, String id) throws java.io.IOException {
                  if (!allowed(id)) {
                      throw new IllegalArgumentException("a stored value names " + id + ", no class this application reads");
                  }
                  return ids.typeFromId(context, id);
              }

              @Override
              public void init(JavaType base) {
                  ids.init(base);
              }

              @Override
              public String idFromValue(Object value) {
                  return ids.idFromValue(value);
              }

              @Override
              public String idFromValueAndType(Object value, Class<?> type) {
                  return ids.idFromValueAndType(value, type);
              }

              @Override
              public String idFromBaseType() {
                  return ids.idFromBaseType();
              }

              @Override
              public String getDescForKnownTypeIds() {
                  return ids.getDescForKnownTypeIds();
              }

              @Override
              public com.fasterxml.jackson.annotation.JsonTypeInfo.Id getMechanism() {
                  return ids.getMechanism();
              }
          }
          /** The packages of the application's own classes (optkit migrate: every package of its main sources). */
          static final String[] APPLICATION_PACKAGES = {
          @PACKAGES@
          };
          private static final java.util.Set<String> JDK = new java.util.HashSet<String>(java.util.Arrays.asList(
                  "java.lang.String", "java.lang.Boolean", "java.lang.Character", "java.lang.Byte", "java.lang.Short",
                  "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.math.BigDecimal",
                  "java.math.BigInteger", "java.util.UUID", "java.util.Optional", "java.util.Date", "java.sql.Date",
                  "java.sql.Time", "java.sql.Timestamp", "java.util.ArrayList", "java.util.LinkedList",
                  "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.HashSet",
                  "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.EnumMap", "java.util.EnumSet",
                  "java.util.Hashtable", "java.util.concurrent.ConcurrentHashMap",
                  "java.util.concurrent.ConcurrentSkipListMap", "java.util.concurrent.ConcurrentSkipListSet",
                  "java.util.concurrent.CopyOnWriteArrayList"));

          @Override
          public Validity validateSubClassName(MapperConfig<?> config, JavaType base, String name) {
              return allowed(name) ? Validity.ALLOWED : Validity.DENIED;
          }

          @Override
          public Validity validateSubType(MapperConfig<?> config, JavaType base, JavaType type) {
              return allowed(type.getRawClass().getName()) ? Validity.ALLOWED : Validity.DENIED;
          }

          /** A type id, generic ones (java.util.EnumSet<shop.Color>) allowed when every class they name is. */
          static boolean allowed(String id) {
              boolean nameSeen = false;
              int from = 0;
              for (int i = 0; i <= id.length(); i++) {
                  if (i == id.length() || id.charAt(i) == '<' || id.charAt(i) == ',' || id.charAt(i) == '>') {
                      String name = id.substring(from, i).trim();
                      if (!name.isEmpty() && !allowedClass(name)) {
                          return false;
                      }
                      nameSeen |= !name.isEmpty();
                      from = i + 1;
                  }
              }
              return nameSeen;
          }

          private static boolean allowedClass(String name) {
              String element = name;
              while (element.endsWith("[]")) {
                  element = element.substring(0, element.length() - 2);
              }
              int dimensions = 0;
              while (element.startsWith("[")) {
                  element = element.substring(1);
                  dimensions++;
              }
              if (dimensions > 0) {
                  // [I, [[J: arrays of primitives; [Lshop.Order;: arrays of a class
                  if (element.length() == 1) {
                      return "ZBCSIJFD".indexOf(element.charAt(0)) >= 0;
                  }
                  if (!element.startsWith("L") || !element.endsWith(";")) {
                      return false;
                  }
                  element = element.substring(1, element.length() - 1);
              }
              if (JDK.contains(element) || element.startsWith("java.time.")
                      // the JDK's immutable and unmodifiable collections (List.of, Collections.unmodifiableSet...)
                      || element.startsWith("java.util.ImmutableCollections$") || element.startsWith("java.util.Collections$")) {
                  return true;
              }
              int dot = element.lastIndexOf('.');
              String pkg = dot < 0 ? "" : element.substring(0, dot);
              for (String application : APPLICATION_PACKAGES) {
                  if (application.equals(pkg)) {
                      return true;
                  }
              }
              return false;
          }
      }
      """;
}
