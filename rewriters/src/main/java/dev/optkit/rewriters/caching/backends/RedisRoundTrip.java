package dev.optkit.rewriters.caching.backends;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.parse.LanguageLevels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a Spring cache of a method can live in Redis: its result must come back from JSON as the
 * same value of the same class (Jackson with default typing, as the generated configuration writes
 * it), and its key must have a text no other key has. Refused, with the reason: a function or an
 * open stream or iterator (nothing to write), an interface or abstract type with no implementation
 * in the project, a class without a creator Jackson can use (a no-argument constructor, a record's,
 * or one marked {@code @JsonCreator}), a field Jackson does not see (the hit would come back
 * without it), a JPA entity with associations or collections (Hibernate's proxies and collections), a
 * read that may hand back a Hibernate proxy ({@code getReferenceById}), Spring Data's
 * {@code Page}/{@code Slice} ({@code PageImpl} has no creator), a type declared as {@code Object}
 * or a library's type optkit cannot look into, and a key of a type whose text is not its value.
 */
public final class RedisRoundTrip {
  private static final Set<String> SCALARS = Set.of("String", "Integer", "Long", "Short", "Byte", "Double", "Float",
      "Boolean", "Character", "int", "long", "short", "byte", "double", "float", "boolean", "char", "BigDecimal",
      "BigInteger", "UUID");
  // no Duration: a negative fraction (PT-1.501S) comes back as PT-0.499S (hostile review 65's D)
  private static final Set<String> TIME = Set.of("LocalDate", "LocalDateTime", "LocalTime", "Instant",
      "Period", "Year", "YearMonth", "MonthDay");
  /** Times with a zone or offset: Jackson writes them as an instant and reads them back in UTC (hostile review 55's V1). */
  private static final Set<String> ZONED = Set.of("OffsetDateTime", "ZonedDateTime", "OffsetTime");
  private static final Set<String> SORTED = Set.of("TreeSet", "SortedSet", "NavigableSet", "TreeMap", "SortedMap",
      "NavigableMap");
  private static final Set<String> MAPS = Set.of("Map", "HashMap", "LinkedHashMap", "TreeMap", "SortedMap", "NavigableMap");
  static final Set<String> CONTAINERS = Set.of("List", "ArrayList", "LinkedList", "Collection", "Set", "HashSet",
      "LinkedHashSet", "TreeSet", "SortedSet", "NavigableSet", "Map", "HashMap", "LinkedHashMap", "TreeMap", "SortedMap",
      "NavigableMap", "Optional");
  private static final Set<String> OPEN = Set.of("Stream", "IntStream", "LongStream", "DoubleStream", "Iterator",
      "ListIterator", "Spliterator", "Enumeration", "Iterable", "InputStream", "OutputStream", "Reader", "Writer",
      "ResultSet", "Connection", "Channel", "ReadableByteChannel", "Closeable", "AutoCloseable", "Scanner");
  private static final Set<String> FUNCTIONS = Set.of("Runnable", "Callable", "Supplier", "Function", "BiFunction",
      "Consumer", "BiConsumer", "Predicate", "BiPredicate", "UnaryOperator", "BinaryOperator", "Comparator",
      "IntFunction", "ToIntFunction", "ToLongFunction", "ToDoubleFunction", "IntSupplier", "LongSupplier",
      "BooleanSupplier", "DoubleSupplier", "IntPredicate", "LongFunction", "DoubleFunction");
  /** Loads that may hand back an uninitialised Hibernate proxy instead of an entity of its own class. */
  private static final Set<String> PROXY_LOADERS = Set.of("getReferenceById", "getById", "getOne", "getReference",
      "load");
  private static final Set<String> PAGES = Set.of("Page", "Slice", "PageImpl", "SliceImpl", "GeoResults", "Window");

  private final ProjectIndex index;
  private final Path scanRoot;
  private final Map<String, Optional<CompilationUnit>> units = new HashMap<>();

  public RedisRoundTrip(ProjectIndex index, Path scanRoot) {
    this.index = index;
    this.scanRoot = scanRoot;
  }

  /** Why the method's cache cannot live in Redis, or empty when its results and keys round-trip. */
  public Optional<String> whyNot(IndexedMethod method) {
    Optional<CompilationUnit> unit = unit(method.path());
    if (unit.isEmpty()) {
      return Optional.of("its file does not parse, so optkit cannot tell whether its result round-trips through Redis");
    }
    Optional<MethodDeclaration> declaration = unit.get().findAll(MethodDeclaration.class).stream()
        .filter(m -> m.getNameAsString().equals(method.fact().name())
            && m.getBegin().map(b -> b.line).orElse(-1) == method.fact().range().line())
        .findFirst();
    if (declaration.isEmpty()) {
      return Optional.of("the method could not be found again in " + method.path());
    }
    for (var parameter : declaration.get().getParameters()) {
      Optional<String> key = keyProblem(parameter.getType(), unit.get());
      if (key.isPresent()) {
        return Optional.of("with the redis backend its key is written as text, and parameter '"
            + parameter.getNameAsString() + "' " + key.get());
      }
    }
    Optional<String> proxy = index.reachedIo(method).stream().map(reached -> reached.site().method())
        .filter(PROXY_LOADERS::contains).findFirst();
    if (proxy.isPresent()) {
      // getReferenceById hands back an uninitialised proxy, whose class (Person$HibernateProxy$...) is what Jackson's
      // type information would name, and no JVM but this one has it
      return Optional.of("with the redis backend its result must come back from JSON as the same value of the same "
          + "class, and it reads through " + proxy.get() + "(), which may hand back a Hibernate proxy of the entity "
          + "rather than the entity's own class");
    }
    Optional<String> result = valueProblem(declaration.get().getType(), unit.get(), new HashSet<>(), 0);
    return result.map(why -> "with the redis backend its result must come back from JSON as the same value of the "
        + "same class, and " + why);
  }

  /** Why a parameter's text is not its value, or empty. */
  private Optional<String> keyProblem(Type type, CompilationUnit unit) {
    String simple = simpleName(type);
    if (type.isPrimitiveType() || SCALARS.contains(simple)) {
      return Optional.empty();
    }
    String qualified = resolve(type, unit);
    Optional<TypeFact> fact = index.type(qualified);
    if (fact.isPresent() && fact.get().kind().equals("enum")) {
      return Optional.empty();
    }
    return Optional.of("is a " + simple + ", whose text (toString) need not tell two keys apart; keys of Strings, "
        + "numbers, booleans, enums and UUIDs only");
  }

  /** Why a value of this declared type does not round-trip, or empty. */
  private Optional<String> valueProblem(Type type, CompilationUnit unit, Set<String> seen, int depth) {
    if (type.isPrimitiveType() || type.isVoidType()) {
      return Optional.empty();
    }
    if (type.isArrayType()) {
      return valueProblem(type.asArrayType().getComponentType(), unit, seen, depth);
    }
    if (!type.isClassOrInterfaceType()) {
      return Optional.of("its type " + type + " names no class Jackson could write (a wildcard or a type variable)");
    }
    ClassOrInterfaceType declared = type.asClassOrInterfaceType();
    String simple = declared.getNameAsString();
    String qualified = resolve(type, unit);
    Optional<TypeFact> fact = index.type(qualified);
    if (fact.isEmpty()) {
      if (SCALARS.contains(simple) || TIME.contains(simple)) {
        return Optional.empty();
      }
      if (simple.equals("Duration")) {
        return Optional.of("Duration comes back from JSON otherwise when it is negative with a fraction (Jackson's "
            + "java.time module reads PT-1.501S back as PT-0.499S)");
      }
      if (ZONED.contains(simple)) {
        return Optional.of(simple + " comes back from JSON in UTC, not in the zone or offset it had (Europe/Paris 10:00 "
            + "is read back as 09:00Z): equal as an instant, not as a value");
      }
      if (FUNCTIONS.contains(simple)) {
        return Optional.of(simple + " is a function (a lambda): it holds code, not data, and JSON cannot carry it");
      }
      if (OPEN.contains(simple)) {
        return Optional.of(simple + " is an open stream or iterator: it can be read once, and only where it was opened");
      }
      if (PAGES.contains(simple)) {
        return Optional.of("Spring Data's " + simple + " has no creator Jackson can use (PageImpl takes its content "
            + "and Pageable in its constructor); return a List, or a record of the content and the totals");
      }
      if (CONTAINERS.contains(simple)) {
        NodeList<Type> arguments = declared.getTypeArguments().orElse(new NodeList<>());
        if (arguments.isEmpty()) {
          return Optional.of("the raw " + simple + " names no element type optkit can check");
        }
        if (MAPS.contains(simple) && !(arguments.get(0).isClassOrInterfaceType()
            && arguments.get(0).asClassOrInterfaceType().getNameAsString().equals("String"))) {
          // hostile review 55's V1: a JSON object's keys are text, and typing does not mark them
          return Optional.of("a " + declared + " comes back with String keys (JSON names its keys as text, and the "
              + "class of a key is not written): a Map<Long, ...> hit would answer null for get(1L)");
        }
        if (SORTED.contains(simple)) {
          // hostile review 56's N7: a TreeSet made with CASE_INSENSITIVE_ORDER answered contains("ALICE") only on a miss
          return Optional.of("a " + simple + " comes back from JSON without its comparator (ordered naturally again)");
        }
        if (simple.equals("Optional") && depth > 0) {
          return Optional.of("an Optional inside a value (" + declared + ") is one Jackson cannot write without its "
              + "Jdk8Module, and the store then fails on every call");
        }
        for (Type argument : arguments) {
          Optional<String> inner = valueProblem(argument, unit, seen, depth + 1);
          if (inner.isPresent()) {
            return inner;
          }
        }
        return Optional.empty();
      }
      if (simple.equals("Object")) {
        return Optional.of("it is declared as Object, so optkit cannot tell which classes it returns");
      }
      return Optional.of(simple + " is a library's type that optkit cannot look into to tell whether Jackson can "
          + "write and create it");
    }
    if (path.contains(qualified)) {
      // hostile review 65's C9: a node with its parent; JSON writes a tree, and a graph not at all
      return Optional.of(simple + " refers back to itself through its fields, which JSON cannot write as it is");
    }
    if (depth > 6) {
      return Optional.of(simple + " lies deeper in the result than optkit follows a value's fields");
    }
    if (!seen.add(qualified)) {
      return Optional.empty();
    }
    path.add(qualified);
    try {
      return classProblem(qualified, fact.get(), unit, seen, depth);
    } finally {
      path.remove(qualified);
    }
  }

  /** The types on the way from the method's result to the one being checked: one met again is a cycle. */
  private final Set<String> path = new HashSet<>();

  private Optional<String> classProblem(String qualified, TypeFact typeFact, CompilationUnit unit, Set<String> seen,
      int depth) {
    if (typeFact.kind().equals("enum")) {
      // hostile review 65's A11: @JsonFormat(shape = OBJECT) on an enum
      return unit(index.pathOfType(qualified)).flatMap(u -> u.findAll(TypeDeclaration.class).stream()
              .filter(t -> t.getNameAsString().equals(typeFact.simpleName())).findFirst())
          .flatMap(body -> JacksonProperties.annotationProblem((TypeDeclaration<?>) body, typeFact.simpleName(),
              this::projectAnnotation));
    }
    if (typeFact.isInterface()) {
      // hostile review 65's C5/C6: a repository hands out JDK proxies of a projection interface, and an
      // implementation may stand behind another interface: what a result holds cannot be told from the project
      return Optional.of(typeFact.simpleName() + " is an interface: what implements it at run time (a Spring Data "
          + "projection's proxy, a class behind another interface) need not be a class Jackson can create");
    }
    if (typeFact.hasAnnotation("Entity") || typeFact.hasAnnotation("jakarta.persistence.Entity")
        || typeFact.hasAnnotation("javax.persistence.Entity")) {
      // trial 61: an entity of plain columns (spring-boot-redis-cache's Person) round-trips as any class does; one with
      // associations or collections holds Hibernate's proxies and PersistentBag/PersistentSet, which do not
      Optional<String> hibernate = EntityRoundTrip.whyNot(typeFact, unit(index.pathOfType(qualified)));
      if (hibernate.isPresent()) {
        return hibernate;
      }
    }
    Optional<String> superclass = typeFact.superTypes().stream()
        .filter(t -> index.type(t).filter(s -> s.kind().equals("class")).isPresent()).findFirst();
    Optional<String> libraryParent = typeFact.superTypes().stream().filter(t -> !typeFact.interfaces().contains(t))
        .filter(t -> index.type(t).isEmpty()).findFirst();
    if (libraryParent.isPresent()) {
      // hostile review 65's C8: Lines extends ArrayList<String> came back without its own field
      return Optional.of(typeFact.simpleName() + " extends " + libraryParent.get().substring(libraryParent.get()
          .lastIndexOf('.') + 1) + ", a library class Jackson may write in its own way (a collection as its elements)");
    }
    if (superclass.isPresent()) {
      // hostile review 56's N7: a protected field of the superclass, with no getter, came back null
      return Optional.of(typeFact.simpleName() + " extends " + superclass.get().substring(superclass.get().lastIndexOf('.')
          + 1) + ", whose fields optkit does not check field by field for what Jackson sees");
    }
    Optional<CompilationUnit> typeUnit = unit(index.pathOfType(qualified));
    Optional<TypeDeclaration<?>> declaration = Optional.empty();
    if (typeUnit.isPresent()) {
      for (TypeDeclaration<?> candidate : typeUnit.get().findAll(TypeDeclaration.class)) {
        String name = candidate.getFullyQualifiedName().orElse(candidate.getNameAsString());
        if (name.equals(qualified) || candidate.getNameAsString().equals(typeFact.simpleName())) {
          declaration = Optional.of(candidate);
          break;
        }
      }
    }
    if (declaration.isEmpty()) {
      return Optional.of(typeFact.simpleName() + " could not be read, so optkit cannot tell whether Jackson can create it");
    }
    TypeDeclaration<?> body = declaration.get();
    if (body.isNestedType() && !body.isStatic() && body instanceof com.github.javaparser.ast.body.ClassOrInterfaceDeclaration
        && !((com.github.javaparser.ast.body.ClassOrInterfaceDeclaration) body).isInterface()) {
      return Optional.of(typeFact.simpleName() + " is an inner class (not static): Jackson cannot create one without "
          + "the object around it");
    }
    for (String implemented : typeFact.interfaces()) {
      // hostile review 65's A8: Jackson takes annotations from the interfaces a class implements
      Optional<String> inherited = index.type(implemented).flatMap(t -> unit(index.pathOfType(implemented))
          .flatMap(u -> u.findAll(TypeDeclaration.class).stream().filter(d -> d.getNameAsString().equals(t.simpleName()))
              .findFirst()))
          .flatMap(d -> JacksonProperties.annotationProblem((TypeDeclaration<?>) d, typeFact.simpleName() + "'s interface "
              + index.type(implemented).get().simpleName(), this::projectAnnotation));
      if (inherited.isPresent()) {
        return inherited;
      }
    }
    if (body.getModifiers().contains(Modifier.abstractModifier())) {
      List<TypeFact> concrete = index.files().stream().flatMap(f -> f.types().stream())
          .filter(t -> !t.isInterface() && (t.superTypes().contains(qualified) || t.interfaces().contains(qualified)))
          .toList();
      if (concrete.isEmpty()) {
        return Optional.of(typeFact.simpleName() + " is abstract with no implementation in the project that Jackson "
            + "could create");
      }
      for (TypeFact implementation : concrete) {
        Optional<String> inner = valueProblem(new ClassOrInterfaceType(null, implementation.qualifiedName()), unit, seen,
            depth + 1);
        if (inner.isPresent()) {
          return inner;
        }
      }
      return Optional.empty();
    }
    // a concrete class's project subclasses are what a result may be too: Dog with an @ElementCollection where the
    // method returns Animal (hostile review 63's V1)
    for (TypeFact subclass : index.files().stream().flatMap(f -> f.types().stream())
        .filter(t -> !t.isInterface() && t.superTypes().contains(qualified)).toList()) {
      Optional<String> inner = valueProblem(new ClassOrInterfaceType(null, subclass.qualifiedName()), unit, seen, depth + 1);
      if (inner.isPresent()) {
        return inner;
      }
    }
    CompilationUnit declaringUnit = typeUnit.get();
    if (body instanceof RecordDeclaration record) {
      Optional<String> accessors = JacksonProperties.recordProblem(record, typeFact.simpleName(), this::projectAnnotation);
      if (accessors.isPresent()) {
        return accessors;
      }
      for (var component : record.getParameters()) {
        Optional<String> inner = valueProblem(component.getType(), declaringUnit, seen, depth + 1);
        if (inner.isPresent()) {
          return inner;
        }
      }
      return Optional.empty();
    }
    boolean lombokData = annotated(body, "Data") || annotated(body, "Getter") || annotated(body, "Value");
    if (!hasCreator(body)) {
      return Optional.of(typeFact.simpleName() + " has no creator Jackson can use: every constructor takes arguments "
          + "and none is marked @JsonCreator");
    }
    Optional<String> properties = JacksonProperties.whyNot(body, typeFact.simpleName(), this::projectAnnotation);
    if (properties.isPresent()) {
      return properties;
    }
    for (FieldDeclaration field : body.getFields()) {
      if (field.isStatic() || field.isTransient() || annotated(field, "JsonIgnore")) {
        continue;
      }
      for (VariableDeclarator variable : field.getVariables()) {
        String name = variable.getNameAsString();
        boolean visible = field.isPublic() || lombokData || annotated(field, "Getter") || annotated(field, "JsonProperty")
            || hasGetter(body, name);
        if (!visible) {
          return Optional.of(typeFact.simpleName() + "." + name + " has no public getter and is not public: Jackson "
              + "would not write it, and a hit would come back without it");
        }
        Optional<String> inner = valueProblem(variable.getType(), declaringUnit, seen, depth + 1);
        if (inner.isPresent()) {
          return inner;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether an annotation written with this name is one the project declares with Jackson's annotations on it
   * ({@code @JacksonAnnotationsInside @JsonSerialize(...)}: hostile review 65's A7); a project annotation without them
   * (a validation constraint) leaves the JSON alone.
   */
  private boolean projectAnnotation(String written) {
    String simple = written.substring(written.lastIndexOf('.') + 1);
    return index.typesNamed(simple).stream().anyMatch(t -> t.kind().equals("annotation") && t.annotations().stream()
        .map(a -> a.substring(a.lastIndexOf('.') + 1)).anyMatch(a -> a.startsWith("Json") || a.startsWith("Jackson")));
  }

  private static boolean hasCreator(TypeDeclaration<?> body) {
    if (annotated(body, "NoArgsConstructor") || annotated(body, "Jacksonized")) {
      return true;
    }
    List<ConstructorDeclaration> constructors = body.getConstructors();
    if (constructors.isEmpty()) {
      // Lombok's @Value, @AllArgsConstructor or @Builder make the only constructor one with arguments
      boolean lombokArgs = annotated(body, "Value") || annotated(body, "AllArgsConstructor") || annotated(body, "Builder")
          || annotated(body, "RequiredArgsConstructor") && body.getFields().stream().anyMatch(f -> f.isFinal() && !f.isStatic());
      return !lombokArgs && !(annotated(body, "Data") && body.getFields().stream().anyMatch(f -> f.isFinal() && !f.isStatic()));
    }
    return constructors.stream().anyMatch(c -> c.getParameters().isEmpty() || annotated(c, "JsonCreator")
            || annotated(c, "ConstructorProperties"))
        || body.getMethods().stream().anyMatch(m -> m.isStatic() && annotated(m, "JsonCreator"));
  }

  private static boolean hasGetter(TypeDeclaration<?> body, String field) {
    String capital = Character.toUpperCase(field.charAt(0)) + field.substring(1);
    // a class's fluent accessor (currency()) is no getter to Jackson, nor is another property's @JsonProperty method
    // (hostile review 65's B4, B7); is-getters name a primitive boolean's property only
    return body.getMethods().stream().anyMatch(m -> m.isPublic() && !m.isStatic() && m.getParameters().isEmpty()
        && (m.getNameAsString().equals("get" + capital)
            || m.getNameAsString().equals("is" + capital) && m.getType().asString().equals("boolean")));
  }

  private static boolean annotated(NodeWithAnnotations<?> node, String simpleName) {
    return node.getAnnotations().stream().anyMatch(a -> {
      String name = a.getNameAsString();
      return name.equals(simpleName) || name.endsWith("." + simpleName);
    });
  }

  private static String simpleName(Type type) {
    return type.isClassOrInterfaceType() ? type.asClassOrInterfaceType().getNameAsString() : type.asString();
  }

  /** The qualified name of a class type as the file names it: written qualified, imported, in the package, nested. */
  private String resolve(Type type, CompilationUnit unit) {
    if (!type.isClassOrInterfaceType()) {
      return type.asString();
    }
    ClassOrInterfaceType declared = type.asClassOrInterfaceType();
    String written = declared.getNameWithScope();
    if (index.type(written).isPresent()) {
      return written;
    }
    String first = written.contains(".") ? written.substring(0, written.indexOf('.')) : written;
    String rest = written.substring(first.length());
    for (var imported : unit.getImports()) {
      if (!imported.isAsterisk() && !imported.isStatic() && imported.getNameAsString().endsWith("." + first)) {
        return imported.getNameAsString() + rest;
      }
    }
    String pkg = unit.getPackageDeclaration().map(p -> p.getNameAsString() + ".").orElse("");
    if (index.type(pkg + written).isPresent()) {
      return pkg + written;
    }
    for (TypeDeclaration<?> own : unit.getTypes()) {
      String nested = pkg + own.getNameAsString() + "." + written;
      if (index.type(nested).isPresent()) {
        return nested;
      }
    }
    for (var imported : unit.getImports()) {
      if (imported.isAsterisk() && !imported.isStatic() && index.type(imported.getNameAsString() + "." + written).isPresent()) {
        return imported.getNameAsString() + "." + written;
      }
    }
    List<TypeFact> named = index.typesNamed(declared.getNameAsString());
    return named.size() == 1 && !SCALARS.contains(written) && !CONTAINERS.contains(written)
        && written.equals(declared.getNameAsString()) && unit.getImports().stream().anyMatch(i -> i.isAsterisk())
        ? named.get(0).qualifiedName() : written;
  }

  private Optional<CompilationUnit> unit(String path) {
    if (path == null) {
      return Optional.empty();
    }
    return units.computeIfAbsent(path, p -> {
      try {
        return LanguageLevels.parse(Files.readString(scanRoot.resolve(p), StandardCharsets.UTF_8));
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      }
    });
  }
}
