package dev.optkit.rewriters.caching;

import java.util.ArrayList;
import java.util.List;

/**
 * What the two-level backend adds to the redis backend's configuration class
 * ({@link RedisCacheConfigRewrite}, docs/cache-backends.md): a bounded Caffeine level in each JVM in
 * front of Redis ({@code LocalLevel}), and the cache writer that reads it first
 * ({@code TwoLevelCacheWriter}). Writers' evictions are broadcast over Redis pub/sub and the writer
 * waits until every live instance has dropped the entries; the level is served only while this
 * instance's own heartbeat comes back over its subscription, so a dropped connection empties it.
 */
public final class TwoLevelCacheConfigRewrite {
  private TwoLevelCacheConfigRewrite() {}

  /** The local TTL is the shared one divided by this: the backstop for an eviction message that was lost. */
  public static final int LOCAL_TTL_DIVISOR = 10;

  /** The bean holding the local level; the manager takes it by this name. */
  static final String LEVEL_BEAN = "optkitLocalLevel";

  /** Whether an existing configuration is a two-level one (the two-level backend made it). */
  public static boolean isTwoLevel(String existing) {
    return existing.contains("class LocalLevel ");
  }

  /** The tag value naming the local level's meters apart from Redis's (the key Spring Boot's binder uses). */
  static final String LEVEL_METERS = "optkitLocalLevel";

  /** The imports the two-level classes need besides the redis backend's (and Micrometer's, with metrics). */
  static List<String> imports(boolean metrics) {
    List<String> imports = new ArrayList<>(List.of(
        "com.github.benmanes.caffeine.cache.Cache",
        "com.github.benmanes.caffeine.cache.Caffeine",
        "com.github.benmanes.caffeine.cache.stats.CacheStats",
        "java.util.Base64",
        "java.util.UUID",
        "java.util.concurrent.ConcurrentHashMap",
        "java.util.concurrent.ExecutorService",
        "java.util.concurrent.Executors",
        "java.util.concurrent.ScheduledExecutorService",
        "java.util.concurrent.TimeUnit",
        "java.util.function.BiConsumer",
        "org.springframework.data.redis.connection.Message",
        "org.springframework.data.redis.connection.MessageListener"));
    if (metrics) {
      imports.addAll(List.of("io.micrometer.core.instrument.MeterRegistry",
          "io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics",
          "org.springframework.beans.factory.ObjectProvider"));
    }
    return imports;
  }

  /** The line registering one cache in both levels, inside the manager's bean method. */
  static String registration(CachingTarget target, String indent) {
    Long size = target.policy().maximumSize();
    return indent + "register(caches, " + LEVEL_BEAN + ", " + JavaText.literal(target.cacheName()) + ", "
        + target.policy().ttlSeconds() + ", " + (size == null ? 1000 : size) + "); // " + target.policyName() + ": "
        + target.method().fact().displayName() + "()";
  }

  /**
   * The bean method making the local level, closed (its subscription and heartbeat stopped) with the
   * context; with metrics, each of its caches is bound to the application's registry as it is added.
   */
  static List<String> levelBean(String i, boolean metrics) {
    if (!metrics) {
      return reindent(i, """
          /** This JVM's level in front of Redis: see LocalLevel. Closed with the application context. */
          @Bean(name = "%s", destroyMethod = "close")
          public LocalLevel %s(RedisConnectionFactory connectionFactory) {
              return new LocalLevel(connectionFactory);
          }
          """.formatted(LEVEL_BEAN, LEVEL_BEAN), 1);
    }
    return reindent(i, """
        /**
         * This JVM's level in front of Redis: see LocalLevel. Closed with the application context. Its caches'
         * statistics are in the application's MeterRegistry when it has one, tagged cache.manager=%s
         * (Redis's own, counting only what reaches Redis, are the RedisCacheManager's).
         */
        @Bean(name = "%s", destroyMethod = "close")
        public LocalLevel %s(RedisConnectionFactory connectionFactory, ObjectProvider<MeterRegistry> meterRegistry) {
            LocalLevel level = new LocalLevel(connectionFactory);
            meterRegistry.ifAvailable(registry -> level.whenAdded((name, cache) ->
                    CaffeineCacheMetrics.monitor(registry, cache, name, "cache.manager", "%s")));
            return level;
        }
        """.formatted(LEVEL_METERS, LEVEL_BEAN, LEVEL_BEAN, LEVEL_METERS), 1);
  }

