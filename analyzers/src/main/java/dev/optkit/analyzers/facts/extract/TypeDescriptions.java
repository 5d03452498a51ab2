package dev.optkit.analyzers.facts.extract;

import dev.optkit.analyzers.facts.Subtrees;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.optkit.analyzers.facts.ExistingCacheFact;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.SourceRange;
import dev.optkit.analyzers.facts.SourceText;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.facts.sites.HttpCacheClients;
import dev.optkit.analyzers.facts.sites.ReturnedTexts;
import dev.optkit.analyzers.facts.sites.SqlStatements;
import dev.optkit.analyzers.facts.types.AnnotationValues;
import dev.optkit.analyzers.facts.types.EntityAssociations;
import dev.optkit.analyzers.facts.types.JdkValues;
import dev.optkit.analyzers.facts.types.JsonIgnoredProperties;
import dev.optkit.analyzers.facts.types.LombokEqualsFields;
import dev.optkit.analyzers.facts.types.OpenFields;
import dev.optkit.analyzers.facts.types.TimeValues;
import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.facts.types.TypeParameterBounds;
import dev.optkit.analyzers.facts.values.ConstructionState;
import dev.optkit.analyzers.facts.values.FieldCodeCalls;
import dev.optkit.analyzers.facts.values.ForeignFieldWrites;
import dev.optkit.analyzers.facts.values.OuterInstanceUses;
import dev.optkit.analyzers.facts.values.OwnFieldWrites;
import dev.optkit.analyzers.facts.values.SealedFields;
import com.github.javaparser.ast.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A type of the file as a {@link TypeFact}: its kind, supertypes, fields, whether it makes a sound
 * cache key (equals and hashCode over every field), which of its fields are state that changes
 * after construction, and the caches it holds in fields.
 */
public final class TypeDescriptions {
private static final Set<String> INJECTION_ANNOTATIONS =
    Set.of("Autowired", "Inject", "Resource", "Value", "PersistenceContext", "Mock", "MockBean");

  private final FileScan file;
  private final TypeNames names;
  private final SourceText text;

  public TypeDescriptions(FileScan file) {
    this.file = file;
    this.names = file.names;
    this.text = file.text;
  }

