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
 * State a read depends on that its key does not cover: a field, a static, an object shared between calls, read or
 * changed through a method reference, a local alias or a superclass, makes a hit stale; what never changes is cached.
 *
 * <p>Hostile review 62 (/tmp/hostile62): reads whose answer a cache would have served stale, each probed against the
 * original (a write between two reads, or a side effect the hit skips), reduced to {@code src/test/resources/hostile62}:
 * a shared base (a DTO, a Labeler whose prefix a setter changes, the service) and each case's own files. A field read
 * or filled through a method reference ({@code allowed::contains}, {@code seen::add}, {@code log::add} on a local given
 * {@code seen}), a receiver optkit could not type ({@code labelers[0]::label}, {@code Labelers.MAIN::label}), a field a
 * superclass or record declares beside a local of its name, a try resource or pattern variable named as a field, a
 * fresh DTO given shared state through an alias or a cast, a static list (final or not) or a superclass's initialiser.
 */
class StateTheKeyMissesTest {
  @TempDir Path dir;

  /** The cases whose service reads roles through a Labeler (the others read a user's DTO). */
  private static final List<String> ROLES = List.of("filter_set_ref", "array_field_ref", "other_static_ref",
      "inherited_shadow_ref", "record_shadow_ref", "tryres_finally_plain", "pattern_shadow_plain", "static_upper_read_ref",
      "holder_lab_ref", "holder_set_ref", "holder_set_plain", "enum_const_ref", "enum_const_plain", "static_const_ref",
      "k_super_read", "k_other_static_read", "p_alias_change", "p_atomicref", "p_enum", "p_getter_change", "p_inherited",
      "p_map_value", "p_method_change", "p_nested_alias", "p_record_holder", "p_static_holder", "p_local_alias",
      "p_local_ternary", "p_local_foreach", "p_local_pattern", "p_local_get", "c_local_rows");

  private MigrationPlan plan(String name) {
    MigrationFixture fixture = new MigrationFixture(dir.resolve(name)).resources("/hostile62/base");
    if (ROLES.contains(name) || name.startsWith("h72_") || name.startsWith("h74_")) {
      fixture.resources("/hostile62/roles-service");
    } else if (keepsHistory(name)) {
      fixture.resources("/hostile62/hist-service"); // rounds 3 and 4: the service reads roles and the DAO's history
    }
    return fixture.resources("/hostile62/" + name).plan();
  }

