package dev.optkit.analyzers.facts;

/**
 * A call site of a method's body, by the method called and where the call begins: what a fact about some of a
 * method's calls lists (the calls whose result it returns as it is, the calls whose result it tests).
 *
 * @param name the method called
 * @param line where the call begins
 * @param column its column
 */
public record CallAt(String name, int line, int column) {

  /** Whether this is that call site. */
  public boolean is(CallRef call) {
    return call.name().equals(name) && call.range().line() == line && call.range().column() == column;
  }
}
