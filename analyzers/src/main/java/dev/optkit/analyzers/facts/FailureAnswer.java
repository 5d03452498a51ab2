package dev.optkit.analyzers.facts;

import java.util.List;

/**
 * A catch block of a method that returns a value: what the method answers when what it tried failed
 * ({@code catch (RestClientException e) { return null; }}).
 *
 * @param caught the exception types the clause catches, qualified as the file's imports tell
 * @param line the line of the {@code return}
 * @param returned the returned expression as written, for reasons
 * @param noValue every answer the method gives after this catch is {@code null} or {@code Optional.empty()} (what
 *     Spring's {@code #result} reads as null): the catch's own returns, and, when the catch goes on, the return that
 *     comes right after its try (or after the retry loop around it), with no finally block returning instead. False
 *     for a lambda's catch, whose null becomes a part of the answer, not the answer
 */
public record FailureAnswer(List<String> caught, int line, String returned, boolean noValue) {
  public FailureAnswer {
    caught = List.copyOf(caught);
  }
}
