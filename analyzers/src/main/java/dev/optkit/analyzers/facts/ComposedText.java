package dev.optkit.analyzers.facts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A query's text as its file writes it when it names another type's constant ({@code Queries.BASE + " and t.id =
 * ?"}, {@code @Query(Queries.FIND_LIVE)}): literal parts, and constants the index reads from the type that declares
 * them. The file alone cannot tell such a text; the project can, once it knows every constant it names.
 *
 * @param parts in the order they are joined; adjacent literals joined, at least one {@link Constant}
 */
public record ComposedText(List<Part> parts) {
  public ComposedText {
    parts = List.copyOf(parts);
  }

  /** One part of the text. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
  @JsonSubTypes({
      @JsonSubTypes.Type(value = Literal.class, name = "literal"),
      @JsonSubTypes.Type(value = Constant.class, name = "constant")})
  public sealed interface Part {}

  /** Text the file tells: a literal, or a constant of its own. */
  public record Literal(String text) implements Part {}

  /**
   * Another type's constant.
   *
   * @param type the type's qualified name, as the file's imports and package tell it
   * @param name the field's name, or a static builder's {@code name(arity)} ({@link MethodFact.SqlConstant#builderName})
   */
  public record Constant(String type, String name) implements Part {}

  /** The text of these parts, adjacent literals joined; empty when no part names another type's constant. */
  public static Optional<ComposedText> of(List<Part> parts) {
    List<Part> joined = new ArrayList<>();
    for (Part part : parts) {
      if (part instanceof Literal literal && !joined.isEmpty() && joined.get(joined.size() - 1) instanceof Literal last) {
        joined.set(joined.size() - 1, new Literal(last.text() + literal.text()));
      } else {
        joined.add(part);
      }
    }
    return joined.stream().anyMatch(Constant.class::isInstance) ? Optional.of(new ComposedText(joined))
        : Optional.empty();
  }

  /**
   * The whole text, each constant read by {@code constant} (type, name); empty when one of them is not known. Never a
   * text with a constant's part left out: an unknown part read as a value ({@code IN ({SUBQUERY})}) would hide the
   * tables a subquery in it reads.
   */
  public Optional<String> text(BiFunction<String, String, Optional<String>> constant) {
    StringBuilder text = new StringBuilder();
    for (Part part : parts) {
      if (part instanceof Literal literal) {
        text.append(literal.text());
      } else {
        Constant named = (Constant) part;
        Optional<String> value = constant.apply(named.type(), named.name());
        if (value.isEmpty()) {
          return Optional.empty();
        }
        text.append(value.get());
      }
    }
    return Optional.of(text.toString());
  }
}
