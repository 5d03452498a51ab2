package dev.optkit.analyzers.facts.values;

import dev.optkit.analyzers.facts.Subtrees;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.YieldStmt;
import dev.optkit.analyzers.facts.BodyNodes;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.ValueOrigin;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
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
 * Which values an expression of one method body may hold, as {@link ValueOrigin}s: the results of
 * calls, the method's parameters, containers holding them, parts read from them. Which values a
 * local may hold at a use is worked out from the statements before it in the same block and the
 * blocks around it (an assignment on the straight path is the last; assignments inside earlier
 * branches add theirs; a loop adds what its body assigns), so a local given a fresh object
 * ({@code if (p == null) p = new Pet()}) is no longer the result, and one given two results
 * ({@code l = a(); if (l.isEmpty()) l = b();}) is both. {@link ResultMutations} asks it of every
 * value a body changes or hands on.
 */
final class ValueSources {
  final Node body;
  final List<String> parameters;
  final Set<String> locals = new HashSet<>();
  final Map<NameExpr, Set<ValueOrigin>> origins = new IdentityHashMap<>();
  private final Set<Node> inProgress = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  // every kind of node the analysis asks about, each in the order findAll would give
  private final List<VariableDeclarator> declarators;
  private final List<TypePatternExpr> patterns;
  private final List<AssignExpr> assignments;
  private final List<MethodCallExpr> calls;
  private final List<ReturnStmt> returns;
  private final ReachingValues reachingValues;

  ValueSources(Node body, BodyNodes nodes, List<String> parameters) {
    this.body = body;
    this.parameters = parameters;
    locals.addAll(parameters);
    nodes.variables.forEach(variable -> locals.add(variable.getNameAsString()));
    nodes.parameters.forEach(parameter -> locals.add(parameter.getNameAsString()));
    nodes.typePatterns.forEach(pattern -> locals.add(pattern.getNameAsString()));
    this.declarators = nodes.variables;
    this.patterns = nodes.typePatterns;
    this.assignments = nodes.assignments;
    this.calls = nodes.calls;
    this.returns = nodes.returns;
    this.reachingValues = new ReachingValues(this, body, parameters, locals, assignments, calls);
  }

  /** The origins an expression's value may have; empty when it is none of the results and parameters. */
  Set<ValueOrigin> source(Expression expression) {
    Expression value = unwrap(expression);
    if (value instanceof NameExpr name) {
      return originsOf(name);
    }
    if (value instanceof ConditionalExpr choice) {
      Set<ValueOrigin> either = new LinkedHashSet<>(source(choice.getThenExpr()));
      either.addAll(source(choice.getElseExpr()));
      return either;
    }
    if (value instanceof SwitchExpr choice) {
      Set<ValueOrigin> any = new LinkedHashSet<>();
      for (SwitchEntry entry : choice.getEntries()) {
        if (entry.getType() == SwitchEntry.Type.EXPRESSION && !entry.getStatements().isEmpty()
            && entry.getStatement(0) instanceof ExpressionStmt arm) {
          any.addAll(source(arm.getExpression()));
        }
        Subtrees.all(entry, YieldStmt.class).forEach(y -> any.addAll(source(y.getExpression())));
      }
      return any;
    }
    if (value instanceof ArrayAccessExpr slot) {
      return elements(source(slot.getName()));
    }
    if (value instanceof ThisExpr this_ && this_.getTypeName().isEmpty()) {
      return Set.of(ValueOrigin.ofParameter(MethodFact.RECEIVER)); // helper.register(this)
    }
    if (value instanceof FieldAccessExpr access && (access.getScope() instanceof ThisExpr
        || access.getScope() instanceof SuperExpr)) {
      return Set.of(RECEIVER_PART); // this.tags
    }
    if (value instanceof FieldAccessExpr access && access.getScope() instanceof NameExpr type
        && Character.isUpperCase(type.getNameAsString().charAt(0)) && !locals.contains(type.getNameAsString())
        && !reachingValues.ownField(type.getNameAsString()) && !type.getNameAsString().equals("System")) {
      // Registry.ALL: a class's static, shared by every call as this object's fields are; System.out is output
      return Set.of(RECEIVER_PART);
    }
    if (value instanceof FieldAccessExpr access) {
      return parts(source(access.getScope())); // pet.owner: part of the object graph the result reaches
    }
    if (value instanceof ArrayInitializerExpr || value instanceof ArrayCreationExpr) {
      Set<ValueOrigin> held = new LinkedHashSet<>();
      for (ArrayInitializerExpr values : Subtrees.all(value, ArrayInitializerExpr.class)) {
        values.getValues().forEach(v -> held.addAll(source(v)));
      }
      return holders(held);
    }
    if (value instanceof ObjectCreationExpr creation) {
      if (creation.getAnonymousClassBody().isPresent()) {
        // new Line(info, 1) { ... }: a subclass whose super constructor gets them, and keeps them as its class decides
        Set<ValueOrigin> held = new LinkedHashSet<>();
        creation.getArguments().forEach(argument -> held.addAll(holders(source(argument))));
        return held;
      }
      // new ArrayList<>(pets), new Box(pet): the new object holds them (sorting the copy is harmless, its pets
      // are the cached ones); a copy of a container already holding them holds what it holds, one level, not a
      // container of it (new ArrayList<>(rows.stream().toList()): hostile review 41's m16b)
      Set<ValueOrigin> held = new LinkedHashSet<>();
      boolean copy = COPYING.contains(creation.getType().getNameAsString());
      for (int position = 0; position < creation.getArguments().size(); position++) {
        for (ValueOrigin origin : source(creation.getArgument(position))) {
          held.add(copy ? origin.held() ? origin : origin.holder()
              : origin.heldBy(creation, position));
        }
      }
      return held;
    }
    if (value instanceof LambdaExpr lambda) {
      return holders(returnedBy(lambda)); // () -> dao.load(): a supplier holding what it returns
    }
    if (value instanceof MethodCallExpr call) {
      return callSource(call);
    }
    return Set.of();
  }

