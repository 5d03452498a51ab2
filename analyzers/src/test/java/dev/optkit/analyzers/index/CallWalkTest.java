package dev.optkit.analyzers.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.ProjectFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one breadth-first walk over the project's call graph, up the callers or down the calls. */
class CallWalkTest {
  @TempDir Path dir;
  private ProjectIndex index;

  /** a() -> b() -> c() -> a() is a cycle; b() -> d() -> e() leaves it. */
  @BeforeEach
  void project() {
    ProjectFixture fixture = new ProjectFixture(dir);
    fixture.java("""
        package shop;
        public class Chain {
          public void a() { b(); }
          public void b() { c(); d(); }
          public void c() { a(); }
          public void d() { e(); }
          public void e() { }
        }
        """);
    index = fixture.assess().index();
  }

  private IndexedMethod method(String name) {
    return index.methods("shop.Chain", name).get(0);
  }

  private static List<String> names(java.util.stream.Stream<CallWalk.Step> steps) {
    return steps.map(step -> step.method().fact().name() + "@" + step.depth()).toList();
  }

  @Test
  void callersClosureMeetsEachCallerOnceAtItsSmallestDepth() {
    assertEquals(List.of("d@1", "b@2", "a@3", "c@4"), names(CallWalk.callers(index).reachedFrom(method("e"))));
  }

  @Test
  void calleesClosureComesBackToTheStartOnlyThroughTheCycle() {
    CallWalk down = CallWalk.over(index, CallWalk.Edges.CALL_TARGETS);
    // the start is met again where the cycle leads back to it, and only then
    assertEquals(List.of("b@1", "c@2", "d@2", "a@3", "e@3"), names(down.reachedFrom(method("a"))));
    assertEquals(List.of("e@1"), names(down.reachedFrom(method("d")))); // no cycle: d() itself is not met
    // from(): the start first, at depth 0, and never again
    assertEquals(List.of("a@0", "b@1", "c@2", "d@2", "e@3"), names(down.from(method("a"))));
    assertEquals(Set.of("b", "c", "d", "a", "e"),
        down.reachedSet(method("a")).stream().map(m -> m.fact().name()).collect(Collectors.toSet()));
  }

  @Test
  void eachMethodNamesTheMethodThatFirstReachedIt() {
    List<CallWalk.Step> steps = CallWalk.over(index, CallWalk.Edges.CALLEES).from(method("a")).toList();
    assertEquals(method("b"), steps.get(2).from()); // c(), reached from b()
    assertEquals(method("c"), steps.get(2).method());
    assertEquals(null, steps.get(0).from());
  }

  @Test
  void aMethodNotFollowedIsNeverMetAndOneStoppedAtIsMetButNotWalkedThrough() {
    CallWalk down = CallWalk.over(index, CallWalk.Edges.CALL_TARGETS);
    assertEquals(List.of("a@0", "b@1", "c@2"),
        names(down.follow(m -> !m.fact().name().equals("d")).from(method("a"))));
    assertEquals(List.of("a@0", "b@1"), names(down.stopAt(m -> m.fact().name().equals("b")).from(method("a"))));
  }

  @Test
  void limitsOnDepthAndOnMethodsMet() {
    CallWalk down = CallWalk.over(index, CallWalk.Edges.CALL_TARGETS);
    assertEquals(List.of("a@0", "b@1"), names(down.maxDepth(1).from(method("a"))));
    assertEquals(List.of("a@0", "b@1", "c@2"), names(down.maxMethods(3).from(method("a"))));
    // reachedFrom: the start is walked from but not counted
    assertEquals(List.of("b@1", "c@2", "d@2"), names(down.maxMethods(3).reachedFrom(method("a"))));
    assertEquals(List.of("d@1", "b@2"), names(CallWalk.callers(index).maxDepth(2).reachedFrom(method("e"))));
  }
}
