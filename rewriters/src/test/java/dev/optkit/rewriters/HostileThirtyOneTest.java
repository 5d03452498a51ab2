package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile review 31 of the self-called writers and response wrappers (/tmp/hostile31, 2026-11-26): each case here
 * was cached and proven stale or wrong by a Spring Boot run (or made the application fail to start), on 80b57ec or
 * before. The projects are under {@code src/test/resources/hostile31/}, as the reviewer wrote them.
 */
class HostileThirtyOneTest {
  @TempDir Path dir;

  private MigrationPlan attack(String name) {
    return new MigrationFixture(dir.resolve(name)).resources("/hostile31/" + name).plan();
  }

  private static boolean cached(MigrationPlan plan, String displayName) {
    return plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(displayName));
  }

  /**
   * A write a self-call makes where no eviction around a proxy follows it: in a task run later ({@code thenRunAsync},
   * a project's {@code @Async} runner, an anonymous {@code Runnable} on a thread: s1, s1c, s2), on {@code this} handed
   * out ({@code new Thread(this)}, a helper given {@code this}: s31, s32, s32b), from a method the framework calls
   * directly (package-private {@code @Scheduled}/{@code @EventListener}: s3, s3b, s3c), through code kept in a field
   * ({@code BiConsumer op = this::update}: s6, s6b), inside a lazy stream returned
   * (s30); and a private {@code @EventListener} a proxy cannot invoke (s3e: the application did not start).
   */
  @ParameterizedTest
  @ValueSource(strings = {"s1", "s1c", "s2", "s31", "s32", "s32b", "s3", "s3b", "s3c", "s3e", "s6", "s6b", "s30"})
  void aWriteNoProxyEvictionFollowsRefusesTheRead(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(cached(plan, "ProductReader.getOwner"), plan.targets().toString());
  }

  /**
   * An inner class calling the writer on its outer instance ({@code new Batch(owner).run(ids)}: s10, s10b): the
   * bean method that runs the inner class, through its proxy, evicts too, or the read is refused.
   */
  @ParameterizedTest
  @ValueSource(strings = {"s10", "s10b"})
  void anInnerClassWriteIsEvictedAroundTheBeanMethodRunningIt(String attack) {
    MigrationPlan plan = attack(attack);
    plan.targets().stream().filter(t -> t.method().fact().displayName().equals("ProductReader.getOwner")).findFirst()
        .ifPresent(target -> assertTrue(target.evictions().stream()
            .anyMatch(e -> e.writer().fact().name().equals("renameAll")), target.evictions().toString()));
  }

  /**
   * A response body whose kept result project code reaches: a getter named otherwise (k1), a method reference to it
   * (k1c), a public or package-private field (k2, k13), a superclass holding it (k4), a constructor sorting it (k6),
   * a body advice reading it by reflection (k11), a record, a {@code this(...)} chain or Lombok's getter (k8b,
   * k21b, k23e); each case's advice or handler changed the cached rows.
   */
  @ParameterizedTest
  @ValueSource(strings = {"k1", "k1c", "k2", "k4", "k6", "k11", "k13", "k8b", "k21b", "k23e"})
  void aBodyProjectCodeReachesIsNotSharedFromACache(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(cached(plan, "ProductCatalog.list"), plan.targets().toString());
  }

  /**
   * The review's false refusals: the wrapper made by its static factory ({@code ApiResponse.ok(list)}, k9) and a
   * mapping declared on the interface the controller implements (the openapi-generator style, k20) are bodies too.
   */
  @ParameterizedTest
  @ValueSource(strings = {"k9", "k20"})
  void aFactoryMadeWrapperAndAnInterfaceMappingServeTheBody(String attack) {
    MigrationPlan plan = attack(attack);
    assertTrue(cached(plan, "ProductCatalog.list"), plan.refusals().toString());
  }

  @Test
  void theControlsStayCached() {
    MigrationPlan writer = attack("s0");
    assertTrue(cached(writer, "ProductReader.getOwner"), writer.refusals().toString());
    MigrationPlan wrapper = attack("k0");
    assertTrue(cached(wrapper, "ProductCatalog.list"), wrapper.refusals().toString());
  }
}
