package dev.optkit.rewriters.caching.rewrite;

import static dev.optkit.rewriters.caching.OptkitCacheConfigNames.CLASS_NAME;
import static dev.optkit.rewriters.caching.OptkitCacheConfigNames.MANAGER_BEAN;
import static dev.optkit.rewriters.caching.OptkitCacheConfigNames.RESOLVER_BEAN;
import static dev.optkit.rewriters.caching.rewrite.SpringCacheConfigRewrite.MARKER;

import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.text.JavaText;
import java.util.ArrayList;
import java.util.List;

/**
 * The configuration class behind optkit's Spring caches when they live in Redis (the redis backend,
 * docs/cache-backends.md): its text, and the line that registers one more cache in it. The local
 * backend's class and the extension of either are {@link SpringCacheConfigRewrite}'s. It holds only what is the
 * module's own (its key prefix, the packages a value read back may name, its caches and TTLs, the manager's wiring):
 * the classes it wires are {@link RedisCacheClassesFile}'s, in a file beside it.
 */
public final class RedisCacheConfigRewrite {
  private RedisCacheConfigRewrite() {}

  /** The class of the file beside the configuration holding the code that is the same in every module. */
  static final String FIXED = RedisCacheClassesFile.CLASS_NAME;

  /**
   * A new configuration class keeping the given caches in Redis, shared by every instance of the
   * service: a {@code RedisCacheManager} with one {@code RedisCacheConfiguration} per cache (its own
   * TTL and key prefix), statistics on, {@code SCAN} rather than {@code KEYS} when a writer clears a
   * cache, values written as JSON with their class (default typing: without the class a hit comes back
   * as a {@code LinkedHashMap}, spring-boot #27577), read back only when it is the application's or a JDK value
   * type ({@link StoredTypes}), and keys of several parameters written so that no two keys share a text.
   */
  public static String create(String packageName, boolean existingCaching, boolean addEnableCaching,
      boolean transactionAware, List<CachingTarget> targets, List<String> applicationPackages, String indent, String nl) {
    return create(packageName, existingCaching, addEnableCaching, transactionAware, false, false, targets,
        applicationPackages, indent, nl);
  }

