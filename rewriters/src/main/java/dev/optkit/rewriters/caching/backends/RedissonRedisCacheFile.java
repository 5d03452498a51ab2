package dev.optkit.rewriters.caching.backends;

/**
 * {@link PlainRedisCacheFile}'s class for a module whose Redis client is Redisson (3 or later): the same class, the
 * same keys, JSON, eviction counter and store script, with each call to Redis made through Redisson's synchronous
 * objects with {@code StringCodec} (so an entry is the same JSON text the Jedis and Lettuce classes write, and any of
 * them reads it): {@code RBucket} to get and set, {@code RScript.eval} for the store script, {@code RAtomicLong} to
 * count an eviction, {@code RKeys.getKeysByPattern} (SCAN) and {@code delete} to drop the entries.
 *
 * <p>What differs: the class keeps one {@code RedissonClient}, made at first use, which Redisson reconnects by itself.
 * Redisson's defaults would hold a read while Redis is down for up to 3 s per attempt, retried 3 times 1.5 s apart,
 * and connecting 10 s; so a command waits at most 2 s (Jedis's default socket timeout) and is not retried
 * ({@code retryAttempts} 0: the read answers from its source, the writer's eviction fails, and the next call tries
 * again), and connecting waits 2 s too. {@code Redisson.create} fails at once while Redis is unreachable: a failed
 * attempt is not tried again for a second, so the callers queued behind it fail at once instead of each trying. The
 * URL's user and password go to Redisson in the address, the password besides by {@code setPassword}, its path's
 * number is the database.
 */
final class RedissonRedisCacheFile {
  private RedissonRedisCacheFile() {}

