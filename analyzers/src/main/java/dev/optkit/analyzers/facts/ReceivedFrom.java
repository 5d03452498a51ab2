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
    @JsonSubTypes.Type(value = ReceivedFrom.InheritedField.class, name = "field")})
public sealed interface ReceivedFrom {

  /** What {@code owner}'s method {@code name}, taking {@code arguments} arguments, returned. */
  record Getter(String owner, String name, int arguments) implements ReceivedFrom {
    @Override
    public boolean ofOwnClass(String type) {
      return owner.equals(type);
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