  /**
   * @param twoLevel the two-level backend: a bounded Caffeine level in each JVM in front of Redis, evictions
   *     broadcast to every instance ({@link TwoLevelCacheConfigRewrite})
   * @param metrics Micrometer is on the module's class path: the Redis caches' statistics, and the local
   *     level's caches, are bound to the application's MeterRegistry when it has one ({@link RedisMeters})
   * @param applicationPackages the packages of the application's own classes, which a stored value may name
   *     ({@link StoredTypes})
   */
  public static String create(String packageName, boolean existingCaching, boolean addEnableCaching,
      boolean transactionAware, boolean twoLevel, boolean metrics, List<CachingTarget> targets,
      List<String> applicationPackages, String indent, String nl) {
    String i = indent;
    String i2 = i + i;
    String i3 = i2 + i;
    List<String> lines = new ArrayList<>();
    if (!packageName.isEmpty()) {
      lines.add("package " + packageName + ";");
      lines.add("");
    }
    java.util.Set<String> imports = new java.util.TreeSet<>();
    imports.add("java.time.Duration");
    imports.add("java.util.List");
    if (!existingCaching) {
      imports.add("org.springframework.cache.CacheManager");
    }
    if (addEnableCaching) {
      imports.add("org.springframework.cache.annotation.EnableCaching");
    }
    if (existingCaching) {
      imports.add("org.springframework.cache.interceptor.CacheResolver");
      imports.add("org.springframework.cache.interceptor.SimpleCacheResolver");
    }
    imports.add("org.springframework.context.annotation.Bean");
    imports.add("org.springframework.context.annotation.Configuration");
    imports.add("org.springframework.data.redis.cache.BatchStrategies");
    imports.add("org.springframework.data.redis.cache.RedisCacheConfiguration");
    imports.add("org.springframework.data.redis.cache.RedisCacheManager");
    imports.add("org.springframework.data.redis.cache.RedisCacheWriter");
    imports.add("org.springframework.data.redis.connection.RedisConnectionFactory");
    imports.add("org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair");
    if (metrics) {
      imports.addAll(RedisMeters.configurationImports());
    }
    if (twoLevel && metrics) {
      imports.add("io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics");
    }
    imports.forEach(name -> lines.add("import " + name + ";"));
    lines.add("");
    lines.add("/**");
    if (twoLevel) {
      lines.add(" * Caches added by optkit migrate, in two levels: a bounded Caffeine cache in this JVM (LocalLevel) in front");
      lines.add(" * of Redis, shared by every instance. A writer's eviction is made in Redis and broadcast to every instance,");
      lines.add(" * whose local level drops the entries before the writer returns. Each cache has its own TTL and key prefix");
    } else {
      lines.add(" * Caches added by optkit migrate, kept in Redis: every instance of the service reads the same entries,");
      lines.add(" * and a writer's eviction on one instance is seen by all. Each cache has its own TTL and key prefix");
    }
    lines.add(" * (KEY_PREFIX + its name), records statistics, and is cleared with SCAN, never KEYS. All of them are");
    lines.add(" * skipped, without a code change, while -Doptkit.cache.disabled=true or OPTKIT_CACHE_DISABLED=true. The");
    lines.add(" * classes it wires are in " + FIXED + ", beside it.");
    lines.add(" */");
    lines.add("@Configuration");
    if (addEnableCaching) {
      lines.add("@EnableCaching");
    }
    lines.add("public class " + CLASS_NAME + " {");
    lines.add("");
    // the application's package in it: two applications sharing one Redis database would otherwise read each other's
    // entries of a cache of the same name (hostile review 81's R5: both had a Settings.setting())
    lines.add(i + "/** Every entry of optkit's caches lives under this prefix (this application's), then its cache's name. */");
    lines.add(i + "static final String KEY_PREFIX = \"optkit:" + (packageName.isEmpty() ? "" : packageName + ":") + "\";");
    lines.add("");
    lines.addAll(StoredTypes.packagesField(i, applicationPackages));
    lines.add("");
    String level = (twoLevel ? ", " + TwoLevelCacheConfigRewrite.LEVEL_TYPE + " " + TwoLevelCacheConfigRewrite.LEVEL_BEAN : "")
        + (metrics ? ", " + RedisMeters.PARAMETER : "");
    if (twoLevel) {
      lines.addAll(TwoLevelCacheConfigRewrite.levelBean(i, metrics));
      lines.add("");
    }
    if (existingCaching) {
      lines.add(i + "/** A resolver, not a second CacheManager bean, so the project's own caches keep their manager. */");
      lines.add(i + "@Bean(\"" + RESOLVER_BEAN + "\")");
      lines.add(i + "public CacheResolver " + RESOLVER_BEAN + "(RedisConnectionFactory connectionFactory" + level + ") {");
    } else {
      lines.add(i + "@Bean(\"" + MANAGER_BEAN + "\")");
      lines.add(i + "public CacheManager " + MANAGER_BEAN + "(RedisConnectionFactory connectionFactory" + level + ") {");
    }
    lines.add(i2 + "// SCAN, not KEYS, when a writer clears a whole cache: KEYS blocks Redis while it runs");
    lines.add(i2 + FIXED + ".WriteAwareCacheWriter shared = new " + FIXED + ".WriteAwareCacheWriter(");
    lines.add(i3 + i + "RedisCacheWriter.nonLockingRedisCacheWriter(connectionFactory, BatchStrategies.scan(1000)), connectionFactory);");
    lines.add(i2 + "RedisCacheManager.RedisCacheManagerBuilder caches = RedisCacheManager.builder("
        + (twoLevel ? "new " + FIXED + ".TwoLevelCacheWriter(shared, " + TwoLevelCacheConfigRewrite.LEVEL_BEAN + ")" : "shared") + ")");
    lines.add(i3 + "// static: a cache name nobody registered fails instead of creating a cache without a TTL");
    lines.add(i3 + ".disableCreateOnMissingCache()");
    lines.add(i3 + ".enableStatistics();");
    if (transactionAware) {
      lines.add(i2 + "// evictions and puts inside a transaction take effect after it commits, never before");
      lines.add(i2 + "caches.transactionAware();");
    }
    for (CachingTarget target : targets) {
      lines.add(twoLevel ? TwoLevelCacheConfigRewrite.registration(target, i2, true) : registration(target, i2, true));
    }
    lines.add(i2 + MARKER);
    lines.add(i2 + "RedisCacheManager manager = caches.build();");
    lines.add(i2 + "manager.initializeCaches();");
    if (metrics) {
      lines.addAll(RedisMeters.binding(i, i2));
    }
    lines.add(i2 + (existingCaching ? "return new SimpleCacheResolver(manager);" : "return manager;"));
    lines.add(i + "}");
    lines.add("");
    lines.add(i + "private static void register(RedisCacheManager.RedisCacheManagerBuilder caches, String name, long ttlSeconds) {");
    lines.add(i2 + "register(caches, name, ttlSeconds, Object.class);");
    lines.add(i + "}");
    lines.add("");
    lines.add(i + "/** answers: what the method returns; an entry of another class is a miss, not a ClassCastException. */");
    lines.add(i + "private static void register(RedisCacheManager.RedisCacheManagerBuilder caches, String name, long ttlSeconds,");
    lines.add(i3 + i + ANSWERS + ") {");
    lines.add(i2 + "RedisCacheConfiguration cache = RedisCacheConfiguration.defaultCacheConfig()");
    lines.add(i3 + ".entryTtl(Duration.ofSeconds(ttlSeconds))");
    lines.add(i3 + ".computePrefixWith(cacheName -> KEY_PREFIX + cacheName + \"::\")");
    lines.add(i3 + ".serializeKeysWith(SerializationPair.fromSerializer(new " + FIXED + ".KeyBytes()))");
    lines.add(i3 + ".serializeValuesWith(SerializationPair.fromSerializer(" + FIXED + ".VALUES.answering(answers)));");
    lines.add(i2 + "// a key of several parameters is a list: each element quoted, so (\"a,b\", \"c\") and (\"a\", \"b,c\") differ");
    lines.add(i2 + "cache.configureKeyConverters(registry -> registry.addConverter(List.class, String.class, "
        + FIXED + "::listKey));");
    lines.add(i2 + "caches.withCacheConfiguration(name, cache);");
    lines.add(i + "}");
    if (twoLevel) {
      lines.add("");
      lines.addAll(TwoLevelCacheConfigRewrite.register(i));
    }
    lines.add("}");
    return String.join(nl, lines) + nl;
  }

