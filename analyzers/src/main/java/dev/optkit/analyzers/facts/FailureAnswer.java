package dev.optkit.analyzers.facts;

import java.util.List;

/**
 * A catch block of a method that returns a value: what the method answers when what it tried failed
 * ({@code catch (RestClientException e) { return null; }}).
 *
 * @param caught the exception types the clause catches, qualified as the file's imports tell
 * @param line the line of the {@code return}
 * @param returned the returned expression as written, for reasons
 */
public record FailureAnswer(List<String> caught, int line, String returned) {
  public FailureAnswer {
    caught = List.copyOf(caught);
  }
}
