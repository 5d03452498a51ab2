package dev.optkit.rewriters.caching.rewrite;

import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.text.JavaText;
import java.util.ArrayList;
import java.util.List;

/**
 * What the two-level backend adds to the redis backend's configuration class
 * ({@link RedisCacheConfigRewrite}, docs/cache-backends.md) and to the classes beside it
 * ({@link RedisCacheClassesFile}): a bounded Caffeine level in each JVM in front of Redis ({@code LocalLevel}), and
 * the cache writer that reads it first ({@code TwoLevelCacheWriter}); the configuration holds the level's bean and
 * each cache's bound. Writers' evictions are broadcast over Redis pub/sub and the writer
 * waits until every live instance has dropped the entries; the level is served only while this
 * instance's own heartbeat comes back over its subscription, so a dropped connection empties it.
 */
public final class TwoLevelCacheConfigRewrite {
  private TwoLevelCacheConfigRewrite() {}

  /** The local TTL is the shared one divided by this: the backstop for an eviction message that was lost. */
  public static final int LOCAL_TTL_DIVISOR = 10;

  /** The simple name of the local level's class: a second migration finds it among the index's types. */
  public static final String LEVEL_CLASS = "LocalLevel";

  /** The bean holding the local level; the manager takes it by this name. */
  static final String LEVEL_BEAN = "optkitLocalLevel";

  /** The local level's class, nested in {@link RedisCacheClassesFile}'s, as the configuration names it. */
  static final String LEVEL_TYPE = RedisCacheClassesFile.CLASS_NAME + "." + LEVEL_CLASS;

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
  public static String registration(CachingTarget target, String indent, boolean typed) {
    Long size = target.policy().maximumSize();
    return indent + "register(caches, " + LEVEL_BEAN + ", " + JavaText.literal(target.cacheName()) + ", "
        + target.policy().ttlSeconds() + ", " + (size == null ? 1000 : size)
        + RedisCacheConfigRewrite.answersArgument(target, typed) + "); // " + target.policyName() + ": "
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
          public %s %s(RedisConnectionFactory connectionFactory) {
              return new %s(connectionFactory);
          }
          """.formatted(LEVEL_BEAN, LEVEL_TYPE, LEVEL_BEAN, LEVEL_TYPE), 1);
    }
    return reindent(i, """
        /**
         * This JVM's level in front of Redis: see LocalLevel. Closed with the application context. Its caches'
         * statistics are in the application's MeterRegistry when it has one, tagged cache.manager=%s
         * (Redis's own, counting only what reaches Redis, are the RedisCacheManager's).
         */
        @Bean(name = "%s", destroyMethod = "close")
        public %s %s(RedisConnectionFactory connectionFactory, ObjectProvider<MeterRegistry> meterRegistry) {
            %s level = new %s(connectionFactory);
            meterRegistry.ifAvailable(registry -> level.whenAdded((name, cache) ->
                    CaffeineCacheMetrics.monitor(registry, cache, name, "cache.manager", "%s", "name", name)));
            return level;
        }
        """.formatted(LEVEL_METERS, LEVEL_BEAN, LEVEL_TYPE, LEVEL_BEAN, LEVEL_TYPE, LEVEL_TYPE, LEVEL_METERS), 1);
  }

  /** The overload of register() that gives the cache its local level too. */
  static List<String> register(String i) {
    return reindent(i, """
        private static void register(RedisCacheManager.RedisCacheManagerBuilder caches, %s level,
                String name, long ttlSeconds, long maximumSize) {
            register(caches, level, name, ttlSeconds, maximumSize, Object.class);
        }

        private static void register(RedisCacheManager.RedisCacheManagerBuilder caches, %s level,
                String name, long ttlSeconds, long maximumSize, Class<?> answers) {
            register(caches, name, ttlSeconds, answers);
            // a tenth of the shared TTL: the backstop for an eviction message this instance never received
            level.add(name, Math.max(1000, ttlSeconds * 1000 / %d), maximumSize);
        }
        """.formatted(LEVEL_TYPE, LEVEL_TYPE, LOCAL_TTL_DIVISOR), 1);
  }

  /** The nested classes of {@link RedisCacheClassesFile}'s: the local level and the writer reading it before Redis. */
  static List<String> classes(String i) {
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.addAll(reindent(i, LocalLevelText.TEXT, 1));
    lines.add("");
    lines.addAll(reindent(i, WRITER, 1));
    return lines;
  }

  /** The text, written with four spaces a level, in the project's indent, {@code depth} levels in. */
  static List<String> reindent(String indent, String text, int depth) {
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
