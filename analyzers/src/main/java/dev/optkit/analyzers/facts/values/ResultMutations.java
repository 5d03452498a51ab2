package dev.optkit.analyzers.facts.values;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.optkit.analyzers.facts.BodyNodes;
import dev.optkit.analyzers.facts.Change;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.ValueOrigin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.optkit.analyzers.facts.values.CallEffects.*;
import static dev.optkit.analyzers.facts.ValueOrigin.RECEIVER_PART;
import static dev.optkit.analyzers.facts.ValueOrigin.elements;
import static dev.optkit.analyzers.facts.ValueOrigin.holders;
import static dev.optkit.analyzers.facts.ValueOrigin.parts;

/**
 * Finds where a method changes what a call returned to it, or one of its parameters, and where it
 * hands them on: {@code repo.findAll().add(x)}, a local holding a call's result then sorted or
 * given a field, {@code Collections.sort(list)}, setters called or fields written on the elements
 * of a returned collection (in a for-each, a lambda, an anonymous class, a method reference) or on
 * objects reached through its accessors, results put into local containers (arrays, lists, maps,
 * copies, objects' fields, suppliers) and changed through them, and results returned to the caller.
 *
 * <p>Which values a local may hold at a use is worked out from the statements before it in the
 * same block and the blocks around it (an assignment on the straight path is the last; assignments
 * inside earlier branches add theirs; a loop adds what its body assigns), so a local given a fresh
 * object ({@code if (p == null) p = new Pet()}) is no longer the result, and one given two results
 * ({@code l = a(); if (l.isEmpty()) l = b();}) is both. Syntax only: what project helpers do with
 * what they get is followed by the planner through the call graph.
 */
public final class ResultMutations {
  /**
   * What a method body changes among the values it got, and where it hands them on.
   *
   * @param results results of calls this method changes
   * @param parameters parameters this method changes
   * @param handOffs call results and parameters passed on as arguments to other calls, which may
   *     change them, or returned ({@link MethodFact#RETURNED}): the index follows these into project methods
   */
  public record Changes(List<MethodFact.ResultMutation> results, List<MethodFact.ParameterMutation> parameters,
      List<MethodFact.HandOff> handOffs, ValueRoots roots) {
    public static final Changes NONE = new Changes(List.of(), List.of(), List.of(), ValueRoots.NONE);
  }

  /** The position that stands for the receiver of a call ({@code value.method()}) in hand-offs and changes. */
  static final int RECEIVER = MethodFact.RECEIVER;

  private ResultMutations() {}

  public static Changes of(Node body, List<String> parameters) {
    return of(body, BodyNodes.of(body), parameters);
  }

  /** @param nodes the body's nodes, when the caller has walked it already */
  public static Changes of(Node body, BodyNodes nodes, List<String> parameters) {
    return new Flow(body, nodes, parameters).changes();
  }

  /** The analysis of one method body. */
  private static final class Flow {
    private final ValueSources values;
    private final Node body;
    private final Set<String> locals;
    private final Map<NameExpr, Set<ValueOrigin>> origins;

    private final Set<MethodFact.ResultMutation> results = new LinkedHashSet<>();
    private final Set<MethodFact.ParameterMutation> changedParameters = new LinkedHashSet<>();
    private final Set<MethodFact.HandOff> handOffs = new LinkedHashSet<>();

    // every kind of node the analysis asks about, each in the order findAll would give
    private final List<VariableDeclarator> declarators;
    private final List<AssignExpr> assignments;
    private final List<UnaryExpr> steps;
    private final List<ObjectCreationExpr> creations;
    private final List<MethodCallExpr> calls;
    private final List<ReturnStmt> returns;
    private final List<MethodReferenceExpr> references;

    Flow(Node body, BodyNodes nodes, List<String> parameters) {
      this.values = new ValueSources(body, nodes, parameters);
      this.body = body;
      this.locals = values.locals;
      this.origins = values.origins;
      this.declarators = nodes.variables;
      this.assignments = nodes.assignments;
      this.steps = nodes.unaries;
      this.creations = nodes.creations;
      this.calls = nodes.calls;
      this.returns = nodes.returns;
      this.references = nodes.ownReferences;
    }

