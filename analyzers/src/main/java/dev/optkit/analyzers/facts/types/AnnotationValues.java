package dev.optkit.analyzers.facts.types;

import dev.optkit.analyzers.facts.Subtrees;

import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.facts.ComposedText;
import dev.optkit.analyzers.facts.sites.ConstantStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a file's annotations say: their qualified names, the strings of their members, the
 * statements of {@code @Sql}, the isolation and propagation of {@code @Transactional}, and the
 * values types and methods keep among their facts.
 */
public final class AnnotationValues {
  /** Where the statements of a method's or class's {@code @Sql} annotations are kept among its annotation values. */
  public static final String SQL_STATEMENTS = "org.springframework.test.context.jdbc.Sql#statements";
  /** Where the isolation of a method's or class's Spring {@code @Transactional} is kept among its annotation values. */
  public static final String TRANSACTION_ISOLATION = "org.springframework.transaction.annotation.Transactional#isolation";
  /** The attribute paths of a Spring Data {@code @EntityGraph} on a query method, joined by commas. */
  public static final String ENTITY_GRAPH_PATHS = "org.springframework.data.jpa.repository.EntityGraph#attributePaths";
  /** Present when that {@code @EntityGraph} names a graph ({@code value}): an entity's named graph wins over its paths. */
  public static final String ENTITY_GRAPH_NAMED = "org.springframework.data.jpa.repository.EntityGraph#value";
  /** The type of that graph as written ({@code EntityGraphType.LOAD}); absent for the default, FETCH. */
  public static final String ENTITY_GRAPH_TYPE = "org.springframework.data.jpa.repository.EntityGraph#type";
  /**
   * Where the cache operations a method's {@code @Caching} groups are kept among its annotation values: its members
   * ({@code cacheable,evict,put}), sorted; a {@code @Cacheable} among them refuses another operation beside it.
   */
  public static final String CACHING_OPERATIONS = "org.springframework.cache.annotation.Caching#operations";
  /** Set when the method's @Cacheable is synchronized ({@code sync = true}, or a value that is no literal false). */
  public static final String CACHEABLE_SYNC = "org.springframework.cache.annotation.Cacheable#sync";
  public static final String TRANSACTION_PROPAGATION = "org.springframework.transaction.annotation.Transactional#propagation";
  /** The transaction manager a {@code @Transactional} names ({@code "auditTransactions"}), as written. */
  public static final String TRANSACTION_MANAGER = "org.springframework.transaction.annotation.Transactional#manager";
  /** Present ("true") when {@code @Transactional} names exceptions it commits for ({@code noRollbackFor...}). */
  public static final String TRANSACTION_NO_ROLLBACK = "org.springframework.transaction.annotation.Transactional#noRollbackFor";

  private static final List<String> TYPE_ANNOTATION_MEMBERS =
      List.of("value", "name", "path", "basePackages", "scanBasePackages", "profiles");

  /** A component scan's members that leave out classes it would find. */
  private static final java.util.Set<String> SCAN_FILTERS = java.util.Set.of("excludeFilters", "includeFilters",
      "useDefaultFilters", "scanBasePackageClasses", "basePackageClasses", "exclude", "excludeName");

  private final TypeNames names;
  private final ConstantStrings strings;

  public AnnotationValues(TypeNames names, ConstantStrings strings) {
    this.names = names;
    this.strings = strings;
  }

  public List<String> annotationNames(NodeWithAnnotations<?> node) {
    List<String> result = new ArrayList<>();
    for (AnnotationExpr annotation : node.getAnnotations()) {
      result.add(names.qualify(annotation.getNameAsString()).name());
    }
    return List.copyOf(result);
  }

  /** Boolean members of type annotations kept as written: {@code @RepositoryRestResource(exported)}, {@code @FilterDef}'s. */
  private static final java.util.Set<String> BOOLEAN_MEMBERS = java.util.Set.of("exported", "autoEnabled",
      "applyToLoadByKey");

