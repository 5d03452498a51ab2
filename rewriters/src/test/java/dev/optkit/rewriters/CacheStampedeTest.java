package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @Cacheable(sync = true)} on the local backend: concurrent misses of one key load it once in
 * the JVM (the stampede a cold or just-evicted key sends to the source), and a read that starts after
 * a write does not wait for, nor take, a load that began before it.
 */
class CacheStampedeTest {
  private static final int THREADS = 8;

  @TempDir Path dir;
  private HttpServer server;
  private final Map<String, String> stored = new ConcurrentHashMap<>();
  private final AtomicInteger reads = new AtomicInteger();
  private final AtomicBoolean holdNextRead = new AtomicBoolean();
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch heldReadFetched = new CountDownLatch(1);

  @BeforeEach
  void startService() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/names/", exchange -> {
      String id = exchange.getRequestURI().getPath().substring("/names/".length());
      byte[] body = new byte[0];
      if (exchange.getRequestMethod().equals("PUT")) {
        stored.put(id, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      } else {
        reads.incrementAndGet();
        body = stored.getOrDefault(id, "unset").getBytes(StandardCharsets.UTF_8);
        if (holdNextRead.compareAndSet(true, false)) {
          heldReadFetched.countDown(); // the value as it is now, slow to come back
          try {
            release.await(20, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
      exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    System.setProperty("rollout.test.base", "http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stopService() {
    release.countDown();
    server.stop(0);
    System.clearProperty("rollout.test.base");
  }

  /** The Spring service of CacheRolloutTest, whose answer is what the server holds. */
  private static final String NAMES = CacheRolloutTest.NAMES_BEAN.replace("return \"name of \" + id + http.send(",
      "return http.send(");

  private interface Body {
    void run(Object names, Method read, Method write, ClassLoader loader) throws Exception;
  }

  private void withService(Body body) throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).file("pom.xml", RedisBackendTest.BOOT_POM).java(NAMES);
    MigrationPlan plan = fixture.plan();
    assertEquals(List.of("profile"), plan.targets().stream().map(t -> t.method().fact().name()).toList(),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
    String after = MigrationFixture.after(plan, "src/main/java/shop/Names.java");
    assertTrue(after.contains(", sync = true)\n    public String profile(String id)"), after);
    fixture.inSpringContext(plan, "shop.Names", (names, loader) -> body.run(names,
        names.getClass().getMethod("profile", String.class),
        names.getClass().getMethod("rename", String.class, String.class), loader));
  }

  @Test
  void concurrentMissesOfOneKeyLoadItOnce() throws Exception {
    withService((names, read, write, loader) -> {
      stored.put("hot", "v1");
      holdNextRead.set(true);
      String[] answers = new String[THREADS];
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        int n = i;
        Thread thread = new Thread(() -> {
          try {
            answers[n] = (String) read.invoke(names, "hot");
          } catch (ReflectiveOperationException e) {
            answers[n] = "failed: " + e.getCause();
          }
        });
        thread.setContextClassLoader(loader);
        threads.add(thread);
        thread.start();
      }
      // released once every thread is parked and each that is inside the HTTP client has reached the server:
      // with sync, seven wait for the one load; without, eight reads arrive
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (System.nanoTime() < deadline && !(allParked(threads) && reads.get() == inHttpClient(threads))) {
        Thread.sleep(5);
      }
      release.countDown();
      for (Thread thread : threads) {
        thread.join(TimeUnit.SECONDS.toMillis(20));
      }
      assertEquals(List.of("v1", "v1", "v1", "v1", "v1", "v1", "v1", "v1"), Arrays.asList(answers));
      assertEquals(1, reads.get(), "eight concurrent misses of one key, loads");
      assertEquals("v1", read.invoke(names, "hot"));
      assertEquals(1, reads.get(), "then a hit");
    });
  }

  @Test
  void aReadAfterAWriteDoesNotTakeALoadThatBeganBeforeIt() throws Exception {
    withService((names, read, write, loader) -> {
      stored.put("hot", "old");
      holdNextRead.set(true);
      String[] slow = new String[1];
      Thread first = new Thread(() -> {
        try {
          slow[0] = (String) read.invoke(names, "hot");
        } catch (ReflectiveOperationException e) {
          slow[0] = "failed: " + e.getCause();
        }
      });
      first.setContextClassLoader(loader);
      first.start();
      assertTrue(heldReadFetched.await(20, TimeUnit.SECONDS), "the first read fetched the old value");
      write.invoke(names, "hot", "new"); // evicts the cache, the first load still under way
      assertEquals("new", read.invoke(names, "hot"), "a read after the write loads on its own");
      release.countDown();
      first.join(TimeUnit.SECONDS.toMillis(20));
      assertEquals("old", slow[0], "the first read answers what it fetched, as it began before the write");
      assertEquals("new", read.invoke(names, "hot"), "and what it fetched was not stored");
    });
  }

  private static boolean allParked(List<Thread> threads) {
    return threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING);
  }

  private static int inHttpClient(List<Thread> threads) {
    int count = 0;
    for (Thread thread : threads) {
      if (Arrays.stream(thread.getStackTrace()).anyMatch(f -> f.getClassName().startsWith("jdk.internal.net.http."))) {
        count++;
      }
    }
    return count;
  }
}
