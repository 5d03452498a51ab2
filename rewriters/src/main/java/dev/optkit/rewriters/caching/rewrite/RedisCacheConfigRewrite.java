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

  /**
   * The Redis counterpart of {@link #writeAwareCache}, for every instance at once: a value whose load
   * overlapped an eviction on any instance is never stored. Each eviction counts up a counter of its
   * cache in Redis before it deletes; a miss notes the count; the loaded value is stored by a script,
   * atomically in Redis, only while the count is still the one its miss noted. A write's eviction runs
   * after the write (after its commit), so a load whose miss noted the count after that eviction
   * started after the write, and read it.
   */
  private static List<String> writeAwareCacheWriter(String i) {
    String i2 = i + i;
    String i3 = i2 + i;
    String i4 = i3 + i;
    List<String> lines = new java.util.ArrayList<>(List.of(
        "",
        i + "/**",
        i + " * Never stores a value whose load overlapped an eviction, on any instance: every eviction counts up its",
        i + " * cache's counter in Redis before it deletes, a miss notes the count, and the loaded value is stored, by",
        i + " * one script run atomically in Redis, only while the count is still the one its miss noted. While Redis is",
        i + " * unreachable a read is a miss (the method answers) and nothing is stored; an eviction fails, as its write's",
        i + " * caller must know that entries it could not drop may be served once Redis is back. A transaction that evicted",
        i + " * a cache (before its write) reads past it until it ends: another instance may store the committed rows, which",
        i + " * lack this transaction's write.",
        i + " */",
        i + "static final class WriteAwareCacheWriter implements RedisCacheWriter {",
        i2 + "private static final byte[] PUT_IF_NO_EVICTION = (\"local c = redis.call('GET', KEYS[2]) if not c or c ~= ARGV[1] then \"",
        i3 + "+ \"return 0 end if ARGV[3] == '0' then redis.call('SET', KEYS[1], ARGV[2]) \"",
        i3 + "+ \"else redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) end return 1\").getBytes(StandardCharsets.UTF_8);",
        "",
        i2 + "private final RedisCacheWriter writer;",
        i2 + "private final RedisConnectionFactory connections;",
        i2 + "/** Counts the puts its own script makes, which the writer it wraps never sees. */",
        i2 + "private final CacheStatisticsCollector statistics;",
        i2 + "/** Per thread, by cache and key, the eviction count its miss saw (the few kept bound what failed loads leave). */",
        i2 + "private final ThreadLocal<Map<String, Map<ByteBuffer, byte[]>>> misses = ThreadLocal.withInitial(HashMap::new);",
        i2 + "/** Per thread, the caches its transaction evicted: it reads past them until the transaction ends. */",
        i2 + "private final ThreadLocal<Set<String>> writing = ThreadLocal.withInitial(HashSet::new);",
        i2 + "private static final Log LOG = LogFactory.getLog(WriteAwareCacheWriter.class);",
        i2 + "private static final AtomicLong LAST_WARNING = new AtomicLong();",
        "",
        i2 + "WriteAwareCacheWriter(RedisCacheWriter writer, RedisConnectionFactory connections) {",
        i3 + "this(writer, connections, CacheStatisticsCollector.none());",
        i2 + "}",
        "",
        i2 + "private WriteAwareCacheWriter(RedisCacheWriter writer, RedisConnectionFactory connections,",
        i4 + "CacheStatisticsCollector statistics) {",
        i3 + "this.writer = writer;",
        i3 + "this.connections = connections;",
        i3 + "this.statistics = statistics;",
        i2 + "}",
        "",
        i2 + "private static byte[] evictionsKey(String name) {",
        i3 + "return (KEY_PREFIX + name + \":evictions\").getBytes(StandardCharsets.UTF_8);",
        i2 + "}",
        "",
        i2 + "private byte[] missed(String name, byte[] key, byte[] value) {",
        i3 + "if (value == null) {",
        i4 + "Map<ByteBuffer, byte[]> keys = misses.get().computeIfAbsent(name, n -> new HashMap<>());",
        i4 + "if (keys.size() >= 64) {",
        i4 + i + "keys.clear();",
        i4 + "}",
        i4 + "try (RedisConnection connection = connections.getConnection()) {",
        i4 + i + "byte[] count = connection.stringCommands().get(evictionsKey(name));",
        i4 + i + "if (count == null) {",
        i4 + i + i + "// none yet, or Redis lost it (FLUSHALL, a restart): a random start, which no load noted before matches",
        i4 + i + i + "connection.stringCommands().setNX(evictionsKey(name), Long.toString(java.util.concurrent.ThreadLocalRandom.current()",
        i4 + i + i + i + i + ".nextLong(1L << 40, 1L << 52)).getBytes(StandardCharsets.UTF_8));",
        i4 + i + i + "count = connection.stringCommands().get(evictionsKey(name));",
        i4 + i + "}",
        i4 + i + "// the first miss counts: a second one in the same transaction may follow a write the first load missed",
        i4 + i + "if (count != null) {",
        i4 + i + i + "keys.putIfAbsent(ByteBuffer.wrap(key), count);",
        i4 + i + "}",
        i4 + "} catch (DataAccessException e) {",
        i4 + i + "unreachable(name, e); // no count noted: what this load returns is not stored",
        i4 + "}",
        i3 + "}",
        i3 + "return value;",
        i2 + "}",
        "",
        i2 + "@Override",
        i2 + "public byte[] get(String name, byte[] key) {",
        i3 + "if (writing.get().contains(name)) {",
        i4 + "return null; // read past the cache: the database has this transaction's write, the cache may not",
        i3 + "}",
        i3 + "byte[] value;",
        i3 + "try {",
        i4 + "value = writer.get(name, key);",
        i3 + "} catch (DataAccessException e) {",
        i4 + "unreachable(name, e);",
        i4 + "return null; // a miss: the method answers",
        i3 + "}",
        i3 + "return missed(name, key, value);",
        i2 + "}",
        "",
        i2 + "/** Says, at most once a minute, that Redis cannot be reached and reads go to the source. */",
        i2 + "private static void unreachable(String name, DataAccessException e) {",
        i3 + "long now = System.currentTimeMillis();",
        i3 + "long last = LAST_WARNING.get();",
        i3 + "if (now - last > 60_000 && LAST_WARNING.compareAndSet(last, now)) {",
        i4 + "LOG.warn(\"optkit cache \" + name + \": Redis unreachable, reading from the source uncached: \" + e.getMessage());",
        i3 + "}",
        i2 + "}",
        "",
        i2 + "/** With a time to idle, which optkit's caches do not use. */",
        i2 + "public byte[] get(String name, byte[] key, Duration ttl) {",
        i3 + "return get(name, key);",
        i2 + "}",
        "",
        i2 + "@Override",
        i2 + "public void put(String name, byte[] key, byte[] value, Duration ttl) {",
        i3 + "stored(name, key, value, ttl);",
        i2 + "}",
        "",
        i2 + "/** Stores what a load returned, and says whether it did: not when an eviction overlapped the load. */",
        i2 + "boolean stored(String name, byte[] key, byte[] value, Duration ttl) {",
        i3 + "Map<ByteBuffer, byte[]> keys = misses.get().get(name);",
        i3 + "byte[] started = keys == null ? null : keys.remove(ByteBuffer.wrap(key));",
        i3 + "if (started == null || Arrays.equals(value, RoundTripValues.NOT_STORED)) {",
        i4 + "return false; // no miss on this thread before it, or a value Redis would give back otherwise",
        i3 + "}",
        i3 + "long millis = ttl == null || ttl.isNegative() ? 0 : ttl.toMillis();",
        i3 + "try (RedisConnection connection = connections.getConnection()) {",
        i4 + "Object stored = connection.scriptingCommands().eval(PUT_IF_NO_EVICTION, ReturnType.INTEGER, 2, key,",
        i4 + i + "evictionsKey(name), started, value, String.valueOf(millis).getBytes(StandardCharsets.UTF_8));",
        i4 + "if (Long.valueOf(1).equals(stored)) {",
        i4 + i + "statistics.incPuts(name);",
        i4 + i + "return true;",
        i4 + "}",
        i4 + "return false;",
        i3 + "} catch (DataAccessException e) {",
        i4 + "unreachable(name, e); // not stored: the next read asks the source again",
        i4 + "return false;",
        i3 + "}",
        i2 + "}",
        "",
        i2 + "@Override",
        i2 + "public byte[] putIfAbsent(String name, byte[] key, byte[] value, Duration ttl) {",
        i3 + "return Arrays.equals(value, RoundTripValues.NOT_STORED) ? null : writer.putIfAbsent(name, key, value, ttl);",
        i2 + "}",
        "",
        i2 + "@Override",
        i2 + "public void remove(String name, byte[] key) {",
        i3 + "countEviction(name);",
        i3 + "writer.remove(name, key);",
        i2 + "}",
        "",
        i2 + "@Override",
        i2 + "public void clean(String name, byte[] pattern) {",
        i3 + "countEviction(name);",
        i3 + "writer.clean(name, pattern);",
        i2 + "}",
        "",
        i2 + "/** Spring Data Redis 4's remove, which its caches call (3.x has none: this overloads nothing there). */",
        i2 + "public void evict(String name, byte[] key) {",
        i3 + "remove(name, key);",
        i2 + "}",
        "",
        i2 + "/** Spring Data Redis 4's clean, which its caches call (3.x has none: this overloads nothing there). */",
        i2 + "public void clear(String name, byte[] pattern) {",
        i3 + "clean(name, pattern);",
        i2 + "}",
        "",
        i2 + "private void countEviction(String name) {",
        i3 + "Set<String> caches = writing.get();",
        i3 + "if (TransactionSynchronizationManager.isSynchronizationActive() && caches.add(name)) {",
        i4 + "TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {"));
    lines.addAll(SpringCacheConfigRewrite.emptySynchronizationCallbacks(i4 + i));
    lines.addAll(List.of(
        i4 + i + "@Override",
        i4 + i + "public void afterCompletion(int status) {",
        i4 + i + i + "caches.remove(name);",
        i4 + i + "}",
        i4 + "});",
        i3 + "}",
        i3 + "try (RedisConnection connection = connections.getConnection()) {",
        i4 + "connection.stringCommands().incr(evictionsKey(name));",
        i3 + "}",
        i2 + "}",
        "",
        i2 + "/** Asynchronous reads (of CompletableFuture results, which optkit does not cache in Spring): as a read. */",
        i2 + "public CompletableFuture<byte[]> retrieve(String name, byte[] key, Duration ttl) {",
        i3 + "return CompletableFuture.completedFuture(get(name, key));",
        i2 + "}",
        "",
        i2 + "public CompletableFuture<Void> store(String name, byte[] key, byte[] value, Duration ttl) {",
        i3 + "put(name, key, value, ttl);",
        i3 + "return CompletableFuture.completedFuture(null);",
        i2 + "}",
        "",
        i2 + "@Override",
        i2 + "public void clearStatistics(String name) {",
        i3 + "writer.clearStatistics(name);",
        i2 + "}",
        "",
        i2 + "@Override",
        i2 + "public RedisCacheWriter withStatisticsCollector(CacheStatisticsCollector collector) {",
        i3 + "return new WriteAwareCacheWriter(writer.withStatisticsCollector(collector), connections, collector);",
        i2 + "}",
        "",
        i2 + "@Override",
        i2 + "public CacheStatistics getCacheStatistics(String name) {",
        i3 + "return writer.getCacheStatistics(name);",
        i2 + "}",
        i + "}"));
    return lines;
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
