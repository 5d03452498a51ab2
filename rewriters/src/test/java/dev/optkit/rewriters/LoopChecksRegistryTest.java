package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Stage;
import dev.optkit.analyzers.rules.LoopClassification;
import dev.optkit.rewriters.loops.LoopCheck;
import dev.optkit.rewriters.loops.LoopChecks;
import dev.optkit.rewriters.loops.RewriteCheck;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The loop proofs' registry holds every check class once, each giving a proof of its own, and every loop proof is
 * accounted for: registered, given by the rewrite of a loop's shape, or never rewritten for a class of loop.
 */
class LoopChecksRegistryTest {
  private static final String LOOPS = "dev.optkit.rewriters.loops";

  /**
   * The proofs the rewrites of the loops' shapes give (where the call stands, which collection is walked, what would
   * move, what a batch needs), and the ones of finding the loop again in its file.
   */
  private static final Set<Proof> GIVEN_BY_SHAPES = EnumSet.of(Proof.LOOP_KIND, Proof.NOT_FOR_EACH, Proof.LOOP_SHAPE,
      Proof.LOOP_EXCEPTIONS, Proof.LOOP_COLLECTION, Proof.LOOP_OTHER_IO, Proof.LOOP_EARLY_EXIT, Proof.LOOP_AHEAD_STATE,
      Proof.LOOP_BATCH_FORM, Proof.LOOP_BATCH_ENTITY, Proof.LOOP_BATCH_TRANSACTION);

  /** Given by assess's OrmNPlusOneRule, whose findings are never loops migrate rewrites. */
  private static final Set<Proof> GIVEN_BY_ASSESS = EnumSet.of(Proof.ORM_FETCH_PLAN);

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(LOOPS);

  @Test
  void everyCheckClassIsRegisteredOnce() {
    List<Class<?>> registered = Stream.concat(LoopChecks.BEFORE_REWRITE.stream(), LoopChecks.ONCE_REWRITTEN.stream())
        .<Class<?>>map(Object::getClass).toList();
    assertEquals(registered.size(), Set.copyOf(registered).size(), "registered twice: " + registered);
    Set<String> implemented = MAIN.stream()
        .filter(type -> (type.isAssignableTo(LoopCheck.class) || type.isAssignableTo(RewriteCheck.class))
            && !type.isInterface())
        .map(JavaClass::getName).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(implemented, registered.stream().map(Class::getName).collect(Collectors.toCollection(TreeSet::new)));
  }

  @Test
  void everyRegisteredCheckGivesAProofOfItsOwn() {
    List<Proof> proofs = LoopChecks.proofs();
    assertEquals(proofs.size(), EnumSet.copyOf(proofs).size(), "two checks give one proof: " + proofs);
  }

  @Test
  void everyLoopProofIsRegisteredGivenByAShapeOrNeverRewritten() {
    Set<Proof> accounted = EnumSet.noneOf(Proof.class);
    accounted.addAll(LoopChecks.proofs());
    for (Proof proof : GIVEN_BY_SHAPES) {
      assertTrue(!LoopChecks.proofs().contains(proof), proof + " is registered and said to be given by a shape");
    }
    accounted.addAll(GIVEN_BY_SHAPES);
    accounted.addAll(GIVEN_BY_ASSESS);
    Arrays.stream(LoopClassification.values()).forEach(c -> c.neverRewritten().ifPresent(accounted::add));
    Set<Proof> loopProofs = EnumSet.copyOf(Arrays.stream(Proof.values()).filter(p -> p.stage() == Stage.LOOP).toList());
    assertEquals(loopProofs, accounted);
  }

  /** A proof said to be given by a shape's rewrite is named by code of the loops' package outside the registry. */
  @Test
  void everyProofGivenByAShapeIsNamedByTheRewrites() {
    Set<String> named = new TreeSet<>();
    MAIN.stream()
        .filter(type -> !type.isAssignableTo(LoopCheck.class) && !type.isAssignableTo(RewriteCheck.class))
        .flatMap(type -> type.getFieldAccessesFromSelf().stream())
        .filter(access -> access.getTargetOwner().isEquivalentTo(Proof.class))
        .forEach(access -> named.add(access.getName()));
    List<String> missing = new ArrayList<>();
    GIVEN_BY_SHAPES.stream().map(Proof::name).filter(name -> !named.contains(name)).forEach(missing::add);
    assertEquals(List.of(), missing);
    // and no registered proof is given outside its check
    List<String> besideTheirCheck = LoopChecks.proofs().stream().map(Proof::name).filter(named::contains).toList();
    assertEquals(List.of(), besideTheirCheck);
  }
}
