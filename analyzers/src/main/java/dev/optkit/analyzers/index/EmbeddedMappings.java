package dev.optkit.analyzers.index;

import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.facts.TypeFact;
import java.util.Set;

/**
 * The embedded objects of JPA entities. An {@code @Embedded} field, or a field whose type the project
 * declares {@code @Embeddable}, keeps its columns in the entity's own table: reading or writing the
 * entity touches no other table through it, so long as the embeddable holds columns only (no
 * association, no element collection, no mapping on getters, no Hibernate SQL, no project supertype
 * or subtype). Such an object is
 * read with its row, so it is no lazy association either. Anything else embedded (a library's
 * embeddable, one with associations) leaves the entity's mapping unread.
 */
public final class EmbeddedMappings {
  /** Nesting followed before giving up: embeddables inside embeddables are rare beyond two. */
  private static final int MAX_DEPTH = 4;

  private static final Set<String> VALUE_TYPES_OF_JAVA_UTIL = Set.of("java.util.UUID", "java.util.Date",
      "java.util.Locale", "java.util.Currency", "java.util.Calendar", "java.util.TimeZone");

  private final ProjectIndex index;

  EmbeddedMappings(ProjectIndex index) {
    this.index = index;
  }

  /**
   * Whether optkit reads the entity's (or mapped superclass's) mapping whole: none on getters or through
   * {@code @Access}, and each field written {@code @Embedded} an embeddable of the project holding columns only.
   */
  public boolean readWhole(TypeFact type) {
    return !type.mappingUnread() && type.embeddedFields().stream()
        .allMatch(field -> type.fieldTypes().containsKey(field) && columnsOnly(type.fieldTypes().get(field), 0))
        // a field of an embeddable type is embedded, written @Embedded or not
        && type.fieldTypes().values().stream().filter(this::embeddable).allMatch(field -> columnsOnly(field, 0));
  }

  private boolean embeddable(String fieldType) {
    return index.type(TypeNames.raw(fieldType)).filter(type -> type.hasAnnotation("Embeddable")).isPresent();
  }

  /** A field's type that is an embeddable of the project holding only columns, whatever the nesting. */
  public boolean columnsOnly(String fieldType) {
    return columnsOnly(fieldType, 0);
  }

  private boolean columnsOnly(String fieldType, int depth) {
    TypeFact embeddable = index.type(TypeNames.raw(fieldType)).orElse(null);
    if (embeddable == null || depth > MAX_DEPTH || !embeddable.hasAnnotation("Embeddable")
        || embeddable.mappingUnread() || index.beyondMapping(embeddable) || !embeddable.associations().isEmpty()) {
      return false;
    }
    // a mapped superclass it extends may hold associations, and an embeddable subtype (Hibernate 6.6) columns
    // and associations of its own, either of which the row may hold instead
    String name = embeddable.qualifiedName();
    if (index.hasSubtypes(name) || index.supertypesOf(name).stream().skip(1).anyMatch(s -> index.type(s).isPresent())) {
      return false;
    }
    return embeddable.fieldTypes().values().stream()
        .allMatch(inner -> !mayBeMapped(inner) || columnsOnly(inner, depth + 1));
  }

  /**
   * A field that is no association optkit read but may still map other tables: a collection or map
   * (an element collection without its annotation), an entity, a project class (an embeddable).
   */
  boolean mayBeMapped(String fieldType) {
    String erased = TypeNames.raw(fieldType);
    if (erased.startsWith("java.util.")) {
      return !VALUE_TYPES_OF_JAVA_UTIL.contains(erased);
    }
    return index.type(erased).map(type -> !type.kind().equals("enum")).orElse(false);
  }

}
