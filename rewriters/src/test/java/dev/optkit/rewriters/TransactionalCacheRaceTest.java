package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import dev.optkit.rewriters.caching.rewrite.SpringCacheConfigRewrite;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cache migrate generates for Spring, driven through Spring's own transaction synchronization
 * (TransactionAwareCacheManagerProxy defers puts and evictions to the commit), with another thread
 * writing in between. Each interleaving here made the generated cache keep or serve data without a
 * write that had committed or that the transaction itself had made (found by a hostile review on
 * spring-petclinic-rest).
 */
class TransactionalCacheRaceTest {
  @TempDir Path dir;

  /** Spring's transaction lifecycle with no resource behind it: what the cache sees of a transaction is all real. */
  static final class LifecycleOnly extends AbstractPlatformTransactionManager {
    @Override
    protected Object doGetTransaction() {
      return new Object();
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {}

    @Override
    protected void doCommit(DefaultTransactionStatus status) {}

    @Override
    protected void doRollback(DefaultTransactionStatus status) {}
  }

  /**
   * The cache, and what the eviction before a write runs on it: {@code invalidate()} from Spring 5.2, a clear of its
   * WriteStart view in the form written for an older Spring.
   */
  private record Migrated(Cache cache, Runnable writeStarts) {}

  private Migrated migrated(URLClassLoader loader) throws Exception {
    Class<?> config = loader.loadClass("shop.OptkitCacheConfig");
    CacheManager manager = (CacheManager) config.getMethod("optkitCacheManager").invoke(config.getConstructor().newInstance());
    Cache cache = manager.getCache("optkit.CountryDao.countryName");
    Cache start = manager.getCache("optkit.CountryDao.countryName" + SpringCacheConfigRewrite.WRITE_START);
    return new Migrated(cache, start == null ? cache::invalidate : start::clear);
  }

  /** @param springVersion the Spring the module's pom names, which decides the configuration's form */
  private Path compiledConfig(String springVersion) throws Exception {
    MigrationFixture fixture = SpringBefore528Test.countries(dir, springVersion);
    MigrationPlan plan = fixture.plan();
    return fixture.compile(plan);
  }

  @ParameterizedTest(name = "Spring {0}")
  @ValueSource(strings = {"6.2.12", "5.1.20.RELEASE"})
  void aTransactionMissingTwiceAroundAnotherWriteStoresNeitherLoad(String springVersion) throws Exception {
    Path classes = compiledConfig(springVersion);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Cache cache = migrated(loader).cache();
      new TransactionTemplate(new LifecycleOnly()).executeWithoutResult(status -> {
        assertNull(cache.get("NL"));
        cache.put("NL", "Holland"); // held until the commit
        // another transaction renames it and, after its commit, evicts
        CompletableFuture.runAsync(cache::clear).join();
        assertNull(cache.get("NL"));
        cache.put("NL", "Holland"); // what this transaction's snapshot or session still gives
      });
      assertNull(cache.get("NL"), "a load that began before the other write must not be stored at the commit");
    }
  }

  @ParameterizedTest(name = "Spring {0}")
  @ValueSource(strings = {"6.2.12", "5.1.20.RELEASE"})
  void aTransactionThatWroteReadsPastWhatOthersCachedMeanwhile(String springVersion) throws Exception {
    Path classes = compiledConfig(springVersion);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Migrated migrated = migrated(loader);
      Cache cache = migrated.cache();
      new TransactionTemplate(new LifecycleOnly()).executeWithoutResult(status -> {
        migrated.writeStarts().run(); // @CacheEvict(beforeInvocation = true): at once, before this transaction's write
        // a reader elsewhere caches the committed row, which lacks this transaction's write
        CompletableFuture.runAsync(() -> {
          assertNull(cache.get("NL"));
          cache.put("NL", "Holland");
        }).join();
        assertNull(cache.get("NL"), "the transaction must read its own write, not what others cached");
        assertEquals("Nederland", cache.get("NL", () -> "Nederland"));
      });
      // what the transaction read of its own write was never stored for others, nor what another thread loaded
      // while the write was open (the eviction after the commit would have dropped it; a rollback runs none)
      assertNull(CompletableFuture.supplyAsync(() -> cache.get("NL")).join());
    }
  }
}