  /** The cases whose DAO keeps a history of what its reads did (the state a skipped write leaves behind). */
  private static boolean keepsHistory(String name) {
    try (var dao = StateTheKeyMissesTest.class.getResourceAsStream("/hostile62/" + name + "/src/main/java/shop/UserDao.java")) {
      return dao != null && new String(dao.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .contains("public String history()");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
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
        || r.contains("of its class (static)") || r.contains("changes state kept between calls")
        || r.contains("cannot show is made for this call alone") || r.contains("a static field of another class")
        || r.contains("(kept between calls)") || r.contains("whose construction reads")),
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

  /**
   * Round 2's holes 7-9 and the plain alias, older than the method-reference work: an inner class declared in a
   * superclass ({@code new Acc()} holds the DAO), a static nested class changing its outer class's static list, an
   * enum constant with a setter's state ({@code Labels.DEFAULT.label(r)}, {@code Labels.DEFAULT::label}), and a DTO
   * given the shared list through an alias ({@code alias.roles = seen}).
   */
  @ParameterizedTest
  @ValueSource(strings = {"inner_super_ref", "inner_super_plain", "static_nested_ref", "static_nested_plain",
      "enum_const_ref", "enum_const_plain", "fa_alias_plain"})
  void roundTwosOlderHolesAreRefused(String name) {
    aReadWhoseHitWouldBeStaleIsRefused(name);
  }

  /**
   * {@code map(LABELER::label)} on a static field was refused for "Labeler.setPrefix() assigns field prefix", a setter
   * the read never calls; the reason is now the read's own, as for {@code LABELER.label(r)}.
   */
  @Test
  void aReferenceOnAStaticFieldIsRefusedForWhatItReads() {
    MigrationPlan plan = plan("static_const_ref");
    assertEquals(List.of(), plan.targets().stream().map(t -> t.method().fact().displayName()).toList());
    List<String> reasons = plan.refusals().stream().map(Refusal::reason).toList();
    assertTrue(reasons.stream().allMatch(r -> r.contains("Labeler.label() reads field prefix") && !r.contains("setPrefix")),
        reasons.toString());
  }

  /**
   * Round 4 (hostile review 66, /tmp/hostile66): collectors filling a supplied container ({@code toMap} and
   * {@code groupingBy} map factories, a supplier held in a local or a field, a static's), constructors reaching shared
   * state through a superclass's constructor (explicit or implicit {@code super()}), a helper, or another class's
   * static, and code held in a field that steps a counter ({@code () -> ++hits}), fills a static ({@code SEEN::add}),
   * runs an own method that fills a field ({@code this::record}, {@code r -> record(r)}), is given in an initialiser
   * block, wrapped in a map, an array or a composition, reached through an alias, or is an anonymous class bumping
   * its outer object's counter.
   */
  @ParameterizedTest
  @ValueSource(strings = {"tc_local_supplier", "tc_field_supplier", "tc_static", "tc_tomap", "tc_groupingby",
      "tc_ternary", "k_super", "k_super_implicit", "k_super_read", "k_helper", "k_instance_helper", "k_other_static",
      "k_other_static_read", "f_unary_lambda", "f_static_ref", "f_static_ref_call", "f_alias", "f_anon_outer", "f_array",
      "f_compose", "f_getter_lambda", "f_init_block", "f_lambda_helper", "f_map", "f_this_ref", "k_this"})
  void roundFoursStaleReadsAreRefused(String name) {
    aReadWhoseHitWouldBeStaleIsRefused(name);
  }

  /**
   * Round 4's false refusals of the round-3 change, cached again: a field's lambda sorting, reversing or
   * {@code Arrays.sort}-ing its own copy; a parameter or a lambda's parameter named as the field whose part it
   * changes; {@code map(Role::new)}, which runs the one-argument constructor, not the registering {@code Role()};
   * {@code toMap}/{@code groupingBy}/{@code toCollection} filling new containers; a fresh local list filled by a
   * reference; a constructor reading only a constant.
   */
  @ParameterizedTest
  @ValueSource(strings = {"c_field_lambda_sort", "c_field_lambda_arrays", "c_field_lambda_reverse",
      "c_ctor_noarg_reg", "c_tomap_fresh",
      "c_groupingby_fresh", "c_treeset", "c_fresh_log_local_ref", "c_ctor_const", "c_field_lambda_pure",
      "c_field_lambda_fresh", "c_local_counter_lambda", "c_field_ref_fresh_sb", "c_field_lambda_add", "c_field_lambda_map",
      "c_field_ref_setter_fresh"})
  void whatACarefulEngineerWouldCacheIsCached(String name) {
    MigrationPlan plan = plan(name);
    assertEquals(List.of("UserService.roles"), plan.targets().stream().map(t -> t.method().fact().displayName())
        .toList(), plan.refusals().stream().map(Refusal::reason).toList().toString());
  }

  /**
   * Round 5 (hostile review 69, /tmp/hostile69): false refusals of the round-4 changes, cached again: a mutator
   * chained on an object made here or a local ({@code new StringBuilder().append(r).append('!')}, a StringJoiner,
   * {@code Stream.builder()}, {@code computeIfAbsent(k, ...).getRoles().add(r)} on a local map, a fresh DTO's
   * {@code getRoles().add}), {@code BigDecimal} arithmetic ({@code FEE::add}, {@code FEE.add(p)}), an own helper's
   * pure overload, an explicit {@code super(id)} beside a registering no-argument superclass constructor, a superclass
   * constructor reading the clock into a field the answer never carries, a final field supplier {@code ArrayList::new}.
   */
  @ParameterizedTest
  @ValueSource(strings = {"c_extractor_lambda", "c_rowmapper_anon", "c_dto_getter_add", "c_helper_getter_add",
      "c_sb_chain", "c_sb_local_chain", "c_helper_sb_chain", "c_joiner_chain", "c_builder_stream", "c_bigdecimal_chain",
      "c_bigdecimal_ref", "c_helper_overload", "k_super_other_ctor", "k_super_instant", "t_field_supplier_new",
      "c_bigdecimal_scope"})
  void roundFivesFalseRefusalsAreCached(String name) {
    whatACarefulEngineerWouldCacheIsCached(name);
  }

  /**
   * Hostile review 66's P group, cached until now: a field of another object read directly through this object's
   * field or a static ({@code holder.allowed.contains(r)}, {@code HOLDER.allowed::contains}, {@code
   * Mode.STRICT.allowed}, {@code opts.get("main").prefix}, {@code holder} inherited), which the object's own methods
   * change ({@code Holder.allow}), or another class, an alias, a getter's or a record accessor's caller, an
   * {@code AtomicReference}'s holder. The index now knows each type's changing fields and every class's writes of
   * other objects' fields, and the method its direct reads of fields of shared objects.
   */
  @ParameterizedTest
  @ValueSource(strings = {"p_alias_change", "p_atomicref", "p_enum", "p_foreign_getter", "p_getter_change",
      "p_inherited", "p_map_value", "p_method_change", "p_nested_alias", "p_record_holder", "p_shared_bean",
      "p_static_holder"})
  void aFieldOfASharedObjectThatChangesIsStateTheKeyMisses(String name) {
    MigrationPlan plan = plan(name);
    assertEquals(List.of(), plan.targets().stream().map(t -> t.method().fact().displayName()).toList(),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
    assertTrue(plan.refusals().stream().map(Refusal::reason).anyMatch(r -> r.startsWith("depends on mutable state its "
        + "key does not cover: UserDao.roles() reads") && (r.contains("(kept between calls)")
            || r.contains("which changes after construction"))),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
  }

  /**
   * The same field read through a local the body gives the shared holder ({@code Holder h = holder}, a ternary, a
   * for-each over a field's list, a pattern variable, {@code holders.get(0)}): cached by the session-15 jar, the
   * set as it was when first read answering after {@code Holder.allow}. The control: rows a query mapped into objects
   * with public fields (each row's fields set by the row mapper) read through locals, a for-each and lambdas: cached.
   */
  @ParameterizedTest
  @ValueSource(strings = {"p_local_alias", "p_local_ternary", "p_local_foreach", "p_local_pattern", "p_local_get"})
  void aLocalHoldingASharedObjectReadsItsState(String name) {
    aFieldOfASharedObjectThatChangesIsStateTheKeyMisses(name);
  }

  @Test
  void rowsAQueryMappedAndReadThroughLocalsAreNoSharedState() {
    whatACarefulEngineerWouldCacheIsCached("c_local_rows");
  }

  /**
   * Hostile review 72 (/tmp/hostile72): 21 reads cached by the session-15 jar and probed stale through the app's own
   * code (a Spring context on H2: read, UserService.rename, read again). The field's object changed by ways optkit
   * followed by name and missed (a deque's removeFirst, Collections.addAll, a getter called without a receiver, a
   * field's or a constructor's lambda run later, a subclass, an alias of the set, a method reference, a helper's
   * parameter, Properties.setProperty, an array element); a field of a project type, an enum or a type variable
   * reassigned by its own class; a nested class's private field the class around it writes; a ternary's, a switch's or
   * a pattern's holder; a record's component its own method fills. Each refused now.
   */
  @ParameterizedTest
  @ValueSource(strings = {"h72_s_enum_field_own", "h72_s_generic_box", "h72_s_array_own", "h72_s_deque_own",
      "h72_s_addall_static_own", "h72_s_own_getter_noscope", "h72_s_field_init_ref", "h72_s_ctor_lambda",
      "h72_s_sub_own_this", "h72_s_sub_typed_write", "h72_s_value_alias_write", "h72_s_enum_value_alias",
      "h72_s_addall_static_dao", "h72_s_methodref_foreign", "h72_s_helper_param_svc", "h72_s_props_set",
      "h72_s_nested_private_self", "h72_r_ternary", "h72_r_switch", "h72_r_pattern", "h72_r_record_own"})
  void mutableStateTheKeyDoesNotCoverRefusesTheRead(String name) {
    MigrationPlan plan = plan(name);
    List<String> reasons = plan.refusals().stream().map(Refusal::reason).toList();
    assertEquals(List.of(), plan.targets().stream().map(t -> t.method().fact().displayName()).toList(), reasons.toString());
    assertTrue(reasons.stream().anyMatch(r -> r.startsWith("depends on mutable state its key does not cover: ")),
        reasons.toString());
  }

  /**
   * Hostile review 74 (/tmp/hostile74), 18 Spring cases probed stale against the jar of review 72's fix: what it took
   * for unmodifiable was a view ({@code Collections.unmodifiableSet(inner)}, also inherited and read as
   * {@code super.allowed}, on an enum constant or a static nested class) or a snapshot of objects that change
   * ({@code Map.of("k", set)}, {@code ImmutableList.of(list)}, {@code Optional.of(list)}); a {@code CharSequence} or
   * {@code Object} field holding a StringBuilder; a library's or the project's class whose own methods change it (a
   * Guava Multimap, Commons' MutableInt, a HashSet subclass, an interface, a type variable bound to a collection, a
   * class whose method reads its own set); a record's component copied only under an {@code if}; a lambda made in a
   * field's initialiser or a constructor reassigning the field later. Each refused.
   */
  @ParameterizedTest
  @ValueSource(strings = {"h74_u_unmod_view", "h74_u_mapof_mutable", "h74_u_guava_immutable_of_mutable",
      "h74_u_enum_view", "h74_u_static_nested_view", "h74_u_super_view", "h74_u_charseq_builder", "h74_u_object_cast",
      "h74_u_optional_list", "h74_u_guava_multimap", "h74_u_commons_mutableint", "h74_u_generic_bound",
      "h74_u_project_hashset", "h74_u_chain_method", "h74_u_project_iface", "h74_u_record_null_default",
      "h74_u_init_lambda_reassign", "h74_u_ctor_lambda_reassign"})
  void aViewOrSnapshotTakenForUnmodifiableRefusesTheRead(String name) {
    mutableStateTheKeyDoesNotCoverRefusesTheRead(name);
  }

  /**
   * Hostile review 74's controls: an enum's List.of of Strings, an enum's String, a record of values, a final
   * Duration, and (a false refusal it found) another class's static final Map.of of Strings: cached.
   */
  @ParameterizedTest
  @ValueSource(strings = {"h74_fr_enum_listof", "h74_fr_enum_string", "h74_fr_record_values", "h74_fr_holder_final_duration",
      "h74_fr_static_mapof"})
  void valuesThatNeverChangeAreCached(String name) {
    whatACarefulEngineerWouldCacheIsCached(name);
  }

  /** Its false refusals: a final String or BigDecimal whose replace or add makes a new value never changes. */
  @ParameterizedTest
  @ValueSource(strings = {"h72_fr_string_replace", "h72_fr_bigdecimal_add"})
  void aFinalValueFieldIsNoStateWhateverItsMethodsAreNamed(String name) {
    whatACarefulEngineerWouldCacheIsCached(name);
  }

  /**
   * A field holding a set is counted as changing, whoever may change it: true of each of these, though none changes it
   * after construction (a parameter or a local named as the field, a private init() the constructor runs, a factory
   * filling its new object, a set the DAO fills while it is made). Their reasons said "Holder's own code changes it",
   * false of the first two; they say now what holds, and that optkit counts it as changing (a conservative refusal:
   * review 72 changed such sets in ten ways optkit followed by name and missed).
   */
  @ParameterizedTest
  @ValueSource(strings = {"h72_fr_param_shadow", "h72_fr_local_shadow", "h72_fr_ctor_private_init",
      "h72_fr_static_factory", "c_holder_no_seeded"})
  void aFieldHoldingAnObjectThatChangesInPlaceIsCountedAsChanging(String name) {
    MigrationPlan plan = plan(name);
    List<String> reasons = plan.refusals().stream().map(Refusal::reason).toList();
    assertEquals(List.of(), plan.targets().stream().map(t -> t.method().fact().displayName()).toList(), reasons.toString());
    assertTrue(reasons.stream().anyMatch(r -> r.contains("change in place") || r.contains("changes in place")),
        reasons.toString());
    assertTrue(reasons.stream().noneMatch(r -> r.contains("own code changes it")), reasons.toString());
  }

  /**
   * Known false refusals of that rule: a static method or a lambda writing the field of objects it is given
   * ({@code options.prefix = ...} on a parameter) is a write of that field on some object, and optkit does not
   * follow which: the read of the DAO's own private Options is refused, with that said.
   */
  @ParameterizedTest
  @ValueSource(strings = {"c_param_named_like_field", "c_lambda_param_named_like_field"})
  void aWriteThroughAParameterCountsForEveryObjectOfItsClass(String name) {
    MigrationPlan plan = plan(name);
    assertTrue(plan.refusals().stream().map(Refusal::reason).anyMatch(r -> r.contains("UserDao's code changes")),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
  }

  /** Overloads of one arity: which constructor runs is not told, and the reason says "may run", not "runs". */
  @Test
  void anOverloadedConstructorIsRefusedForWhatItMayRun() {
    List<String> reasons = plan("c_ctor_overload").refusals().stream().map(Refusal::reason).toList();
    assertTrue(reasons.stream().anyMatch(r -> r.contains("new Role(r) may run Role.Role(StringBuilder), which reads field"
        + " CUSTOM")), reasons.toString());
  }

  /**
   * Hostile review 66's X: a service reading its DAO's field directly ({@code users.holder}, and round 5's
   * {@code this.users.holder}); @Cacheable on the DAO
   * makes it a proxy whose own fields Spring never sets, and the migrated service failed with a NullPointerException.
   */
  @ParameterizedTest
  @ValueSource(strings = {"p_foreign_change", "x_this_scope"})
  void aBeanWhoseFieldAnotherClassReadsIsNotMadeAProxy(String name) {
    MigrationPlan plan = plan(name);
    assertTrue(plan.targets().stream().noneMatch(t -> t.method().fact().displayName().equals("UserDao.roles")),
        plan.targets().toString());
    // the read of holder.allowed, which the service changes, is refused first since the P group's rule (review 66)
    assertTrue(plan.refusals().stream().map(Refusal::reason).anyMatch(r -> r.equals("UserService reads its field holder"
        + " directly, which the proxy @Cacheable makes of the bean does not hold: the reader would get null")
        || r.contains("UserDao.roles() reads Holder.allowed, a field of an object it reaches through a field of its own")),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
  }

  /** The control: a DTO the read makes and fills from its rows is cached. */
  @Test
  void aFreshDtoIsCached() {
    MigrationPlan plan = plan("base_fresh");
    assertEquals(List.of("UserService.describe"), plan.targets().stream().map(t -> t.method().fact().displayName())
        .toList(), plan.refusals().stream().map(Refusal::reason).toList().toString());
  }
}
