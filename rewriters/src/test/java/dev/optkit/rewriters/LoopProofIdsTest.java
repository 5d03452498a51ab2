package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import dev.optkit.analyzers.proof.Proof;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each loop refusal names the proof that did not hold, as the caching refusals do: one id per concept (where the loop
 * stands, which collection it walks, what would move). The fixture is
 * FuturesJoinedInLoopRewriteTest's prices loop, each case one edit of it; the words are that test's business.
 */
class LoopProofIdsTest {
  @TempDir Path dir;

  private static final String LOOP_HEAD = "        for (String sku : skus) {\n";

  /** Each case: the proof, and the prices loop's text replaced by another. */
  static Stream<Arguments> oneEditEach() {
    return Stream.of(
        // a labelled loop: the rewrite would have to carry the label
        Arguments.of(Proof.LOOP_SHAPE, LOOP_HEAD, "        outer:\n" + LOOP_HEAD),
        // an expression walked twice need not give the same elements
        Arguments.of(Proof.LOOP_COLLECTION, LOOP_HEAD, "        for (String sku : List.copyOf(skus)) {\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oneEditEach")
  void eachLoopRefusalNamesItsProof(Proof expected, String from, String to) {
    String source = FuturesJoinedInLoopRewriteTest.PRICES_BEFORE.replace(from, to);
    org.junit.jupiter.api.Assertions.assertNotEquals(FuturesJoinedInLoopRewriteTest.PRICES_BEFORE, source);
    MigrationPlan plan = new MigrationFixture(dir).java(source).plan();
    assertEquals(List.of(), plan.loops(), source);
    assertEquals(List.of(expected), plan.refusals().stream().filter(r -> r.finding().ruleId().equals("SequentialIoLoop"))
        .map(Refusal::proof).toList(), plan.refusals().toString());
  }

  /** A statement before the start that is no declaration would run ahead of the earlier elements' joins. */
  @Test
  void whatWouldRunAheadIsTheAheadStateProof() {
    String source = FuturesJoinedInLoopRewriteTest.PRICES_BEFORE
        .replace("    private final String baseUrl;\n",
            "    private final String baseUrl;\n    private final java.util.List<String> log = new java.util.ArrayList<>();\n")
        .replace(LOOP_HEAD, LOOP_HEAD + "            log.add(sku);\n");
    MigrationPlan plan = new MigrationFixture(dir).java(source).plan();
    assertEquals(List.of(Proof.LOOP_AHEAD_STATE), plan.refusals().stream()
        .filter(r -> r.finding().ruleId().equals("SequentialIoLoop")).map(Refusal::proof).toList(),
        plan.refusals().toString());
  }
}
