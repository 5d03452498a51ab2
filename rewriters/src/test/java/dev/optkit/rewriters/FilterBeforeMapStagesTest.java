package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream's filter() stages before its map(), read as the loop's condition: only where they take the element as it
 * is and name only java.util's methods.
 *
 * <p>Hostile review 58 of the filter() read before a stream's map(): each pipeline below was rewritten and answered
 * otherwise than the original (run side by side against a loopback server, /tmp/hostile58); each is refused now,
 * with the reason that holds.
 */
class FilterBeforeMapStagesTest {
  @TempDir Path dir;

  private String reason(String name, String method) {
    MigrationPlan plan = new MigrationFixture(dir.resolve(name)).java(StreamPipelineLoopsTest.withMethod(method)
        .replace("import java.util.List;\n", "import java.util.List;\nimport java.util.Objects;\n"))
        .config(WiderLoopShapesTest.loopsOnly()).plan();
    assertEquals(List.of(), plan.loops(), name);
    return plan.refusals().stream().filter(r -> r.finding().ruleId().equals("SequentialIoLoop")).map(Refusal::reason)
        .findFirst().orElseThrow(() -> new AssertionError("no loop refusal: " + plan.refusals()));
  }

  /** H58-1: Objects named a parameter, whose nonNull the loop wrote as "!= null". */
  @Test
  void aVariableNamedObjectsIsNoJavaUtilObjects() {
    String shadowed = reason("objects", """
            public List<String> quoteAll(List<String> skus, java.util.function.Predicate<String> Objects) {
                return skus.stream().filter(Objects::nonNull).map(sku -> fetch(sku)).collect(Collectors.toList());
            }
        """);
    assertTrue(shadowed.contains("its method reference Objects::nonNull is not on this or a final field"), shadowed);
  }

  /** H58-2 and H58-3: a stage taking the element as another type, or naming the other's element. */
  @Test
  void stagesTakingTheElementOtherwiseOrNamingItAreRefused() {
    String typed = reason("typed", """
            public List<String> quoteAll(List<String> skus) {
                return skus.stream().filter((CharSequence sku) -> valid(sku)).map(sku -> fetch(sku))
                        .collect(Collectors.toList());
            }

            private boolean valid(CharSequence sku) {
                return sku.length() > 0;
            }
        """);
    assertTrue(typed.contains("its filter() and map() take the element as different types (CharSequence, String)"),
        typed);
    String captured = reason("captured", """
            private final java.util.Set<String> listed = java.util.Set.of("a");

            public List<String> quoteAll(List<String> skus) {
                return skus.stream().filter(listed::contains).map(listed -> fetch(listed)).collect(Collectors.toList());
            }
        """);
    assertTrue(captured.contains("its filter()'s reference listed::contains names listed"), captured);
    String typeReference = reason("static", """
            public List<String> quoteAll(List<String> skus) {
                return skus.stream().filter(String::isBlank).map(sku -> fetch(sku)).collect(Collectors.toList());
            }
        """);
    assertTrue(typeReference.contains("names a type, and optkit does not tell a static method"), typeReference);
  }

  /** H58-4 to H58-6: the test runs ahead of the earlier elements' turns, which change what it reads or see it act. */
  @Test
  void aTestReadingWhatTheTurnsChangeOrActingIsRefused() {
    String done = reason("done", """
            public List<String> quoteAll(List<String> skus) {
                java.util.Set<String> done = new java.util.HashSet<>();
                return skus.stream().filter(sku -> !done.contains(sku)).map(sku -> remember(done, sku))
                        .collect(Collectors.toList());
            }

            private String remember(java.util.Set<String> done, String sku) {
                done.add(sku);
                return fetch(sku);
            }
        """);
    assertTrue(done.contains("reads done (java.util.Set<String>), whose objects quoteAll() also uses"), done);
    String self = reason("this", """
            private int budget = 2;

            public List<String> quoteAll(List<String> skus) {
                return skus.stream().filter(sku -> open(this)).map(sku -> fetch(sku)).collect(Collectors.toList());
            }

            private static boolean open(Quotes quotes) {
                return quotes.budget > 0;
            }
        """);
    assertTrue(self.contains("hands this to open()"), self);
    String printed = reason("printed", """
            public List<String> quoteAll(List<String> skus) {
                return skus.stream().filter(sku -> eligible(sku)).map(sku -> fetch(sku)).collect(Collectors.toList());
            }

            private static boolean eligible(String sku) {
                System.out.println("checking " + sku);
                return !sku.startsWith("retired");
            }
        """);
    assertTrue(printed.contains("calls Quotes.eligible(), which writes to the console or a log"), printed);
    String permits = reason("permits", """
            public List<String> quoteAll(List<String> skus, java.util.concurrent.Semaphore permits) {
                return skus.stream().filter(sku -> permits.tryAcquire()).map(sku -> fetch(sku))
                        .collect(Collectors.toList());
            }
        """);
    assertTrue(permits.contains("uses permits (Semaphore), a synchronizer"), permits);
  }
}
