package dev.optkit.analyzers.index;

import java.util.Map;

/** The methods every class and every lambda has from {@code java.lang.Object}, which no project declaration lists. */
final class ObjectMethods {
  /** Each one's arity; -1 for {@code wait}, whose overloads take none to two. */
  private static final Map<String, Integer> ARITIES = Map.of("toString", 0, "hashCode", 0, "equals", 1, "getClass", 0,
      "clone", 0, "finalize", 0, "notify", 0, "notifyAll", 0, "wait", -1);

  private ObjectMethods() {}

  /** Whether some method of Object has the name. */
  static boolean named(String name) {
    return ARITIES.containsKey(name);
  }

  /** Whether a method of the name and arity is one of Object's (an interface redeclaring {@code equals(Object)}). */
  static boolean is(String name, int arity) {
    Integer known = ARITIES.get(name);
    return known != null && (known < 0 || known == arity);
  }
}