  private Set<ValueOrigin> callSource(MethodCallExpr call) {
    String name = call.getNameAsString();
    Expression scope = call.getScope().orElse(null);
    if ((scope == null || scope instanceof ThisExpr) && call.getArguments().isEmpty() && isGetter(name)) {
      return Set.of(RECEIVER_PART); // getTags().add(t): an accessor of this object hands out a part of it
    }
    if (staticType(scope) != null) {
      String qualified = staticType(scope) + "." + name;
      if (HOLDING_FACTORIES.contains(qualified)) {
        // supplyAsync(() -> dao.load()): the future holds what the supplier returns
        Set<ValueOrigin> held = new LinkedHashSet<>();
        call.getArguments().forEach(a -> held.addAll(a instanceof LambdaExpr lambda ? returnedBy(lambda) : source(a)));
        return holders(held);
      }
      if (SAME_OBJECT.contains(qualified)) {
        Set<ValueOrigin> same = new LinkedHashSet<>();
        call.getArguments().forEach(a -> same.addAll(source(a)));
        return same;
      }
    }
    Set<ValueOrigin> mapped = new LinkedHashSet<>();
    if (MAPPING.contains(name)) {
      for (Expression argument : call.getArguments()) {
        if (argument instanceof MethodReferenceExpr reference && !reference.getIdentifier().equals("new")
            && !(reference.getScope() instanceof TypeExpr type
            && Character.isUpperCase(simpleTypeName(type.getType().asString()).charAt(0))
            && !locals.contains(type.getType().asString()))) {
          mapped.add(ValueOrigin.ofReference(reference)); // ids.stream().map(dao::find): what find returns
          if (reference.getScope() instanceof TypeExpr type && locals.contains(type.getType().asString())) {
            // byId::get on a local map the rows were put in: what the local holds, anywhere in the method
            mapped.addAll(elements(heldByLocal(type.getType().asString())));
          }
        } else if (argument instanceof LambdaExpr lambda) {
          mapped.addAll(elements(returnedBy(lambda)));
        }
      }
    }
    Set<ValueOrigin> inner = scope == null ? Set.of() : source(scope);
    if (inner.equals(Set.of(RECEIVER_PART))) {
      inner = Set.of(); // repo.all() on a field: the call's result, not a part of this object
    }
    if (!inner.isEmpty()) {
      // people.findById(id).orElseThrow().setName(n) changes what findById returned; list.iterator().remove()
      // and map.entrySet().removeIf(...) change the list and the map through their views; pet.getOwner() is
      // part of the graph the result reaches
      if (VIEWS.contains(name)) {
        return inner;
      }
      if (ELEMENT_READS.contains(name)) {
        return elements(inner);
      }
      if (COLLECTING.contains(name)) {
        // collecting a stream of what a container holds gives a container of the same things, not one level more
        // (map.values().stream().collect(toList()): hostile review 41's m16c)
        Set<ValueOrigin> collected = new LinkedHashSet<>();
        inner.forEach(origin -> collected.add(origin.held() ? origin : origin.holder()));
        return collected;
      }
      if (MAPPING.contains(name)) {
        for (Expression argument : call.getArguments()) {
          // stream().map(Pet::getOwner): parts of the elements. map(mapper::toDto) on a field of this class holding a
          // bean is what the bean's method returns, added above (audit 16's S10f), which the planner follows into it;
          // any other function may hand the element back (a lower-case class's static method, byId::get on a local
          // map of the rows, Function.identity(), Pet.class::cast, mappers().get(0)::same: hostile review 41)
          // map(this::toDto): this class's own method, whose result is followed as a bean's is (a usefulness trial's
          // Page.map(this::conversionToDto) made DTOs, and the entity was said to be returned)
          boolean beanMethod = argument instanceof MethodReferenceExpr reference && (beanReference(reference)
              || reference.getScope() instanceof ThisExpr own && own.getTypeName().isEmpty());
          boolean lambda = argument instanceof LambdaExpr;
          boolean made = argument instanceof MethodReferenceExpr reference
              && (FRESH.contains(reference.getIdentifier()) || reference.getIdentifier().equals("new"));
          // map(Menu::getId): a Long read from each element, no part of it
          boolean value = argument instanceof MethodReferenceExpr reference && ValueGetters.returnsValue(reference);
          if (!beanMethod && !lambda && !made && !value) {
            mapped.addAll(parts(inner));
          }
        }
        return mapped.isEmpty() ? Set.of(ValueOrigin.ofCall(call)) : mapped;
      }
      if (call.getArguments().isEmpty() && !FRESH.contains(name) && !MUTATORS.contains(name)) {
        if (scope instanceof MethodCallExpr own && (own.getScope().isEmpty() || own.getScope().get() instanceof ThisExpr)
            && own.getArguments().isEmpty()) {
          // repo().names() on what this object's getter returns: a query of that collaborator as much as a part of it
          // (hostile review 34's s1: the repository's cached list came back through a default method)
          Set<ValueOrigin> both = new LinkedHashSet<>(parts(inner));
          both.add(ValueOrigin.ofCall(call));
          return both;
        }
        if (!(scope instanceof ThisExpr)) {
          // service.tallies() on a constructor's parameter, Objects.requireNonNull(service).tallies(),
          // provider.getObject().tallies(): a query of a collaborator as much as a part of it (hostile review 36's
          // m2p, m2q; 37's v1, v3: the cached map changed by a holder built with the service)
          Set<ValueOrigin> both = new LinkedHashSet<>(parts(inner));
          both.add(ValueOrigin.ofCall(call));
          return both;
        }
        return parts(inner); // pet.getOwner(), box.pets(): an accessor hands out a part of the object
      }
    }
    if (!mapped.isEmpty()) {
      return mapped;
    }
    return Set.of(ValueOrigin.ofCall(call));
  }