  public Map<String, String> typeAnnotationValues(TypeDeclaration<?> type) {
    Map<String, String> values = new TreeMap<>();
    for (AnnotationExpr annotation : type.getAnnotations()) {
      sqlStatements(annotation).ifPresent(sql -> values.put(SQL_STATEMENTS, sql));
      isolation(annotation).ifPresent(level -> values.put(TRANSACTION_ISOLATION, level));
      transactionMember(annotation, "propagation").ifPresent(p -> values.put(TRANSACTION_PROPAGATION, p));
      transactionManager(annotation).ifPresent(m -> values.put(TRANSACTION_MANAGER, m));
      transactionMember(annotation, "noRollbackFor").or(() -> transactionMember(annotation, "noRollbackForClassName"))
          .ifPresent(p -> values.put(TRANSACTION_NO_ROLLBACK, "true"));
      String qualified = names.qualify(annotation.getNameAsString()).name();
      // @RepositoryRestResource(exported = false): Spring Data REST leaves the repository out
      if (annotation instanceof NormalAnnotationExpr normal) {
        // @FilterDef(autoEnabled = true, applyToLoadByKey = true): a Hibernate filter every session has, and that narrows
        // loads by key too
        normal.getPairs().stream().filter(pair -> BOOLEAN_MEMBERS.contains(pair.getNameAsString())
            && pair.getValue() instanceof com.github.javaparser.ast.expr.BooleanLiteralExpr)
            .forEach(pair -> values.put(qualified + "#" + pair.getNameAsString(), pair.getValue().toString()));
        // @ComponentScan(excludeFilters = @Filter(...)): a scan leaving out some of its packages' classes
        normal.getPairs().stream().filter(pair -> SCAN_FILTERS.contains(pair.getNameAsString()))
            .forEach(pair -> values.put(qualified + "#" + pair.getNameAsString(), "present"));
        // @Table(indexes = @Index(columnList = "email")): the entity's table has indexes the mapping declares
        if (annotation.getNameAsString().endsWith("Table")) {
          normal.getPairs().stream().filter(pair -> pair.getNameAsString().equals("indexes"))
              .forEach(pair -> values.put(qualified + "#indexes", "present"));
        }
        // @SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT): whether tests send requests to a server
        normal.getPairs().stream().filter(pair -> pair.getNameAsString().equals("webEnvironment"))
            .forEach(pair -> values.put(qualified + "#webEnvironment",
                pair.getValue() instanceof com.github.javaparser.ast.expr.FieldAccessExpr access ? access.getNameAsString()
                    : pair.getValue() instanceof com.github.javaparser.ast.expr.NameExpr plain ? plain.getNameAsString()
                    : TypeFact.UNRESOLVED));
      }
      for (String member : TYPE_ANNOTATION_MEMBERS) {
        List<String> strings = annotationStrings(annotation, member);
        if (!strings.isEmpty()) {
          values.put(qualified + "#" + member, String.join(",", strings));
        } else if ((annotation.getNameAsString().endsWith("Table") || annotation.getNameAsString().endsWith("Entity"))
            && hasMember(annotation, member)) {
          // @Table(Tables.GIZMOS), @Entity(name = Names.GIZMO): a name from another file's constant, which this file
          // cannot read
          values.put(qualified + "#" + member, TypeFact.UNRESOLVED);
        }
      }
      // @ExtendWith({SpringExtension.class, Other.class}), @RunWith(SpringRunner.class): which extensions run a test
      // a repeated one (@ExtendWith(MockitoExtension.class) @ExtendWith(SpringExtension.class)) adds its classes
      List<String> classes = classLiterals(annotation);
      if (!classes.isEmpty()) {
        values.merge(qualified + "#value", String.join(",", classes), (before, more) -> before + "," + more);
      }
    }
    return java.util.Collections.unmodifiableMap(values);
  }

