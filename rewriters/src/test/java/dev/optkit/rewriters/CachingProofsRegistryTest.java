package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Stage;
import dev.optkit.rewriters.caching.proofs.CachingProofs;
import dev.optkit.rewriters.caching.proofs.MethodProof;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The planner's proofs of a read are registered once each, each a proof of its own, and none is left out. */
class CachingProofsRegistryTest {
  /**
   * The configuration, signature and data proofs given outside the registry: by assess's CacheableReadMethodRule,
   * where the method is no cache candidate at all (it never reaches the planner), and by ClientSizedKeys, which
   * bounds the planned caches together after the chain.
   */
  private static final Set<String> GIVEN_ELSEWHERE = Set.of("cache.no-result", "cache.bean-factory",
      "cache.declared-client", "cache.one-shot-result", "cache.stateful-result", "cache.unkeyable-parameter",
      "cache.reads-cache-store", "cache.failure-answer", "cache.unknown-access", "cache.already-cached",
      "cache.client-sized-key");

  private static final Set<Stage> PER_METHOD = EnumSet.of(Stage.CONFIGURATION, Stage.SIGNATURE, Stage.DATA);

  @Test
  void everyProofClassIsRegisteredOnce() {
    List<Class<?>> registered = CachingProofs.all().stream().<Class<?>>map(Object::getClass).toList();
    assertEquals(registered.size(), Set.copyOf(registered).size(), "registered twice: " + registered);
    Set<String> implemented = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.optkit.rewriters.caching.proofs").stream()
        .filter(type -> type.isAssignableTo(MethodProof.class) && !type.isInterface())
        .map(JavaClass::getName).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(implemented, registered.stream().map(Class::getName).collect(Collectors.toCollection(TreeSet::new)));
  }

  @Test
  void everyRegisteredClassGivesAProofOfItsOwn() {
    List<Proof> proofs = CachingProofs.all().stream().map(MethodProof::proof).toList();
    assertEquals(proofs.size(), EnumSet.copyOf(proofs).size(), "two classes give one proof: " + proofs);
  }

  @Test
  void everyConfigurationSignatureAndDataProofIsRegisteredOrGivenElsewhere() {
    Set<String> registered = CachingProofs.all().stream().map(proof -> proof.proof().id())
        .collect(Collectors.toCollection(TreeSet::new));
    registered.forEach(id -> assertTrue(!GIVEN_ELSEWHERE.contains(id), id + " is registered and given elsewhere"));
    Set<String> perMethod = Arrays.stream(Proof.values()).filter(proof -> PER_METHOD.contains(proof.stage()))
        .map(Proof::id).collect(Collectors.toCollection(TreeSet::new));
    Set<String> accounted = new TreeSet<>(registered);
    accounted.addAll(GIVEN_ELSEWHERE);
    assertEquals(perMethod, accounted);
  }
}
