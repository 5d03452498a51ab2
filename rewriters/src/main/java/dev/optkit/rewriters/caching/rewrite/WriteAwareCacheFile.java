package dev.optkit.rewriters.caching.rewrite;

import static dev.optkit.rewriters.caching.rewrite.SpringCacheConfigRewrite.WRITE_START;

import dev.optkit.rewriters.caching.OptkitCacheConfigNames;
import java.util.ArrayList;
import java.util.List;

/**
 * The cache class behind optkit's Caffeine caches in Spring, in a file of its own beside the configuration: the same
 * code in every module that has the same Spring form and transactions, so the configuration a reviewer reads holds
 * only what is the module's own (its caches, their TTLs and bounds). It never stores a value whose load overlapped
 * an eviction ({@link #cacheClass}); before Spring 5.2, with transactions, it carries the view the eviction before a
 * write names ({@link #writeStart}).
 */
public final class WriteAwareCacheFile {
  public static final String CLASS_NAME = "OptkitWriteAwareCache";

  private WriteAwareCacheFile() {}

  /**
   * The file, in the configuration's package.
   *
   * @param transactionAware the module runs transactions: a transaction that evicted before its write reads past the
   *     cache, and writes open until their eviction after them ({@link #cacheClass})
   * @param legacy before Spring 5.2.8 (no {@code invalidate()}, no {@code evictIfPresent}; with transactions the
   *     puts and evictions wait for the commit here, and the eviction before a write names {@link #writeStart})
   */
  public static String create(String packageName, boolean transactionAware, boolean legacy, String indent, String nl) {
    List<String> lines = new ArrayList<>();
    if (!packageName.isEmpty()) {
      lines.add("package " + packageName + ";");
      lines.add("");
    }
    lines.add("import java.util.LinkedHashMap;");
    lines.add("import java.util.Map;");
    lines.add("import java.util.concurrent.atomic.AtomicLong;");
    lines.add("import org.springframework.cache.caffeine.CaffeineCache;");
    if (transactionAware) {
      lines.add("import org.springframework.transaction.support.TransactionSynchronization;");
      lines.add("import org.springframework.transaction.support.TransactionSynchronizationManager;");
    }
    lines.add("");
    lines.add("/**");
    lines.add(" * The cache class of optkit's caches in " + OptkitCacheConfigNames.CLASS_NAME
        + ": never stores a value loaded while an eviction ran, as");
    lines.add(" * it may hold data read before that write. Written by optkit migrate, the same in every module of this form.");
    lines.add(" */");
    // generated as a member at one indentation, then moved out to the top level
    for (String line : cacheClass(indent, transactionAware, legacy)) {
      lines.add(line.isEmpty() ? line : line.substring(indent.length()));
    }
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
  private static List<String> cacheClass(String i, boolean transactionAware, boolean legacy) {
    // before Spring 5.2 a transaction's puts and evictions wait for its commit here, not in Spring's decorator
    boolean deferred = legacy && transactionAware;
    // a write is open from the eviction before it to the one after it: with transactions, and from Spring 5.2.8 on
    // (invalidate() tells the eviction before a write from the one after it, clear())
    boolean openWrites = transactionAware || !legacy;
    String i2 = i + i;
    String i3 = i2 + i;
    String i4 = i3 + i;
    List<String> lines = new ArrayList<>(List.of(
        i + "final class " + CLASS_NAME + " extends CaffeineCache {",
        i2 + "private final AtomicLong evictions = new AtomicLong();",
        i2 + "/** Per thread, the eviction count when each key it is loading first missed (the few kept bound what failed loads leave). */",
        i2 + "private final ThreadLocal<Map<Object, Long>> loadsStarted = ThreadLocal.withInitial(LinkedHashMap::new);",
        i2 + "/** For @Cacheable(sync = true): the load under way for each key, which a read of that key waits for. */",
        i2 + "private final java.util.concurrent.ConcurrentHashMap<Object, Load> loading = new java.util.concurrent.ConcurrentHashMap<>();"));
    if (transactionAware) {
      lines.add(i2 + "/** Set while this thread's transaction has evicted before its write: the cache lacks that write. */");
      lines.add(i2 + "private final ThreadLocal<Boolean> writingTransaction = new ThreadLocal<>();");
    }
    if (openWrites) {
      lines.add(i2 + "/**");
      lines.add(i2 + " * The thread and time of each eviction before a write, until that thread's eviction after it: nothing");
      lines.add(i2 + " * loaded meanwhile is stored. A writer that fails runs no eviction after it, though what it wrote may");
      lines.add(i2 + " * stay (no transaction rolled it back): its write counts as open until -Doptkit.cache.writeTimeoutSeconds");
      lines.add(i2 + " * (60) have passed, whatever other writes end meanwhile.");
      lines.add(i2 + " */");
      lines.add(i2 + "private final java.util.ArrayDeque<Map.Entry<Thread, Long>> openWrites = new java.util.ArrayDeque<>();");
    }
    if (transactionAware) {
      lines.add(i2 + "/** Per thread, the writes its transaction opened: a rollback runs no eviction after them. */");
      lines.add(i2 + "private final ThreadLocal<int[]> openedInTransaction = ThreadLocal.withInitial(() -> new int[1]);");
    }
    if (openWrites) {
      lines.add(i2 + "private static final long WRITE_TIMEOUT_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(");
      lines.add(i3 + "Long.getLong(\"optkit.cache.writeTimeoutSeconds\", 60L));");
    }
    lines.addAll(List.of(
        "",
        i2 + CLASS_NAME + "(String name, com.github.benmanes.caffeine.cache.Cache<Object, Object> cache, boolean allowNullValues) {",
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
    lines.addAll(java.util.Arrays.asList(
        i3 + "Object value = super.lookup(key);",
        i3 + "if (value == null) {",
        i4 + "Map<Object, Long> started = loadsStarted.get();",
        i4 + "if (started.size() >= 64) {",
        i4 + i + "started.clear();",
        i4 + "}",
        openWrites ? i4 + "writeOpen(); // a write open past its timeout failed: what it left is read from here on" : null,
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
        i3 + "if (" + (openWrites ? "!writeOpen() && " : "") + "started == evictions.get()) {",
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
      lines.addAll(SpringCacheConfigRewrite.emptySynchronizationCallbacks(i4, "afterCommit()"));
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
    if (openWrites) {
      lines.add(i3 + "writeDone(true); // the eviction after a write: that write is done");
    }
    lines.addAll(List.of(
        i3 + "evictions.incrementAndGet();",
        i3 + "super.clear();",
        i2 + "}"));
    if (legacy && !transactionAware) {
      // Spring 5.2's Cache.invalidate() clears through clear(), which counts
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
      lines.addAll(SpringCacheConfigRewrite.emptySynchronizationCallbacks(i4 + i));
      lines.addAll(List.of(
          i4 + i + "@Override",
          i4 + i + "public void afterCompletion(int status) {",
          i4 + i + i + "writingTransaction.remove();",
          i4 + i + i + "transactionEnded(status == STATUS_COMMITTED);",
          i4 + i + "}",
          i4 + "});",
          i3 + "}"));
    }
    if (openWrites) {
      lines.add(i3 + "// the eviction before a write: it is open until its thread's eviction after it");
      lines.add(i3 + "openWrites.addLast(new java.util.AbstractMap.SimpleImmutableEntry<>(Thread.currentThread(), System.nanoTime()));");
    }
    if (transactionAware) {
      lines.addAll(List.of(
          i3 + "if (TransactionSynchronizationManager.isSynchronizationActive()) {",
          i4 + "openedInTransaction.get()[0]++;",
          i3 + "}"));
    }
    lines.addAll(List.of(
        i3 + (legacy ? "super.clear();" : "return super.invalidate();"),
        i2 + "}"));
    if (openWrites) {
      lines.addAll(List.of(
          "",
          i2 + "/** Whether a write is under way; one open longer than the timeout failed, and what it left is read now. */",
          i2 + "private synchronized boolean writeOpen() {",
          i3 + "long now = System.nanoTime();",
          i3 + "while (!openWrites.isEmpty() && now - openWrites.peekFirst().getValue() > WRITE_TIMEOUT_NANOS) {",
          i4 + "openWrites.pollFirst();",
          i4 + "evictions.incrementAndGet();",
          i4 + "super.clear();",
          i3 + "}",
          i3 + "return !openWrites.isEmpty();",
          i2 + "}",
          "",
          i2 + "/**",
          i2 + " * This thread's latest open write is done (a failed one's stays open until its timeout); with orOldest, on a",
          i2 + " * thread with none open (a writer whose future completes on another thread), the oldest open write is.",
          i2 + " */",
          i2 + "private void writeDone(boolean orOldest) {",
          i3 + "for (java.util.Iterator<Map.Entry<Thread, Long>> latest = openWrites.descendingIterator(); latest.hasNext();) {",
          i4 + "if (latest.next().getKey() == Thread.currentThread()) {",
          i4 + i + "latest.remove();",
          i4 + i + "return;",
          i4 + "}",
          i3 + "}",
          i3 + "if (orOldest) {",
          i4 + "openWrites.pollFirst();",
          i3 + "}",
          i2 + "}"));
    }
    if (transactionAware) {
      lines.addAll(List.of(
          "",
          i2 + "/** A transaction's end: after a rollback no eviction follows its writes, which it undid. */",
          i2 + "private synchronized void transactionEnded(boolean committed) {",
          i3 + "int opened = openedInTransaction.get()[0];",
          i3 + "openedInTransaction.remove();",
          i3 + "if (!committed) {",
          i4 + "for (int i = 0; i < opened; i++) {",
          i4 + i + "writeDone(false); // this transaction's own: a rollback closes no other thread's",
          i4 + "}",
          i4 + "evictions.incrementAndGet();",
          i3 + "}",
          i2 + "}"));
    }
    lines.removeIf(java.util.Objects::isNull);
    return lines;
  }

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
        i2 + "private final " + CLASS_NAME + " cache;",
        "",
        i2 + "WriteStart(" + CLASS_NAME + " cache) {",
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
}