  public TypeFact describe(TypeDeclaration<?> type) {
    String qualified = file.qualifiedName(type);
    List<String> superTypes = new ArrayList<>();
    List<String> interfaces = new ArrayList<>();
    String kind = "class";
    if (type instanceof ClassOrInterfaceDeclaration declaration) {
      kind = declaration.isInterface() ? "interface" : "class";
      declaration.getExtendedTypes().forEach(t -> superTypes.add(names.qualify(t).name()));
      declaration.getImplementedTypes().forEach(t -> superTypes.add(names.qualify(t).name()));
      declaration.getImplementedTypes().forEach(t -> interfaces.add(names.qualify(t).name()));
    } else if (type instanceof RecordDeclaration record) {
      kind = "record";
      record.getImplementedTypes().forEach(t -> superTypes.add(names.qualify(t).name()));
    } else if (type instanceof EnumDeclaration enumeration) {
      kind = "enum";
      enumeration.getImplementedTypes().forEach(t -> superTypes.add(names.qualify(t).name()));
    } else {
      kind = "annotation";
    }
    Map<String, String> fields = new TreeMap<>();
    java.util.TreeSet<String> changing = new java.util.TreeSet<>();
    java.util.TreeSet<String> reassigned = new java.util.TreeSet<>();
    for (FieldDeclaration field : type.getFields()) {
      boolean injected = field.getAnnotations().stream().anyMatch(a -> INJECTION_ANNOTATIONS.contains(a.getName().getIdentifier()));
      for (VariableDeclarator variable : field.getVariables()) {
        String fieldType = names.qualifyDeclared(variable.getType()).name();
        fields.put(variable.getNameAsString(), fieldType);
        boolean constant = field.isFinal() && field.isStatic() && variable.getType().isPrimitiveType();
        String name = variable.getNameAsString();
        boolean assigned = !field.isFinal() && (writes.assignedOutsideConstructors(type, name, field.isStatic())
            || OpenFields.assignedInLaterCode(type, name));
        if (assigned) {
          reassigned.add(name); // Mode mode, T value: whatever its type (hostile review 72's s_enum_field_own)
        }
        // a String's replace or a BigDecimal's add makes a new value: a final one is never changed (review 72's fr_string_replace)
        boolean changed = assigned || !(field.isFinal() && JdkValues.immutable(fieldType))
            && writes.mutatedOutsideConstructors(type, name, field.isStatic());
        // holder.allowed.add(x) in a method: the object in holder changes, whatever its class (hostile review 64's A)
        boolean partsChanged = !constant && writes.partsChanged(type).contains(name);
        if (!injected && !constant && isStateType(fieldType, variable) && changed || partsChanged) {
          file.mutableFields.add(qualified + "#" + variable.getNameAsString());
          changing.add(variable.getNameAsString());
          if (field.isStatic()) {
            file.staticMutableFields.add(qualified + "#" + variable.getNameAsString());
          }
        }
        if (CacheUses.CACHE_TYPES.contains(fieldType)) {
          file.caches.add(new ExistingCacheFact(cacheMechanism(fieldType), qualified, variable.getNameAsString(),
              variable.getNameAsString(), SourceRange.of(variable), text.snippet(field)));
        }
      }
    }
    for (String view : OpenFields.viewsOfChanging(type, changing, names)) {
      changing.add(view); // allowed = Collections.unmodifiableSet(inner), inner changed: a view shows it (review 74's u_super_view)
      file.mutableFields.add(qualified + "#" + view);
    }
    HttpCacheClients.cachedFields(type).forEach((name, variable) -> file.caches.add(new ExistingCacheFact("http-cache",
        qualified, name, name, SourceRange.of(variable), text.snippet(variable))));
    if (type instanceof RecordDeclaration record) {
      for (Parameter component : record.getParameters()) {
        if (writes.mutatedOutsideConstructors(type, component.getNameAsString(), false)) {
          changing.add(component.getNameAsString()); // allow(r) { allowed.add(r); } in the record (review 72's r_record_own)
        }
        // arrays keep their brackets: a record's equals compares them by identity
        String array = component.getType().isArrayType() || component.isVarArgs() ? "[]" : "";
        fields.put(component.getNameAsString(), names.qualify(component.getType()).name() + array);
      }
    }
    file.fieldsByType.put(qualified, fields);
    // Lombok's @Value: final fields, equals and hashCode over all of them (@Data and @EqualsAndHashCode only when
    // they make a value: a key with setters, or equal by a few fields only, would find answers computed for another)
    boolean equalsAndHashCode = type instanceof RecordDeclaration || type instanceof EnumDeclaration
        || (!type.getMethodsBySignature("equals", "Object").isEmpty() && !type.getMethodsByName("hashCode").isEmpty()
            && equalsComparesEveryField(type))
        || type.getAnnotations().stream().anyMatch(a -> a.getNameAsString().equals("lombok.Value")
            || a.getNameAsString().equals("Value") && names.importedNames().contains("lombok.Value"))
        || lombokDataValue(type);
    ConstructionState.Reads construction = ConstructionState.reads(type);
    return new TypeFact(qualified, kind, List.copyOf(superTypes), file.annotations.annotationNames(type), fields, equalsAndHashCode,
        SourceRange.of(type), file.annotations.typeAnnotationValues(type), superTypeArguments(type), List.copyOf(interfaces),
        type.hasModifier(com.github.javaparser.ast.Modifier.Keyword.FINAL),
        EntityAssociations.of(type, t -> names.qualify(t).name()), construction.other() || innerClass(type),
        EntityAssociations.mappingUnread(type), EntityAssociations.mappingSql(type), construction.constants(),
        EntityAssociations.embeddedFields(type), SealedFields.of(type),
        EntityAssociations.filtered(type), allFieldsFinal(type), TypeParameterBounds.declaredBy(type, names),
        SealedFields.returnedOnly(type), visibleEverywhere(type), transientFields(type), privateFields(type),
        JsonIgnoredProperties.of(type, file.annotations), FieldCodeCalls.of(type),
        ForeignFieldWrites.of(type, names), EntityAssociations.namedQueries(type), textConstants(type),
        convertedFields(type), nonFinalFields(type), List.copyOf(changing), OpenFields.of(type, names),
        List.copyOf(reassigned), nonFinalStatics(type), fieldTypeArguments(type), LombokEqualsFields.of(type),
        staticFields(type), fieldAnnotations(type), annotationClassLiterals(type), fieldColumns(type),
        composedConstants(type), enumConstants(type), enumsByName(type), file.annotations.propertySwitches(type),
        file.annotations.sqlScripts(type).orElse(null));
  }

