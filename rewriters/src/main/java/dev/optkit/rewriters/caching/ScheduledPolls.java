package dev.optkit.rewriters.caching;

import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.source.SourceSet;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A remote read a scheduled job runs: a job that runs again and again calls the other system to see what is new
 * there (trial 48: a bank's transactions fetched every few seconds by a {@code @Scheduled} job), which no write of the
 * project evicts; a cache would answer later runs with what an earlier one saw, for its whole time to live. Scheduled
 * means {@code @Scheduled}/{@code @Schedules} on a method, a Quartz job's {@code execute} (or {@code executeInternal}),
 * or a method registering a task in code, reached through the read's callers.
 */
final class ScheduledPolls {
  private static final int LIMIT = 2000;
  private static final Set<String> SCHEDULING = Set.of("Scheduled", "Schedules", "SchedulerLock");

  private ScheduledPolls() {}

  static Optional<String> whyNot(WholeProject whole, IndexedMethod read) {
    ProjectIndex index = whole.index();
    if (index.reachedIo(read).stream().noneMatch(reached -> reached.site().kind() == ClientKind.API)) {
      return Optional.empty();
    }
    Set<IndexedMethod> seen = new HashSet<>();
    Deque<IndexedMethod> pending = new ArrayDeque<>(index.callersOf(read));
    java.util.List<IndexedMethod> scheduled = new java.util.ArrayList<>();
    while (!pending.isEmpty() && seen.size() < LIMIT) {
      IndexedMethod caller = pending.poll();
      if (!seen.add(caller) || SourceSet.isTestPath(caller.path())) {
        continue;
      }
      if (scheduled(whole, caller)) {
        scheduled.add(caller);
      }
      pending.addAll(index.callersOf(caller));
    }
    return scheduled.stream().min(Comparator.comparing(IndexedMethod::path)
            .thenComparingInt(m -> m.fact().range().line()))
        .map(job -> "called by " + job.fact().displayName() + "(), which runs on a schedule: a job that runs again "
            + "and again calls the other system to see what is new there, which no write of the project evicts, and "
            + "a cache would answer later runs with what an earlier one saw, for its whole time to live");
  }

  /**
   * Calls registering a task in code ({@code registrar.addFixedDelayTask(this::poll, ..)}, {@code
   * executor.scheduleWithFixedDelay(() -> check(), ..)}, a {@code TaskScheduler}'s or a {@code Timer}'s): the method
   * making one runs what it hands over on a schedule (hostile review 50's P1, P2).
   */
  private static final Set<String> SCHEDULING_CALLS = Set.of("addFixedDelayTask", "addFixedRateTask", "addCronTask",
      "addTriggerTask", "scheduleAtFixedRate", "scheduleWithFixedDelay", "schedule");

  private static boolean scheduled(WholeProject whole, IndexedMethod method) {
    ProjectIndex index = whole.index();
    // the facts drop calls on the JDK's types (a ScheduledExecutorService's): the method's own text tells
    return method.fact().annotations().stream().map(ProjectTraits::simpleName).anyMatch(SCHEDULING::contains)
        || whole.declaration(method).map(declared -> declared.findAll(
            com.github.javaparser.ast.expr.MethodCallExpr.class).stream()
            .anyMatch(call -> SCHEDULING_CALLS.contains(call.getNameAsString()))).orElse(false)
        || (method.fact().name().equals("execute") || method.fact().name().equals("executeInternal"))
            && index.supertypesOf(method.fact().ownerType()).stream().anyMatch(type -> type.equals("org.quartz.Job")
                || type.equals("org.springframework.scheduling.quartz.QuartzJobBean"));
  }
}
