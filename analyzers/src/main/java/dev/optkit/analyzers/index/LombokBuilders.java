package dev.optkit.analyzers.index;

import dev.optkit.analyzers.facts.TypeFact;

/** What Lombok's {@code @Builder} generates that the project's sources do not show. */
public final class LombokBuilders {
  private LombokBuilders() {}

  /**
   * Whether a call without arguments on a type Lombok builds names no method the project declares and none of Lombok's
   * other generated methods (getters, setters, with-ers, equals, hashCode, toString, toBuilder, fluent accessors named
   * as fields): the builder method under another name ({@code @Builder(builderMethodName = "with")}).
   */
  public static boolean builderMethod(ProjectIndex index, TypeFact type, String name) {
    boolean built = type.annotations().stream().anyMatch(a -> a.equals("lombok.Builder") || a.equals("Builder")
        || a.equals("lombok.experimental.SuperBuilder") || a.equals("SuperBuilder"))
        || index.methodsOfType(type.qualifiedName()).stream().anyMatch(m -> m.fact().annotations().stream()
            .anyMatch(a -> a.equals("lombok.Builder") || a.equals("Builder")));
    return built && !name.startsWith("get") && !name.startsWith("is") && !name.startsWith("set")
        && !java.util.Set.of("equals", "hashCode", "toString", "canEqual", "toBuilder", "builder").contains(name)
        && !type.fieldTypes().containsKey(name)
        && index.supertypesOf(type.qualifiedName()).stream().allMatch(owner -> index.methods(owner, name).isEmpty());
  }
}
