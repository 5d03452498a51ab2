package dev.optkit.analyzers.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.ProjectFixture;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A method that can never run: private, unannotated, called by nothing and named by no call or method reference of
 * its file, and no hook the JVM runs by name. Each near miss runs: a reference names it, a nested class calls it, an
 * annotation lets a framework run it, serialization calls it by name, or it is not private.
 */
class NeverRunningMethodsTest {
  @TempDir Path dir;

  @Test
  void onlyAPrivateMethodNothingNamesNeverRuns() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop;
        import java.util.function.Consumer;
        class Store implements java.io.Serializable {
          private void dead(String s) { System.out.println(s); }
          private void referenced(String s) { System.out.println(s); }
          private void fromNested(String s) { System.out.println(s); }
          private void called(String s) { System.out.println(s); }
          @jakarta.annotation.PostConstruct private void annotated() { }
          private void writeObject(java.io.ObjectOutputStream out) { }
          void packagePrivate() { }
          void run() {
            called("x");
            Consumer<String> later = this::referenced;
          }
          class Nested {
            void go() { fromNested("y"); }
          }
        }
        """).assess().index();
    Map<String, Boolean> neverRuns = new TreeMap<>();
    index.methods().stream().filter(m -> m.fact().ownerType().equals("shop.Store"))
        .forEach(m -> neverRuns.put(m.fact().name(), index.neverRuns(m)));
    assertEquals(Map.of("dead", true, "referenced", false, "fromNested", false, "called", false, "annotated", false,
        "writeObject", false, "packagePrivate", false, "run", false), neverRuns);
  }

  /**
   * Code that finds a method by its name (Spring's ReflectionUtils.findMethod here; a test's
   * ReflectionTestUtils.invokeMethod alike, where migrate reads the tests) makes every private method live.
   */
  @Test
  void noPrivateMethodNeverRunsWhereCodeLooksMethodsUpByReflection() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop;
        class Store {
          private void dead(String s) { System.out.println(s); }
        }
        """).java("""
        package shop;
        class Poke {
          Object find() {
            return org.springframework.util.ReflectionUtils.findMethod(Store.class, "dead", String.class);
          }
        }
        """).assess().index();
    assertEquals(java.util.List.of(false), index.methods().stream().filter(m -> m.fact().name().equals("dead"))
        .map(index::neverRuns).toList());
  }
}