  /** The overload of register() that gives the cache its local level too. */
  static List<String> register(String i) {
    return reindent(i, """
        private static void register(RedisCacheManager.RedisCacheManagerBuilder caches, LocalLevel level, String name,
                long ttlSeconds, long maximumSize) {
            register(caches, name, ttlSeconds);
            // a tenth of the shared TTL: the backstop for an eviction message this instance never received
            level.add(name, Math.max(1000, ttlSeconds * 1000 / %d), maximumSize);
        }
        """.formatted(LOCAL_TTL_DIVISOR), 1);
  }

  /** The nested classes: the local level and the writer reading it before Redis. */
  static List<String> classes(String i) {
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.addAll(reindent(i, LOCAL_LEVEL, 1));
    lines.add("");
    lines.addAll(reindent(i, WRITER, 1));
    return lines;
  }

  /** The text, written with four spaces a level, in the project's indent, {@code depth} levels in. */
  private static List<String> reindent(String indent, String text, int depth) {
    List<String> lines = new ArrayList<>();
    for (String line : text.stripTrailing().split("\n", -1)) {
      if (line.isBlank()) {
        lines.add("");
        continue;
      }
      int spaces = 0;
      while (spaces < line.length() && line.charAt(spaces) == ' ') {
        spaces++;
      }
      lines.add(indent.repeat(depth + spaces / 4) + " ".repeat(spaces % 4) + line.substring(spaces));
    }
    return lines;
  }

