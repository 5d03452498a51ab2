package dev.optkit.rewriters.caching.spring;

import dev.optkit.analyzers.dependencies.LibraryVersions;
import dev.optkit.analyzers.source.MavenPom;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which Spring a module builds on, as far as the configuration optkit writes cares: its pom's Spring Boot (or, without
 * Boot, Spring Framework) version, read once.
 *
 * <ul>
 *   <li>Spring Framework 5.2.8 and later (Spring Boot 2.2.9, 2.3.2 and later): {@link CacheApi#CURRENT}, a
 *       {@code CaffeineCacheManager} with {@code registerCustomCache}, which came with 5.2.8;
 *   <li>4.3.3 to 5.2.7 (Spring Boot 1.5 to 2.2.8, 2.3.0 and 2.3.1): {@link CacheApi#BEFORE_5_2_8}, a
 *       {@code SimpleCacheManager} of {@code CaffeineCache}s (4.3), written without {@code Cache.invalidate} and
 *       {@code evictIfPresent} (5.2) and with Caffeine's {@code TimeUnit} expiry (its {@code Duration} one came with
 *       Caffeine 2.8, after the 2.6 Spring Boot 2.1 manages). On such a build the current form broke compilation (a
 *       Spring Boot 2.1.8 blog service, 7 errors);
 *   <li>older: no {@code CaffeineCache} at all, so its Spring caches are refused, saying which version the pom names.
 * </ul>
 *
 * The Redis and two-level backends are written against Spring Data Redis 2.6 ({@code BatchStrategies}) and Spring
 * 5.2.8's cache API: Spring Boot 2.6 and later.
 */
public final class SpringVersionFloor {
  /** The form of Spring's cache API the configuration is written against. */
  public enum CacheApi {
    CURRENT,
    BEFORE_5_2_8
  }

  private static final int[] FRAMEWORK = {5, 2, 8};
  /** CaffeineCache came with 4.3; {@code @Bean("name")}, which the configuration is written with, with 4.3.3. */
  private static final int[] CAFFEINE_CACHE = {4, 3, 3};
  /** Spring Boot 2.2.9 and 2.3.2 were the first of their lines on Spring Framework 5.2.8; 1.5.0 is on 4.3.6. */
  private static final int[] BOOT_22 = {2, 2, 9};
  private static final int[] BOOT_23 = {2, 3, 2};
  private static final int[] BOOT_15 = {1, 5};
  /** Spring Data Redis 2.6 (Spring Boot 2.6) brought the BatchStrategies the Redis configuration writes. */
  private static final int[] DATA_REDIS = {2, 6};
  private static final int[] BOOT_26 = {2, 6};
  private static final String REDIS_FLOOR = ": the Redis cache configuration optkit writes needs Spring Data Redis 2.6 "
      + "(Spring Boot 2.6) and Spring Framework 5.2.8 and would not compile; upgrade to Spring Boot 2.6 or later first, "
      + "or migrate with the local backend, which supports Spring Framework 4.3.3 (Spring Boot 1.5) and later";

  private SpringVersionFloor() {}

  /** The form of the cache API the module's Spring has; {@link CacheApi#CURRENT} when nothing tells. */
  public static CacheApi api(Path pom) {
    return api(pom, LibraryVersions.none());
  }

  /**
   * As {@link #api(Path)}, with the versions the project resolves for a pom that names neither Spring Boot nor Spring
   * (a BOM of another project's: JHipster's {@code jhipster-dependencies} brought Spring Boot 1.5 and 2.1, and the
   * configuration for 5.2.8 did not compile).
   */
  public static CacheApi api(Path pom, LibraryVersions resolved) {
    return versions(pom, resolved).map(v -> v.before(BOOT_22, BOOT_23, FRAMEWORK) ? CacheApi.BEFORE_5_2_8 : CacheApi.CURRENT)
        .orElse(CacheApi.CURRENT);
  }

  /**
   * Why the module's Spring is too old for the configuration the backend writes; empty when it is recent enough or
   * nothing tells.
   *
   * @param redis the Spring caches would live in Redis (the redis or two-level backend)
   */
  public static Optional<String> whyTooOld(Path pom, boolean redis) {
    return whyTooOld(pom, LibraryVersions.none(), redis);
  }

  /** As {@link #whyTooOld(Path, boolean)}, with the versions the project resolves where the pom tells none. */
  public static Optional<String> whyTooOld(Path pom, LibraryVersions resolved, boolean redis) {
    Optional<Versions> versions = versions(pom, resolved);
    // the Redis configuration writes BatchStrategies (Spring Data Redis 2.6, Spring Boot 2.6) and Spring 5.2.8's cache
    // API: the Spring Data Redis the project resolves, else its Boot, decides
    Optional<String> dataRedis = oldest(resolved.versions("org.springframework.data", "spring-data-redis"));
    if (versions.isEmpty()) {
      return redis && dataRedis.filter(d -> before(d, DATA_REDIS)).isPresent()
          ? Optional.of("the project resolves Spring Data Redis " + dataRedis.get() + REDIS_FLOOR) : Optional.empty();
    }
    Versions v = versions.get();
    if (v.before(BOOT_15, BOOT_15, CAFFEINE_CACHE)) {
      return Optional.of(v.built() + ": Spring's CaffeineCache, which every cache optkit writes is, came with Spring "
          + "Framework 4.3; upgrade to Spring Boot 1.5 or Spring Framework 4.3.3 or later first");
    }
    if (redis) {
      boolean oldDataRedis = dataRedis.map(d -> before(d, DATA_REDIS)).orElse(v.boot() && before(v.version(), BOOT_26));
      if (oldDataRedis || v.before(BOOT_22, BOOT_23, FRAMEWORK)) {
        return Optional.of(v.built() + dataRedis.map(d -> " and Spring Data Redis " + d).orElse("") + REDIS_FLOOR);
      }
    }
    return Optional.empty();
  }

  /**
   * The tag key Spring Boot's own cache meter binder names the cache manager by: {@code cacheManager} up to Boot 2.6,
   * {@code cache.manager} from 2.7 (read in CacheMetricsRegistrarConfiguration of 2.6.15 and 2.7.18). The meters optkit
   * binds use the same key: a Prometheus registry takes one set of keys per meter name, and the binding that came
   * second failed the application's start (Spring Boot 2.1.11, Micrometer 1.1.19). Without Boot, the later key.
   */
  public static String meterTagKey(Path pom) {
    return meterTagKey(pom, LibraryVersions.none());
  }

  /** As {@link #meterTagKey(Path)}, with the versions the project resolves where the pom tells none. */
  public static String meterTagKey(Path pom, LibraryVersions resolved) {
    return versions(pom, resolved).filter(v -> v.boot() && before(v.version(), new int[] {2, 7})).map(v -> "cacheManager")
        .orElse("cache.manager");
  }

  /** The version a pom names: Spring Boot's when it has Boot, else Spring Framework's. */
  private record Versions(String version, boolean boot) {
    String built() {
      return "the module builds on " + (boot ? "Spring Boot " : "Spring Framework ") + version;
    }

    /** Before the floor: for Boot, before 2.3's floor within 2.3 and before 2.2's otherwise. */
    boolean before(int[] boot22Floor, int[] boot23Floor, int[] framework) {
      if (!boot) {
        return SpringVersionFloor.before(version, framework);
      }
      boolean in23 = !SpringVersionFloor.before(version, new int[] {2, 3}) && SpringVersionFloor.before(version, new int[] {2, 4});
      return SpringVersionFloor.before(version, in23 ? boot23Floor : boot22Floor);
    }
  }

  /**
   * What the pom names (Spring Boot's parent or BOM, else a Spring Framework dependency's version); where it names
   * neither, the oldest Spring Boot, else Spring Framework, among the jars the project resolves (the oldest: the form
   * written for an older Spring compiles on a later one, not the other way).
   */
  private static Optional<Versions> versions(Path pom, LibraryVersions resolved) {
    Optional<MavenPom> model = pom == null || !Files.isRegularFile(pom) ? Optional.empty() : MavenPom.read(pom);
    Optional<String> boot = model.flatMap(MavenPom::springBootVersion);
    if (boot.isPresent()) {
      return Optional.of(new Versions(boot.get(), true));
    }
    Optional<String> framework = model.flatMap(MavenPom::springFrameworkVersion);
    if (framework.isPresent()) {
      return Optional.of(new Versions(framework.get(), false));
    }
    return oldest(resolved.versions("org.springframework.boot", "spring-boot")).map(v -> new Versions(v, true))
        .or(() -> oldest(resolved.versions("org.springframework", "spring-context")).map(v -> new Versions(v, false)));
  }

  private static Optional<String> oldest(java.util.List<String> versions) {
    return versions.stream().min((a, b) -> before(a, numbers(b)) ? -1 : before(b, numbers(a)) ? 1 : 0);
  }

  /** A version's leading numbers ({@code 2.1.11.RELEASE}: 2, 1, 11), as {@link #before} compares them. */
  private static int[] numbers(String version) {
    String[] parts = version.split("[.\\-]");
    int[] numbers = new int[Math.min(3, parts.length)];
    for (int i = 0; i < numbers.length; i++) {
      try {
        numbers[i] = Integer.parseInt(parts[i]);
      } catch (NumberFormatException notANumber) {
        return java.util.Arrays.copyOf(numbers, i);
      }
    }
    return numbers;
  }

  /** Whether a version ({@code 2.1.8.RELEASE}, {@code 5.1.9.RELEASE}) is before the floor by its numbers. */
  static boolean before(String version, int[] floor) {
    String[] parts = version.split("[.\\-]");
    for (int i = 0; i < floor.length; i++) {
      int number;
      try {
        number = i < parts.length ? Integer.parseInt(parts[i]) : 0;
      } catch (NumberFormatException notANumber) {
        return false; // a version optkit cannot read is not said to be old
      }
      if (number != floor[i]) {
        return number < floor[i];
      }
    }
    return false;
  }
}
