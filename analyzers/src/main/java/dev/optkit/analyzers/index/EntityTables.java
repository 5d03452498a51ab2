package dev.optkit.analyzers.index;

import dev.optkit.analyzers.facts.TypeFact;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The tables that reading a JPA entity may touch ({@link #addTables}): its own table, the tables of
 * every entity its associations reach (eager or lazy: a lazy one is read when touched), join tables
 * and element-collection tables; and the tables a save or delete of it writes ({@link #addWrittenTables}):
 * its own, the join tables it owns and what its cascades reach. Both are supersets by design: a name
 * too many evicts a cache once more, a name missing serves a stale answer.
 *
 * <p>Where a join or collection table's name is not written, each name JPA's and Spring Boot's
 * naming strategies give it is added (owner table or entity name, then the target's table or the
 * attribute's name); names compare without case and underscores. What cannot be told makes the
 * whole footprint unknown: an entity spread over several tables (secondary tables, inheritance),
 * Hibernate SQL in the mapping, a mapping optkit does not read (property access, embedded objects
 * holding more than columns: {@link EmbeddedMappings}),
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

  /** The entity's association and embedded fields, its superclasses' (a mapped superclass's) included. */
  Set<String> associationFields(TypeFact entity) {
    Set<String> fields = new HashSet<>();
    List<String> types = new ArrayList<>(List.of(entity.qualifiedName()));
    types.addAll(index.supertypesOf(entity.qualifiedName()));
    for (String each : types) {
      index.type(each).ifPresent(type -> {
        type.associations().forEach(a -> fields.add(a.field()));
        fields.addAll(type.embeddedFields());
      });
    }
    return fields;
  }

  /**
   * Adds the entity's own table (or tables) alone, for a query that reads its columns only ({@code SELECT
   * o.ownerId FROM Order o}): no association is loaded. False when it may touch tables beyond them.
   */
  boolean addOwnTables(TypeFact entity, Set<String> names) {
    Boolean mapped = mapped(entity, names, (table, association) -> true);
    return mapped != null && mapped;
  }

  /**
   * What a save or delete writes besides the entity's own table, as a refusal says it.
   *
   * @param known false when it may write tables beyond the names added
   * @param joinTables a join or collection table of an association the entity owns
   * @param joinColumns a target's table, whose foreign key a one-to-many the entity owns through a
   *     {@code @JoinColumn} sets
   * @param cascades the tables of targets its cascades reach
   * @param deletedWith the tables of entities whose to-one towards it carries Hibernate's {@code @OnDelete}
   */
  record Written(boolean known, boolean joinTables, boolean joinColumns, boolean cascades, boolean deletedWith) {

    /**
     * {@code its entity's table and the tables its cascades reach}: only what holds.
     *
     * @param schemaActions the schema's foreign keys (ON DELETE/UPDATE CASCADE, SET NULL...) reach further tables
     */
    String scope(boolean schemaActions) {
      List<String> parts = new ArrayList<>(List.of("its entity's table"));
      if (joinTables) {
        parts.add("the join tables it owns");
      }
      if (joinColumns) {
        parts.add("the tables holding its one-to-many's join column");
      }
      if (cascades) {
        parts.add("the tables its cascades reach");
      }
      if (deletedWith) {
        parts.add("the tables whose rows the database deletes with it (@OnDelete)");
      }
      if (schemaActions) {
        parts.add("the tables the schema's ON DELETE/UPDATE rules reach from those");
      }
      return parts.size() == 1 ? parts.get(0)
          : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
  }

  /** Collects which kinds of table a write reaches from its entity, not from the entities it cascades to. */
  private static final class Parts {
    boolean joinTables;
    boolean joinColumns;
    boolean cascades;
    boolean deletedWith;
  }

  /**
   * Adds the tables a save or delete of the entity writes (JPA's persist, merge or remove, Spring Data's save
   * and delete): its own table; the join and collection tables of the associations it owns (a many-to-many or
   * {@code @JoinTable} without {@code mappedBy}, an element collection, a one-to-many without {@code mappedBy}
   * and without {@code @JoinColumn}); the target's table of a one-to-many it owns through a {@code @JoinColumn},
   * whose foreign key its save sets; recursively, the write footprint of the targets of its writing cascades
   * ({@link TypeFact.Association#cascades}: any cascade type but DETACH and REFRESH, Hibernate's
   * {@code @Cascade}, {@code orphanRemoval}, {@code @OnDelete} on a collection), one rule for saves and deletes,
   * so a superset of each; and of the entities whose to-one towards it carries {@code @OnDelete}, whose rows the
   * database deletes with its own. Not the targets of its other associations: a to-one without cascade writes
   * only the owner's foreign key column, and an inverse side ({@code mappedBy}) writes nothing of the relation.
   * A change to a managed entity it reaches is written at the flush too, but as the write of the code that
   * changed it. What cannot be told makes it unknown, as for a read.
   */
  Written addWrittenTables(TypeFact entity, Set<String> names) {
    Parts parts = new Parts();
    boolean known = written(entity, names, new HashSet<>(), parts);
    return new Written(known, parts.joinTables, parts.joinColumns, parts.cascades, parts.deletedWith);
  }

  private boolean written(TypeFact entity, Set<String> names, Set<String> seen, Parts parts) {
    if (!seen.add(entity.qualifiedName())) {
      return true;
    }
    Boolean mapped = mapped(entity, names, (table, association) ->
        writtenAssociation(entity, table, association, names, seen, parts));
    if (mapped == null) {
      return false;
    }
    boolean known = mapped;
    for (TypeFact other : entities()) {
      for (TypeFact declaring : mappedTypes(other)) {
        for (TypeFact.Association association : declaring.associations()) {
          if (association.deletedWithTarget() && association.target().equals(entity.qualifiedName())) {
            parts.deletedWith = true;
            known &= written(other, names, seen, new Parts());
          }
        }
      }
    }
    return known;
  }

  private boolean writtenAssociation(TypeFact owner, String ownerTable, TypeFact.Association association,
      Set<String> names, Set<String> seen, Parts parts) {
    if (association.mappedBy() == null) { // the owning side writes the relation: its join table, or a join column
      if (TypeFact.UNRESOLVED.equals(association.joinTable())) {
        return false;
      }
      if (association.joinTable() != null) {
        names.add("table:" + DataFootprint.normalise(association.joinTable()));
        parts.joinTables = true;
      }
      if (association.mapping().equals("ElementCollection")) {
        if (association.joinTable() == null) {
          if (!defaultJoinTables(owner, ownerTable, List.of(association.field()), names)) {
            return false; // the entity's name, which the default join table takes, is not told
          }
        }
        parts.joinTables = true;
        // elements of a project type are embeddables, whose own mapping is not followed
        return index.type(association.target()).map(element -> element.kind().equals("enum")).orElse(true);
      }
      if (association.joinTable() == null && association.mapping().endsWith("ToMany")) {
        TypeFact target = index.type(association.target()).filter(DataFootprint.Reader::isEntity).orElse(null);
        String targetTable = target == null ? null : tableOf.apply(target);
        if (targetTable == null) {
          return false;
        }
        if (association.mapping().equals("OneToMany") && association.joinColumn()) {
          names.add("table:" + targetTable); // the owner's save sets the target's foreign key
          parts.joinColumns = true;
        } else {
          if (!defaultJoinTables(owner, ownerTable, List.of(targetTable, target.simpleName(), association.field()),
              names)) {
            return false; // the entity's name, which the default join table takes, is not told
          }
          parts.joinTables = true;
        }
      }
    }
    if (!association.cascades() || association.mapping().equals("ElementCollection")) {
      return true; // a to-one writes the owner's own foreign key column; an inverse side, nothing of the relation
    }
    TypeFact target = index.type(association.target()).filter(DataFootprint.Reader::isEntity).orElse(null);
    parts.cascades = true;
    return target != null && written(target, names, seen, new Parts());
  }

  private List<TypeFact> entities;

  private List<TypeFact> entities() {
    if (entities == null) {
      entities = new ArrayList<>();
      index.files().forEach(file -> file.types().stream().filter(DataFootprint.Reader::isEntity).forEach(entities::add));
    }
    return entities;
  }

  private boolean add(TypeFact entity, Set<String> names, Set<String> seen) {
    if (!seen.add(entity.qualifiedName())) {
      return true;
    }
    Boolean mapped = mapped(entity, names, (table, association) -> addAssociation(entity, table, association, names,
        target -> add(target, names, seen)));
    return mapped != null && mapped;
  }

  /**
   * Adds the tables of the instances loading the entity puts in a persistence context: its own, and those its eager
   * associations reach; a lazy one only where {@code lazyLoaded} says something may load it (an uninitialised
   * collection or proxy is no instance of its target). The inverse side of a one-to-one counts as eager: Hibernate
   * loads it to tell null from a proxy. False when it may load tables beyond them.
   */
  boolean addLoadedTables(TypeFact entity, Set<String> names,
      java.util.function.BiPredicate<TypeFact, TypeFact.Association> lazyLoaded) {
    return addLoaded(entity, names, new HashSet<>(), lazyLoaded);
  }

  private boolean addLoaded(TypeFact entity, Set<String> names, Set<String> seen,
      java.util.function.BiPredicate<TypeFact, TypeFact.Association> lazyLoaded) {
    if (!seen.add(entity.qualifiedName())) {
      return true;
    }
    Boolean mapped = mapped(entity, names, (table, association) ->
        !(association.eager() || association.mapping().equals("OneToOne") && association.mappedBy() != null
            || lazyLoaded.test(entity, association))
        || addAssociation(entity, table, association, names, target -> addLoaded(target, names, seen, lazyLoaded)));
    return mapped != null && mapped;
  }

  /** The tables of one association of an entity whose own table is given; false when it may touch more. */
  private interface AssociationTables {
    boolean add(String ownerTable, TypeFact.Association association);
  }

  /**
   * The entity's own table and, through {@code each}, its associations' (its mapped superclasses'
   * too): whether all it may touch is named; null, at once, when the entity itself may touch tables
   * beyond them (no table name, several tables, a mapping optkit does not read, a field that may be
   * mapped otherwise).
   */
  private Boolean mapped(TypeFact entity, Set<String> names, AssociationTables each) {
    String table = tableOf.apply(entity);
    if (table == null) {
      return null;
    }
    names.add("table:" + table);
    if (entity.hasAnnotation("org.springframework.data.mongodb.core.mapping.Document")) {
      return mongoDocumentAlone(entity) ? true : null;
    }
    if (spreadOverTables(entity) || index.ormXml().entity(entity.qualifiedName()).isPresent()) {
      return null;
    }
    boolean known = true;
    for (TypeFact declaring : mappedTypes(entity)) {
      if (!index.embeddedMappings().readWhole(declaring) || index.beyondMapping(declaring)) {
        return null;
      }
      Set<String> associated = new HashSet<>();
      for (TypeFact.Association association : declaring.associations()) {
        associated.add(association.field());
        known &= each.add(table, association);
      }
      for (var field : declaring.fieldTypes().entrySet()) {
        // a static field is the class's, never a column (dddsample's Location.UNKNOWN, an entity of its own type)
        if (!associated.contains(field.getKey()) && !declaring.transientFields().contains(field.getKey())
            && !declaring.staticFields().contains(field.getKey())
            && !oneColumn(declaring, field.getKey()) // a converted field: one column of the row (trial 48's F1)
            && index.embeddedMappings().mayBeMapped(field.getValue())
            && !index.embeddedMappings().columnsOnly(field.getValue())) {
          return null;
        }
      }
    }
    return known;
  }

  /**
   * Whether a converter or a Hibernate type stores the field as one column of its row: a library's, or a converter
   * of the project that holds no state and reaches no I/O (hostile review 50's C1: a converter Spring gives a
   * JdbcTemplate reads the tag table on every load).
   */
  private boolean oneColumn(TypeFact declaring, String field) {
    for (String converted : declaring.convertedFields()) {
      int named = converted.indexOf('=');
      if (!(named < 0 ? converted : converted.substring(0, named)).equals(field)) {
        continue;
      }
      if (named < 0) {
        return true;
      }
      String converter = converted.substring(named + 1);
      TypeFact own = index.type(converter).orElse(null);
      return own == null || own.fieldTypes().values().stream().allMatch(this::plainState)
          && index.methodsOfType(converter).stream().allMatch(method -> index.reachedIo(method).isEmpty());
    }
    return false;
  }

  /**
   * A converter's field that runs no code optkit cannot follow: a JDK value or collection, a Jackson mapper, or a
   * type of the project (whose calls the I/O reached counts); a function or a client of another library may query.
   */
  private boolean plainState(String fieldType) {
    String erased = fieldType.contains("<") ? fieldType.substring(0, fieldType.indexOf('<')) : fieldType;
    if (erased.startsWith("java.util.function.") || erased.startsWith("java.util.concurrent.")) {
      return false;
    }
    return !erased.contains(".") || erased.startsWith("java.lang.") || erased.startsWith("java.util.")
        || erased.startsWith("java.time.") || erased.startsWith("java.math.")
        || erased.startsWith("com.fasterxml.jackson.") || index.type(erased).isPresent();
  }

  private boolean addAssociation(TypeFact owner, String ownerTable, TypeFact.Association association,
      Set<String> names, java.util.function.Predicate<TypeFact> addTarget) {
    if (TypeFact.UNRESOLVED.equals(association.joinTable())) {
      return false;
    }
    if (association.joinTable() != null) {
      names.add("table:" + DataFootprint.normalise(association.joinTable()));
    }
    if (association.mapping().equals("ElementCollection")) {
      if (association.joinTable() == null) {
        if (!defaultJoinTables(owner, ownerTable, List.of(association.field()), names)) {
          return false; // the entity's name, which the default join table takes, is not told
        }
      }
      // elements of a project type are embeddables, whose own mapping is not followed
      return index.type(association.target()).map(element -> element.kind().equals("enum")).orElse(true);
    }
    TypeFact target = index.type(association.target()).filter(DataFootprint.Reader::isEntity).orElse(null);
    if (target == null || !addTarget.test(target)) {
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
        if (!defaultJoinTables(target, targetTable, List.of(ownerTable, owner.simpleName(), owning.field()), names)) {
          return false; // the entity's name, which the default join table takes, is not told
        }
      }
    } else if (association.joinTable() == null && association.mapping().endsWith("ToMany")) {
      // a many-to-many, or a one-to-many without a join column, goes through a join table by default
      if (!defaultJoinTables(owner, ownerTable, List.of(targetTable, target.simpleName(), association.field()), names)) {
        return false; // the entity's name, which the default join table takes, is not told
      }
    }
    return true;
  }

  /**
   * {owner's table, owner's entity name} x suffixes: the defaults of JPA, Hibernate and Spring Boot.
   *
   * @return false, adding none, where the entity's name is another file's constant
   */
  private static boolean defaultJoinTables(TypeFact owner, String ownerTable, List<String> suffixes, Set<String> names) {
    String entityName = owner.annotationValue("Entity", "name");
    if (TypeFact.UNRESOLVED.equals(entityName)) {
      return false;
    }
    for (String prefix : List.of(ownerTable, owner.simpleName(), entityName == null ? owner.simpleName() : entityName)) {
      for (String suffix : suffixes) {
        names.add("table:" + DataFootprint.normalise(prefix + "_" + suffix));
      }
    }
    return true;
  }

  /**
   * A MongoDB document is stored whole in its collection: the objects its fields hold (a JPA entity class included,
   * audit 9's s22) are sub-documents of it, not rows of their tables. It reaches another collection only through a
   * field holding another document class ({@code @DBRef}, {@code @DocumentReference}), or its subclasses' fields.
   */
  private boolean mongoDocumentAlone(TypeFact document) {
    if (index.hasSubtypes(document.qualifiedName())) {
      return false;
    }
    // a container's elements are not in the erased field types (@DBRef List<Customer>: hostile review 34's m5, m7):
    // with another document class in the project, a container or an Object may hold a reference to it
    boolean otherDocuments = index.types().stream().anyMatch(t -> !t.qualifiedName().equals(document.qualifiedName())
        && t.hasAnnotation("org.springframework.data.mongodb.core.mapping.Document"));
    return holdsNoOtherDocument(document.qualifiedName(), otherDocuments, new java.util.HashSet<>());
  }

  /**
   * The fields of a type and its supertypes, and of the project classes they hold (m6), name no other document. A
   * container's elements are the classes its declared type arguments name ({@link TypeFact#fieldTypeArguments}); with
   * none (a raw type), a bare wildcard or {@code Object} among them, a container may hold a reference to any other
   * document of the project (@DBRef List<Customer>: hostile review 34's m5, m7), as an {@code Object} field may.
   */
  private boolean holdsNoOtherDocument(String owner, boolean otherDocuments, Set<String> seen) {
    if (!seen.add(owner) || seen.size() > 64) {
      return seen.size() <= 64;
    }
    for (String ancestor : index.supertypesOf(owner)) {
      TypeFact fact = index.type(ancestor).orElse(null);
      if (fact == null) {
        continue;
      }
      for (Map.Entry<String, String> field : fact.fieldTypes().entrySet()) {
        if (fact.staticFields().contains(field.getKey())) {
          continue; // the class's, never stored in a document
        }
        String erased = field.getValue();
        int brackets = erased.indexOf('[');
        String named = brackets < 0 ? erased : erased.substring(0, brackets); // an array holds its element class
        List<String> arguments = fact.fieldTypeArguments().getOrDefault(field.getKey(), List.of());
        boolean container = named.startsWith("java.util.") && !named.equals("java.util.UUID")
            && !named.equals("java.util.Date") || named.equals("java.lang.Object");
        boolean elementsNamed = !arguments.isEmpty() && !arguments.contains("?") && !arguments.contains("java.lang.Object");
        if (container && otherDocuments && !elementsNamed) {
          return false;
        }
        List<String> held = new java.util.ArrayList<>(arguments);
        held.add(named);
        for (String type : held) {
          if (!sameDocument(type) || index.type(type).isPresent() && !holdsNoOtherDocument(type, otherDocuments, seen)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /**
   * Whether a type a document's field names is stored inside the document: a JDK or primitive value, BSON's, or a
   * project class that is no document and has no document subclass (hostile review 33's m1: a {@code @DBRef Party}
   * whose subclass {@code Customer} is a document). A type variable or another library's class may be anything (m2).
   */
  private boolean sameDocument(String named) {
    if (named.startsWith("java.") || named.startsWith("org.bson.") || !named.contains(".") && Character.isLowerCase(named.charAt(0))) {
      return true;
    }
    Optional<TypeFact> type = index.type(named);
    return type.isPresent() && !type.get().typeParameters().containsKey(named) && java.util.stream.Stream.concat(
        java.util.stream.Stream.of(named), index.subtypesOf(named).stream())
        .noneMatch(t -> index.type(t).map(f -> f.hasAnnotation("org.springframework.data.mongodb.core.mapping.Document"))
            .orElse(true));
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
}
