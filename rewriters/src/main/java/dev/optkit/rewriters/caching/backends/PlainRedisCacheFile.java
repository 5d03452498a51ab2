package dev.optkit.rewriters.caching.backends;

import dev.optkit.rewriters.caching.rewrite.RedisCacheConfigRewrite;
import dev.optkit.rewriters.caching.rewrite.RoundTripValues;
import dev.optkit.rewriters.caching.rewrite.StoredTypes;
import dev.optkit.rewriters.caching.text.CacheSwitchFile;
import java.util.stream.Collectors;

/**
 * The class a plain Java cache with the redis backend is made of ({@value #CLASS_NAME}): the entries of
 * one method in Redis, through the project's own Jedis, shared by every instance of the application
 * (or its Lettuce: {@link LettuceRedisCacheFile}, or its Redisson: {@link RedissonRedisCacheFile}, what differs).
 * The counterpart of the Spring configuration's write-aware cache writer ({@link RedisCacheConfigRewrite}):
 * the same key format, the same JSON with the class of each value, the same eviction counter and the
 * same store-only-while-no-eviction script, so the round-trip refusals ({@link RedisRoundTrip}) hold
 * for both. Java 8 source, for Jedis 3 and later (the scan classes moved packages in Jedis 4).
 */
public final class PlainRedisCacheFile {
  public static final String CLASS_NAME = "OptkitRedisCache";
  /** The system property and environment variable naming the Redis the caches use. */
  public static final String URL_PROPERTY = "optkit.cache.redis.url";
  public static final String URL_ENVIRONMENT = "OPTKIT_CACHE_REDIS_URL";

  /** The Redis client the class goes through: the project's own. */
  public enum Client {
    JEDIS("Jedis"),
    LETTUCE("Lettuce"),
    REDISSON("Redisson");

    private final String displayName;

    Client(String displayName) {
      this.displayName = displayName;
    }

    public String displayName() {
      return displayName;
    }
  }

  private PlainRedisCacheFile() {}

  /**
   * The Jedis class made another client's by text edits (each a text of the Jedis class and what the other class has
   * there): every edit must find its text, and no Jedis call may be left, so the classes cannot drift apart.
   */
  static String edited(String jedisTemplate, String[][] edits, String client) {
    String template = jedisTemplate;
    for (String[] edit : edits) {
      if (!template.contains(edit[0])) {
        throw new IllegalStateException("the template lost: " + edit[0]);
      }
      template = template.replace(edit[0], edit[1]);
    }
    if (template.contains("Jedis") || template.contains("pool")) {
      throw new IllegalStateException("a Jedis call left in the " + client + " class: " + template);
    }
    return template;
  }

  /**
   * @param client the project's Redis client: Jedis 3 or later, Lettuce 5 or later, or Redisson 3 or later
   * @param clientMajor its major version
   * @param metrics the module compiles against Micrometer: each cache's reads are meters in its global registry
   */
  public static String create(String packageName, Client client, int clientMajor, boolean metrics,
      java.util.List<String> applicationPackages, String indent, String nl) {
    String template = switch (client) {
      case LETTUCE -> edited(TEMPLATE, LettuceRedisCacheFile.EDITS, "Lettuce");
      case REDISSON -> edited(TEMPLATE, RedissonRedisCacheFile.EDITS, "Redisson");
      case JEDIS -> jedis(TEMPLATE, clientMajor);
    };
    template = template
        .replace("    @COMPARISON@\n", RoundTripValues.comparison() + "\n"
            + String.join("\n", StoredTypes.nestedClass("    ", applicationPackages)) + "\n\n")
        .replace("        @ORDERED@\n", String.join("\n", RoundTripValues.orderedCheck("    ")) + "\n")
        .replace("import com.fasterxml.jackson.databind.JsonNode;\n", java.util.stream.Stream.concat(
                RoundTripValues.orderedImports().stream(), StoredTypes.imports().stream()).sorted()
            .filter(name -> name.startsWith("com.")).map(name -> "import " + name + ";\n").collect(Collectors.joining())
            + "import com.fasterxml.jackson.databind.JsonNode;\n")
        .replace("import java.util.Optional;\n", "import java.util.Optional;\nimport java.util.SortedMap;\n"
            + "import java.util.SortedSet;\n");
    if (metrics) {
      for (String[] edit : METERS) {
        if (!template.contains(edit[0])) {
          throw new IllegalStateException("the template lost: " + edit[0]);
        }
        template = template.replace(edit[0], edit[0] + edit[1]);
      }
    }
    template = template.replace("@APPLICATION@", packageName.isEmpty() ? "" : packageName + ":")
        .replace("@ACTIVATION@", String.join("\n        ", StoredTypes.ACTIVATION));
    return CacheSwitchFile.file(packageName, template, indent, nl);
  }

