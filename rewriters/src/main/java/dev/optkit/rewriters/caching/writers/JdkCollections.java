package dev.optkit.rewriters.caching.writers;

import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.rewriters.caching.KeptCalls;
import dev.optkit.rewriters.caching.WholeProject;
import dev.optkit.rewriters.caching.sharing.JdkNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a value is a collection whose class is the JDK's, so that its {@code forEach} runs the callback at once, on
 * this thread: a collection made in the method, a Spring Data query's answer, a local or parameter given only such
 * values. The declared type proves nothing (hostile reviews 87 and 89: a proxy, an anonymous list, a library's list,
 * an {@code @Async} bean, all declared {@code List}).
 */
final class JdkCollections {
  private final WholeProject whole;
  private final ProjectIndex index;

  /** Its XML check, shared: the project's XML files are walked once per plan. */
  private final DeferringAdvice advice;

  JdkCollections(WholeProject whole, DeferringAdvice advice) {
    this.whole = whole;
    this.index = whole.index();
    this.advice = advice;
  }

  /** Static factories of the JDK's own immutable collections. */
  private static final Map<String, Set<String>> JDK_FACTORIES = Map.of(
      "List", Set.of("of", "copyOf"), "Set", Set.of("of", "copyOf"), "Map", Set.of("of", "copyOf", "ofEntries"),
      "Arrays", Set.of("asList"), "Collections", Set.of("emptyList", "emptySet", "emptyMap", "singletonList",
          "singleton", "singletonMap"));
  /** Collectors making a JDK collection, whatever the stream. */
  private static final Set<String> JDK_COLLECTORS = Set.of("toList", "toSet", "toMap", "toUnmodifiableList",
      "toUnmodifiableSet", "toUnmodifiableMap", "groupingBy", "partitioningBy");

  /**
   * Whether the expression's value is a collection whose class is the JDK's, so its forEach runs the callback at once:
   * one made here ({@code new ArrayList<>(..)}, {@code List.of(..)}, a stream collected with {@code toList()}), a
   * Spring Data query's answer ({@code repo.findAll()}: the JPA provider's list), or a local given only such values.
   * A project method's answer, a parameter or a field may be anything (a library's list whose forEach runs later:
   * hostile review 89's S5), so they are none.
   */
  boolean proven(IndexedMethod caller, com.github.javaparser.ast.expr.Expression expression) {
    return proven(caller, expression, 0);
  }

  private boolean proven(IndexedMethod caller, com.github.javaparser.ast.expr.Expression expression, int depth) {
    var value = expression;
    while (value instanceof com.github.javaparser.ast.expr.EnclosedExpr enclosed) {
      value = enclosed.getInner();
    }
    if (depth > 4) {
      return false;
    }
    if (value instanceof com.github.javaparser.ast.expr.ObjectCreationExpr made) {
      return JdkNames.newJdkCollection(index, made);
    }
    if (value instanceof com.github.javaparser.ast.expr.MethodCallExpr call) {
      String name = call.getNameAsString();
      var scope = call.getScope().orElse(null);
      if (scope instanceof com.github.javaparser.ast.expr.NameExpr type && index.typesNamed(type.getNameAsString()).isEmpty()
          && JDK_FACTORIES.getOrDefault(type.getNameAsString(), Set.of()).contains(name)
          && JdkNames.jdkByImports(value, type.getNameAsString())) {
        return true;
      }
      if (name.equals("collect") && call.getArguments().size() == 1
          && call.getArgument(0) instanceof com.github.javaparser.ast.expr.MethodCallExpr collector
          && JDK_COLLECTORS.contains(collector.getNameAsString())
          && collector.getScope().map(s -> s.toString().equals("Collectors")).orElse(false)
          && index.typesNamed("Collectors").isEmpty() && JdkNames.jdkByImports(value, "Collectors") && !factsKeep(caller, call)) {
        return true; // Collectors.toList(): an ArrayList, whatever the stream held
      }
      return repositoryAnswer(caller, call) || loadedAssociation(caller, call);
    }
    if (value instanceof com.github.javaparser.ast.expr.NameExpr local) {
      return localAssignedOnly(caller, local, depth);
    }
    return false;
  }

