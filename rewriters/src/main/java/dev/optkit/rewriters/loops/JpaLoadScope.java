package dev.optkit.rewriters.loops;

import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.rewriters.caching.SpringXmlScans;
import dev.optkit.analyzers.source.SourceSet;
import dev.optkit.analyzers.index.Transactions;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a JPA {@code findById} per element may become one {@code findAllById} query: outside any
 * transaction. There each of Spring Data's calls runs in a read-only transaction of its own, whose
 * flush mode Spring sets to manual, so neither the finds nor the query flush anything; both answer
 * with the persistence context's own instances where the request holds one (open session in view),
 * else with new ones. Inside a transaction the query flushes the changes the transaction holds
 * before it runs (Hibernate's AUTO flush), which em.find does not: a failing write would fail at the
 * loading instead of at the commit.
 */
final class JpaLoadScope {
  private final ProjectIndex index;
  private final Transactions transactions;
  private final Path root;
  private Boolean xmlTransactions;

  JpaLoadScope(ProjectIndex index, Path root) {
    this.index = index;
    this.transactions = new Transactions(index);
    this.root = root;
  }

  /**
   * Whether the loop's method opens its transaction itself (no production caller runs in one, its
   * propagation is REQUIRED or REQUIRES_NEW) and makes no database access before the loop, nor a call
   * that may run code optkit cannot list: the transaction then holds no change of its own when the
   * query runs, so the query's flush writes nothing the finds would not have left for the commit, and
   * the finds and the query share one persistence context, associations and all.
   */
  boolean opensCleanTransaction(IndexedMethod method, dev.optkit.analyzers.facts.SourceRange loop) {
    if (xmlTransactions == null) {
      xmlTransactions = SpringXmlScans.declaresTransactions(root);
    }
    if (xmlTransactions || transactions.above(method).filter(opener -> opener == method).isEmpty()
        || !transactions.declared(method)) {
      return false;
    }
    String propagation = transactions.propagationOf(method);
    if (!propagation.isEmpty() && !propagation.contains("REQUIRED")) {
      return false; // SUPPORTS, MANDATORY, NESTED...: which transaction, if any, is the caller's
    }
    if (propagation.contains("REQUIRED") && !propagation.contains("REQUIRES_NEW") || propagation.isEmpty()) {
      boolean joined = index.callersOf(method).stream().filter(c -> !SourceSet.isTestPath(c.path()))
          .anyMatch(caller -> transactions.above(caller).isPresent());
      if (joined) {
        return false;
      }
    }
    java.util.function.Predicate<dev.optkit.analyzers.facts.SourceRange> before = range ->
        range.endLine() < loop.line() || range.endLine() == loop.line() && range.endColumn() < loop.column();
    if (index.sitesOf(method).stream().anyMatch(site -> before.test(site.range()))) {
      return false;
    }
    for (dev.optkit.analyzers.facts.CallRef call : method.fact().calls()) {
      if (before.test(call.range()) && (!index.reachedThrough(method, call).isEmpty()
          || index.allTargetsOf(call).stream().anyMatch(target -> !target.fact().opaqueCalls().isEmpty()))) {
        return false;
      }
    }
    // request.getCustomer().getName(): a call on a value whose type optkit could not name may run any project
    // method of that name and arity; none of them may reach a database or run code optkit cannot list
    return method.fact().opaqueCalls().stream().filter(call -> before.test(call.range()))
        .allMatch(call -> index.methodsNamed(call.name()).stream()
            .filter(candidate -> candidate.fact().params().size() == call.argumentCount())
            .allMatch(candidate -> index.reachedIo(candidate).isEmpty() && candidate.fact().opaqueCalls().isEmpty()
                && candidate.fact().calls().isEmpty()));
  }

  /** Why the loop's method may run in a transaction ("the transaction of X()"), or empty when it runs in none. */
  Optional<String> transactionAround(IndexedMethod method) {
    if (xmlTransactions == null) {
      xmlTransactions = SpringXmlScans.declaresTransactions(root);
    }
    if (xmlTransactions) {
      return Optional.of("the transactions a Spring XML file applies by pointcut, which optkit does not follow");
    }
    return transactions.above(method).map(opener -> "the transaction of " + opener.fact().displayName() + "()");
  }
}