  public static String registration(CachingTarget target, String indent, boolean typed) {
    return indent + "register(caches, " + JavaText.literal(target.cacheName()) + ", " + target.policy().ttlSeconds()
        + answersArgument(target, typed) + "); // " + target.policyName() + ": " + target.method().fact().displayName()
        + "()";
  }

  /** The parameter of the register() overload that checks an entry's class against the method's answer. */
  static final String ANSWERS = "Class<?> answers";

  /** Whether a configuration has the register() overload that checks what an entry holds. */
  public static boolean typed(String existing) {
    return existing.contains(ANSWERS + ")");
  }

  /** Answers Spring caches as they are, whose class a value read back must be of; none for a future or an Optional. */
  private static final java.util.Set<String> UNCHECKED_ANSWERS = java.util.Set.of("java.util.Optional",
      "java.util.concurrent.CompletableFuture", "java.util.concurrent.CompletionStage", "java.util.concurrent.Future",
      "reactor.core.publisher.Mono", "reactor.core.publisher.Flux", "java.lang.Object");

  private static final java.util.Map<String, String> BOXES = java.util.Map.of("int", "Integer", "long", "Long",
      "boolean", "Boolean", "double", "Double", "float", "Float", "short", "Short", "byte", "Byte", "char", "Character");

  /**
   * {@code ", shop.Setting.class"}: the class of the method's answer, for the register() overload that checks entries;
   * nothing where it cannot be told (a type variable) or Spring caches something else (an Optional's content).
   */
  static String answersArgument(CachingTarget target, boolean typed) {
    String type = target.method().fact().returnType();
    if (!typed || type == null) {
      return "";
    }
    String raw = type.indexOf('<') < 0 ? type : type.substring(0, type.indexOf('<'));
    if (BOXES.containsKey(raw)) {
      return ", " + BOXES.get(raw) + ".class";
    }
    String element = raw.endsWith("[]") ? raw.substring(0, raw.indexOf('[')) : raw;
    if (UNCHECKED_ANSWERS.contains(raw) || element.indexOf('.') < 0 && !BOXES.containsKey(element)) {
      return "";
    }
    return ", " + raw + ".class";
  }
}