  private static final String LOCAL_LEVEL = """
      /**
       * The local level: per cache, a bounded Caffeine cache in this JVM of the bytes Redis holds (each hit is
       * read back through the serializer, so every caller gets its own copy, as from Redis). It is served only
       * while this instance's own heartbeat, published through Redis every 250 ms, came back over its
       * subscription less than a second ago and in order: then every eviction broadcast before that heartbeat
       * has been received too. When a heartbeat is late or missing (Redis stopped, the connection dropped), the
       * level is emptied and every read goes to Redis (to the source while Redis is down) until this instance's
       * heartbeats come back, when it is emptied once more: what was broadcast meanwhile is lost. A writer's
       * eviction is broadcast, and the writer waits until every instance seen alive has dropped the entries, at
       * most 1.5 s: by then one that has not answered has stopped serving its level, its heartbeat lapsed.
       */
      public static final class LocalLevel implements MessageListener, AutoCloseable {
          private static final String CHANNEL = KEY_PREFIX + "evictions";
          private static final long BEAT_MILLIS = 250;
          private static final long LAPSE_NANOS = TimeUnit.SECONDS.toNanos(1);
          private static final long ANSWER_MILLIS = 1500;
          /** An instance whose heartbeat was seen this recently is waited for by a writer. */
          private static final long ALIVE_NANOS = TimeUnit.SECONDS.toNanos(3);
          private static final Log LOG = LogFactory.getLog(LocalLevel.class);

          private final RedisConnectionFactory connections;
          private final String instance = UUID.randomUUID().toString();
          private final Map<String, Cache<ByteBuffer, byte[]>> caches = new ConcurrentHashMap<>();
          private volatile BiConsumer<String, Cache<ByteBuffer, byte[]>> added = (name, cache) -> { };
          /** Counts up on every eviction received and every lapse: a load that saw it change stores nothing here. */
          private long generation;
          private boolean serving;
          private long lastBeat;
          private long beatsReceived;
          private long beatsSent;
          /** Other instances, by id: when their heartbeat was last seen. */
          private final Map<String, Long> peers = new ConcurrentHashMap<>();
          /** By eviction message: the instances that have not yet said they dropped the entries. */
          private final Map<String, Set<String>> unanswered = new ConcurrentHashMap<>();
          private final AtomicLong messages = new AtomicLong();
          private volatile boolean closed;
          private volatile RedisConnection subscribed;
          /** Messages handled one at a time, in order, off the Redis client's own threads. */
          private final ExecutorService handling = Executors.newSingleThreadExecutor(r -> daemon(r, "optkit-cache-evictions"));
          private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(
                  r -> daemon(r, "optkit-cache-heartbeat"));

          LocalLevel(RedisConnectionFactory connections) {
              this.connections = connections;
              daemon(this::subscribe, "optkit-cache-subscription").start();
              beats.scheduleWithFixedDelay(this::beat, 0, BEAT_MILLIS, TimeUnit.MILLISECONDS);
          }

          /**
           * Keeps this instance subscribed, again a second after each failure. Jedis blocks in subscribe() while it
           * lasts; Lettuce returns at once and resubscribes by itself after a reconnection. (Not Spring's
           * RedisMessageListenerContainer: while Redis is down, its recovery holds the lock its stop() needs.)
           */
          private void subscribe() {
              while (!closed) {
                  try (RedisConnection connection = connections.getConnection()) {
                      subscribed = connection;
                      connection.subscribe(this, CHANNEL.getBytes(StandardCharsets.UTF_8));
                      while (!closed && connection.isSubscribed()) {
                          Thread.sleep(BEAT_MILLIS);
                      }
                  } catch (InterruptedException e) {
                      return;
                  } catch (RuntimeException e) {
                      lapse("not subscribed to Redis: " + e.getMessage());
                  } finally {
                      subscribed = null;
                  }
                  try {
                      Thread.sleep(1000);
                  } catch (InterruptedException e) {
                      return;
                  }
              }
          }

          private static Thread daemon(Runnable task, String name) {
              Thread thread = new Thread(task, name);
              thread.setDaemon(true);
              return thread;
          }

          void add(String name, long ttlMillis, long maximumSize) {
              Cache<ByteBuffer, byte[]> cache = Caffeine.newBuilder().expireAfterWrite(ttlMillis, TimeUnit.MILLISECONDS)
                      .maximumSize(maximumSize).recordStats().build();
              caches.put(name, cache);
              added.accept(name, cache);
          }

          /** Hands each cache, those added already and those to come, to what binds its statistics (a registry). */
          synchronized void whenAdded(BiConsumer<String, Cache<ByteBuffer, byte[]>> binder) {
              added = binder;
              caches.forEach(binder);
          }

          /** The local level's own statistics for one cache (its hits never reach Redis's). */
          public CacheStats statistics(String name) {
              return caches.get(name).stats();
          }

          /** How many entries the local level holds, all caches together. */
          public long size() {
              long size = 0;
              for (Cache<ByteBuffer, byte[]> cache : caches.values()) {
                  cache.cleanUp();
                  size += cache.estimatedSize();
              }
              return size;
          }

          /** Whether the level may answer now: this instance's heartbeat came back in time. Empties it when not. */
          public synchronized boolean serving() {
              if (serving && System.nanoTime() - lastBeat > LAPSE_NANOS) {
                  lapse("no heartbeat came back through Redis for a second");
              }
              return serving;
          }

          synchronized long generation() {
              return generation;
          }

          byte[] get(String name, ByteBuffer key) {
              Cache<ByteBuffer, byte[]> cache = caches.get(name);
              return cache == null ? null : cache.getIfPresent(key);
          }

          /** Stores what a load read only when no eviction reached this instance and no lapse happened since it began. */
          synchronized void store(String name, ByteBuffer key, byte[] value, long noted) {
              Cache<ByteBuffer, byte[]> cache = caches.get(name);
              if (cache != null && serving() && generation == noted) {
                  cache.put(key, value);
              }
          }

          private synchronized void lapse(String why) {
              if (serving) {
                  LOG.warn("optkit two-level cache: local level emptied and bypassed: " + why);
              }
              serving = false;
              drop(null, null);
          }

          /** Drops a key of a cache, a whole cache (no key), or everything (no name). */
          private synchronized void drop(String name, ByteBuffer key) {
              generation++;
              for (Map.Entry<String, Cache<ByteBuffer, byte[]>> cache : caches.entrySet()) {
                  if (name == null || (name.equals(cache.getKey()) && key == null)) {
                      cache.getValue().invalidateAll();
                  } else if (name.equals(cache.getKey())) {
                      cache.getValue().invalidate(key);
                  }
              }
          }

          private void beat() {
              serving();
              try {
                  publish("h " + instance + " " + (++beatsSent));
              } catch (RuntimeException e) {
                  lapse("Redis unreachable: " + e.getMessage());
              }
          }

          private void publish(String message) {
              try (RedisConnection connection = connections.getConnection()) {
                  connection.publish(CHANNEL.getBytes(StandardCharsets.UTF_8), message.getBytes(StandardCharsets.UTF_8));
              }
          }

          /**
           * After a writer evicted in Redis: drops the entries here, tells every instance, and waits until each
           * one seen alive says it dropped them too (at most 1.5 s, then a warning).
           */
          void evicted(String name, byte[] key) {
              drop(name, key == null ? null : ByteBuffer.wrap(key));
              String id = instance + "/" + messages.incrementAndGet();
              Set<String> waiting = ConcurrentHashMap.newKeySet();
              long now = System.nanoTime();
              peers.forEach((peer, seen) -> {
                  if (now - seen < ALIVE_NANOS) {
                      waiting.add(peer);
                  }
              });
              unanswered.put(id, waiting);
              try {
                  publish("e " + id + " " + encode(name.getBytes(StandardCharsets.UTF_8)) + " "
                          + (key == null ? "*" : encode(key)));
                  long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ANSWER_MILLIS);
                  synchronized (waiting) {
                      for (long left = deadline - System.nanoTime(); !waiting.isEmpty() && left > 0;
                              left = deadline - System.nanoTime()) {
                          waiting.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                      }
                  }
                  if (!waiting.isEmpty()) {
                      LOG.warn("optkit two-level cache " + name + ": " + waiting.size() + " instance(s) did not confirm the "
                              + "eviction within 1.5 s; one that lost Redis stopped serving its local level");
                  }
              } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
              } finally {
                  unanswered.remove(id);
              }
          }

          private static String encode(byte[] bytes) {
              return Base64.getEncoder().encodeToString(bytes);
          }

          @Override
          public void onMessage(Message message, byte[] pattern) {
              byte[] body = message.getBody();
              handling.execute(() -> handle(new String(body, StandardCharsets.UTF_8)));
          }

          private void handle(String text) {
              String[] words = text.split(" ");
              long now = System.nanoTime();
              if (words[0].equals("h") && words.length == 3) {
                  heartbeat(words[1], Long.parseLong(words[2]), now);
              } else if (words[0].equals("e") && words.length == 4) {
                  String writer = words[1].substring(0, words[1].indexOf('/'));
                  if (!writer.equals(instance)) {
                      drop(new String(Base64.getDecoder().decode(words[2]), StandardCharsets.UTF_8),
                              words[3].equals("*") ? null : ByteBuffer.wrap(Base64.getDecoder().decode(words[3])));
                      try {
                          publish("a " + words[1] + " " + instance);
                      } catch (RuntimeException e) {
                          lapse("Redis unreachable: " + e.getMessage());
                      }
                  }
              } else if (words[0].equals("a") && words.length == 3) {
                  Set<String> waiting = unanswered.get(words[1]);
                  if (waiting != null) {
                      synchronized (waiting) {
                          waiting.remove(words[2]);
                          waiting.notifyAll();
                      }
                  }
              } else if (words[0].equals("b") && words.length == 2) {
                  peers.remove(words[1]);
              }
          }

          private synchronized void heartbeat(String from, long beat, long now) {
              if (!from.equals(instance)) {
                  peers.put(from, now);
                  return;
              }
              if (!serving || beat != beatsReceived + 1) {
                  // the first heartbeat, one after a lapse, or one after a lost one: evictions may have been lost with it
                  drop(null, null);
                  serving = true;
              }
              beatsReceived = beat;
              lastBeat = now;
          }

          @Override
          public void close() {
              closed = true;
              beats.shutdownNow();
              try {
                  publish("b " + instance);
              } catch (RuntimeException e) {
                  // Redis unreachable: the others stop waiting for this instance within 3 s
              }
              RedisConnection connection = subscribed;
              if (connection != null) {
                  try {
                      connection.getSubscription().unsubscribe(); // Jedis: ends the blocking subscribe()
                  } catch (RuntimeException e) {
                      // already gone with the connection
                  }
              }
              handling.shutdownNow();
          }
      }
      """;