  private static final String CONDITIONS = "org.springframework.boot.autoconfigure.condition.";

  /**
   * The properties Spring makes the type a bean under: each {@code @ConditionalOnProperty} whose members are literals or
   * constants the file reads, and each {@code @ConditionalOnExpression} that is one placeholder, {@code "${key}"} or
   * {@code "${key:default}"} (on where the key's value is true; a missing key takes the default, or fails without one).
   */
  public List<dev.optkit.analyzers.facts.PropertySwitch> propertySwitches(TypeDeclaration<?> type) {
    List<dev.optkit.analyzers.facts.PropertySwitch> switches = new ArrayList<>();
    for (AnnotationExpr annotation : type.getAnnotations()) {
      String qualified = names.qualify(annotation.getNameAsString()).name();
      if (qualified.equals(CONDITIONS + "ConditionalOnProperty")) {
        onProperty(annotation).ifPresent(switches::add);
      } else if (qualified.equals(CONDITIONS + "ConditionalOnExpression")) {
        List<String> expression = readStrings(annotation, "value").orElse(List.of());
        if (expression.size() == 1) {
          onPlaceholder(expression.get(0)).ifPresent(switches::add);
        }
      }
    }
    return List.copyOf(switches);
  }

  private Optional<dev.optkit.analyzers.facts.PropertySwitch> onProperty(AnnotationExpr annotation) {
    Optional<List<String>> names = hasMember(annotation, "name") ? readStrings(annotation, "name")
        : readStrings(annotation, "value");
    Optional<List<String>> prefix = hasMember(annotation, "prefix") ? readStrings(annotation, "prefix")
        : Optional.of(List.of(""));
    Optional<List<String>> having = hasMember(annotation, "havingValue") ? readStrings(annotation, "havingValue")
        : Optional.of(List.of(""));
    Expression missing = memberValue(annotation, "matchIfMissing").orElse(null);
    if (names.isEmpty() || names.get().isEmpty() || prefix.isEmpty() || prefix.get().size() != 1 || having.isEmpty()
        || having.get().size() != 1
        || missing != null && !(missing instanceof com.github.javaparser.ast.expr.BooleanLiteralExpr)) {
      return Optional.empty();
    }
    String start = prefix.get().get(0);
    String joined = start.isEmpty() || start.endsWith(".") ? start : start + ".";
    return Optional.of(new dev.optkit.analyzers.facts.PropertySwitch(
        names.get().stream().map(name -> joined + name).toList(), having.get().get(0),
        missing != null && ((com.github.javaparser.ast.expr.BooleanLiteralExpr) missing).getValue()));
  }

  /** {@code ${key}} or {@code ${key:default}}, the whole expression: on where the key's value is true. */
  private static Optional<dev.optkit.analyzers.facts.PropertySwitch> onPlaceholder(String expression) {
    // a missing key without a default fails the expression: not known to be off
    return dev.optkit.analyzers.facts.PropertySwitch.Placeholder.of(expression).map(placeholder ->
        new dev.optkit.analyzers.facts.PropertySwitch(List.of(placeholder.key()), "true",
            placeholder.fallback() == null || placeholder.fallback().equalsIgnoreCase("true")));
  }

  /** Every string a member gives, when the file reads all of them (literals, constants it knows); empty otherwise. */
  private Optional<List<String>> readStrings(AnnotationExpr annotation, String member) {
    Expression value = memberValue(annotation, member).orElse(null);
    int given = value instanceof ArrayInitializerExpr array ? array.getValues().size() : value == null ? 0 : 1;
    List<String> read = annotationStrings(annotation, member);
    return read.size() == given ? Optional.of(read) : Optional.empty();
  }

