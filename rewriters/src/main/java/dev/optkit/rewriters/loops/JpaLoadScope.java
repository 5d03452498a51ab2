package dev.optkit.rewriters.loops;

import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.rewriters.caching.SpringXmlScans;
import dev.optkit.rewriters.caching.Transactions;
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
  private final Transactions transactions;
  private final Path root;
  private Boolean xmlTransactions;

  JpaLoadScope(ProjectIndex index, Path root) {
    this.transactions = new Transactions(index);
    this.root = root;
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