  /**
   * A Spring Data query's answer, declared a JDK list, set or collection: the abstract query method (or Spring Data's
   * own findAll, no project method) of a repository no project class implements, in a project with no aspect, bean
   * post-processor or method interceptor of its own that could hand back something else.
   */
  private boolean repositoryAnswer(IndexedMethod caller, com.github.javaparser.ast.expr.MethodCallExpr call) {
    Optional<CallRef> query = KeptCalls.among(caller.fact().calls(), call);
    if (query.isEmpty() || projectInterceptors()) {
      return false;
    }
    List<IndexedMethod> targets = index.allTargetsOf(query.get());
    return targets.stream().allMatch(target -> target.fact().isAbstract()
            && QUERY_ANSWERS.contains(target.fact().returnType()))
        && index.declaredSite(query.get()).filter(site -> site.clientId()
            .equals(dev.optkit.analyzers.rules.CacheableReadMethodRule.SPRING_DATA_REPOSITORY)).isPresent();
  }

  /**
   * {@code department.getEmployees()} on an entity a Spring Data query answered in the method (trial 85's
   * department-service): a mapped to-many association declared a JDK list, set or collection, whose getter Lombok
   * writes or returns the field itself. On an entity the provider loaded it is the provider's collection (Hibernate's
   * PersistentBag), whose forEach iterates at once; code that set another there is the project's, held to the same
   * checks as the rest (no traversal, proxy or collection subclass of its own), or a library's.
   */
  private boolean loadedAssociation(IndexedMethod caller, com.github.javaparser.ast.expr.MethodCallExpr getter) {
    if (!getter.getArguments().isEmpty() || getter.getScope().isEmpty() || projectInterceptors()) {
      return false;
    }
    var loaded = onlyValue(caller, getter.getScope().get());
    if (loaded instanceof com.github.javaparser.ast.expr.MethodCallExpr unwrapped
        && Set.of("orElseThrow", "get").contains(unwrapped.getNameAsString()) && unwrapped.getScope().isPresent()
        && unwrapped.getScope().get() instanceof com.github.javaparser.ast.expr.MethodCallExpr inner) {
      loaded = inner; // repo.findById(id).orElseThrow(..): the entity the query answered, or no value at all
    }
    if (!(loaded instanceof com.github.javaparser.ast.expr.MethodCallExpr call)) {
      return false;
    }
    Optional<CallRef> query = KeptCalls.among(caller.fact().calls(), call);
    var site = query.flatMap(index::declaredSite).filter(s -> s.clientId()
        .equals(dev.optkit.analyzers.rules.CacheableReadMethodRule.SPRING_DATA_REPOSITORY)).orElse(null);
    String entity = site == null ? null : index.footprints().storedEntity(site).orElse(null);
    var type = entity == null ? null : index.type(entity).orElse(null);
    if (type == null || !index.allTargetsOf(query.get()).stream().allMatch(target -> target.fact().isAbstract()
        && answersEntity(target, type))) {
      return false;
    }
    String name = getter.getNameAsString();
    var association = type.associations().stream().filter(a -> a.toMany() && a.getter().equals(name)).findFirst();
    return association.isPresent()
        && QUERY_ANSWERS.contains(TypeNames.raw(type.fieldTypes().getOrDefault(association.get().field(), "")))
        && plainGetter(type, name, association.get().field());
  }

  /** A query declared to answer the entity itself, or an Optional of it. */
  private static boolean answersEntity(IndexedMethod query, dev.optkit.analyzers.facts.TypeFact entity) {
    String returned = query.fact().returnType();
    if (returned.equals(entity.qualifiedName())) {
      return true;
    }
    var arguments = dev.optkit.analyzers.index.ReturnTypeArguments.of(query.fact());
    return returned.equals("java.util.Optional") && arguments.size() == 1
        && arguments.get(0).asString().equals(entity.simpleName());
  }

  /** The entity's getter is Lombok's, or a project method answering the field itself. */
  private boolean plainGetter(dev.optkit.analyzers.facts.TypeFact entity, String getter, String field) {
    List<IndexedMethod> declared = new ArrayList<>();
    for (String type : index.supertypesOf(entity.qualifiedName())) {
      index.methods(type, getter).stream().filter(m -> m.fact().params().isEmpty()).forEach(declared::add);
    }
    if (declared.isEmpty()) {
      return dev.optkit.rewriters.source.LombokGetters.written(index, entity) && index.subtypesOf(entity.qualifiedName())
          .stream().allMatch(sub -> sub.equals(entity.qualifiedName()) || index.methods(sub, getter).isEmpty());
    }
    return declared.size() == 1 && index.subtypesOf(entity.qualifiedName()).stream()
            .allMatch(sub -> sub.equals(entity.qualifiedName()) || index.methods(sub, getter).isEmpty())
        && whole.declaration(declared.get(0)).flatMap(d -> d instanceof com.github.javaparser.ast.body.MethodDeclaration m
            ? m.getBody() : Optional.empty())
        .filter(body -> body.getStatements().size() == 1 && body.getStatement(0) instanceof
            com.github.javaparser.ast.stmt.ReturnStmt returned && returned.getExpression().map(value ->
                value instanceof com.github.javaparser.ast.expr.NameExpr n && n.getNameAsString().equals(field)
                || value instanceof com.github.javaparser.ast.expr.FieldAccessExpr f && f.getScope().isThisExpr()
                    && f.getNameAsString().equals(field)).orElse(false))
        .isPresent();
  }

