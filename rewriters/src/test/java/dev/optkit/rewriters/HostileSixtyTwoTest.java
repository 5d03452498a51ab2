package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile review 62 (/tmp/hostile62): reads whose answer a cache would have served stale, each probed against the
 * original (a write between two reads, or a side effect the hit skips), reduced to {@code src/test/resources/hostile62}:
 * a shared base (a DTO, a Labeler whose prefix a setter changes, the service) and each case's own files. A field read
 * or filled through a method reference ({@code allowed::contains}, {@code seen::add}, {@code log::add} on a local given
 * {@code seen}), a receiver optkit could not type ({@code labelers[0]::label}, {@code Labelers.MAIN::label}), a field a
 * superclass or record declares beside a local of its name, a try resource or pattern variable named as a field, a
 * fresh DTO given shared state through an alias or a cast, a static list (final or not) or a superclass's initialiser.
 */
class HostileSixtyTwoTest {
  @TempDir Path dir;

  /** The cases whose service reads roles through a Labeler (the others read a user's DTO). */
  private static final List<String> ROLES = List.of("filter_set_ref", "array_field_ref", "other_static_ref",
      "inherited_shadow_ref", "record_shadow_ref", "tryres_finally_plain", "pattern_shadow_plain", "static_upper_read_ref",
      "holder_lab_ref", "holder_set_ref", "holder_set_plain");

  private MigrationPlan plan(String name) {
    MigrationFixture fixture = new MigrationFixture(dir.resolve(name)).resources("/hostile62/base");
    if (ROLES.contains(name)) {
      fixture.resources("/hostile62/roles-service");
    }
    return fixture.resources("/hostile62/" + name).plan();
  }

  @ParameterizedTest
  @ValueSource(strings = {"filter_set_ref", "hist_field_ref", "hist_local_ref", "array_field_ref", "other_static_ref",
      "inherited_shadow_ref", "record_shadow_ref", "tryres_finally_plain", "pattern_shadow_plain", "fa_alias_ref",
      "fa_cast_ref", "ctor_nonfinal_ref", "ctor_array_ref", "super_init_ref"})
  void aReadWhoseHitWouldBeStaleIsRefused(String name) {
    MigrationPlan plan = plan(name);
    assertEquals(List.of(), plan.targets().stream().map(t -> t.method().fact().displayName()).toList(),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
    assertTrue(plan.refusals().stream().map(Refusal::reason).anyMatch(r -> r.contains("shared between calls")
        || r.contains("of its class (static)") || r.contains("changes state kept between calls")),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
  }

  /**
   * Round 3 (hostile review 64, /tmp/hostile64): a static field named in capitals ({@code SEEN::add},
   * {@code filter(ALLOWED::contains)}), an accumulator's {@code accumulate}, by reference or by call, and a reference
   * on an object reached from elsewhere: {@code holder.list::add}, {@code holder.labeler::label}, {@code UserDao.SEEN::add},
   * {@code seen()::add}, {@code seen[0]::add}, {@code ((List<String>) seen)::add}.
   */
  @ParameterizedTest
  @ValueSource(strings = {"static_upper_ref", "static_upper_read_ref", "accum_ref", "accum_plain", "holder_field_ref",
      "holder_this_ref", "holder_lab_ref", "static_qual_ref", "getter_ref", "array_list_ref", "cast_ref"})
  void roundThreesStaleReadsAreRefused(String name) {
    aReadWhoseHitWouldBeStaleIsRefused(name);
  }

  /**
   * What round 3 left (hostile review 64): a field's field filled by another method ({@code holder.allowed.add}, read
   * through {@code holder.allowed::contains} or the plain call); a local given the field through a ternary, a switch,
   * an enhanced for or a synchronized view, then {@code log::add}; a mutator reference or lambda held in a field and run
   * later ({@code sink = seen::add}, {@code next = counter::incrementAndGet}); {@code Collectors.toCollection} filling a
   * field; a constructor adding to its class's static list ({@code Role::new}, {@code new Role(r)}).
   */
  @ParameterizedTest
  @ValueSource(strings = {"holder_set_ref", "holder_set_plain", "ternary_local_ref", "switch_local_ref",
      "foreach_field_ref", "syncview_ref", "sinkfield_ref", "supplier_lc_ref", "supplier_lc_plain", "tocoll_lambda",
      "tocoll_ref", "ctor_ref", "ctor_plain"})
  void roundThreesLeftoversAreRefused(String name) {
    aReadWhoseHitWouldBeStaleIsRefused(name);
  }

  /** The control: a DTO the read makes and fills from its rows is cached. */
  @Test
  void aFreshDtoIsCached() {
    MigrationPlan plan = plan("base_fresh");
    assertEquals(List.of("UserService.describe"), plan.targets().stream().map(t -> t.method().fact().displayName())
        .toList(), plan.refusals().stream().map(Refusal::reason).toList().toString());
  }
}