  private static final Set<String> PUTTING = Set.of("put", "putIfAbsent", "putAll", "add", "addAll", "addFirst",
      "addLast", "offer", "push", "set");

  /** The origins of every use of a local in the body: what it may hold at any point. */
  private Set<ValueOrigin> heldByLocal(String name) {
    Set<ValueOrigin> held = new LinkedHashSet<>();
    for (NameExpr use : Subtrees.all(body, NameExpr.class)) {
      if (use.getNameAsString().equals(name)) {
        held.addAll(originsOf(use));
        // byId.put(p.getId(), p), rows.add(p): what is put in it
        if (use.getParentNode().orElse(null) instanceof MethodCallExpr call && call.getScope().orElse(null) == use
            && PUTTING.contains(call.getNameAsString())) {
          call.getArguments().forEach(argument -> held.addAll(holders(source(argument))));
        }
      }
    }
    return held;
  }

  /**
   * {@code mapper::toDto} where {@code mapper} is a field the enclosing class declares (no local of the name): the
   * elements are handed to a method of the object it holds, whose result is its own. JavaParser reads a bare name
   * before {@code ::} as a type, so a name the class declares no field of may be a class (a lower-case one too).
   */
  private boolean beanReference(MethodReferenceExpr reference) {
    if (!(reference.getScope() instanceof TypeExpr type) || locals.contains(type.getType().asString())) {
      return false;
    }
    String name = type.getType().asString();
    for (Node at = reference.getParentNode().orElse(null); at != null; at = at.getParentNode().orElse(null)) {
      if (at instanceof com.github.javaparser.ast.body.TypeDeclaration<?> declaring) {
        return declaring.getFieldByName(name).isPresent();
      }
    }
    return false;
  }

