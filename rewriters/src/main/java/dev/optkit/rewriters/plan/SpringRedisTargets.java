package dev.optkit.rewriters.plan;

import dev.optkit.analyzers.proof.Reason;
import dev.optkit.rewriters.caching.OptkitCacheConfigNames;
import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.Assessment;
import dev.optkit.rewriters.caching.CacheForm;
import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.backends.RedisRoundTrip;
import dev.optkit.rewriters.caching.ProjectTraits;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.caching.rewrite.SpringCacheConfigRewrite;
import dev.optkit.rewriters.edit.SourceDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Which Spring caches of a module can live in Redis (the redis and two-level backends), and why the others cannot. */
final class SpringRedisTargets {
  private SpringRedisTargets() {}

  /**
   * The targets whose Spring caches can live in Redis, the others refused with the reason: the module
   * must get a RedisConnectionFactory (Spring Boot makes one from spring.data.redis.*, or the project
   * has Spring Data Redis already), an earlier migration's configuration must be a Redis one, and each
   * method's result and key must round-trip ({@link RedisRoundTrip}). Plain Java caches stay local.
   */
  static List<CachingTarget> redisOrRefused(Path scanRoot, String prefix, Assessment assessment,
      ProjectTraits traits, List<CachingTarget> targets, List<Refusal> refusals, boolean twoLevel) {
    boolean springDataRedis = traits.pomFile().flatMap(dev.optkit.analyzers.source.MavenPom::read)
        .map(pom -> pom.dependencyArtifacts().stream().anyMatch(a -> a.equals("spring-data-redis")
            || a.startsWith("spring-boot-starter-data-redis") || a.startsWith("redisson-spring")))
        .orElse(false);
    Reason whole = null;
    if (!traits.springBoot() && !springDataRedis) {
      whole = new Reason(Proof.NO_CONNECTION_FACTORY, "the " + (twoLevel ? "two-level" : "redis") + " backend needs a RedisConnectionFactory: Spring Boot makes one from spring.data.redis.*, and "
          + "this module has neither Spring Boot nor Spring Data Redis in its pom");
    }
    Optional<String> existing = CacheConfigFiles.existingConfig(prefix, assessment);
    if (whole == null && existing.isPresent()) {
      String text = SourceDocument.decode(CacheConfigFiles.read(scanRoot.resolve(assessment.index().pathOfType(existing.get())))).text();
      if (!SpringCacheConfigRewrite.isRedis(text)) {
        whole = new Reason(Proof.EARLIER_BACKEND, OptkitCacheConfigNames.CLASS_NAME + " keeps an earlier migration's caches in Caffeine (cache.backend "
            + "local): undo that migration, or migrate with --cache-backend local, so one manager holds every cache");
      } else if (CacheConfigFiles.twoLevel(assessment, existing.get()) != twoLevel) {
        String earlier = twoLevel ? "redis" : "two-level";
        whole = new Reason(Proof.EARLIER_BACKEND, OptkitCacheConfigNames.CLASS_NAME + " keeps an earlier migration's caches with the " + earlier
            + " backend: undo that migration, or migrate with --cache-backend " + earlier
            + ", so every cache has the same levels");
      }
    }
    RedisRoundTrip roundTrip = new RedisRoundTrip(assessment.index(), scanRoot);
    List<CachingTarget> kept = new ArrayList<>();
    for (CachingTarget target : targets) {
      if (target.form() != CacheForm.SPRING) {
        kept.add(target);
        continue;
      }
      Optional<Reason> why = Optional.ofNullable(whole)
          .or(() -> Reason.of(Proof.REDIS_ROUND_TRIP, roundTrip.whyNot(target.method())));
      if (why.isPresent()) {
        refusals.add(new Refusal(target.finding(), why.get()));
      } else {
        kept.add(target);
      }
    }
    return List.copyOf(kept);
  }
}
