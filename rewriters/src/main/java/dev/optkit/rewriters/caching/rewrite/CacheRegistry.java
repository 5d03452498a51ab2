package dev.optkit.rewriters.caching.rewrite;

import dev.optkit.rewriters.caching.spring.SpringVersionFloor.CacheApi;

/**
 * How the Spring configuration optkit writes adds one cache, by the Spring it is written for: to a
 * {@code CaffeineCacheManager} through {@code registerCustomCache} (Spring Framework 5.2.8 and later), or to the list
 * of caches a {@code SimpleCacheManager} serves (Spring Framework 4.3 to 5.2.7).
 *
 * @param parameter the first parameter of the generated {@code register} methods
 * @param argument what the manager method hands them
 * @param add the start of the statement that adds a built Caffeine cache named {@code name}
 * @param expiry the arguments of Caffeine's {@code expireAfterWrite} (its {@code Duration} form came with Caffeine 2.8,
 *     after the 2.6 Spring Boot 2.1 manages)
 */
record CacheRegistry(String parameter, String argument, String add, String expiry) {
  static final CacheRegistry MANAGER = new CacheRegistry("CaffeineCacheManager manager", "manager",
      "manager.registerCustomCache(name, ", "Duration.ofSeconds(ttlSeconds)");
  static final CacheRegistry LIST = new CacheRegistry("List<org.springframework.cache.Cache> caches", "caches",
      "add(caches, name, ", "ttlSeconds, TimeUnit.SECONDS");

  static CacheRegistry of(CacheApi api) {
    return api == CacheApi.CURRENT ? MANAGER : LIST;
  }

  /** The form an existing configuration was written in. */
  static CacheRegistry of(String configuration) {
    return configuration.contains("new SimpleCacheManager()") ? LIST : MANAGER;
  }
}
