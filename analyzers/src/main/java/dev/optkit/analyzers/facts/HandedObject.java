package dev.optkit.analyzers.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * An object held by this object (in a field, or answered by a static factory) that a method hands to a call
 * ({@code jdbc.query(sql, rowMapper)}, {@code jdbc.query(sql, rowMapper::mapRow)}): whoever gets it calls its methods
 * later, with no call site in the project, on the one object every call shares (hostile review 37's a9: a row mapper
 * counting the rows it ever mapped, cached with the first count).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = HandedObject.InField.class, name = "field"),
    @JsonSubTypes.Type(value = HandedObject.ChangingCode.class, name = "changing"),
    @JsonSubTypes.Type(value = HandedObject.FromFactory.class, name = "factory")})
public sealed interface HandedObject extends Comparable<HandedObject> {

  /** The object in {@code field}, of {@code type}: the class its initialiser creates, else its declared type. */
  record InField(String field, String type) implements HandedObject {
    @Override
    public String order() {
      return field + "=" + type;
    }
  }

  /**
   * Code held in {@code field} that changes state kept between calls: an anonymous class changing its own fields, a
   * lambda or a method reference changing what it names (none of them has facts of its own).
   */
  record ChangingCode(String field) implements HandedObject {
    @Override
    public String order() {
      return field + "=<changing>";
    }
  }

  /** The object the static factory {@code owner.method()}, taking nothing, answers ({@code Mappers.counting()}). */
  record FromFactory(String owner, String method) implements HandedObject {
    @Override
    public String order() {
      return "factory:" + owner + "#" + method;
    }
  }

  /** The order a method's objects are listed and asked about in: by field, factories among them by "factory". */
  @JsonIgnore
  String order();

  @Override
  default int compareTo(HandedObject other) {
    return order().compareTo(other.order());
  }
}
