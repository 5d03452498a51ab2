package dev.optkit.analyzers.facts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A constant a call's argument names or writes, anywhere in it: a named constant
 * ({@code TransactionDefinition.ISOLATION_SERIALIZABLE}, {@code Isolation.SERIALIZABLE}, a statically imported
 * {@code ISOLATION_SERIALIZABLE}) or a string literal ({@code "ISOLATION_SERIALIZABLE"}, {@code "countryDao"}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ArgumentConstant.Named.class, name = "named"),
    @JsonSubTypes.Type(value = ArgumentConstant.Text.class, name = "text")})
public sealed interface ArgumentConstant {
  /**
   * A constant named by a field access, or by a name written in capitals (a constant, by Java's naming conventions).
   *
   * @param scope what the name is read from, as written ({@code TransactionDefinition}), or null for a plain name
   * @param name the constant's name
   */
  record Named(String scope, String name) implements ArgumentConstant {}

  /** A string literal, its value as Java reads it (escapes translated). */
  record Text(String value) implements ArgumentConstant {}
}
