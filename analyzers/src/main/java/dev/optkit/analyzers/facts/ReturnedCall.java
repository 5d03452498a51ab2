package dev.optkit.analyzers.facts;

/**
 * A call whose result a method returns as it is: the whole value of one of its {@code return} statements, parentheses
 * and casts aside ({@code return makeRequest(uri);}). What the call answers, the method answers.
 *
 * @param name the method called
 * @param line where the call begins
 * @param column its column
 */
public record ReturnedCall(String name, int line, int column) {

  /** Whether this is that call site. */
  public boolean is(CallRef call) {
    return call.name().equals(name) && call.range().line() == line && call.range().column() == column;
  }
}
