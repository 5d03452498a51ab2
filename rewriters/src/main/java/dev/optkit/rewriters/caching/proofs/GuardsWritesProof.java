package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import dev.optkit.analyzers.source.SourceSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A check that only writers read: a count or a yes/no answer ({@code countBorrowedBooksByMember},
 * {@code getAvailableCopies}, {@code existsByNameAndPhone}) whose every production caller writes. The read guards the
 * write (a borrow limit, the copies left, a duplicate before an insert), and a cached answer would let the write rest
 * on what another instance, a concurrent request or a write outside the application changed since. A usefulness
 * trial's library service had five such checks cached, each rejected in review.
 */
public final class GuardsWritesProof implements MethodProof {
  /** The answers a check gives: a count, a yes/no. */
  private static final Set<String> CHECKS = Set.of("boolean", "java.lang.Boolean", "int", "java.lang.Integer", "long",
      "java.lang.Long", "short", "java.lang.Short");

  @Override
  public Proof proof() {
    return Proof.GUARDS_WRITES;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    if (!CHECKS.contains(candidate.fact().returnType())) {
      return Optional.empty();
    }
    List<IndexedMethod> callers = context.index().callersOf(candidate.method()).stream()
        .filter(caller -> !SourceSet.isTestPath(caller.path())).distinct().toList();
    if (callers.isEmpty() || !callers.stream().allMatch(caller -> writes(context, caller))) {
      return Optional.empty();
    }
    return refused("a check (" + candidate.fact().returnType().replace("java.lang.", "") + ") that only writers read ("
        + String.join(", ", callers.stream().map(c -> c.fact().displayName() + "()").sorted().limit(3).toList())
        + "): each decides whether or what to write on it, and a cached answer would let that write rest on what "
        + "another instance, a concurrent request or a write outside the application changed since");
  }

  private static boolean writes(ProofContext context, IndexedMethod caller) {
    return context.index().reachedIo(caller).stream().anyMatch(reached -> reached.site().access() == Access.WRITE);
  }
}
