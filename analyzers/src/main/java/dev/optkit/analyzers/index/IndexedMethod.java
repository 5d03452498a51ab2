package dev.optkit.analyzers.index;

import dev.optkit.analyzers.facts.MethodFact;

/**
 * A method of the project and the file that declares it. Equal by value, as the record it was; its hash is kept,
 * since a method's facts (every call, hand-off and mutation) are hashed deeply and the index's memos look methods up
 * by it thousands of times (on spring-framework that hashing was a sixth of the rules' time).
 */
public final class IndexedMethod {
  private final String path;
  private final MethodFact fact;
  /** 0 until computed (String's racy single check: an int is written whole, a race computes it twice). */
  private int hash;
  /**
   * The fact's key, built once: migrate's proofs compare methods by it across the project's writes for each cached
   * method (null until computed; a String is immutable, so a race builds it twice and publishes either safely).
   */
  private String key;

  public IndexedMethod(String path, MethodFact fact) {
    this.path = path;
    this.fact = fact;
  }

  public String path() {
    return path;
  }

  public MethodFact fact() {
    return fact;
  }

  public String key() {
    String built = key;
    if (built == null) {
      built = fact.key();
      key = built;
    }
    return built;
  }

  /** The method as findings name it ({@code Finding.enclosingMethod}): its name and parameter types as declared. */
  public String member() {
    StringBuilder name = new StringBuilder(fact.name()).append('(');
    for (int i = 0; i < fact.params().size(); i++) {
      if (i > 0) {
        name.append(", ");
      }
      name.append(fact.params().get(i).type());
    }
    return name.append(')').toString();
  }

  @Override
  public boolean equals(Object other) {
    return other == this || other instanceof IndexedMethod that && java.util.Objects.equals(path, that.path)
        && java.util.Objects.equals(fact, that.fact);
  }

  @Override
  public int hashCode() {
    int known = hash;
    if (known == 0) {
      known = 31 * java.util.Objects.hashCode(path) + java.util.Objects.hashCode(fact);
      hash = known;
    }
    return known;
  }

  @Override
  public String toString() {
    return "IndexedMethod[path=" + path + ", fact=" + fact + "]";
  }
}
