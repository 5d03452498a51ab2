package dev.optkit.rewriters.loops;

import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.proof.Reason;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.SwitchEntry;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.rewriters.edit.SourceDocument;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.analyzers.proof.Proof;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a loop must prove before its one query per element can run for every element ahead of it
 * (a findById batched into findAllById, a JDBC query per key into one IN query per chunk): a shape
 * the loading can go before, and a body that makes no other I/O and changes nothing but the
 * method's own locals, so reading every row first reads what each query would have read and a
 * failed load leaves nothing half done.
 */
final class LoadAheadProof {
  private final SourceDocument document;
  private final CompilationUnit unit;
  private final ProjectIndex index;
  private final LoopSites sites;
  private final ImmutableTypes immutables;

  LoadAheadProof(SourceDocument document, CompilationUnit unit, ProjectIndex index, LoopSites sites,
      ImmutableTypes immutables) {
    this.document = document;
    this.unit = unit;
    this.index = index;
    this.sites = sites;
    this.immutables = immutables;
  }

  /** Whether the loop has a shape the loading can go before: braces, its own lines, a collection iterated twice alike. */
  Optional<Reason> shapeProblem(CallableDeclaration<?> method, ForEachStmt loop, String call) {
    if (!(loop.getBody() instanceof BlockStmt)) {
      return Reason.of(Proof.LOOP_SHAPE, "its body is a single statement without braces");
    }
    // a case's statements are a list like a block's: the loading goes before the loop inside the case
    Node parent = loop.getParentNode().orElse(null);
    if (parent instanceof LabeledStmt || !(parent instanceof BlockStmt || parent instanceof SwitchEntry entry
        && entry.getType() == SwitchEntry.Type.STATEMENT_GROUP)) {
      return Reason.of(Proof.LOOP_SHAPE, "it is labelled, or the single statement of an if or a loop, where the loading cannot go");
    }
    if (loop.findAncestor(LambdaExpr.class).filter(l -> LoopProof.isInside(l, method)).isPresent()) {
      return Reason.of(Proof.LOOP_SHAPE, "it runs inside a lambda");
    }
    if (loop.getVariableDeclarator().getType().isVarType()) {
      return Reason.of(Proof.LOOP_SHAPE, "its element is declared with 'var', and the loading must name the id type");
    }
    if (IterableGetter.is(loop)) {
      // request.getItems(): called again for the loading, which the getter must answer alike
      String getter = IterableGetter.of(method, loop, index).problem();
      if (getter != null) {
        return Reason.of(Proof.LOOP_COLLECTION, getter);
      }
    } else if (!(loop.getIterable() instanceof NameExpr iterable)) {
      return Reason.of(Proof.LOOP_COLLECTION, "it iterates " + loop.getIterable() + ", an expression: the rewrite iterates the same "
          + "collection twice, so it must be a parameter, a local, or a getter of one that returns its field");
    } else {
      Optional<String> collection = IteratedCollection.problem(unit, method, loop, iterable.getNameAsString(),
          IteratedCollection.Walk.TWICE);
      if (collection.isPresent()) {
        return Reason.of(Proof.LOOP_COLLECTION, collection);
      }
    }
    for (Node at = loop.getParentNode().orElse(null); at != null && at != method; at = at.getParentNode().orElse(null)) {
      if (at instanceof com.github.javaparser.ast.stmt.TryStmt attempt && !attempt.getCatchClauses().isEmpty()) {
        return Reason.of(Proof.LOOP_SHAPE, "a catch around it would see what the loop fills as a failed load leaves it (nothing), "
            + "not as the elements before a failed " + call + " left it");
      }
    }
    int loopLine = loop.getBegin().get().line;
    String before = document.text().substring(document.lineStart(loopLine), document.offset(loopLine, loop.getBegin().get().column));
    if (!before.isBlank()) {
      return Reason.of(Proof.LOOP_SHAPE, "the loop does not start a line of its own, and optkit puts the loading on the lines before it");
    }
    return Optional.empty();
  }

