package dev.optkit.analyzers.facts;

import java.util.List;

/**
 * A call that may send a request another call of the method built ({@code call.execute()}, {@code
 * single.blockingGet()}, {@code mono.block()}): its name is one a catalogued pending request sends by, and what it is
 * called on is what a call of the method answered, directly, through operators ({@code api.item(id).map(f)}) or through
 * a local given it once. The index decides whether one of {@code built} is a declared client's method answering a
 * pending request ({@link dev.optkit.analyzers.catalog.PendingRequestSignature}): then the request is sent here.
 *
 * @param name the method called
 * @param range where the call is
 * @param snippet its text
 * @param deferred whether it runs later than the method (in a lambda kept or handed to an executor)
 * @param built the calls the receiver may be the result of, from the send inwards: each operator's, then the first
 *     call of the chain
 */
public record SentRequest(String name, SourceRange range, String snippet, boolean deferred, List<CallAt> built) {
  public SentRequest {
    built = List.copyOf(built);
  }
}
