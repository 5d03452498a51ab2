package dev.optkit.analyzers.facts.types;

import java.util.Set;

/** JDK value types nobody can change: boxed and primitive values, strings, big numbers, UUIDs, and {@link TimeValues}. */
public final class JdkValues {
  /** The qualified names, primitives included; java.time's are {@link TimeValues}'. */
  public static final Set<String> TYPES = Set.of(
      "java.lang.String", "java.lang.Integer", "java.lang.Long", "java.lang.Boolean", "java.lang.Double",
      "java.lang.Float", "java.lang.Short", "java.lang.Byte", "java.lang.Character", "java.math.BigDecimal",
      "java.math.BigInteger", "java.util.UUID", "int", "long", "boolean", "double", "float", "short", "byte", "char");

  /**
   * The simple names of the JDK values readers meet written and unresolved (a loop's local declared {@code Instant},
   * a field's type as the source writes it): only names a project hardly declares for a class of its own, so
   * java.time's {@code Period}, {@code Year} or {@code Month} are not among them. The loop proofs' list of values.
   */
  public static final Set<String> UNMISTAKABLE_SIMPLE_NAMES = Set.of("String", "Integer", "Long", "Short", "Byte",
      "Character", "Boolean", "Double", "Float", "BigDecimal", "BigInteger", "UUID", "URI", "Duration", "Instant",
      "LocalDate", "LocalDateTime", "LocalTime", "OffsetDateTime", "ZonedDateTime", "int", "long", "short", "byte",
      "char", "boolean", "double", "float");

  private JdkValues() {}

  /** Whether the qualified (or primitive) type is one of them. */
  public static boolean immutable(String qualified) {
    return TYPES.contains(qualified) || TimeValues.immutable(qualified);
  }
}
