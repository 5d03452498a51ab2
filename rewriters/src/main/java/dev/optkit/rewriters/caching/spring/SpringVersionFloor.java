package dev.optkit.rewriters.caching.spring;

import dev.optkit.analyzers.source.MavenPom;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The oldest Spring the configuration optkit writes compiles against: {@code CaffeineCacheManager.registerCustomCache}
 * and {@code adaptCaffeineCache} came with Spring Framework 5.2.8 (Spring Boot 2.2.9 and 2.3.2), {@code Cache.evictIfPresent} and
 * {@code invalidate} with 5.2. On an older build the rewrite broke compilation (trial 42: a Spring Boot 2.1.8 blog
 * service, 7 errors), so its Spring caches are refused, saying which version the pom names.
 */
public final class SpringVersionFloor {
  private static final int[] FRAMEWORK = {5, 2, 8};
  /** Spring Boot 2.2.9 and 2.3.2 were the first of their lines on Spring Framework 5.2.8. */
  private static final int[] BOOT_22 = {2, 2, 9};
  private static final int[] BOOT_23 = {2, 3, 2};

  private SpringVersionFloor() {}

  /** Why the module's pom names a Spring too old; empty when it is recent enough or nothing tells. */
  public static Optional<String> whyTooOld(Path pom) {
    if (pom == null || !Files.isRegularFile(pom)) {
      return Optional.empty();
    }
    Optional<MavenPom> model = MavenPom.read(pom);
    if (model.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> boot = model.get().springBootVersion();
    if (boot.isPresent()) {
      boolean old = before(boot.get(), BOOT_22) || !before(boot.get(), new int[] {2, 3, 0}) && before(boot.get(), BOOT_23);
      return old ? Optional.of(reason("Spring Boot " + boot.get() + ", whose Spring Framework is older than 5.2.8",
          "Spring Boot 2.2.9 or 2.3.2")) : Optional.empty();
    }
    return model.get().springFrameworkVersion().filter(version -> before(version, FRAMEWORK))
        .map(version -> reason("Spring Framework " + version, "Spring Framework 5.2.8"));
  }

  private static String reason(String built, String needed) {
    return "the module builds on " + built + ": the cache configuration optkit writes needs CaffeineCacheManager's "
        + "registerCustomCache (Spring Framework 5.2.8) and would not compile; upgrade to " + needed + " or later first";
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
