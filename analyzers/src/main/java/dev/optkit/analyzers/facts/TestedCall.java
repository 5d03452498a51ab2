package dev.optkit.analyzers.facts;

/**
 * A call whose result decides a branch of the method calling it ({@code if (loans.openLoans(m) >= 3)}), and whether
 * that decision is to throw: a branch the test opens throws ({@code throw new BorrowLimitExceededException(..)}), or
 * the test is the condition an assertion call checks ({@code Assert.isTrue(open < 3, ..)},
 * {@code Preconditions.checkState(..)}).
 *
 * @param at the call site
 * @param throwsOnIt whether the method throws on what the call answers
 * @param onlyTested whether the answer is used for nothing but tests: the call itself is tested, or every use of the
 *     local it is kept in is ({@code if (users.findByEmail(e).isPresent())}), so no data of it is kept or returned
 */
public record TestedCall(CallAt at, boolean throwsOnIt, boolean onlyTested) {

  /** Whether this is that call site. */
  public boolean is(CallRef call) {
    return at.is(call);
  }
}
