package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Stage;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The proofs' metadata: what reports key on (ids) and what docs/rules.md's refusal table is made of. */
class ProofRegistryTest {
  /** Prefixes an id may start with: what it is about, not where in the code it is decided. */
  private static final Set<String> FAMILIES = Set.of("scope", "source", "config", "cache", "backend", "loop", "db");

  @Test
  void everyIdIsUniqueAndKebabCaseAfterItsFamily() {
    Set<String> seen = new HashSet<>();
    for (Proof proof : Proof.values()) {
      assertTrue(seen.add(proof.id()), "two proofs share " + proof.id());
      String[] parts = proof.id().split("\\.", 2);
      assertEquals(2, parts.length, proof.id());
      assertTrue(FAMILIES.contains(parts[0]), proof.id());
      assertTrue(parts[1].chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')
          && !parts[1].startsWith("-") && !parts[1].endsWith("-") && !parts[1].contains("--"), proof.id());
    }
  }

  @Test
  void anIdFindsItsProofAndNoOther() {
    for (Proof proof : Proof.values()) {
      assertEquals(Optional.of(proof), Proof.byId(proof.id()));
    }
    assertEquals(Optional.empty(), Proof.byId("cache.no-such-proof"));
  }

  @Test
  void everyProofSaysWhatItMeansAndWhatToDo() {
    for (Proof proof : Proof.values()) {
      assertFalse(proof.says().isBlank(), proof.id());
      assertFalse(proof.summary().isBlank(), proof.id());
      assertFalse(proof.remedy().isBlank(), proof.id());
    }
  }

  @Test
  void loopProofsAreTheLoopStageAndNoOther() {
    // the family names what a proof is about; loops have a stage of their own, which nothing else is in
    Arrays.stream(Proof.values()).forEach(proof -> assertEquals(proof.id().startsWith("loop."),
        proof.stage() == Stage.LOOP, proof.id()));
  }
}