    Changes changes() {
      for (AssignExpr assign : assignments) {
        assignment(assign.getTarget(), assign.getValue());
      }
      // pet.visits++ on an element, hits++ on a field of this object: as good as an assignment
      for (UnaryExpr step : steps) {
        if (step.getOperator().name().contains("CREMENT")
            && (step.getExpression() instanceof FieldAccessExpr || step.getExpression() instanceof ArrayAccessExpr
                || step.getExpression() instanceof NameExpr name && !locals.contains(name.getNameAsString()))) {
          assignment(step.getExpression(), null);
        }
      }
      for (ObjectCreationExpr creation : creations) {
        String created = creation.getType().getNameAsString();
        if (WRITING_WRAPPERS.contains(created) && creation.getArguments().isNonEmpty()) {
          changed(values.source(creation.getArgument(0)), "new " + created); // new DataBinder(pet).bind(values)
        }
      }
      for (MethodCallExpr call : calls) {
        call(call);
      }
      // Consumer<String> out = sb::append; rows.forEach(out): the reference changes its scope wherever it runs
      for (MethodReferenceExpr reference : references) {
        String id = reference.getIdentifier();
        if ((MUTATORS.contains(id) || isSetter(id))
            && !(reference.getParentNode().orElse(null) instanceof MethodCallExpr call && call.getArguments().contains(reference))) {
          changed(values.referenceScope(reference), reference.getScope() + "::" + id);
        }
      }
      // new AccountSession(account, list): whether the object keeps them depends on its constructor (an anonymous
      // subclass's super constructor as well)
      for (ObjectCreationExpr creation : creations) {
        if (COPYING.contains(creation.getType().getNameAsString())) {
          continue;
        }
        String created = MethodFact.HandOff.constructorOf(creation.getType().getNameAsString());
        for (int position = 0; position < creation.getArguments().size(); position++) {
          for (ValueOrigin passed : values.source(creation.getArgument(position))) {
            handOffs.add(handOff(passed, created, creation.getArguments().size(), position));
          }
        }
      }
      // super(200, "ok", rows) or this(rows): the constructor called keeps what it gets as its class decides (f9)
      ConstructorDelegation.of(body).ifPresent(delegation -> {
        for (int position = 0; position < delegation.call().getArguments().size(); position++) {
          for (ValueOrigin passed : values.source(delegation.call().getArgument(position))) {
            handOffs.add(handOff(passed, MethodFact.HandOff.constructorOf(delegation.type()),
                delegation.call().getArguments().size(), position));
          }
        }
      });
      // return pets: the caller gets the very object, and what it does with it counts as well
      for (ReturnStmt returned : returns) {
        if (returned.getExpression().isPresent() && ownBody(returned)) {
          Expression value = unwrap(returned.getExpression().get());
          if (value instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isEmpty()
              && !COPYING.contains(creation.getType().getNameAsString())) {
            // return new Shell(ip, server.getAccount()): the caller gets an object holding what each argument
            // passes, and the constructor's parameter at that position says whether that is an immutable value
            for (int position = 0; position < creation.getArguments().size(); position++) {
              for (ValueOrigin passed : values.source(creation.getArgument(position))) {
                handOffs.add(handOff(passed.holder(), MethodFact.RETURNED, creation.getArguments().size(), position));
              }
            }
            continue;
          }
          for (ValueOrigin origin : values.source(returned.getExpression().get())) {
            handOffs.add(handOff(origin, MethodFact.RETURNED, 0, 0));
          }
        }
      }
      return new Changes(List.copyOf(results), List.copyOf(changedParameters), List.copyOf(handOffs),
          new ValueRoots(this::originTokens, this::callAt, locals::contains, declarators, assignments, calls));
    }

    /**
     * The origins of a value as {@link ValueRoots} tokens: {@code this} (this object or a part of it),
     * {@code p<i>} (parameter i or a part of it), {@code c<line>:<column>:<name>} (what the call there returned,
     * or a part of it), {@code ?} (a method reference's result); empty when the flow tracks none.
     */
    /** The call at a position, or null when there is none (a method reference's). */
    private MethodCallExpr callAt(int line, int column, String name) {
      if (callsByPosition == null) { // gathered once: a scan per question made long methods quadratic
        callsByPosition = new HashMap<>();
        for (MethodCallExpr call : calls) {
          // a chain's calls all begin where it does: dao.get(n).setName(x); the first of a name and place counts
          call.getBegin().ifPresent(begin -> callsByPosition.putIfAbsent(
              begin.line + ":" + begin.column + ":" + call.getNameAsString(), call));
        }
      }
      return callsByPosition.get(line + ":" + column + ":" + name);
    }

