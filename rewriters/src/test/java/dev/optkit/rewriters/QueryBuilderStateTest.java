package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile review 79 (of trial 77's fresh query builders, super calls and enum constants) proved each of these reads
 * stale once cached, by a test writing through the application's own code: a builder reading the DAO's upper-case
 * field or map (c01, c01b), an enum constant holding a changeable object (c02, c03), a builder's constructor reading a
 * system property or the clock (c04, c05), and, cached by every earlier jar too, a builder copying a field the DAO
 * inherits or initialises from (p03, p06), binding the clock in an inner builder (p04), or keyed by an enum constant
 * holding a changeable object (p02), or reading another class's {@code public static String TABLE} that class
 * reassigns (p01: a capitals name taken for a constant), or handing a builder's constructor an enum constant whose
 * class body changes its own field (p05: the constructor's arguments were all taken for fresh). Each is refused now.
 */
class QueryBuilderStateTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
      "c01, titlesWhere, UpperFieldDao",
      "c01b, titlesWhere, UpperMapDao",
      "c02, titlesOfKind, HolderE4Dao",
      "c03, titlesOfKind, OpNestedDao",
      "c04, activeTitles, PropertyDao",
      "c05, activeTitles, StaticClockDao",
      "p03, titlesWhere, InheritedLowerDao",
      "p04, activeTitles, OfferDao",
      "p06, titlesWhere, LowerInitFieldDao",
      "p02, titlesOfKind, OpHolderDirectDao",
      "p02, find, OpHolderDirectDao",
      "p01, titlesWhere, QualifiedStaticDao",
      "p05, titlesOfKind, OpBodyDao"})
  void theStaleReadIsRefused(String id, String method, String owner) {
    MigrationPlan plan = new MigrationFixture(dir.resolve(id)).resources("/hostile79/" + id)
        .file("pom.xml", MigrationSafetyTest.SPRING_POM).plan();
    assertTrue(plan.targets().stream().noneMatch(t -> t.method().fact().name().equals(method)
        && t.method().fact().ownerType().endsWith(owner)), id + " cached " + owner + "." + method);
    assertTrue(plan.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith(method + "(")
        && r.finding().enclosingClass().endsWith(owner)), id + ": no refusal of " + method + " in "
        + plan.refusals().stream().map(Refusal::reason).toList());
  }

  /** Beside p01: the same builder reading a {@code static final} text is a constant, and the read is cached. */
  @org.junit.jupiter.api.Test
  void aStaticFinalTextOfAnotherClassIsAConstant() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("p01final")).resources("/hostile79/p01")
        .file("pom.xml", MigrationSafetyTest.SPRING_POM).file("src/main/java/demo/Naming.java", """
            package demo;

            public final class Naming {
                public static final String TABLE = "films";

                private Naming() {}
            }
            """).plan();
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().name().equals("titlesWhere")),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
  }
}
