package dev.optkit.analyzers.facts;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.optkit.analyzers.catalog.ClientCatalog;
import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.catalog.ClientSignature;
import dev.optkit.analyzers.facts.loops.LoopShapes;
import dev.optkit.analyzers.findings.Confidence;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one parsed file into {@link FileFacts}: its types, and for each method the I/O sites,
 * project calls, loops and caching it contains. Catalogue calls are first found by name and
 * declared type (cheap), and only those candidates are handed to the symbol solver.
 */
public final class FactExtractor {
  private static final Set<String> EXECUTOR_METHODS = Set.of(
      "submit", "execute", "supplyAsync", "runAsync", "schedule", "scheduleAtFixedRate",
      "scheduleWithFixedDelay", "invokeAll", "invokeAny", "thenApplyAsync", "thenComposeAsync",
      "thenAcceptAsync", "startVirtualThread", "ofVirtual", "fork");
  /** Calls that keep the code they get to run later: a queue of pending writes, a listener list. */
  private static final Set<String> STORING_METHODS = Set.of(
      "add", "addFirst", "addLast", "offer", "offerFirst", "offerLast", "push", "put", "putIfAbsent", "set",
      "register", "addListener", "addCallback", "addHook", "addShutdownHook", "registerSynchronization");
  private static final Set<String> HTTP_VERBS = Set.of("get", "post", "put", "patch", "delete", "head", "options");
  private static final Set<String> JOIN_METHODS = Set.of("join", "get", "block", "blockFirst", "blockLast", "getNow", "resultNow");
  private static final Set<String> COLLECTING_METHODS = Set.of(
      "add", "addAll", "put", "putAll", "putIfAbsent", "merge", "compute", "computeIfAbsent", "offer", "push", "accept", "append");
  private static final Set<String> RANDOM_TYPES = Set.of(
      "java.util.Random", "java.security.SecureRandom", "java.util.concurrent.ThreadLocalRandom",
      "java.util.random.RandomGenerator", "java.time.Clock", "java.util.SplittableRandom");
  /**
   * Reads of settings a cache key does not cover: the JVM's (changeable at run time through their
   * setters), and Spring's per-request locale and time zone (one user's language served to another).
   */
  private static final Set<String> JVM_SETTINGS = Set.of("Locale.getDefault", "TimeZone.getDefault",
      "ZoneId.systemDefault", "System.getProperty", "System.getProperties", "Calendar.getInstance",
      "LocaleContextHolder.getLocale", "LocaleContextHolder.getTimeZone", "LocaleContextHolder.getLocaleContext");
  private static final Set<String> JVM_SETTING_HOLDERS = Set.of("Locale", "TimeZone", "ZoneId", "System", "Calendar",
      "LocaleContextHolder");
  private static final Set<String> TIME_OR_RANDOM_TYPES = Set.of(
      "Instant", "LocalDate", "LocalDateTime", "LocalTime", "ZonedDateTime", "OffsetDateTime", "Year", "YearMonth", "Clock");
  private static final Set<String> CACHE_TYPES = Set.of(
      "com.github.benmanes.caffeine.cache.Cache", "com.github.benmanes.caffeine.cache.LoadingCache",
      "com.github.benmanes.caffeine.cache.AsyncCache", "com.github.benmanes.caffeine.cache.AsyncLoadingCache",
      "com.google.common.cache.Cache", "com.google.common.cache.LoadingCache", "javax.cache.Cache",
      "org.springframework.cache.Cache");
  private static final Set<String> INJECTION_ANNOTATIONS =
      Set.of("Autowired", "Inject", "Resource", "Value", "PersistenceContext", "Mock", "MockBean");
  private static final Set<String> CACHE_ANNOTATIONS = Set.of("Cacheable", "CachePut", "CacheResult");
  private static final Set<String> MAP_TYPES = Set.of(
      "java.util.Map", "java.util.HashMap", "java.util.concurrent.ConcurrentHashMap",
      "java.util.concurrent.ConcurrentMap", "java.util.LinkedHashMap", "java.util.WeakHashMap");
  private static final Pattern IGNORE_COMMENT = Pattern.compile("//\\s*optkit:ignore\\s+([\\w*-]+)\\s*(.*)$");
  private static final Pattern URL_LIKE = Pattern.compile("^(https?://|/|\\{)");

  private final ClientCatalog catalog;
  private final ReceiverResolver resolver;
  private final Predicate<String> knownType;

  /**
   * @param knownType whether a qualified name is a type optkit knows of (project, catalogue or JDK),
   *     used to qualify names brought in by on-demand imports
   */
  public FactExtractor(ClientCatalog catalog, ReceiverResolver resolver, Predicate<String> knownType) {
    this.catalog = catalog;
    this.resolver = resolver;
    this.knownType = knownType;
  }

  public FileFacts extract(String path, CompilationUnit unit, String content) {
    return extract(path, unit, content, () -> {});
  }

  /**
   * @param beforeEachMethod run before each method's facts are extracted: a file's time budget is
   *     checked there (and at each resolution), so it bounds the extraction, not only the solver
   */
  public FileFacts extract(String path, CompilationUnit unit, String content, Runnable beforeEachMethod) {
    return new FileRun(path, unit, new SourceText(content)).run(beforeEachMethod);
  }

  /** Where the statements of a method's or class's {@code @Sql} annotations are kept among its annotation values. */
  public static final String SQL_STATEMENTS = "org.springframework.test.context.jdbc.Sql#statements";
  /** Where the isolation of a method's or class's Spring {@code @Transactional} is kept among its annotation values. */
  public static final String TRANSACTION_ISOLATION = "org.springframework.transaction.annotation.Transactional#isolation";
  public static final String TRANSACTION_PROPAGATION = "org.springframework.transaction.annotation.Transactional#propagation";
  /** Present ("true") when {@code @Transactional} names exceptions it commits for ({@code noRollbackFor...}). */
  public static final String TRANSACTION_NO_ROLLBACK = "org.springframework.transaction.annotation.Transactional#noRollbackFor";

  /** The work on one file; holds what every method of the file shares. */
  private final class FileRun {
    private final String path;
    private final CompilationUnit unit;
    private final SourceText text;
    private final TypeNames names;
    private final Map<String, String> constants = new HashMap<>();
    private final boolean importsClientPackage;
    /** Calls on mocks are looked for only where Mockito is imported: the question is asked of every call. */
    private final boolean importsMockito;
    private final List<TypeFact> types = new ArrayList<>();
    private final Map<String, Map<String, String>> fieldsByType = new HashMap<>();
    private final List<ExistingCacheFact> caches = new ArrayList<>();
    private final Set<String> mutableFields = new HashSet<>();
    private final Set<String> staticMutableFields = new HashSet<>();
    // what the passes over the file need, from one walk of its tree
    private final List<FieldDeclaration> fields = new ArrayList<>();
    private final List<TypeDeclaration<?>> typeDeclarations = new ArrayList<>();
    private final List<CallableDeclaration<?>> callables = new ArrayList<>();
    private final List<Node> creations = new ArrayList<>(); // new T(...), enum constants, T.class handed to reflection
    private final Set<String> assigned = new HashSet<>(); // names assigned anywhere: such a field's initializer is no constant
    private final FieldReceivers fieldReceivers = new FieldReceivers();
    /** By method name, the client this file's imports give it (a function of the imports and the name). */
    private final Map<String, Optional<ClientSignature>> importedClients = new HashMap<>();
    /** Per class of the file, the beans its fields are wired to by name. */
    private final Map<Node, Map<String, String>> qualifiers = new java.util.IdentityHashMap<>();
    /** Each method's and constructor's body, walked by the file's walk. */
    private final Map<CallableDeclaration<?>, BodyNodes> bodyNodes = new IdentityHashMap<>();

    FileRun(String path, CompilationUnit unit, SourceText text) {
      this.path = path;
      this.unit = unit;
      this.text = text;
      // one walk of the file; each method's and constructor's body is walked as its BodyNodes, which also
      // report their nodes here, so no body is walked twice
      PreOrder.walkPruned(unit, node -> {
        CallableDeclaration<?> callable = callableOfBody(node);
        if (callable == null) {
          noteFileNode(node);
          return true;
        }
        bodyNodes.put(callable, BodyNodes.of(node, this::noteFileNode));
        return false;
      });
      this.names = new TypeNames(unit, typeDeclarations, knownType);
      boolean clientImport = false;
      for (String imported : names.importedNames()) {
        String pkg = imported.contains(".") ? imported.substring(0, imported.lastIndexOf('.')) : imported;
        if (catalog.isClientPackage(pkg) || catalog.isClientPackage(imported)) {
          clientImport = true;
        }
      }
      this.importsClientPackage = clientImport;
      this.importsMockito = unit.getImports().stream().anyMatch(i -> i.getNameAsString().startsWith("org.mockito"));
    }

    /** Gathers what the passes over the file need from one node, in the order findAll would give. */
    private void noteFileNode(Node node) {
      if (node instanceof AssignExpr assign) {
        Expression target = assign.getTarget();
        if (target instanceof NameExpr name) {
          assigned.add(name.getNameAsString());
        } else if (target instanceof FieldAccessExpr access) {
          assigned.add(access.getNameAsString());
        }
      }
      if (node instanceof FieldDeclaration field) {
        fields.add(field);
      } else if (node instanceof TypeDeclaration<?> type) {
        typeDeclarations.add(type);
      } else if (node instanceof CallableDeclaration<?> callable) {
        callables.add(callable);
      } else if (node instanceof ObjectCreationExpr || node instanceof EnumConstantDeclaration
          || node instanceof ClassExpr || node instanceof MethodReferenceExpr reference
              && reference.getIdentifier().equals("new")
          || node instanceof MethodCallExpr forName && forName.getNameAsString().equals("forName")) {
        creations.add(node);
      }
    }

    /** The method or constructor of a class (local classes too) whose body this node is; else null. */
    private static CallableDeclaration<?> callableOfBody(Node node) {
      if (node instanceof BlockStmt && node.getParentNode().orElse(null) instanceof CallableDeclaration<?> callable
          && callable.getParentNode().orElse(null) instanceof TypeDeclaration<?>
          && (callable instanceof MethodDeclaration method ? method.getBody().orElse(null) == node
              : callable instanceof ConstructorDeclaration constructor && constructor.getBody() == node)) {
        return callable;
      }
      return null;
    }

