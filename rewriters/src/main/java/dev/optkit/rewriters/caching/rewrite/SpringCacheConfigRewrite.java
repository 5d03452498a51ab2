package dev.optkit.rewriters.caching.rewrite;

import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.backends.RedisCacheConfigRewrite;
import dev.optkit.rewriters.caching.backends.TwoLevelCacheConfigRewrite;
import dev.optkit.rewriters.caching.spring.SpringVersionFloor.CacheApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Generates, or extends, the one configuration class behind optkit's Spring caches: a Caffeine
 * cache manager with one bounded, expiring cache per migrated method. When the project already has
 * a cache manager (its own, or Spring Boot's), optkit's manager is not a bean (two would be
 * ambiguous for the project's own {@code @Cacheable}s): it is reached through a cache resolver.
 */
public final class SpringCacheConfigRewrite {
  public static final String CLASS_NAME = "OptkitCacheConfig";
  public static final String MANAGER_BEAN = "optkitCacheManager";
  public static final String RESOLVER_BEAN = "optkitCacheResolver";
  public static final String MARKER = "// optkit:caches (migrate adds caches above this line)";

  private SpringCacheConfigRewrite() {}

  /** The annotation attribute that points {@code @Cacheable} at optkit's caches. */
  public static String managerAttribute(boolean existingCaching) {
    return existingCaching ? "cacheResolver = \"" + RESOLVER_BEAN + "\"" : "cacheManager = \"" + MANAGER_BEAN + "\"";
  }

  /**
   * A new configuration class holding the given caches.
   *
   * @param transactionAware wrap the manager in Spring's {@code TransactionAwareCacheManagerProxy}, so puts
   *     and evictions made inside a transaction take effect after its commit (spring-tx must be present)
   * @param metrics Micrometer is on the module's class path: every cache is bound to the application's
   *     MeterRegistry when it has one
   */
  public static String create(String packageName, boolean existingCaching, boolean addEnableCaching,
      boolean transactionAware, boolean metrics, List<CachingTarget> targets, String indent, String nl) {
    return create(packageName, existingCaching, addEnableCaching, transactionAware, metrics, CacheApi.CURRENT,
        "cache.manager", targets, indent, nl);
  }

  /**
   * @param api the form of Spring's cache API the module's Spring has: before 5.2.8 the caches are a
   *     {@code SimpleCacheManager}'s, and with transactions each one's puts and evictions wait for the commit by
   *     themselves, as Spring's TransactionAwareCacheDecorator has them wait from 5.2 on (before 5.2 it also held back the
   *     eviction before a write, which must run at once: {@link #WRITE_START})
   * @param meterTagKey the key Spring Boot's own binder tags the cache manager by ({@link
   *     dev.optkit.rewriters.caching.spring.SpringVersionFloor#meterTagKey})
   */
  public static String create(String packageName, boolean existingCaching, boolean addEnableCaching,
      boolean transactionAware, boolean metrics, CacheApi api, String meterTagKey, List<CachingTarget> targets,
      String indent, String nl) {
    boolean legacy = api != CacheApi.CURRENT;
    CacheRegistry registry = CacheRegistry.of(api);
    List<String> lines = new ArrayList<>();
    if (!packageName.isEmpty()) {
      lines.add("package " + packageName + ";");
      lines.add("");
    }
    lines.add("import com.github.benmanes.caffeine.cache.Caffeine;");
    if (metrics) {
      lines.add("import io.micrometer.core.instrument.MeterRegistry;");
      lines.add("import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;");
    }
    if (legacy) {
      lines.add("import java.util.ArrayList;");
      lines.add("import java.util.LinkedHashMap;");
      lines.add("import java.util.List;");
      lines.add("import java.util.Map;");
      lines.add("import java.util.concurrent.TimeUnit;");
    } else {
      lines.add("import java.time.Duration;");
      lines.add("import java.util.Collections;");
      lines.add("import java.util.LinkedHashMap;");
      lines.add("import java.util.Map;");
    }
    lines.add("import java.util.concurrent.atomic.AtomicLong;");
    if (!existingCaching) {
      lines.add("import org.springframework.cache.CacheManager;");
    }
    if (metrics) {
      lines.add("import org.springframework.beans.factory.ObjectProvider;");
    }
    if (addEnableCaching) {
      lines.add("import org.springframework.cache.annotation.EnableCaching;");
    }
    lines.add("import org.springframework.cache.caffeine.CaffeineCache;");
    if (!legacy) {
      lines.add("import org.springframework.cache.caffeine.CaffeineCacheManager;");
    }
    if (existingCaching) {
      lines.add("import org.springframework.cache.interceptor.CacheResolver;");
      lines.add("import org.springframework.cache.interceptor.SimpleCacheResolver;");
    }
    if (legacy) {
      lines.add("import org.springframework.cache.support.SimpleCacheManager;");
    }
    if (transactionAware && !legacy) {
      lines.add("import org.springframework.cache.transaction.TransactionAwareCacheManagerProxy;");
    }
    lines.add("import org.springframework.context.annotation.Bean;");
    lines.add("import org.springframework.context.annotation.Configuration;");
    if (transactionAware) {
      lines.add("import org.springframework.transaction.support.TransactionSynchronization;");
      lines.add("import org.springframework.transaction.support.TransactionSynchronizationManager;");
    }
    lines.add("");
    lines.add("/**");
    lines.add(" * Caches added by optkit migrate: each bounded, expiring and recording statistics. All of them are");
    lines.add(" * skipped, without a code change, while -Doptkit.cache.disabled=true or OPTKIT_CACHE_DISABLED=true.");
    if (metrics) {
      lines.add(" * Their statistics are in the application's MeterRegistry (cache.gets by result, cache.puts,");
      lines.add(" * cache.evictions, cache.size), tagged cache, name and " + meterTagKey
          + "=optkit, as Spring Boot tags its own.");
    }
    lines.add(" */");
    lines.add("@Configuration");
    if (addEnableCaching) {
      lines.add("@EnableCaching");
    }
    lines.add("public class " + CLASS_NAME + " {");
    lines.add("");
    if (existingCaching) {
      lines.add(indent + "/** A resolver, not a second CacheManager bean, so the project's own caches keep their manager. */");
      lines.add(indent + "@Bean(\"" + RESOLVER_BEAN + "\")");
      lines.add(indent + "public CacheResolver " + RESOLVER_BEAN + "(" + (metrics ? METRICS_PARAMETER : "") + ") {");
    } else {
      lines.add(indent + "@Bean(\"" + MANAGER_BEAN + "\")");
      lines.add(indent + "public CacheManager " + MANAGER_BEAN + "(" + (metrics ? METRICS_PARAMETER : "") + ") {");
    }
    if (legacy) {
      lines.add(indent + indent + "List<org.springframework.cache.Cache> caches = new ArrayList<>();");
    } else {
      lines.add(indent + indent + "CaffeineCacheManager manager = new CaffeineCacheManager() {");
      lines.add(indent + indent + indent + "@Override");
      lines.add(indent + indent + indent + "protected org.springframework.cache.Cache adaptCaffeineCache(String name,");
      lines.add(indent + indent + indent + indent + indent + "com.github.benmanes.caffeine.cache.Cache<Object, Object> cache) {");
      lines.add(indent + indent + indent + indent + "return new WriteAwareCache(name, cache, isAllowNullValues());");
      lines.add(indent + indent + indent + "}");
      lines.add(indent + indent + "};");
      lines.add(indent + indent + "// static: a cache name nobody registered fails instead of creating an unbounded cache");
      lines.add(indent + indent + "manager.setCacheNames(Collections.<String>emptyList());");
    }
    for (CachingTarget target : targets) {
      lines.add(registration(target, indent + indent, registry));
    }
    lines.add(indent + indent + MARKER);
    if (legacy) {
      // a SimpleCacheManager serves only the caches it is given: a name nobody registered is no cache
      lines.add(indent + indent + "SimpleCacheManager manager = new SimpleCacheManager();");
      lines.add(indent + indent + "manager.setCaches(caches);");
      lines.add(indent + indent + "manager.afterPropertiesSet(); // a resolver's manager is no bean: Spring would not call it");
    }
    if (metrics) {
      // bound here, not by Spring Boot's binder alone: it sees CacheManager beans, and a resolver's manager is none
      lines.add(indent + indent + (legacy ? "MeterRegistry registry = meterRegistry.getIfAvailable();" : "meterRegistry.ifAvailable(registry -> bindMetrics(manager, registry));"));
      if (legacy) {
        lines.add(indent + indent + "if (registry != null) {");
        lines.add(indent + indent + indent + "bindMetrics(caches, registry);");
        lines.add(indent + indent + "}");
      }
    }
    String served = "manager";
    if (transactionAware && !legacy) {
      lines.add(indent + indent + "// evictions and puts inside a transaction take effect after it commits, never before");
      served = "new TransactionAwareCacheManagerProxy(manager)";
    }
    lines.add(indent + indent + (existingCaching ? "return new SimpleCacheResolver(" + served + ");" : "return " + served + ";"));
    lines.add(indent + "}");
    lines.add("");
    lines.add(indent + "private static void register(" + registry.parameter() + ", String name, long ttlSeconds, long maximumSize) {");
    lines.add(indent + indent + registry.add() + "Caffeine.newBuilder()");
    lines.add(indent + indent + indent + ".expireAfterWrite(" + registry.expiry() + ")");
    lines.add(indent + indent + indent + ".maximumSize(maximumSize)");
    lines.add(indent + indent + indent + ".recordStats()");
    lines.add(indent + indent + indent + ".build());");
    lines.add(indent + "}");
    if (legacy) {
      lines.add("");
      lines.add(indent + "private static void add(List<org.springframework.cache.Cache> caches, String name,");
      lines.add(indent + indent + indent + "com.github.benmanes.caffeine.cache.Cache<Object, Object> built) {");
      lines.add(indent + indent + "WriteAwareCache cache = new WriteAwareCache(name, built, true);");
      lines.add(indent + indent + "caches.add(cache);");
      if (transactionAware) {
        lines.add(indent + indent + "caches.add(new WriteStart(cache));");
      }
      lines.add(indent + "}");
    }
    if (metrics) {
      lines.add("");
      lines.add(indent + "/** Each cache's statistics in the registry; a meter already there (Boot bound it) is kept, not doubled. */");
      if (legacy) {
        lines.add(indent + "private static void bindMetrics(List<org.springframework.cache.Cache> caches, MeterRegistry registry) {");
        lines.add(indent + indent + "for (org.springframework.cache.Cache cache : caches) {");
        lines.add(indent + indent + indent + "if (cache instanceof CaffeineCache) {");
        // the constructor, not monitor(): Micrometer 1.3's monitor overloads name Caffeine's AsyncCache, which the
        // Caffeine 2.6 Spring Boot 2.1 manages lacks, and javac cannot choose among them without it
        lines.add(indent + indent + indent + indent + "new CaffeineCacheMetrics(((CaffeineCache) cache).getNativeCache(), cache.getName(),");
        lines.add(indent + indent + indent + indent + indent + indent + "io.micrometer.core.instrument.Tags.of("
            + springBootTags(meterTagKey, "cache.getName()") + ")).bindTo(registry);");
        lines.add(indent + indent + indent + "}");
      } else {
        lines.add(indent + "private static void bindMetrics(CaffeineCacheManager manager, MeterRegistry registry) {");
        lines.add(indent + indent + "for (String name : manager.getCacheNames()) {");
        lines.add(indent + indent + indent + "CaffeineCacheMetrics.monitor(registry, ((CaffeineCache) manager.getCache(name)).getNativeCache(), name,");
        lines.add(indent + indent + indent + indent + indent + springBootTags(meterTagKey, "name") + ");");
      }
      lines.add(indent + indent + "}");
      lines.add(indent + "}");
    }
    if (targets.stream().anyMatch(CachingTarget::weighed)) {
      lines.addAll(ElementWeigher.springRegistrations(indent,
          targets.stream().anyMatch(target -> target.weighed() && target.contentGetter() != null), registry));
    }
    if (targets.stream().anyMatch(SpringCacheConfigRewrite::keyedByCollection)) {
      lines.addAll(ElementWeigher.keyRegistration(indent, registry));
    }
    lines.addAll(writeAwareCache(indent, transactionAware, legacy));
    if (legacy && transactionAware) {
      lines.addAll(writeStart(indent));
    }
    lines.add("}");
    return String.join(nl, lines) + nl;
  }

  /**
   * A Caffeine cache that never stores a value whose load overlapped an eviction. A read that fetched
   * the old rows before a write committed, and stored them after the write's eviction, would otherwise
   * serve them until they expire: each eviction counts, and a put whose load (from the miss on) saw
   * the count change stores nothing. The check and the store hold the cache's lock, as evictions do,
   * so no eviction falls between them: a value stored before an eviction is dropped by it, and a read
   * that starts after a write returned never sees what was loaded before it. A load keeps the count
   * of its key's first miss on its thread: a transaction that misses twice around another's write
   * (its puts wait for its commit) must not store the first load on the second miss's count.
   *
   * <p>With transactions, a transaction that evicted before its write reads past the cache until it
   * ends: another thread could have filled the cache with the committed rows, which lack the write
   * this transaction has not committed yet.
   */
  private static List<String> writeAwareCache(String i, boolean transactionAware, boolean legacy) {
    // before Spring 5.2 a transaction's puts and evictions wait for its commit here, not in Spring's decorator
    boolean deferred = legacy && transactionAware;
    String i2 = i + i;
    String i3 = i2 + i;
    String i4 = i3 + i;
    List<String> lines = new ArrayList<>(List.of(
        "",
        i + "/** Never stores a value loaded while an eviction ran: it may hold data read before that write. */",
        i + "static final class WriteAwareCache extends CaffeineCache {",
        i2 + "private final AtomicLong evictions = new AtomicLong();",
        i2 + "/** Per thread, the eviction count when each key it is loading first missed (the few kept bound what failed loads leave). */",
        i2 + "private final ThreadLocal<Map<Object, Long>> loadsStarted = ThreadLocal.withInitial(LinkedHashMap::new);",
        i2 + "/** For @Cacheable(sync = true): the load under way for each key, which a read of that key waits for. */",
        i2 + "private final java.util.concurrent.ConcurrentHashMap<Object, Load> loading = new java.util.concurrent.ConcurrentHashMap<>();"));
    if (transactionAware) {
      lines.add(i2 + "/** Set while this thread's transaction has evicted before its write: the cache lacks that write. */");
      lines.add(i2 + "private final ThreadLocal<Boolean> writingTransaction = new ThreadLocal<>();");
      lines.add(i2 + "/**");
      lines.add(i2 + " * When each eviction before a write ran, until the eviction after it: nothing loaded meanwhile is");
      lines.add(i2 + " * stored. A writer that fails runs no eviction after it, though what it wrote may stay (no transaction");
      lines.add(i2 + " * rolled it back): its write counts as open until -Doptkit.cache.writeTimeoutSeconds (60) have passed.");
      lines.add(i2 + " */");
      lines.add(i2 + "private final java.util.ArrayDeque<Long> openWrites = new java.util.ArrayDeque<>();");
      lines.add(i2 + "/** Per thread, the writes its transaction opened: a rollback runs no eviction after them. */");
      lines.add(i2 + "private final ThreadLocal<int[]> openedInTransaction = ThreadLocal.withInitial(() -> new int[1]);");
      lines.add(i2 + "private static final long WRITE_TIMEOUT_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(");
      lines.add(i3 + "Long.getLong(\"optkit.cache.writeTimeoutSeconds\", 60L));");
    }
    lines.addAll(List.of(
        "",
        i2 + "WriteAwareCache(String name, com.github.benmanes.caffeine.cache.Cache<Object, Object> cache, boolean allowNullValues) {",
        i3 + "super(name, cache, allowNullValues);",
        i2 + "}",
        "",
        i2 + "@Override",
        i2 + "protected Object lookup(Object key) {"));
    if (transactionAware) {
      lines.add(i3 + "if (writingTransaction.get() != null) {");
      lines.add(i4 + "return null; // read past the cache: the database has this transaction's write, the cache may not");
      lines.add(i3 + "}");
    }
    lines.addAll(List.of(
        i3 + "Object value = super.lookup(key);",
        i3 + "if (value == null) {",
        i4 + "Map<Object, Long> started = loadsStarted.get();",
        i4 + "if (started.size() >= 64) {",
        i4 + i + "started.clear();",
        i4 + "}",
        i4 + "// the first miss counts: a second one in the same transaction may follow a write the first load missed",
        i4 + "started.putIfAbsent(key, evictions.get());",
        i3 + "}",
        i3 + "return value;",
        i2 + "}"));
    if (deferred) {
      lines.addAll(List.of(
          "",
          i2 + "@Override",
          i2 + "public void put(Object key, Object value) {",
          i3 + "afterCommit(() -> putNow(key, value));",
          i2 + "}"));
    }
    lines.addAll(java.util.Arrays.asList(
        "",
        deferred ? i2 + "private void putNow(Object key, Object value) {" : i2 + "@Override",
        deferred ? null : i2 + "public void put(Object key, Object value) {",
        i3 + "Long started = loadsStarted.get().remove(key);",
        i3 + "if (started != null) {",
        i4 + "putLoaded(key, value, started.longValue());",
        i3 + "}",
        i2 + "}",
        "",
        i2 + "/** Stores what a load that began at this eviction count returned, unless an eviction ran since. */",
        i2 + "private synchronized void putLoaded(Object key, Object value, long started) {",
        // writeOpen() first: a write it finds timed out counts as an eviction, which this load may have overlapped
        i3 + "if (" + (transactionAware ? "!writeOpen() && " : "") + "started == evictions.get()) {",
        i4 + "super.put(key, value);",
        i3 + "}",
        i2 + "}",
        "",
        i2 + "/** A load under way, from the eviction count it began at. */",
        i2 + "private static final class Load {",
        i3 + "final long started;",
        i3 + "final java.util.concurrent.CompletableFuture<Object> result = new java.util.concurrent.CompletableFuture<>();",
        "",
        i3 + "Load(long started) {",
        i4 + "this.started = started;",
        i3 + "}",
        i2 + "}",
        "",
        i2 + "/**",
        i2 + " * A miss loads once per key in this JVM (sync = true): a read that finds a load of its key under way waits",
        i2 + " * for it, unless an eviction ran since that load began (it may hold the data before that write).",
        i2 + " */",
        i2 + "@Override",
        i2 + "public <T> T get(Object key, java.util.concurrent.Callable<T> valueLoader) {",
        i3 + "ValueWrapper cached = get(key);",
        i3 + "if (cached != null) {",
        i4 + "@SuppressWarnings(\"unchecked\")",
        i4 + "T value = (T) cached.get();",
        i4 + "return value;",
        i3 + "}",
        i3 + "loadsStarted.get().remove(key);",
        i3 + "long started = evictions.get();",
        // a transaction that wrote reads its own write: it neither waits for nor shares another's load
        i3 + "Load mine = " + (transactionAware ? "writingTransaction.get() != null ? null : " : "") + "new Load(started);",
        i3 + "Load running = " + (transactionAware ? "mine == null ? null : " : "") + "loading.putIfAbsent(key, mine);",
        i3 + "if (running != null) {",
        i4 + "mine = null;",
        i4 + "if (running.started == started) {",
        i4 + i + "try {",
        i4 + i + i + "@SuppressWarnings(\"unchecked\")",
        i4 + i + i + "T shared = (T) running.result.join();",
        i4 + i + i + "return shared;",
        i4 + i + "} catch (java.util.concurrent.CompletionException e) {",
        i4 + i + i + "throw new ValueRetrievalException(key, valueLoader, e.getCause());",
        i4 + i + "}",
        i4 + "}",
        i3 + "}",
        i3 + "T value;",
        i3 + "try {",
        i4 + "value = valueLoader.call();",
        i3 + "} catch (Throwable e) {",
        i4 + "if (mine != null) {",
        i4 + i + "loading.remove(key, mine);",
        i4 + i + "mine.result.completeExceptionally(e);",
        i4 + "}",
        i4 + "if (e instanceof Error) {",
        i4 + i + "throw (Error) e;",
        i4 + "}",
        i4 + "throw new ValueRetrievalException(key, valueLoader, e);",
        i3 + "}"));
    if (transactionAware) {
      lines.addAll(List.of(
          i3 + "if (writingTransaction.get() == null) { // never what a transaction read of its own write",
          i4 + "putLoaded(key, value, started);",
          i3 + "}"));
    } else {
      lines.add(i3 + "putLoaded(key, value, started);");
    }
    lines.addAll(List.of(
        i3 + "if (mine != null) {",
        i4 + "loading.remove(key, mine);",
        i4 + "mine.result.complete(value);",
        i3 + "}",
        i3 + "return value;",
        i2 + "}",
        "",
        i2 + "@Override",
        i2 + "public ValueWrapper putIfAbsent(Object key, Object value) {",
        i3 + "ValueWrapper cached = get(key);",
        i3 + (deferred ? "putNow(key, value); // at once, as Spring's decorator has it" : "put(key, value);"),
        i3 + "return cached;",
        i2 + "}"));
    if (deferred) {
      lines.addAll(List.of(
          "",
          i2 + "@Override",
          i2 + "public void evict(Object key) {",
          i3 + "afterCommit(() -> evictNow(key));",
          i2 + "}",
          "",
          i2 + "@Override",
          i2 + "public void clear() {",
          i3 + "afterCommit(this::clearNow);",
          i2 + "}",
          "",
          i2 + "/** In a transaction, at its commit (never after a rollback), as Spring's TransactionAwareCacheDecorator does. */",
          i2 + "private static void afterCommit(Runnable action) {",
          i3 + "if (!TransactionSynchronizationManager.isSynchronizationActive()) {",
          i4 + "action.run();",
          i4 + "return;",
          i3 + "}",
          i3 + "TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {"));
      lines.addAll(emptySynchronizationCallbacks(i4, "afterCommit()"));
      lines.addAll(List.of(
          i4 + "@Override",
          i4 + "public void afterCompletion(int status) {",
          i4 + "}",
          "",
          i4 + "@Override",
          i4 + "public void afterCommit() {",
          i4 + i + "action.run();",
          i4 + "}",
          i3 + "});",
          i2 + "}"));
    }
    lines.addAll(java.util.Arrays.asList(
        "",
        deferred ? i2 + "private synchronized void evictNow(Object key) {" : i2 + "@Override",
        deferred ? null : i2 + "public synchronized void evict(Object key) {",
        i3 + "evictions.incrementAndGet();",
        i3 + "super.evict(key);",
        i2 + "}"));
    if (!legacy) {
      lines.addAll(List.of(
          "",
          i2 + "@Override",
          i2 + "public synchronized boolean evictIfPresent(Object key) {",
          i3 + "evictions.incrementAndGet();",
          i3 + "return super.evictIfPresent(key);",
          i2 + "}"));
    }
    lines.addAll(java.util.Arrays.asList(
        "",
        deferred ? i2 + "private synchronized void clearNow() {" : i2 + "@Override",
        deferred ? null : i2 + "public synchronized void clear() {"));
    if (transactionAware) {
      lines.add(i3 + "openWrites.pollFirst(); // the eviction after a write: that write is done");
    }
    lines.addAll(List.of(
        i3 + "evictions.incrementAndGet();",
        i3 + "super.clear();",
        i2 + "}"));
    if (legacy && !transactionAware) {
      // Spring 5.2's Cache.invalidate() clears through clear(), which counts
      lines.add(i + "}");
      lines.removeIf(java.util.Objects::isNull);
      return lines;
    }
    lines.addAll(List.of(
        "",
        legacy ? i2 + "/** The eviction before a write, through its WriteStart: at once, in a transaction too. */" : i2 + "@Override",
        legacy ? i2 + "synchronized void writeStarts() {" : i2 + "public synchronized boolean invalidate() {",
        i3 + "evictions.incrementAndGet();"));
    if (transactionAware) {
      // Spring runs an eviction before the invocation with invalidate(), at once even inside a transaction
      lines.addAll(List.of(
          i3 + "if (TransactionSynchronizationManager.isSynchronizationActive() && writingTransaction.get() == null) {",
          i4 + "writingTransaction.set(Boolean.TRUE);",
          i4 + "TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {"));
      lines.addAll(emptySynchronizationCallbacks(i4 + i));
      lines.addAll(List.of(
          i4 + i + "@Override",
          i4 + i + "public void afterCompletion(int status) {",
          i4 + i + i + "writingTransaction.remove();",
          i4 + i + i + "transactionEnded(status == STATUS_COMMITTED);",
          i4 + i + "}",
          i4 + "});",
          i3 + "}"));
    }
    if (transactionAware) {
      lines.addAll(List.of(
          i3 + "openWrites.addLast(System.nanoTime()); // the eviction before a write: it is open until the one after",
          i3 + "if (TransactionSynchronizationManager.isSynchronizationActive()) {",
          i4 + "openedInTransaction.get()[0]++;",
          i3 + "}"));
    }
    lines.addAll(List.of(
        i3 + (legacy ? "super.clear();" : "return super.invalidate();"),
        i2 + "}"));
    if (transactionAware) {
      lines.addAll(List.of(
          "",
          i2 + "/** Whether a write is under way; one open longer than the timeout failed, and what it left is read now. */",
          i2 + "private boolean writeOpen() {",
          i3 + "long now = System.nanoTime();",
          i3 + "while (!openWrites.isEmpty() && now - openWrites.peekFirst() > WRITE_TIMEOUT_NANOS) {",
          i4 + "openWrites.pollFirst();",
          i4 + "evictions.incrementAndGet();",
          i4 + "super.clear();",
          i3 + "}",
          i3 + "return !openWrites.isEmpty();",
          i2 + "}",
          "",
          i2 + "/** A transaction's end: after a rollback no eviction follows its writes, which it undid. */",
          i2 + "private synchronized void transactionEnded(boolean committed) {",
          i3 + "int opened = openedInTransaction.get()[0];",
          i3 + "openedInTransaction.remove();",
          i3 + "if (!committed) {",
          i4 + "for (int i = 0; i < opened; i++) {",
          i4 + i + "openWrites.pollFirst();",
          i4 + "}",
          i4 + "evictions.incrementAndGet();",
          i3 + "}",
          i2 + "}"));
    }
    lines.add(i + "}");
    lines.removeIf(java.util.Objects::isNull);
    return lines;
  }

  /** The suffix of the name the eviction before a write names, before Spring 5.2: {@link #writeStart}. */
  public static final String WRITE_START = "/write-start";

  /**
   * Before Spring 5.2 a cache has no {@code invalidate()}, the eviction Spring runs at once even inside a transaction:
   * the eviction before a write names this view of its cache instead, whose {@code clear()} is that eviction.
   */
  private static List<String> writeStart(String i) {
    String i2 = i + i;
    String i3 = i2 + i;
    return List.of(
        "",
        i + "/** What the eviction before a write names: its cache's name and \"" + WRITE_START + "\". It holds nothing. */",
        i + "static final class WriteStart implements org.springframework.cache.Cache {",
        i2 + "private final WriteAwareCache cache;",
        "",
        i2 + "WriteStart(WriteAwareCache cache) {",
        i3 + "this.cache = cache;",
        i2 + "}",
        "",
        i2 + "@Override",
        i2 + "public String getName() {",
        i3 + "return cache.getName() + \"" + WRITE_START + "\";",
        i2 + "}",
        "",
        i2 + "@Override",
        i2 + "public Object getNativeCache() {",
        i3 + "return cache;",
        i2 + "}",
        "",
        i2 + "@Override",
        i2 + "public ValueWrapper get(Object key) {",
        i3 + "return null;",
        i2 + "}",
        "",
        i2 + "@Override",
        i2 + "public <T> T get(Object key, Class<T> type) {",
        i3 + "return null;",
        i2 + "}",
        "",
        i2 + "@Override",
        i2 + "public <T> T get(Object key, java.util.concurrent.Callable<T> valueLoader) {",
        i3 + "throw new UnsupportedOperationException(getName() + \" holds no values\");",
        i2 + "}",
        "",
        i2 + "@Override",
        i2 + "public void put(Object key, Object value) {",
        i2 + "}",
        "",
        i2 + "@Override",
        i2 + "public ValueWrapper putIfAbsent(Object key, Object value) {",
        i3 + "return null;",
        i2 + "}",
        "",
        i2 + "@Override",
        i2 + "public void evict(Object key) {",
        i3 + "cache.writeStarts();",
        i2 + "}",
        "",
        i2 + "@Override",
        i2 + "public void clear() {",
        i3 + "cache.writeStarts();",
        i2 + "}",
        i + "}");
  }

  private static final String METRICS_PARAMETER = "ObjectProvider<MeterRegistry> meterRegistry";

  /**
   * The tags besides {@code cache} that Spring Boot gives its caches' meters (name, and the cache manager under the key
   * its version uses), as arguments of {@code CaffeineCacheMetrics.monitor}: a Prometheus registry takes one set of keys
   * per meter name, and refuses the meters of whichever binding comes second (trial 61; Spring Boot 2.1.11's binder
   * failed the application's start on {@code cache.manager}: SpringBefore528RuntimeTest).
   *
   * @param key {@code cacheManager} or {@code cache.manager} ({@link
   *     dev.optkit.rewriters.caching.spring.SpringVersionFloor#meterTagKey})
   * @param name the expression of the cache's name
   */
  static String springBootTags(String key, String name) {
    return "\"" + key + "\", \"optkit\", \"name\", " + name;
  }

  /** The existing class with the new caches registered, or empty when its marker is gone. */
  public static Optional<String> extend(String existing, List<CachingTarget> targets, String nl) {
    int marker = existing.indexOf(MARKER);
    if (marker < 0) {
      return Optional.empty();
    }
    int lineStart = existing.lastIndexOf('\n', marker) + 1;
    String indent = existing.substring(lineStart, marker);
    StringBuilder added = new StringBuilder();
    boolean weighed = false;
    boolean throughContent = false;
    boolean byKey = false;
    boolean redis = isRedis(existing);
    CacheRegistry registry = CacheRegistry.of(existing);
    for (CachingTarget target : targets) {
      if (!existing.contains("\"" + target.cacheName() + "\"")) {
        // an earlier configuration without the overload that checks an entry's class keeps its own form
        boolean typed = RedisCacheConfigRewrite.typed(existing);
        added.append(TwoLevelCacheConfigRewrite.isTwoLevel(existing) ? TwoLevelCacheConfigRewrite.registration(target, indent,
            typed) : redis ? RedisCacheConfigRewrite.registration(target, indent, typed) : registration(target, indent, registry)).append(nl);
        weighed |= target.weighed();
        throughContent |= target.weighed() && target.contentGetter() != null;
        byKey |= keyedByCollection(target);
      }
    }
    String extended = existing.substring(0, lineStart) + added + existing.substring(lineStart);
    if (weighed && !existing.contains(" " + ElementWeigher.WEIGHED_REGISTER + "(" + registry.parameter())) {
      // a configuration from an earlier migration, before any cache was weighed: its methods go before the class ends
      String member = indent.substring(0, indent.length() / 2);
      int end = extended.lastIndexOf('}');
      extended = extended.substring(0, end) + String.join(nl, ElementWeigher.springRegistrations(member, throughContent, registry))
          + nl + extended.substring(end);
    } else if (throughContent && !ElementWeigher.hasContentRegistration(existing)) {
      // weighed caches from an earlier migration, none through a getter: the overload goes before the class ends
      String member = indent.substring(0, indent.length() / 2);
      int end = extended.lastIndexOf('}');
      extended = extended.substring(0, end) + String.join(nl, ElementWeigher.contentRegistration(member, registry)) + nl + extended.substring(end);
    }
    if (byKey && !existing.contains(" " + ElementWeigher.KEY_WEIGHED_REGISTER + "(" + registry.parameter())) {
      String member = indent.substring(0, indent.length() / 2);
      int end = extended.lastIndexOf('}');
      extended = extended.substring(0, end) + String.join(nl, ElementWeigher.keyRegistration(member, registry)) + nl + extended.substring(end);
    }
    return Optional.of(extended);
  }

  /** A weighed cache whose key holds a copy of a collection argument: its key's values weigh too. */
  static boolean keyedByCollection(CachingTarget target) {
    return target.weighed() && target.method().fact().params().stream()
        .anyMatch(p -> dev.optkit.rewriters.caching.keys.ClientSizedKeys.KEYED_COLLECTIONS.contains(p.qualifiedType()));
  }

  /** Whether an existing configuration keeps its caches in Redis (the redis backend made it). */
  public static boolean isRedis(String existing) {
    return existing.contains("RedisCacheManager");
  }

  private static String registration(CachingTarget target, String indent, CacheRegistry registry) {
    if (target.weighed()) {
      // PageResponse keeps its rows in a field: the weigher counts what its getter returns (a raw cast: any type arguments)
      String content = target.contentGetter() == null ? keyedByCollection(target) ? ", value -> value" : ""
          : ", value -> ((" + target.method().fact().returnType() + ") value)." + target.contentGetter() + "()";
      return indent + (keyedByCollection(target) ? ElementWeigher.KEY_WEIGHED_REGISTER : ElementWeigher.WEIGHED_REGISTER)
          + "(" + registry.argument() + ", " + JavaText.literal(target.cacheName()) + ", "
          + target.policy().ttlSeconds() + ", " + target.policy().maximumWeight() + content + "); // " + target.policyName() + ": "
          + target.method().fact().displayName() + "(), weighed by elements: "
          + String.join(", ", target.clientSizes()) + " sets how many";
    }
    return indent + "register(" + registry.argument() + ", " + JavaText.literal(target.cacheName()) + ", " + target.policy().ttlSeconds() + ", "
        + target.policy().maximumSize() + "); // " + target.policyName() + ": "
        + target.method().fact().displayName() + "()";
  }

  /**
   * The callbacks of Spring's TransactionSynchronization a generated one leaves empty, each written out
   * (before Spring 5.3 the interface has no default methods), for this class's and the Redis backend's.
   *
   * @param indent the indentation of the anonymous class's members
   */
  public static List<String> emptySynchronizationCallbacks(String indent) {
    return emptySynchronizationCallbacks(indent, "");
  }

  /** As {@link #emptySynchronizationCallbacks(String)}, but for the one callback the caller writes itself. */
  static List<String> emptySynchronizationCallbacks(String indent, String written) {
    List<String> lines = new java.util.ArrayList<>();
    for (String callback : List.of("suspend()", "resume()", "flush()", "beforeCommit(boolean readOnly)",
        "beforeCompletion()", "afterCommit()")) {
      if (callback.equals(written)) {
        continue;
      }
      lines.addAll(List.of(indent + "@Override", indent + "public void " + callback + " {", indent + "}", ""));
    }
    return lines;
  }
}
