package dev.optkit.analyzers.facts.extract;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.optkit.analyzers.facts.BodyNodes;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.facts.LoopFact;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.Roots;
import dev.optkit.analyzers.facts.ParamFact;
import dev.optkit.analyzers.facts.SourceRange;
import dev.optkit.analyzers.facts.values.ResultMutations;
import dev.optkit.analyzers.facts.values.ValueRoots;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The analysis of one method or constructor body into a {@link MethodFact}. Holds what the body's
 * analyses share and fill: the I/O sites and project calls found ({@link MethodCalls}), the types of
 * its names ({@link LocalTypes}), its loops ({@link MethodLoops}), its reads of time, randomness and
 * state, and the caches it uses.
 */
public final class MethodScan {
  public final CallableDeclaration<?> callable;
  public final FileScan file;
  public final String owner;
  public final List<IoSite> sites = new ArrayList<>();
  public final List<Node> siteNodes = new ArrayList<>();
  public final List<CallRef> calls = new ArrayList<>();
  public final List<CallRef> constructorCalls = new ArrayList<>();
  /** Where each constructor call is written: {@code new T(..)} or {@code this(..)}/{@code super(..)}; else null. */
  final List<Node> constructorNodes = new ArrayList<>();
  public final List<Node> callNodes = new ArrayList<>();
  public final List<CallRef> opaqueCalls = new ArrayList<>();
  /** Calls on Mockito mocks: what a test stubs or verifies. */
  public final List<dev.optkit.analyzers.facts.MockedCall> mockedCalls = new ArrayList<>();
  public final List<MethodCallExpr> opaqueNodes = new ArrayList<>();
  /** Calls that may send what another call of the method built, with where each is written ({@link SentRequest}). */
  public final List<dev.optkit.analyzers.facts.SentRequest> sentRequests = new ArrayList<>();
  public final List<MethodCallExpr> sentNodes = new ArrayList<>();
  public final List<String> timeOrRandom = new ArrayList<>();
  /** The reads of the clock or a random source recorded in {@link #timeOrRandom}, as nodes: a value holding one is drawn afresh. */
  public final Set<Node> draws = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  public final Set<MethodFact.TransactionControl> transactionControl = new TreeSet<>();
  public int sqlParameter = -1;
  /** The String parameter an HTTP call of this method takes its URL from (-2: two of them). */
  public int urlParameter = -1;
  /** Database sites whose SQL is another class's constant, for the index to read. */
  public final List<MethodFact.SqlConstant> sqlConstants = new ArrayList<>();
  public boolean usesCache;
  private final List<String> mutableFieldsRead = new ArrayList<>();
  /**
   * Names read as fields that neither a local nor the class declares ({@code map}, {@code this.map}, {@code
   * super.map}): a superclass's fields, which the index tells apart (trial 55's 3a: an inherited request map).
   */
  private final List<String> inheritedNamesRead = new ArrayList<>();
  /** Every field of its own class the method reads, changing or not: an entity's getter may read an association. */
  private final List<String> fieldsRead = new ArrayList<>();
  private final List<String> staticFieldsRead = new ArrayList<>();
  /** Static fields of other project classes this method reads ({@code Registry.count}), as {@code pkg.Type#field}. */
  private final List<String> otherStaticsRead = new ArrayList<>();
  /** Fields of other objects reached from state kept between calls, read directly ({@link SharedFieldReads}). */
  private final List<String> sharedFieldsRead = new ArrayList<>();

  /** The body's nodes, walked once (none for an abstract method). */
  public BodyNodes nodes;

  public final LocalTypes locals;
  public final MethodLoops loops;
  public final ClientSites clients;
  private final MethodCalls callVisitor;
  public final TimeAndRandom timeAndRandom;
  public final CacheUses cacheUses;

  MethodScan(CallableDeclaration<?> callable, FileScan file) {
    this.callable = callable;
    this.file = file;
    TypeDeclaration<?> type = (TypeDeclaration<?>) callable.getParentNode().orElseThrow();
    this.owner = file.qualifiedName(type);
    this.locals = new LocalTypes(this);
    this.loops = new MethodLoops(this);
    this.clients = new ClientSites(this);
    this.callVisitor = new MethodCalls(this);
    this.timeAndRandom = new TimeAndRandom(this);
    this.cacheUses = new CacheUses(this);
  }

