package dev.optkit.analyzers.index;

import dev.optkit.analyzers.facts.MethodFact;

/** A method of the project and the file that declares it. */
public record IndexedMethod(String path, MethodFact fact) {
  public String key() {
    return fact.key();
  }
}
