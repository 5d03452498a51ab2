package dev.optkit.analyzers.facts.types;

import dev.optkit.analyzers.facts.MappingSql;
import dev.optkit.analyzers.facts.Subtrees;

import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.optkit.analyzers.facts.TypeFact;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The associations a JPA entity maps, from its field annotations: which kind, whether they are
 * fetched eagerly (explicitly, or by JPA's default: to-one eager, to-many lazy), the entity at the
 * other end, and whether Hibernate batches or sub-selects their loading ({@code @BatchSize},
 * {@code @Fetch(SUBSELECT)}), which turns one query per owner into one per batch; and what a write of the
 * owner writes with it: its cascades, Hibernate's {@code @OnDelete}, a {@code @JoinColumn}.
 */
public final class EntityAssociations {
  private static final Set<String> ENTITY = Set.of("Entity", "MappedSuperclass");
  private static final Map<String, Boolean> EAGER_BY_DEFAULT = Map.of(
      "OneToMany", false, "ManyToMany", false, "ElementCollection", false, "ManyToOne", true, "OneToOne", true);

  private EntityAssociations() {
  }

  /** @param qualify a type as written to its qualified name */
  public static List<TypeFact.Association> of(TypeDeclaration<?> type, Function<Type, String> qualify) {
    // an embeddable's associations are its owner's, read from the owner's row; optkit follows none of them
    if (type.getAnnotations().stream().noneMatch(a -> ENTITY.contains(a.getName().getIdentifier())
        || a.getName().getIdentifier().equals("Embeddable"))) {
      return List.of();
    }
    // the mapped members: fields, and getters carrying a mapping (property access: a trial's juddi maps every entity so)
    List<MappedMember> members = new ArrayList<>();
    for (FieldDeclaration field : type.getFields()) {
      for (VariableDeclarator variable : field.getVariables()) {
        members.add(new MappedMember(field.getAnnotations(), variable.getNameAsString(), variable.getType()));
      }
    }
    for (com.github.javaparser.ast.body.MethodDeclaration method : type.getMethods()) {
      String name = method.getNameAsString();
      if (method.getParameters().isEmpty() && !method.isStatic() && name.length() > 3 && name.startsWith("get")
          && method.getAnnotations().stream().anyMatch(a -> EAGER_BY_DEFAULT.containsKey(a.getName().getIdentifier()))) {
        members.add(new MappedMember(method.getAnnotations(), java.beans.Introspector.decapitalize(name.substring(3)),
            method.getType()));
      }
    }
    List<TypeFact.Association> found = new ArrayList<>();
    for (MappedMember field : members) {
      for (AnnotationExpr annotation : field.annotations()) {
        String mapping = annotation.getName().getIdentifier();
        if (!EAGER_BY_DEFAULT.containsKey(mapping)) {
          continue;
        }
        boolean eager = EAGER_BY_DEFAULT.get(mapping);
        String mappedBy = null;
        boolean cascades = false;
        if (annotation instanceof NormalAnnotationExpr normal) {
          for (var pair : normal.getPairs()) {
            if (pair.getNameAsString().equals("fetch")) {
              String value = pair.getValue().toString();
              eager = value.endsWith("EAGER") || !value.endsWith("LAZY") && eager;
            } else if (pair.getNameAsString().equals("mappedBy")) {
              mappedBy = literal(pair.getValue());
            } else if (pair.getNameAsString().equals("cascade")) {
              cascades |= writingCascade(pair.getValue());
            } else if (pair.getNameAsString().equals("orphanRemoval")) {
              cascades |= !pair.getValue().toString().equals("false");
            }
          }
        }
        boolean onDelete = false;
        boolean joinColumn = false;
        for (AnnotationExpr other : field.annotations()) {
          String name = other.getName().getIdentifier();
          if (name.equals("Cascade")) { // org.hibernate.annotations.Cascade
            cascades |= other instanceof SingleMemberAnnotationExpr single ? writingCascade(single.getMemberValue())
                : other instanceof NormalAnnotationExpr normal ? normal.getPairs().stream()
                    .anyMatch(p -> p.getNameAsString().equals("value") && writingCascade(p.getValue()))
                : false;
          } else if (name.equals("OnDelete")) { // org.hibernate.annotations.OnDelete: the schema's ON DELETE
            onDelete = !other.toString().contains("NO_ACTION");
          } else if (name.equals("JoinColumn") || name.equals("JoinColumns")) {
            joinColumn = true;
          }
        }
        boolean toOne = mapping.endsWith("ToOne");
        cascades |= onDelete && !toOne;
        boolean deletedWithTarget = onDelete && toOne;
        String joinTable = null;
        for (AnnotationExpr table : field.annotations()) {
          if (JOIN_TABLES.contains(table.getName().getIdentifier())) {
            joinTable = member(table, "name");
          }
        }
        // Hibernate's own: a join fetch, or laziness switched off, loads the association with its owner
        eager |= field.annotations().stream().anyMatch(a -> a.getName().getIdentifier().equals("Fetch")
                && a.toString().contains("JOIN")
            || (a.getName().getIdentifier().equals("LazyCollection") || a.getName().getIdentifier().equals("LazyToOne"))
                && a.toString().contains("FALSE"));
        boolean batched = field.annotations().stream().anyMatch(a -> a.getName().getIdentifier().equals("BatchSize")
            || a.getName().getIdentifier().equals("Fetch") && a.toString().contains("SUBSELECT"));
        if (found.stream().noneMatch(known -> known.field().equals(field.name()))) { // mapped on its field and getter
          found.add(new TypeFact.Association(field.name(), mapping, eager, qualify.apply(elementType(field.type())),
              batched, joinTable, mappedBy, cascades, deletedWithTarget, joinColumn));
        }
      }
    }
    return List.copyOf(found);
  }

  /** A field's variable, or a getter's property, with the annotations mapping it. */
  private record MappedMember(List<AnnotationExpr> annotations, String name, Type type) {}

  private static final Set<String> JOIN_TABLES = Set.of("JoinTable", "CollectionTable");

  /** Cascade types that write nothing: JPA's DETACH and REFRESH, Hibernate's EVICT. */
  private static final Set<String> NOT_WRITING = Set.of("DETACH", "REFRESH", "EVICT");

  /**
   * Whether a {@code cascade} value ({@code CascadeType.ALL}, {@code {PERSIST, MERGE}}) names a type that
   * writes: PERSIST, MERGE, REMOVE, ALL, or Hibernate's SAVE_UPDATE, DELETE, REPLICATE, LOCK (a forced version
   * increment)... Anything but a list of DETACH, REFRESH and EVICT counts, a constant optkit cannot read too.
   */
  private static boolean writingCascade(Expression value) {
    List<Expression> types = value instanceof ArrayInitializerExpr array ? array.getValues() : List.of(value);
    return types.stream().anyMatch(type -> {
      String written = type.toString();
      return !NOT_WRITING.contains(written.substring(written.lastIndexOf('.') + 1));
    });
  }

  /** A member's string literal; UNRESOLVED for anything else (a constant, a concatenation); null when absent. */
  private static String member(AnnotationExpr annotation, String name) {
    if (annotation instanceof NormalAnnotationExpr normal) {
      for (var pair : normal.getPairs()) {
        if (pair.getNameAsString().equals(name)) {
          return literal(pair.getValue());
        }
      }
      return null;
    }
    return annotation.isSingleMemberAnnotationExpr() ? TypeFact.UNRESOLVED : null; // @JoinTable has no value member
  }

  private static String literal(Expression value) {
    return value instanceof StringLiteralExpr text ? text.asString() : TypeFact.UNRESOLVED;
  }

  /**
   * Mapping that reads or writes beyond the entity's columns and associations, by annotation: Hibernate's SQL
   * annotations, Envers auditing. Entity listeners and auto-enabled filters are read apart ({@link #mappingSql}).
   */
  private static final Map<String, MappingSql.Kind> SQL_MAPPINGS = Map.ofEntries(
      Map.entry("Where", MappingSql.Kind.RESTRICTION), Map.entry("SQLRestriction", MappingSql.Kind.RESTRICTION),
      Map.entry("SoftDelete", MappingSql.Kind.RESTRICTION),
      Map.entry("WhereJoinTable", MappingSql.Kind.JOIN_TABLE_RESTRICTION),
      Map.entry("SQLJoinTableRestriction", MappingSql.Kind.JOIN_TABLE_RESTRICTION),
      Map.entry("Formula", MappingSql.Kind.FORMULA), Map.entry("JoinFormula", MappingSql.Kind.FORMULA),
      Map.entry("Subselect", MappingSql.Kind.SUBSELECT),
      Map.entry("Loader", MappingSql.Kind.CUSTOM_LOAD), Map.entry("SQLSelect", MappingSql.Kind.CUSTOM_LOAD),
      Map.entry("HQLSelect", MappingSql.Kind.CUSTOM_LOAD),
      Map.entry("SQLInsert", MappingSql.Kind.CUSTOM_WRITE), Map.entry("SQLUpdate", MappingSql.Kind.CUSTOM_WRITE),
      Map.entry("SQLDelete", MappingSql.Kind.CUSTOM_WRITE), Map.entry("SQLDeleteAll", MappingSql.Kind.CUSTOM_WRITE),
      Map.entry("ColumnTransformer", MappingSql.Kind.COLUMN_TRANSFORMER),
      Map.entry("ColumnTransformers", MappingSql.Kind.COLUMN_TRANSFORMER),
      Map.entry("DiscriminatorFormula", MappingSql.Kind.DISCRIMINATOR_FORMULA),
      Map.entry("Any", MappingSql.Kind.ANY), Map.entry("ManyToAny", MappingSql.Kind.ANY),
      Map.entry("Audited", MappingSql.Kind.AUDITED));

  private static final Set<String> NAMED_QUERIES = Set.of("NamedQuery", "NamedQueries", "NamedNativeQuery",
      "NamedNativeQueries");

  /**
   * The names of the named queries a type declares ({@code @NamedQuery(name = "Kind.byName", ...)}), sorted;
   * {@code Kind.*} for one whose name is no literal. They change nothing of the entity's other reads: only a query run by its name (a
   * repository method {@code Kind.byName}) reads what its text joins (audit 15's S26: an unused named query made every
   * read of the entity, and of entities reaching it, read "tables optkit cannot tell").
   */
  public static List<String> namedQueries(TypeDeclaration<?> type) {
    java.util.TreeSet<String> names = new java.util.TreeSet<>();
    // a name written as a constant (name = Kind.BY_NAME) is taken for any of the entity's own: Spring Data's names
    String unread = type.getNameAsString() + ".*";
    for (AnnotationExpr annotation : type.getAnnotations()) {
      if (!NAMED_QUERIES.contains(annotation.getName().getIdentifier())) {
        continue;
      }
      for (AnnotationExpr named : Subtrees.all(annotation, AnnotationExpr.class)) {
        String identifier = named.getName().getIdentifier();
        if (!identifier.equals("NamedQuery") && !identifier.equals("NamedNativeQuery")) {
          continue;
        }
        String name = named instanceof com.github.javaparser.ast.expr.NormalAnnotationExpr normal
            ? normal.getPairs().stream().filter(pair -> pair.getNameAsString().equals("name"))
                .map(pair -> pair.getValue() instanceof StringLiteralExpr text ? text.asString() : unread)
                .findFirst().orElse(unread)
            : unread;
        names.add(name);
      }
    }
    return List.copyOf(names);
  }

  /**
   * What the mapping of a type adds beyond its columns and associations, in source order (the type's own annotations
   * first, then its members'). The one reader of it: the SQL a query of the entity runs and the data a read or write of
   * it may touch are both told from this. Read on every type, not only those annotated {@code @Entity}: an entity
   * {@code orm.xml} maps carries Hibernate's annotations without it. The caching proofs and the hints ask an entity's;
   * the loop rewrite asks its supertypes' too, where another library's annotation of one of these simple names refuses
   * the rewrite (a refusal, never a wrong rewrite).
   */
  public static List<MappingSql> mappingSql(TypeDeclaration<?> type) {
    List<MappingSql> mapping = new ArrayList<>();
    read(type.getAnnotations(), "", mapping);
    for (var member : type.getMembers()) {
      String name = member instanceof FieldDeclaration field && !field.getVariables().isEmpty()
          ? field.getVariable(0).getNameAsString()
          : member instanceof com.github.javaparser.ast.body.CallableDeclaration<?> callable ? callable.getNameAsString()
          : member instanceof TypeDeclaration<?> nested ? nested.getNameAsString() : "?";
      read(member.getAnnotations(), name, mapping);
    }
    return List.copyOf(mapping);
  }

  private static void read(List<AnnotationExpr> annotations, String member, List<MappingSql> mapping) {
    for (AnnotationExpr annotation : annotations) {
      String name = annotation.getName().getIdentifier();
      MappingSql.Kind kind = SQL_MAPPINGS.get(name);
      if (kind != null) {
        mapping.add(new MappingSql(kind, name, member, kind == MappingSql.Kind.RESTRICTION ? condition(annotation) : null));
      } else if (name.equals("EntityListeners") && !onlySpringAuditing(annotation)) {
        mapping.add(new MappingSql(MappingSql.Kind.LISTENER, name, member, null));
      } else if ((name.equals("FilterDef") || name.equals("FilterDefs")) && autoEnabled(annotation)) {
        // Hibernate 6.5's filters on in every session
        mapping.add(new MappingSql(MappingSql.Kind.AUTO_FILTER, name, member, null));
      }
    }
  }

  /** A {@code @FilterDef} (or one in {@code @FilterDefs}) with {@code autoEnabled} not written {@code false}. */
  private static boolean autoEnabled(AnnotationExpr annotation) {
    return Subtrees.all(annotation, NormalAnnotationExpr.class).stream().flatMap(def -> def.getPairs().stream())
        .anyMatch(pair -> pair.getNameAsString().equals("autoEnabled")
            && !(pair.getValue() instanceof com.github.javaparser.ast.expr.BooleanLiteralExpr literal && !literal.getValue()));
  }

  /**
   * A restriction's condition: {@code @SQLRestriction}'s value, {@code @Where}'s {@code clause}, a {@code @SoftDelete}
   * with its defaults; {@link TypeFact#UNRESOLVED} where it is not one string literal.
   */
  private static String condition(AnnotationExpr annotation) {
    if (annotation.getName().getIdentifier().equals("SoftDelete")) {
      // Hibernate 6.4's defaults: a boolean column "deleted", false while the row is not deleted; any member (another
      // column, the ACTIVE or TIMESTAMP strategy, a converter) is not read
      return annotation instanceof com.github.javaparser.ast.expr.MarkerAnnotationExpr
          || annotation instanceof NormalAnnotationExpr normal && normal.getPairs().isEmpty()
          ? "deleted = false" : TypeFact.UNRESOLVED;
    }
    Expression value = annotation instanceof SingleMemberAnnotationExpr single ? single.getMemberValue()
        : annotation instanceof NormalAnnotationExpr normal ? normal.getPairs().stream()
            .filter(pair -> pair.getNameAsString().equals("value") || pair.getNameAsString().equals("clause"))
            .map(com.github.javaparser.ast.expr.MemberValuePair::getValue).findFirst().orElse(null)
        : null;
    return value instanceof StringLiteralExpr text ? text.asString()
        : value instanceof com.github.javaparser.ast.expr.TextBlockLiteralExpr block ? block.asString()
        : TypeFact.UNRESOLVED;
  }

  /** Hibernate's filters: they change what a read returns only in a session that enables them. */
  private static final Set<String> FILTERS = Set.of("Filter", "Filters", "FilterJoinTable", "FilterJoinTables");

  /**
   * Whether the entity or embeddable carries a Hibernate {@code @Filter} (or {@code @FilterJoinTable}): a
   * condition, with parameters, on what its reads return in a session that enables it, which no cache key covers.
   */
  public static boolean filtered(TypeDeclaration<?> type) {
    List<AnnotationExpr> all = new ArrayList<>(type.getAnnotations());
    type.getMembers().forEach(member -> all.addAll(member.getAnnotations()));
    return all.stream().anyMatch(a -> FILTERS.contains(a.getName().getIdentifier()));
  }

  /** {@code @EntityListeners(AuditingEntityListener.class)}: Spring Data's listener sets audit columns only. */
  private static boolean onlySpringAuditing(AnnotationExpr annotation) {
    if (!(annotation instanceof SingleMemberAnnotationExpr single)) {
      return false;
    }
    List<Expression> listeners = single.getMemberValue() instanceof ArrayInitializerExpr array
        ? array.getValues() : List.of(single.getMemberValue());
    return !listeners.isEmpty() && listeners.stream().allMatch(listener -> listener instanceof ClassExpr type
        && type.getType() instanceof ClassOrInterfaceType named && named.getName().getIdentifier().equals("AuditingEntityListener"));
  }

  private static final Set<String> PROPERTY_MAPPINGS = Set.of("Id", "EmbeddedId", "OneToMany", "ManyToMany",
      "ManyToOne", "OneToOne", "ElementCollection", "Embedded", "Column", "Basic", "Transient", "JoinColumn");

  /**
   * An entity whose mapping {@link #of} cannot see whole: annotations on its getters (property
   * access), or {@code @Access}. Embedded objects are the index's to follow ({@link #embeddedFields}).
   */
  public static boolean mappingUnread(TypeDeclaration<?> type) {
    if (type.getAnnotations().stream().noneMatch(a -> ENTITY.contains(a.getName().getIdentifier())
        || a.getName().getIdentifier().equals("Embeddable"))) {
      return false;
    }
    // @Access(AccessType.FIELD) says what the @Id on a field says already (audit 10's s2); PROPERTY moves the mapping
    if (type.getAnnotations().stream().anyMatch(a -> a.getName().getIdentifier().equals("Access") && !fieldAccess(a))) {
      return true;
    }
    // @Id on a field makes the access the field's: a @Transient on a getter (JHipster's isNew() of Persistable) is
    // ignored then, and maps nothing in any case (trial 42's F6: every database write was a writer of Authority)
    boolean idOnField = type.getFields().stream().anyMatch(f -> f.getAnnotations().stream()
        .anyMatch(a -> Set.of("Id", "EmbeddedId").contains(a.getName().getIdentifier())));
    boolean onGetters = type.getMethods().stream().anyMatch(m -> m.getAnnotations().stream()
        .anyMatch(a -> PROPERTY_MAPPINGS.contains(a.getName().getIdentifier()) && !(idOnField
            && a.getName().getIdentifier().equals("Transient")) || a.getName().getIdentifier().equals("Access")));
    boolean propertyAccess = type.getFields().stream().anyMatch(f -> f.getAnnotations().stream()
        .anyMatch(a -> a.getName().getIdentifier().equals("Access") && !fieldAccess(a)));
    return onGetters || propertyAccess;
  }

  /** {@code @Access(AccessType.FIELD)} (or {@code FIELD} imported statically); anything else may be PROPERTY. */
  private static boolean fieldAccess(com.github.javaparser.ast.expr.AnnotationExpr access) {
    return access instanceof com.github.javaparser.ast.expr.SingleMemberAnnotationExpr single
        && (single.getMemberValue().toString().equals("AccessType.FIELD") || single.getMemberValue().toString().equals("FIELD")
            || single.getMemberValue().toString().endsWith(".AccessType.FIELD"));
  }

  /** The fields of an entity or embeddable written {@code @Embedded} or {@code @EmbeddedId}, in declaration order. */
  public static List<String> embeddedFields(TypeDeclaration<?> type) {
    List<String> embedded = new java.util.ArrayList<>();
    for (var field : type.getFields()) {
      if (field.getAnnotations().stream().anyMatch(a -> a.getName().getIdentifier().equals("Embedded")
          || a.getName().getIdentifier().equals("EmbeddedId"))) {
        field.getVariables().forEach(variable -> embedded.add(variable.getNameAsString()));
      }
    }
    if (type instanceof com.github.javaparser.ast.body.RecordDeclaration record) {
      record.getParameters().stream().filter(p -> p.getAnnotations().stream()
          .anyMatch(a -> a.getName().getIdentifier().equals("Embedded"))).forEach(p -> embedded.add(p.getNameAsString()));
    }
    return List.copyOf(embedded);
  }

  /** {@code List<Visit>} maps to {@code Visit}; a plain {@code Owner} to itself. */
  private static Type elementType(Type type) {
    if (type instanceof ClassOrInterfaceType declared && declared.getTypeArguments().isPresent()
        && !declared.getTypeArguments().get().isEmpty()) {
      var arguments = declared.getTypeArguments().get();
      return arguments.get(arguments.size() - 1); // Map<K, V>: the value
    }
    return type;
  }
}
