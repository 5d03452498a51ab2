package dev.optkit.rewriters.caching.keys;

import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.index.CallWalk;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.source.SourceSet;
import dev.optkit.rewriters.caching.ProjectTraits;
import dev.optkit.rewriters.caching.WholeProject;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/**
 * A remote read a scheduled job runs: a job that runs again and again calls the other system to see what changed
 * there since its last run (trial 48: a bank's transactions fetched every few seconds by a {@code @Scheduled} job);
 * a cache would answer later runs with what an earlier one saw, for up to its time to live. Scheduled
 * means {@code @Scheduled}/{@code @Schedules} on a method, a Quartz job's {@code execute} (or {@code executeInternal}),
 * or a method registering a task in code, reached through the read's callers.
 */
public final class ScheduledPolls {
  private static final int LIMIT = 2000;
  private static final Set<String> SCHEDULING = Set.of("Scheduled", "Schedules", "SchedulerLock");

  private ScheduledPolls() {}

  /** @param ttlSeconds the cache's time to live: a job running less often than that never meets its own entry */
  public static Optional<String> whyNot(WholeProject whole, IndexedMethod read, long ttlSeconds) {
    ProjectIndex index = whole.index();
    if (index.reachedIo(read).stream().noneMatch(reached -> reached.site().kind() == ClientKind.API)) {
      return Optional.empty();
    }
    // a test's caller is counted against the limit, but not walked through
    java.util.List<IndexedMethod> scheduled = CallWalk.callers(index).stopAt(caller -> SourceSet.isTestPath(caller.path()))
        .maxMethods(LIMIT).reachedFrom(read).map(CallWalk.Step::method)
        .filter(caller -> !SourceSet.isTestPath(caller.path()) && scheduled(whole, caller)
            && periodSeconds(whole, caller) <= ttlSeconds)
        .toList();
    return scheduled.stream().min(Comparator.comparing(IndexedMethod::path)
            .thenComparingInt(m -> m.fact().range().line()))
        .map(job -> "called by " + job.fact().displayName() + "(), which runs on a schedule: a job that runs again "
            + "and again calls the other system to see what changed there since its last run, and a cache would "
            + "answer later runs with what an earlier one saw, for up to its time to live");
  }

  /**
   * Calls registering a task in code ({@code registrar.addFixedDelayTask(this::poll, ..)}, {@code
   * executor.scheduleWithFixedDelay(() -> check(), ..)}, a {@code TaskScheduler}'s or a {@code Timer}'s): the method
   * making one runs what it hands over on a schedule (hostile review 50's P1, P2).
   */
  private static final Set<String> SCHEDULING_CALLS = Set.of("addFixedDelayTask", "addFixedRateTask", "addCronTask",
      "addTriggerTask", "scheduleAtFixedRate", "scheduleWithFixedDelay", "schedule");

  /**
   * The shortest time between two runs of a {@code @Scheduled} method, in seconds, read from a literal {@code cron},
   * {@code fixedDelay} or {@code fixedRate}; 0 (as often as anything) when optkit cannot tell: a placeholder, a time
   * unit, a task registered in code, a Quartz job (hostile review 50's R1: a nightly job and a 300 s TTL never meet).
   */
  static long periodSeconds(WholeProject whole, IndexedMethod method) {
    var declared = whole.declaration(method).orElse(null);
    if (declared == null) {
      return 0;
    }
    long shortest = Long.MAX_VALUE;
    boolean any = false;
    for (var annotation : declared.getAnnotations()) {
      if (!annotation.getNameAsString().endsWith("Scheduled")) {
        continue;
      }
      any = true;
      if (!(annotation instanceof com.github.javaparser.ast.expr.NormalAnnotationExpr values)) {
        return 0;
      }
      long period = 0;
      for (var pair : values.getPairs()) {
        String name = pair.getNameAsString();
        String literal = pair.getValue().isStringLiteralExpr() ? pair.getValue().asStringLiteralExpr().asString()
            : pair.getValue().isLiteralExpr() ? pair.getValue().toString().replace("_", "").replaceAll("[lL]$", "") : null;
        if (literal == null || name.equals("timeUnit") || name.endsWith("String") && !name.equals("cron")) {
          return 0;
        }
        if ((name.equals("fixedDelay") || name.equals("fixedRate")) && literal.matches("\\d{1,15}")) {
          period = Long.parseLong(literal) / 1000;
        } else if (name.equals("cron")) {
          period = cronPeriod(literal);
        }
      }
      shortest = Math.min(shortest, period);
    }
    return any ? shortest : 0;
  }

  /** A lower bound of the time between two runs of a six-field cron, in seconds. */
  private static long cronPeriod(String cron) {
    String[] fields = cron.trim().split("\\s+");
    if (fields.length == 1) {
      return switch (fields[0]) {
        case "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight" -> 86_400;
        case "@hourly" -> 3_600;
        default -> 0;
      };
    }
    if (fields.length != 6) {
      return 0;
    }
    return !fields[0].matches("\\d+") ? 1 : !fields[1].matches("\\d+") ? 60 : !fields[2].matches("\\d+") ? 3_600 : 86_400;
  }

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
