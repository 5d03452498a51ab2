package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile review 89's A1: a project {@code @Around} advice running {@code proceed()} on another thread makes the
 * writer it wraps write after Spring's eviction around it (stale with every earlier jar, with or without forEach). Such
 * advice refuses every writer's eviction; advice proceeding in its own body (a timing aspect) does not.
 */
class DeferringAdviceTest extends SpringProjectPlans {
  private static final String ASPECT = """
      package r;
      import org.aspectj.lang.ProceedingJoinPoint;
      import org.aspectj.lang.annotation.Around;
      import org.aspectj.lang.annotation.Aspect;
      import org.springframework.stereotype.Component;
      @Aspect
      @Component
      public class Around1 {
          @Around("execution(* r.ItemService.*(..))")
          public Object wrap(ProceedingJoinPoint call) throws Throwable {
              BODY
          }
      }
      """;

  @Test
  void adviceProceedingOnAnotherThreadRefusesTheWritersEvictions() {
    MigrationPlan plan = plan("later", """
        java.util.concurrent.CompletableFuture.runAsync(() -> {
            try { call.proceed(); } catch (Throwable e) { throw new RuntimeException(e); }
        });
        return null;""");
    String reason = plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith("getName("))
        .map(Refusal::reason).findFirst().orElseThrow(() -> new AssertionError("cached: getName"));
    assertTrue(reason.contains("the project's advice Around1.wrap() may run what it wraps after it returns"), reason);
  }

  /** Review 91's D1 and D3: the join point handed to a task besides a proceed() of its own; an advisor bean. */
  @Test
  void adviceHandingItsJoinPointOnOrAnAdvisorBeanRefuses() {
    MigrationPlan handed = fixture("handed", """
            new Thread(new Later(call)).start();
            return call.proceed();""").file("src/main/java/r/Later.java", """
            package r;
            class Later implements Runnable {
                private final org.aspectj.lang.ProceedingJoinPoint call;
                Later(org.aspectj.lang.ProceedingJoinPoint call) { this.call = call; }
                public void run() {
                    try { call.proceed(); } catch (Throwable e) { throw new IllegalStateException(e); }
                }
            }
            """).plan();
    for (MigrationPlan plan : List.of(handed,
        new MigrationFixture(dir.resolve("advisor")).resources("/trial85/r1")
            .file("src/main/java/r/ItemService.java", ForEachInPlaceTest.serviceWithItems("")
                .replace("public void renameAll(String name) { items().forEach(item -> rename(item.getId(), name)); }", ""))
            .file("src/main/java/r/Advice.java", """
                package r;
                @org.springframework.context.annotation.Configuration
                public class Advice {
                    @org.springframework.context.annotation.Bean
                    public org.springframework.aop.Advisor later() {
                        return new org.springframework.aop.support.DefaultPointcutAdvisor(
                            (org.aopalliance.intercept.MethodInterceptor) invocation -> invocation.proceed());
                    }
                }
                """).plan())) {
      String reason = plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith("getName("))
          .map(Refusal::reason).findFirst().orElseThrow(() -> new AssertionError("cached: getName"));
      assertTrue(reason.contains("may run what it wraps after it returns"), reason);
    }
  }

  @Test
  void adviceProceedingInItsOwnBodyLeavesTheCache() {
    MigrationPlan plan = plan("timing", """
        long start = System.nanoTime();
        try { return call.proceed(); } finally { System.out.println(System.nanoTime() - start); }""");
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().name().equals("getName")),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
  }

  private MigrationPlan plan(String name, String body) {
    return fixture(name, body).plan();
  }

  private MigrationFixture fixture(String name, String body) {
    // the repro's service without renameAll(), whose forEach over a query's answer any project aspect refuses
    return new MigrationFixture(dir.resolve(name)).resources("/trial85/r1")
        .file("src/main/java/r/ItemService.java", ForEachInPlaceTest.serviceWithItems("")
            .replace("public void renameAll(String name) { items().forEach(item -> rename(item.getId(), name)); }", ""))
        .file("src/main/java/r/Around1.java", ASPECT.replace("BODY", body));
  }

  /**
   * Project code that defers the write it is given: a forEach on a declared Map holding a project class that defers
   * (g1), a TransactionOperations bean that defers (g2b); the name read is refused. (From hostile review 37, cases g1,
   * g2b.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"g1", "g2b"})
  void projectCodeDeferringTheWriteRefusesTheRead(String attack) {
    MigrationPlan plan = casePlan("hostile37", attack);
    assertFalse(cached(plan, "CatService.name"), plan.targets().toString());
  }
}
