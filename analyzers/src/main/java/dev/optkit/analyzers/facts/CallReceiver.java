package dev.optkit.analyzers.facts;

/** What a call, or a method reference, is made on, as the source writes it. */
public enum CallReceiver {
  /** {@code name(...)}: this object (or a class around it, or a static import), no receiver written. */
  IMPLICIT,
  /** {@code this.name(...)}, {@code this::name}: this object, written. */
  THIS,
  /** {@code super.name(...)}, {@code super::name}: this object, running the superclass's method. */
  SUPER,
  /**
   * {@code Type.name(...)}, {@code Type::name}, {@code new Type(...)}: a type, no object (a static method, a constructor,
   * or a reference whose first argument is the object).
   */
  TYPE,
  /**
   * {@code new Type(...).name(...)}: an object the receiver expression makes here, which no one else has seen (an
   * anonymous class's is not, as its body may reach any object).
   */
  CREATED,
  /** Any other object: a field, a local, a parameter, what a call returned, an outer class's {@code Outer.this}. */
  OBJECT
}
