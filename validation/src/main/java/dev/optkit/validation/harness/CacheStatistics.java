package dev.optkit.validation.harness;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The caches reachable from a fixture and their statistics: Caffeine caches held in fields of the
 * project's objects (optkit's plain caches, the project's own), and the caches of any Spring
 * {@code CacheManager} among them or in an application context the fixture holds. Found by
 * reflection over the fixture's object graph (project classes only: the JDK's internals are not
 * walked), read by name so that neither Caffeine nor Spring needs to be on optkit's class path.
 * migrate's plain Java caches in Redis ({@code OptkitRedisCache}) count their reads themselves.
 * A Spring cache that is no Caffeine cache is read through its own {@code getStatistics()}: Spring
 * Data Redis's {@code RedisCache} (2.4 on), which counts the gets that reached Redis when its manager
 * was built with {@code enableStatistics()}, as migrate's redis backend builds it.
 * A cache built without {@code recordStats()} (or statistics enabled) reports no figures rather than zeros.
 */
final class CacheStatistics {
  private static final String CAFFEINE_CACHE = "com.github.benmanes.caffeine.cache.Cache";
  private static final String CAFFEINE_ASYNC = "com.github.benmanes.caffeine.cache.AsyncCache";
  private static final String SPRING_MANAGER = "org.springframework.cache.CacheManager";
  private static final String SPRING_RESOLVER = "org.springframework.cache.interceptor.CacheResolver";
  private static final String SPRING_CONTEXT = "org.springframework.context.ApplicationContext";
  /**
   * The bean migrate's two-level backend makes for this JVM's level in front of Redis, whose public
   * {@code statistics(name)} gives each cache's Caffeine statistics (TwoLevelCacheConfigRewrite.LEVEL_BEAN).
   */
  private static final String LOCAL_LEVEL_BEAN = "optkitLocalLevel";
  /** The class migrate's redis backend writes for a plain Java cache, in the project's package. */
  private static final String OPTKIT_REDIS_CACHE = "OptkitRedisCache";
  private static final int MAX_DEPTH = 8;
  private static final int MAX_OBJECTS = 20_000;

  private CacheStatistics() {
  }

  /** Every cache found from {@code root}, by a name that says where it lives, in a stable order. */
  static Map<String, HostResult.CacheCounts> of(Object root) {
    Map<String, Object> caches = new LinkedHashMap<>();
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Object[]> queue = new ArrayDeque<>();
    queue.add(new Object[] {root, 0});
    while (!queue.isEmpty() && seen.size() < MAX_OBJECTS) {
      Object[] next = queue.poll();
      Object object = next[0];
      int depth = (int) next[1];
      if (object == null || !seen.add(object) || depth > MAX_DEPTH) {
        continue;
      }
      Class<?> type = object.getClass();
      if (implementsNamed(type, SPRING_CONTEXT)) {
        Map<String, Object> managers = springManagersOf(object);
        managers.forEach((name, manager) -> springCaches(name, manager, caches));
        Object level = bean(object, LOCAL_LEVEL_BEAN);
        if (level != null) {
          managers.values().forEach(manager -> cacheNames(manager).forEach(name ->
              caches.putIfAbsent(LOCAL_LEVEL_BEAN + ":" + name, new LevelCache(level, name))));
        }
        continue;
      }
      if (implementsNamed(type, SPRING_MANAGER)) {
        springCaches(type.getSimpleName(), object, caches);
        continue;
      }
      if (isPlatform(type) || type.isArray()) {
        continue;
      }
      for (Class<?> c = type; c != null && !isPlatform(c); c = c.getSuperclass()) {
        for (Field field : c.getDeclaredFields()) {
          if (field.getType().isPrimitive() || field.isSynthetic()) {
            continue;
          }
          Object value = read(field, Modifier.isStatic(field.getModifiers()) ? null : object);
          if (value == null) {
            continue;
          }
          if (implementsNamed(value.getClass(), CAFFEINE_CACHE) || implementsNamed(value.getClass(), CAFFEINE_ASYNC)
              || value.getClass().getSimpleName().equals(OPTKIT_REDIS_CACHE)) {
            caches.putIfAbsent(c.getSimpleName() + "." + field.getName(), value);
          } else {
            queue.add(new Object[] {value, depth + 1});
          }
        }
      }
    }
    Map<String, HostResult.CacheCounts> counts = new java.util.TreeMap<>();
    caches.forEach((name, cache) -> {
      HostResult.CacheCounts found = counts(cache);
      if (found != null) {
        counts.put(name, found);
      }
    });
    return counts;
  }