  /** What a lambda returns: its expression, or the expressions of its own return statements. */
  private Set<ValueOrigin> returnedBy(LambdaExpr lambda) {
    Set<ValueOrigin> returned = new LinkedHashSet<>();
    lambda.getExpressionBody().ifPresent(e -> returned.addAll(source(e)));
    if (lambda.getBody() instanceof BlockStmt block) {
      for (ReturnStmt stmt : Subtrees.all(block, ReturnStmt.class)) {
        if (stmt.getExpression().isPresent() && enclosingLambda(stmt) == lambda) {
          returned.addAll(source(stmt.getExpression().get()));
        }
      }
    }
    return returned;
  }

  private static LambdaExpr enclosingLambda(Node node) {
    for (Node at = node.getParentNode().orElse(null); at != null; at = at.getParentNode().orElse(null)) {
      if (at instanceof LambdaExpr lambda) {
        return lambda;
      }
    }
    return null;
  }

  /** A use of a local: what its declaration binds (a lambda's or for-each's element), or what reaches it. */
  private Set<ValueOrigin> originsOf(NameExpr use) {
    Set<ValueOrigin> known = origins.get(use);
    if (known != null) {
      return known;
    }
    if (!inProgress.add(use)) {
      return Set.of(); // a value defined through itself (l = l.subList(...) in a loop): its other origins count
    }
    Set<ValueOrigin> found;
    try {
      found = namedAt(use.getNameAsString(), use);
    } finally {
      inProgress.remove(use);
    }
    origins.put(use, found);
    return found;
  }

  /** What a name may hold at a node: what its declaration binds there, or what reaches it along the statements. */
  private Set<ValueOrigin> namedAt(String name, Node use) {
    Set<ValueOrigin> found = bound(name, use);
    if (found == null) {
      found = new LinkedHashSet<>(reachingValues.reaching(name, use));
      // o instanceof Pet p: p is o
      for (TypePatternExpr pattern : patterns) {
        if (pattern.getNameAsString().equals(name) && pattern.getParentNode().orElse(null) instanceof InstanceOfExpr test) {
          found.addAll(source(test.getExpression()));
        }
      }
    }
    return found;
  }

  /**
   * What a method reference's scope holds, as the plain call's receiver would ({@code log::add} is {@code log.add(x)}):
   * JavaParser reads {@code log::add} and {@code holder.list::add} as types, so their first name is looked up at the
   * reference (a local given a field through a ternary, a switch, a for-each: hostile review 64's D) and each further
   * name is a part of it. A name that is a type holds nothing.
   */
  Set<ValueOrigin> referenceScope(MethodReferenceExpr reference) {
    if (!(reference.getScope() instanceof TypeExpr type
        && type.getType() instanceof com.github.javaparser.ast.type.ClassOrInterfaceType named)) {
      return source(reference.getScope()); // this.seen::add, seen[0]::add, seen()::add: expressions as they are
    }
    List<String> chain = new ArrayList<>();
    for (var at = named; at != null; at = at.getScope().orElse(null)) {
      chain.add(0, at.getNameAsString());
    }
    if (!Character.isLowerCase(chain.get(0).charAt(0)) || named.getTypeArguments().isPresent()) {
      return Set.of(); // Role::new, String::valueOf, List<String>::size: a type's method
    }
    Set<ValueOrigin> found = namedAt(chain.get(0), reference);
    for (int i = 1; i < chain.size(); i++) {
      found = parts(found);
    }
    return found;
  }