  /** A method's annotation values: each annotation's first value, path or name, and the transaction's settings. */
  /** The verbs a {@code method} member names ({@code RequestMethod.POST}, {@code "POST"}, an array of them), upper case. */
  private static String httpMethods(com.github.javaparser.ast.expr.Expression value) {
    List<String> verbs = new java.util.ArrayList<>();
    List<com.github.javaparser.ast.expr.Expression> items = value instanceof com.github.javaparser.ast.expr.ArrayInitializerExpr array
        ? array.getValues() : List.of(value);
    for (com.github.javaparser.ast.expr.Expression item : items) {
      String text = item instanceof com.github.javaparser.ast.expr.StringLiteralExpr string ? string.getValue()
          : item instanceof com.github.javaparser.ast.expr.FieldAccessExpr access ? access.getNameAsString()
          : item instanceof com.github.javaparser.ast.expr.NameExpr name ? name.getNameAsString() : "?";
      verbs.add(text.toUpperCase(java.util.Locale.ROOT));
    }
    return String.join(",", verbs);
  }

  /** Boolean members of method annotations kept as written: Spring Data MongoDB's {@code @Query(delete = true)}. */
  /** Boolean members of method annotations kept as written: MongoDB's {@code @Query(delete)}, JPA's {@code nativeQuery}. */
  private static final java.util.Set<String> METHOD_BOOLEAN_MEMBERS = java.util.Set.of("delete", "nativeQuery");

  public Map<String, String> methodAnnotationValues(CallableDeclaration<?> callable) {
    Map<String, String> annotationValues = new TreeMap<>();
    for (AnnotationExpr annotation : callable.getAnnotations()) {
      List<String> values = annotationStrings(annotation, "value");
      if (memberValue(annotation, "value").isPresent() && annotation.getName().getIdentifier().equals("Query")) {
        // a query of its own text, not one it names (Spring Data's @Query(name = "Ticket.open") runs a named query),
        // whether this file can read the text or not (@Query(Queries.A + Queries.B))
        annotationValues.put(names.qualify(annotation.getNameAsString()).name() + "#value", "true");
      }
      for (String member : List.of("path", "cacheNames", "name")) {
        if (values.isEmpty()) {
          values = annotationStrings(annotation, member);
        }
      }
      String value = values.isEmpty() ? null : values.get(0);
      if (QUERY_ANNOTATIONS.contains(annotation.getName().getIdentifier())
          && memberValue(annotation, "value").orElse(null) instanceof ArrayInitializerExpr array) {
        // MyBatis runs a String[] as its strings joined with spaces: all of them, or no text told
        value = array.getValues().size() == values.size() ? String.join(" ", values) : null;
      }
      if (value != null) {
        annotationValues.put(names.qualify(annotation.getNameAsString()).name(), value);
      }
      sqlStatements(annotation).ifPresent(sql -> annotationValues.put(SQL_STATEMENTS, sql));
      // @RequestMapping(method = RequestMethod.POST), @HttpExchange(method = "POST"), Retrofit's @HTTP(method = "POST"):
      // the verb a declared client's method sends (hostile review 53's U5: read as a GET by its name)
      if (annotation instanceof NormalAnnotationExpr withMembers) {
        withMembers.getPairs().stream().filter(pair -> pair.getNameAsString().equals("method")).findFirst()
            .ifPresent(pair -> annotationValues.put(names.qualify(annotation.getNameAsString()).name() + "#method",
                httpMethods(pair.getValue())));
      }
      // @Query(delete = true) of Spring Data MongoDB: the query deletes what it matches
      if (annotation instanceof NormalAnnotationExpr withDelete) {
        // a member given by a constant (nativeQuery = NATIVE) is said so: true and false are both possible
        withDelete.getPairs().stream().filter(pair -> METHOD_BOOLEAN_MEMBERS.contains(pair.getNameAsString()))
            .forEach(pair -> annotationValues.put(names.qualify(annotation.getNameAsString()).name() + "#"
                + pair.getNameAsString(), pair.getValue() instanceof com.github.javaparser.ast.expr.BooleanLiteralExpr
                    ? pair.getValue().toString() : TypeFact.UNRESOLVED));
      }
      if (annotation.getName().getIdentifier().equals("EntityGraph")) {
        // a path written as another file's constant is left out: read as not fetched, lazy
        List<String> paths = annotationStrings(annotation, "attributePaths");
        if (!paths.isEmpty()) {
          annotationValues.put(ENTITY_GRAPH_PATHS, String.join(",", paths));
        }
        if (hasMember(annotation, "value")) {
          annotationValues.put(ENTITY_GRAPH_NAMED, "true");
        }
        if (annotation instanceof NormalAnnotationExpr normal) {
          normal.getPairs().stream().filter(pair -> pair.getNameAsString().equals("type")).findFirst()
              .ifPresent(pair -> annotationValues.put(ENTITY_GRAPH_TYPE, pair.getValue().toString()));
        }
      }
      if (annotation.getName().getIdentifier().equals("Cacheable") && annotation instanceof NormalAnnotationExpr cacheable
          && cacheable.getPairs().stream().anyMatch(pair -> pair.getNameAsString().equals("sync")
              && !pair.getValue().toString().equals("false"))) {
        annotationValues.put(CACHEABLE_SYNC, "true");
      }
      if (annotation.getName().getIdentifier().equals("Caching") && annotation instanceof NormalAnnotationExpr caching) {
        annotationValues.put(CACHING_OPERATIONS, String.join(",", new java.util.TreeSet<>(
            caching.getPairs().stream().map(pair -> pair.getNameAsString()).toList())));
      }
      isolation(annotation).ifPresent(level -> annotationValues.put(TRANSACTION_ISOLATION, level));
      transactionMember(annotation, "propagation").ifPresent(p -> annotationValues.put(TRANSACTION_PROPAGATION, p));
      transactionManager(annotation).ifPresent(m -> annotationValues.put(TRANSACTION_MANAGER, m));
      transactionMember(annotation, "noRollbackFor")
          .or(() -> transactionMember(annotation, "noRollbackForClassName"))
          .ifPresent(p -> annotationValues.put(TRANSACTION_NO_ROLLBACK, "true"));
    }
    return java.util.Collections.unmodifiableMap(annotationValues);
  }

