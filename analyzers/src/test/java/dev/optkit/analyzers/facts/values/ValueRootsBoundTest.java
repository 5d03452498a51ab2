package dev.optkit.analyzers.facts.values;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.Assessment;
import dev.optkit.analyzers.ProjectFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local reassigned from a call on itself in many branches ({@code state = next(state)}, as in
 * docker-java's GoLangFileMatch): each call's roots followed every assignment of the local again,
 * eight levels deep, and one 276-line file filled a 1.2 GB heap. The roots of a question are now
 * bounded; past the bound they are unknown ("?"), which the planner reads as shared.
 */
class ValueRootsBoundTest {
  @TempDir Path dir;

  @Test
  void aLocalReassignedFromItselfInManyBranchesHasBoundedRoots() {
    StringBuilder cases = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      cases.append("""
                      case %d:
                          if (esc) {
                              state = next(state);
                          } else {
                              out.append(quote(c)).append(state);
                          }
                          break;
          """.formatted(i));
    }
    String source = """
        package shop;

        public class Matcher {
            enum State { A, B }

            private static State next(State current) {
                return current == State.A ? State.B : State.A;
            }

            private static String quote(char c) {
                return String.valueOf(c);
            }

            static String chunk(StringBuilder out, String pattern, boolean esc) {
                State state = State.A;
                for (int i = 0; i < pattern.length(); i++) {
                    char c = pattern.charAt(i);
                    switch (i % 12) {
        CASES
                    }
                }
                return out.toString() + next(state);
            }
        }
        """.replace("CASES", cases);
    // the work is counted, not timed (issue 67): the roots' length below is what took minutes before the bound
    Assessment assessment = new ProjectFixture(dir).java(source).assess();
    int longest = assessment.index().methods().stream().flatMap(m -> m.fact().calls().stream())
        .flatMap(c -> c.roots().stream()).mapToInt(roots -> roots.toString().length()).max().orElse(0);
    assertTrue(longest < 200_000, "longest roots: " + longest + " characters");
  }
}