    FileFacts run(Runnable beforeEachMethod) {
      for (FieldDeclaration field : fields) {
        for (VariableDeclarator variable : field.getVariables()) {
          if (field.isFinal() || !assigned.contains(variable.getNameAsString())) {
            variable.getInitializer().map(this::constantText).ifPresent(v -> constants.put(variable.getNameAsString(), v));
          }
        }
      }
      for (TypeDeclaration<?> type : typeDeclarations) {
        types.add(describeType(type));
      }
      List<MethodFact> methods = new ArrayList<>();
      for (CallableDeclaration<?> callable : callables) {
        if (callable.getParentNode().orElse(null) instanceof TypeDeclaration<?>) {
          beforeEachMethod.run();
          methods.add(new MethodRun(callable, this).run());
        }
      }
      return new FileFacts(path, names.packageName(), text.lineCount(), List.copyOf(types), List.copyOf(methods),
          List.copyOf(caches), suppressions(), Creations.of(creations, names));
    }

    private TypeFact describeType(TypeDeclaration<?> type) {
      String qualified = qualifiedName(type);
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
      for (FieldDeclaration field : type.getFields()) {
        boolean injected = field.getAnnotations().stream().anyMatch(a -> INJECTION_ANNOTATIONS.contains(a.getName().getIdentifier()));
        for (VariableDeclarator variable : field.getVariables()) {
          String fieldType = names.qualify(variable.getType()).name();
          fields.put(variable.getNameAsString(), fieldType);
          boolean constant = field.isFinal() && field.isStatic() && variable.getType().isPrimitiveType();
          if (!injected && !constant && isStateType(fieldType, variable)
              && (!field.isFinal() && assignedOutsideConstructors(type, variable.getNameAsString())
                  || mutatedOutsideConstructors(type, variable.getNameAsString()))) {
            mutableFields.add(qualified + "#" + variable.getNameAsString());
            if (field.isStatic()) {
              staticMutableFields.add(qualified + "#" + variable.getNameAsString());
            }
          }
          if (CACHE_TYPES.contains(fieldType)) {
            caches.add(new ExistingCacheFact(cacheMechanism(fieldType), qualified, variable.getNameAsString(),
                variable.getNameAsString(), SourceRange.of(variable), text.snippet(field)));
          }
        }
      }
      HttpCacheClients.cachedFields(type).forEach((name, variable) -> caches.add(new ExistingCacheFact("http-cache",
          qualified, name, name, SourceRange.of(variable), text.snippet(variable))));
      if (type instanceof RecordDeclaration record) {
        for (Parameter component : record.getParameters()) {
          // arrays keep their brackets: a record's equals compares them by identity
          String array = component.getType().isArrayType() || component.isVarArgs() ? "[]" : "";
          fields.put(component.getNameAsString(), names.qualify(component.getType()).name() + array);
        }
      }
      fieldsByType.put(qualified, fields);
      // Lombok's @Value: final fields, equals and hashCode over all of them (@Data and @EqualsAndHashCode are
      // left out: a key with setters, or equal by a few fields only, would find answers computed for another)
      boolean equalsAndHashCode = type instanceof RecordDeclaration || type instanceof EnumDeclaration
          || (!type.getMethodsBySignature("equals", "Object").isEmpty() && !type.getMethodsByName("hashCode").isEmpty()
              && equalsComparesEveryField(type))
          || type.getAnnotations().stream().anyMatch(a -> a.getNameAsString().equals("lombok.Value")
              || a.getNameAsString().equals("Value") && names.importedNames().contains("lombok.Value"))
          // @Data on final fields only: no setters, equals and hashCode over every field (none transient)
          || lombokDataValue(type);
      ConstructionState.Reads construction = ConstructionState.reads(type);
      return new TypeFact(qualified, kind, List.copyOf(superTypes), annotationNames(type), fields, equalsAndHashCode,
          SourceRange.of(type), typeAnnotationValues(type), superTypeArguments(type), List.copyOf(interfaces),
          type.hasModifier(com.github.javaparser.ast.Modifier.Keyword.FINAL),
          EntityAssociations.of(type, t -> names.qualify(t).name()), construction.other(),
          EntityAssociations.mappingUnread(type), EntityAssociations.dataBeyondMapping(type), construction.constants());
    }

    /** Whether Lombok's {@code @Data} is on the type: written qualified, imported, or under {@code import lombok.*}. */
    /**
     * Lombok's {@code @Data} that makes a value: every field final, not transient, of an immutable JDK
     * value type (no setters, nothing inside to change), and equals left whole: no
     * {@code @EqualsAndHashCode} on the class or {@code @EqualsAndHashCode.Exclude}/{@code .Include} on a field.
     */
    private boolean lombokDataValue(TypeDeclaration<?> type) {
      if (!lombokData(type) || type.getAnnotations().stream().anyMatch(a -> a.getNameAsString().endsWith("EqualsAndHashCode"))) {
        return false;
      }
      return type.getFields().stream().filter(f -> !f.isStatic()).allMatch(f -> f.isFinal() && !f.isTransient()
          && f.getAnnotations().stream().noneMatch(a -> a.getNameAsString().contains("EqualsAndHashCode"))
          && f.getVariables().stream().allMatch(v -> IMMUTABLE_FIELD_TYPES.contains(names.qualify(v.getType()).name())
              || names.qualify(v.getType()).name().startsWith("java.time.")));
    }

    private static final Set<String> IMMUTABLE_FIELD_TYPES = Set.of("java.lang.String", "java.lang.Integer",
        "java.lang.Long", "java.lang.Boolean", "java.lang.Double", "java.lang.Float", "java.lang.Short", "java.lang.Byte",
        "java.lang.Character", "java.math.BigDecimal", "java.math.BigInteger", "java.util.UUID", "int", "long",
        "boolean", "double", "float", "short", "byte", "char");

    private boolean lombokData(TypeDeclaration<?> type) {
      return type.getAnnotations().stream().anyMatch(a -> a.getNameAsString().equals("lombok.Data")
          || a.getNameAsString().equals("Data") && names.importedNames().stream()
              .anyMatch(n -> n.equals("lombok.Data") || n.equals("lombok")));
    }