  /** The template with the scan classes of the project's Jedis: Jedis 4 moved them. */
  private static String jedis(String template, int jedisMajor) {
    String scanParams = jedisMajor >= 4 ? "redis.clients.jedis.params.ScanParams" : "redis.clients.jedis.ScanParams";
    String scanResult = jedisMajor >= 4 ? "redis.clients.jedis.resps.ScanResult" : "redis.clients.jedis.ScanResult";
    return template.replace("@SCAN_PARAMS@", scanParams).replace("@SCAN_RESULT@", scanResult);
  }

  /**
   * With Micrometer: {@code cache.gets} by result, tagged as the plain local caches are (Spring Boot's tag keys), in
   * Micrometer's global registry (a plain class has no container to hand it the application's; Spring Boot adds
   * its registry to the global one by default). One pair of counters per cache name in this JVM: an object's cache
   * field is a cache per object, and a meter registered again under the same name and tags is the first one.
   * Each edit: a line of the template, and what follows it.
   */
  private static final String[][] METERS = {
      {"import com.fasterxml.jackson.databind.ObjectMapper;\n", """
      import io.micrometer.core.instrument.FunctionCounter;
      import io.micrometer.core.instrument.Metrics;
      """},
      {"import java.util.Optional;\n", """
      import java.util.concurrent.ConcurrentHashMap;
      import java.util.concurrent.ConcurrentMap;
      """},
      {"    private final LongAdder misses = new LongAdder();\n", """
          /** The hits and misses of every cache of this name in the JVM: what its meters count. */
          private final LongAdder[] named;
          private static final ConcurrentMap<String, LongAdder[]> READS = new ConcurrentHashMap<>();
      """},
      {"        this.type = type;\n", """
              this.named = READS.computeIfAbsent(name, OptkitRedisCache::meters);
      """},
      {"        (found == null ? misses : hits).increment();\n", """
              named[found == null ? 1 : 0].increment();
      """},
      {"        return new OptkitRedisCache<V>(name, ttlMillis, optional, type);\n    }\n", """

          private static LongAdder[] meters(String name) {
              LongAdder[] reads = {new LongAdder(), new LongAdder()};
              FunctionCounter.builder("cache.gets", reads[0], LongAdder::sum)
                      .tags("cache", name, "name", name, "cache.manager", "optkit", "result", "hit")
                      .description("The number of times cache lookup methods have returned a cached value.")
                      .register(Metrics.globalRegistry);
              FunctionCounter.builder("cache.gets", reads[1], LongAdder::sum)
                      .tags("cache", name, "name", name, "cache.manager", "optkit", "result", "miss")
                      .description("The number of times cache lookup methods have returned an uncached (newly loaded) value.")
                      .register(Metrics.globalRegistry);
              return reads;
          }
      """},
  };
  /** The class, with Jedis: {@link LettuceRedisCacheFile} edits it for Lettuce, {@link RedissonRedisCacheFile} for Redisson. */
  static final String TEMPLATE = """
      import com.fasterxml.jackson.annotation.JsonTypeInfo;
      import com.fasterxml.jackson.databind.DeserializationFeature;
      import com.fasterxml.jackson.databind.JsonNode;
      import com.fasterxml.jackson.databind.ObjectMapper;
      import com.fasterxml.jackson.databind.node.JsonNodeFactory;
      import java.io.IOException;
      import java.net.URI;
      import java.nio.charset.StandardCharsets;
      import java.util.Arrays;
      import java.util.Optional;
      import java.util.concurrent.atomic.AtomicLong;
      import java.util.concurrent.atomic.LongAdder;
      import java.util.logging.Logger;
      import redis.clients.jedis.Jedis;
      import redis.clients.jedis.JedisPool;

      /**
       * Added by optkit migrate: the cache of one method, held in Redis and shared by every instance of the
       * application (docs/cache-backends.md). Redis is the one the system property optkit.cache.redis.url or
       * the environment variable OPTKIT_CACHE_REDIS_URL names (redis://localhost:6379 when neither is set),
       * reached through Jedis. A value is JSON with its class (Jackson's default typing); a key, the text of
       * the method's arguments. A value whose load overlapped an eviction, on any instance, is never stored:
       * every eviction counts up the cache's counter in Redis before it deletes, a load notes the count before
       * it runs, and its value is stored by one script, atomically, only while the count is unchanged. While
       * Redis is unreachable a read is a miss (the method answers from its source) and nothing is stored; an
       * eviction fails, so the writer's caller learns that entries it could not drop may be served once Redis
       * is back (until their TTL).
       *
       * @param <V> what the cache keeps for a call: its answer, or an Optional of it (an absent one is kept too)
       */
      public final class OptkitRedisCache<V> {
          // no count (Redis lost it: FLUSHALL, a restart) matches no load's: a load noted before is never stored after
          private static final String PUT_IF_NO_EVICTION = "local c = redis.call('GET', KEYS[2]) if not c or c ~= ARGV[1] then "
                  + "return 0 end redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) return 1";
          private static final Logger LOG = Logger.getLogger(OptkitRedisCache.class.getName());
          private static final AtomicLong LAST_WARNING = new AtomicLong();
          private static final ObjectMapper VALUES = values();
          private static volatile JedisPool pool;

          private final String prefix;
          private final String evictions;
          private final long ttlMillis;
          private final boolean optional;
          private final Class<?> type;
          private final LongAdder hits = new LongAdder();
          private final LongAdder misses = new LongAdder();

          private OptkitRedisCache(String name, long ttlMillis, boolean optional, Class<?> type) {
              // the application's package in the keys: two applications sharing one Redis database would otherwise read
              // each other's entries of a cache of the same name (hostile review 81's R5)
              this.prefix = "optkit:@APPLICATION@" + name + "::";
              this.evictions = "optkit:@APPLICATION@" + name + ":evictions";
              this.ttlMillis = ttlMillis;
              this.optional = optional;
              this.type = type;
          }

          /**
           * @param name the cache's name, the prefix of its keys in Redis
           * @param ttlMillis how long an entry lives
           * @param optional the values are Optionals: an absent one is kept as such
           * @param type the class of a value (of an Optional's content): an entry of another class, as one another
           *     version of the application kept, is a miss
           */
          public static <V> OptkitRedisCache<V> of(String name, long ttlMillis, boolean optional, Class<?> type) {
              return new OptkitRedisCache<V>(name, ttlMillis, optional, type);
          }

          /** What is kept for these arguments; null on a miss, Redis unreachable included. */
          public V getIfPresent(Object... key) {
              V found = null;
              try (Jedis connection = pool().getResource()) {
                  String kept = connection.get(prefix + keyText(key));
                  found = kept == null ? null : decode(kept);
              } catch (RuntimeException | IOException | StackOverflowError unreadable) {
                  warn(unreadable); // a value nested past the stack is a miss, not the caller's error
              }
              (found == null ? misses : hits).increment();
              return found;
          }

          /** The reads this JVM answered from Redis since the cache was made (optkit validate reads them). */
          public long hitCount() {
              return hits.sum();
          }

          /** The reads this JVM found nothing for in Redis, or could not read it, since the cache was made. */
          public long missCount() {
              return misses.sum();
          }

          /** The evictions counted so far, noted by a load before it runs; -1 when Redis is unreachable. */
          public long evictions() {
              try (Jedis connection = pool().getResource()) {
                  String count = connection.get(evictions);
                  if (count == null) {
                      // none yet, or Redis lost it (FLUSHALL, a restart): a random start, which no load noted before matches
                      connection.setnx(evictions, randomStart());
                      count = connection.get(evictions);
                  }
                  return count == null ? -1 : Long.parseLong(count);
              } catch (RuntimeException unreachable) {
                  warn(unreachable);
                  return -1;
              }
          }

          /** Where a new evictions counter starts: far from 0, and from where a lost one stood (hostile review 81's R1). */
          private static String randomStart() {
              return Long.toString(java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 40, 1L << 52));
          }

          /** Keeps the value for these arguments, unless an eviction was counted since the load noted the count. */
          public void putUnlessEvictedSince(long noted, V value, Object... key) {
              if (noted < 0) {
                  return; // Redis was unreachable when the load began: what it read cannot be vouched for
              }
              try (Jedis connection = pool().getResource()) {
                  connection.eval(PUT_IF_NO_EVICTION, Arrays.asList(prefix + keyText(key), evictions),
                          Arrays.asList(Long.toString(noted), encode(value), Long.toString(ttlMillis)));
              } catch (RuntimeException | IOException unwritable) {
                  warn(unwritable);
              }
          }

          /** Keeps the value for these arguments (a cache no write evicts). */
          public void put(V value, Object... key) {
              try (Jedis connection = pool().getResource()) {
                  connection.psetex(prefix + keyText(key), ttlMillis, encode(value));
              } catch (RuntimeException | IOException unwritable) {
                  warn(unwritable);
              }
          }

          /**
           * Drops every entry, for every instance: counts the eviction first (a load that began before it is
           * then not stored), then deletes the entries by SCAN, which does not block Redis as KEYS would.
           * Fails while Redis is unreachable.
           */
          public void invalidateAll() {
              try (Jedis connection = pool().getResource()) {
                  connection.incr(evictions);
                  @SCAN_PARAMS@ match = new @SCAN_PARAMS@().match(prefix + "*").count(1000);
                  String cursor = @SCAN_PARAMS@.SCAN_POINTER_START;
                  do {
                      @SCAN_RESULT@<String> page = connection.scan(cursor, match);
                      if (!page.getResult().isEmpty()) {
                          connection.del(page.getResult().toArray(new String[0]));
                      }
                      cursor = page.getCursor();
                  } while (!cursor.equals(@SCAN_PARAMS@.SCAN_POINTER_START));
              }
          }

          /**
           * {@link #invalidateAll()} after a write that may have failed: when it did, a failure to evict is kept as
           * suppressed beside the write's own exception, which its caller catches as before; else it is thrown.
           */
          public void invalidateAllAfter(Throwable writeFailure) {
              try {
                  invalidateAll();
              } catch (RuntimeException unevicted) {
                  if (writeFailure == null) {
                      throw unevicted;
                  }
                  writeFailure.addSuppressed(unevicted);
              }
          }

          /**
           * The entry for a value: JSON with its class, only when what Redis would give back writes the same JSON (a
           * TreeMap's comparator, an immutable Map.of, a view, an anonymous class come back otherwise or not at all:
           * such a value is not cached, and the method answers from its source).
           */
          private String encode(V value) throws IOException {
              Object kept = optional ? ((Optional<?>) value).orElse(null) : value;
              if (optional && kept == null) {
                  return "-";
              }
              String written = VALUES.writeValueAsString(kept);
              String again = VALUES.writeValueAsString(VALUES.readValue(written, Object.class));
              // half of a surrogate pair in a text: Jedis writes it as '?' (UTF-8 has no bytes for it)
              boolean whole = written.equals(new String(written.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
              if (!whole || !sameJson(TREES.readTree(written), TREES.readTree(again))) {
                  throw new IOException("a " + kept.getClass().getName() + " comes back from Redis otherwise than it was"
                          + " written: not cached");
              }
              return "+" + written;
          }

          @SuppressWarnings("unchecked")
          private V decode(String kept) throws IOException {
              if (kept.length() > StoredTypes.MAX_CHARACTERS) {
                  throw new IOException("an entry of " + kept.length() + " characters, more than a cache keeps, is not read");
              }
              if (kept.equals("-") && optional) {
                  return (V) Optional.empty();
              }
              if (!kept.startsWith("+")) {
                  throw new IOException("an entry optkit did not write");
              }
              Object value = VALUES.readValue(kept.substring(1), Object.class);
              if (value != null && !type.isInstance(value)) {
                  throw new IOException("an entry of " + value.getClass().getName() + " where " + type.getName() + " is kept");
              }
              return (V) (optional ? Optional.ofNullable(value) : value);
          }

          /** The arguments as text no other arguments have: strings quoted and escaped, enums by name. */
          static String keyText(Object[] parts) {
              StringBuilder key = new StringBuilder("[");
              for (Object part : parts) {
                  if (key.length() > 1) {
                      key.append(',');
                  }
                  if (part instanceof CharSequence || part instanceof Character) {
                      key.append('"').append(lone(part.toString().replace("\\\\", "\\\\\\\\").replace("\\"", "\\\\\\""))).append('"');
                  } else if (part instanceof Enum<?>) {
                      key.append(((Enum<?>) part).name());
                  } else {
                      key.append(part); // null, numbers, booleans, UUIDs: their text is their value
                  }
              }
              return key.append(']').toString();
          }

          /**
           * Half of a surrogate pair (a string cut inside an emoji) as escaped text: Jedis writes every such half as '?',
           * which made a key of half an emoji and the key "?" one.
           */
          private static String lone(String text) {
              StringBuilder out = new StringBuilder(text.length());
              for (int i = 0; i < text.length(); i++) {
                  char c = text.charAt(i);
                  boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                          && Character.isLowSurrogate(text.charAt(i + 1))
                          || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
                  out.append(Character.isSurrogate(c) && !paired ? String.format("\\\\u%04x", (int) c) : String.valueOf(c));
              }
              return out.toString();
          }

          private static JedisPool pool() {
              JedisPool current = pool;
              if (current == null) {
                  synchronized (OptkitRedisCache.class) {
                      if (pool == null) {
                          String url = System.getProperty("optkit.cache.redis.url", System.getenv("OPTKIT_CACHE_REDIS_URL"));
                          pool = new JedisPool(URI.create(url == null ? "redis://localhost:6379" : url));
                      }
                      current = pool;
                  }
              }
              return current;
          }

          @SuppressWarnings("deprecation") // EVERYTHING: records and final classes carry their class too
          private static ObjectMapper values() {
              ObjectMapper mapper = new ObjectMapper();
              mapper.findAndRegisterModules(); // java.time and the other modules on the class path
              // a derived getter (getFullName()) is written, and nothing sets it back: the object computes it again
              mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
              @ORDERED@
              // the classes a value names are the application's, which this class's loader sees
              mapper.setTypeFactory(mapper.getTypeFactory().withClassLoader(OptkitRedisCache.class.getClassLoader()));
              // a value names only the application's classes and the JDK's value types: any other is never loaded
              @ACTIVATION@
              return mapper;
          }

          @COMPARISON@
          private static void warn(Throwable e) {
              long now = System.currentTimeMillis();
              long last = LAST_WARNING.get();
              if (now - last >= 60_000 && LAST_WARNING.compareAndSet(last, now)) {
                  LOG.warning("optkit cache: Redis unreachable, or an entry it could not read or write; answering from the "
                          + "source: " + e);
              }
          }
      }
      """;
}
