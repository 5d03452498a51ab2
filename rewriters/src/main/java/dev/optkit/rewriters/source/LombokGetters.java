package dev.optkit.rewriters.source;

import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.List;
import java.util.Optional;

/** Lombok's getters: a class whose getters Lombok writes, which no source shows. */
public final class LombokGetters {
  private LombokGetters() {}

  /** Whether Lombok writes the class's getters ({@code @Data}, {@code @Getter}, {@code @Value}, on it or a superclass). */
  public static boolean written(ProjectIndex index, TypeFact type) {
    List<String> types = new java.util.ArrayList<>(List.of(type.qualifiedName()));
    types.addAll(index.supertypesOf(type.qualifiedName()));
    return types.stream().map(index::type).flatMap(Optional::stream).anyMatch(t -> t.annotations().stream()
        .anyMatch(a -> a.equals("lombok.Data") || a.equals("lombok.Getter") || a.equals("lombok.Value")
            || a.equals("Data") || a.equals("Getter") || a.equals("Value") || onDemandLombok(index, t, a)));
  }

  /**
   * {@code @Data} under {@code import lombok.*;}: the facts qualify a name no single import or
   * project type gives with the type's own package ({@code ru.practicum.model.Data}), a guess; when
   * the project declares no type of that name, the annotation came from an on-demand import.
   */
  private static boolean onDemandLombok(ProjectIndex index, TypeFact type, String annotation) {
    int dot = annotation.lastIndexOf('.');
    String simple = annotation.substring(dot + 1);
    return dot > 0 && java.util.Set.of("Data", "Getter", "Value").contains(simple)
        && type.qualifiedName().startsWith(annotation.substring(0, dot + 1)) && index.typesNamed(simple).isEmpty();
  }
}