  /**
   * The body may compute, fill its own locals and throw, nothing more: another call that does I/O,
   * a change of a field, a parameter or anything a project method reaches would see (or make) state
   * the rows were loaded before.
   */
  Optional<Reason> bodyProblem(CallableDeclaration<?> method, ForEachStmt loop, MethodCallExpr find,
      IndexedMethod indexed) {
    Set<String> locals = new LinkedHashSet<>();
    method.findAll(VariableDeclarator.class).forEach(v -> locals.add(v.getNameAsString()));
    method.findAll(com.github.javaparser.ast.body.Parameter.class).stream()
        .filter(p -> LoopProof.isInside(p, loop)).forEach(p -> locals.add(p.getNameAsString())); // lambdas' own
    for (Node node : loop.getBody().findAll(Node.class)) {
      // a lambda's or an anonymous class's method's own return leaves that code, not the loop
      boolean own = node.findAncestor(LambdaExpr.class).filter(l -> LoopProof.isInside(l, loop)).isEmpty()
          && node.findAncestor(com.github.javaparser.ast.body.MethodDeclaration.class)
              .filter(m -> LoopProof.isInside(m, loop)).isEmpty();
      if (own && (node instanceof BreakStmt brk && AfterTheCall.breaksOut(brk, loop) || node instanceof ReturnStmt)) {
        return Reason.of(Proof.LOOP_EARLY_EXIT, "it may leave the loop early ('" + node + "'): the rows of the ids it never reaches would "
            + "be loaded for nothing");
      }
      if (node instanceof AssignExpr assign && !(assign.getTarget() instanceof NameExpr target
          && locals.contains(target.getNameAsString()))) {
        return Reason.of(Proof.LOOP_AHEAD_STATE, "its body assigns " + assign.getTarget() + ", which is not a local" + LoopProof.elementOf(assign.getTarget()) + " of "
            + method.getNameAsString() + "(): a failed load would leave it as no element had run, not as the "
            + "elements before the failure left it");
      }
      if (node instanceof UnaryExpr unary && unary.getOperator() != UnaryExpr.Operator.LOGICAL_COMPLEMENT
          && unary.getOperator() != UnaryExpr.Operator.MINUS && unary.getOperator() != UnaryExpr.Operator.PLUS
          && unary.getOperator() != UnaryExpr.Operator.BITWISE_COMPLEMENT
          && !(unary.getExpression() instanceof NameExpr target && locals.contains(target.getNameAsString()))) {
        return Reason.of(Proof.LOOP_AHEAD_STATE, "its body changes " + unary.getExpression() + ", which is not a local" + LoopProof.elementOf(unary.getExpression()) + " of "
            + method.getNameAsString() + "()");
      }
    }
    for (MethodCallExpr call : loop.getBody().findAll(MethodCallExpr.class)) {
      if (call == find) {
        continue;
      }
      Expression receiver = call.getScope().orElse(null);
      while (receiver instanceof MethodCallExpr inner) {
        receiver = inner.getScope().orElse(null);
      }
      // a row the loop loaded, a lambda's parameter, a value the body made: per element, as before the rewrite;
      // an object the method made and keeps to itself (order = new CustomerOrder(...)): a failure drops it
      boolean kept = receiver instanceof NameExpr name && !LoopSites.declaredInside(loop, name.getNameAsString())
          && madeAndKept(method, loop, name.getNameAsString());
      String madeName = kept ? ((NameExpr) receiver).getNameAsString() : null;
      Optional<String> shared = kept ? sharedAtConstruction(method, madeName) : Optional.empty();
      boolean madeInLoop = receiver instanceof NameExpr name && LoopSites.declaredInside(loop, name.getNameAsString())
          || kept && shared.isEmpty()
          || receiver instanceof NameExpr element && call.getBegin().get().isAfter(find.getEnd().get())
              && elementMadeByItsQuery(method, loop, element.getNameAsString(), indexed)
              && sites.ref(indexed, call).map(index::allTargetsOf).filter(targets -> !targets.isEmpty())
                  .map(targets -> targets.stream().allMatch(this::keepsOnly)).orElse(false);
      java.util.Set<Integer> fresh = new java.util.HashSet<>();
      for (int position = 0; position < call.getArguments().size(); position++) {
        Expression argument = call.getArgument(position);
        if (argument instanceof com.github.javaparser.ast.expr.ObjectCreationExpr created
            && created.getAnonymousClassBody().isEmpty()
            || argument instanceof NameExpr local && LoopSites.declaredInside(loop, local.getNameAsString())) {
          fresh.add(position);
        }
      }
      Optional<CallRef> ref = sites.ref(indexed, call);
      for (IndexedMethod target : ref.map(index::allTargetsOf).orElse(List.of())) {
        Optional<String> why = sites.projectCallProblem(target, madeInLoop, fresh, 3);
        if (why.isPresent()) {
          return Reason.of(Proof.LOOP_AHEAD_STATE, "its body calls " + target.fact().displayName() + "(), which " + why.get()
              + shared.map(s -> " (" + madeName + " is made by " + method.getNameAsString() + "(), but " + s + ")")
                  .orElse(""));
        }
      }
      // a field, a parameter, this: held beyond the loop. A project method is judged above; on anything else
      // only reads are known to change nothing (stats.merge(...), seen.incrementAndGet(), consumer.accept(id) do)
      boolean held = receiver instanceof NameExpr name && !locals.contains(name.getNameAsString())
          && (!Character.isUpperCase(name.getNameAsString().charAt(0)) || isField(method, name.getNameAsString()))
          || receiver instanceof com.github.javaparser.ast.expr.FieldAccessExpr
          || receiver instanceof com.github.javaparser.ast.expr.ThisExpr;
      boolean judged = ref.map(index::allTargetsOf).filter(targets -> !targets.isEmpty()).isPresent();
      if (held && !judged && !READS.contains(call.getNameAsString()) && !logger(method, receiver)) {
        return Reason.of(Proof.LOOP_AHEAD_STATE, "its body calls " + call.getNameAsString() + "() on " + call.getScope().get() + ", which "
            + method.getNameAsString() + "() does not make, and optkit knows it for no read: a failed load would "
            + "leave it as no element had run");
      }
    }
    for (com.github.javaparser.ast.expr.MethodReferenceExpr reference
        : loop.getBody().findAll(com.github.javaparser.ast.expr.MethodReferenceExpr.class)) {
      if (!READS.contains(reference.getIdentifier()) && !(reference.getScope() instanceof NameExpr scope
          && locals.contains(scope.getNameAsString())) && !(reference.getScope() instanceof com.github.javaparser.ast.expr.TypeExpr)) {
        return Reason.of(Proof.LOOP_AHEAD_STATE, "its body hands on " + reference + ", which changes what " + method.getNameAsString()
            + "() does not make");
      }
    }
    return Optional.empty();
  }

