package dev.optkit.validation.harness;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.TreeMap;

/**
 * The call-counting agent's figures in this JVM, read reflectively from the bootstrap class path;
 * absent (no agent attached) means the calls cannot be counted, which the report says.
 */
public final class AgentCounters {
  private static final Class<?> COUNTERS = find();

  private AgentCounters() {
  }

  public static boolean attached() {
    return COUNTERS != null;
  }

  public static long total() {
    return COUNTERS == null ? -1 : (long) call("total");
  }

  public static void reset() {
    if (COUNTERS != null) {
      call("reset");
    }
  }

  /** {@code kind<TAB>site -> [count, errors, totalNanos, maxNanos]}, sorted. */
  @SuppressWarnings("unchecked")
  public static Map<String, long[]> snapshot() {
    return COUNTERS == null ? Map.of() : new TreeMap<>((Map<String, long[]>) call("snapshot"));
  }

  private static Object call(String name) {
    try {
      Method method = COUNTERS.getMethod(name);
      return method.invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("optkit agent counters: " + name + "() failed", e);
    }
  }

  private static Class<?> find() {
    try {
      return Class.forName("dev.optkit.agent.counter.CallCounters", true, null);
    } catch (ClassNotFoundException e) {
      return null;
    }
  }
}
