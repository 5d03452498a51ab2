package dev.optkit.analyzers.facts;

import java.util.List;

/**
 * One place a value may come from: what the planner needs to tell state shared between requests (fields of this
 * object and of the beans it holds, statics) from objects made or loaded for the call (rows a query mapped, a DTO it
 * built). A value has any of several roots ({@link Roots}). Syntax and the body's value flow only: the planner
 * resolves calls and parameters across methods.
 */
public sealed interface Root {

  /** An object created here (its constructor's arguments are roots too), a literal, a value computed here. */
  record Made() implements Root {}

  /** This object, a field of it or a part of that. */
  record This() implements Root {}

  /** A call on a type: no receiver object. */
  record OnType() implements Root {}

  /** Anything else (a static field, a method reference's result): counted as shared. */
  record Unknown() implements Root {}

  /** The method's parameter at {@code index}, or a part of it. */
  record Parameter(int index) implements Root {}

  /** A named constant of another class ({@code Operand.EQ}): an enum's constant, or a static. */
  record Constant(String name) implements Root {}

  /** What the construction of a class takes from elsewhere (its field initializers and constructors). */
  record Construction(String type) implements Root {}

  /**
   * What the call beginning at {@code line:column} named {@code name} returned, or a part of it.
   *
   * @param rows the rows the call hands the callbacks it is given (a {@code RowMapper}'s result set), not its result:
   *     loaded for the call when the call is a query, else anything
   * @param from the roots of the object it was called on and of its arguments, which the result may be part of
   */
  record CallResult(int line, int column, String name, boolean rows, List<Root> from) implements Root {
    public CallResult {
      from = List.copyOf(from);
    }

    /** Whether this is a result of the same call as {@code other}, whatever each was found to be made from. */
    public boolean sameCall(CallResult other) {
      return line == other.line && column == other.column && name.equals(other.name) && rows == other.rows;
    }
  }

  Made MADE = new Made();
  This THIS = new This();
  OnType ON_TYPE = new OnType();
  Unknown UNKNOWN = new Unknown();
}
