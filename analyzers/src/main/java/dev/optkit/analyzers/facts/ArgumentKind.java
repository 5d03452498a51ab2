package dev.optkit.analyzers.facts;

/**
 * The kind of value an argument of a call certainly is, as far as overloads of one arity are told apart by it
 * ({@code byKey(long)}, {@code byKey(String)}): a {@code String}, a primitive, a primitive's box, or not known.
 * Read by {@code dev.optkit.analyzers.facts.types.ArgumentKinds}, which says which conversions Java makes.
 */
public enum ArgumentKind {
  TEXT,
  BOOLEAN,
  BYTE,
  SHORT,
  CHAR,
  INT,
  LONG,
  FLOAT,
  DOUBLE,
  BOXED_BOOLEAN,
  BOXED_BYTE,
  BOXED_SHORT,
  BOXED_CHAR,
  BOXED_INT,
  BOXED_LONG,
  BOXED_FLOAT,
  BOXED_DOUBLE,
  UNKNOWN;

  /** Whether this is a primitive's box ({@code Integer}, {@code Long}...). */
  public boolean boxed() {
    return ordinal() >= BOXED_BOOLEAN.ordinal() && this != UNKNOWN;
  }

  /** The primitive a box holds; any other kind itself. */
  public ArgumentKind unboxed() {
    return boxed() ? values()[ordinal() - BOXED_BOOLEAN.ordinal() + BOOLEAN.ordinal()] : this;
  }
}