    private Map<String, MethodCallExpr> callsByPosition;

    private Set<String> originTokens(Expression expression) {
      Set<String> tokens = new java.util.TreeSet<>();
      for (ValueOrigin origin : values.source(expression)) {
        tokens.add(origin.call() == null ? (origin.parameter() == RECEIVER ? "this" : "p" + origin.parameter())
            : origin.arguments() < 0 ? "?" : "c" + origin.line() + ":" + origin.column() + ":" + origin.call());
      }
      return tokens;
    }

    /** Whether a node belongs to this method's own body, not to a lambda or class declared in it. */
    private boolean ownBody(Node node) {
      for (Node at = node.getParentNode().orElse(null); at != null && at != body; at = at.getParentNode().orElse(null)) {
        if (at instanceof LambdaExpr || at instanceof ObjectCreationExpr || at instanceof MethodDeclaration) {
          return false;
        }
      }
      return true;
    }

    private void changed(Set<ValueOrigin> changedOrigins, String written) {
      changed(changedOrigins, new Change.Written(written), false);
    }

    private void changed(Set<ValueOrigin> changedOrigins, String written, boolean itself) {
      changed(changedOrigins, new Change.Written(written), itself);
    }

    /** @param itself the change is made on the value as named, not on something read from it */
    private void changed(Set<ValueOrigin> changedOrigins, Change how, boolean itself) {
      for (ValueOrigin origin : changedOrigins) {
        if (origin.held()) {
          continue; // the container changes, not the result it holds
        }
        if (origin.call() != null) {
          results.add(new MethodFact.ResultMutation(origin.call(), origin.arguments(), how, origin.line(),
              origin.column(), null, !origin.part() && origin.depth() == 0));
        } else {
          changedParameters.add(new MethodFact.ParameterMutation(origin.parameter(), how, itself && origin.depth() == 0
              && !origin.part()));
        }
      }
    }

    /** {@code target = value} (value null for {@code ++}/{@code --}). */
    private void assignment(Expression target, Expression value) {
      String field = target instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr
          ? access.getNameAsString()
          : target instanceof NameExpr name && !locals.contains(name.getNameAsString()) ? name.getNameAsString() : null;
      if (field == null && target instanceof FieldAccessExpr access && fieldChain(access.getScope())) {
        field = access.toString().replaceFirst("^this\\.", ""); // registry.pets = loaded: another object's field
      }
      if (field != null) {
        if (!field.contains(".")) {
          changedParameters.add(new MethodFact.ParameterMutation(RECEIVER, new Change.AssignsField(field)));
        }
        if (value != null) {
          // a call's result stored as it is, or a parameter kept (setItems(items)): from a field anyone may change it;
          // a part handed out by an accessor (this.name = pet.getName()) is most often an immutable value
          boolean direct = unwrap(value) instanceof MethodCallExpr;
          for (ValueOrigin stored : values.source(value)) {
            if (!stored.part() && (stored.call() == null || direct || field.contains("."))) {
              changed(Set.of(stored.element()), new Change.StoredInField(field), false);
            }
          }
        }
        return;
      }
      if (target instanceof FieldAccessExpr access && !(access.getScope() instanceof ThisExpr)) {
        changed(elements(values.source(access.getScope())), "sets " + target);
      } else if (target instanceof ArrayAccessExpr slot) {
        changed(values.source(slot.getName()), "sets " + target);
      }
    }

    /** {@code registry} or {@code this.registry.inner}: a field of this object, not a local. */
    private boolean fieldChain(Expression scope) {
      Expression at = scope;
      while (at instanceof FieldAccessExpr access) {
        at = access.getScope();
      }
      return at instanceof ThisExpr || at instanceof NameExpr name && !locals.contains(name.getNameAsString())
          && !Character.isUpperCase(name.getNameAsString().charAt(0));
    }