  /** What happened between two snapshots, cache by cache. */
  static Map<String, HostResult.CacheCounts> since(Map<String, HostResult.CacheCounts> before, Map<String, HostResult.CacheCounts> after) {
    Map<String, HostResult.CacheCounts> delta = new java.util.TreeMap<>();
    after.forEach((name, now) -> {
      HostResult.CacheCounts earlier = before.get(name);
      delta.put(name, earlier == null ? now
          : new HostResult.CacheCounts(now.hits() - earlier.hits(), now.misses() - earlier.misses(), now.recording()));
    });
    return delta;
  }

  private static boolean isPlatform(Class<?> type) {
    String name = type.getName();
    return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.") || name.startsWith("sun.")
        || name.startsWith("com.sun.") || name.startsWith("org.springframework.")
        || name.startsWith("com.github.benmanes.caffeine.");
  }

  private static Object read(Field field, Object owner) {
    try {
      field.setAccessible(true);
      return field.get(owner);
    } catch (RuntimeException | IllegalAccessException e) {
      return null; // a field of a module that does not open it: not one optkit's caches live in
    }
  }

  private static boolean implementsNamed(Class<?> type, String interfaceName) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        if (i.getName().equals(interfaceName) || implementsNamed(i, interfaceName)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The context's cache managers, and those behind its cache resolvers ({@code getCacheManager()}), by
   * bean name: optkit's own caches live behind a resolver so that the project's manager stays primary.
   */
  private static Map<String, Object> springManagersOf(Object context) {
    Map<String, Object> managers = new java.util.TreeMap<>(beansOf(context, SPRING_MANAGER));
    beansOf(context, SPRING_RESOLVER).forEach((name, resolver) -> {
      try {
        Object manager = resolver.getClass().getMethod("getCacheManager").invoke(resolver);
        if (manager != null) {
          managers.putIfAbsent(name, manager);
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        // a resolver that does not say where its caches are
      }
    });
    return managers;
  }

  private static Map<String, Object> beansOf(Object context, String typeName) {
    try {
      Class<?> type = Class.forName(typeName, false, context.getClass().getClassLoader());
      Method beans = context.getClass().getMethod("getBeansOfType", Class.class);
      @SuppressWarnings("unchecked")
      Map<String, Object> found = (Map<String, Object>) beans.invoke(context, type);
      return found;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return Map.of();
    }
  }

  /** The bean of that name in the context, or null when there is none (or it cannot be made). */
  private static Object bean(Object context, String name) {
    try {
      if (!(Boolean) context.getClass().getMethod("containsBean", String.class).invoke(context, name)) {
        return null;
      }
      return context.getClass().getMethod("getBean", String.class).invoke(context, name);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null;
    }
  }

  /** One cache of the two-level backend's local level, read through the level's {@code statistics(name)}. */
  private record LevelCache(Object level, String name) {}

  private static List<String> cacheNames(Object manager) {
    try {
      @SuppressWarnings("unchecked")
      java.util.Collection<String> names = (java.util.Collection<String>) manager.getClass()
          .getMethod("getCacheNames").invoke(manager);
      return List.copyOf(names);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return List.of(); // a manager optkit cannot read: its caches go unreported
    }
  }

  private static void springCaches(String managerName, Object manager, Map<String, Object> caches) {
    try {
      for (String name : cacheNames(manager)) {
        Object cache = manager.getClass().getMethod("getCache", String.class).invoke(manager, name);
        Object nativeCache = cache == null ? null : cache.getClass().getMethod("getNativeCache").invoke(cache);
        if (nativeCache != null && (implementsNamed(nativeCache.getClass(), CAFFEINE_CACHE)
            || implementsNamed(nativeCache.getClass(), CAFFEINE_ASYNC))) {
          caches.putIfAbsent(managerName + ":" + name, nativeCache);
        } else if (cache != null) {
          caches.putIfAbsent(managerName + ":" + name, cache); // its own statistics, if it keeps any (Redis)
        }
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      // a manager optkit cannot read: its caches go unreported
    }
  }

  private static HostResult.CacheCounts counts(Object cache) {
    if (cache instanceof LevelCache local) {
      return levelStatistics(local);
    }
    if (cache.getClass().getSimpleName().equals(OPTKIT_REDIS_CACHE)) {
      return counted(cache);
    }
    if (!implementsNamed(cache.getClass(), CAFFEINE_CACHE) && !implementsNamed(cache.getClass(), CAFFEINE_ASYNC)) {
      return springStatistics(cache);
    }
    try {
      Object synchronous = implementsNamed(cache.getClass(), CAFFEINE_ASYNC) && !implementsNamed(cache.getClass(),
          CAFFEINE_CACHE) ? publicMethod(cache, "synchronous").invoke(cache) : cache;
      Object stats = publicMethod(synchronous, "stats").invoke(synchronous);
      long hits = (long) publicMethod(stats, "hitCount").invoke(stats);
      long misses = (long) publicMethod(stats, "missCount").invoke(stats);
      boolean recording;
      try {
        recording = isRecording(synchronous);
      } catch (ReflectiveOperationException | RuntimeException e) {
        recording = hits + misses > 0;
      }
      return new HostResult.CacheCounts(hits, misses, recording);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return new HostResult.CacheCounts(0, 0, false); // not a cache with Caffeine's statistics
    }
  }

  /**
   * A Spring cache's own statistics ({@code RedisCache.getStatistics()}: hits and misses of the gets that reached
   * Redis). A manager built without {@code enableStatistics()} answers Spring Data's empty statistics, all zeros:
   * no figures, as a Caffeine cache without {@code recordStats()}.
   */
  private static HostResult.CacheCounts springStatistics(Object cache) {
    try {
      Object stats = publicMethod(cache, "getStatistics").invoke(cache);
      long hits = ((Number) publicMethod(stats, "getHits").invoke(stats)).longValue();
      long misses = ((Number) publicMethod(stats, "getMisses").invoke(stats)).longValue();
      boolean recording = !stats.getClass().getName().endsWith("NoOpCacheStatisticsCollector$EmptyStatistics");
      return new HostResult.CacheCounts(hits, misses, recording);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return new HostResult.CacheCounts(0, 0, false); // a cache that keeps no statistics optkit can read
    }
  }

  /** A plain Java cache in Redis counts every read of this JVM, hit or miss ({@code hitCount()}, {@code missCount()}). */
  private static HostResult.CacheCounts counted(Object cache) {
    try {
      long hits = ((Number) cache.getClass().getMethod("hitCount").invoke(cache)).longValue();
      long misses = ((Number) cache.getClass().getMethod("missCount").invoke(cache)).longValue();
      return new HostResult.CacheCounts(hits, misses, true);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return new HostResult.CacheCounts(0, 0, false); // one an earlier optkit made, which counts nothing
    }
  }

  /**
   * The local level's statistics for one cache (its hits never reach Redis, whose statistics count the rest); a
   * name the level does not hold (another manager's cache) is no cache of it.
   */
  private static HostResult.CacheCounts levelStatistics(LevelCache cache) {
    try {
      Object stats = cache.level().getClass().getMethod("statistics", String.class).invoke(cache.level(), cache.name());
      long hits = (long) publicMethod(stats, "hitCount").invoke(stats);
      long misses = (long) publicMethod(stats, "missCount").invoke(stats);
      return new HostResult.CacheCounts(hits, misses, true); // the level's caches always record statistics
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null;
    }
  }

  /** Caffeine's policy says whether statistics are recorded. */
  private static boolean isRecording(Object cache) throws ReflectiveOperationException {
    Object policy = publicMethod(cache, "policy").invoke(cache);
    return (boolean) publicMethod(policy, "isRecordingStats").invoke(policy);
  }

  /** The method as declared by a public interface or class: Caffeine's implementations are package-private. */
  private static Method publicMethod(Object target, String name) throws NoSuchMethodException {
    for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        Method found = findIn(i, name);
        if (found != null) {
          return found;
        }
      }
      if (Modifier.isPublic(c.getModifiers())) {
        try {
          return c.getMethod(name);
        } catch (NoSuchMethodException e) {
          // keep looking up
        }
      }
    }
    throw new NoSuchMethodException(name);
  }

  private static Method findIn(Class<?> type, String name) {
    if (Modifier.isPublic(type.getModifiers())) {
      try {
        return type.getMethod(name);
      } catch (NoSuchMethodException e) {
        // not here
      }
    }
    for (Class<?> parent : type.getInterfaces()) {
      Method found = findIn(parent, name);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