  /**
   * The statements of Spring's {@code @Sql(statements = ...)} (and of each {@code @Sql} in a
   * {@code @SqlGroup}), joined as one script: a test that writes its data this way writes like code.
   */
  Optional<String> sqlStatements(AnnotationExpr annotation) {
    String simple = annotation.getName().getIdentifier();
    List<String> statements = new ArrayList<>();
    if (simple.equals("Sql")) {
      statements.addAll(annotationStrings(annotation, "statements"));
    } else if (simple.equals("SqlGroup")) {
      Subtrees.all(annotation, AnnotationExpr.class).stream().filter(a -> a != annotation
          && a.getName().getIdentifier().equals("Sql")).forEach(a -> statements.addAll(annotationStrings(a, "statements")));
    } else {
      return Optional.empty();
    }
    return statements.isEmpty() ? Optional.empty() : Optional.of(String.join(";\n", statements));
  }

  /**
   * The script files the {@code @Sql} and {@code @SqlGroup} among a test's or test class's annotations run, by the paths
   * they write ({@link dev.optkit.analyzers.facts.SqlScriptsRun}); empty when none is there.
   */
  public Optional<dev.optkit.analyzers.facts.SqlScriptsRun> sqlScripts(NodeWithAnnotations<?> node) {
    List<String> fromRoot = new ArrayList<>();
    List<String> fromPackage = new ArrayList<>();
    boolean defaultScript = false;
    boolean unread = false;
    boolean found = false;
    for (AnnotationExpr annotation : node.getAnnotations()) {
      String simple = annotation.getName().getIdentifier();
      List<AnnotationExpr> runs = simple.equals("Sql") ? List.of(annotation) : !simple.equals("SqlGroup") ? List.of()
          : Subtrees.all(annotation, AnnotationExpr.class).stream()
              .filter(a -> a != annotation && a.getName().getIdentifier().equals("Sql")).toList();
      for (AnnotationExpr run : runs) {
        found = true;
        List<Expression> named = new ArrayList<>();
        for (String member : List.of("value", "scripts")) {
          memberValue(run, member).ifPresent(value -> named.addAll(value instanceof ArrayInitializerExpr array
              ? array.getValues() : List.of(value)));
        }
        defaultScript |= named.isEmpty() && !hasMember(run, "statements");
        for (Expression each : named) {
          Optional<ScriptPath> path = Optional.ofNullable(strings.text(each)).flatMap(AnnotationValues::scriptPath);
          path.ifPresent(p -> (p.fromRoot() ? fromRoot : fromPackage).add(p.path()));
          unread |= path.isEmpty();
        }
      }
    }
    return found ? Optional.of(new dev.optkit.analyzers.facts.SqlScriptsRun(fromRoot, fromPackage, defaultScript, unread))
        : Optional.empty();
  }