    /**
     * Whether a hand-written equals names every instance field (directly or by its getter): one that
     * compares an order line by its id alone makes two lines with other products equal keys, and a
     * cache would answer for the first.
     */
    private static boolean equalsComparesEveryField(TypeDeclaration<?> type) {
      Set<String> used = new java.util.HashSet<>();
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

    private static final List<String> TYPE_ANNOTATION_MEMBERS =
        List.of("value", "name", "path", "basePackages", "scanBasePackages", "profiles");

    private Map<String, String> typeAnnotationValues(TypeDeclaration<?> type) {
      Map<String, String> values = new TreeMap<>();
      for (AnnotationExpr annotation : type.getAnnotations()) {
        sqlStatements(annotation).ifPresent(sql -> values.put(SQL_STATEMENTS, sql));
        isolation(annotation).ifPresent(level -> values.put(TRANSACTION_ISOLATION, level));
        transactionMember(annotation, "propagation").ifPresent(p -> values.put(TRANSACTION_PROPAGATION, p));
        transactionMember(annotation, "noRollbackFor").or(() -> transactionMember(annotation, "noRollbackForClassName"))
            .ifPresent(p -> values.put(TRANSACTION_NO_ROLLBACK, "true"));
        String qualified = names.qualify(annotation.getNameAsString()).name();
        for (String member : TYPE_ANNOTATION_MEMBERS) {
          List<String> strings = annotationStrings(annotation, member);
          if (!strings.isEmpty()) {
            values.put(qualified + "#" + member, String.join(",", strings));
          } else if (annotation.getNameAsString().endsWith("Table") && hasMember(annotation, member)) {
            // @Table(Tables.GIZMOS): a name from another file's constant, which this file cannot read
            values.put(qualified + "#" + member, TypeFact.UNRESOLVED);
          }
        }
      }
      return java.util.Collections.unmodifiableMap(values);
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

    private static final Set<String> STATE_MUTATORS = Set.of(
        "put", "putAll", "putIfAbsent", "remove", "clear", "add", "addAll", "set", "merge", "compute",
        "computeIfAbsent", "computeIfPresent", "replace", "replaceAll", "removeIf", "incrementAndGet",
        "decrementAndGet", "getAndIncrement", "getAndDecrement", "addAndGet", "getAndSet", "getAndAdd", "lazySet",
        "accumulateAndGet", "updateAndGet", "increment", "decrement", "reset");

    /** The fields a type's methods (not its constructors) assign, and those they change in place. */
    private record FieldWrites(Set<String> assigned, Set<String> mutated) {}

    private final Map<TypeDeclaration<?>, FieldWrites> fieldWrites = new java.util.IdentityHashMap<>();

    /** One walk over the type's methods, however many fields ask. */
    private FieldWrites fieldWrites(TypeDeclaration<?> type) {
      return fieldWrites.computeIfAbsent(type, t -> {
        Set<String> assigned = new HashSet<>();
        Set<String> mutated = new HashSet<>();
        for (MethodDeclaration method : t.getMethods()) {
          PreOrder.walk(method, node -> {
            if (node instanceof MethodCallExpr call && STATE_MUTATORS.contains(call.getNameAsString())) {
              Expression scope = call.getScope().orElse(null);
              if (scope instanceof NameExpr name) {
                mutated.add(name.getNameAsString());
              } else if (scope instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
                mutated.add(access.getNameAsString());
              }
            } else if (node instanceof UnaryExpr step && (step.getOperator().isPostfix()
                || step.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT
                || step.getOperator() == UnaryExpr.Operator.PREFIX_DECREMENT)) {
              if (step.getExpression() instanceof NameExpr name) {
                mutated.add(name.getNameAsString());
              } else if (step.getExpression() instanceof FieldAccessExpr access) {
                mutated.add(access.getNameAsString());
              }
            } else if (node instanceof AssignExpr assign) {
              if (assign.getTarget() instanceof NameExpr name) {
                assigned.add(name.getNameAsString());
              } else if (assign.getTarget() instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
                assigned.add(access.getNameAsString());
              }
            }
          });
        }
        return new FieldWrites(assigned, mutated);
      });
    }

    /**
     * A field whose object changes after construction: a final map or list filled by a method, an
     * atomic counter, a field stepped with {@code ++}. A result computed from it changes with it.
     */
    private boolean mutatedOutsideConstructors(TypeDeclaration<?> type, String field) {
      return fieldWrites(type).mutated().contains(field);
    }

    /** A field set only while constructing is effectively final; one set by setters is state. */
    private boolean assignedOutsideConstructors(TypeDeclaration<?> type, String field) {
      return fieldWrites(type).assigned().contains(field);
    }

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

    List<String> annotationNames(NodeWithAnnotations<?> node) {
      List<String> result = new ArrayList<>();
      for (AnnotationExpr annotation : node.getAnnotations()) {
        result.add(names.qualify(annotation.getNameAsString()).name());
      }
      return List.copyOf(result);
    }

    private List<FileFacts.Suppression> suppressions() {
      if (!text.mentionsOptkit()) {
        return List.of(); // no walk over the tree for what the text does not hold
      }
      List<FileFacts.Suppression> result = new ArrayList<>();
      for (Node node : unit.findAll(Node.class, n -> n instanceof NodeWithAnnotations<?>)) {
        for (AnnotationExpr annotation : ((NodeWithAnnotations<?>) node).getAnnotations()) {
          if (!annotation.getNameAsString().endsWith("SuppressWarnings")) {
            continue;
          }
          for (String value : annotationStrings(annotation, "value")) {
            if (value.startsWith("optkit:")) {
              result.add(new FileFacts.Suppression(value.substring("optkit:".length()), SourceRange.of(node), "@SuppressWarnings"));
            }
          }
        }
      }
      for (int line = 1; line <= text.lineCount(); line++) {
        String content = text.line(line);
        if (!content.contains("optkit:ignore")) {
          continue;
        }
        Matcher matcher = IGNORE_COMMENT.matcher(content);
        if (matcher.find()) {
          result.add(new FileFacts.Suppression(matcher.group(1), new SourceRange(line, 1, line, content.length()),
              matcher.group(2).trim()));
        }
      }
      return List.copyOf(result);
    }

    String qualifiedName(TypeDeclaration<?> type) {
      return type.getFullyQualifiedName().orElseGet(() -> {
        String pkg = names.packageName();
        return pkg.isEmpty() ? type.getNameAsString() : pkg + "." + type.getNameAsString();
      });
    }

    /** The literal value of a constant-like expression, with unknown parts as {name}. */
    String constantText(Expression expression) {
      if (expression instanceof StringLiteralExpr literal) {
        return literal.asString();
      }
      if (expression instanceof TextBlockLiteralExpr block) {
        return block.asString();
      }
      if (expression instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS) {
        String left = constantText(binary.getLeft());
        String right = constantText(binary.getRight());
        if (left == null && right == null) {
          return null;
        }
        return (left == null ? placeholder(binary.getLeft()) : left) + (right == null ? placeholder(binary.getRight()) : right);
      }
      if (expression instanceof EnclosedExpr enclosed) {
        return constantText(enclosed.getInner());
      }
      return null;
    }

    /** Text of an expression for URLs and SQL: literals, constants, concatenations; unknown parts as {name}. */
    String text(Expression expression) {
      if (expression instanceof NameExpr name && constants.containsKey(name.getNameAsString())) {
        return constants.get(name.getNameAsString());
      }
      if (expression instanceof FieldAccessExpr access && constants.containsKey(access.getNameAsString())) {
        return constants.get(access.getNameAsString());
      }
      if (expression instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS) {
        String left = text(binary.getLeft());
        String right = text(binary.getRight());
        if (left == null && right == null) {
          return null;
        }
        return (left == null ? placeholder(binary.getLeft()) : left) + (right == null ? placeholder(binary.getRight()) : right);
      }
      if (expression instanceof MethodCallExpr call) {
        String name = call.getNameAsString();
        if (name.equals("toString")) {
          return BuiltStrings.of(call, this::text); // SQL assembled in a StringBuilder
        }
        if ((name.equals("formatted") || name.equals("concat")) && call.getScope().isPresent()) {
          return text(call.getScope().get());
        }
        if ((name.equals("format") || name.equals("create") || name.equals("fromUriString") || name.equals("valueOf"))
            && call.getArguments().isNonEmpty()) {
          return text(call.getArgument(0));
        }
        return null;
      }
      return constantText(expression);
    }

    private String placeholder(Expression expression) {
      if (expression instanceof NameExpr name) {
        return "{" + name.getNameAsString() + "}";
      }
      if (expression instanceof FieldAccessExpr access) {
        return "{" + access.getNameAsString() + "}";
      }
      if (expression instanceof MethodCallExpr call) {
        return "{" + call.getNameAsString() + "()}";
      }
      return "{}";
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
        annotation.findAll(AnnotationExpr.class).stream().filter(a -> a != annotation
            && a.getName().getIdentifier().equals("Sql")).forEach(a -> statements.addAll(annotationStrings(a, "statements")));
      } else {
        return Optional.empty();
      }
      return statements.isEmpty() ? Optional.empty() : Optional.of(String.join(";\n", statements));
    }

    /** The isolation a {@code @Transactional} asks for, as written ({@code Isolation.SERIALIZABLE}). */
    Optional<String> isolation(AnnotationExpr annotation) {
      return transactionMember(annotation, "isolation");
    }

    /** A member of {@code @Transactional} as written ({@code Propagation.REQUIRES_NEW}). */
    Optional<String> transactionMember(AnnotationExpr annotation, String member) {
      if (!annotation.getName().getIdentifier().equals("Transactional") || !(annotation instanceof NormalAnnotationExpr normal)) {
        return Optional.empty();
      }
      return normal.getPairs().stream().filter(p -> p.getNameAsString().equals(member))
          .map(p -> p.getValue().toString()).findFirst();
    }

    private static boolean hasMember(AnnotationExpr annotation, String member) {
      return annotation instanceof SingleMemberAnnotationExpr && member.equals("value")
          || annotation instanceof NormalAnnotationExpr normal
              && normal.getPairs().stream().anyMatch(pair -> pair.getNameAsString().equals(member));
    }

    List<String> annotationStrings(AnnotationExpr annotation, String member) {
      List<String> values = new ArrayList<>();
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
      if (value instanceof ArrayInitializerExpr array) {
        array.getValues().forEach(v -> Optional.ofNullable(text(v)).ifPresent(values::add));
      } else if (value != null) {
        Optional.ofNullable(text(value)).ifPresent(values::add);
      }
      return values;
    }
  }

  /** Builder calls that set a request's HTTP method. */
  private static final Set<String> VERB_SETTERS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "method");

  /** The analysis of one method or constructor body. */
  private final class MethodRun {
    private final CallableDeclaration<?> callable;
    private final FileRun file;
    private final String owner;
    private final Map<String, String> localTypes = new HashMap<>();
    private final Map<String, Expression> localInitializers = new HashMap<>();
    private final List<IoSite> sites = new ArrayList<>();
    private final List<Node> siteNodes = new ArrayList<>();
    private final List<CallRef> calls = new ArrayList<>();
    private final List<CallRef> constructorCalls = new ArrayList<>();
    private final List<Node> callNodes = new ArrayList<>();
    private final List<CallRef> opaqueCalls = new ArrayList<>();
    private final List<MethodCallExpr> opaqueNodes = new ArrayList<>();
    private final Map<Node, Integer> loopIndex = new IdentityHashMap<>();
    private final List<Node> loops = new ArrayList<>();
    private final List<String> timeOrRandom = new ArrayList<>();
    private final Set<String> transactionControl = new TreeSet<>();
    private int sqlParameter = -1;
    private boolean usesCache;
    private final List<String> mutableFieldsRead = new ArrayList<>();
    /** Every field of its own class the method reads, changing or not: an entity's getter may read an association. */
    private final List<String> fieldsRead = new ArrayList<>();
    private final List<String> staticFieldsRead = new ArrayList<>();
    private final Set<String> requestReceivers = new HashSet<>();

    /** The body's nodes, walked once (none for an abstract method). */
    private BodyNodes nodes;

    MethodRun(CallableDeclaration<?> callable, FileRun file) {
      this.callable = callable;
      this.file = file;
      TypeDeclaration<?> type = (TypeDeclaration<?>) callable.getParentNode().orElseThrow();
      this.owner = file.qualifiedName(type);
    }

