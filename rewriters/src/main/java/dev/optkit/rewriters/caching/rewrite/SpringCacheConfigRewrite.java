package dev.optkit.rewriters.caching.rewrite;

import static dev.optkit.rewriters.caching.OptkitCacheConfigNames.CLASS_NAME;
import static dev.optkit.rewriters.caching.OptkitCacheConfigNames.MANAGER_BEAN;
import static dev.optkit.rewriters.caching.OptkitCacheConfigNames.RESOLVER_BEAN;

import dev.optkit.rewriters.caching.text.JavaText;
import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.spring.SpringVersionFloor.CacheApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Generates, or extends, the one configuration class behind optkit's Spring caches: a Caffeine
 * cache manager with one bounded, expiring cache per migrated method. When the project already has
 * a cache manager (its own, or Spring Boot's), optkit's manager is not a bean (two would be
 * ambiguous for the project's own {@code @Cacheable}s): it is reached through a cache resolver.
 */
public final class SpringCacheConfigRewrite {
  public static final String MARKER = "// optkit:caches (migrate adds caches above this line)";

  private SpringCacheConfigRewrite() {}

  /** The annotation attribute that points {@code @Cacheable} at optkit's caches. */
  public static String managerAttribute(boolean existingCaching) {
    return existingCaching ? "cacheResolver = \"" + RESOLVER_BEAN + "\"" : "cacheManager = \"" + MANAGER_BEAN + "\"";
  }

  /**
   * A new configuration class holding the given caches.
   *
   * @param transactionAware wrap the manager in Spring's {@code TransactionAwareCacheManagerProxy}, so puts
   *     and evictions made inside a transaction take effect after its commit (spring-tx must be present)
   * @param metrics Micrometer is on the module's class path: every cache is bound to the application's
   *     MeterRegistry when it has one
   */
  public static String create(String packageName, boolean existingCaching, boolean addEnableCaching,
      boolean transactionAware, boolean metrics, List<CachingTarget> targets, String indent, String nl) {
    return create(packageName, existingCaching, addEnableCaching, transactionAware, metrics, CacheApi.CURRENT,
        "cache.manager", targets, indent, nl);
  }

  /**
   * @param api the form of Spring's cache API the module's Spring has: before 5.2.8 the caches are a
   *     {@code SimpleCacheManager}'s, and with transactions each one's puts and evictions wait for the commit by
   *     themselves, as Spring's TransactionAwareCacheDecorator has them wait from 5.2 on (before 5.2 it also held back the
   *     eviction before a write, which must run at once: {@link #WRITE_START})
   * @param meterTagKey the key Spring Boot's own binder tags the cache manager by ({@link
   *     dev.optkit.rewriters.caching.spring.SpringVersionFloor#meterTagKey})
   */
  public static String create(String packageName, boolean existingCaching, boolean addEnableCaching,
      boolean transactionAware, boolean metrics, CacheApi api, String meterTagKey, List<CachingTarget> targets,
      String indent, String nl) {
    boolean legacy = api != CacheApi.CURRENT;
    CacheRegistry registry = CacheRegistry.of(api);
    List<String> lines = new ArrayList<>();
    if (!packageName.isEmpty()) {
      lines.add("package " + packageName + ";");
      lines.add("");
    }
    lines.add("import com.github.benmanes.caffeine.cache.Caffeine;");
    if (metrics) {
      lines.add("import io.micrometer.core.instrument.MeterRegistry;");
      lines.add("import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;");
    }
    if (legacy) {
      lines.add("import java.util.ArrayList;");
      lines.add("import java.util.List;");
      lines.add("import java.util.concurrent.TimeUnit;");
    } else {
      lines.add("import java.time.Duration;");
      lines.add("import java.util.Collections;");
    }
    if (!existingCaching) {
      lines.add("import org.springframework.cache.CacheManager;");
    }
    if (metrics) {
      lines.add("import org.springframework.beans.factory.ObjectProvider;");
    }
    if (addEnableCaching) {
      lines.add("import org.springframework.cache.annotation.EnableCaching;");
    }
    if (metrics) {
      lines.add("import org.springframework.cache.caffeine.CaffeineCache;");
    }
    if (!legacy) {
      lines.add("import org.springframework.cache.caffeine.CaffeineCacheManager;");
    }
    if (existingCaching) {
      lines.add("import org.springframework.cache.interceptor.CacheResolver;");
      lines.add("import org.springframework.cache.interceptor.SimpleCacheResolver;");
    }
    if (legacy) {
      lines.add("import org.springframework.cache.support.SimpleCacheManager;");
    }
    if (transactionAware && !legacy) {
      lines.add("import org.springframework.cache.transaction.TransactionAwareCacheManagerProxy;");
    }
    lines.add("import org.springframework.context.annotation.Bean;");
    lines.add("import org.springframework.context.annotation.Configuration;");
    lines.add("");
    lines.add("/**");
    lines.add(" * Caches added by optkit migrate: each bounded, expiring and recording statistics. All of them are");
    lines.add(" * skipped, without a code change, while -Doptkit.cache.disabled=true or OPTKIT_CACHE_DISABLED=true.");
    if (metrics) {
      lines.add(" * Their statistics are in the application's MeterRegistry (cache.gets by result, cache.puts,");
      lines.add(" * cache.evictions, cache.size), tagged cache, name and " + meterTagKey
          + "=optkit, as Spring Boot tags its own.");
    }
    lines.add(" */");
    lines.add("@Configuration");
    if (addEnableCaching) {
      lines.add("@EnableCaching");
    }
    lines.add("public class " + CLASS_NAME + " {");
    lines.add("");
    if (existingCaching) {
      lines.add(indent + "/** A resolver, not a second CacheManager bean, so the project's own caches keep their manager. */");
      lines.add(indent + "@Bean(\"" + RESOLVER_BEAN + "\")");
      lines.add(indent + "public CacheResolver " + RESOLVER_BEAN + "(" + (metrics ? METRICS_PARAMETER : "") + ") {");
    } else {
      lines.add(indent + "@Bean(\"" + MANAGER_BEAN + "\")");
      lines.add(indent + "public CacheManager " + MANAGER_BEAN + "(" + (metrics ? METRICS_PARAMETER : "") + ") {");
    }
    if (legacy) {
      lines.add(indent + indent + "List<org.springframework.cache.Cache> caches = new ArrayList<>();");
    } else {
      lines.add(indent + indent + "CaffeineCacheManager manager = new CaffeineCacheManager() {");
      lines.add(indent + indent + indent + "@Override");
      lines.add(indent + indent + indent + "protected org.springframework.cache.Cache adaptCaffeineCache(String name,");
      lines.add(indent + indent + indent + indent + indent + "com.github.benmanes.caffeine.cache.Cache<Object, Object> cache) {");
      lines.add(indent + indent + indent + indent + "return new " + WriteAwareCacheFile.CLASS_NAME + "(name, cache, isAllowNullValues());");
      lines.add(indent + indent + indent + "}");
      lines.add(indent + indent + "};");
      lines.add(indent + indent + "// static: a cache name nobody registered fails instead of creating an unbounded cache");
      lines.add(indent + indent + "manager.setCacheNames(Collections.<String>emptyList());");
    }
    for (CachingTarget target : targets) {
      lines.add(registration(target, indent + indent, registry));
    }
    lines.add(indent + indent + MARKER);
    if (legacy) {
      // a SimpleCacheManager serves only the caches it is given: a name nobody registered is no cache
      lines.add(indent + indent + "SimpleCacheManager manager = new SimpleCacheManager();");
      lines.add(indent + indent + "manager.setCaches(caches);");
      lines.add(indent + indent + "manager.afterPropertiesSet(); // a resolver's manager is no bean: Spring would not call it");
    }
    if (metrics) {
      // bound here, not by Spring Boot's binder alone: it sees CacheManager beans, and a resolver's manager is none
      lines.add(indent + indent + (legacy ? "MeterRegistry registry = meterRegistry.getIfAvailable();" : "meterRegistry.ifAvailable(registry -> bindMetrics(manager, registry));"));
      if (legacy) {
        lines.add(indent + indent + "if (registry != null) {");
        lines.add(indent + indent + indent + "bindMetrics(caches, registry);");
        lines.add(indent + indent + "}");
      }
    }
    String served = "manager";
    if (transactionAware && !legacy) {
      lines.add(indent + indent + "// evictions and puts inside a transaction take effect after it commits, never before");
      served = "new TransactionAwareCacheManagerProxy(manager)";
    }
    lines.add(indent + indent + (existingCaching ? "return new SimpleCacheResolver(" + served + ");" : "return " + served + ";"));
    lines.add(indent + "}");
    lines.add("");
    lines.add(indent + "private static void register(" + registry.parameter() + ", String name, long ttlSeconds, long maximumSize) {");
    lines.add(indent + indent + registry.add() + "Caffeine.newBuilder()");
    lines.add(indent + indent + indent + ".expireAfterWrite(" + registry.expiry() + ")");
    lines.add(indent + indent + indent + ".maximumSize(maximumSize)");
    lines.add(indent + indent + indent + ".recordStats()");
    lines.add(indent + indent + indent + ".build());");
    lines.add(indent + "}");
    if (legacy) {
      lines.add("");
      lines.add(indent + "private static void add(List<org.springframework.cache.Cache> caches, String name,");
      lines.add(indent + indent + indent + "com.github.benmanes.caffeine.cache.Cache<Object, Object> built) {");
      lines.add(indent + indent + WriteAwareCacheFile.CLASS_NAME + " cache = new " + WriteAwareCacheFile.CLASS_NAME + "(name, built, true);");
      lines.add(indent + indent + "caches.add(cache);");
      if (transactionAware) {
        lines.add(indent + indent + "caches.add(new " + WriteAwareCacheFile.CLASS_NAME + ".WriteStart(cache));");
      }
      lines.add(indent + "}");
    }
    if (metrics) {
      lines.add("");
      lines.add(indent + "/** Each cache's statistics in the registry; a meter already there (Boot bound it) is kept, not doubled. */");
      if (legacy) {
        lines.add(indent + "private static void bindMetrics(List<org.springframework.cache.Cache> caches, MeterRegistry registry) {");
        lines.add(indent + indent + "for (org.springframework.cache.Cache cache : caches) {");
        lines.add(indent + indent + indent + "if (cache instanceof CaffeineCache) {");
        // the constructor, not monitor(): Micrometer 1.3's monitor overloads name Caffeine's AsyncCache, which the
        // Caffeine 2.6 Spring Boot 2.1 manages lacks, and javac cannot choose among them without it
        lines.add(indent + indent + indent + indent + "new CaffeineCacheMetrics(((CaffeineCache) cache).getNativeCache(), cache.getName(),");
        lines.add(indent + indent + indent + indent + indent + indent + "io.micrometer.core.instrument.Tags.of("
            + springBootTags(meterTagKey, "cache.getName()") + ")).bindTo(registry);");
        lines.add(indent + indent + indent + "}");
      } else {
        lines.add(indent + "private static void bindMetrics(CaffeineCacheManager manager, MeterRegistry registry) {");
        lines.add(indent + indent + "for (String name : manager.getCacheNames()) {");
        lines.add(indent + indent + indent + "CaffeineCacheMetrics.monitor(registry, ((CaffeineCache) manager.getCache(name)).getNativeCache(), name,");
        lines.add(indent + indent + indent + indent + indent + springBootTags(meterTagKey, "name") + ");");
      }
      lines.add(indent + indent + "}");
      lines.add(indent + "}");
    }
    // each weighed registration only where a cache is registered by it: a method nobody calls is a warning
    if (targets.stream().anyMatch(target -> target.weighed() && !keyedByCollection(target))) {
      lines.addAll(ElementWeigher.springRegistrations(indent,
          targets.stream().anyMatch(target -> target.weighed() && target.contentGetter() != null), registry));
    }
    if (targets.stream().anyMatch(SpringCacheConfigRewrite::keyedByCollection)) {
      lines.addAll(ElementWeigher.keyRegistration(indent, registry,
          targets.stream().noneMatch(target -> target.weighed() && !keyedByCollection(target))));
    }
    lines.add("}");
    return String.join(nl, lines) + nl;
  }

  /** The suffix of the name the eviction before a write names, before Spring 5.2: {@link WriteAwareCacheFile}. */
  public static final String WRITE_START = "/write-start";


  private static final String METRICS_PARAMETER = "ObjectProvider<MeterRegistry> meterRegistry";

  /**
   * The tags besides {@code cache} that Spring Boot gives its caches' meters (name, and the cache manager under the key
   * its version uses), as arguments of {@code CaffeineCacheMetrics.monitor}: a Prometheus registry takes one set of keys
   * per meter name, and refuses the meters of whichever binding comes second (trial 61; Spring Boot 2.1.11's binder
   * failed the application's start on {@code cache.manager}: SpringBefore528RuntimeTest).
   *
   * @param key {@code cacheManager} or {@code cache.manager} ({@link
   *     dev.optkit.rewriters.caching.spring.SpringVersionFloor#meterTagKey})
   * @param name the expression of the cache's name
   */
  static String springBootTags(String key, String name) {
    return "\"" + key + "\", \"optkit\", \"name\", " + name;
  }

  /**
   * The existing class with the new caches registered, or empty when its marker is gone.
   *
   * @param twoLevel the existing class is the two-level backend's (its local level among the index's types)
   */
  public static Optional<String> extend(String existing, List<CachingTarget> targets, boolean twoLevel, String nl) {
    int marker = existing.indexOf(MARKER);
    if (marker < 0) {
      return Optional.empty();
    }
    int lineStart = existing.lastIndexOf('\n', marker) + 1;
    String indent = existing.substring(lineStart, marker);
    StringBuilder added = new StringBuilder();
    boolean weighed = false;
    boolean throughContent = false;
    boolean byKey = false;
    boolean redis = isRedis(existing);
    CacheRegistry registry = CacheRegistry.of(existing);
    for (CachingTarget target : targets) {
      if (!existing.contains("\"" + target.cacheName() + "\"")) {
        // an earlier configuration without the overload that checks an entry's class keeps its own form
        boolean typed = RedisCacheConfigRewrite.typed(existing);
        added.append(twoLevel ? TwoLevelCacheConfigRewrite.registration(target, indent,
            typed) : redis ? RedisCacheConfigRewrite.registration(target, indent, typed) : registration(target, indent, registry)).append(nl);
        weighed |= target.weighed() && !keyedByCollection(target);
        throughContent |= target.weighed() && target.contentGetter() != null;
        byKey |= keyedByCollection(target);
      }
    }
    String extended = existing.substring(0, lineStart) + added + existing.substring(lineStart);
    if (weighed && !existing.contains(" " + ElementWeigher.WEIGHED_REGISTER + "(" + registry.parameter())) {
      // a configuration from an earlier migration, before any cache was weighed: its methods go before the class ends
      String member = indent.substring(0, indent.length() / 2);
      int end = extended.lastIndexOf('}');
      extended = extended.substring(0, end) + String.join(nl, ElementWeigher.springRegistrations(member, throughContent, registry,
          !ElementWeigher.hasElements(existing)))
          + nl + extended.substring(end);
    } else if (throughContent && !ElementWeigher.hasContentRegistration(existing)) {
      // weighed caches from an earlier migration, none through a getter: the overload goes before the class ends
      String member = indent.substring(0, indent.length() / 2);
      int end = extended.lastIndexOf('}');
      extended = extended.substring(0, end) + String.join(nl, ElementWeigher.contentRegistration(member, registry)) + nl + extended.substring(end);
    }
    if (byKey && !existing.contains(" " + ElementWeigher.KEY_WEIGHED_REGISTER + "(" + registry.parameter())) {
      String member = indent.substring(0, indent.length() / 2);
      int end = extended.lastIndexOf('}');
      extended = extended.substring(0, end) + String.join(nl, ElementWeigher.keyRegistration(member, registry,
          !ElementWeigher.hasElements(extended))) + nl + extended.substring(end);
    }
    return Optional.of(extended);
  }

  /** A weighed cache whose key holds a copy of a collection argument: its key's values weigh too. */
  static boolean keyedByCollection(CachingTarget target) {
    return target.weighed() && target.method().fact().params().stream()
        .anyMatch(p -> dev.optkit.rewriters.caching.keys.ClientSizedKeys.KEYED_COLLECTIONS.contains(p.qualifiedType()));
  }

  /** Whether an existing configuration keeps its caches in Redis (the redis backend made it). */
  public static boolean isRedis(String existing) {
    return existing.contains("RedisCacheManager");
  }

  private static String registration(CachingTarget target, String indent, CacheRegistry registry) {
    if (target.weighed()) {
      // PageResponse keeps its rows in a field: the weigher counts what its getter returns (a raw cast: any type arguments)
      String content = target.contentGetter() == null ? keyedByCollection(target) ? ", value -> value" : ""
          : ", value -> ((" + target.method().fact().returnType() + ") value)." + target.contentGetter() + "()";
      return indent + (keyedByCollection(target) ? ElementWeigher.KEY_WEIGHED_REGISTER : ElementWeigher.WEIGHED_REGISTER)
          + "(" + registry.argument() + ", " + JavaText.literal(target.cacheName()) + ", "
          + target.policy().ttlSeconds() + ", " + target.policy().maximumWeight() + content + "); // " + target.policyName() + ": "
          + target.method().fact().displayName() + "(), weighed by elements: "
          + String.join(", ", target.clientSizes()) + " sets how many";
    }
    return indent + "register(" + registry.argument() + ", " + JavaText.literal(target.cacheName()) + ", " + target.policy().ttlSeconds() + ", "
        + target.policy().maximumSize() + "); // " + target.policyName() + ": "
        + target.method().fact().displayName() + "()";
  }

  /**
   * The callbacks of Spring's TransactionSynchronization a generated one leaves empty, each written out
   * (before Spring 5.3 the interface has no default methods), for this class's and the Redis backend's.
   *
   * @param indent the indentation of the anonymous class's members
   */
  public static List<String> emptySynchronizationCallbacks(String indent) {
    return emptySynchronizationCallbacks(indent, "");
  }

  /** As {@link #emptySynchronizationCallbacks(String)}, but for the one callback the caller writes itself. */
  static List<String> emptySynchronizationCallbacks(String indent, String written) {
    List<String> lines = new java.util.ArrayList<>();
    for (String callback : List.of("suspend()", "resume()", "flush()", "beforeCommit(boolean readOnly)",
        "beforeCompletion()", "afterCommit()")) {
      if (callback.equals(written)) {
        continue;
      }
      lines.addAll(List.of(indent + "@Override", indent + "public void " + callback + " {", indent + "}", ""));
    }
    return lines;
  }
}