    private void call(MethodCallExpr call) {
      String name = call.getNameAsString();
      Expression scope = call.getScope().orElse(null);
      Expression target = null;
      Change untypedChange = null;
      // the static helpers first: Collections.sort(list) changes list, not Collections
      String helperType = staticType(scope);
      Integer mutated = helperType != null ? STATIC_MUTATORS.get(helperType + "." + name) : null;
      for (int written : BeanCopiers.writtenArguments(call, helperType)) {
        changed(values.source(call.getArgument(written)), new Change.Call(null, helperType, name), false);
      }
      String helper = null;
      if (mutated != null && call.getArguments().size() > mutated) {
        target = call.getArgument(mutated);
        helper = helperType;
        name = helperType + "." + name;
      } else if (scope != null && (MUTATORS.contains(name) || isSetter(name)) && !stringReplace(call)
          && (values.source(scope).isEmpty() || !CallEffects.mayBeOnImmutableValue(name) || !onImmutableValue(scope))) {
        // a receiver no result or parameter flows into changes nothing this method reports, whatever its type: the
        // solver (a third of this analysis) is asked only about receivers that matter. Taken as the target, such a call
        // is no call of a method-reference local either (a BigDecimal f.add(..) was once taken for another scope's
        // BiConsumer f: LocalReferenceScopeTest)
        target = scope;
        Optional<String> untyped = values.source(scope).isEmpty() ? Optional.empty() : untypedGetter(call);
        if (untyped.isPresent()) {
          untypedChange = call.getNameAsString().equals("replace") && call.getArguments().size() == 2
              ? new Change.UntypedReplace(untyped.get()) : new Change.UntypedCall(untyped.get(), name);
          name = untypedChange.text();
        }
      }
      Integer written = scope == null || !CallEffects.writesArgumentOn(name, scope) ? null : ARGUMENT_WRITERS.get(name);
      if (written != null && call.getArguments().size() > written
          && call.getArguments().size() >= ARGUMENT_WRITER_MIN_ARGUMENTS.getOrDefault(name, 1)) {
        changed(values.source(call.getArgument(written)), scope instanceof NameExpr on ? on + "." + name : name);
      } else if (target == null && scope != null && name.equals("map") && call.getArguments().size() == 2) {
        changed(values.source(call.getArgument(1)), "map"); // mapper.map(source, destination) fills the destination
      }
      if (scope != null && MUTATORS.contains(call.getNameAsString())
          && call.getArguments().stream().anyMatch(argument -> unwrap(argument) instanceof ThisExpr)
          && !(scope instanceof NameExpr local && locals.contains(local.getNameAsString()))) {
        // REVOKED.add(this): the object is kept where its own methods, and other code, find it again, which changes
        // what it answers (valid() asks REVOKED.contains(this)): a change of the object (hostile review 106's F1)
        changedParameters.add(new MethodFact.ParameterMutation(RECEIVER,
            new Change.Written(scope + "." + call.getNameAsString() + "(this)")));
      }
      Integer supplier = SuppliedContainers.POSITIONS.get(name + "/" + call.getArguments().size());
      if (supplier != null) {
        suppliedCollection(call.getArgument(supplier));
      }
      Optional<MethodReferenceExpr> stored = scope instanceof NameExpr function ? values.localReference(function)
          : Optional.empty();
      if (target == null && stored.isPresent() && !call.getArguments().isEmpty()) {
        // BiConsumer<Pet, String> s = Pet::setName; s.accept(pet, n): the first argument is the receiver
        MethodReferenceExpr reference = stored.get();
        String id = reference.getIdentifier();
        if (reference.getScope() instanceof TypeExpr type && (isSetter(id) || MUTATORS.contains(id))) {
          changed(values.source(call.getArgument(0)), type.getType().asString() + "::" + id);
        }
      }
      if (target != null) {
        // tags.clear() changes tags itself; tags.get(0).clear() changes what tags holds, which a caller passing a
        // set that holds its result (not the result) must tell apart
        boolean itself = target instanceof NameExpr named && !values.isElementVariable(named);
        changed(values.source(target), target instanceof NameExpr element && values.isElementVariable(element)
            ? new Change.Call(element.getNameAsString(), null, name)
            : untypedChange != null ? untypedChange : new Change.Call(null, helper, call.getNameAsString()), itself);
      } else if (scope != null) {
        // account.deposit(5): whether that changes the account depends on the project method
        for (ValueOrigin receiver : values.source(scope)) {
          if (!receiver.equals(RECEIVER_PART)) { // jdbc.query(...) on a field: too common to follow, and rarely a change
            MethodFact.HandOff made = handOff(receiver, name, call.getArguments().size(), RECEIVER);
            handOffs.add(new MethodFact.HandOff(made.fromCall(), made.fromArguments(), made.fromParameter(), made.target(),
                made.toArguments(), made.position(), made.fromLine(), made.fromColumn(), made.part(), made.held(),
                ThenCalledThroughLocal.onCall(call), made.keptBy()));
          }
        }
      }
      Set<ValueOrigin> receiver = scope == null ? Set.of() : elements(values.source(scope));
      for (Expression argument : call.getArguments()) {
        boolean identity = call.getNameAsString().equals("reduce") && call.getArguments().size() > 1
            && argument == call.getArgument(0); // reduce(BigDecimal.ZERO, ...): a starting value, not a function
        if (argument instanceof MethodReferenceExpr reference) {
          methodReference(call, reference, receiver);
        } else if (!identity && !receiver.isEmpty() && ELEMENT_CONSUMERS.contains(call.getNameAsString()) && CallEffects.takesFunction(call)
            && (argument instanceof NameExpr function && !values.localLambda(function) || argument instanceof FieldAccessExpr)) {
          // pets.forEach(renamer): a function optkit cannot see runs on every element
          changed(receiver, "hands its elements to " + argument);
        }
      }
      // helper.normalise(tags): whether that changes tags depends on the helper, which the index knows
      for (int position = 0; position < call.getArguments().size(); position++) {
        for (ValueOrigin passed : values.source(call.getArgument(position))) {
          handOffs.add(handOff(passed, call.getNameAsString(), call.getArguments().size(), position));
        }
        if (call.getArgument(position) instanceof LambdaExpr lambda) {
          lambdaValues(lambda, call);
        }
      }
    }

