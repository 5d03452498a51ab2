package dev.optkit.rewriters.caching.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The emergency switch every optkit-added cache consults on each call, so caching can be turned off
 * in production without a redeploy of code: the system property {@code optkit.cache.disabled} (also
 * settable at run time) or the environment variable {@code OPTKIT_CACHE_DISABLED}. Beside it, the
 * percentage rollout per cache ({@link #ROLLOUT_METHOD}): a read uses its cache only when a stable
 * hash of the cache's name and the key falls below the percentage set for that cache.
 */
public final class CacheSwitchFile {
  public static final String CLASS_NAME = "OptkitCaching";
  public static final String PROPERTY = "optkit.cache.disabled";
  public static final String ENVIRONMENT = "OPTKIT_CACHE_DISABLED";
  /** The method a cached read asks, with the cache's name and the key's parts, whether it uses the cache. */
  public static final String ROLLOUT_METHOD = "inRollout";
  public static final String ROLLOUT_PROPERTY = "optkit.cache.rollout";
  /**
   * A test resource whose presence turns the caches off ({@code OFF_IN_TESTS}): added where a module's tests write a
   * cached read's data inside a test, which no eviction follows.
   */
  public static final String OFF_IN_TESTS_MARKER = "META-INF/optkit/caches-off-in-tests";

  private CacheSwitchFile() {}

  /** The switch class, with the rollout; it compiles for Java 8 and reads records (Java 16) by reflection. */
  public static String create(String packageName, String indent, String nl) {
    return create(packageName, indent, nl, false);
  }

  /**
   * @param openFeature the project uses OpenFeature: the percentage is first the double flag
   *     {@code optkit.cache.rollout.<cache>} of its provider, then the properties
   */
  public static String create(String packageName, String indent, String nl, boolean openFeature) {
    return create(packageName, indent, nl, openFeature, false);
  }

  /**
   * @param togglz the project uses Togglz: a feature {@code OPTKIT_CACHE_ROLLOUT_<CACHE>} (or the dotted name) sets the
   *     percentage, after OpenFeature's flag and before the properties ({@link #TOGGLZ_READ})
   */
  public static String create(String packageName, String indent, String nl, boolean openFeature, boolean togglz) {
    String template = TEMPLATE.replace("@FLAGS_DOC@\n", (openFeature ? FLAGS_DOC : "") + (togglz ? TOGGLZ_DOC : ""))
        .replace("@FLAGS_FIELD@\n", (openFeature ? FLAGS_FIELD : "") + (togglz ? TOGGLZ_FIELD : ""))
        .replace("@FLAGS_READ@\n", (openFeature ? FLAGS_READ : "") + (togglz ? TOGGLZ_READ : ""))
        .replace("@FLAGS_METHOD@\n", togglz ? TOGGLZ_METHOD : "").replace("@SWITCH@\n", SWITCH);
    return file(packageName, template, indent, nl);
  }

  /** The switch alone, as a careful engineer would add it by hand: no percentage rollout ({@code --rollout} adds it). */
  public static String withoutRollout(String packageName, String indent, String nl) {
    return file(packageName, SWITCH_ONLY.replace("@SWITCH@\n", SWITCH), indent, nl);
  }

  private static final String SWITCH_ONLY = """
      /**
       * Switch for the caches optkit migrate added: true in the system property optkit.cache.disabled
       * or the environment variable OPTKIT_CACHE_DISABLED turns every one of them off. Read on each call.
       */
      public final class OptkitCaching {
      @SWITCH@
      }
      """;

  /** The switch itself, in both forms of the class: the constructor, the test marker and {@code disabled()}. */
  private static final String SWITCH = """
          private OptkitCaching() {}

          /**
           * Present on the class path of a module's tests only (src/test/resources), where those tests write the
           * cached data behind the application's back: the caches are off while they run, as before the migration.
           */
          private static final boolean OFF_IN_TESTS =
                  OptkitCaching.class.getResource("/META-INF/optkit/caches-off-in-tests") != null;

          public static boolean disabled() {
              if (OFF_IN_TESTS) {
                  return true;
              }
              String property = System.getProperty("optkit.cache.disabled");
              if (property != null) {
                  return Boolean.parseBoolean(property);
              }
              return Boolean.parseBoolean(System.getenv("OPTKIT_CACHE_DISABLED"));
          }
      """;

  /**
   * A generated class's file: its package line, then the template (written with four spaces a level) indented as the
   * project indents and with its line separator.
   */
  public static String file(String packageName, String template, String indent, String nl) {
    List<String> lines = new ArrayList<>();
    if (!packageName.isEmpty()) {
      lines.add("package " + packageName + ";");
      lines.add("");
    }
    for (String line : template.split("\n", -1)) {
      int depth = 0;
      while (line.startsWith("    ", depth * 4)) {
        depth++;
      }
      lines.add(indent.repeat(depth) + line.substring(depth * 4));
    }
    return String.join(nl, lines);
  }

  private static final String FLAGS_DOC = """
       *
       * <p>The project uses OpenFeature: its provider's double flag optkit.cache.rollout.{cache name} comes
       * first, evaluated on each call through the client of domain "optkit"; a flag it does not have (or has
       * not as a double) leaves the properties above to decide.
      """;

  private static final String FLAGS_FIELD = """
          /** The project's feature flags: OpenFeature's provider for the domain "optkit", else its default one. */
          private static final dev.openfeature.sdk.Client FLAGS =
                  dev.openfeature.sdk.OpenFeatureAPI.getInstance().getClient("optkit");
      """;

  private static final String FLAGS_READ = """
              Double flag = FLAGS.getDoubleValue("optkit.cache.rollout." + cache, Double.NaN);
              if (!flag.isNaN()) {
                  return flag >= 0 && flag <= 100 ? flag : flag > 100 ? 100 : 0;
              }
      """;

  private static final String TOGGLZ_DOC = """
       *
       * <p>The project uses Togglz: a feature named OPTKIT_CACHE_ROLLOUT_{CACHE NAME} (the environment variable's
       * name) or optkit.cache.rollout.{cache name} decides, read on each call: off is 0; on with Togglz's gradual
       * strategy, its percentage (the key's bucket, not the user's name, picks the keys, so that raising it keeps
       * them); on with another strategy, 100 where Togglz finds it active for this call, else 0; on with none, 100.
       * Without such a feature or a feature manager, the properties above decide.
      """;

  private static final String TOGGLZ_FIELD = """
          /** The application's FeatureManager, handed over by OptkitCacheConfig; else FeatureContext's. */
          private static volatile org.togglz.core.manager.FeatureManager togglz;
          /** Each cache's Togglz feature, looked up once among the feature manager's (empty: it has none). */
          private static final java.util.concurrent.ConcurrentHashMap<String, java.util.Optional<org.togglz.core.Feature>>
                  TOGGLZ_FEATURES = new java.util.concurrent.ConcurrentHashMap<>();
      """;

  /** Read after OpenFeature's flag: a project has one or the other, and a flag it does not set falls through. */
  private static final String TOGGLZ_READ = """
              double toggled = togglzPercent(cache);
              if (!Double.isNaN(toggled)) {
                  return toggled;
              }
      """;

  private static final String TOGGLZ_METHOD = """
          /**
           * The FeatureManager to read the rollout from: the Spring bean, which FeatureContext may not find from every
           * thread (a ForkJoinPool's, whose class loader is not the application's) or at all (its web lookup without
           * spring-web on the class path).
           */
          public static void useTogglz(org.togglz.core.manager.FeatureManager manager) {
              togglz = manager;
          }

          /** The percentage the cache's Togglz feature sets (see above), or NaN where it has none. */
          static double togglzPercent(String cache) {
              try {
                  org.togglz.core.manager.FeatureManager manager = togglz != null ? togglz
                          : org.togglz.core.context.FeatureContext.getFeatureManager();
                  java.util.Optional<org.togglz.core.Feature> feature = TOGGLZ_FEATURES.get(cache);
                  if (feature == null) {
                      org.togglz.core.Feature found = null;
                      for (org.togglz.core.Feature each : manager.getFeatures()) {
                          if (each.name().equals(environmentName(cache)) || each.name().equals("optkit.cache.rollout." + cache)) {
                              found = each;
                          }
                      }
                      feature = java.util.Optional.ofNullable(found);
                      TOGGLZ_FEATURES.put(cache, feature);
                  }
                  if (!feature.isPresent()) {
                      return Double.NaN;
                  }
                  org.togglz.core.repository.FeatureState state = manager.getFeatureState(feature.get());
                  if (state == null || !state.isEnabled()) {
                      return 0;
                  }
                  String strategy = state.getStrategyId();
                  if (strategy == null || strategy.isEmpty()) {
                      return 100;
                  }
                  if (!strategy.equals("gradual")) {
                      return manager.isActive(feature.get()) ? 100 : 0;
                  }
                  String percentage = state.getParameter("percentage");
                  try {
                      double percent = Double.parseDouble(percentage == null ? "" : percentage.trim());
                      return percent >= 0 && percent <= 100 ? percent : percent > 100 ? 100 : 0;
                  } catch (NumberFormatException e) {
                      return 0; // as a property's typo: a rollout limits what a cache may break
                  }
              } catch (RuntimeException | LinkageError e) {
                  // no feature manager (the application has not started it, or Togglz's lookup needs a class the
                  // application lacks), or its state repository failed: the properties decide, as for an
                  // OpenFeature flag that cannot be evaluated
                  return Double.NaN;
              }
          }

      """;

  /*
   * Why this hash, and not the key's hashCode(): the hashCode of an enum is its identity, different in
   * every JVM and every run, and a record's is "unspecified and subject to change"; Integer's is the
   * number itself, so ids with a pattern (all even, all multiples of 100) would share a bucket. Each
   * part is fed by what it is (a string's characters, a number's value, an enum's class and name, a
   * UUID's bits, a record's components, a list's elements in order) into FNV-1a, then mixed by
   * MurmurHash3's finalizer: the same key falls in the same bucket in every JVM and every run. Other
   * classes are fed their hashCode(), which a key must keep consistent with equals anyway: stable
   * within one JVM, which is where a local cache lives.
   */
  private static final String TEMPLATE = """
      /**
       * Switch for the caches optkit migrate added: true in the system property optkit.cache.disabled
       * or the environment variable OPTKIT_CACHE_DISABLED turns every one of them off. Read on each call.
       *
       * <p>Percentage rollout, per cache: optkit.cache.rollout.{cache name} (a system property, such as
       * -Doptkit.cache.rollout.optkit.Rates.getRate=10), else the environment variable
       * OPTKIT_CACHE_ROLLOUT_{CACHE NAME} (upper case, every character but letters and digits an underscore:
       * OPTKIT_CACHE_ROLLOUT_OPTKIT_RATES_GETRATE=10), else optkit.cache.rollout or OPTKIT_CACHE_ROLLOUT for
       * every cache, else 100. Read on each call. A read uses its cache when the bucket of its key (0 to 9999,
       * from a hash of the cache's name and the key that is the same in every JVM) is below the percentage
       * times 100: raising 10 to 50 keeps every key already in. A value that is not a number reads as 0.
       * Writers evict whatever the percentage.
      @FLAGS_DOC@
       */
      public final class OptkitCaching {
          private static final java.util.concurrent.ConcurrentHashMap<String, String> ENVIRONMENT_NAMES =
                  new java.util.concurrent.ConcurrentHashMap<>();
      @FLAGS_FIELD@
          /**
           * Each record class's accessors (found by reflection: the class compiles for Java 8), none for
           * another class, null for a record whose accessors cannot be called (its hashCode is fed).
           */
          private static final ClassValue<java.lang.reflect.Method[]> RECORD_ACCESSORS =
                  new ClassValue<java.lang.reflect.Method[]>() {
                      @Override
                      protected java.lang.reflect.Method[] computeValue(Class<?> type) {
                          try {
                              if (!(Boolean) Class.class.getMethod("isRecord").invoke(type)) {
                                  return new java.lang.reflect.Method[0];
                              }
                              Object[] components = (Object[]) Class.class.getMethod("getRecordComponents").invoke(type);
                              java.lang.reflect.Method[] accessors = new java.lang.reflect.Method[components.length];
                              for (int i = 0; i < components.length; i++) {
                                  accessors[i] = (java.lang.reflect.Method) components[i].getClass()
                                          .getMethod("getAccessor").invoke(components[i]);
                                  accessors[i].setAccessible(true);
                              }
                              return accessors;
                          } catch (NoSuchMethodException e) {
                              return new java.lang.reflect.Method[0]; // before Java 16: no records
                          } catch (ReflectiveOperationException | RuntimeException e) {
                              return null;
                          }
                      }
                  };

      @SWITCH@

          /** Whether a read of this key uses the cache of that name, at the cache's rollout percentage now. */
          public static boolean inRollout(String cache, Object... key) {
              double percent = rolloutPercent(cache);
              if (percent >= 100) {
                  return true;
              }
              return percent > 0 && bucket(cache, key) < percent * 100;
          }

          /** The cache's rollout percentage, 0 to 100. */
          public static double rolloutPercent(String cache) {
      @FLAGS_READ@
              String value = System.getProperty("optkit.cache.rollout." + cache);
              if (value == null) {
                  value = System.getenv(ENVIRONMENT_NAMES.computeIfAbsent(cache, OptkitCaching::environmentName));
              }
              if (value == null) {
                  value = System.getProperty("optkit.cache.rollout");
              }
              if (value == null) {
                  value = System.getenv("OPTKIT_CACHE_ROLLOUT");
              }
              if (value == null) {
                  return 100;
              }
              try {
                  double percent = Double.parseDouble(value.trim());
                  return percent >= 0 && percent <= 100 ? percent : percent > 100 ? 100 : 0;
              } catch (NumberFormatException e) {
                  return 0; // a rollout limits what a cache may break: a typo must not mean every key
              }
          }

      @FLAGS_METHOD@
          static String environmentName(String cache) {
              StringBuilder name = new StringBuilder("OPTKIT_CACHE_ROLLOUT_");
              for (char c : cache.toCharArray()) {
                  name.append(c < 128 && Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
              }
              return name.toString();
          }

          /** The key's bucket, 0 to 9999: the same for an equal key in every JVM (see feed). */
          public static int bucket(String cache, Object... key) {
              long hash = feed(0xcbf29ce484222325L, cache);
              for (Object part : key) {
                  hash = feed(hash, part);
              }
              hash ^= hash >>> 33; // MurmurHash3's finalizer: every input bit moves every output bit
              hash *= 0xff51afd7ed558ccdL;
              hash ^= hash >>> 33;
              hash *= 0xc4ceb53a85e2bd4fL;
              hash ^= hash >>> 33;
              return (int) Long.remainderUnsigned(hash, 10000);
          }

          /**
           * FNV-1a over what the part is, not over its hashCode(): an enum's is its identity (another in each
           * JVM), a record's is unspecified, and an Integer's is its value (ids with a pattern would bunch).
           * Other classes give their hashCode(), which a cache key keeps consistent with equals: stable in
           * one JVM, where a local cache lives.
           */
          private static long feed(long hash, Object part) {
              if (part == null) {
                  return mix(hash, 'N');
              }
              if (part instanceof CharSequence || part instanceof Character) {
                  String text = part.toString();
                  hash = mix(mix(hash, 'S'), text.length());
                  for (int i = 0; i < text.length(); i++) {
                      hash = mix(hash, text.charAt(i));
                  }
                  return hash;
              }
              if (part instanceof Long || part instanceof Integer || part instanceof Short || part instanceof Byte) {
                  return mix(mix(hash, 'L'), ((Number) part).longValue());
              }
              if (part instanceof Double || part instanceof Float) {
                  return mix(mix(hash, 'D'), Double.doubleToLongBits(((Number) part).doubleValue()));
              }
              if (part instanceof Boolean) {
                  return mix(hash, ((Boolean) part) ? 'T' : 'F');
              }
              if (part instanceof java.util.UUID) {
                  java.util.UUID uuid = (java.util.UUID) part;
                  return mix(mix(mix(hash, 'U'), uuid.getMostSignificantBits()), uuid.getLeastSignificantBits());
              }
              if (part instanceof Enum) {
                  Enum<?> constant = (Enum<?>) part;
                  return feed(feed(mix(hash, 'E'), constant.getDeclaringClass().getName()), constant.name());
              }
              if (part instanceof java.math.BigInteger || part instanceof java.math.BigDecimal
                      || part.getClass().getName().startsWith("java.time.")) {
                  return feed(mix(hash, 'V'), part.toString()); // their text is specified
              }
              if (part instanceof java.util.List) {
                  hash = mix(mix(hash, '['), ((java.util.List<?>) part).size());
                  for (Object element : (java.util.List<?>) part) {
                      hash = feed(hash, element);
                  }
                  return hash;
              }
              if (part instanceof java.util.Set) {
                  long sum = 0; // in any order: a set's iteration order is not its value
                  for (Object element : (java.util.Set<?>) part) {
                      sum += feed(0xcbf29ce484222325L, element);
                  }
                  return mix(mix(hash, '{'), sum);
              }
              if (part instanceof java.util.Optional) {
                  return feed(mix(hash, 'O'), ((java.util.Optional<?>) part).orElse(null));
              }
              java.lang.reflect.Method[] accessors = RECORD_ACCESSORS.get(part.getClass());
              if (accessors != null && accessors.length > 0) {
                  long fed = feed(mix(hash, 'R'), part.getClass().getName());
                  try {
                      for (java.lang.reflect.Method accessor : accessors) {
                          fed = feed(fed, accessor.invoke(part));
                      }
                      return fed;
                  } catch (ReflectiveOperationException e) {
                      // fed by its hashCode below, as any other class
                  }
              }
              return mix(mix(hash, 'H'), part.hashCode());
          }

          private static long mix(long hash, long value) {
              for (int i = 0; i < 8; i++) {
                  hash ^= (value >>> (8 * i)) & 0xff;
                  hash *= 0x100000001b3L;
              }
              return hash;
          }
      }
      """;

}
