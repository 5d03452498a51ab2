package dev.optkit.analyzers.facts.types;

import java.util.Set;

/** JDK value types nobody can change: boxed and primitive values, strings, big numbers, UUIDs, and {@link TimeValues}. */
public final class JdkValues {
  /** The qualified names, primitives included; java.time's are {@link TimeValues}'. */
  public static final Set<String> TYPES = Set.of(
      "java.lang.String", "java.lang.Integer", "java.lang.Long", "java.lang.Boolean", "java.lang.Double",
      "java.lang.Float", "java.lang.Short", "java.lang.Byte", "java.lang.Character", "java.math.BigDecimal",
      "java.math.BigInteger", "java.util.UUID", "int", "long", "boolean", "double", "float", "short", "byte", "char");

  private JdkValues() {}

  /** Whether the qualified (or primitive) type is one of them. */
  public static boolean immutable(String qualified) {
    return TYPES.contains(qualified) || TimeValues.immutable(qualified);
  }
}
