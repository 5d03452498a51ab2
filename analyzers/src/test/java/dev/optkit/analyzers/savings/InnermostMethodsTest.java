package dev.optkit.analyzers.savings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The line index answers what a pass over the class's methods answered for every line: the
 * innermost method holding it (a local or anonymous class's method inside a method), the first one
 * of those starting on the same line.
 */
class InnermostMethodsTest {
  @TempDir Path dir;

  private static final String SOURCE = """
      package shop;

      import java.util.function.Supplier;

      public class Outer {
          int one() { return 1; } int two() { return 2; }

          Supplier<String> nested(String name) {
              class Local {
                  String get() {
                      return name;
                  }
              }
              Supplier<String> anonymous = new Supplier<>() {
                  @Override
                  public String get() {
                      return new Local().get();
                  }
              };
              return anonymous;
          }

          static class Inner {
              void inner() {
              }
          }

          private final int field = 3;

          void last() {
          }
      }
      """;

  @Test
  void sameMethodForEveryLineAsAPassOverTheClass() {
    ProjectIndex index = new ProjectFixture(dir).java(SOURCE).assess().index();
    int checked = 0;
    for (IndexedMethod any : index.methods()) {
      String type = any.fact().ownerType();
      List<IndexedMethod> methods = index.methodsOfType(type);
      InnermostMethods lines = InnermostMethods.of(methods, any.path());
      for (int line = 0; line <= SOURCE.lines().count() + 2; line++) {
        assertEquals(passOverTheClass(methods, any.path(), line), lines.at(line), type + " line " + line);
        checked++;
      }
    }
    assertTrue(checked > 0);
    assertEquals(Optional.empty(), InnermostMethods.of(List.of(), "shop/Outer.java").at(1));
  }

  /** What PricingExemptions did before the index: the method starting last among those holding the line. */
  private static Optional<IndexedMethod> passOverTheClass(List<IndexedMethod> methods, String path, int line) {
    IndexedMethod best = null;
    for (IndexedMethod method : methods) {
      var range = method.fact().range();
      if (method.path().equals(path) && range.line() <= line && line <= range.endLine()
          && (best == null || range.line() > best.fact().range().line())) {
        best = method;
      }
    }
    return Optional.ofNullable(best);
  }
}
