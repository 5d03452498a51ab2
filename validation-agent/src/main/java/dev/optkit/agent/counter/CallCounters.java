package dev.optkit.agent.counter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The counts of downstream calls, per kind and call site. Loaded by the bootstrap class loader
 * (the agent puts its jar there before anything touches this class), so the advice inlined into JDK
 * classes and the application's own code see the same single copy. Only JDK types cross its API:
 * callers in other class loaders read it reflectively.
 *
 * <p>A call counts once however deep the client nests its own instrumented calls (an
 * {@code executeQuery} calling {@code execute}, {@code getResponseCode} calling
 * {@code getInputStream}): only the outermost instrumented call on a thread is recorded.
 */
public final class CallCounters {
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);
  private static final Map<String, Site> SITES = new ConcurrentHashMap<>();
  private static final Map<Object, Boolean> COUNTED_CONNECTIONS = Collections.synchronizedMap(new WeakHashMap<>());
  private static final AtomicLong TOTAL = new AtomicLong();
  private static volatile List<String> sitePrefixes = List.of();

  private CallCounters() {
  }

  /** Project packages a call site must be in; empty: the first frame outside the JDK and client libraries. */
  public static void restrictSitesTo(List<String> prefixes) {
    sitePrefixes = List.copyOf(prefixes);
  }

  /** Called on entry of an instrumented method: its start time when it is the outermost one, else -1. */
  public static long enter() {
    int[] depth = DEPTH.get();
    return depth[0]++ == 0 ? System.nanoTime() : -1;
  }

  /** Like {@link #enter()}, but a connection that already made its request does not count again. */
  public static long enterConnection(Object connection) {
    int[] depth = DEPTH.get();
    if (depth[0]++ != 0 || COUNTED_CONNECTIONS.putIfAbsent(connection, Boolean.TRUE) != null) {
      return -1;
    }
    return System.nanoTime();
  }

  /** Called on exit of an instrumented method, whether it returned or threw. */
  public static void exit(String kind, long start, Throwable thrown) {
    int[] depth = DEPTH.get();
    depth[0]--;
    if (start < 0) {
      return;
    }
    long nanos = System.nanoTime() - start;
    String site = CallSites.callerOutside(sitePrefixes);
    SITES.computeIfAbsent(kind + "\t" + site, k -> new Site()).record(nanos, thrown != null);
    TOTAL.incrementAndGet();
  }

  /** Calls recorded since start or the last reset, all kinds and sites. */
  public static long total() {
    return TOTAL.get();
  }

  /**
   * Every site's figures, sorted by key {@code kind<TAB>site}: {@code [count, errors, totalNanos,
   * maxNanos]}.
   */
  public static Map<String, long[]> snapshot() {
    Map<String, long[]> copy = new TreeMap<>();
    SITES.forEach((key, site) -> copy.put(key, site.figures()));
    return Collections.unmodifiableMap(copy);
  }

  public static void reset() {
    SITES.clear();
    TOTAL.set(0);
  }

  /** One line per site, sorted: {@code kind site count errors totalNanos maxNanos}, tab-separated. */
  public static void writeTo(Path file) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, long[]> entry : snapshot().entrySet()) {
        long[] f = entry.getValue();
        out.write(entry.getKey() + "\t" + f[0] + "\t" + f[1] + "\t" + f[2] + "\t" + f[3] + "\n");
      }
    }
  }

  private static final class Site {
    private long count;
    private long errors;
    private long totalNanos;
    private long maxNanos;

    synchronized void record(long nanos, boolean error) {
      count++;
      errors += error ? 1 : 0;
      totalNanos += nanos;
      maxNanos = Math.max(maxNanos, nanos);
    }

    synchronized long[] figures() {
      return new long[] {count, errors, totalNanos, maxNanos};
    }
  }
}