  /** The expression, or for a local of the method its one value: its initialiser, never reassigned. */
  private com.github.javaparser.ast.expr.Expression onlyValue(IndexedMethod caller,
      com.github.javaparser.ast.expr.Expression expression) {
    var value = expression;
    while (value instanceof com.github.javaparser.ast.expr.EnclosedExpr enclosed) {
      value = enclosed.getInner();
    }
    if (!(value instanceof com.github.javaparser.ast.expr.NameExpr local)) {
      return value;
    }
    var declaration = whole.declaration(caller).orElse(null);
    if (declaration == null) {
      return null;
    }
    String name = local.getNameAsString();
    List<com.github.javaparser.ast.body.VariableDeclarator> declared = declaration
        .findAll(com.github.javaparser.ast.body.VariableDeclarator.class).stream()
        .filter(variable -> variable.getNameAsString().equals(name)).toList();
    boolean assigned = declaration.findAll(com.github.javaparser.ast.expr.AssignExpr.class).stream()
        .anyMatch(a -> a.getTarget() instanceof com.github.javaparser.ast.expr.NameExpr target
            && target.getNameAsString().equals(name));
    boolean parameter = declaration.findAll(com.github.javaparser.ast.body.Parameter.class).stream()
        .anyMatch(p -> p.getNameAsString().equals(name));
    if (declared.size() != 1 || assigned || parameter || declared.get(0).getInitializer().isEmpty()
        || !(declared.get(0).getParentNode().orElse(null) instanceof com.github.javaparser.ast.expr.VariableDeclarationExpr)) {
      return null;
    }
    return declared.get(0).getInitializer().get();
  }

  /** The JDK types a Spring Data query may be declared to answer for its forEach to be the provider's list's. */
  private static final Set<String> QUERY_ANSWERS = Set.of("java.util.List", "java.util.Set", "java.util.Collection",
      "java.lang.Iterable");

  /** A local whose every value (its initialiser, each assignment) is a proven JDK collection; no parameter or field. */
  private boolean localAssignedOnly(IndexedMethod caller, com.github.javaparser.ast.expr.NameExpr local, int depth) {
    var declaration = whole.declaration(caller).orElse(null);
    if (declaration == null) {
      return false;
    }
    String name = local.getNameAsString();
    var own = declaration.getParameters();
    for (int position = 0; position < own.size(); position++) {
      if (own.get(position).getNameAsString().equals(name)) {
        int at = position;
        boolean reassigned = declaration.findAll(com.github.javaparser.ast.expr.AssignExpr.class).stream()
            .anyMatch(a -> a.getTarget() instanceof com.github.javaparser.ast.expr.NameExpr target
                && target.getNameAsString().equals(name));
        boolean shadowed = declaration.findAll(com.github.javaparser.ast.body.Parameter.class).stream()
            .filter(parameter -> parameter.getNameAsString().equals(name)).count() > 1
            || declaration.findAll(com.github.javaparser.ast.body.VariableDeclarator.class).stream()
                .anyMatch(variable -> variable.getNameAsString().equals(name));
        return !reassigned && !shadowed && !own.get(at).isVarArgs() && parameterProven(caller, at, depth);
      }
    }
    List<com.github.javaparser.ast.body.VariableDeclarator> declared = declaration
        .findAll(com.github.javaparser.ast.body.VariableDeclarator.class).stream()
        .filter(variable -> variable.getNameAsString().equals(name)).toList();
    if (declared.size() != 1 || declared.get(0).getInitializer().isEmpty()
        || declaration.findAll(com.github.javaparser.ast.body.Parameter.class).stream()
            .anyMatch(parameter -> parameter.getNameAsString().equals(name))
        || !(declared.get(0).getParentNode().orElse(null) instanceof com.github.javaparser.ast.expr.VariableDeclarationExpr)) {
      return false; // shadowed, a parameter's or a lambda's, or a field: not this method's to tell
    }
    List<com.github.javaparser.ast.expr.Expression> values = new ArrayList<>();
    values.add(declared.get(0).getInitializer().get());
    for (var assignment : declaration.findAll(com.github.javaparser.ast.expr.AssignExpr.class)) {
      if (assignment.getTarget() instanceof com.github.javaparser.ast.expr.NameExpr target
          && target.getNameAsString().equals(name)) {
        if (assignment.getOperator() != com.github.javaparser.ast.expr.AssignExpr.Operator.ASSIGN) {
          return false;
        }
        values.add(assignment.getValue());
      }
    }
    return values.stream().allMatch(value -> proven(caller, value, depth + 1));
  }