  /** For a lambda's, a for-each's or an anonymous class method's parameter: the elements it runs on; else null. */
  private Set<ValueOrigin> bound(String name, Node use) {
    for (Node at = use.getParentNode().orElse(null); at != null && at != body; at = at.getParentNode().orElse(null)) {
      if (at instanceof LambdaExpr lambda) {
        if (lambda.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(name))) {
          return lambdaElements(lambda);
        }
      } else if (at instanceof ForEachStmt loop && loop.getVariableDeclarator().getNameAsString().equals(name)
          && Subtrees.isAncestor(loop.getBody(), use)) {
        return elements(source(loop.getIterable()));
      } else if (at instanceof MethodDeclaration method
          && method.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(name))) {
        // pets.forEach(new Consumer<Pet>() { public void accept(Pet pet) {...} })
        if (method.getParentNode().orElse(null) instanceof ObjectCreationExpr anonymous
            && anonymous.getParentNode().orElse(null) instanceof MethodCallExpr call
            && call.getArguments().contains(anonymous) && call.getScope().isPresent()) {
          return elements(source(call.getScope().get()));
        }
        return Set.of();
      }
    }
    return null;
  }

  /** The elements a lambda runs on: given to a call on them, or held in a local given to such calls. */
  private Set<ValueOrigin> lambdaElements(LambdaExpr lambda) {
    Node parent = lambda.getParentNode().orElse(null);
    if (parent instanceof MethodCallExpr call && call.getArguments().contains(lambda)) {
      if (ROW_CALLBACK_CALLS.contains(call.getNameAsString()) && call.getScope().isPresent()) {
        // jdbc.query(sql, (rs, n) -> ...): the rows the query hands its callback, if the call is a query
        return Set.of(ValueOrigin.ofRowsOf(call));
      }
      Set<ValueOrigin> receiver = call.getScope().map(s -> elements(source(s))).orElse(Set.of());
      if (!receiver.isEmpty()) {
        return receiver;
      }
      // apply(pet, p -> p.setName(n)): a helper may run the function on its other arguments or their elements
      Set<ValueOrigin> given = new LinkedHashSet<>();
      for (Expression other : call.getArguments()) {
        if (other != lambda) {
          Set<ValueOrigin> passed = source(other);
          given.addAll(passed);
          given.addAll(elements(passed));
        }
      }
      return given;
    }
    if (parent instanceof VariableDeclarator variable) {
      // Consumer<Pet> rename = p -> p.setName(n); pets.forEach(rename)
      Set<ValueOrigin> elements = new LinkedHashSet<>();
      for (MethodCallExpr call : calls) {
        if (call.getScope().isPresent() && call.getArguments().stream().anyMatch(a -> a instanceof NameExpr n
            && n.getNameAsString().equals(variable.getNameAsString()))) {
          elements.addAll(elements(source(call.getScope().get())));
        }
      }
      return elements;
    }
    return Set.of();
  }

  /** The method reference a local function was declared with ({@code BiConsumer<Pet, String> s = Pet::setName}). */
  Optional<MethodReferenceExpr> localReference(NameExpr function) {
    if (!locals.contains(function.getNameAsString())) {
      return Optional.empty();
    }
    return declarators.stream()
        .filter(v -> v.getNameAsString().equals(function.getNameAsString()))
        .flatMap(v -> v.getInitializer().stream())
        .filter(i -> i instanceof MethodReferenceExpr).map(i -> (MethodReferenceExpr) i).findFirst();
  }

  boolean localLambda(NameExpr function) {
    return declarators.stream().anyMatch(v -> v.getNameAsString().equals(
        function.getNameAsString()) && v.getInitializer().map(i -> i instanceof LambdaExpr).orElse(false));
  }

  boolean isElementVariable(NameExpr use) {
    Set<ValueOrigin> bound = bound(use.getNameAsString(), use);
    return bound != null;
  }
}