  /** The fields {@code @Enumerated(EnumType.STRING)} (or {@code value = STRING}) marks, sorted. */
  private static List<String> enumsByName(TypeDeclaration<?> type) {
    java.util.TreeSet<String> found = new java.util.TreeSet<>();
    for (FieldDeclaration field : type.getFields()) {
      boolean byName = field.getAnnotations().stream()
          .filter(annotation -> annotation.getName().getIdentifier().equals("Enumerated"))
          .anyMatch(annotation -> {
            com.github.javaparser.ast.expr.Expression value = annotation
                instanceof com.github.javaparser.ast.expr.SingleMemberAnnotationExpr single ? single.getMemberValue()
                : annotation instanceof com.github.javaparser.ast.expr.NormalAnnotationExpr normal
                    ? normal.getPairs().stream().filter(pair -> pair.getNameAsString().equals("value"))
                        .map(com.github.javaparser.ast.expr.MemberValuePair::getValue).findFirst().orElse(null)
                    : null;
            return value instanceof com.github.javaparser.ast.expr.FieldAccessExpr access
                    && access.getNameAsString().equals("STRING")
                || value instanceof com.github.javaparser.ast.expr.NameExpr name
                    && name.getNameAsString().equals("STRING");
          });
      if (byName) {
        field.getVariables().forEach(variable -> found.add(variable.getNameAsString()));
      }
    }
    return List.copyOf(found);
  }

  /** An enum's constants, in declaration order; empty for any other type. */
  private static List<String> enumConstants(TypeDeclaration<?> type) {
    return type instanceof EnumDeclaration declared
        ? declared.getEntries().stream().map(entry -> entry.getNameAsString()).toList() : List.of();
  }

  /** Of each field carrying annotations, their names as the file qualifies them, in source order; fields sorted. */
  private Map<String, List<String>> fieldAnnotations(TypeDeclaration<?> type) {
    Map<String, List<String>> annotated = new TreeMap<>();
    for (FieldDeclaration field : type.getFields()) {
      if (!field.getAnnotations().isEmpty()) {
        List<String> annotations = file.annotations.annotationNames(field);
        field.getVariables().forEach(variable -> annotated.put(variable.getNameAsString(), annotations));
      }
    }
    return annotated.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(annotated);
  }

  /** Of each field naming its column ({@code @Column(name = "email_addr")}), that name; fields sorted. */
  private Map<String, String> fieldColumns(TypeDeclaration<?> type) {
    Map<String, String> named = new TreeMap<>();
    for (FieldDeclaration field : type.getFields()) {
      for (var annotation : field.getAnnotations()) {
        String annotationName = annotation.getName().getIdentifier();
        if (!annotationName.equals("Column") && !annotationName.equals("JoinColumn")) {
          continue;
        }
        List<String> written = file.annotations.annotationStrings(annotation, "name");
        String column = !written.isEmpty() ? written.get(0)
            : AnnotationValues.hasMember(annotation, "name") ? TypeFact.UNRESOLVED : null;
        if (column != null) {
          field.getVariables().forEach(variable -> named.put(variable.getNameAsString(), column));
        }
      }
    }
    return named.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(named);
  }

