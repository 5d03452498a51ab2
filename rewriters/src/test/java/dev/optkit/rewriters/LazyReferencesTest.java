package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import dev.optkit.analyzers.proof.Proof;
import org.junit.jupiter.api.Test;

/**
 * A read answering a lazy reference (a Spring Data {@code getById} or {@code getReferenceById}, a Session's {@code
 * byId(..).getReference}, {@code bySimpleNaturalId}, {@code load}, the getter of a lazy to-one) returns a proxy whose
 * state loads through the persistence context that made it: cached, a later request's first use of it throws. Such
 * reads are refused wherever the proxy comes from; a repository's own derived query named {@code getById} loads the
 * row, and is cached.
 */
class LazyReferencesTest extends SpringProjectPlans {

  /**
   * Hostile review 49's L1, L2: a Session's {@code byId(Day.class).getReference(id)} and {@code bySimpleNaturalId}
   * answer proxies, as does the getter of a lazy to-one ({@code findById(id).map(Day::getPrevious)}); cached, a later
   * request's first read of one throws LazyInitializationException. And its false reason: a repository's own
   * derived query named {@code getById} on a CrudRepository loads the row, and is cached.
   * (From hostile review 49's L1 and L2.)
   */
  @Test
  void proxiesAreRefusedWhereverTheyComeFromAndADerivedGetByIdLoads() {
    MigrationPlan plan = caseProject("reasons47", "lazyrefs", "lazy").plan();
    java.util.Map<String, String> refused = java.util.Map.of("byIdReference", "reads it by byId()",
        "byLabelReference", "reads it by bySimpleNaturalId()", "previousOf",
        "may answer it through getPrevious(), the getter of a lazy association", "referenceById",
        "reads it by getReferenceById()");
    for (var expected : refused.entrySet()) {
      // ENTITY_RESULT is any entity handed out; that it is a lazy reference, and read how, only the words say
      assertTrue(plan.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith(expected.getKey() + "(")
          && r.proof() == Proof.ENTITY_RESULT
          && r.reason().contains(expected.getValue() + ", which answers a lazy reference")),
          expected.getKey() + ": " + plan.refusals());
    }
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("DayLookup.derived")),
        plan.targets() + " " + plan.refusals());
  }

  /**
   * The course read by {@code getById}, a lazy reference, is refused for that (trial 46: "a real blocker may exist,
   * but optkit does not name it"). ENTITY_RESULT is any entity handed out; that it is a lazy reference only the words
   * say. (From trial 46's planning-api; its query builder is in ReadTablesTest.)
   */
  @Test
  void aGetByIdReadIsALazyReference() {
    MigrationPlan plan = caseProject("reasons47", "querybuilder", "builder").plan();
    assertTrue(plan.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("getCourse(")
        && r.proof() == Proof.ENTITY_RESULT
        && r.reason().contains("returns the persistent entity Course, and reads it by getById(), which answers a lazy "
            + "reference")), plan.refusals().toString());
  }
}
