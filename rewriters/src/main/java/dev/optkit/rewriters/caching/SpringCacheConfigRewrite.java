package dev.optkit.rewriters.caching;

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
  public static final String CLASS_NAME = "OptkitCacheConfig";
  public static final String MANAGER_BEAN = "optkitCacheManager";
  public static final String RESOLVER_BEAN = "optkitCacheResolver";
  public static final String MARKER = "// optkit:caches (migrate adds caches above this line)";

  private SpringCacheConfigRewrite() {}

  /** The annotation attribute that points {@code @Cacheable} at optkit's caches. */
  public static String managerAttribute(boolean existingCaching) {
    return existingCaching ? "cacheResolver = \"" + RESOLVER_BEAN + "\"" : "cacheManager = \"" + MANAGER_BEAN + "\"";
  }

  /** A new configuration class holding the given caches. */
  /**
   * @param transactionAware wrap the manager in Spring's {@code TransactionAwareCacheManagerProxy}, so puts
   *     and evictions made inside a transaction take effect after its commit (spring-tx must be present)
   */
  public static String create(String packageName, boolean existingCaching, boolean addEnableCaching,
      boolean transactionAware, List<CachingTarget> targets, String indent, String nl) {
    List<String> lines = new ArrayList<>();
    if (!packageName.isEmpty()) {
      lines.add("package " + packageName + ";");
      lines.add("");
    }
    lines.add("import com.github.benmanes.caffeine.cache.Caffeine;");
    lines.add("import java.time.Duration;");
    lines.add("import java.util.Collections;");
    if (!existingCaching) {
      lines.add("import org.springframework.cache.CacheManager;");
    }
    if (addEnableCaching) {
      lines.add("import org.springframework.cache.annotation.EnableCaching;");
    }
    lines.add("import org.springframework.cache.caffeine.CaffeineCacheManager;");
    if (existingCaching) {
      lines.add("import org.springframework.cache.interceptor.CacheResolver;");
      lines.add("import org.springframework.cache.interceptor.SimpleCacheResolver;");
    }
    if (transactionAware) {
      lines.add("import org.springframework.cache.transaction.TransactionAwareCacheManagerProxy;");
    }
    lines.add("import org.springframework.context.annotation.Bean;");
    lines.add("import org.springframework.context.annotation.Configuration;");
    lines.add("");
    lines.add("/**");
    lines.add(" * Caches added by optkit migrate: each bounded, expiring and recording statistics. All of them are");
    lines.add(" * skipped, without a code change, while -Doptkit.cache.disabled=true or OPTKIT_CACHE_DISABLED=true.");
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
      lines.add(indent + "public CacheResolver " + RESOLVER_BEAN + "() {");
    } else {
      lines.add(indent + "@Bean(\"" + MANAGER_BEAN + "\")");
      lines.add(indent + "public CacheManager " + MANAGER_BEAN + "() {");
    }
    lines.add(indent + indent + "CaffeineCacheManager manager = new CaffeineCacheManager();");
    lines.add(indent + indent + "// static: a cache name nobody registered fails instead of creating an unbounded cache");
    lines.add(indent + indent + "manager.setCacheNames(Collections.<String>emptyList());");
    for (CachingTarget target : targets) {
      lines.add(registration(target, indent + indent));
    }
    lines.add(indent + indent + MARKER);
    String served = "manager";
    if (transactionAware) {
      lines.add(indent + indent + "// evictions and puts inside a transaction take effect after it commits, never before");
      served = "new TransactionAwareCacheManagerProxy(manager)";
    }
    lines.add(indent + indent + (existingCaching ? "return new SimpleCacheResolver(" + served + ");" : "return " + served + ";"));
    lines.add(indent + "}");
    lines.add("");
    lines.add(indent + "private static void register(CaffeineCacheManager manager, String name, long ttlSeconds, long maximumSize) {");
    lines.add(indent + indent + "manager.registerCustomCache(name, Caffeine.newBuilder()");
    lines.add(indent + indent + indent + ".expireAfterWrite(Duration.ofSeconds(ttlSeconds))");
    lines.add(indent + indent + indent + ".maximumSize(maximumSize)");
    lines.add(indent + indent + indent + ".recordStats()");
    lines.add(indent + indent + indent + ".build());");
    lines.add(indent + "}");
    lines.add("}");
    return String.join(nl, lines) + nl;
  }

  /** The existing class with the new caches registered, or empty when its marker is gone. */
  public static Optional<String> extend(String existing, List<CachingTarget> targets, String nl) {
    int marker = existing.indexOf(MARKER);
    if (marker < 0) {
      return Optional.empty();
    }
    int lineStart = existing.lastIndexOf('\n', marker) + 1;
    String indent = existing.substring(lineStart, marker);
    StringBuilder added = new StringBuilder();
    for (CachingTarget target : targets) {
      if (!existing.contains("\"" + target.cacheName() + "\"")) {
        added.append(registration(target, indent)).append(nl);
      }
    }
    return Optional.of(existing.substring(0, lineStart) + added + existing.substring(lineStart));
  }

  private static String registration(CachingTarget target, String indent) {
    return indent + "register(manager, " + JavaText.literal(target.cacheName()) + ", " + target.policy().ttlSeconds() + ", "
        + target.policy().maximumSize() + "); // " + target.policyName() + ": "
        + target.method().fact().displayName() + "()";
  }
}