    MethodFact run() {
      for (Parameter parameter : callable.getParameters()) {
        localTypes.put(parameter.getNameAsString(), file.names.qualify(parameter.getType()).name());
      }
      Optional<? extends Node> body = body();
      List<String> annotations = file.annotationNames(callable);
      if (body.isPresent()) {
        nodes = file.bodyNodes.get(callable);
        if (nodes == null) {
          nodes = BodyNodes.of(body.get()); // a class declared inside another body
        }
        collectLocals();
        collectLoops();
        for (MethodCallExpr call : nodes.ownCalls) {
          visitCall(call);
        }
        for (MethodReferenceExpr reference : nodes.ownReferences) {
          visitReference(reference);
        }
        for (Node read : nodes.ownReads) {
          noteMutableFieldRead(read);
        }
        for (ObjectCreationExpr creation : nodes.creations) {
          String created = TypeNames.erase(creation.getType().getNameAsString());
          String qualified = file.names.qualify(creation.getType()).name();
          if (creation.getAnonymousClassBody().isEmpty() && !qualified.startsWith("java.")) {
            constructorCalls.add(new CallRef(qualified, creation.getType().getName().getIdentifier(),
                creation.getArguments().size(), Confidence.MEDIUM, isDeferred(creation), SourceRange.of(creation),
                file.text.snippet(creation)));
          }
          // new Date() and new GregorianCalendar() hold the time they were made at
          if (created.equals("Random") || created.equals("SecureRandom")
              || (created.equals("Date") || created.equals("GregorianCalendar")) && creation.getArguments().isEmpty()) {
            timeOrRandom.add(file.text.snippet(creation));
          }
        }
      }
      for (AnnotationExpr annotation : callable.getAnnotations()) {
        String simple = annotation.getName().getIdentifier();
        if (CACHE_ANNOTATIONS.contains(simple)) {
          List<String> names = file.annotationStrings(annotation, "value");
          if (names.isEmpty()) {
            names = file.annotationStrings(annotation, "cacheNames");
          }
          if (names.isEmpty()) {
            names = file.annotationStrings(annotation, "cacheName");
          }
          file.caches.add(new ExistingCacheFact(simple.equals("CacheResult") ? "jcache-annotation" : "spring-" + simple.toLowerCase(Locale.ROOT),
              owner, callable.getNameAsString(), names.isEmpty() ? "" : String.join(",", names),
              SourceRange.of(annotation), file.text.snippet(annotation)));
          usesCache = true;
        }
      }
      if (body.isPresent()) {
        // if (memo == null) memo = client.get(): the I/O runs once per object, the method is cached code
        FieldMemos.in(nodes.ifs, name -> !localTypes.containsKey(name) && fieldType(name) != null)
            .ifPresent(memo -> {
              usesCache = true;
              file.caches.add(new ExistingCacheFact("field-memo", owner, callable.getNameAsString(), memo.field(),
                  SourceRange.of(memo.guard()), file.text.firstLine(memo.guard())));
            });
      }
      List<LoopFact> loopFacts = describeLoops();
      List<ParamFact> params = new ArrayList<>();
      for (Parameter parameter : callable.getParameters()) {
        params.add(new ParamFact(parameter.getNameAsString(), parameter.getType().asString(),
            file.names.qualify(parameter.getType()).name(), parameter.isVarArgs()));
      }
      boolean isConstructor = callable instanceof ConstructorDeclaration;
      String returnType = callable instanceof MethodDeclaration method ? file.names.qualify(method.getType()).name() : "void";
      boolean isAbstract = callable instanceof MethodDeclaration method && method.getBody().isEmpty();
      Map<String, String> annotationValues = new TreeMap<>();
      for (AnnotationExpr annotation : callable.getAnnotations()) {
        List<String> values = file.annotationStrings(annotation, "value");
        for (String member : List.of("path", "cacheNames", "name")) {
          if (values.isEmpty()) {
            values = file.annotationStrings(annotation, member);
          }
        }
        if (!values.isEmpty()) {
          annotationValues.put(file.names.qualify(annotation.getNameAsString()).name(), values.get(0));
        }
        file.sqlStatements(annotation).ifPresent(sql -> annotationValues.put(SQL_STATEMENTS, sql));
        file.isolation(annotation).ifPresent(level -> annotationValues.put(TRANSACTION_ISOLATION, level));
        file.transactionMember(annotation, "propagation").ifPresent(p -> annotationValues.put(TRANSACTION_PROPAGATION, p));
        file.transactionMember(annotation, "noRollbackFor")
            .or(() -> file.transactionMember(annotation, "noRollbackForClassName"))
            .ifPresent(p -> annotationValues.put(TRANSACTION_NO_ROLLBACK, "true"));
      }
      ResultMutations.Changes changes = body.map(b -> ResultMutations.of(b, nodes, callable.getParameters().stream()
          .map(Parameter::getNameAsString).toList())).orElse(ResultMutations.Changes.NONE);
      addRoots(changes.roots());
      List<MethodFact.ParameterMutation> parameterChanges = new ArrayList<>(changes.parameters());
      for (int i = 0; i < callable.getParameters().size(); i++) {
        if (callable.getParameter(i).getAnnotationByName("MappingTarget").isPresent()) {
          // a MapStruct mapper fills this argument in its generated implementation, which has no source here
          parameterChanges.add(new MethodFact.ParameterMutation(i, "@MappingTarget"));
        }
      }
      return new MethodFact(owner, callable.getNameAsString(), List.copyOf(params), returnType, annotations,
          java.util.Collections.unmodifiableMap(annotationValues),
          callable.isStatic(), isAbstract, callable.isPrivate(),
          callable instanceof MethodDeclaration method && method.isSynchronized(), isConstructor,
          new MethodFact.Modifiers(callable.isPublic(), callable.isFinal(), callable.getTypeParameters().isNonEmpty(),
              callable.getThrownExceptions().stream().map(t -> file.names.qualify(t).name()).toList(),
              callable.getParentNode().orElse(null) instanceof ClassOrInterfaceDeclaration owner
                  && owner.isNestedType() && !owner.isStatic() && !owner.isInterface()),
          SourceRange.of(callable), signatureLine(),
          List.copyOf(sites), List.copyOf(calls), loopFacts, List.copyOf(timeOrRandom), usesCache,
          List.copyOf(mutableFieldsRead), withRoots(changes.results(), changes.roots()), List.copyOf(parameterChanges),
          changes.handOffs(),
          List.copyOf(transactionControl), Math.max(sqlParameter, -1), returnRoots(changes.roots()),
          List.copyOf(staticFieldsRead), List.copyOf(opaqueCalls), List.copyOf(fieldsRead),
          List.copyOf(constructorCalls));
    }

    /** Each call's receiver and arguments, by where they come from: see {@link ValueRoots}. */
    private void addRoots(ValueRoots roots) {
      for (int i = 0; i < opaqueCalls.size(); i++) {
        MethodCallExpr call = opaqueNodes.get(i);
        List<String> found = new ArrayList<>();
        found.add(roots.ofReceiver(call.getScope().orElse(null)));
        call.getArguments().forEach(argument -> found.add(roots.of(argument)));
        opaqueCalls.set(i, opaqueCalls.get(i).withRoots(found));
      }
      for (int i = 0; i < calls.size(); i++) {
        List<String> found = new ArrayList<>();
        if (callNodes.get(i) instanceof MethodCallExpr call) {
          found.add(roots.ofReceiver(call.getScope().filter(s -> !(s instanceof ThisExpr)).orElse(null)));
          call.getArguments().forEach(argument -> found.add(roots.of(argument)));
        } else if (callNodes.get(i) instanceof MethodReferenceExpr reference) {
          found.add(reference.getScope() instanceof ThisExpr ? "this" : roots.ofReferenceReceiver(reference));
          String argument = roots.ofReferenceArgument(reference);
          if (argument != null) {
            found.add(argument); // images.stream().map(this::toSnapshot): each image
          }
        }
        calls.set(i, calls.get(i).withRoots(found));
      }
    }

    /** Each changed call result with where it comes from: a shared one makes the change a side effect. */
    private List<MethodFact.ResultMutation> withRoots(List<MethodFact.ResultMutation> changes, ValueRoots roots) {
      List<MethodFact.ResultMutation> found = new ArrayList<>();
      for (MethodFact.ResultMutation change : changes) {
        found.add(change.withRoots(roots.ofCallAt(change.line(), change.column(), change.call())));
      }
      return List.copyOf(found);
    }

    private List<String> returnRoots(ValueRoots roots) {
      List<String> found = new ArrayList<>();
      for (ReturnStmt returned : nodes == null ? List.<ReturnStmt>of() : nodes.returns) {
        if (returned.getExpression().isPresent() && ownReturn(returned)) {
          found.add(roots.of(returned.getExpression().get()));
        }
      }
      return List.copyOf(found);
    }

    /** A return of this method's own body, not of a lambda or a class declared in it. */
    private boolean ownReturn(ReturnStmt returned) {
      for (Node at = returned.getParentNode().orElse(null); at != null && at != callable;
          at = at.getParentNode().orElse(null)) {
        if (at instanceof LambdaExpr || at instanceof ObjectCreationExpr || at instanceof CallableDeclaration) {
          return false;
        }
      }
      return true;
    }

    /** Reads of plain mutable fields make the result depend on the object, not only on the parameters. */
    private void noteMutableFieldRead(Node read) {
      if (read.getParentNode().orElse(null) instanceof AssignExpr assign && assign.getTarget() == read
          && assign.getOperator() == AssignExpr.Operator.ASSIGN) {
        return; // this.items = items sets the field; it reads nothing of it
      }
      String name;
      if (read instanceof NameExpr nameExpr) {
        name = nameExpr.getNameAsString();
        if (localTypes.containsKey(name) || read.getParentNode().orElse(null) instanceof FieldAccessExpr) {
          return;
        }
      } else {
        FieldAccessExpr access = (FieldAccessExpr) read;
        if (!(access.getScope() instanceof ThisExpr)) {
          return;
        }
        name = access.getNameAsString();
      }
      if (!fieldsRead.contains(name) && (read instanceof FieldAccessExpr || fieldType(name) != null)) {
        fieldsRead.add(name);
      }
      if (file.mutableFields.contains(owner + "#" + name) && !mutableFieldsRead.contains(name)) {
        mutableFieldsRead.add(name);
        if (file.staticMutableFields.contains(owner + "#" + name)) {
          staticFieldsRead.add(name);
        }
      }
    }

    /** The declaration's line without annotations before it or the body after it. */
    private String signatureLine() {
      SourceRange name = SourceRange.of(callable.getName());
      String line = file.text.line(name.line()).strip();
      int brace = line.indexOf('{');
      return (brace >= 0 ? line.substring(0, brace) : line).strip();
    }

    private Optional<? extends Node> body() {
      if (callable instanceof MethodDeclaration method) {
        return method.getBody();
      }
      return Optional.of(((ConstructorDeclaration) callable).getBody());
    }

    private void collectLocals() {
      Set<String> reassigned = new HashSet<>();
      for (AssignExpr assign : nodes.assignments) {
        if (assign.getTarget() instanceof NameExpr target) {
          reassigned.add(target.getNameAsString());
        }
      }
      // b.DELETE(); on a builder made as HttpRequest.newBuilder(uri).GET(): its initializer no longer tells what it holds
      for (MethodCallExpr call : nodes.ownCalls) {
        if (call.getParentNode().orElse(null) instanceof com.github.javaparser.ast.stmt.ExpressionStmt
            && call.getScope().orElse(null) instanceof NameExpr receiver && VERB_SETTERS.contains(call.getNameAsString())) {
          reassigned.add(receiver.getNameAsString());
        }
      }
      for (VariableDeclarator variable : nodes.variables) {
        String name = variable.getNameAsString();
        if (!reassigned.contains(name)) { // a reassigned local may hold any of its values at the call
          variable.getInitializer().ifPresent(init -> localInitializers.putIfAbsent(name, init));
        }
        if (variable.getType().isVarType()) {
          variable.getInitializer().flatMap(this::syntacticTypeOfInitializer).ifPresent(t -> localTypes.putIfAbsent(name, t));
        } else {
          localTypes.putIfAbsent(name, file.names.qualify(variable.getType()).name());
        }
      }
      for (Parameter parameter : nodes.parameters) {
        if (!parameter.getType().isUnknownType() && !parameter.getType().isVarType()) {
          localTypes.putIfAbsent(parameter.getNameAsString(), file.names.qualify(parameter.getType()).name());
        }
      }
    }

    private Optional<String> syntacticTypeOfInitializer(Expression init) {
      if (init instanceof ObjectCreationExpr creation) {
        return Optional.of(file.names.qualify(creation.getType()).name());
      }
      if (init instanceof CastExpr cast) {
        return Optional.of(file.names.qualify(cast.getType()).name());
      }
      if (init instanceof MethodCallExpr call && call.getScope().orElse(null) instanceof NameExpr scope
          && Character.isUpperCase(scope.getNameAsString().charAt(0))
          && !localTypes.containsKey(scope.getNameAsString())) {
        // static factories mostly return their own type: HttpClient.newHttpClient(), RestClient.create()
        return Optional.of(file.names.qualify(scope.getNameAsString()).name());
      }
      if (init instanceof MethodCallExpr build && build.getNameAsString().equals("build")) {
        // S3Client.builder().region(r).build(): a builder chain rooted at a type's builder() builds that type
        Expression link = build;
        while (link instanceof MethodCallExpr call && call.getScope().isPresent()) {
          if (call.getNameAsString().equals("builder") && call.getScope().get() instanceof NameExpr type
              && Character.isUpperCase(type.getNameAsString().charAt(0))
              && !localTypes.containsKey(type.getNameAsString())) {
            return Optional.of(file.names.qualify(type.getNameAsString()).name());
          }
          link = call.getScope().get();
        }
      }
      return Optional.empty();
    }