  /**
   * A local the method declares before the loop with a new object, and uses up to the loop's end only
   * as the receiver of calls: nothing outside the method holds it, so a failed load that leaves it
   * as no element had run leaves nothing anyone sees (the exception leaves the method).
   */
  static boolean madeAndKept(CallableDeclaration<?> method, ForEachStmt loop, String name) {
    List<VariableDeclarator> declared = method.findAll(VariableDeclarator.class).stream()
        .filter(v -> v.getNameAsString().equals(name)).toList();
    if (declared.size() != 1 || LoopProof.isInside(declared.get(0), loop)
        || !(declared.get(0).getInitializer().orElse(null) instanceof com.github.javaparser.ast.expr.ObjectCreationExpr made)
        || made.getAnonymousClassBody().isPresent() || LoopProof.assignedIn(method, name)) {
      return false;
    }
    int loopEnd = loop.getEnd().get().line;
    for (NameExpr use : method.findAll(NameExpr.class)) {
      if (!use.getNameAsString().equals(name) || use.getBegin().get().line > loopEnd) {
        continue;
      }
      boolean receiverOnly = use.getParentNode().orElse(null) instanceof com.github.javaparser.ast.expr.MethodCallExpr call
          && call.getScope().filter(scope -> scope == use).isPresent();
      if (!receiverOnly || use.findAncestor(LambdaExpr.class).isPresent()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the loop's element, changed by a call after the element's query, is an object the method's own query made
   * for one row ({@code for (Vet vet : vets)} over {@code vets = jdbc.query(sql, (rs, i) -> new Vet(rs.getInt(1),
   * rs.getString(2)))}: trial 93's petclinic-rest filling each vet's specialties): a new object of values per row, in a
   * local list named nowhere else up to the loop's end. No one else holds it and no other element is it, so the change
   * is the element's own, as before the rewrite; the element's key was read before it; and a failed load (no catch
   * around the loop: {@link #shapeProblem}) leaves the method, and the list with it.
   */
  private boolean elementMadeByItsQuery(CallableDeclaration<?> method, ForEachStmt loop, String name,
      IndexedMethod indexed) {
    if (!loop.getVariableDeclarator().getNameAsString().equals(name) || !(loop.getIterable() instanceof NameExpr iterable)) {
      return false;
    }
    String list = iterable.getNameAsString();
    List<VariableDeclarator> declared = method.findAll(VariableDeclarator.class).stream()
        .filter(v -> v.getNameAsString().equals(list)).toList();
    if (declared.size() != 1 || LoopProof.isInside(declared.get(0), loop) || LoopProof.assignedIn(method, list)
        || method.findAll(com.github.javaparser.ast.body.Parameter.class).stream().anyMatch(p -> p.getNameAsString().equals(list))) {
      return false;
    }
    // the list is the query's answer, or a new list the query's answer is added to (petclinic-rest's
    // vets.addAll(jdbcTemplate.query(...))); named nowhere else up to the loop's end
    Expression initializer = declared.get(0).getInitializer().orElse(null);
    MethodCallExpr query = initializer instanceof MethodCallExpr call ? call : null;
    NameExpr filled = null;
    if (initializer instanceof com.github.javaparser.ast.expr.ObjectCreationExpr made && made.getArguments().isEmpty()
        && made.getAnonymousClassBody().isEmpty()
        && Set.of("ArrayList", "LinkedList").contains(made.getType().getNameAsString())) {
      for (MethodCallExpr call : method.findAll(MethodCallExpr.class)) {
        if (call.getNameAsString().equals("addAll") && call.getArguments().size() == 1
            && call.getScope().filter(scope -> scope instanceof NameExpr receiver && receiver.getNameAsString().equals(list)).isPresent()
            && call.getParentNode().filter(com.github.javaparser.ast.stmt.ExpressionStmt.class::isInstance).isPresent()
            && call.getArgument(0) instanceof MethodCallExpr added && call.getEnd().get().isBefore(loop.getBegin().get())) {
          if (query != null) {
            return false;
          }
          query = added;
          filled = (NameExpr) call.getScope().get();
        }
      }
    }
    if (query == null || !readOfTheMethod(indexed, query)) {
      return false; // a project method's answer may be objects others hold
    }
    for (NameExpr use : method.findAll(NameExpr.class)) {
      if (use.getNameAsString().equals(list) && use != iterable && use != filled
          && use.getBegin().get().isBefore(loop.getEnd().get())) {
        return false;
      }
    }
    return newPerRow(method, query);
  }

  private boolean readOfTheMethod(IndexedMethod indexed, MethodCallExpr query) {
    dev.optkit.analyzers.facts.SourceRange range = FactRanges.of(query);
    return index.sitesOf(indexed).stream().anyMatch(site -> site.range().equals(range)
        && site.kind() == dev.optkit.analyzers.catalog.ClientKind.DB
        && site.access() == dev.optkit.analyzers.facts.Access.READ);
  }

  /** Collection calls a method filling its own object may make: they throw nothing a list of values would not. */
  private static final Set<String> KEEPING = Set.of("add", "addAll", "put", "putAll", "set", "get", "size", "isEmpty",
      "contains", "containsKey");

  /**
   * A method that only keeps what it is given in its own collections: no I/O, no object made (an exception thrown),
   * no call but those (hostile review 97's v13: an addSpecialty that printed, or threw before a later vet's failing
   * query, which the loading ahead now runs first).
   */
  private boolean keepsOnly(IndexedMethod target) {
    return keepsOnly(target, 2);
  }

  /** JDK collections a getter may make for its own field the first time ({@code specialties = new HashSet<>()}). */
  private static final Set<String> OWN_COLLECTIONS = Set.of("ArrayList", "LinkedList", "HashSet", "LinkedHashSet",
      "TreeSet", "HashMap", "LinkedHashMap", "TreeMap");

  /**
   * @param depth how far calls of its own class's methods without arguments are followed (petclinic-rest's
   *     {@code getSpecialtiesInternal().add(specialty)}, a getter making its set the first time)
   */
  private boolean keepsOnly(IndexedMethod target, int depth) {
    var fact = target.fact();
    var declared = immutables.sources().declaration(target).orElse(null);
    if (fact.isAbstract() || !fact.ioSites().isEmpty() || declared == null
        || fact.opaqueCalls().stream().anyMatch(call -> !KEEPING.contains(call.name()))
        || !declared.findAll(com.github.javaparser.ast.stmt.ThrowStmt.class).isEmpty()
        || declared.findAll(com.github.javaparser.ast.expr.ObjectCreationExpr.class).stream()
            .anyMatch(made -> made.getAnonymousClassBody().isPresent()
                || !OWN_COLLECTIONS.contains(made.getType().getNameAsString()))) {
      return false;
    }
    for (CallRef call : fact.calls()) {
      List<IndexedMethod> targets = index.allTargetsOf(call);
      // on what an own getter answers (getSpecialtiesInternal().add(..), untyped where the getter's set is generic)
      boolean onOwnGetter = call.receiverType() == null && call.receivedFrom() != null
          && call.receivedFrom().ofOwnClass(fact.ownerType());
      boolean keeping = (targets.isEmpty() || onOwnGetter) && KEEPING.contains(call.name());
      boolean ownGetter = depth > 0 && !targets.isEmpty() && call.argumentCount() == 0
          && targets.stream().allMatch(t -> t.fact().ownerType().equals(fact.ownerType()) && keepsOnly(t, depth - 1));
      if (!keeping && !ownGetter) {
        return false;
      }
    }
    return declared.findAll(MethodCallExpr.class).stream().allMatch(c -> KEEPING.contains(c.getNameAsString())
        || c.getArguments().isEmpty() && c.getScope().filter(scope -> !(scope instanceof com.github.javaparser.ast.expr.ThisExpr)).isEmpty());
  }

  /** Spring's mappers that make each row's object with a class's constructor and setters. */
  private static final Set<String> BEAN_MAPPERS = Set.of("BeanPropertyRowMapper", "DataClassRowMapper");

  /**
   * Whether the query's mapper makes a new object of values for each row: a lambda answering {@code new Vet(rs.getInt(1),
   * rs.getString(2))}, or Spring's bean mapper of a project class ({@code BeanPropertyRowMapper.newInstance(Vet.class)})
   * whose construction reads nothing outside and whose setters keep what they are given and do nothing else.
   */
  private boolean newPerRow(CallableDeclaration<?> method, MethodCallExpr query) {
    List<LambdaExpr> mappers = query.getArguments().stream().filter(LambdaExpr.class::isInstance)
        .map(LambdaExpr.class::cast).filter(lambda -> lambda.getParameters().size() == 2).toList();
    if (mappers.size() == 1) {
      LambdaExpr mapper = mappers.get(0);
      Expression made = mapper.getExpressionBody().orElse(null);
      if (made == null && mapper.getBody() instanceof BlockStmt block && block.getStatements().size() == 1
          && block.getStatement(0) instanceof ReturnStmt returned) {
        made = returned.getExpression().orElse(null);
      }
      return made instanceof com.github.javaparser.ast.expr.ObjectCreationExpr creation
          && creation.getAnonymousClassBody().isEmpty() && sharedAtConstruction(creation).isEmpty()
          && plainBean(creation.getType().getNameAsString()) && new RowMapperProof(index, sites).problem(method, mapper).isEmpty();
    }
    for (Expression argument : query.getArguments()) {
      String mapper = argument instanceof MethodCallExpr factory && factory.getNameAsString().equals("newInstance")
          ? factory.getScope().map(Expression::toString).map(LoopSites::simple).orElse("")
          : argument instanceof com.github.javaparser.ast.expr.ObjectCreationExpr made && made.getAnonymousClassBody().isEmpty()
              ? made.getType().getNameAsString() : "";
      List<Expression> given = argument instanceof MethodCallExpr factory ? factory.getArguments()
          : argument instanceof com.github.javaparser.ast.expr.ObjectCreationExpr made ? made.getArguments() : List.of();
      if (BEAN_MAPPERS.contains(mapper) && given.size() == 1
          && given.get(0) instanceof com.github.javaparser.ast.expr.ClassExpr mapped) {
        return plainBean(mapped.getType().asString());
      }
    }
    return false;
  }

  /** A project class made with no outside state, whose setters only keep what they are given in its own fields. */
  private boolean plainBean(String written) {
    List<dev.optkit.analyzers.facts.TypeFact> types = index.typesNamed(LoopSites.simple(written));
    if (types.size() != 1 || types.get(0).constructionReadsOutside()
        || !types.get(0).constructionConstants().stream().allMatch(this::enumOfValues)) {
      return false;
    }
    List<String> owners = new java.util.ArrayList<>(List.of(types.get(0).qualifiedName()));
    owners.addAll(index.supertypesOf(types.get(0).qualifiedName()));
    return owners.stream().flatMap(owner -> index.methodsOfType(owner).stream())
        .filter(m -> m.fact().name().startsWith("set") || m.fact().isConstructor())
        .allMatch(m -> index.reachedIo(m).isEmpty() && m.fact().staticFieldsRead().isEmpty()
            && m.fact().otherStaticsRead().isEmpty() && m.fact().sharedFieldsRead().isEmpty()
            // no call but reads (Registry.ALL.add(this) would keep the object where others see it)
            && java.util.stream.Stream.concat(m.fact().calls().stream(), m.fact().opaqueCalls().stream())
                .allMatch(call -> index.allTargetsOf(call).isEmpty() && READS.contains(call.name()))
            && m.fact().parameterMutations().stream().allMatch(change -> change.change() instanceof dev.optkit.analyzers.facts.Change.StoredInField
                || change.parameter() == dev.optkit.analyzers.facts.MethodFact.RECEIVER));
  }

  /**
   * What the object a local was made as may hold that others do, or empty when nothing: its class's
   * construction reads nothing outside its arguments but enums' constants, and the constructor it was
   * made with takes only immutable values ({@code new CustomerOrder(name, phone, address)}, {@code new Tally()}).
   */
  private Optional<String> sharedAtConstruction(CallableDeclaration<?> method, String name) {
    return sharedAtConstruction((com.github.javaparser.ast.expr.ObjectCreationExpr) method.findAll(VariableDeclarator.class)
        .stream().filter(v -> v.getNameAsString().equals(name)).findFirst().orElseThrow().getInitializer().orElseThrow());
  }

  private Optional<String> sharedAtConstruction(com.github.javaparser.ast.expr.ObjectCreationExpr made) {
    String type = made.getType().getNameAsString();
    List<dev.optkit.analyzers.facts.TypeFact> types = WrittenProjectTypes.of(made, type, index);
    if (types.size() != 1) {
      return Optional.of("optkit cannot tell which class " + type + " is: " + WrittenProjectTypes.notOne(type, types));
    }
    if (types.get(0).constructionReadsOutside()) {
      return Optional.of("the construction of a " + type + " reads state from outside its arguments (a call, a static)");
    }
    Optional<String> constant = types.get(0).constructionConstants().stream().filter(c -> !enumOfValues(c)).findFirst();
    if (constant.isPresent()) {
      return Optional.of("the construction of a " + type + " reads " + constant.get()
          + ", which optkit does not know to be an unchanging value");
    }
    List<IndexedMethod> constructors = index.methodsOfType(types.get(0).qualifiedName()).stream()
        .filter(m -> m.fact().isConstructor() && m.fact().params().size() == made.getArguments().size()).toList();
    boolean values = constructors.isEmpty() ? made.getArguments().isEmpty() // the default constructor
        : constructors.stream().allMatch(c -> c.fact().params().stream().allMatch(p -> !p.varArgs()
            && !p.type().contains("[") && LoopProof.IMMUTABLE.contains(LoopSites.simple(TypeNames.raw(p.qualifiedType())))));
    return values ? Optional.empty() : Optional.of("its constructor takes more than immutable values");
  }

  /**
   * Whether a type whose constants a construction reads is a project enum whose constants are values
   * ({@code OrderStatus.PENDING}), not a holder of shared state ({@code Holder.SHARED}).
   */
  private boolean enumOfValues(String written) {
    int dot = written.lastIndexOf('.');
    String type = written.substring(0, dot);
    List<dev.optkit.analyzers.facts.TypeFact> named = index.typesNamed(type);
    return named.size() == 1 && named.get(0).kind().equals("enum") && immutables.immutable(named.get(0).qualifiedName())
        && immutables.enumConstant(type, written.substring(dot + 1));
  }

  /** Calls that read the object they are made on, whatever its type: collections', maps', strings', atomics'. */
  static final Set<String> READS = Set.of("get", "getOrDefault", "size", "isEmpty", "contains", "containsKey",
      "containsValue", "containsAll", "indexOf", "lastIndexOf", "getFirst", "getLast", "equals", "hashCode", "toString",
      "compareTo", "length", "charAt", "name", "ordinal", "getClass", "stream", "format", "valueOf", "subList",
      "keySet", "values", "entrySet", "getKey", "getValue", "map", "filter", "count", "collect", "anyMatch", "allMatch",
      "noneMatch", "findFirst", "findAny", "sum", "max", "min", "mapToInt", "mapToLong", "mapToObj", "toList",
      "sorted", "distinct", "limit", "skip", "boxed", "orElse", "orElseGet", "orElseThrow", "isPresent", "isBlank", "trim",
      "strip", "toUpperCase", "toLowerCase", "startsWith", "endsWith", "substring", "split", "matches",
      "equalsIgnoreCase", "intValue", "longValue", "doubleValue", "isBefore", "isAfter");


  /** Whether the name is a field of the method's class or of a class around it. */
  private static boolean isField(CallableDeclaration<?> method, String name) {
    return method.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class).stream()
        .flatMap(type -> ((com.github.javaparser.ast.body.TypeDeclaration<?>) type).getFields().stream())
        .anyMatch(field -> field.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(name)));
  }

  /** Whether the receiver is a field of a logging type (log.info(...)), by its declared type and the file's imports. */
  private boolean logger(CallableDeclaration<?> method, Expression receiver) {
    String name = receiver instanceof NameExpr simple ? simple.getNameAsString()
        : receiver instanceof com.github.javaparser.ast.expr.FieldAccessExpr access ? access.getNameAsString() : null;
    if (name == null) {
      return false;
    }
    for (Node type = method.getParentNode().orElse(null); type != null; type = type.getParentNode().orElse(null)) {
      if (type instanceof com.github.javaparser.ast.body.TypeDeclaration<?> declaration) {
        for (com.github.javaparser.ast.body.FieldDeclaration field : declaration.getFields()) {
          for (VariableDeclarator variable : field.getVariables()) {
            if (variable.getNameAsString().equals(name)) {
              String declared = variable.getType().asString();
              return declared.equals("System.Logger") || dev.optkit.analyzers.facts.types.Loggers.QUALIFIED.stream().anyMatch(logging -> declared.equals(logging)
                  || LoopSites.simple(logging).equals(declared) && unit.getImports().stream().anyMatch(i -> !i.isStatic()
                      && (i.getNameAsString().equals(logging) || i.isAsterisk()
                          && logging.startsWith(i.getNameAsString() + "."))));
            }
          }
        }
      }
    }
    return false;
  }

  /** Whether a name is a parameter or local of the method (anywhere in it, lambdas' included). */
  static boolean declaredIn(CallableDeclaration<?> method, String name) {
    return method.findAll(VariableDeclarator.class).stream().anyMatch(v -> v.getNameAsString().equals(name))
        || method.findAll(com.github.javaparser.ast.body.Parameter.class).stream()
            .anyMatch(p -> p.getNameAsString().equals(name));
  }

}