  /** A script's path as {@code @Sql} takes it: from the classpath's root, or from the test class's package. */
  record ScriptPath(String path, boolean fromRoot) {}

  /**
   * A script location as Spring's {@code @Sql} takes it: {@code classpath:} (or {@code classpath*:}) and a leading
   * slash from the root, a plain path from the test class's package. None for another protocol ({@code file:}, a URL),
   * a placeholder, a pattern, or a path with {@code ..}, {@code .} or a backslash.
   */
  static Optional<ScriptPath> scriptPath(String written) {
    String path = written.strip();
    boolean fromRoot = false;
    for (String prefix : List.of("classpath*:", "classpath:")) {
      if (path.startsWith(prefix)) {
        path = path.substring(prefix.length());
        fromRoot = true;
        break;
      }
    }
    if (path.contains(":") || path.contains("${") || path.contains("\\") || path.contains("*") || path.contains("?")) {
      return Optional.empty();
    }
    if (path.startsWith("/")) {
      path = path.substring(1);
      fromRoot = true;
    }
    List<String> segments = List.of(path.split("/", -1));
    if (path.isEmpty() || segments.stream().anyMatch(s -> s.isEmpty() || s.equals("..") || s.equals("."))) {
      return Optional.empty();
    }
    return Optional.of(new ScriptPath(path, fromRoot));
  }

  /** The isolation a {@code @Transactional} asks for, as written ({@code Isolation.SERIALIZABLE}). */
  Optional<String> isolation(AnnotationExpr annotation) {
    return transactionMember(annotation, "isolation");
  }

  /** The transaction manager a {@code @Transactional} names: its {@code transactionManager}, or its value. */
  Optional<String> transactionManager(AnnotationExpr annotation) {
    if (annotation.getName().getIdentifier().equals("Transactional")
        && annotation instanceof com.github.javaparser.ast.expr.SingleMemberAnnotationExpr single) {
      return Optional.of(single.getMemberValue().toString());
    }
    return transactionMember(annotation, "transactionManager").or(() -> transactionMember(annotation, "value"));
  }

  /** A member of {@code @Transactional} as written ({@code Propagation.REQUIRES_NEW}). */
  Optional<String> transactionMember(AnnotationExpr annotation, String member) {
    if (!annotation.getName().getIdentifier().equals("Transactional") || !(annotation instanceof NormalAnnotationExpr normal)) {
      return Optional.empty();
    }
    return normal.getPairs().stream().filter(p -> p.getNameAsString().equals(member))
        .map(p -> p.getValue().toString()).findFirst();
  }

