package dev.optkit.rewriters.caching.rewrite;

/**
 * The source of the two-level backend's {@code LocalLevel}, the class {@link TwoLevelCacheConfigRewrite}
 * nests in the generated configuration: each JVM's Caffeine level in front of Redis, served while this
 * instance's heartbeat comes back over Redis pub/sub, emptied when it lapses, and told of every
 * writer's eviction. Written with four spaces a level; the configuration reindents it.
 */
final class LocalLevelText {
  private LocalLevelText() {}

  static final String TEXT = """
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
}
