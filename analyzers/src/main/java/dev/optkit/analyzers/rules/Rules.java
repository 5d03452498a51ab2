package dev.optkit.analyzers.rules;

import java.util.List;

/** The one place rules are registered. */
public final class Rules {
  private Rules() {}

  public static List<Rule> all() {
    return List.of(
        new RemoteApiCallRule(),
        new DatabaseQueryRule(),
        new SequentialIoLoopRule(),
        new OrmNPlusOneRule(),
        new CacheableReadMethodRule(),
        new ExistingCacheRule(),
        new MissingIndexRule(),
        new UnindexedForeignKeyRule(),
        new UnboundedReadRule(),
        new NonSargableFilterRule(),
        new DeepOffsetPagingRule(),
        new ConnectionPoolSizeRule());
  }
}