  private static final String WRITER = """
      /**
       * Reads the local level first, then Redis through the write-aware writer. What a read brings from Redis, or
       * a load stores in Redis, is kept locally only when no eviction reached this instance meanwhile and the
       * script stored it in Redis (no eviction overlapped its load on any instance). A transaction that evicted a
       * cache reads past both levels until it ends. Each eviction is made in Redis, then broadcast (LocalLevel).
       */
      static final class TwoLevelCacheWriter implements RedisCacheWriter {
          private final WriteAwareCacheWriter shared;
          private final LocalLevel local;
          /** Per thread, by cache and key, the local level's generation when its miss went to Redis. */
          private final ThreadLocal<Map<String, Map<ByteBuffer, Long>>> misses = ThreadLocal.withInitial(HashMap::new);

          TwoLevelCacheWriter(WriteAwareCacheWriter shared, LocalLevel local) {
              this.shared = shared;
              this.local = local;
          }

          @Override
          public byte[] get(String name, byte[] key) {
              if (shared.writing.get().contains(name) || !local.serving()) {
                  return shared.get(name, key);
              }
              ByteBuffer local = ByteBuffer.wrap(key);
              byte[] hit = this.local.get(name, local);
              if (hit != null) {
                  return hit;
              }
              long noted = this.local.generation();
              byte[] value = shared.get(name, key);
              if (value != null) {
                  this.local.store(name, local, value, noted);
              } else {
                  Map<ByteBuffer, Long> keys = misses.get().computeIfAbsent(name, n -> new HashMap<>());
                  if (keys.size() >= 64) {
                      keys.clear();
                  }
                  keys.put(local, noted);
              }
              return value;
          }

          /** With a time to idle, which optkit's caches do not use. */
          public byte[] get(String name, byte[] key, Duration ttl) {
              return get(name, key);
          }

          @Override
          public void put(String name, byte[] key, byte[] value, Duration ttl) {
              Map<ByteBuffer, Long> keys = misses.get().get(name);
              Long noted = keys == null ? null : keys.remove(ByteBuffer.wrap(key));
              if (shared.stored(name, key, value, ttl) && noted != null) {
                  local.store(name, ByteBuffer.wrap(key), value, noted);
              }
          }

          @Override
          public byte[] putIfAbsent(String name, byte[] key, byte[] value, Duration ttl) {
              return shared.putIfAbsent(name, key, value, ttl);
          }

          @Override
          public void remove(String name, byte[] key) {
              shared.remove(name, key);
              local.evicted(name, key);
          }

          @Override
          public void clean(String name, byte[] pattern) {
              shared.clean(name, pattern);
              local.evicted(name, null);
          }

          /** Spring Data Redis 4's remove, which its caches call (3.x has none: this overloads nothing there). */
          public void evict(String name, byte[] key) {
              remove(name, key);
          }

          /** Spring Data Redis 4's clean, which its caches call (3.x has none: this overloads nothing there). */
          public void clear(String name, byte[] pattern) {
              clean(name, pattern);
          }

          /** Asynchronous reads (of CompletableFuture results, which optkit does not cache in Spring): as a read. */
          public CompletableFuture<byte[]> retrieve(String name, byte[] key, Duration ttl) {
              return CompletableFuture.completedFuture(get(name, key));
          }

          public CompletableFuture<Void> store(String name, byte[] key, byte[] value, Duration ttl) {
              put(name, key, value, ttl);
              return CompletableFuture.completedFuture(null);
          }

          @Override
          public void clearStatistics(String name) {
              shared.clearStatistics(name);
          }

          @Override
          public RedisCacheWriter withStatisticsCollector(CacheStatisticsCollector collector) {
              return new TwoLevelCacheWriter((WriteAwareCacheWriter) shared.withStatisticsCollector(collector), local);
          }

          @Override
          public CacheStatistics getCacheStatistics(String name) {
              return shared.getCacheStatistics(name);
          }
      }
      """;
}