    /**
     * {@code config.getPack().replace(".", "/")} where the solver cannot type the getter (Lombok's): the
     * getter's name, for the planner to look up the field's type in the index (a String's replace
     * changes nothing; a Map's, {@code settings.getProps().replace("mode", m)}, changes the map).
     * Only a getter read off the value itself: the planner looks the field up on the value's type, and
     * {@code config.getOwner().getPack()} reads another type's field.
     */
    private Optional<String> untypedGetter(MethodCallExpr call) {
      if (!(call.getScope().orElse(null) instanceof MethodCallExpr getter) || !getter.getArguments().isEmpty()
          || !getter.getNameAsString().matches("get[A-Z].*") || resolvedType(getter).isPresent()
          || getter.getScope().isEmpty() || values.source(getter.getScope().get()).stream().anyMatch(ValueOrigin::part)) {
        return Optional.empty();
      }
      return Optional.of(getter.getNameAsString());
    }

    /** {@code pets.forEach(Pet::clearVisits)}, {@code apply(pets, List::clear)}, {@code pets.forEach(vets::inspect)}. */
    private void methodReference(MethodCallExpr call, MethodReferenceExpr reference, Set<ValueOrigin> receiver) {
      String id = reference.getIdentifier();
      String field = NameScopes.referencedField(reference, locals::contains,
          name -> reference.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class)
              .map(type -> type.getFieldByName(name).isPresent()).orElse(false));
      String local = field == null ? NameScopes.referencedField(reference, name -> !locals.contains(name)) : null;
      com.github.javaparser.ast.expr.Expression scope = reference.getScope();
      if ((field != null || NameScopes.reachedObject(scope) || local != null && NameScopes.holdsOwnField(local, declarators, assignments, locals::contains))
          && (MUTATORS.contains(id) || isSetter(id))) {
        // rows.forEach(seen::add) changes this object's seen as seen.add(row) does, and so does log::add on a local
        // given seen (hostile review 62's hist_field_ref, hist_local_ref)
        changedParameters.add(new MethodFact.ParameterMutation(RECEIVER, (field != null ? field : local != null ? local
            : scope.toString()) + "::" + id));
      } else if (MUTATORS.contains(id) || isSetter(id)) {
        changed(values.referenceScope(reference), scope + "::" + id); // what log.add(x) would change
      }
      // JavaParser reads the scope of result::add as a type: a local's or field's name is no type
      boolean onElement = reference.getScope() instanceof TypeExpr type && !locals.contains(type.getType().asString())
          && Character.isUpperCase(simpleTypeName(type.getType().asString()).charAt(0));
      // reduce(BigDecimal.ZERO, BigDecimal::add): BigDecimal's add answers a new value and changes no element
      boolean onImmutable = reference.getScope() instanceof TypeExpr value
          && IMMUTABLE_VALUES.stream().anyMatch(t -> t.equals(value.getType().asString())
              || t.endsWith("." + value.getType().asString()));
      if (onElement && !onImmutable && (isSetter(id) || MUTATORS.contains(id))) {
        changed(receiver, "::" + id);
        // apply(pets, List::clear): a project helper applies it to the other arguments
        for (Expression other : call.getArguments()) {
          if (other != reference) {
            changed(elements(values.source(other)), "::" + id);
          }
        }
      } else if (id.equals("new") && reference.getScope() instanceof TypeExpr type) {
        // pets.stream().map(PetDto::new): whether a DTO keeps its pet depends on its constructor
        String created = MethodFact.HandOff.constructorOf(dev.optkit.analyzers.facts.types.TypeNames.raw(type.getType().asString()));
        receiver.forEach(element -> handOffs.add(handOff(element, created, 1, 0)));
      } else {
        for (ValueOrigin element : receiver) {
          if (onElement) {
            handOffs.add(handOff(element, id, -1, RECEIVER));
          }
          handOffs.add(handOff(element, id, -1, 0)); // the element is the referenced method's argument
        }
      }
    }

