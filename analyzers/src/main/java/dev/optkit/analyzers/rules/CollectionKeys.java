package dev.optkit.analyzers.rules;

import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.optkit.analyzers.facts.ParamFact;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A JDK list of immutable values as a cache key: a caller may change it after the call, so the key a cache keeps is a
 * copy made before the method runs ({@code new java.util.ArrayList(#p0)}), equal to any list of the same values in
 * the same order by the JDK's equals (trial 93: petclinic's {@code findSpecialtiesByNameIn(Set<String>)} was "a
 * mutable collection: not a safe cache key"). Elements must be values whose equals is their value: strings, boxed
 * numbers, {@code java.util.UUID}, enums of the project.
 */
public final class CollectionKeys {
  private CollectionKeys() {}

  /**
   * The copy each declared collection makes. Lists only: a list's contract is its elements in order, each compared by
   * equals; a set's answer may depend on its class (hostile review 95: a case-insensitive {@code TreeSet}'s contains,
   * a {@code LinkedHashSet}'s order), which no copy keeps.
   */
  private static final Map<String, String> COPIES = Map.of("java.util.List", "java.util.ArrayList");
  /** Elements by simple name, each of java.lang (when no project type has the name). */
  private static final Map<String, String> ELEMENTS = Map.ofEntries(Map.entry("String", "java.lang.String"),
      Map.entry("Long", "java.lang.Long"), Map.entry("Integer", "java.lang.Integer"),
      Map.entry("Short", "java.lang.Short"), Map.entry("Byte", "java.lang.Byte"),
      Map.entry("Character", "java.lang.Character"), Map.entry("Boolean", "java.lang.Boolean"));
  /** Written qualified: a simple UUID may be a library's class the file imports. */
  private static final Set<String> QUALIFIED_ELEMENTS = Set.of("java.lang.String", "java.lang.Long", "java.lang.Integer",
      "java.lang.Short", "java.lang.Byte", "java.lang.Character", "java.lang.Boolean", "java.util.UUID");

  /** The JDK class whose copy of the parameter is its key part ({@code java.util.HashSet}), or empty. */
  public static Optional<String> copiedAs(ParamFact param, ProjectIndex index) {
    String copy = COPIES.get(param.qualifiedType());
    if (copy == null || param.varArgs() || ownLists(index)) {
      return Optional.empty();
    }
    ParseResult<ClassOrInterfaceType> parsed = new com.github.javaparser.JavaParser()
        .parseClassOrInterfaceType(param.type().strip());
    var arguments = parsed.getResult().flatMap(ClassOrInterfaceType::getTypeArguments).orElse(null);
    if (arguments == null || arguments.size() != 1 || !valueElement(arguments.get(0), index)) {
      return Optional.empty();
    }
    return Optional.of(copy);
  }

  /** Whether the project declares a list of its own, whose contains or order may be anything. */
  private static boolean ownLists(ProjectIndex index) {
    return index.types().stream().anyMatch(type -> !type.qualifiedName().startsWith("java.")
        && index.supertypesOf(type.qualifiedName()).stream().map(t -> t.replaceAll("<.*", ""))
            .anyMatch(t -> t.equals("java.util.List") || t.equals("java.util.AbstractList") || t.equals("java.util.ArrayList")
                || t.equals("java.util.LinkedList") || t.equals("java.util.Collection") || t.equals("java.util.AbstractCollection")));
  }

  private static boolean valueElement(Type element, ProjectIndex index) {
    if (!element.isClassOrInterfaceType() || element.asClassOrInterfaceType().getTypeArguments().isPresent()) {
      return false;
    }
    ClassOrInterfaceType type = element.asClassOrInterfaceType();
    String written = type.asString();
    if (QUALIFIED_ELEMENTS.contains(written)) {
      return true;
    }
    String simple = type.getNameAsString();
    var project = index.typesNamed(simple);
    if (type.getScope().isEmpty() && project.isEmpty()) {
      return ELEMENTS.containsKey(simple);
    }
    return project.size() == 1 && project.get(0).kind().equals("enum")
        && (type.getScope().isEmpty() || written.equals(project.get(0).qualifiedName()));
  }
}
