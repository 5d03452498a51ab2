package dev.optkit.analyzers.index;

import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.schema.SchemaIndexes;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The columns an entity stores a property of few values in: a project enum's (JPA's {@code @Enumerated}, ordinal by
 * default, a converter's, Spring Data JDBC's name) holds at most as many values as the enums mapped to it have
 * constants, a {@code boolean}'s two (null aside). A value another writer stores that none of these is could not be
 * read back into the entity. Only columns {@link EntityColumns} tells are counted: an entity sharing its table with
 * another, a name optkit cannot read, a mapping it does not follow give no count, never a guess.
 */
final class FewValuedColumns {
  private static final String BOOLEAN = "boolean";

  private FewValuedColumns() {}

  /** The index's schema with each such column's count of values ({@link SchemaIndexes.Table#valueCounts}). */
  static SchemaIndexes counted(ProjectIndex index) {
    SchemaIndexes schema = index.schemaIndexes();
    if (schema.declaresNothing()) {
      return schema;
    }
    EntityColumns columns = new EntityColumns(index);
    // by table, then column: the types stored there (two entities of one table may map two enums to one column)
    Map<String, Map<String, Set<String>>> stored = new TreeMap<>();
    for (TypeFact entity : index.types()) {
      if (!DataFootprint.Reader.isEntity(entity)) {
        continue;
      }
      Optional<SchemaIndexes.Table> table = columns.table(entity);
      if (table.isEmpty()) {
        continue;
      }
      for (String ancestor : index.supertypesOf(entity.qualifiedName())) {
        TypeFact declaring = index.type(ancestor).orElse(null);
        if (declaring == null || declaring != entity && !declaring.hasAnnotation("MappedSuperclass")) {
          continue;
        }
        declaring.fieldTypes().forEach((property, type) -> values(index, type).ifPresent(values -> columns
            .column(entity, table.get(), property).ifPresent(column -> stored
                .computeIfAbsent(table.get().name(), k -> new TreeMap<>())
                .computeIfAbsent(SchemaIndexes.column(column), k -> new TreeSet<>())
                .add(type.equals("java.lang.Boolean") ? BOOLEAN : type))));
      }
    }
    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    stored.forEach((table, byColumn) -> byColumn.forEach((column, types) -> counts
        .computeIfAbsent(table, k -> new TreeMap<>())
        .put(column, types.stream().mapToInt(type -> values(index, type).orElseThrow()).sum())));
    return schema.withValueCounts(counts);
  }

  /** How many values a property of the type can hold, null aside: a project enum's constants, a boolean's two. */
  private static java.util.OptionalInt values(ProjectIndex index, String type) {
    if (type.equals(BOOLEAN) || type.equals("java.lang.Boolean")) {
      return java.util.OptionalInt.of(2);
    }
    return index.type(type).filter(enumeration -> enumeration.kind().equals("enum"))
        .filter(enumeration -> !enumeration.enumConstants().isEmpty())
        .map(enumeration -> java.util.OptionalInt.of(enumeration.enumConstants().size()))
        .orElse(java.util.OptionalInt.empty());
  }
}
