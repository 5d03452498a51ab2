package dev.optkit.analyzers.facts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * Where the object a call is made on comes from, when the call's file cannot type it and the index can: what a method
 * of the caller's own object returned ({@code getClient().get(url)}, {@code this.repo().findById(id)}), whose declared
 * return type may be in another file (a base class), or a field the caller's class inherits from a superclass in
 * another file ({@code repository.saveAndFlush(e)}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ReceivedFrom.Getter.class, name = "getter"),
    @JsonSubTypes.Type(value = ReceivedFrom.InheritedField.class, name = "field"),
    @JsonSubTypes.Type(value = ReceivedFrom.EnclosingThis.class, name = "enclosing"),
    @JsonSubTypes.Type(value = ReceivedFrom.Returned.class, name = "returned")})
public sealed interface ReceivedFrom {

  /** What {@code owner}'s method {@code name}, taking {@code arguments} arguments, returned. */
  record Getter(String owner, String name, int arguments) implements ReceivedFrom {
    @Override
    public boolean ofOwnClass(String type) {
      return owner.equals(type);
    }
  }

  /**
   * What method {@code name}, taking {@code arguments} arguments, returned when called on what {@code from} gives: a
   * link of a chain ({@code Driver.getInstance().newKarmaDAO()}), typed by each link's declared return type in turn.
   */
  record Returned(ReceivedFrom from, String name, int arguments) implements ReceivedFrom {
    @Override
    public boolean ofOwnClass(String type) {
      return false;
    }
  }

  /** The field {@code field}, looked up in {@code owners}, innermost first: the first that has it wins. */
  record InheritedField(List<Owner> owners, String field) implements ReceivedFrom {
    public InheritedField {
      owners = List.copyOf(owners);
    }

    @Override
    public boolean ofOwnClass(String type) {
      return owners.equals(List.of(Owner.of(type)));
    }
  }

  /**
   * An unqualified call in a member or local class that extends or implements a type, and declares no method of the
   * name: the classes whose object it may be made on, itself first, then each enclosing class outwards. As Java reads
   * it, the first whose methods, declared or inherited, include one of the name; a class with an ancestor the project
   * does not declare may inherit one unseen, and ends the search (a blind trial's {@code Remote implements Handler}
   * calling its outer class's HTTP helper {@code get(url)} was no call of it). The call's own receiver type stays the
   * first class.
   */
  record EnclosingThis(List<String> classes) implements ReceivedFrom {
    public EnclosingThis {
      classes = List.copyOf(classes);
    }

    @Override
    public boolean ofOwnClass(String type) {
      return false;
    }
  }

  /** Whether the object is this class's own: its own method's result, or a field only its class may declare. */
  boolean ofOwnClass(String type);

  /** A place an inherited field is looked up in. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
  @JsonSubTypes({
      @JsonSubTypes.Type(value = Owner.Known.class, name = "known"),
      @JsonSubTypes.Type(value = Owner.Inheriting.class, name = "class")})
  sealed interface Owner {
    /** The field's type, which the source file knew: the lookup ends here. */
    record Known(String type) implements Owner {}

    /**
     * A class that may inherit the field; for an anonymous class's superclass, the type arguments written
     * ({@code new AbstractService<Order, OrderRepository>() { ... }}), each qualified.
     */
    record Inheriting(String type, List<String> arguments) implements Owner {
      public Inheriting {
        arguments = List.copyOf(arguments);
      }
    }

    /** A class, with no type arguments written. */
    static Owner of(String type) {
      return new Inheriting(type, List.of());
    }
  }
}