  /** Of each annotation on the type that holds class literals, those literals in source order; annotations sorted. */
  private Map<String, List<dev.optkit.analyzers.facts.ClassLiteral>> annotationClassLiterals(TypeDeclaration<?> type) {
    Map<String, List<dev.optkit.analyzers.facts.ClassLiteral>> named = new TreeMap<>();
    for (var annotation : type.getAnnotations()) {
      List<dev.optkit.analyzers.facts.ClassLiteral> literals = annotation
          .findAll(com.github.javaparser.ast.expr.ClassExpr.class).stream()
          .map(literal -> ClassLiterals.of(literal, names)).toList();
      if (!literals.isEmpty()) {
        named.merge(names.qualify(annotation.getNameAsString()).name(), literals,
            (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
      }
    }
    return named.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(named);
  }

  /**
   * A class whose objects hold an object of the class around them (a member class that is not static, a local
   * class): what {@code new Acc()} makes reaches that object's fields, wherever the class is declared (in a
   * superclass too: hostile review 62's inner_super). Its construction counts as reading outside state.
   */
  private static boolean innerClass(TypeDeclaration<?> type) {
    return type instanceof ClassOrInterfaceDeclaration declared && !declared.isInterface() && !declared.isStatic()
        && (declared.getParentNode().orElse(null) instanceof ClassOrInterfaceDeclaration outer && !outer.isInterface()
                && OuterInstanceUses.mayUse(declared)
            || declared.isLocalClassDeclaration());
  }

  /**
   * Its {@code static final} String fields with a text initializer known whole (literals, this file's constants,
   * concatenations; none with a part this file cannot read; up to {@link #MAX_CONSTANT_CHARS}), SQL or a part of it ({@code " where deleted = false"}, a column list), and its
   * static methods returning SQL text ({@link ReturnedTexts}, keyed {@code name(arity)}): what another class's query
   * made of one of them runs ({@link dev.optkit.analyzers.facts.ComposedText}). Sorted, for byte-identical facts.
   */
  /**
   * Its {@code static final} String fields (an interface's fields) whose initializer is made of other classes'
   * constants, as their parts ({@link dev.optkit.analyzers.facts.sites.ConstantStrings#composed}): sorted, for
   * byte-identical facts.
   */
  private java.util.Map<String, dev.optkit.analyzers.facts.ComposedText> composedConstants(TypeDeclaration<?> type) {
    java.util.Map<String, dev.optkit.analyzers.facts.ComposedText> composed = new java.util.TreeMap<>();
    for (VariableDeclarator variable : stringConstants(type)) {
      variable.getInitializer().flatMap(initializer -> file.strings.composed(initializer, file.resolver::declaringType))
          .ifPresent(text -> composed.put(variable.getNameAsString(), text));
    }
    return composed.isEmpty() ? java.util.Map.of() : java.util.Collections.unmodifiableMap(composed);
  }

  /** Its {@code static final} String fields (an interface's fields are so unsaid), in source order. */
  private static List<VariableDeclarator> stringConstants(TypeDeclaration<?> type) {
    boolean anInterface = type instanceof ClassOrInterfaceDeclaration declared && declared.isInterface();
    return type.getFields().stream().filter(field -> anInterface || field.isStatic() && field.isFinal())
        .flatMap(field -> field.getVariables().stream())
        .filter(variable -> variable.getType().asString().equals("String")).toList();
  }

  /** The longest text constant kept: as long as a statement optkit parses. */
  private static final int MAX_CONSTANT_CHARS = 20_000;

  private java.util.Map<String, String> textConstants(TypeDeclaration<?> type) {
    java.util.Map<String, String> constants = new java.util.TreeMap<>();
    for (VariableDeclarator variable : stringConstants(type)) {
      variable.getInitializer().map(file.strings::completeText).filter(text -> text.length() <= MAX_CONSTANT_CHARS)
          .ifPresent(text -> constants.put(variable.getNameAsString(), text));
    }
    // static query builders, by name and arity (never a field's name): Type.build(a, b) runs what build returns
    java.util.Map<String, Long> overloads = type.getMethods().stream().collect(java.util.stream.Collectors.groupingBy(
        method -> MethodFact.SqlConstant.builderName(method.getNameAsString(), method.getParameters().size()),
        java.util.stream.Collectors.counting()));
    ReturnedTexts returned = new ReturnedTexts(file.strings);
    for (com.github.javaparser.ast.body.MethodDeclaration method : type.getMethods()) {
      String name = MethodFact.SqlConstant.builderName(method.getNameAsString(), method.getParameters().size());
      if (overloads.get(name) == 1 && method.getParameters().stream().noneMatch(p -> p.isVarArgs())) {
        returned.of(method).filter(SqlStatements::looksLikeSql).ifPresent(text -> constants.put(name, text));
      }
    }
    return constants;
  }

  private static List<String> privateFields(TypeDeclaration<?> type) {
    return type.getFields().stream().filter(FieldDeclaration::isPrivate).flatMap(f -> f.getVariables().stream())
        .map(v -> v.getNameAsString()).sorted().toList();
  }

  /** The fields JPA does not store: annotated {@code @Transient} (JPA's, not another library's), or Java's transient. */
  private List<String> transientFields(TypeDeclaration<?> type) {
    java.util.TreeSet<String> found = new java.util.TreeSet<>();
    for (FieldDeclaration field : type.getFields()) {
      boolean jpa = field.getAnnotations().stream().anyMatch(a -> {
        TypeNames.Qualified qualified = names.qualify(a.getNameAsString());
        return qualified.name().equals("jakarta.persistence.Transient") || qualified.name().equals("javax.persistence.Transient")
            // import jakarta.persistence.*; with no jar to tell: Spring Data's @Transient, which JPA ignores, is not it
            || a.getNameAsString().equals("Transient") && qualified.confidence() == dev.optkit.analyzers.facts.Confidence.LOW
                && (names.importsOnDemand("jakarta.persistence") || names.importsOnDemand("javax.persistence"));
      });
      if (jpa || field.isTransient()) {
        field.getVariables().forEach(v -> found.add(v.getNameAsString()));
      }
    }
    return List.copyOf(found);
  }

  /** Annotations that store a field as one column of its entity's own row, whatever its Java type. */
  private static final java.util.Set<String> ONE_COLUMN = java.util.Set.of("jakarta.persistence.Convert",
      "javax.persistence.Convert", "org.hibernate.annotations.Type", "org.hibernate.annotations.JdbcTypeCode",
      "org.hibernate.annotations.JavaType");

  /**
   * The fields a converter or a Hibernate type stores as one column ({@code @Convert(converter = ListToString.class)
   * List<String> tags}: trial 48's F1), sorted, each {@code field=Converter} where a {@code @Convert} names its class;
   * a {@code @Convert(disableConversion = true)} stores nothing so.
   */
  private List<String> convertedFields(TypeDeclaration<?> type) {
    java.util.TreeSet<String> found = new java.util.TreeSet<>();
    for (FieldDeclaration field : type.getFields()) {
      boolean converted = field.getAnnotations().stream().anyMatch(a -> {
        TypeNames.Qualified qualified = names.qualify(a.getNameAsString());
        boolean named = ONE_COLUMN.contains(qualified.name())
            // import javax.persistence.*; with no jar to tell, as for @Transient
            || a.getNameAsString().equals("Convert") && qualified.confidence() == dev.optkit.analyzers.facts.Confidence.LOW
                && (names.importsOnDemand("jakarta.persistence") || names.importsOnDemand("javax.persistence"));
        return named && !a.toString().replace(" ", "").contains("disableConversion=true");
      });
      if (converted) {
        // the converter a @Convert names, for the index to read: one of the project's may run queries of its own
        String converter = field.getAnnotations().stream().filter(a -> a.getNameAsString().endsWith("Convert"))
            .flatMap(a -> Subtrees.all(a, com.github.javaparser.ast.expr.ClassExpr.class).stream())
            .map(c -> names.qualify(c.getType().asString()).name()).findFirst().map(c -> "=" + c).orElse("");
        field.getVariables().forEach(v -> found.add(v.getNameAsString() + converter));
      }
    }
    return List.copyOf(found);
  }

  /** Public, and so is every type it is nested in (an interface's members are public by default). */
  private static boolean visibleEverywhere(TypeDeclaration<?> type) {
    for (com.github.javaparser.ast.Node at = type; at != null; at = at.getParentNode().orElse(null)) {
      if (at instanceof TypeDeclaration<?> declared && !declared.isPublic()
          && !(declared.getParentNode().orElse(null) instanceof com.github.javaparser.ast.body.ClassOrInterfaceDeclaration
              outer && outer.isInterface())) {
        return false;
      }
      if (at instanceof com.github.javaparser.ast.body.CallableDeclaration<?>) {
        return false; // a local class
      }
    }
    return true;
  }

  /** The instance fields not declared final (a record's components and Lombok {@code @Value}'s are). */
  private List<String> nonFinalFields(TypeDeclaration<?> type) {
    if (allFieldsFinal(type)) {
      return List.of();
    }
    return type.getFields().stream().filter(f -> !f.isStatic() && !f.isFinal())
        .flatMap(f -> f.getVariables().stream().map(v -> v.getNameAsString())).toList();
  }

  /** The static fields, sorted (an enum's constants are no fields here). */
  private static List<String> staticFields(TypeDeclaration<?> type) {
    return type.getFields().stream().filter(FieldDeclaration::isStatic)
        .flatMap(f -> f.getVariables().stream().map(v -> v.getNameAsString())).sorted().toList();
  }

  /** The static fields not declared final (an interface's are, as are an enum's constants, which are no fields here). */
  private static List<String> nonFinalStatics(TypeDeclaration<?> type) {
    if (type instanceof com.github.javaparser.ast.body.ClassOrInterfaceDeclaration declared && declared.isInterface()) {
      return List.of();
    }
    return type.getFields().stream().filter(f -> f.isStatic() && !f.isFinal())
        .flatMap(f -> f.getVariables().stream().map(v -> v.getNameAsString())).sorted().toList();
  }

  /**
   * Every instance field final: declared so, a record's, or made so by Lombok's {@code @Value} (the annotation the
   * file's imports resolve to {@code lombok.Value}, not a project's own {@code @Value}), which leaves a field marked
   * {@code @NonFinal} as it is (hostile review 106's F3, F4).
   */
  private boolean allFieldsFinal(TypeDeclaration<?> type) {
    if (type instanceof EnumDeclaration declared && declared.getEntries().stream()
        .anyMatch(entry -> entry.getClassBody().stream().anyMatch(member -> member instanceof FieldDeclaration))) {
      return false; // EQ { private String notation; ... }: a constant's own state, its body's code may change (p05)
    }
    if (type instanceof RecordDeclaration) {
      return true;
    }
    boolean lombokValue = type.getAnnotations().stream()
        .anyMatch(a -> names.qualify(a.getNameAsString()).name().equals("lombok.Value"));
    return type.getFields().stream().filter(f -> !f.isStatic()).allMatch(f -> f.isFinal() || lombokValue
        && f.getAnnotations().stream().noneMatch(a -> names.qualify(a.getNameAsString()).name()
            .equals("lombok.experimental.NonFinal")));
  }

  /**
   * An equals Lombok writes ({@code @Data} or {@code @EqualsAndHashCode}) that makes a value: it compares every
   * instance field (none left out by {@code of}, {@code exclude}, {@code .Exclude}/{@code .Include}, or for being
   * transient), and every field is final, of an immutable JDK value type (no setters, nothing inside to change).
   */
  private boolean lombokDataValue(TypeDeclaration<?> type) {
    if (!lombokData(type) && !lombokAnnotated(type, "EqualsAndHashCode")) {
      return false;
    }
    // Lombok writes nothing beside a hand-written equals or hashCode; leaves a superclass's state out (callSuper's
    // default) or compares it by an equals not read here; and compares a field through its getter where one is written
    if (!type.getMethodsByName("equals").isEmpty() || !type.getMethodsByName("hashCode").isEmpty()
        || type instanceof com.github.javaparser.ast.body.ClassOrInterfaceDeclaration declared
            && !declared.getExtendedTypes().isEmpty()) {
      return false;
    }
    List<String> compared = LombokEqualsFields.of(type);
    if (compared == null) {
      return false;
    }
    return type.getFields().stream().filter(f -> !f.isStatic()).allMatch(f -> f.isFinal() && !f.isTransient()
        && f.getVariables().stream().allMatch(v -> compared.contains(v.getNameAsString()) && !v.getType().isArrayType()
            && !writtenGetter(type, v.getNameAsString())
            && (IMMUTABLE_FIELD_TYPES.contains(names.qualify(v.getType()).name())
                || TimeValues.immutable(names.qualify(v.getType()).name()))));
  }

  /** Whether the type's source writes a getter of the field ({@code getTenant()}, {@code isActive()}). */
  private static boolean writtenGetter(TypeDeclaration<?> type, String field) {
    String capitalised = Character.toUpperCase(field.charAt(0)) + field.substring(1);
    return type.getMethods().stream().anyMatch(m -> m.getParameters().isEmpty()
        && (m.getNameAsString().equals("get" + capitalised) || m.getNameAsString().equals("is" + capitalised)));
  }

  private static final Set<String> IMMUTABLE_FIELD_TYPES = JdkValues.TYPES;

  /** Whether Lombok's {@code @Data} is on the type: written qualified, imported, or under {@code import lombok.*}. */
  private boolean lombokData(TypeDeclaration<?> type) {
    return lombokAnnotated(type, "Data");
  }

  /** Whether Lombok's annotation of this simple name is on the type: qualified, imported, or under {@code lombok.*}. */
  private boolean lombokAnnotated(TypeDeclaration<?> type, String simpleName) {
    return type.getAnnotations().stream().anyMatch(a -> a.getNameAsString().equals("lombok." + simpleName)
        || a.getNameAsString().equals(simpleName) && names.importedNames().stream()
            .anyMatch(n -> n.equals("lombok." + simpleName) || n.equals("lombok")));
  }

  /**
   * Whether a hand-written equals names every instance field (directly or by its getter): one that
   * compares an order line by its id alone makes two lines with other products equal keys, and a
   * cache would answer for the first.
   */
  private static boolean equalsComparesEveryField(TypeDeclaration<?> type) {
    Set<String> used = new java.util.HashSet<>();
    // equals alone: a helper it calls may compare a value made of the fields (a hash, a joined string) or fewer of
    // them, which names do not tell (a hostile review's keys made of key(), digest() and an overload)
    for (MethodDeclaration equals : type.getMethodsBySignature("equals", "Object")) {
      if (equals.findFirst(MethodCallExpr.class, call -> call.getNameAsString().equals("equalsIgnoreCase")).isPresent()) {
        return false; // "A" and "a" equal keys, while the answer may tell them apart
      }
      equals.walk(node -> {
        if (node instanceof com.github.javaparser.ast.expr.SimpleName name) {
          String id = name.getIdentifier();
          used.add(id);
          if (id.length() > 3 && (id.startsWith("get") || id.startsWith("has"))) {
            used.add(Character.toLowerCase(id.charAt(3)) + id.substring(4));
          } else if (id.length() > 2 && id.startsWith("is")) {
            used.add(Character.toLowerCase(id.charAt(2)) + id.substring(3));
          }
        }
      });
    }
    for (FieldDeclaration field : type.getFields()) {
      if (field.isStatic() || field.isTransient()) {
        continue;
      }
      for (var variable : field.getVariables()) {
        if (!used.contains(variable.getNameAsString())) {
          return false;
        }
      }
    }
    return true;
  }

  private Map<String, List<String>> superTypeArguments(TypeDeclaration<?> type) {
    List<ClassOrInterfaceType> supers = new ArrayList<>();
    if (type instanceof ClassOrInterfaceDeclaration declaration) {
      supers.addAll(declaration.getExtendedTypes());
      supers.addAll(declaration.getImplementedTypes());
    } else if (type instanceof RecordDeclaration record) {
      supers.addAll(record.getImplementedTypes());
    } else if (type instanceof EnumDeclaration enumeration) {
      supers.addAll(enumeration.getImplementedTypes());
    }
    Map<String, List<String>> arguments = new TreeMap<>();
    for (ClassOrInterfaceType superType : supers) {
      superType.getTypeArguments().filter(a -> !a.isEmpty()).ifPresent(args -> arguments.put(
          names.qualify(superType).name(), args.stream().map(a -> names.qualify(a).name()).toList()));
    }
    return java.util.Collections.unmodifiableMap(arguments);
  }

  /** Of each generic field, every class its type arguments name at any depth, qualified; "?" for a bare wildcard. */
  private Map<String, List<String>> fieldTypeArguments(TypeDeclaration<?> type) {
    Map<String, List<String>> arguments = new TreeMap<>();
    for (FieldDeclaration field : type.getFields()) {
      for (VariableDeclarator variable : field.getVariables()) {
        if (!(variable.getType() instanceof ClassOrInterfaceType declared)) {
          continue;
        }
        List<String> named = new ArrayList<>();
        declared.getTypeArguments().ifPresent(args -> args.forEach(argument -> {
          if (argument instanceof com.github.javaparser.ast.type.WildcardType wildcard && wildcard.getExtendedType().isEmpty()
              && wildcard.getSuperType().isEmpty()) {
            named.add("?");
          }
          com.github.javaparser.ast.type.Type bare = argument instanceof com.github.javaparser.ast.type.WildcardType w
              ? w.getExtendedType().map(t -> (com.github.javaparser.ast.type.Type) t)
                  .or(() -> w.getSuperType().map(t -> (com.github.javaparser.ast.type.Type) t)).orElse(null) : argument;
          if (bare != null) {
            // the argument itself and what it nests (List<Setting>: List and Setting)
            dev.optkit.analyzers.facts.Subtrees.all(bare, ClassOrInterfaceType.class)
                .forEach(t -> named.add(names.qualify(t).name()));
          }
        }));
        if (!named.isEmpty()) {
          arguments.put(variable.getNameAsString(), List.copyOf(named));
        }
      }
    }
    return java.util.Collections.unmodifiableMap(arguments);
  }

  private final OwnFieldWrites writes = new OwnFieldWrites();

  /** Values and collections: state a result can depend on, unlike injected collaborators. */
  private boolean isStateType(String type, VariableDeclarator variable) {
    return variable.getType().isPrimitiveType() || variable.getType().isArrayType()
        || type.startsWith("java.lang.") || type.startsWith("java.util.") || type.startsWith("java.time.")
        || type.startsWith("java.math.");
  }

  private String cacheMechanism(String type) {
    if (type.startsWith("com.github.benmanes")) {
      return "caffeine";
    }
    if (type.startsWith("com.google")) {
      return "guava";
    }
    return type.startsWith("javax.cache") ? "jcache" : "spring-cache";
  }
}
