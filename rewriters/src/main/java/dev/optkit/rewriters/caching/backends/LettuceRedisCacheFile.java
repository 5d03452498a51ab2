package dev.optkit.rewriters.caching.backends;

/**
 * {@link PlainRedisCacheFile}'s class for a module whose Redis client is Lettuce (5 or later: its classes are in
 * {@code io.lettuce.core} from 5 on): the same class, the same keys, JSON, eviction counter and store script, with
 * each call to Redis made through Lettuce's synchronous API instead of a Jedis pool.
 *
 * <p>What differs: the class keeps one {@code RedisClient} and one thread-safe {@code StatefulRedisConnection},
 * made at first use, which Lettuce reconnects by itself. Lettuce's own command timeout is a minute, and while
 * disconnected it queues commands until then: every read would wait that long while Redis is down. So a command
 * waits at most 2 s (Jedis's default socket timeout), unless the URL names a timeout
 * ({@code ?timeout=5s}); connecting too; and while the connection is down a command fails at once (the read answers
 * from its source, the writer's eviction fails). A failed connection attempt is not tried again for a second, so
 * the callers queued behind it fail at once instead of each waiting for a connection of its own.
 */
final class LettuceRedisCacheFile {
  private LettuceRedisCacheFile() {}

  /** Each edit: text of the Jedis class, and what the Lettuce class has there. */
  static final String[][] EDITS = {
      {"""
                      connection.setnx(evictions, randomStart());
                      count = connection.get(evictions);
      """, """
                      redis().setnx(evictions, randomStart());
                      count = redis().get(evictions);
      """},
      {"import java.io.IOException;\nimport java.net.URI;\nimport java.nio.charset.StandardCharsets;\n", """
      import io.lettuce.core.ClientOptions;
      import io.lettuce.core.KeyScanCursor;
      import io.lettuce.core.RedisClient;
      import io.lettuce.core.RedisURI;
      import io.lettuce.core.ScanArgs;
      import io.lettuce.core.ScanCursor;
      import io.lettuce.core.ScriptOutputType;
      import io.lettuce.core.SocketOptions;
      import io.lettuce.core.api.StatefulRedisConnection;
      import io.lettuce.core.api.sync.RedisCommands;
      import java.io.IOException;
      import java.nio.charset.StandardCharsets;
      import java.time.Duration;
      """},
      {"import java.util.Arrays;\n", ""},
      {"import redis.clients.jedis.Jedis;\nimport redis.clients.jedis.JedisPool;\n", ""},
      {" * reached through Jedis. A value is JSON", " * reached through Lettuce. A value is JSON"},
      {" * is back (until their TTL).\n", """
       * is back (until their TTL). A command waits for Redis at most 2 seconds (Lettuce's own default is a
       * minute) unless the URL names a timeout (?timeout=5s), and none waits while the connection is down.
      """},
      {"    private static volatile JedisPool pool;\n", """
          /** How long a command, or connecting, waits for Redis: Lettuce's default minute would hold every read. */
          private static final Duration TIMEOUT = Duration.ofSeconds(2);
          /** After a failed attempt to connect, calls fail at once for this long instead of each trying again. */
          private static final long RETRY_MILLIS = 1_000;
          private static volatile StatefulRedisConnection<String, String> connection;
          private static RedisClient client; // guarded by the class's lock, as failedAt
          private static long failedAt;
      """},
      {"""
              try (Jedis connection = pool().getResource()) {
                  String kept = connection.get(prefix + keyText(key));
      """, """
              try {
                  String kept = redis().get(prefix + keyText(key));
      """},
      {"""
              try (Jedis connection = pool().getResource()) {
                  String count = connection.get(evictions);
      """, """
              try {
                  String count = redis().get(evictions);
      """},
      {"""
              try (Jedis connection = pool().getResource()) {
                  connection.eval(PUT_IF_NO_EVICTION, Arrays.asList(prefix + keyText(key), evictions),
                          Arrays.asList(Long.toString(noted), encode(value), Long.toString(ttlMillis)));
      """, """
              try {
                  redis().eval(PUT_IF_NO_EVICTION, ScriptOutputType.INTEGER, new String[] {prefix + keyText(key), evictions},
                          Long.toString(noted), encode(value), Long.toString(ttlMillis));
      """},
      {"""
              try (Jedis connection = pool().getResource()) {
                  connection.psetex(prefix + keyText(key), ttlMillis, encode(value));
      """, """
              try {
                  redis().psetex(prefix + keyText(key), ttlMillis, encode(value));
      """},
      {"""
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
      """, """
              RedisCommands<String, String> redis = redis();
              redis.incr(evictions);
              ScanArgs match = ScanArgs.Builder.matches(prefix + "*").limit(1000);
              ScanCursor cursor = ScanCursor.INITIAL;
              do {
                  KeyScanCursor<String> page = redis.scan(cursor, match);
                  if (!page.getKeys().isEmpty()) {
                      redis.del(page.getKeys().toArray(new String[0]));
                  }
                  cursor = page;
              } while (!cursor.isFinished());
      """},
      // Lettuce encodes text with Netty's UTF-8 writer, which writes a lone surrogate as '?' too
      {"in a text: Jedis writes it as '?'", "in a text: Lettuce writes it as '?'"},
      {"as escaped text: Jedis writes every such half as '?',", "as escaped text: Lettuce writes every such half as '?',"},
      {"""
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
      """, """
          /** The commands of the one connection the class keeps, made at first use; Lettuce reconnects it by itself. */
          private static RedisCommands<String, String> redis() {
              StatefulRedisConnection<String, String> current = connection;
              if (current == null) {
                  synchronized (OptkitRedisCache.class) {
                      if (connection == null) {
                          connection = connect();
                      }
                      current = connection;
                  }
              }
              return current.sync();
          }

          /** Holding the class's lock: a connection, or an exception at once within a second of a failed attempt. */
          private static StatefulRedisConnection<String, String> connect() {
              if (System.currentTimeMillis() - failedAt < RETRY_MILLIS) {
                  throw new IllegalStateException("Redis was unreachable less than a second ago");
              }
              if (client == null) {
                  String url = System.getProperty("optkit.cache.redis.url", System.getenv("OPTKIT_CACHE_REDIS_URL"));
                  RedisURI uri = RedisURI.create(url == null ? "redis://localhost:6379" : url);
                  if (url == null || !url.contains("timeout=")) { // a timeout the URL names is the project's choice
                      uri.setTimeout(TIMEOUT);
                  }
                  client = RedisClient.create(uri);
                  client.setOptions(ClientOptions.builder()
                          .socketOptions(SocketOptions.builder().connectTimeout(TIMEOUT).build())
                          // while disconnected a command fails at once (a read answers from its source), not at its timeout
                          .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                          .build());
              }
              try {
                  return client.connect();
              } catch (RuntimeException unreachable) {
                  failedAt = System.currentTimeMillis();
                  throw unreachable;
              }
          }
      """},
  };
}