    /** The receiver's qualified type from declarations alone, with how sure that is. */
    private TypeNames.Qualified syntacticType(Expression scope) {
      if (scope instanceof EnclosedExpr enclosed) {
        return syntacticType(enclosed.getInner());
      }
      if (scope instanceof CastExpr cast) {
        return file.names.qualify(cast.getType());
      }
      if (scope instanceof TypeExpr typeExpr && typeExpr.getType() instanceof ClassOrInterfaceType written
          && written.getScope().isEmpty()) {
        // the parser cannot tell `products::find` (a variable) from `Products::find` (a type)
        return syntacticType(new NameExpr(written.getNameAsString()));
      }
      if (scope instanceof NameExpr name) {
        String variable = name.getNameAsString();
        if (localTypes.containsKey(variable)) {
          return new TypeNames.Qualified(localTypes.get(variable), Confidence.HIGH);
        }
        String field = fieldType(variable);
        if (field != null) {
          return new TypeNames.Qualified(field, Confidence.HIGH);
        }
        if (Character.isUpperCase(variable.charAt(0))) {
          return file.names.qualify(variable);
        }
        return null;
      }
      if (scope instanceof FieldAccessExpr access) {
        if (access.getScope() instanceof ThisExpr) {
          String field = fieldType(access.getNameAsString());
          return field == null ? null : new TypeNames.Qualified(field, Confidence.HIGH);
        }
        if (Character.isUpperCase(access.getNameAsString().charAt(0))) {
          return file.names.qualify(access.toString());
        }
        return null;
      }
      if (scope instanceof ObjectCreationExpr creation) {
        return file.names.qualify(creation.getType());
      }
      if (scope instanceof ThisExpr) {
        return new TypeNames.Qualified(owner, Confidence.HIGH);
      }
      if (scope instanceof MethodCallExpr call) {
        return builtType(call);
      }
      return null;
    }

    /**
     * A connection narrowed to HttpURLConnection by an instanceof test: HTTP only when the URL
     * happens to be, as when a resource loader checks that a jar: or file: URL exists.
     */
    private boolean onlyIfHttp(Expression scope) {
      if (!(scope instanceof NameExpr name)) {
        return false;
      }
      Expression init = localInitializers.get(name.getNameAsString());
      if (init instanceof ConditionalExpr || init instanceof EnclosedExpr enclosed && enclosed.getInner() instanceof ConditionalExpr) {
        return true;
      }
      return nodes != null && nodes.typePatterns.stream().anyMatch(p -> p.getNameAsString().equals(name.getNameAsString()));
    }

    /** Builder idioms: X.builder() gives X.Builder, X.Builder.build() gives X, X.create() gives X. */
    private TypeNames.Qualified builtType(MethodCallExpr call) {
      String name = call.getNameAsString();
      Expression inner = call.getScope().orElse(null);
      if (inner == null) {
        return null;
      }
      boolean typeName = inner instanceof NameExpr n && Character.isUpperCase(n.getNameAsString().charAt(0))
          && !localTypes.containsKey(n.getNameAsString()) && fieldType(n.getNameAsString()) == null;
      if (typeName && (name.equals("builder") || name.equals("newBuilder"))) {
        TypeNames.Qualified type = file.names.qualify(((NameExpr) inner).getNameAsString());
        return new TypeNames.Qualified(type.name() + ".Builder", Confidence.MEDIUM);
      }
      if (typeName && name.equals("create")) {
        return new TypeNames.Qualified(file.names.qualify(((NameExpr) inner).getNameAsString()).name(), Confidence.MEDIUM);
      }
      if (name.equals("build")) {
        TypeNames.Qualified builder = syntacticType(inner);
        if (builder != null && builder.name().endsWith(".Builder")) {
          return new TypeNames.Qualified(builder.name().substring(0, builder.name().length() - ".Builder".length()),
              Confidence.MEDIUM);
        }
      }
      return null;
    }

    private String fieldType(String name) {
      Node node = callable;
      while (node != null) {
        if (node instanceof TypeDeclaration<?> type) {
          Map<String, String> fields = file.fieldsByType.get(file.qualifiedName(type));
          if (fields != null && fields.containsKey(name)) {
            return fields.get(name);
          }
        }
        node = node.getParentNode().orElse(null);
      }
      return null;
    }

    // ---- loops -------------------------------------------------------------------------------

    private void collectLoops() {
      for (Node node : nodes.loopCandidates) {
        if (!(node instanceof MethodCallExpr call) || LoopShapes.isPipelineLoop(call)) {
          addLoop(node);
        }
      }
    }

    private void addLoop(Node node) {
      loopIndex.put(node, loops.size());
      loops.add(node);
    }



    /**
     * The innermost loop that runs this node once per iteration, or -1; a node in a lambda handed
     * to an executor runs elsewhere, which {@link #isDeferred} reports.
     */
    private int enclosingLoop(Node node) {
      Node child = node;
      Node parent = node.getParentNode().orElse(null);
      while (parent != null && parent != callable) {
        Integer index = loopIndex.get(parent);
        if (index != null && LoopShapes.runsPerIteration(parent, child)) {
          return index;
        }
        if (parent instanceof MethodCallExpr call && (child instanceof LambdaExpr || child instanceof MethodReferenceExpr)) {
          if (EXECUTOR_METHODS.contains(call.getNameAsString())) {
            return -1;
          }
          MethodCallExpr outer = LoopShapes.outermost(call);
          Integer pipeline = loopIndex.get(outer);
          if (pipeline != null) {
            return pipeline;
          }
        }
        child = parent;
        parent = parent.getParentNode().orElse(null);
      }
      return -1;
    }


    private boolean isDeferred(Node node) {
      Node child = node;
      Node parent = node.getParentNode().orElse(null);
      while (parent != null && parent != callable) {
        if (parent instanceof MethodCallExpr call && call.getArguments().contains(child)
            && (child instanceof LambdaExpr || child instanceof MethodReferenceExpr || child instanceof ObjectCreationExpr)
            && (EXECUTOR_METHODS.contains(call.getNameAsString()) || STORING_METHODS.contains(call.getNameAsString()))) {
          return true; // run by an executor, or kept to run later (pending.add(() -> write()))
        }
        if ((child instanceof LambdaExpr || child instanceof MethodReferenceExpr) && LoopShapes.escapes(parent)) {
          return true;
        }
        child = parent;
        parent = parent.getParentNode().orElse(null);
      }
      return false;
    }




    private List<LoopFact> describeLoops() {
      List<LoopFact> result = new ArrayList<>();
      List<Integer> siteLoops = new ArrayList<>();
      for (Node siteNode : siteNodes) {
        siteLoops.add(enclosingLoop(siteNode));
      }
      List<Integer> callLoops = new ArrayList<>();
      for (Node callNode : callNodes) {
        callLoops.add(enclosingLoop(callNode));
      }
      for (int i = 0; i < loops.size(); i++) {
        Node loop = loops.get(i);
        if (LoopShapes.chunked(loop)) {
          continue; // a round trip per chunk of keys: batched already
        }
        List<Integer> loopSites = new ArrayList<>();
        for (int s = 0; s < siteLoops.size(); s++) {
          if (siteLoops.get(s) == i) {
            loopSites.add(s);
          }
        }
        List<Integer> loopCalls = new ArrayList<>();
        for (int c = 0; c < callLoops.size(); c++) {
          if (callLoops.get(c) == i) {
            loopCalls.add(c);
          }
        }
        boolean joinsInside = joinsFuturesInside(loop);
        if (joinsInside) {
          for (int s = 0; s < siteNodes.size(); s++) {
            if (LoopShapes.isInside(siteNodes.get(s), loop) && !loopSites.contains(s)) {
              loopSites.add(s);
            }
          }
        }
        boolean transactional = hasTransactional();
        boolean synchronizedBlock = callable instanceof MethodDeclaration method && method.isSynchronized()
            || loop.findAncestor(SynchronizedStmt.class).isPresent();
        String element = LoopShapes.elementVariable(loop);
        List<Integer> elementCalls = new ArrayList<>();
        for (int c : loopCalls) {
          if (element != null && callNodes.get(c) instanceof MethodCallExpr call
              && call.getScope().orElse(null) instanceof NameExpr scope && scope.getNameAsString().equals(element)) {
            elementCalls.add(c);
          }
        }
        result.add(new LoopFact(LoopShapes.loopKind(loop), SourceRange.of(loop), file.text.firstLine(loop),
            List.copyOf(loopSites), List.copyOf(loopCalls), LoopShapes.dependenceReasons(loop), joinsInside, transactional,
            synchronizedBlock, List.copyOf(elementCalls)));
      }
      return List.copyOf(result);
    }


    private boolean hasTransactional() {
      if (callable.getAnnotations().stream().anyMatch(a -> a.getName().getIdentifier().equals("Transactional"))) {
        return true;
      }
      Node node = callable.getParentNode().orElse(null);
      return node instanceof TypeDeclaration<?> type
          && type.getAnnotations().stream().anyMatch(a -> a.getName().getIdentifier().equals("Transactional"));
    }



    private boolean joinsFuturesInside(Node loop) {
      boolean startsAsync = false;
      boolean joins = false;
      Integer self = loopIndex.get(loop);
      for (MethodCallExpr call : loop.findAll(MethodCallExpr.class)) {
        String name = call.getNameAsString();
        // a start inside a nested loop is that loop's: one that starts several ahead (as migrate's rewrite does)
        // before this loop joins them is no join per start
        if ((name.endsWith("Async") || EXECUTOR_METHODS.contains(name) || name.equals("enqueue"))
            && Objects.equals(enclosingLoop(call), self)) {
          startsAsync = true;
        }
        if (JOIN_METHODS.contains(name) && (call.getArguments().isEmpty() || name.equals("get") && call.getArguments().size() == 2)) {
          Expression scope = call.getScope().orElse(null);
          if (scope instanceof MethodCallExpr || scope instanceof NameExpr n && isFutureVariable(n.getNameAsString())) {
            joins = true;
          }
        }
      }
      return startsAsync && joins;
    }

    private boolean isFutureVariable(String name) {
      String type = localTypes.get(name);
      if (type != null && (type.endsWith("Future") || type.endsWith("CompletionStage") || type.endsWith("Mono"))) {
        return true;
      }
      Expression init = localInitializers.get(name);
      return init instanceof MethodCallExpr call
          && (call.getNameAsString().endsWith("Async") || EXECUTOR_METHODS.contains(call.getNameAsString()));
    }






    // ---- calls -------------------------------------------------------------------------------

