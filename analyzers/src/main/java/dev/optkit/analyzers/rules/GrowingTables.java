package dev.optkit.analyzers.rules;

import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.facts.sites.ResultBounds;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.schema.TableNames;
import dev.optkit.analyzers.settings.SwitchedOffBeans;
import dev.optkit.analyzers.source.SourceSet;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the rules about reads that grow ask of the project: which tables its production code keeps adding rows to, and
 * which request handler reaches a method ({@link UnboundedReadRule}, {@link DeepOffsetPagingRule}).
 */
final class GrowingTables {
  private GrowingTables() {}

  /** Saves and persists, which add the entity's row when it is new. */
  private static final Set<String> SAVES = Set.of("save", "saveAll", "saveAndFlush", "saveAllAndFlush", "persist",
      "merge", "saveOrUpdate", "insert");

  /**
   * The tables the production code adds rows to, {@link TableNames#normalise normalised} as data footprints name them,
   * each with the first place that does ({@code path:line}).
   */
  static Map<String, String> inserted(ProjectIndex index) {
    Map<String, String> inserted = new TreeMap<>();
    SwitchedOffBeans switchedOff = index.switchedOffBeans();
    for (IndexedMethod method : index.methods()) {
      if (SourceSet.isTestPath(method.path()) || off(index, switchedOff, method)) {
        continue;
      }
      for (IoSite site : index.sitesOf(method)) {
        if (site.kind() != ClientKind.DB) {
          continue;
        }
        String where = method.path() + ":" + site.range().line();
        for (String table : ResultBounds.insertedTables(index.sqlAsRun().of(site).orElse(null))) {
          inserted.putIfAbsent(TableNames.normalise(dev.optkit.analyzers.schema.SchemaViews.bare(table)), where);
        }
        if (site.access() == Access.WRITE && SAVES.contains(site.method()) && site.sql() == null) {
          index.footprints().of(site).names().stream().filter(n -> n.startsWith("table:"))
              .forEach(n -> inserted.putIfAbsent(n.substring("table:".length()), where));
        }
      }
    }
    return inserted;
  }

  /** The first request handler, breadth first, whose calls reach the method through the project's methods. */
  static Optional<IndexedMethod> handlerReaching(ProjectIndex index, IndexedMethod method) {
    SwitchedOffBeans switchedOff = index.switchedOffBeans();
    return entryReaching(index, method, next -> index.webEntryPoints().servesRequests(next)
        && !off(index, switchedOff, next), next -> false);
  }

  /**
   * Whether the method is an instance method of a class that is no bean with the configuration its module ships: a
   * testing-support controller a property turns on serves no request, and adds no row, where it is left off. A static
   * method runs without the bean, and a nested class is a bean of its own (its outer class's condition is not its).
   */
  private static boolean off(ProjectIndex index, SwitchedOffBeans switchedOff, IndexedMethod method) {
    if (method.fact().isStatic()) {
      return false;
    }
    Optional<dev.optkit.analyzers.facts.TypeFact> type = index.type(method.fact().ownerType());
    return type.isPresent() && switchedOff.off(type.get().propertySwitches(), method.path());
  }

  /**
   * The first production method of the method's callers, itself included, that is an entry as the predicate says; the
   * callers of a method {@code stop} names are not followed (what they call runs on another thread).
   */
  static Optional<IndexedMethod> entryReaching(ProjectIndex index, IndexedMethod method,
      java.util.function.Predicate<IndexedMethod> entry, java.util.function.Predicate<IndexedMethod> stop) {
    Deque<IndexedMethod> pending = new ArrayDeque<>(List.of(method));
    Set<IndexedMethod> seen = new HashSet<>(pending);
    while (!pending.isEmpty() && seen.size() < 10_000) {
      IndexedMethod next = pending.removeFirst();
      if (!SourceSet.isTestPath(next.path()) && entry.test(next)) {
        return Optional.of(next);
      }
      if (stop.test(next)) {
        continue;
      }
      for (IndexedMethod caller : index.callersOf(next)) {
        if (seen.add(caller)) {
          pending.addLast(caller);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The tables whose rows a query answers, as data footprints name them: its {@code FROM} and joins' (a table only a
   * subquery or {@code EXISTS} reads filters the answer, and adds no row to it); every table the site reads where the
   * statement is no plain select JSqlParser reads (a union, Spring Data's findAll()).
   */
  static java.util.Set<String> answered(ProjectIndex index, IoSite site) {
    java.util.Set<String> tables = new java.util.LinkedHashSet<>();
    String sql = index.sqlAsRun().of(site).orElse("");
    if (!sql.isBlank()) {
      dev.optkit.analyzers.facts.sites.QueryFilters.of(sql)
          .forEach(filter -> tables.add(TableNames.normalise(dev.optkit.analyzers.schema.SchemaViews.bare(filter.table()))));
    }
    if (tables.isEmpty()) {
      index.footprints().of(site).names().stream().filter(n -> n.startsWith("table:"))
          .forEach(n -> tables.add(n.substring("table:".length())));
    }
    return tables;
  }

  /**
   * A read of a growing table a request waits on.
   *
   * @param table as the schema writes it, where a script creates it; else as optkit compares table names
   * @param insertedAt the first place the production code adds rows to it ({@code path:line})
   * @param handler the request handler reaching the read
   */
  record RequestedGrowth(String table, String insertedAt, IndexedMethod handler) {}

  /** The table of those the site's query answers that the application adds rows to, and the handler reaching it. */
  static Optional<RequestedGrowth> requested(ProjectIndex index, IndexedMethod method, IoSite site,
      Map<String, String> inserted) {
    Optional<String> growing = answered(index, site).stream().filter(inserted::containsKey).findFirst();
    Optional<IndexedMethod> handler = growing.isEmpty() ? Optional.empty() : handlerReaching(index, method);
    if (handler.isEmpty()) {
      return Optional.empty();
    }
    String table = index.schemaIndexes().table(growing.get())
        .map(dev.optkit.analyzers.schema.SchemaIndexes.Table::name).orElse(growing.get());
    return Optional.of(new RequestedGrowth(table, inserted.get(growing.get()), handler.get()));
  }
}