    /**
     * {@code collect(Collectors.toCollection(() -> seen))}: the collector fills what the supplier answers, so a
     * supplier of anything but a new container changes it (hostile reviews 64's H, 66's T).
     */
    private void suppliedCollection(Expression supplier) {
      List<Expression> given = SuppliedContainers.supplied(supplier, locals::contains, declarators, assignments);
      String unknown = "a collector fills what " + supplier + " supplies, which optkit cannot show is a new container";
      if (given == null) {
        changedParameters.add(new MethodFact.ParameterMutation(RECEIVER, unknown));
        return;
      }
      for (Expression value : given) {
        Set<ValueOrigin> origins = values.source(value);
        changed(origins, "a collector filling what " + supplier + " supplies");
        if (origins.isEmpty() && !(unwrap(value) instanceof NameExpr name && locals.contains(name.getNameAsString()))) {
          changedParameters.add(new MethodFact.ParameterMutation(RECEIVER, unknown));
        }
      }
    }

    /**
     * {@code findEntityById(() -> repository.findById(id))}: a call's result a lambda returns goes to
     * whatever the receiving call makes of the lambda's value, which the flow does not follow.
     */
    private void lambdaValues(LambdaExpr lambda, MethodCallExpr receiving) {
      for (Expression value : SuppliedContainers.returnedBy(lambda)) {
        Expression bare = value;
        while (bare instanceof EnclosedExpr enclosed) {
          bare = enclosed.getInner();
        }
        if (bare instanceof MethodCallExpr made) {
          var begin = made.getBegin();
          handOffs.add(new MethodFact.HandOff(made.getNameAsString(), made.getArguments().size(), -1,
              receiving.getNameAsString(), receiving.getArguments().size(), MethodFact.LAMBDA_VALUE,
              begin.map(p -> p.line).orElse(0), begin.map(p -> p.column).orElse(0), false, false));
        }
      }
    }

    private MethodFact.HandOff handOff(ValueOrigin from, String to, int toArguments, int position) {
      return new MethodFact.HandOff(from.call(), from.call() == null ? 0 : from.arguments(), from.parameter(), to,
          toArguments, position, from.line(), from.column(), from.part(), from.held(), null,
          from.held() ? from.keptBy() : null);
    }
  }
}