  /** Whether the annotation gives the member a value, readable or not. */
  public static boolean hasMember(AnnotationExpr annotation, String member) {
    return annotation instanceof SingleMemberAnnotationExpr && member.equals("value")
        || annotation instanceof NormalAnnotationExpr normal
            && normal.getPairs().stream().anyMatch(pair -> pair.getNameAsString().equals(member));
  }

  /** The classes an annotation's value names as literals ({@code X.class}), as written, each with its ".class". */
  private static List<String> classLiterals(AnnotationExpr annotation) {
    Expression value = annotation instanceof SingleMemberAnnotationExpr single ? single.getMemberValue()
        : annotation instanceof NormalAnnotationExpr normal ? normal.getPairs().stream()
            .filter(pair -> pair.getNameAsString().equals("value")).map(MemberValuePair::getValue).findFirst()
            .orElse(null) : null;
    List<Expression> items = value instanceof ArrayInitializerExpr array ? array.getValues()
        : value == null ? List.of() : List.of(value);
    List<String> classes = new ArrayList<>();
    for (Expression item : items) {
      if (item instanceof com.github.javaparser.ast.expr.ClassExpr literal) {
        classes.add(literal.getType().asString() + ".class");
      }
    }
    return classes;
  }

  /**
   * The annotations whose {@code value} is the query a repository or mapper method runs, by simple name, in the order
   * a reader takes the first of: Spring Data's {@code @Query} and {@code @NativeQuery}, MyBatis' {@code @Select},
   * {@code @Insert}, {@code @Update}, {@code @Delete}, JDBI's {@code @SqlQuery} and {@code @SqlUpdate}.
   */
  public static final List<String> QUERY_ANNOTATIONS = List.of("Query", "Select", "Insert", "Update", "Delete",
      "SqlQuery", "SqlUpdate", "NativeQuery");

  /**
   * The {@code value} of a method's query annotations whose text names another type's constants ({@code
   * @Query(Queries.BASE + " and t.id = :id")}, {@code @Select(Queries.FIND)}), by the annotation's qualified name:
   * {@link #methodAnnotationValues} holds what this file tells of them, the index reads the rest. Sorted.
   *
   * @param declaringType the type declaring a static member an expression names, as the symbol solver finds it
   */
  public Map<String, ComposedText> composedValues(CallableDeclaration<?> callable,
      java.util.function.Function<Expression, Optional<String>> declaringType) {
    Map<String, ComposedText> composed = new TreeMap<>();
    for (AnnotationExpr annotation : callable.getAnnotations()) {
      if (!QUERY_ANNOTATIONS.contains(annotation.getName().getIdentifier())) {
        continue;
      }
      memberValue(annotation, "value")
          .flatMap(value -> strings.composed(value, declaringType))
          .ifPresent(text -> composed.put(names.qualify(annotation.getNameAsString()).name(), text));
    }
    return composed.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(composed);
  }

  /** The expression an annotation gives a member: {@code @A(x)} and {@code @A(value = x)} for value. */
  private static Optional<Expression> memberValue(AnnotationExpr annotation, String member) {
    Expression value = null;
    if (annotation instanceof SingleMemberAnnotationExpr single && member.equals("value")) {
      value = single.getMemberValue();
    } else if (annotation instanceof NormalAnnotationExpr normal) {
      for (MemberValuePair pair : normal.getPairs()) {
        if (pair.getNameAsString().equals(member)) {
          value = pair.getValue();
        }
      }
    }
    return Optional.ofNullable(value);
  }

  public List<String> annotationStrings(AnnotationExpr annotation, String member) {
    List<String> values = new ArrayList<>();
    Expression value = memberValue(annotation, member).orElse(null);
    if (value instanceof ArrayInitializerExpr array) {
      array.getValues().forEach(v -> Optional.ofNullable(strings.text(v)).ifPresent(values::add));
    } else if (value != null) {
      Optional.ofNullable(strings.text(value)).ifPresent(values::add);
    }
    return values;
  }
}
