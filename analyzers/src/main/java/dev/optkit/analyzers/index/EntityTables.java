package dev.optkit.analyzers.index;

import dev.optkit.analyzers.facts.TypeFact;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The tables that reading or storing a JPA entity may touch: its own table, the tables of every
 * entity its associations reach (eager or lazy, cascaded or not: a lazy one is read when touched,
 * a cascaded one written on save), join tables and element-collection tables. It is a superset by
 * design: a name too many evicts a cache once more, a name missing serves a stale answer.
 *
 * <p>Where a join or collection table's name is not written, each name JPA's and Spring Boot's
 * naming strategies give it is added (owner table or entity name, then the target's table or the
 * attribute's name); names compare without case and underscores. What cannot be told makes the
 * whole footprint unknown: an entity spread over several tables (secondary tables, inheritance),
 * Hibernate SQL in the mapping, a mapping optkit does not read (property access, embedded objects),
 * a field that may be mapped but is no association optkit knows, a table name that is not a literal.
 */
final class EntityTables {
  private final ProjectIndex index;
  /** The table an entity is stored in, normalised, or null when it cannot be told. */
  private final Function<TypeFact, String> tableOf;

  EntityTables(ProjectIndex index, Function<TypeFact, String> tableOf) {
    this.index = index;
    this.tableOf = tableOf;
  }

  /** Adds {@code table:} names to {@code names}; false when the entity may touch tables beyond them. */
  boolean addTables(TypeFact entity, Set<String> names) {
    return add(entity, names, new HashSet<>());
  }

  private boolean add(TypeFact entity, Set<String> names, Set<String> seen) {
    if (!seen.add(entity.qualifiedName())) {
      return true;
    }
    String table = tableOf.apply(entity);
    if (table == null) {
      return false;
    }
    names.add("table:" + table);
    if (spreadOverTables(entity) || index.ormXml().entity(entity.qualifiedName()).isPresent()) {
      return false;
    }
    boolean known = true;
    for (TypeFact declaring : mappedTypes(entity)) {
      if (declaring.mappingUnread() || declaring.dataBeyondMapping()) {
        return false;
      }
      Set<String> associated = new HashSet<>();
      for (TypeFact.Association association : declaring.associations()) {
        associated.add(association.field());
        known &= addAssociation(entity, table, association, names, seen);
      }
      for (var field : declaring.fieldTypes().entrySet()) {
        if (!associated.contains(field.getKey()) && mayBeMapped(field.getValue())) {
          return false;
        }
      }
    }
    return known;
  }

  private boolean addAssociation(TypeFact owner, String ownerTable, TypeFact.Association association,
      Set<String> names, Set<String> seen) {
    if (TypeFact.UNRESOLVED.equals(association.joinTable())) {
      return false;
    }
    if (association.joinTable() != null) {
      names.add("table:" + DataFootprint.normalise(association.joinTable()));
    }
    if (association.mapping().equals("ElementCollection")) {
      if (association.joinTable() == null) {
        defaultJoinTables(owner, ownerTable, List.of(association.field()), names);
      }
      // elements of a project type are embeddables, whose own mapping is not followed
      return index.type(association.target()).map(element -> element.kind().equals("enum")).orElse(true);
    }
    TypeFact target = index.type(association.target()).filter(DataFootprint.Reader::isEntity).orElse(null);
    if (target == null || !add(target, names, seen)) {
      return false;
    }
    String targetTable = tableOf.apply(target);
    if (association.mappedBy() != null) {
      // the other side owns the join: its join table, or its foreign key in the target's table
      TypeFact.Association owning = mappedTypes(target).stream().flatMap(t -> t.associations().stream())
          .filter(a -> a.field().equals(association.mappedBy())).findFirst().orElse(null);
      if (owning == null || TypeFact.UNRESOLVED.equals(owning.joinTable())) {
        return false;
      }
      if (owning.joinTable() != null) {
        names.add("table:" + DataFootprint.normalise(owning.joinTable()));
      } else if (owning.mapping().equals("ManyToMany")) {
        defaultJoinTables(target, targetTable, List.of(ownerTable, owner.simpleName(), owning.field()), names);
      }
    } else if (association.joinTable() == null && association.mapping().endsWith("ToMany")) {
      // a many-to-many, or a one-to-many without a join column, goes through a join table by default
      defaultJoinTables(owner, ownerTable, List.of(targetTable, target.simpleName(), association.field()), names);
    }
    return true;
  }

  /** {owner's table, owner's entity name} x suffixes: the defaults of JPA, Hibernate and Spring Boot. */
  private static void defaultJoinTables(TypeFact owner, String ownerTable, List<String> suffixes, Set<String> names) {
    String entityName = owner.annotationValue("Entity", "name");
    for (String prefix : List.of(ownerTable, owner.simpleName(), entityName == null ? owner.simpleName() : entityName)) {
      for (String suffix : suffixes) {
        names.add("table:" + DataFootprint.normalise(prefix + "_" + suffix));
      }
    }
  }

  /** The entity and the mapped superclasses whose fields it inherits. */
  private List<TypeFact> mappedTypes(TypeFact entity) {
    List<TypeFact> types = new ArrayList<>(List.of(entity));
    index.supertypesOf(entity.qualifiedName()).stream().skip(1) // itself first
        .flatMap(ancestor -> index.type(ancestor).stream())
        .filter(ancestor -> ancestor.hasAnnotation("MappedSuperclass"))
        .forEach(types::add);
    return types;
  }

  /** Secondary tables and inheritance spread one entity over several tables. */
  private boolean spreadOverTables(TypeFact entity) {
    return entity.hasAnnotation("SecondaryTable") || entity.hasAnnotation("SecondaryTables")
        || entity.hasAnnotation("Inheritance") || index.hasSubtypes(entity.qualifiedName())
        || index.supertypesOf(entity.qualifiedName()).stream().skip(1)
            .anyMatch(ancestor -> index.type(ancestor).map(DataFootprint.Reader::isEntity).orElse(false));
  }

  private static final Set<String> VALUE_TYPES_OF_JAVA_UTIL = Set.of("java.util.UUID", "java.util.Date",
      "java.util.Locale", "java.util.Currency", "java.util.Calendar", "java.util.TimeZone");

  /**
   * A field that is no association optkit read but may still map other tables: a collection or map
   * (an element collection without its annotation), an entity, a project class (an embeddable).
   */
  private boolean mayBeMapped(String fieldType) {
    String erased = fieldType.contains("<") ? fieldType.substring(0, fieldType.indexOf('<')) : fieldType;
    if (erased.startsWith("java.util.")) {
      return !VALUE_TYPES_OF_JAVA_UTIL.contains(erased);
    }
    return index.type(erased).map(type -> !type.kind().equals("enum")).orElse(false);
  }
}
