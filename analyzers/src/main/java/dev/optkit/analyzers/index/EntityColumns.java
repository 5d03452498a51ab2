package dev.optkit.analyzers.index;

import dev.optkit.analyzers.facts.MappingSql;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.facts.sites.SqlParsing;
import dev.optkit.analyzers.schema.SchemaIndexes;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Where an entity's properties are stored, as the project's schema scripts declare them: the entity's table and the
 * column of each of its plain properties. What cannot be told from the sources (a name from another file's constant, a
 * project naming strategy, an inherited entity's table, a property mapped through another object) is empty, never a
 * guess.
 */
final class EntityColumns {
  private final ProjectIndex index;

  EntityColumns(ProjectIndex index) {
    this.index = index;
  }

  /**
   * The table the entity alone is stored in, as the schema declares it, read as its columns are: no entity
   * among its project supertypes or subtypes (whose tables a query of it reads too, or whose columns it shares), no
   * mapping optkit does not read, no SQL of Hibernate's in its mapping that changes what a query of its table runs
   * ({@link MappingSql#ownReadsUntold}: {@code @Subselect}, {@code @ColumnTransformer} reading a column through a
   * function...; a restriction only where its condition is read, {@link #restriction}), none in a mapped superclass,
   * no Hibernate filter. SQL that only writes ({@code @SQLDelete} of a soft delete, auditing) or reads other tables
   * with the entity ({@code @Formula}) changes no query's conditions on its table.
   */
  Optional<SchemaIndexes.Table> table(TypeFact entity) {
    if (entity.mappingUnread() || MappingSql.ownReadsUntold(entity.mappingSql()) || entity.filtered()
        || MappingSql.readRestriction(entity.mappingSql()).isPresent() && restriction(entity).isEmpty()
        || index.supertypesOf(entity.qualifiedName()).stream().skip(1).map(index::type).flatMap(Optional::stream)
            .anyMatch(ancestor -> ancestor.hasAnnotation("MappedSuperclass") && (ancestor.filtered()
                || MappingSql.ownReadsUntold(ancestor.mappingSql())
                || MappingSql.readRestriction(ancestor.mappingSql()).isPresent()))
        || entity.hasAnnotation("SecondaryTable") || entity.hasAnnotation("SecondaryTables")
        || index.supertypesOf(entity.qualifiedName()).stream().skip(1)
            .anyMatch(ancestor -> index.type(ancestor).map(DataFootprint.Reader::isEntity).orElse(false))
        || index.subtypesOf(entity.qualifiedName()).stream().filter(sub -> !sub.equals(entity.qualifiedName()))
            .anyMatch(sub -> index.type(sub).map(DataFootprint.Reader::isEntity).orElse(false))) {
      return Optional.empty();
    }
    return index.footprints().tableName(entity).map(name -> name.substring("table:".length()))
        .flatMap(name -> index.schemaIndexes().table(name)); // its indexes not all read: the hints' question
  }

  /**
   * The condition a restriction on the entity ({@code @SQLRestriction}, {@code @Where}) adds to every query of its
   * table, as JSqlParser reads it, a new tree at each call (a caller may qualify its columns); empty for none, or for
   * one that is not a single condition on the entity's own row (a subquery, a clause after it), which makes the
   * entity's {@link #table} unknown.
   */
  Optional<Expression> restriction(TypeFact entity) {
    return MappingSql.readRestriction(entity.mappingSql()).flatMap(EntityColumns::condition);
  }

  private static Optional<Expression> condition(String text) {
    String select = "SELECT * FROM t WHERE ";
    try {
      if (SqlParsing.parse(select + text) instanceof PlainSelect plain && plain.getWhere() != null
          && plain.toString().equals(select + plain.getWhere())
          && new TablesNamesFinder<Void>().getTables(plain.getWhere()).isEmpty()) {
        return Optional.of(plain.getWhere());
      }
    } catch (Exception | StackOverflowError unreadable) {
      // no condition optkit can read: the table's queries are untold
    }
    return Optional.empty();
  }

  /**
   * The column a plain property of the entity (its own field or a mapped superclass's; not an association, an embedded
   * object, a static or transient field) is stored in, as the table writes it: the name its {@code @Column} gives, else
   * the one of the default namings (Spring Boot's snake case, JPA's field name) the table declares.
   */
  Optional<String> column(TypeFact entity, SchemaIndexes.Table table, String property) {
    TypeFact declaring = declaring(entity, property);
    if (declaring == null) {
      return Optional.empty();
    }
    String named = declaring.fieldColumns().get(property);
    if (TypeFact.UNRESOLVED.equals(named)) {
      return Optional.empty();
    }
    Set<String> candidates = new LinkedHashSet<>();
    if (named != null) {
      candidates.add(SchemaIndexes.column(named));
    } else if (index.footprints().namesByDefault()) {
      candidates.add(snakeCase(property));
      candidates.add(property.toLowerCase(Locale.ROOT));
    }
    candidates.retainAll(table.writtenColumns().keySet());
    return candidates.size() == 1 ? Optional.of(table.writtenColumn(candidates.iterator().next())) : Optional.empty();
  }

  /** Whether the property is text ({@code String}), which Spring Data's {@code AllIgnoreCase} upper-cases. */
  boolean text(TypeFact entity, String property) {
    TypeFact declaring = declaring(entity, property);
    String type = declaring == null ? null : declaring.fieldTypes().get(property);
    return "String".equals(type) || "java.lang.String".equals(type);
  }

  /** The property its {@code @Id} marks, of the entity or a mapped superclass; empty for none or a composite key. */
  Optional<String> idProperty(TypeFact entity) {
    java.util.List<String> ids = new java.util.ArrayList<>();
    for (String ancestor : index.supertypesOf(entity.qualifiedName())) {
      TypeFact type = index.type(ancestor).orElse(null);
      if (type != null && (type == entity || type.hasAnnotation("MappedSuperclass"))) {
        type.fieldAnnotations().forEach((field, annotations) -> {
          if (annotations.stream().anyMatch(a -> TypeFact.sameAnnotation(a, "Id"))) { // JPA's or Spring Data's
            ids.add(field);
          }
        });
      }
    }
    return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
  }

  /** The entity or mapped superclass declaring the property as a plain stored field; null for none. */
  private TypeFact declaring(TypeFact entity, String property) {
    for (String ancestor : index.supertypesOf(entity.qualifiedName())) {
      TypeFact type = index.type(ancestor).orElse(null);
      if (type == null || type != entity && !type.hasAnnotation("MappedSuperclass")) {
        continue;
      }
      if (type.fieldTypes().containsKey(property)) {
        boolean plain = !type.staticFields().contains(property) && !type.transientFields().contains(property)
            && !type.embeddedFields().contains(property)
            && type.associations().stream().noneMatch(association -> association.field().equals(property));
        return plain ? type : null;
      }
    }
    return null;
  }

  /**
   * The column Spring Boot's default naming strategy gives a property: an underscore where a lower-case letter is
   * followed by an upper-case one that a lower-case one follows ({@code emailAddress}: email_address; {@code userID}:
   * userid), all lower case.
   */
  static String snakeCase(String property) {
    StringBuilder name = new StringBuilder(property);
    for (int i = 1; i < name.length() - 1; i++) {
      if (Character.isLowerCase(name.charAt(i - 1)) && Character.isUpperCase(name.charAt(i))
          && Character.isLowerCase(name.charAt(i + 1))) {
        name.insert(i++, '_');
      }
    }
    return name.toString().toLowerCase(Locale.ROOT);
  }
}