    private void visitCall(MethodCallExpr call) {
      String name = call.getNameAsString();
      Expression scope = call.getScope().orElse(null);
      noteTimeOrRandom(call, name, scope);
      noteTransactionControl(call, name, scope);
      noteCacheUse(call, name, scope);
      if (scope != null && file.importsMockito && MockedReceivers.isMock(scope, callable)) {
        return; // when(users.save(any())), verify(users).save(u): a mock runs neither I/O nor project code
      }
      Optional<IoSite> site = clientSite(call);
      if (site.isPresent()) {
        if (!sameRequestSeen(site.get(), scope)) {
          sites.add(site.get());
          siteNodes.add(call);
        }
        return;
      }
      if (scope == null || scope instanceof ThisExpr) {
        addCall(call, owner, Confidence.HIGH);
        return;
      }
      TypeNames.Qualified receiver = syntacticType(scope);
      if (receiver != null && !receiver.name().startsWith("java.")) {
        addCall(call, receiver.name(), receiver.confidence());
      } else if (receiver == null && !(scope instanceof MethodCallExpr)) {
        addCall(call, null, Confidence.LOW);
      } else if (receiver == null) {
        opaqueCalls.add(new CallRef(null, call.getNameAsString(), call.getArguments().size(), Confidence.LOW,
            isDeferred(call), SourceRange.of(call), file.text.snippet(call)));
        opaqueNodes.add(call);
      }
    }

    /** A second call on the same connection object is the same request (getResponseCode, then getInputStream). */
    private boolean sameRequestSeen(IoSite site, Expression scope) {
      Optional<ClientSignature> client = catalog.clients().stream().filter(c -> c.id().equals(site.clientId())).findFirst();
      if (client.isEmpty() || !client.get().oneSitePerReceiver() || scope == null) {
        return false;
      }
      return !requestReceivers.add(site.clientId() + "|" + scope);
    }

    private void addCall(MethodCallExpr call, String receiverType, Confidence confidence) {
      int sqlArgument = -1;
      String sql = null;
      for (int i = 0; i < call.getArguments().size() && sql == null; i++) {
        Expression argument = call.getArgument(i);
        // only text javac knows: a literal, a concatenation of them, a constant
        if (argument instanceof StringLiteralExpr || argument instanceof TextBlockLiteralExpr
            || argument instanceof BinaryExpr || argument instanceof NameExpr || argument instanceof FieldAccessExpr) {
          String text = file.text(argument);
          if (text != null && SqlStatements.looksLikeSql(text)) {
            sqlArgument = i;
            sql = text.strip().replaceAll("\\s+", " ");
          }
        }
      }
      CallRef made = new CallRef(receiverType, call.getNameAsString(), call.getArguments().size(), confidence,
          isDeferred(call), SourceRange.of(call), file.text.snippet(call), sqlArgument, sql);
      String kinds = ArgumentKinds.of(call, callable, name -> namesDeclaredOnce().get(name));
      if (kinds != null) {
        made = made.withArgumentKinds(kinds);
      }
      String field = call.getScope().map(scope -> FieldReceivers.fieldName(scope, this::declaresLocal)).orElse(null);
      String bean = field == null ? null : call.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class)
          .map(type -> file.qualifiers.computeIfAbsent(type, node -> FieldQualifiers.of(
              (com.github.javaparser.ast.body.TypeDeclaration<?>) node)).get(field)).orElse(null);
      calls.add(bean == null ? made : made.withQualifier(bean));
      callNodes.add(call);
    }

    /** The names the method declares once, with their types: read when an argument is a name. */
    private Map<String, Node> namesDeclaredOnce() {
      if (namesDeclaredOnce == null) {
        List<Parameter> parameters = new ArrayList<>(callable.getParameters());
        if (nodes != null) {
          parameters.addAll(nodes.parameters);
        }
        namesDeclaredOnce = ArgumentKinds.declaredNames(parameters, nodes == null ? List.of() : nodes.variables,
            nodes == null ? List.of() : nodes.typePatterns);
      }
      return namesDeclaredOnce;
    }

    private Map<String, Node> namesDeclaredOnce;

    private void visitReference(MethodReferenceExpr reference) {
      Expression scope = reference.getScope();
      TypeNames.Qualified receiver = scope instanceof ThisExpr ? new TypeNames.Qualified(owner, Confidence.HIGH)
          : syntacticType(scope);
      if (receiver == null || receiver.name().startsWith("java.")) {
        return;
      }
      String name = reference.getIdentifier();
      Optional<ClientSignature> client = catalog.match(List.of(receiver.name()), name);
      if (client.isPresent()) {
        ClientSignature signature = client.get();
        Access access = accessOf(signature, name, null, null);
        sites.add(new IoSite(signature.kind(), signature.id(), signature.provider(), access, Confidence.MEDIUM,
            receiver.name(), name, null, null, null, null, signature.llm(), false, isDeferred(reference),
            SourceRange.of(reference), file.text.snippet(reference)));
        siteNodes.add(reference);
        return;
      }
      // a method reference in a pipeline is called once per element with the element as argument
      calls.add(new CallRef(receiver.name(), name, -1, receiver.confidence(), isDeferred(reference),
          SourceRange.of(reference), file.text.snippet(reference)));
      callNodes.add(reference);
    }

    /** JDBC transactions run by hand: where they start, and whether this method commits. */
    private void noteTransactionControl(MethodCallExpr call, String name, Expression scope) {
      if (scope == null) {
        return;
      }
      if (name.equals("setAutoCommit") && call.getArguments().size() == 1
          && !(call.getArgument(0) instanceof BooleanLiteralExpr literal && literal.getValue())) {
        transactionControl.add("setAutoCommit(false)"); // anything but a literal true may turn it off
      } else if ((name.equals("commit") || name.equals("rollback") || name.equals("begin")) && call.getArguments().isEmpty()) {
        transactionControl.add(name + "()");
      }
    }

    private void noteTimeOrRandom(MethodCallExpr call, String name, Expression scope) {
      if (scope != null && !(scope instanceof MethodCallExpr)) {
        TypeNames.Qualified receiver = syntacticType(scope);
        if (receiver != null && RANDOM_TYPES.contains(receiver.name())) {
          timeOrRandom.add(file.text.snippet(call));
          return;
        }
      }
      // LocalDateTime.now(), or java.time.LocalDateTime.now() written out
      String type = scope instanceof NameExpr scopeName ? scopeName.getNameAsString()
          : scope instanceof FieldAccessExpr qualified && qualified.toString().startsWith("java.")
              ? qualified.getNameAsString() : null;
      if (type == null) {
        return;
      }
      boolean time = (type.equals("System") && (name.equals("currentTimeMillis") || name.equals("nanoTime")))
          || (TIME_OR_RANDOM_TYPES.contains(type) && name.equals("now"))
          || (type.equals("Math") && name.equals("random"))
          || (type.equals("ThreadLocalRandom") && name.equals("current"))
          || (type.equals("UUID") && name.equals("randomUUID"))
          || JVM_SETTING_HOLDERS.contains(type) && JVM_SETTINGS.contains(type + "." + name);
      if (time) {
        timeOrRandom.add(file.text.snippet(call));
      }
    }

    private void noteCacheUse(MethodCallExpr call, String name, Expression scope) {
      if (scope == null) {
        return;
      }
      TypeNames.Qualified receiver = syntacticType(scope);
      if (receiver == null) {
        return;
      }
      if (CACHE_TYPES.contains(receiver.name())) {
        usesCache = true;
      } else if (MAP_TYPES.contains(receiver.name()) && name.equals("computeIfAbsent") && isField(scope)) {
        usesCache = true;
        file.caches.add(new ExistingCacheFact("map-memo", owner, callable.getNameAsString(), scopeName(scope),
            SourceRange.of(call), file.text.snippet(call)));
      }
    }

    private boolean isField(Expression scope) {
      if (scope instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
        return true;
      }
      return scope instanceof NameExpr name && !localTypes.containsKey(name.getNameAsString())
          && fieldType(name.getNameAsString()) != null;
    }

    private String scopeName(Expression scope) {
      return scope instanceof NameExpr name ? name.getNameAsString()
          : scope instanceof FieldAccessExpr access ? access.getNameAsString() : scope.toString();
    }

    /** The I/O site this call is, if any: catalogue match by declared type, confirmed by the solver. */
    /** Static factories on client types build a client; they never talk to anything. */
    private static final Set<String> CONSTRUCTION = Set.of(
        "builder", "create", "newClient", "newBuilder", "newHttpClient", "standard", "defaultClient", "custom",
        "createDefault", "createSystem", "createMinimal");

    private Optional<IoSite> clientSite(MethodCallExpr call) {
      String name = call.getNameAsString();
      Expression scope = call.getScope().orElse(null);
      if (scope == null || scope instanceof ThisExpr) {
        return Optional.empty();
      }
      if (CONSTRUCTION.contains(name) && scope instanceof NameExpr type
          && Character.isUpperCase(type.getNameAsString().charAt(0)) && !localTypes.containsKey(type.getNameAsString())
          && fieldType(type.getNameAsString()) == null) {
        return Optional.empty(); // S3Client.builder(), HttpClients.createDefault()
      }
      boolean nameCandidate = catalog.isCandidateMethod(name);
      TypeNames.Qualified declared = syntacticType(scope);
      boolean wildcardCandidate = declared != null && catalog.hasAnyMethodClients()
          && catalog.matchPattern(declared.name(), name).isPresent();
      if (!nameCandidate && !wildcardCandidate) {
        return Optional.empty();
      }
      List<ClientSignature> byDeclared = declared == null ? List.of() : catalog.clientsForType(declared.name());
      boolean declaredMatches = byDeclared.stream().anyMatch(c -> c.matchesMethod(name));
      boolean unknownReceiver = declared == null;
      // a declared type outside the catalogue may still subclass a client: the solver decides,
      // but only in files that import a client package, so ordinary code never pays for it
      boolean declaredMayBeClient = declared != null && !isPlainJdkType(declared.name());
      if (!declaredMatches && !wildcardCandidate && !(unknownReceiver && file.importsClientPackage)
          && !(declaredMayBeClient && file.importsClientPackage)) {
        return Optional.empty();
      }
      String field = FieldReceivers.fieldName(scope, this::declaresLocal);
      Optional<List<String>> resolved = field == null ? resolver.typeAndAncestors(scope)
          : file.fieldReceivers.typeAndAncestors(scope, field, resolver);
      ClientSignature client = null;
      Confidence confidence;
      String receiverType;
      if (resolved.isPresent()) {
        Optional<ClientSignature> match = catalog.match(resolved.get(), name);
        if (match.isEmpty()) {
          match = catalog.matchPattern(resolved.get().get(0), name);
          if (match.isEmpty()) {
            return Optional.empty();
          }
        }
        client = match.get();
        confidence = Confidence.HIGH;
        receiverType = resolved.get().get(0);
      } else if (declaredMatches) {
        client = byDeclared.stream().filter(c -> c.matchesMethod(name)).findFirst().orElseThrow();
        confidence = Confidence.MEDIUM;
        receiverType = declared.name();
      } else if (wildcardCandidate) {
        client = catalog.matchPattern(declared.name(), name).orElseThrow();
        confidence = Confidence.MEDIUM;
        receiverType = declared.name();
      } else {
        Optional<ClientSignature> byImports = declared == null
            ? importedClient(name)
            : catalog.clientsForSimpleType(simpleName(declared.name())).stream().filter(c -> c.matchesMethod(name)).findFirst();
        if (byImports.isEmpty()) {
          return Optional.empty();
        }
        if (declared == null && scope instanceof NameExpr lambdaParameter && isLambdaParameter(lambdaParameter)) {
          return Optional.empty(); // es.count(c -> c.index(name)): the builder a lambda gets is not the client
        }
        client = byImports.get();
        if (client.fluent() && call.getArguments().isNonEmpty() && HTTP_VERBS.contains(name)) {
          return Optional.empty(); // list.get(0) on something unresolved: fluent HTTP entries take no arguments
        }
        confidence = Confidence.LOW;
        receiverType = declared == null ? client.types().get(0) : declared.name();
      }
      if (client.fluent() && earlierEntry(scope, client)) {
        return Optional.empty(); // an earlier link of this chain is the entry call: one statement, one finding
      }
      IoSite site = describeSite(call, client, confidence, receiverType);
      boolean httpUrl = site.url() != null && site.url().startsWith("http");
      if (client.requiresHttpEvidence() && !httpUrl && (!receiverType.contains("Http") || onlyIfHttp(scope))) {
        return Optional.empty();
      }
      return Optional.of(site);
    }

