package dev.optkit.analyzers.facts;

import java.util.List;
import java.util.Map;

/**
 * A type declared in the project.
 *
 * @param superTypes qualified names (best effort) of extended and implemented types
 * @param annotations qualified names (best effort) of the type's annotations
 * @param fieldTypes qualified field types by field name
 * @param annotationValues literal values of the type's annotations by {@code qualifiedAnnotation#member}
 *     (several values joined by commas): {@code @Table(name)}, {@code @Path}, {@code @ComponentScan}...
 * @param superTypeArguments qualified type arguments of each generic supertype
 *     ({@code JpaRepository<Owner, Integer>} gives the entity a repository stores)
 * @param interfaces the implemented interfaces (of a class: a proxy of it implements these)
 * @param isFinal declared {@code final}: no subclass, so no class-based proxy
 * @param associations the JPA associations of an entity (empty for other types)
 * @param constructionReadsOutside a new object of it may start out holding state from outside its
 *     constructor's arguments (a static, a call): not a fresh value ({@code ConstructionState})
 * @param constructionConstants upper-case constants of other types its construction reads besides
 *     ({@code OrderStatus.PENDING}), as written: an enum's constant is a value, a {@code Holder.SHARED}
 *     list (or an enum's static one) is shared state; the index tells which
 * @param mappingUnread a JPA mapping optkit does not read: annotations on getters (property access),
 *     {@code @Access}
 * @param embeddedFields fields written {@code @Embedded} or {@code @EmbeddedId}: their columns are the
 *     entity's own when their type is an embeddable the project declares, whose mapping the index reads
 * @param sealedFields private final fields used only as the receiver of calls without arguments, with
 *     those calls' names ({@code SealedFields}): what the class keeps there, nothing outside it reaches
 * @param mappingSql what its mapping adds beyond its columns and associations ({@link MappingSql}): Hibernate SQL
 *     ({@code @Formula}, {@code @Subselect}, {@code @SQLRestriction}, {@code @SQLInsert}...), Envers {@code @Audited},
 *     entity listeners other than Spring's auditing one; empty for a type that is no entity, embeddable or mapped
 *     superclass
 * @param filtered a Hibernate {@code @Filter} or {@code @FilterJoinTable} on it: reads depend on the filters a
 *     session enables ({@code ProjectIndex#beyondMapping} counts it where the project enables any)
 * @param allFieldsFinal every instance field is {@code final} (a record's components, Lombok's {@code @Value}): with
 *     fields of immutable types and no subclass or superclass state, an object nobody can change
 * @param typeParameters the type's own type parameters in declaration order, each with its first bound
 *     qualified ("" for none): what a field or getter typed by one holds where no subclass binds it
 * @param returnedFields private fields used only to be returned by getters without parameters, besides their
 *     assignment in constructors, with those getters' names ({@code SealedFields.returnedOnly})
 * @param visibleEverywhere public, and so is every class it is nested in: code generated in another package (a
 *     cache configuration's weigher) may name it
 * @param transientFields fields JPA does not store: {@code @Transient} or Java's {@code transient}, sorted
 * @param privateFields the type's private fields, sorted: a subclass does not inherit them, so the same name there
 *     is another variable (a static import, an outer class's field)
 * @param jsonIgnored properties Jackson leaves out when it writes the type, sorted: fields marked {@code @JsonIgnore}
 *     or {@code @JsonBackReference}, getters marked {@code @JsonIgnore}, names a class-level
 *     {@code @JsonIgnoreProperties} lists
 * @param fieldCodeCalls the methods its field initialisers, initialiser blocks and enum constants call or hold as code
 * @param foreignFieldWrites the fields of other classes and objects its code assigns ({@code ForeignFieldWrites})
 * @param namedQueries the names of the named JPA queries it declares, {@code Type.*} for one not written as a literal
 *     ({@code this::rename}), by name, sorted: callers the call graph does not show
 * @param changingFields its own fields whose value or object its code changes after construction ({@code allowed} of
 *     {@code allow(r) { allowed.add(r); }}), sorted: state of its objects, however another class reads it
 * @param openFields its fields (record components included) holding an array or a JDK object code can change in place
 *     ({@code HashSet}, {@code Properties}...), unless every value its code gives them is unmodifiable ({@code
 *     OpenFields}), sorted: read directly through a shared object, state whoever changes it
 * @param reassignedFields its non-final fields, of any type, its own code assigns after construction, sorted
 * @param nonFinalStatics its static fields not declared final, which code anywhere may assign, sorted
 * @param fieldTypeArguments of each field whose type has type arguments, every class those name at any depth, qualified
 *     ({@code Map<Kind, List<Setting>>}: Kind, List, Setting), "?" for a wildcard without a bound; {@link #fieldTypes}
 *     holds the erased types only
 * @param lombokEqualsFields the fields the equals and hashCode Lombok writes for it read, sorted; null when Lombok writes
 *     none or its annotation names them in a form not read (then every field may be read)
 * @param staticFields its static fields, sorted: the class's state, not its objects' ({@link #fieldTypes} holds both)
 * @param fieldAnnotations of each field carrying annotations, their names (qualified where the file tells), in source
 *     order; the fields sorted ({@code @Mock ItemDao items}, {@code @MockitoBean RestTemplate rest})
 * @param annotationClassLiterals of each annotation on the type naming classes, the class literals it holds
 *     ({@code @MockitoBean(types = ItemDao.class)}), by the annotation's name, sorted
 * @param fieldColumns of each field whose {@code @Column} or {@code @JoinColumn} names its column, that name as written
 *     ({@link #UNRESOLVED} where it is not a literal this file holds), the fields sorted: the column a query of the
 *     property reads, where the naming strategy's default is not it
 * @param composedConstants its {@code static final} String fields made of other classes' constants ({@code
 *     Tables.ORDERS + " WHERE ..."}), by name, sorted: what {@link #textConstants} cannot hold, which the index reads
 *     through those classes' constants
 * @param enumConstants an enum's constants, in declaration order (empty for any other type): the values a property of
 *     its type can hold, and so the most a column mapping one can hold
 * @param enumsByName its fields JPA stores by their enum constant's name ({@code @Enumerated(EnumType.STRING)}), sorted
 * @param propertySwitches the properties Spring makes it a bean under ({@code @ConditionalOnProperty}, a placeholder's
 *     {@code @ConditionalOnExpression}); a condition whose members the file cannot read is not among them
 */
