package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.TestedCall;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.proof.Evidence;
import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import dev.optkit.analyzers.source.SourceSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A check that only writers read: a count, an amount or a yes/no answer ({@code countBorrowedBooksByMember},
 * {@code getAvailableCopies}, {@code existsByNameAndPhone}) whose every production caller tests it (a branch turns on
 * it: {@code if (open >= 3)}) and writes, or is such a check itself, or throws on it (a validation:
 * {@code checkBorrowLimit} throwing when the count reaches the limit). The read guards the write (a borrow limit, the copies left, a duplicate before an insert), and a cached answer would let the write rest
 * on what another instance, a concurrent request or a write outside the application changed since. A usefulness
 * trial's library service had five such checks cached, each rejected in review.
 */
public final class GuardsWritesProof implements MethodProof {
  /** The answers a check gives: a yes/no, a count, an amount (a balance a charge is checked against). */
  private static final Set<String> CHECKS = Set.of("boolean", "java.lang.Boolean", "int", "java.lang.Integer", "long",
      "java.lang.Long", "short", "java.lang.Short", "byte", "java.lang.Byte", "double", "java.lang.Double", "float",
      "java.lang.Float", "java.math.BigDecimal", "java.math.BigInteger");
  /** How many checks deep a check is followed to the writers reading it ({@code openLoans} under {@code mayBorrow}). */
  private static final int MAX_DEPTH = 4;

  @Override
  public Proof proof() {
    return Proof.GUARDS_WRITES;
  }

  @Override
  public Optional<Reason> check(ProofContext context, Candidate candidate) {
    // any other answer guards as a presence check: every caller tests it and keeps nothing of it
    boolean presence = !CHECKS.contains(candidate.fact().returnType());
    Set<IndexedMethod> deciders = new java.util.LinkedHashSet<>();
    if (candidate.fact().returnType() == null || candidate.fact().returnType().equals("void")
        || !onlyWritersRead(context, candidate.method(), 0, new java.util.HashSet<>(), deciders, presence)) {
      return Optional.empty();
    }
    return refused("a " + (presence ? "presence " : "") + "check (" + candidate.fact().returnType()
        .replace("java.lang.", "").replace("java.util.", "") + ") that only writers and "
        + "validations read (" + String.join(", ", deciders.stream().map(c -> c.fact().displayName() + "()").sorted()
        .limit(3).toList()) + "): each decides on it whether or what to write, or whether to refuse, and a cached "
        + "answer would let that decision rest on what another instance, a concurrent request or a write outside the "
        + "application changed since")
        .map(reason -> reason.resting(MethodEvidence.of(Evidence.Role.CALLER, deciders)));
  }

  private static List<IndexedMethod> callers(ProofContext context, IndexedMethod method) {
    return context.index().callersOf(method).stream().filter(caller -> !SourceSet.isTestPath(caller.path())).distinct()
        .toList();
  }

  /**
   * Whether every production caller throws on it or writes, or is itself a check only writers read ({@code mayBorrow()}
   * answering from {@code openLoans()}, read by {@code borrow()} before it inserts); false when nothing calls it. The
   * callers that write or throw, however deep the checks were followed, are added to {@code deciders}.
   */
  private static boolean onlyWritersRead(ProofContext context, IndexedMethod check, int depth,
      Set<IndexedMethod> seen, Set<IndexedMethod> deciders, boolean presence) {
    List<IndexedMethod> callers = callers(context, check);
    if (callers.isEmpty() || depth > MAX_DEPTH || !seen.add(check)) {
      return false;
    }
    for (IndexedMethod caller : callers) {
      if (presence && !onlyTests(context, caller, check)) {
        return false; // it keeps or returns something of the answer: data, not only a check
      }
      if (throwsOn(context, caller, check) || tests(context, caller, check) && writes(context, caller)) {
        deciders.add(caller);
      } else if (!(tests(context, caller, check) && CHECKS.contains(caller.fact().returnType())
          && onlyWritersRead(context, caller, depth + 1, seen, deciders, false))) {
        return false;
      }
    }
    return true;
  }

  /** Whether the caller's branch turns on what a call of the check answers ({@code if (loans.open(m) >= 3)}). */
  private static boolean tests(ProofContext context, IndexedMethod caller, IndexedMethod check) {
    return testsOf(context, caller, check).findAny().isPresent();
  }

  /**
   * Whether the caller uses every answer of the check it gets for tests alone ({@code users.findByEmail(e)
   * .isPresent()}, or a local only tested): what a presence check's callers do, where a read's keep its data.
   */
  private static boolean onlyTests(ProofContext context, IndexedMethod caller, IndexedMethod check) {
    List<dev.optkit.analyzers.facts.CallRef> calls = caller.fact().calls().stream()
        .filter(call -> context.index().allTargetsOf(call).contains(check)).toList();
    return !calls.isEmpty() && calls.stream().allMatch(call -> caller.fact().testedCalls().stream()
        .anyMatch(tested -> tested.is(call) && tested.onlyTested()));
  }

  /**
   * Whether the caller throws on what the check answers: a validation ({@code if (open >= 3) throw new
   * BorrowLimitExceededException(..)}), which guards whatever runs after it, a write or a refusal of a request.
   */
  private static boolean throwsOn(ProofContext context, IndexedMethod caller, IndexedMethod check) {
    return testsOf(context, caller, check).anyMatch(TestedCall::throwsOnIt);
  }

  private static java.util.stream.Stream<TestedCall> testsOf(ProofContext context, IndexedMethod caller,
      IndexedMethod check) {
    return caller.fact().testedCalls().stream().filter(tested -> caller.fact().calls().stream()
        .anyMatch(call -> tested.is(call) && context.index().allTargetsOf(call).contains(check)));
  }

  private static boolean writes(ProofContext context, IndexedMethod caller) {
    return context.index().reachedIo(caller).stream().anyMatch(reached -> reached.site().access() == Access.WRITE);
  }
}