    /** Whether this body declares a local, parameter or pattern variable of this name anywhere. */
    private boolean declaresLocal(String name) {
      if (declaredNames == null) {
        declaredNames = new HashSet<>(localTypes.keySet());
        callable.getParameters().forEach(p -> declaredNames.add(p.getNameAsString()));
        if (nodes != null) {
          nodes.variables.forEach(v -> declaredNames.add(v.getNameAsString()));
          nodes.parameters.forEach(p -> declaredNames.add(p.getNameAsString()));
          nodes.typePatterns.forEach(p -> declaredNames.add(p.getNameAsString()));
        }
      }
      return declaredNames.contains(name);
    }

    private Set<String> declaredNames;

    /** Whether a call further down this chain ({@code a.entry().path(x).entry()}) is itself an entry of the client. */
    private boolean earlierEntry(Expression scope, ClientSignature client) {
      for (Expression link = scope; link instanceof MethodCallExpr inner; link = inner.getScope().orElse(null)) {
        if (client.matchesMethod(inner.getNameAsString())) {
          return true;
        }
      }
      return false;
    }

    private boolean isLambdaParameter(NameExpr name) {
      for (Node parent = name.getParentNode().orElse(null); parent != null; parent = parent.getParentNode().orElse(null)) {
        if (parent instanceof LambdaExpr lambda
            && lambda.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(name.getNameAsString()))) {
          return true;
        }
        if (parent == callable) {
          return false;
        }
      }
      return false;
    }

    /** A client whose type this file imports and that has a method of this name: names only, low confidence. */
    private Optional<ClientSignature> importedClient(String name) {
      return file.importedClients.computeIfAbsent(name, this::findImportedClient);
    }

    private Optional<ClientSignature> findImportedClient(String name) {
      for (String imported : file.names.importedNames()) {
        for (ClientSignature client : catalog.clients()) {
          if (!client.matchesMethod(name) || client.anyMethod()) {
            continue;
          }
          for (String type : client.types()) {
            if (type.equals(imported) || type.substring(0, type.lastIndexOf('.')).equals(imported)) {
              return Optional.of(client);
            }
          }
        }
      }
      return Optional.empty();
    }

    private IoSite describeSite(MethodCallExpr call, ClientSignature client, Confidence confidence, String receiverType) {
      Node reported = client.fluent() ? LoopShapes.outermost(call) : call;
      List<MethodCallExpr> links = client.fluent() ? LoopShapes.chain(LoopShapes.outermost(call)) : List.of(call);
      String name = call.getNameAsString();
      String httpMethod = null;
      String url = null;
      String sql = null;
      if (client.kind() == ClientKind.API) {
        httpMethod = httpMethodOf(client, call, links);
        url = urlOf(call, links);
      } else {
        sql = client.id().equals("spring-simple-jdbc") ? SimpleJdbcInsertTables.insertOf(call).orElse(null)
            : sqlOf(call, links);
      }
      Access access = accessOf(client, name, sql, httpMethod);
      if (sql == null && JPA_QUERY_CLIENTS.contains(client.id()) && JPA_QUERY_FACTORIES.contains(name)) {
        // em.createQuery(criteriaQuery): what the query is, not the word "create", tells a read from a write; then
        // what the chain runs (getResultList, executeUpdate); a query neither tells may write, as its name says
        Access told = call.getArguments().isEmpty() ? Access.UNKNOWN : criteriaAccess(call.getArgument(0), 0);
        told = told == Access.UNKNOWN ? accessFromChain(links, Access.UNKNOWN) : told;
        access = told == Access.UNKNOWN ? access : told;
      }
      if (client.kind() == ClientKind.DB && access == Access.UNKNOWN) {
        access = accessFromChain(links, access);
      }
      String lastLink = links.get(links.size() - 1).getNameAsString();
      boolean async = name.endsWith("Async") || name.equals("enqueue")
          || client.id().equals("spring-webclient") && !lastLink.startsWith("block")
          || client.id().endsWith("Async") || receiverType.endsWith("Async") || receiverType.endsWith("AsyncClient");
      return new IoSite(client.kind(), client.id(), client.provider(), access, confidence, receiverType, name,
          httpMethod, url, hostOf(url), sql, client.llm(), async, isDeferred(call), SourceRange.of(reported),
          file.text.snippet(reported));
    }

    /** The operations a key-value handle ({@code redis.opsForValue()}) reads with, and writes with. */
    private static final Set<String> HANDLE_READS = Set.of("get", "multiGet", "entries", "keys", "values", "members",
        "isMember", "range", "size", "hasKey", "score", "rank", "randomMember");
    private static final Set<String> HANDLE_WRITES = Set.of("set", "setIfAbsent", "put", "putAll", "putIfAbsent",
        "increment", "decrement", "delete", "add", "remove", "leftPush", "rightPush", "leftPop", "rightPop", "append",
        "getAndSet", "expire");

    /** EntityManager and Session clients, whose query factories take JPQL or a criteria object. */
    private static final Set<String> JPA_QUERY_CLIENTS = Set.of("jpa-entity-manager", "hibernate-session");
    /** Query factories whose access their query tells: by its SQL when known, else by this and the chain. */
    private static final Set<String> JPA_QUERY_FACTORIES = Set.of("createQuery", "createNamedQuery", "createNativeQuery");
    /** Criteria types by simple name, JPA's ({@code jakarta.persistence.criteria}) and Hibernate's (Jpa...). */
    private static final Map<String, Access> CRITERIA_TYPES = Map.of("CriteriaQuery", Access.READ,
        "CriteriaUpdate", Access.WRITE, "CriteriaDelete", Access.WRITE, "JpaCriteriaQuery", Access.READ,
        "JpaCriteriaUpdate", Access.WRITE, "JpaCriteriaDelete", Access.WRITE);
    private static final Set<String> CRITERIA_PACKAGES = Set.of("jakarta.persistence.criteria",
        "javax.persistence.criteria", "org.hibernate.query.criteria");
    /** CriteriaQuery's own builder methods, which return it: {@code cq.select(root).where(...)}. */
    private static final Set<String> CRITERIA_QUERY_METHODS = Set.of("select", "multiselect", "distinct", "orderBy",
        "groupBy", "having");

    /**
     * What the query a criteria object builds does: READ for a {@code CriteriaQuery}, WRITE for a
     * {@code CriteriaUpdate} or {@code CriteriaDelete}, UNKNOWN for anything else (a JPQL string optkit could not
     * read). The symbol solver's type first; else the declared type of the variable, parameter or field and the
     * file's imports; else the builder call that made it ({@code cb.createCriteriaDelete(Order.class)}).
     */
    private Access criteriaAccess(Expression argument, int depth) {
      if (depth > 4) {
        return Access.UNKNOWN;
      }
      if (argument instanceof EnclosedExpr enclosed) {
        return criteriaAccess(enclosed.getInner(), depth + 1);
      }
      if (argument instanceof StringLiteralExpr || argument instanceof BinaryExpr || argument instanceof TextBlockLiteralExpr) {
        return Access.UNKNOWN; // JPQL
      }
      Optional<List<String>> resolved = resolver.typeAndAncestors(argument);
      if (resolved.isPresent()) {
        for (String type : resolved.get()) {
          Access byType = criteriaType(type);
          if (byType != Access.UNKNOWN) {
            return byType;
          }
        }
        if (!resolved.get().isEmpty()) {
          return Access.UNKNOWN; // a String, a type of its own
        }
      }
      if (argument instanceof CastExpr cast) {
        return criteriaType(file.names.qualify(cast.getType()).name());
      }
      if (argument instanceof NameExpr variable) {
        String name = variable.getNameAsString();
        String declared = localTypes.containsKey(name) ? localTypes.get(name) : fieldType(name);
        Access byType = declared == null ? Access.UNKNOWN : criteriaType(declared);
        if (byType == Access.UNKNOWN && localInitializers.containsKey(name)) {
          return criteriaAccess(localInitializers.get(name), depth + 1); // var query = cb.createCriteriaDelete(..)
        }
        return byType;
      }
      if (argument instanceof MethodCallExpr built) {
        String method = built.getNameAsString();
        if (method.equals("createCriteriaUpdate") || method.equals("createCriteriaDelete")) {
          return Access.WRITE;
        }
        boolean builderQuery = (method.equals("createQuery") || method.equals("createTupleQuery"))
            && built.getArguments().stream().allMatch(ClassExpr.class::isInstance);
        if (builderQuery || CRITERIA_QUERY_METHODS.contains(method)) {
          return Access.READ;
        }
        if (method.equals("set")) {
          return Access.WRITE; // CriteriaUpdate.set(path, value)
        }
        if (method.equals("where") && built.getScope().isPresent()) {
          return criteriaAccess(built.getScope().get(), depth + 1);
        }
      }
      return Access.UNKNOWN;
    }

    /** A criteria type's access, qualified, or as an on-demand import of its package left it unqualified. */
    private Access criteriaType(String qualified) {
      String erased = TypeNames.erase(qualified);
      int dot = erased.lastIndexOf('.');
      Access access = CRITERIA_TYPES.get(erased.substring(dot + 1));
      if (access == null) {
        return Access.UNKNOWN;
      }
      String pkg = dot < 0 ? "" : erased.substring(0, dot);
      boolean imported = CRITERIA_PACKAGES.contains(pkg)
          // import jakarta.persistence.criteria.*: qualified into the file's own package, which declares no such type
          || pkg.equals(file.names.packageName()) && !file.names.isKnown(erased)
              && file.names.importedNames().stream().anyMatch(CRITERIA_PACKAGES::contains);
      return imported ? access : Access.UNKNOWN;
    }

    private Access accessFromChain(List<MethodCallExpr> links, Access fallback) {
      if (links.size() > 1 && links.get(0).getNameAsString().startsWith("opsFor")
          || links.size() > 1 && links.get(0).getNameAsString().startsWith("bound")) {
        String operation = links.get(1).getNameAsString();
        return HANDLE_READS.contains(operation) ? Access.READ : HANDLE_WRITES.contains(operation) ? Access.WRITE : fallback;
      }
      for (MethodCallExpr link : links) {
        String name = link.getNameAsString();
        if (name.equals("executeUpdate") || name.equals("update") && link != links.get(0)) {
          return Access.WRITE;
        }
        if (name.startsWith("getResult") || name.startsWith("getSingleResult") || name.equals("list")
            || name.equals("uniqueResult") || name.startsWith("fetch") || name.equals("query") || name.equals("single")
            || name.equals("optional")) {
          return Access.READ;
        }
      }
      return fallback;
    }

    private Access accessOf(ClientSignature client, String method, String sql, String httpMethod) {
      // known SQL decides over the API method: queryForObject("select nextval(...)") changes state
      Access bySql = sql == null ? Access.UNKNOWN : SqlStatements.access(sql);
      if (bySql != Access.UNKNOWN) {
        return bySql;
      }
      Boolean reads = client.readsByMethod(method);
      if (reads != null) {
        return reads ? Access.READ : Access.WRITE;
      }
      if (sql != null) {
        return bySql;
      }
      if (httpMethod != null) {
        return switch (httpMethod) {
          case "GET", "HEAD", "OPTIONS" -> Access.READ;
          case "POST", "PUT", "PATCH", "DELETE" -> Access.WRITE;
          default -> Access.UNKNOWN;
        };
      }
      if (client.llm()) {
        return Access.READ;
      }
      // SDK clients name their operations (getObject, putItem); HTTP clients do not (send, execute)
      return client.kind() == ClientKind.DB || client.anyMethod() ? methodNameAccess(method) : Access.UNKNOWN;
    }

    private String httpMethodOf(ClientSignature client, MethodCallExpr call, List<MethodCallExpr> links) {
      if (client.fluent()) {
        String root = links.get(0).getNameAsString();
        if (Set.of("get", "post", "put", "patch", "delete", "head", "options").contains(root)) {
          return root.toUpperCase(Locale.ROOT);
        }
        for (MethodCallExpr link : links) {
          String name = link.getNameAsString();
          if (Set.of("get", "post", "put", "delete", "head", "options").contains(name) && link != links.get(0)) {
            return name.toUpperCase(Locale.ROOT);
          }
        }
        return null;
      }
      String name = call.getNameAsString();
      if (name.startsWith("getFor") || name.equals("headForHeaders")) {
        return name.startsWith("get") ? "GET" : "HEAD";
      }
      if (name.startsWith("postFor")) {
        return "POST";
      }
      if (name.equals("put")) {
        return "PUT";
      }
      if (name.equals("delete")) {
        return "DELETE";
      }
      if (name.startsWith("patchFor")) {
        return "PATCH";
      }
      for (Expression argument : call.getArguments()) {
        if (argument instanceof FieldAccessExpr access && access.getScope().toString().endsWith("HttpMethod")) {
          return access.getNameAsString();
        }
      }
      for (Expression traced : traced(call.getArguments())) {
        for (MethodCallExpr link : traced.findAll(MethodCallExpr.class)) {
          String linkName = link.getNameAsString();
          if (Set.of("GET", "POST", "PUT", "DELETE", "HEAD").contains(linkName)) {
            return linkName;
          }
          if (linkName.equals("method") && link.getArguments().isNonEmpty()) {
            String method = file.text(link.getArgument(0));
            if (method != null) {
              return method.toUpperCase(Locale.ROOT);
            }
          }
          if (linkName.equals("newBuilder")) {
            return "GET";
          }
        }
        for (ObjectCreationExpr creation : traced.findAll(ObjectCreationExpr.class)) {
          String type = creation.getType().getNameAsString();
          if (type.startsWith("Http") && type.length() > 4) {
            String verb = type.substring(4).toUpperCase(Locale.ROOT);
            if (Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS").contains(verb)) {
              return verb;
            }
          }
        }
      }
      return null;
    }

    /** Arguments, and the initializers of local variables they name, a few steps deep. */
    private List<Expression> traced(List<Expression> start) {
      List<Expression> result = new ArrayList<>();
      List<Expression> frontier = new ArrayList<>(start);
      Set<String> seen = new HashSet<>();
      for (int depth = 0; depth < 3 && !frontier.isEmpty(); depth++) {
        List<Expression> next = new ArrayList<>();
        for (Expression expression : frontier) {
          result.add(expression);
          for (NameExpr name : expression.findAll(NameExpr.class)) {
            String variable = name.getNameAsString();
            if (seen.add(variable) && localInitializers.containsKey(variable)) {
              next.add(localInitializers.get(variable));
            }
          }
        }
        frontier = next;
      }
      return result;
    }

    private String urlOf(MethodCallExpr call, List<MethodCallExpr> links) {
      List<Expression> candidates = new ArrayList<>();
      for (MethodCallExpr link : links) {
        if (link.getNameAsString().equals("uri") || link.getNameAsString().equals("target")
            || link.getNameAsString().equals("url") || link == call) {
          candidates.addAll(link.getArguments());
        }
      }
      if (call.getScope().isPresent() && links.size() == 1) {
        candidates.add(call.getScope().get());
      }
      for (Expression expression : traced(candidates)) {
        String found = urlText(expression);
        if (found != null) {
          return found;
        }
      }
      return null;
    }

    private String urlText(Expression expression) {
      String direct = file.text(expression);
      if (direct != null && URL_LIKE.matcher(direct).find()) {
        return direct;
      }
      for (Expression inner : expression.findAll(Expression.class)) {
        if (inner == expression) {
          continue;
        }
        if (inner instanceof StringLiteralExpr || inner instanceof BinaryExpr || inner instanceof NameExpr) {
          String candidate = file.text(inner);
          if (candidate != null && URL_LIKE.matcher(candidate).find()) {
            return candidate;
          }
        }
      }
      return null;
    }

    private String sqlOf(MethodCallExpr call, List<MethodCallExpr> links) {
      if (call.getArguments().size() > 1 && call.getNameAsString().equals("batchUpdate")) {
        String batch = batchOf(call.getArguments());
        if (batch != null) {
          return batch;
        }
      }
      List<Expression> candidates = new ArrayList<>();
      for (MethodCallExpr link : links) {
        if (link.getArguments().isNonEmpty()) {
          candidates.add(link.getArgument(0));
        }
      }
      call.getScope().ifPresent(candidates::add);
      for (Expression expression : traced(candidates)) {
        String direct = file.text(expression);
        if (SqlStatements.looksLikeSql(direct)) {
          return direct.strip().replaceAll("\\s+", " ");
        }
        noteSqlParameter(expression);
        for (MethodCallExpr inner : expression.findAll(MethodCallExpr.class)) {
          if ((inner.getNameAsString().startsWith("prepare") || inner.getNameAsString().equals("sql"))
              && inner.getArguments().isNonEmpty()) {
            String sql = file.text(inner.getArgument(0));
            if (sql != null) {
              return sql.strip().replaceAll("\\s+", " ");
            }
            noteSqlParameter(inner.getArgument(0));
          }
        }
      }
      return null;
    }

    /**
     * SQL that is one of the method's parameters, never reassigned: the method is a query wrapper.
     * A second parameter also run as SQL makes it none (-2): one call site would be two statements.
     */
    private void noteSqlParameter(Expression sql) {
      if (sqlParameter == -2 || !(sql instanceof NameExpr name) || localInitializers.containsKey(name.getNameAsString())) {
        return;
      }
      for (int i = 0; i < callable.getParameters().size(); i++) {
        Parameter parameter = callable.getParameter(i);
        if (parameter.getNameAsString().equals(name.getNameAsString())
            && parameter.getType().asString().replace("java.lang.", "").matches("String|CharSequence")) {
          boolean reassigned = nodes != null && nodes.assignments.stream().anyMatch(a -> a.getTarget()
              instanceof NameExpr target && target.getNameAsString().equals(parameter.getNameAsString()));
          sqlParameter = reassigned || sqlParameter >= 0 && sqlParameter != i ? -2 : i;
        }
      }
    }

    /** {@code batchUpdate(sql1, sql2, ...)}: every statement of the batch, so its footprint names all their tables. */
    private String batchOf(List<Expression> arguments) {
      List<String> statements = new ArrayList<>();
      for (Expression argument : arguments) {
        String text = file.text(argument);
        if (!SqlStatements.looksLikeSql(text)) {
          return null;
        }
        statements.add(text.strip().replaceAll("\\s+", " "));
      }
      return String.join("; ", statements);
    }
  }

  /** Read/write from a method's name, for SDK and repository calls that carry no SQL or verb. */
  public static Access methodNameAccess(String method) {
    String name = method.toLowerCase(Locale.ROOT);
    for (String prefix : List.of("get", "find", "read", "query", "search", "list", "fetch", "load", "count", "exists",
        "describe", "head", "select", "stream", "retrieve", "lookup", "batchget", "scan")) {
      if (name.startsWith(prefix)) {
        return Access.READ;
      }
    }
    for (String prefix : List.of("save", "delete", "remove", "insert", "update", "put", "post", "create", "send",
        "publish", "write", "upload", "persist", "merge", "patch", "set", "add", "copy", "invoke", "start", "stop", "terminate")) {
      if (name.startsWith(prefix)) {
        return Access.WRITE;
      }
    }
    return Access.UNKNOWN;
  }

  static String hostOf(String url) {
    if (url == null || !url.startsWith("http")) {
      return null;
    }
    try {
      String cleaned = url.replaceAll("\\{[^}]*}", "x");
      return URI.create(cleaned).getHost();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean isPlainJdkType(String qualified) {
    return qualified.startsWith("java.lang.") || qualified.startsWith("java.util.") || qualified.startsWith("java.io.")
        || qualified.startsWith("java.time.") || qualified.startsWith("java.math.") || qualified.startsWith("java.nio.")
        || !qualified.contains(".");
  }

  private static String simpleName(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }
}