  MethodFact run() {
    for (Parameter parameter : callable.getParameters()) {
      locals.types.put(parameter.getNameAsString(), locals.declaredType(parameter, parameter.getType()));
    }
    Optional<? extends Node> body = body();
    List<String> annotations = file.annotations.annotationNames(callable);
    if (body.isPresent()) {
      nodes = file.bodyNodes.get(callable);
      if (nodes == null) {
        nodes = BodyNodes.of(body.get()); // a class declared inside another body
      }
      locals.collect();
      loops.collect();
      for (MethodCallExpr call : nodes.ownCalls) {
        callVisitor.visitCall(call);
      }
      for (MethodReferenceExpr reference : nodes.ownReferences) {
        callVisitor.visitReference(reference);
      }
      for (Node read : nodes.ownReads) {
        noteMutableFieldRead(read);
      }
      for (MethodReferenceExpr reference : nodes.ownReferences) {
        // filter(allowed::contains) reads allowed as allowed.contains(x) does (hostile review 62's filter_set_ref)
        String field = dev.optkit.analyzers.facts.values.NameScopes.referencedField(reference,
            name -> locals.types.containsKey(name), name -> locals.fieldType(name) != null);
        if (field == null) {
          field = dev.optkit.analyzers.facts.values.NameScopes.qualifiedRoot(reference.getScope(),
              name -> !locals.types.containsKey(name) && locals.fieldType(name) != null); // holder.list::add
        }
        if (field != null && reference.getScope() instanceof com.github.javaparser.ast.expr.TypeExpr) {
          noteMutableFieldRead(new NameExpr(field), field);
        }
        SharedFieldReads.ofReference(reference, this).filter(e -> !sharedFieldsRead.contains(e))
            .ifPresent(sharedFieldsRead::add);
      }
      for (ObjectCreationExpr creation : nodes.creations) {
        callVisitor.visitCreation(creation);
      }
      if (callable instanceof com.github.javaparser.ast.body.ConstructorDeclaration constructor) {
        callVisitor.visitDelegation(constructor);
      }
      builtWhereRunDropped();
    }
    cacheUses.noteAnnotations();
    if (body.isPresent()) {
      cacheUses.noteFieldMemo();
    }
    List<LoopFact> loopFacts = loops.describe();
    List<ParamFact> params = new ArrayList<>();
    for (Parameter parameter : callable.getParameters()) {
      params.add(new ParamFact(parameter.getNameAsString(), parameter.getType().asString(),
          file.names.qualify(parameter.getType()).name(), parameter.isVarArgs()));
    }
    boolean isConstructor = callable instanceof ConstructorDeclaration;
    String returnType = callable instanceof MethodDeclaration method ? file.names.qualifyDeclared(method.getType()).name() : "void";
    boolean isAbstract = callable instanceof MethodDeclaration method && method.getBody().isEmpty();
    Map<String, String> annotationValues = file.annotations.methodAnnotationValues(callable);
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
        annotationValues,
        callable.isStatic(), isAbstract, callable.isPrivate(),
        callable instanceof MethodDeclaration method && method.isSynchronized(), isConstructor,
        new MethodFact.Modifiers(callable.isPublic(), callable.isFinal(), callable.getTypeParameters().isNonEmpty(),
            callable.getThrownExceptions().stream().map(t -> file.names.qualify(t).name()).toList(),
            callable.getParentNode().orElse(null) instanceof ClassOrInterfaceDeclaration owner
                && owner.isNestedType() && !owner.isStatic() && !owner.isInterface(),
            // a qualifier or another annotation on a constructor's parameter picks which bean Spring injects
            // (hostile review 96's q02b, q03: @Qualifier(Stores.JPA_OWNERS), a custom @JpaStore)
            callable instanceof com.github.javaparser.ast.body.ConstructorDeclaration
                && callable.getParameters().stream().anyMatch(p -> !p.getAnnotations().isEmpty())),
        SourceRange.of(callable), signatureLine(),
        List.copyOf(sites), List.copyOf(calls), loopFacts, List.copyOf(timeOrRandom), usesCache,
        List.copyOf(mutableFieldsRead), withRoots(changes.results(), changes.roots()), List.copyOf(parameterChanges),
        changes.handOffs(),
        List.copyOf(transactionControl), Math.max(sqlParameter, -1), returnRoots(changes.roots()),
        List.copyOf(staticFieldsRead), List.copyOf(opaqueCalls), List.copyOf(fieldsRead),
        List.copyOf(constructorCalls), List.copyOf(otherStaticsRead), Math.max(urlParameter, -1),
        HandedFields.of(this), List.copyOf(sqlConstants), List.copyOf(inheritedNamesRead), List.copyOf(sharedFieldsRead),
        FailureAnswers.of(callable, type -> file.names.qualify(type).name()),
        callable instanceof MethodDeclaration declared ? typeChain(declared.getType()) : List.of(),
        FailureAnswers.returnedCalls(callable),
        callable instanceof MethodDeclaration declared ? typeNames(declared) : List.of(),
        TestedCalls.of(callable), List.copyOf(mockedCalls), file.annotations.composedValues(callable, file.resolver::declaringType),
        List.copyOf(sentRequests), file.annotations.sqlScripts(callable).orElse(null));
  }

  /**
   * Every class or interface type named in the declared return type and in the bounds of the method's type variables
   * it names, by simple name, in the order written (a scope before the type it qualifies).
   */
  private static List<String> typeNames(MethodDeclaration declared) {
    List<com.github.javaparser.ast.type.ClassOrInterfaceType> named =
        new ArrayList<>(declared.getType().findAll(com.github.javaparser.ast.type.ClassOrInterfaceType.class));
    Set<String> variables = new java.util.HashSet<>();
    named.forEach(type -> variables.add(type.getNameAsString()));
    for (com.github.javaparser.ast.type.TypeParameter variable : declared.getTypeParameters()) {
      if (variables.contains(variable.getNameAsString())) {
        variable.getTypeBound().forEach(bound -> named.addAll(bound.findAll(
            com.github.javaparser.ast.type.ClassOrInterfaceType.class)));
      }
    }
    return named.stream()
        .filter(type -> type.getBegin().isPresent() && type.getEnd().isPresent())
        .sorted(java.util.Comparator.<com.github.javaparser.ast.type.ClassOrInterfaceType, com.github.javaparser.Position>
            comparing(type -> type.getBegin().get()).thenComparing(type -> type.getEnd().get()))
        .map(com.github.javaparser.ast.type.ClassOrInterfaceType::getNameAsString)
        .toList();
  }

  /** The type and, while it has exactly one type argument, that argument, each qualified as the file's names tell. */
  private List<String> typeChain(com.github.javaparser.ast.type.Type declared) {
    List<String> chain = new ArrayList<>();
    com.github.javaparser.ast.type.Type type = declared;
    while (type != null && chain.size() < 8) {
      if (type instanceof com.github.javaparser.ast.type.WildcardType wildcard) {
        type = wildcard.getExtendedType().orElse(null);
        continue;
      }
      if (!(type instanceof com.github.javaparser.ast.type.ClassOrInterfaceType named)) {
        chain.add(file.names.qualifyDeclared(type).name());
        break;
      }
      chain.add(file.names.qualify(named).name());
      type = named.getTypeArguments().filter(arguments -> arguments.size() == 1).map(arguments -> arguments.get(0))
          .orElse(null);
    }
    return List.copyOf(chain);
  }

  /** A constructor the method runs, with the expression or statement running it (null: a reference, an implicit one). */
  public void addConstructorCall(CallRef call, Node written) {
    constructorCalls.add(call);
    constructorNodes.add(written);
  }

  /** Each call's receiver and arguments, by where they come from: see {@link ValueRoots}. */
  private void addRoots(ValueRoots roots) {
    for (int i = 0; i < constructorCalls.size(); i++) {
      // new Where(column, Op.EQ, value): what the new object is handed (the object itself is new)
      List<com.github.javaparser.ast.expr.Expression> arguments = constructorNodes.get(i) instanceof ObjectCreationExpr
          creation ? creation.getArguments() : constructorNodes.get(i)
          instanceof com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt delegation
          ? delegation.getArguments() : null;
      if (arguments != null) {
        List<Roots> found = new ArrayList<>();
        found.add(Roots.parse("new"));
        arguments.forEach(argument -> found.add(roots.of(argument)));
        constructorCalls.set(i, constructorCalls.get(i).withRoots(found));
      }
    }
    for (int i = 0; i < opaqueCalls.size(); i++) {
      MethodCallExpr call = opaqueNodes.get(i);
      List<Roots> found = new ArrayList<>();
      found.add(roots.ofReceiver(call.getScope().orElse(null)));
      call.getArguments().forEach(argument -> found.add(roots.of(argument)));
      opaqueCalls.set(i, opaqueCalls.get(i).withRoots(found));
    }
    for (int i = 0; i < calls.size(); i++) {
      List<Roots> found = new ArrayList<>();
      if (callNodes.get(i) instanceof MethodCallExpr call) {
        found.add(roots.ofReceiver(call.getScope().filter(s -> !(s instanceof ThisExpr)).orElse(null)));
        call.getArguments().forEach(argument -> found.add(roots.of(argument)));
      } else if (callNodes.get(i) instanceof MethodReferenceExpr reference) {
        found.add(reference.getScope() instanceof ThisExpr ? Roots.THIS : roots.ofReferenceReceiver(reference));
        // images.stream().map(this::toSnapshot): each image
        roots.ofReferenceArgument(reference).ifPresent(found::add);
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

  private List<Roots> returnRoots(ValueRoots roots) {
    List<Roots> found = new ArrayList<>();
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
    noteMutableFieldRead(read, null);
  }

  /** @param referenced the field a method reference names, read as the plain name would be (read is then detached) */
  private void noteMutableFieldRead(Node read, String referenced) {
    if (read.getParentNode().orElse(null) instanceof AssignExpr assign && assign.getTarget() == read
        && assign.getOperator() == AssignExpr.Operator.ASSIGN) {
      return; // this.items = items sets the field; it reads nothing of it
    }
    String name;
    if (referenced != null) {
      name = referenced;
    } else if (read instanceof NameExpr nameExpr) {
      name = nameExpr.getNameAsString();
      // holder.allowed reads field holder (hostile review 64's holder_set_plain); Type.NAME or a package reads none
      if (locals.types.containsKey(name) || read.getParentNode().orElse(null) instanceof FieldAccessExpr
          && locals.fieldType(name) == null) {
        return;
      }
    } else {
      FieldAccessExpr access = (FieldAccessExpr) read;
      if (access.getScope() instanceof NameExpr type) {
        noteOtherStaticRead(type.getNameAsString(), access.getNameAsString());
      }
      if (access.getScope() instanceof com.github.javaparser.ast.expr.SuperExpr) {
        noteInheritedName(access.getNameAsString());
        return;
      }
      if (!(access.getScope() instanceof ThisExpr)) {
        SharedFieldReads.entry(access, this).filter(e -> !sharedFieldsRead.contains(e)).ifPresent(sharedFieldsRead::add);
        return;
      }
      name = access.getNameAsString();
    }
    if (locals.fieldType(name) == null) {
      noteInheritedName(name);
    }
    if (!fieldsRead.contains(name) && (read instanceof FieldAccessExpr || locals.fieldType(name) != null)) {
      fieldsRead.add(name);
    }
    // a nested class's read of the class around it counts as its own (hostile review 56's N3: Outer.Reader read
    // Outer's region, a static setRegion changes)
    String declaring = read instanceof NameExpr && locals.fieldOwner(name) != null ? locals.fieldOwner(name) : owner;
    if (file.mutableFields.contains(declaring + "#" + name) && !mutableFieldsRead.contains(name)) {
      mutableFieldsRead.add(name);
      if (file.staticMutableFields.contains(declaring + "#" + name)) {
        staticFieldsRead.add(name);
      }
    }
  }

  /**
   * One query, one site: a statement a client's chain makes and keeps in a local ({@code Query q =
   * session.createQuery(hql)}) is no site of its own where a later call on that local is one ({@code q.list()}, a
   * catalogued run of the query object). StoredQueries moves the making to its run where the solver types both; this
   * is the same where it could not (no jar), and where the run is a family of its own (Hibernate 3 to 5's Query).
   */
  private void builtWhereRunDropped() {
    for (int i = sites.size() - 1; i >= 0; i--) {
      if (sites.get(i).kind() != dev.optkit.analyzers.catalog.ClientKind.DB
          || !(siteNodes.get(i) instanceof MethodCallExpr made)) {
        continue;
      }
      MethodCallExpr chain = dev.optkit.analyzers.facts.loops.LoopShapes.outermost(made);
      if (!(chain.getParentNode().orElse(null) instanceof com.github.javaparser.ast.body.VariableDeclarator kept)) {
        continue;
      }
      String local = kept.getNameAsString();
      int runLater = -1;
      for (int j = 0; j < sites.size() && runLater < 0; j++) {
        runLater = j != i && sites.get(j).kind() == dev.optkit.analyzers.catalog.ClientKind.DB
            && siteNodes.get(j) instanceof MethodCallExpr run && chainRoot(run) instanceof NameExpr root
            && root.getNameAsString().equals(local) && run.getBegin().isPresent() && kept.getBegin().isPresent()
            && run.getBegin().get().isAfter(kept.getBegin().get()) ? j : -1;
      }
      if (runLater >= 0) {
        IoSite making = sites.get(i);
        IoSite run = sites.get(runLater);
        if (making.makesJpaQuery() && !run.makesJpaQuery()) {
          // a JPA query's run (q.getResultList()) tells neither its text nor a criteria query's kind: the making does,
          // now placed at the run, read or write by its text or its criteria query, else as the run says (unknown but
          // for executeUpdate(): a named native query may write)
          sites.set(runLater, new IoSite(making.kind(), making.clientId(), making.provider(),
              making.sql() != null || making.access() == dev.optkit.analyzers.facts.Access.READ ? making.access()
                  : run.access(), making.confidence(), making.receiverType(), making.method(),
              making.httpMethod(), making.url(), making.host(), making.sql(), making.llm(), run.async(), run.deferred(),
              run.range(), run.snippet(), making.basis(), making.argumentCount()));
          sqlConstants.replaceAll(constant -> constant.site().equals(making.range())
              ? new MethodFact.SqlConstant(run.range(), constant.text()) : constant);
        }
        sites.remove(i);
        siteNodes.remove(i);
      }
    }
  }

  /** The expression a chain of calls starts from ({@code q} of {@code q.setParameter(..).list()}). */
  private static com.github.javaparser.ast.expr.Expression chainRoot(MethodCallExpr call) {
    com.github.javaparser.ast.expr.Expression scope = call.getScope().orElse(null);
    while (scope instanceof MethodCallExpr inner) {
      scope = inner.getScope().orElse(null);
    }
    return scope;
  }

  /** Whether the body reads the name as a field neither a local nor its class declares: a superclass's. */
  boolean readsInheritedName(String name) {
    return inheritedNamesRead.contains(name);
  }

  private void noteInheritedName(String name) {
    if (!inheritedNamesRead.contains(name)) {
      inheritedNamesRead.add(name);
    }
  }

  /**
   * {@code Registry.count}: a static field of another project class, read. Whether it may change is
   * the planner's question (the other class's declaration is in another file).
   */
  private void noteOtherStaticRead(String typeName, String field) {
    if (!Character.isUpperCase(typeName.charAt(0)) || locals.types.containsKey(typeName) || locals.fieldType(typeName) != null) {
      return;
    }
    String qualified = file.names.qualify(typeName).name();
    if (qualified.equals("java.lang.System") && (field.equals("out") || field.equals("err"))) {
      return; // System.out.println("load " + id): a log line written, no state the answer depends on
    }
    String entry = qualified + "#" + field;
    if (!qualified.equals(owner) && file.names.isKnown(qualified) && !otherStaticsRead.contains(entry)) {
      otherStaticsRead.add(entry);
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
}
