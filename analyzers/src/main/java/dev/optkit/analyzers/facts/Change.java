package dev.optkit.analyzers.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * How a method changes a value it got (a call's result, a parameter, its own object): what the proofs tell apart by
 * its type, and the words a reason prints ({@link #text}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Change.StoredInField.class, name = "stored"),
    @JsonSubTypes.Type(value = Change.AssignsField.class, name = "assigns"),
    @JsonSubTypes.Type(value = Change.UntypedReplace.class, name = "untyped-replace"),
    @JsonSubTypes.Type(value = Change.UntypedCall.class, name = "untyped-call"),
    @JsonSubTypes.Type(value = Change.Call.class, name = "call"),
    @JsonSubTypes.Type(value = Change.Written.class, name = "written")})
public sealed interface Change {

  /** The value kept in a field of this object ({@code this.items = items}): changed by whoever changes the field's. */
  record StoredInField(String field) implements Change {
    @Override
    public String text() {
      return "stored in field " + field;
    }
  }

  /** This object's own field assigned ({@code this.count = n}). */
  record AssignsField(String field) implements Change {
    @Override
    public String text() {
      return "assigns field " + field;
    }
  }

  /**
   * {@code getPack().replace(a, b)} on a getter the solver could not type (Lombok's): a String's replace changes
   * nothing, a Map's does; the getter's field tells which.
   */
  record UntypedReplace(String getter) implements Change {
    @Override
    public String text() {
      return "replace(), a Map's or a String's (untyped), on " + getter + "()";
    }
  }

  /** {@code getPrice().setScale(2)} on a getter the solver could not type: a call on an immutable value changes nothing. */
  record UntypedCall(String getter, String call) implements Change {
    @Override
    public String text() {
      return getter + "()." + call + "()";
    }
  }

  /**
   * A call that changes the value: a method of its own ({@code items.add(x)}: method {@code add}), a static helper
   * given it ({@code Collections.sort(items)}: helper {@code Collections}), or a method of an element taken from it
   * ({@code p.setLiked(true)} in {@code for (Pet p : pets)}: element {@code p}).
   *
   * @param element the loop variable or lambda parameter the call is made on, or null
   * @param helper the type whose static method is given the value, as written, or null
   * @param method the method called
   */
  record Call(String element, String helper, String method) implements Change {
    @Override
    public String text() {
      return element != null ? element + "." + method : helper != null ? helper + "." + method : method;
    }

    /** Whether the value's own method is called ({@code items.add(x)}), not a helper's or an element's. */
    public boolean onItself() {
      return element == null && helper == null;
    }
  }

  /**
   * Any other change, as the code writes it: a mutating call ({@code add}, {@code Collections.sort},
   * {@code item.setName}), a method reference ({@code seen::add}), a field set on another object, a collector filling
   * a supplied container.
   */
  record Written(String written) implements Change {
    @Override
    public String text() {
      return written;
    }
  }

  /** The words a reason prints for it. */
  @JsonIgnore
  String text();
}
