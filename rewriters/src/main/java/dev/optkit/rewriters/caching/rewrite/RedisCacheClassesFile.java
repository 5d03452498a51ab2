package dev.optkit.rewriters.caching.rewrite;

import dev.optkit.rewriters.caching.OptkitCacheConfigNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The classes behind optkit's Spring caches in Redis (the redis and two-level backends), in a file of its own beside
 * the configuration ({@link RedisCacheConfigRewrite}): the same code in every module of the same form (two levels or
 * one, Micrometer or not), so the configuration a reviewer reads holds only what is the module's own (its key prefix,
 * the packages a value read back may name, its caches, their TTLs and bounds, the manager's wiring), as
 * {@link WriteAwareCacheFile} is the local backend's. It holds the writer that stores nothing a concurrent eviction
 * overlapped ({@link #writeAwareCacheWriter}), the values' and keys' serializers ({@link RoundTripValues}), the check
 * of the classes a value may name ({@link StoredTypes}, reading the configuration's packages), with two levels the
 * local level and its writer ({@link TwoLevelCacheConfigRewrite}), and with Micrometer the caches' meters
 * ({@link RedisMeters}).
 */
public final class RedisCacheClassesFile {
  public static final String CLASS_NAME = "OptkitRedisCaches";

  private RedisCacheClassesFile() {}

  /** The file, in the configuration's package. */
  public static String create(String packageName, boolean twoLevel, boolean metrics, String indent, String nl) {
    String i = indent;
    String i2 = i + i;
    String i3 = i2 + i;
    List<String> lines = new ArrayList<>();
    if (!packageName.isEmpty()) {
      lines.add("package " + packageName + ";");
      lines.add("");
    }
    Set<String> imports = new TreeSet<>(List.of(
        "com.fasterxml.jackson.annotation.JsonTypeInfo",
        "com.fasterxml.jackson.databind.DeserializationFeature",
        "com.fasterxml.jackson.databind.JsonNode",
        "com.fasterxml.jackson.databind.ObjectMapper",
        "com.fasterxml.jackson.databind.node.JsonNodeFactory",
        "java.nio.ByteBuffer",
        "java.nio.charset.StandardCharsets",
        "java.time.Duration",
        "java.util.Arrays",
        "java.util.HashMap",
        "java.util.HashSet",
        "java.util.List",
        "java.util.Map",
        "java.util.Set",
        "java.util.concurrent.CompletableFuture",
        "java.util.concurrent.atomic.AtomicLong",
        "org.apache.commons.logging.Log",
        "org.apache.commons.logging.LogFactory",
        "org.springframework.dao.DataAccessException",
        "org.springframework.data.redis.cache.CacheStatistics",
        "org.springframework.data.redis.cache.CacheStatisticsCollector",
        "org.springframework.data.redis.cache.RedisCacheWriter",
        "org.springframework.data.redis.connection.RedisConnection",
        "org.springframework.data.redis.connection.RedisConnectionFactory",
        "org.springframework.data.redis.connection.ReturnType",
        "org.springframework.data.redis.serializer.RedisSerializer",
        "org.springframework.transaction.support.TransactionSynchronization",
        "org.springframework.transaction.support.TransactionSynchronizationManager"));
    imports.addAll(RoundTripValues.orderedImports());
    imports.addAll(StoredTypes.imports());
    if (twoLevel) {
      imports.addAll(TwoLevelCacheConfigRewrite.imports(false));
    }
    if (metrics) {
      imports.addAll(RedisMeters.classImports());
    }
    imports.forEach(name -> lines.add("import " + name + ";"));
    lines.add("");
    lines.add("/**");
    lines.add(" * The classes of optkit's caches in Redis that " + OptkitCacheConfigNames.CLASS_NAME
        + " wires: a writer that never stores a value whose load");
    lines.add(" * overlapped an eviction, values that are stored only when they come back as written and name only the");
    lines.add(" * application's classes" + (twoLevel ? ", and the local level in front of Redis" : "")
        + ". Written by optkit migrate, the same in every module of this form.");
    lines.add(" */");
    lines.add("public final class " + CLASS_NAME + " {");
    lines.add("");
    lines.add(i + "/** The configuration's prefix of every entry (this application's), then its cache's name. */");
    lines.add(i + "static final String KEY_PREFIX = " + OptkitCacheConfigNames.CLASS_NAME + ".KEY_PREFIX;");
    lines.add("");
    lines.add(i + "/** Values as JSON with their class, so a hit comes back as the type the method returns; only those that do. */");
    lines.add(i + "static final " + RoundTripValues.SPRING_CLASS + " VALUES = new " + RoundTripValues.SPRING_CLASS
        + "(values());");
    lines.add("");
    lines.add(i + "private " + CLASS_NAME + "() {}");
    lines.add("");
    lines.add(i + "@SuppressWarnings(\"deprecation\") // EVERYTHING: records and final classes carry their class too");
    lines.add(i + "private static ObjectMapper values() {");
    lines.add(i2 + "ObjectMapper mapper = new ObjectMapper();");
    lines.add(i2 + "mapper.findAndRegisterModules(); // java.time and the other modules on the class path");
    lines.add(i2 + "// a derived getter (getFullName()) is written, and nothing sets it back: the object computes it again");
    lines.add(i2 + "mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);");
    lines.addAll(RoundTripValues.orderedCheck(i));
    lines.add(i2 + "// a value names only the application's classes and the JDK's value types: any other is never loaded");
    StoredTypes.ACTIVATION.forEach(statement -> lines.add(i2 + statement));
    lines.add(i2 + "return mapper;");
    lines.add(i + "}");
    lines.add("");
    lines.add(i + "/** A key of several parameters as text no other key has: strings quoted and escaped, enums by name. */");
    lines.add(i + "static String listKey(List<?> parts) {");
    lines.add(i2 + "StringBuilder key = new StringBuilder(\"[\");");
    lines.add(i2 + "for (Object part : parts) {");
    lines.add(i3 + "if (key.length() > 1) {");
    lines.add(i3 + i + "key.append(',');");
    lines.add(i3 + "}");
    lines.add(i3 + "if (part instanceof CharSequence || part instanceof Character) {");
    lines.add(i3 + i + "key.append('\"').append(part.toString().replace(\"\\\\\", \"\\\\\\\\\").replace(\"\\\"\", \"\\\\\\\"\")).append('\"');");
    lines.add(i3 + "} else if (part instanceof Enum<?>) {");
    lines.add(i3 + i + "key.append(((Enum<?>) part).name());");
    lines.add(i3 + "} else {");
    lines.add(i3 + i + "key.append(part); // null, numbers, booleans, UUIDs: their text is their value");
    lines.add(i3 + "}");
    lines.add(i2 + "}");
    lines.add(i2 + "return key.append(']').toString();");
    lines.add(i + "}");
    lines.addAll(writeAwareCacheWriter(i));
    lines.add("");
    lines.addAll(RoundTripValues.springClass(i));
    lines.add("");
    lines.addAll(StoredTypes.nestedClassReading(i, OptkitCacheConfigNames.CLASS_NAME));
    if (twoLevel) {
      lines.addAll(TwoLevelCacheConfigRewrite.classes(i));
    }
    if (metrics) {
      lines.addAll(RedisMeters.binderClass(i));
    }
    lines.add("}");
    return String.join(nl, lines) + nl;
  }

  /**
   * The Redis counterpart of the local backend's {@link WriteAwareCacheFile}, for every instance at once: a value whose load
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
}
