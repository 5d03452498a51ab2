package dev.optkit.rewriters.loops;

import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.index.IndexedMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Why a loop whose per-element query is not alone in its body is not batched, named for what the
 * other I/O is: a query inside project code (its fix one query per chunk of keys, or a multi-get
 * for a key-value store), a write inside project code, or a save of the entity the loop just loaded,
 * whose flush order one findAllById would change.
 */
final class OtherLoopIo {
  private final LoopSites sites;
  private final JpaLoadScope jpaScope;

  OtherLoopIo(LoopSites sites, JpaLoadScope jpaScope) {
    this.sites = sites;
    this.jpaScope = jpaScope;
  }

  /** Stores read by key: there a query per chunk of keys is a multi-get, not findAllById or IN (...). */
  private static final java.util.Set<String> KEY_VALUE_STORES = java.util.Set.of("spring-data-redis", "jedis",
      "lettuce", "redisson", "memcached", "hazelcast-map");

  /**
   * Why a loop whose one I/O is inside a project method is not batched, named for what that I/O is:
   * a query, whose fix is one query per chunk of keys, or a write (a Redis delete, an insert), whose fix
   * is one call that writes every key.
   */
  static String insideProjectCode(String call, List<IoSite> reached) {
    IoSite first = reached.isEmpty() ? null : reached.get(0);
    boolean queries = !reached.isEmpty() && reached.stream().allMatch(r -> r.kind() == ClientKind.DB
        && r.access() == dev.optkit.analyzers.facts.Access.READ);
    if (queries && reached.stream().allMatch(r -> KEY_VALUE_STORES.contains(r.clientId()))) {
      return "its call " + call + " reads (" + first.provider() + " " + first.method() + "()) inside the project's "
          + "own code, once per element: one call that reads every key at once (a multi-get) is the fix, by hand; "
          + "optkit batches a findById or a JdbcTemplate queryForObject or query by key the loop calls itself";
    }
    if (queries || first == null) {
      return "its query runs inside the project's own code (" + call + "), and optkit batches a findById or a "
          + "JdbcTemplate queryForObject or query by key the loop calls itself: one query per chunk of keys "
          + "(findAllById, or IN (...)) is the fix, by hand";
    }
    IoSite write = reached.stream().filter(r -> r.access() != dev.optkit.analyzers.facts.Access.READ).findFirst()
        .orElse(null);
    if (write != null) {
      return "its call " + call + " writes (" + write.provider() + " " + write.method() + "()) inside the project's "
          + "own code, once per element: one call that writes every key (a delete or an insert of many) is the fix, "
          + "by hand; optkit batches a findById or a JdbcTemplate queryForObject or query by key the loop calls itself";
    }
    return "its call " + call + " waits on " + first.provider() + " " + first.method() + "() inside the project's "
        + "own code, once per element: a call that reads many keys at once is the fix, by hand; optkit batches a "
        + "findById or a JdbcTemplate queryForObject or query by key the loop calls itself";
  }

  private static final Set<String> SAVES = Set.of("save", "saveAndFlush");

  /**
   * A loop that loads an entity by id and saves that same entity in a transaction
   * ({@code Product p = repo.findById(id).orElseThrow(); p.decreaseStock(n); repo.save(p);}): its save of a
   * managed entity runs no statement, and the changes are written at the flush, in the order the
   * persistence context took the entities in (Hibernate's, unless {@code hibernate.order_updates}). One
   * findAllById first would take them in the database's order, so the loop's writes would run in another
   * order; optkit never reorders a database's writes. Outside a transaction each save is a statement of
   * its own, which the plain "calls that query or wait on I/O" reason tells.
   */
  Optional<String> savesWhatItLoads(ForEachStmt loop, List<MethodCallExpr> calls, IndexedMethod indexed) {
    List<MethodCallExpr> finds = calls.stream().filter(c -> c.getNameAsString().equals("findById")).toList();
    if (finds.size() != 1 || calls.size() < 2 || jpaScope.transactionAround(indexed).isEmpty()) {
      return Optional.empty();
    }
    MethodCallExpr find = finds.get(0);
    Optional<VariableDeclarator> loaded = find.findAncestor(VariableDeclarator.class)
        .filter(v -> v.findAncestor(ForEachStmt.class).orElse(null) == loop);
    if (loaded.isEmpty() || sites.site(indexed, find).map(s -> s.kind() != ClientKind.DB).orElse(true)) {
      return Optional.empty();
    }
    String entity = loaded.get().getNameAsString();
    List<String> saves = new ArrayList<>();
    for (MethodCallExpr call : calls) {
      if (call == find) {
        continue;
      }
      boolean savesLoaded = SAVES.contains(call.getNameAsString()) && call.getArguments().size() == 1
          && call.getArgument(0) instanceof NameExpr saved && saved.getNameAsString().equals(entity)
          && call.getScope().map(Object::toString).equals(find.getScope().map(Object::toString));
      if (!savesLoaded) {
        return Optional.empty();
      }
      saves.add(call.toString());
    }
    return Optional.of("it saves each " + loaded.get().getType() + " it loads (" + String.join(", ", saves) + ") in "
        + jpaScope.transactionAround(indexed).get() + ": that save of a managed entity runs no statement, and the "
        + "flush writes the changes in the order the entities were loaded, which one findAllById before the loop "
        + "would change (the database's order, not the loop's); optkit never reorders a database's writes");
  }
}
