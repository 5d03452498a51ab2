package dev.optkit.analyzers.index;

import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.schema.SchemaIndexes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The columns an entity stores a property of few values in: a project enum's (JPA's {@code @Enumerated}, ordinal by
 * default, a converter's, Spring Data JDBC's name) holds at most as many values as the enums mapped to it have
 * constants, a {@code boolean}'s two (null aside). A value another writer stores that none of these is could not be
 * read back into the entity. Only columns {@link EntityColumns} tells are counted: an entity sharing its table with
 * another, a name optkit cannot read, a mapping it does not follow give no count, never a guess.
 */
final class FewValuedColumns {
  private FewValuedColumns() {}

  /** The index's schema with each such column's values ({@link SchemaIndexes.Table#columnValues}). */
  static SchemaIndexes counted(ProjectIndex index) {
    SchemaIndexes schema = index.schemaIndexes();
    if (schema.declaresNothing()) {
      return schema;
    }
    EntityColumns columns = new EntityColumns(index);
    // by table, then column: what each property stored there holds (two entities of one table may map two enums to it)
    Map<String, Map<String, List<SchemaIndexes.ColumnValues>>> stored = new TreeMap<>();
    for (TypeFact entity : index.types()) {
      if (!DataFootprint.Reader.isEntity(entity)) {
        continue;
      }
      Optional<SchemaIndexes.Table> table = columns.table(entity);
      if (table.isEmpty()) {
        continue;
      }
      // Spring Data JDBC stores an enum by its name unless a converter says otherwise
      // (its @Table by its qualified name: JPA's has the same simple name)
      boolean namesByDefault = entity.annotations().contains("org.springframework.data.relational.core.mapping.Table");
      for (String ancestor : index.supertypesOf(entity.qualifiedName())) {
        TypeFact declaring = index.type(ancestor).orElse(null);
        if (declaring == null || declaring != entity && !declaring.hasAnnotation("MappedSuperclass")) {
          continue;
        }
        declaring.fieldTypes().entrySet().stream().filter(field -> !declaring.staticFields().contains(field.getKey()))
            .forEach(field -> values(index, declaring, field.getKey(), field.getValue(), namesByDefault)
            .ifPresent(values -> columns.column(entity, table.get(), field.getKey()).ifPresent(column -> {
              List<SchemaIndexes.ColumnValues> mapped = stored.computeIfAbsent(table.get().name(), k -> new TreeMap<>())
                  .computeIfAbsent(SchemaIndexes.column(column), k -> new ArrayList<>());
              if (!mapped.contains(values)) {
                mapped.add(values);
              }
            })));
      }
    }
    Map<String, Map<String, SchemaIndexes.ColumnValues>> bounded = new TreeMap<>();
    stored.forEach((table, byColumn) -> byColumn.forEach((column, mapped) -> bounded
        .computeIfAbsent(table, k -> new TreeMap<>()).put(column, together(mapped))));
    return schema.withColumnValues(bounded);
  }

  /** What several properties stored in one column hold together: every one's names, else as many as they count. */
  private static SchemaIndexes.ColumnValues together(List<SchemaIndexes.ColumnValues> mapped) {
    if (mapped.stream().allMatch(values -> !values.stored().isEmpty())) {
      List<String> names = mapped.stream().flatMap(values -> values.stored().stream()).distinct().sorted().toList();
      return new SchemaIndexes.ColumnValues(names.size(), names);
    }
    return new SchemaIndexes.ColumnValues(mapped.stream().mapToInt(SchemaIndexes.ColumnValues::count).sum(), List.of());
  }

  /**
   * What a property of the type can hold, null aside: a project enum's constants (their names where it is stored by
   * name and no converter maps it), a boolean's two values.
   */
  private static Optional<SchemaIndexes.ColumnValues> values(ProjectIndex index, TypeFact declaring, String property,
      String type, boolean namesByDefault) {
    if (type.equals("boolean") || type.equals("java.lang.Boolean")) {
      return Optional.of(new SchemaIndexes.ColumnValues(2, List.of()));
    }
    return index.type(type).filter(enumeration -> enumeration.kind().equals("enum"))
        .filter(enumeration -> !enumeration.enumConstants().isEmpty())
        .map(enumeration -> {
          boolean converted = declaring.convertedFields().stream()
              .anyMatch(field -> field.equals(property) || field.startsWith(property + "="));
          boolean byName = !converted && (declaring.enumsByName().contains(property) || namesByDefault);
          return new SchemaIndexes.ColumnValues(enumeration.enumConstants().size(),
              byName ? enumeration.enumConstants() : List.of());
        });
  }
}