public record TypeFact(
    String qualifiedName,
    String kind,
    List<String> superTypes,
    List<String> annotations,
    Map<String, String> fieldTypes,
    boolean hasEqualsAndHashCode,
    SourceRange range,
    Map<String, String> annotationValues,
    Map<String, List<String>> superTypeArguments,
    List<String> interfaces,
    boolean isFinal,
    List<Association> associations,
    boolean constructionReadsOutside,
    boolean mappingUnread,
    List<MappingSql> mappingSql,
    List<String> constructionConstants,
    List<String> embeddedFields,
    Map<String, List<String>> sealedFields,
    boolean filtered,
    boolean allFieldsFinal,
    Map<String, String> typeParameters,
    Map<String, List<String>> returnedFields,
    boolean visibleEverywhere,
    List<String> transientFields,
    List<String> privateFields,
    List<String> jsonIgnored,
    List<String> fieldCodeCalls,
    List<String> foreignFieldWrites,
    List<String> namedQueries,
    Map<String, String> textConstants,
    List<String> convertedFields,
    List<String> nonFinalFields,
    List<String> changingFields,
    List<String> openFields,
    List<String> reassignedFields,
    List<String> nonFinalStatics,
    Map<String, List<String>> fieldTypeArguments,
    List<String> lombokEqualsFields,
    List<String> staticFields,
    Map<String, List<String>> fieldAnnotations,
    Map<String, List<ClassLiteral>> annotationClassLiterals,
    Map<String, String> fieldColumns,
    Map<String, ComposedText> composedConstants,
    List<String> enumConstants,
    List<String> enumsByName,
    List<PropertySwitch> propertySwitches,
    SqlScriptsRun sqlScripts) {

  /**
   * Whether reading or writing the entity may touch tables its columns and associations do not name: anything in
   * {@link #mappingSql}.
   */
  public boolean dataBeyondMapping() {
    return !mappingSql.isEmpty();
  }

  /** An annotation value written as an expression the extractor could not read (another file's constant). */
  public static final String UNRESOLVED = "\u0000unresolved";

  public TypeFact {
    associations = associations == null ? List.of() : associations; // facts cached before they existed
    mappingSql = mappingSql == null ? List.of() : mappingSql;
    constructionConstants = constructionConstants == null ? List.of() : constructionConstants;
    embeddedFields = embeddedFields == null ? List.of() : embeddedFields;
    sealedFields = sealedFields == null ? Map.of() : sealedFields;
    returnedFields = returnedFields == null ? Map.of() : returnedFields;
    transientFields = transientFields == null ? List.of() : transientFields;
    privateFields = privateFields == null ? List.of() : privateFields;
    nonFinalFields = nonFinalFields == null ? List.of() : nonFinalFields;
    changingFields = changingFields == null ? List.of() : changingFields;
    openFields = openFields == null ? List.of() : openFields;
    reassignedFields = reassignedFields == null ? List.of() : reassignedFields;
    nonFinalStatics = nonFinalStatics == null ? List.of() : nonFinalStatics;
    staticFields = staticFields == null ? List.of() : staticFields;
    fieldAnnotations = fieldAnnotations == null ? Map.of() : fieldAnnotations;
    annotationClassLiterals = annotationClassLiterals == null ? Map.of() : annotationClassLiterals;
    fieldColumns = fieldColumns == null ? Map.of() : fieldColumns;
    composedConstants = composedConstants == null ? Map.of() : composedConstants;
    enumConstants = enumConstants == null ? List.of() : enumConstants;
    enumsByName = enumsByName == null ? List.of() : enumsByName;
    propertySwitches = propertySwitches == null ? List.of() : propertySwitches;
    fieldTypeArguments = fieldTypeArguments == null ? Map.of() : fieldTypeArguments;
    jsonIgnored = jsonIgnored == null ? List.of() : jsonIgnored;
    fieldCodeCalls = fieldCodeCalls == null ? List.of() : fieldCodeCalls;
    foreignFieldWrites = foreignFieldWrites == null ? List.of() : foreignFieldWrites;
    namedQueries = namedQueries == null ? List.of() : namedQueries;
    textConstants = textConstants == null ? Map.of() : textConstants;
    convertedFields = convertedFields == null ? List.of() : convertedFields;
    typeParameters = typeParameters == null ? Map.of() : typeParameters;
  }

  /**
   * One association of an entity.
   *
   * @param mapping OneToMany, ManyToMany, ManyToOne, OneToOne or ElementCollection
   * @param eager fetched with its owner: explicitly, or by JPA's default for to-one associations
   * @param target the entity (or element type) at the other end, qualified
   * @param batched loaded in batches or a sub-select ({@code @BatchSize}, {@code @Fetch(SUBSELECT)})
   * @param joinTable the name its {@code @JoinTable} or {@code @CollectionTable} gives, null when it names none,
   *     {@link TypeFact#UNRESOLVED} when the name is not a literal
   * @param mappedBy the field of the other side that owns it ({@code mappedBy}), or null
   * @param cascades saving or deleting the owner may write the target too: a JPA {@code cascade} that is not
   *     only DETACH or REFRESH (a value optkit cannot read counts), Hibernate's {@code @Cascade} likewise,
   *     {@code orphanRemoval = true}, or Hibernate's {@code @OnDelete} on a collection (the database deletes
   *     the target's rows with the owner's)
   * @param deletedWithTarget Hibernate's {@code @OnDelete} on a to-one: the database deletes (or nulls) the
   *     owner's rows when the target's row is deleted
   * @param joinColumn a {@code @JoinColumn} (or {@code @JoinColumns}) names the association's foreign key: on a
   *     one-to-many without {@code mappedBy}, a column of the target's table the owner's save sets
   */
  public record Association(String field, String mapping, boolean eager, String target, boolean batched,
      String joinTable, String mappedBy, boolean cascades, boolean deletedWithTarget, boolean joinColumn) {

    /** An association whose table, owner and cascades are not told (orm.xml's). */
    public Association(String field, String mapping, boolean eager, String target, boolean batched) {
      this(field, mapping, eager, target, batched, TypeFact.UNRESOLVED, null, true, false, false);
    }

    public boolean toMany() {
      return mapping.endsWith("ToMany") || mapping.equals("ElementCollection");
    }

    /** The getter that reaches it: {@code getVisits()} for {@code visits}. */
    public String getter() {
      return "get" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }
  }

  /** An annotation member's literal value, by qualified or simple annotation name, or null. */
  public String annotationValue(String qualifiedOrSimple, String member) {
    for (var entry : annotationValues.entrySet()) {
      String key = entry.getKey();
      int hash = key.indexOf('#');
      String annotation = key.substring(0, hash);
      if (key.substring(hash + 1).equals(member) && AnnotationNames.matches(annotation, qualifiedOrSimple)) {
        return entry.getValue();
      }
    }
    return null;
  }

  public boolean hasAnnotation(String qualifiedOrSimple) {
    for (String annotation : annotations) {
      if (AnnotationNames.matches(annotation, qualifiedOrSimple)) {
        return true;
      }
    }
    return false;
  }

  /** Whether an annotation as a file wrote it ({@code RestController} after an on-demand import) is the one named. */
  public static boolean sameAnnotation(String written, String qualifiedOrSimple) {
    return AnnotationNames.matches(written, qualifiedOrSimple);
  }

  public boolean isInterface() {
    return "interface".equals(kind);
  }

  public String simpleName() {
    int dot = qualifiedName.lastIndexOf('.');
    return dot < 0 ? qualifiedName : qualifiedName.substring(dot + 1);
  }
}