  /**
   * Whether every value a method's parameter is given is a JDK collection: for a method the framework does not call,
   * the argument each project call hands it. A method overriding or implementing another may be called through that
   * one, past the call graph, and a request handler's parameter is what converters make: none.
   */
  private boolean parameterProven(IndexedMethod method, int position, int depth) {
    if (depth > 4 || method.fact().isAbstract()) {
      return false;
    }
    var declaration = whole.declaration(method).orElse(null);
    if (declaration == null) {
      return false;
    }
    String owner = method.fact().ownerType();
    if (index.supertypesOf(owner).stream().filter(type -> !type.equals(owner))
        .anyMatch(type -> index.type(type).isEmpty() && !type.equals("java.lang.Object")
            || !index.methods(type, method.fact().name()).isEmpty())) {
      return false; // an override, or a class whose unread supertype may declare the method
    }
    if (dev.optkit.analyzers.index.WebEntryPoints.hasEntryAnnotation(method.fact())) {
      // a request body's collection is what the message converters make: a Jackson module registered by a @Bean may
      // make any (hostile review 91's F2), so none is proven
      return false;
    }
    List<IndexedMethod> callers = index.callersOf(method);
    if (callers.isEmpty() || callers.size() > 16) {
      return false;
    }
    for (IndexedMethod caller : callers) {
      var calling = whole.declaration(caller).orElse(null);
      if (calling == null || calling.findAll(com.github.javaparser.ast.expr.MethodReferenceExpr.class).stream()
          .anyMatch(reference -> reference.getIdentifier().equals(method.fact().name()))) {
        return false; // handed on as a method reference: called with what its taker gives
      }
      List<com.github.javaparser.ast.expr.MethodCallExpr> calls = new ArrayList<>();
      for (CallRef call : caller.fact().calls()) {
        if (!index.allTargetsOf(call).contains(method)) {
          continue;
        }
        calling.findAll(com.github.javaparser.ast.expr.MethodCallExpr.class).stream()
            .filter(expression -> expression.getNameAsString().equals(call.name()) && expression.getBegin()
                .map(p -> p.line == call.range().line() && p.column == call.range().column()).orElse(false))
            .forEach(calls::add);
      }
      if (calls.isEmpty() || calls.stream().anyMatch(call -> call.getArguments().size() <= position
          || !proven(caller, call.getArgument(position), depth + 1))) {
        return false;
      }
    }
    return true;
  }

  private Boolean projectInterceptors;

  /**
   * Whether the project has code that may stand between a repository and its caller and hand back another object:
   * an {@code @Aspect}, a bean post-processor, a method interceptor or advice of its own.
   */
  private boolean projectInterceptors() {
    if (projectInterceptors == null) {
      projectInterceptors = index.types().stream().anyMatch(type -> type.annotations().stream()
              .anyMatch(a -> a.endsWith("Aspect"))
          || type.annotationValue("EnableJpaRepositories", "repositoryBaseClass") != null
          || type.annotationValue("EnableJpaRepositories", "repositoryFactoryBeanClass") != null
          || index.supertypesOf(type.qualifiedName()).stream().map(TypeNames::raw)
              .anyMatch(t -> t.endsWith("PostProcessor") || t.endsWith("MethodInterceptor") || t.endsWith("Advice")
                  || t.endsWith("Advisor") || t.endsWith("InvocationHandler") || t.endsWith("SimpleJpaRepository")
                  || t.endsWith("RepositoryImplementation") || t.contains("RepositoryFactory")))
          // a @Bean making an advisor or an interceptor from a lambda, a repository base class (review 91's F3, F5)
          || index.methods().stream().map(m -> m.fact().returnType()).filter(java.util.Objects::nonNull)
              .map(TypeNames::raw).anyMatch(t -> t.endsWith("Advisor") || t.endsWith("MethodInterceptor")
                  || t.endsWith(".Advice") || t.equals("Advice") || t.endsWith("PostProcessor"))
          || advice.xmlAdvice();
    }
    return projectInterceptors;
  }

  /** Whether the caller's facts kept the call: they drop calls on the JDK's types, and keep every other. */
  private static boolean factsKeep(IndexedMethod caller, com.github.javaparser.ast.expr.MethodCallExpr taking) {
    return taking.getBegin().isEmpty() || KeptCalls.anyOf(caller, taking).isPresent();
  }
}