  /** Each edit: text of the Jedis class, and what the Redisson class has there. */
  static final String[][] EDITS = {
      {"""
                      connection.setnx(evictions, randomStart());
                      count = connection.get(evictions);
      """, """
                      redis().<String>getBucket(evictions, StringCodec.INSTANCE).trySet(randomStart());
                      count = redis().<String>getBucket(evictions, StringCodec.INSTANCE).get();
      """},
      {"import java.util.Arrays;\n", "import java.util.ArrayList;\nimport java.util.Arrays;\nimport java.util.List;\n"},
      {"import java.util.concurrent.atomic.AtomicLong;\n",
          "import java.util.concurrent.TimeUnit;\nimport java.util.concurrent.atomic.AtomicLong;\n"},
      {"import redis.clients.jedis.Jedis;\nimport redis.clients.jedis.JedisPool;\n", """
      import org.redisson.Redisson;
      import org.redisson.api.RKeys;
      import org.redisson.api.RScript;
      import org.redisson.api.RedissonClient;
      import org.redisson.client.codec.StringCodec;
      import org.redisson.config.Config;
      import org.redisson.config.SingleServerConfig;
      """},
      {" * reached through Jedis. A value is JSON", " * reached through Redisson. A value is JSON"},
      {" * is back (until their TTL).\n", """
       * is back (until their TTL). A command waits for Redis at most 2 seconds and is not retried (Redisson's
       * defaults: 3 seconds, retried 3 times), and none is tried within a second of a failed attempt to connect.
      """},
      {"    private static volatile JedisPool pool;\n", """
          /** How long a command, or connecting, waits for Redis: Redisson's defaults would hold every read for seconds. */
          private static final int TIMEOUT_MILLIS = 2_000;
          /** After a failed attempt to connect, calls fail at once for this long instead of each trying again. */
          private static final long RETRY_MILLIS = 1_000;
          private static volatile RedissonClient redisson;
          private static long failedAt; // guarded by the class's lock
      """},
      {"""
              try (Jedis connection = pool().getResource()) {
                  String kept = connection.get(prefix + keyText(key));
      """, """
              try {
                  String kept = redis().<String>getBucket(prefix + keyText(key), StringCodec.INSTANCE).get();
      """},
      {"""
              try (Jedis connection = pool().getResource()) {
                  String count = connection.get(evictions);
      """, """
              try {
                  String count = redis().<String>getBucket(evictions, StringCodec.INSTANCE).get();
      """},
      {"""
              try (Jedis connection = pool().getResource()) {
                  connection.eval(PUT_IF_NO_EVICTION, Arrays.asList(prefix + keyText(key), evictions),
                          Arrays.asList(Long.toString(noted), encode(value), Long.toString(ttlMillis)));
      """, """
              try {
                  redis().getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, PUT_IF_NO_EVICTION,
                          RScript.ReturnType.INTEGER, Arrays.<Object>asList(prefix + keyText(key), evictions),
                          Long.toString(noted), encode(value), Long.toString(ttlMillis));
      """},
      {"""
              try (Jedis connection = pool().getResource()) {
                  connection.psetex(prefix + keyText(key), ttlMillis, encode(value));
      """, """
              try {
                  redis().<String>getBucket(prefix + keyText(key), StringCodec.INSTANCE)
                          .set(encode(value), ttlMillis, TimeUnit.MILLISECONDS);
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
              RedissonClient redis = redis();
              redis.getAtomicLong(evictions).incrementAndGet();
              RKeys keys = redis.getKeys();
              List<String> page = new ArrayList<String>();
              for (String kept : keys.getKeysByPattern(prefix + "*", 1000)) { // SCAN, 1000 keys a call
                  page.add(kept);
                  if (page.size() == 1000) {
                      keys.delete(page.toArray(new String[0]));
                      page.clear();
                  }
              }
              if (!page.isEmpty()) {
                  keys.delete(page.toArray(new String[0]));
              }
      """},
      {"    public void put(V value, Object... key) {\n",
          "    @SuppressWarnings(\"deprecation\") // set(value, ttl, unit): in every Redisson 3, deprecated in later ones\n"
          + "    public void put(V value, Object... key) {\n"},
      {"    public void invalidateAll() {\n",
          "    @SuppressWarnings(\"deprecation\") // getKeysByPattern(pattern, count): in every Redisson 3, deprecated in later ones\n"
          + "    public void invalidateAll() {\n"},
      // Redisson encodes text with Netty's UTF-8 writer, which writes a lone surrogate as '?' too
      {"in a text: Jedis writes it as '?'", "in a text: Redisson writes it as '?'"},
      {"as escaped text: Jedis writes every such half as '?',", "as escaped text: Redisson writes every such half as '?',"},
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
          /** The one Redisson client the class keeps, made at first use; Redisson reconnects it by itself. */
          private static RedissonClient redis() {
              RedissonClient current = redisson;
              if (current == null) {
                  synchronized (OptkitRedisCache.class) {
                      if (redisson == null) {
                          redisson = connect();
                      }
                      current = redisson;
                  }
              }
              return current;
          }

          /**
           * Holding the class's lock: a client, or an exception at once within a second of a failed attempt (Redisson
           * connects as it is made, and fails while Redis is unreachable).
           */
          private static RedissonClient connect() {
              if (System.currentTimeMillis() - failedAt < RETRY_MILLIS) {
                  throw new IllegalStateException("Redis was unreachable less than a second ago");
              }
              String url = System.getProperty("optkit.cache.redis.url", System.getenv("OPTKIT_CACHE_REDIS_URL"));
              URI uri = URI.create(url == null ? "redis://localhost:6379" : url);
              String user = uri.getRawUserInfo();
              Config config = new Config();
              config.setCodec(StringCodec.INSTANCE);
              SingleServerConfig server = config.useSingleServer()
                      .setAddress(uri.getScheme() + "://" + (user == null ? "" : user + "@") + uri.getHost() + ":"
                              + (uri.getPort() < 0 ? 6379 : uri.getPort()))
                      // a read answers from its source within 2 s while Redis is down, not after retries
                      .setTimeout(TIMEOUT_MILLIS).setConnectTimeout(TIMEOUT_MILLIS).setRetryAttempts(0);
              if (user != null && user.indexOf(':') >= 0) {
                  server.setPassword(uri.getUserInfo().substring(uri.getUserInfo().indexOf(':') + 1));
              }
              String path = uri.getPath();
              if (path != null && path.matches("/\\\\d+")) {
                  server.setDatabase(Integer.parseInt(path.substring(1)));
              }
              RedissonClient client;
              try {
                  client = Redisson.create(config);
              } catch (RuntimeException unreachable) {
                  failedAt = System.currentTimeMillis();
                  throw unreachable;
              }
              shutDownWhenOnlyRedissonRuns(client);
              return client;
          }

          /**
           * Redisson's timer thread is no daemon: once the program's main method has returned and nothing but Redisson's
           * own threads would keep the JVM running, the client is shut down, so the program ends as it did before its
           * cache went to Redis (a later read makes a new client).
           */
          private static void shutDownWhenOnlyRedissonRuns(RedissonClient client) {
              Thread watch = new Thread(() -> {
                  try {
                      while (!client.isShutdown()) {
                          Thread.sleep(500);
                          if (onlyRedissonKeepsTheJvm()) {
                              synchronized (OptkitRedisCache.class) {
                                  if (redisson == client) {
                                      redisson = null;
                                  }
                              }
                              client.shutdown();
                          }
                      }
                  } catch (InterruptedException stopped) {
                      Thread.currentThread().interrupt();
                  }
              }, "optkit-redisson-shutdown");
              watch.setDaemon(true);
              watch.start();
          }

          /** The launcher's DestroyJavaVM waits (main returned), and every other live non-daemon thread is Redisson's. */
          private static boolean onlyRedissonKeepsTheJvm() {
              ThreadGroup root = Thread.currentThread().getThreadGroup();
              while (root.getParent() != null) {
                  root = root.getParent();
              }
              Thread[] threads = new Thread[root.activeCount() + 16];
              int count = root.enumerate(threads, true);
              boolean mainReturned = false;
              for (int i = 0; i < count; i++) {
                  Thread thread = threads[i];
                  if (!thread.isAlive() || thread.isDaemon()) {
                      continue;
                  }
                  if (thread.getName().equals("DestroyJavaVM")) {
                      mainReturned = true;
                  } else if (!thread.getName().startsWith("redisson-")) {
                      return false;
                  }
              }
              return mainReturned;
          }
      """},
  };
}
