package dev.optkit.analyzers.facts.values;

import dev.optkit.analyzers.facts.Subtrees;

import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.optkit.analyzers.facts.Roots;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Where the object a call is made on, or passed to a call, or returned, comes from: the facts the
 * planner needs to tell state shared between requests (fields of this object and of the beans it
 * holds, statics) from objects made or loaded for the call (rows a query mapped, a DTO it built).
 *
 * <p>The answers are {@link Roots}: typed, read by the planner. While it works, the flow keeps each root as
 * the text {@link Roots#parse} reads (its memo of calls' roots is keyed by it).
 * Syntax and the body's value flow only; the planner resolves calls and parameters across methods.
 */
public final class ValueRoots {
  static final ValueRoots NONE = new ValueRoots(e -> Set.of(), (line, column, name) -> null, name -> false, List.of(),
      List.of(), List.of());
  private static final int MAX_DEPTH = 8;

  private final Function<Expression, Set<String>> originTokens;
  private final CallAt callAt;

  /** Finds a call of the body by where it begins and its name. */
  interface CallAt {
    MethodCallExpr find(int line, int column, String name);
  }
  private final Predicate<String> isLocal;
  private final List<VariableDeclarator> declarators;
  private final List<AssignExpr> assignments;
  private final List<MethodCallExpr> calls;

  ValueRoots(Function<Expression, Set<String>> originTokens,
      CallAt callAt, Predicate<String> isLocal,
      List<VariableDeclarator> declarators, List<AssignExpr> assignments, List<MethodCallExpr> calls) {
    this.originTokens = originTokens;
    this.callAt = callAt;
    this.isLocal = isLocal;
    this.declarators = declarators;
    this.assignments = assignments;
    this.calls = calls;
  }

  /** The receiver's roots: {@code this} for an unqualified call. */
  public Roots ofReceiver(Expression scope) {
    return scope == null ? Roots.THIS : of(scope);
  }

  /**
   * The object a method reference's method runs on: its scope's ({@code registry::find}), or, for a
   * reference on a type ({@code Role::getName}), the elements of what the traversal it is handed to
   * runs over: {@code roles.stream().map(Role::getName)}, also through a comparator or collector made
   * for it ({@code sorted(Comparator.comparing(Role::getLevel))}, {@code collect(groupingBy(Menu::getPid))}).
   */
  public Roots ofReferenceReceiver(com.github.javaparser.ast.expr.MethodReferenceExpr reference) {
    return Roots.parse(referenceReceiver(reference));
  }

  private String referenceReceiver(com.github.javaparser.ast.expr.MethodReferenceExpr reference) {
    if (NameScopes.constantScope(reference.getScope())) {
      return "?"; // Labelers.MAIN::label: a static field's object
    }
    String root = NameScopes.qualifiedRoot(reference.getScope(), name -> true);
    if (root != null) {
      // holder.labeler::label: what holder is, this object's field or a local's value (hostile review 64's A)
      return isLocal.test(root) ? ofLocal(root, reference) : "this";
    }
    if (!(reference.getScope() instanceof com.github.javaparser.ast.expr.TypeExpr type)) {
      return text(reference.getScope());
    }
    String written = type.getType().asString();
    if (!isLocal.test(written) && NameScopes.ownFieldAround(written, reference)) {
      return "?"; // LABELER::label on a static field: its object, as for LABELER.label(r) (hostile review 62's static_const)
    }
    String variable = variableScope(reference);
    if (variable != null) {
      // bookMapper::toDto on a field: this object; dto::addRole on a local: what the local is given, as for
      // dto.addRole(role), so a DTO the read made is no state shared between calls (trial 59's dscatalog)
      return isLocal.test(variable) ? ofLocal(variable, reference) : "this";
    }
    com.github.javaparser.ast.Node at = reference;
    for (int level = 0; level < MAX_DEPTH && at.getParentNode().orElse(null) instanceof MethodCallExpr call; level++) {
      com.github.javaparser.ast.Node from = at;
      boolean argument = call.getArguments().stream().anyMatch(a -> a == from);
      Expression scope = call.getScope().orElse(null);
      if (argument && scope != null && !typeName(scope) && TRAVERSALS.contains(call.getNameAsString())) {
        return text(scope);
      }
      // Comparator.comparing(A::b), Collectors.groupingBy(A::b), comparing(A::b).thenComparing(A::c): made for
      // the traversal they are handed to
      boolean madeForElements = argument && (scope == null || typeName(scope) || scope instanceof MethodCallExpr)
          || !argument && scope == from;
      if (!madeForElements) {
        break;
      }
      at = call;
    }
    return text(reference.getScope());
  }

  /**
   * What a bound method reference's method gets as its argument: the elements of the traversal it is
   * handed to ({@code images.stream().map(this::toSnapshot)}: the images), or null when it is handed
   * to no traversal (an argument optkit cannot tell, counted as shared).
   */
  public java.util.Optional<Roots> ofReferenceArgument(com.github.javaparser.ast.expr.MethodReferenceExpr reference) {
    return java.util.Optional.ofNullable(referenceArgument(reference)).map(Roots::parse);
  }

  private String referenceArgument(com.github.javaparser.ast.expr.MethodReferenceExpr reference) {
    if (reference.getScope() instanceof com.github.javaparser.ast.expr.TypeExpr && variableScope(reference) == null) {
      return null; // Owner::getName: the element is its receiver, not an argument
    }
    if (reference.getParentNode().orElse(null) instanceof MethodCallExpr call
        && call.getArguments().stream().anyMatch(a -> a == reference) && call.getArguments().size() == 1
        && TRAVERSALS.contains(call.getNameAsString()) && call.getScope().isPresent() && !typeName(call.getScope().get())) {
      return text(call.getScope().get());
    }
    return null;
  }

  private static final Set<String> TRAVERSALS = new java.util.HashSet<>(CallEffects.ELEMENT_CONSUMERS);

  static {
    TRAVERSALS.add("sort");
  }

  /**
   * A local's roots from what it is given anywhere in the method: every value assigned to it (an
   * unqualified call's as {@link #collect} reads it) and what calls on it hand it; "?" when any of
   * them is not an object made here (a field's object, another object's call's result), or when the
   * name is bound without a value the body shows (a parameter, a lambda's, a for-each's, a catch's, a
   * pattern's variable), whatever it is assigned later.
   */
  private String ofLocal(String name, com.github.javaparser.ast.Node at) {
    steps = 0;
    Set<String> tokens = new TreeSet<>();
    if (NameScopes.boundWithoutValue(name, at) || NameScopes.fieldNamed(name, at) || fieldAssignedOf(name)) {
      tokens.add("?");
    }
    local(name, true, tokens, 0);
    for (Expression value : assignedTo(name)) {
      if (ownCall(unwrap(value))) {
        collect(value, tokens, 1); // UserDto dto = last(): what that method hands back
      }
    }
    return tokens.isEmpty() ? "?" : String.join("|", tokens);
  }

  /**
   * Whether the body stores into a field of an object other than this one ({@code dto.roles = seen}, through a cast,
   * an alias or a chain as well: hostile review 62's fa_* cases): a local may then hold what was stored.
   */
  private boolean fieldAssignedOf(String name) {
    return assignments.stream().anyMatch(assignment -> assignment.getTarget() instanceof com.github.javaparser.ast.expr.FieldAccessExpr field
        && !(field.getScope() instanceof ThisExpr));
  }

  /** The roots of what the call at a position returned ({@code c12:5@this}), or "?" when no call is there. */
  public Roots ofCallAt(int line, int column, String name) {
    return Roots.parse(callAtText(line, column, name));
  }

  private String callAtText(int line, int column, String name) {
    steps = 0;
    Set<String> tokens = new TreeSet<>();
    tokens.add(line == 0 ? "?" : withReceiver("c" + line + ":" + column + ":" + name, 0));
    return String.join("|", tokens);
  }

  public Roots of(Expression expression) {
    return Roots.parse(text(expression));
  }

  private String text(Expression expression) {
    steps = 0;
    Set<String> tokens = new TreeSet<>();
    collect(expression, tokens, 0);
    return String.join("|", tokens);
  }

  /**
   * The work one question may take: a local appended to many times ({@code sb.append(...)} in a
   * 276-line matcher) made the roots branch at every call on it, and docker-java's GoLangFileMatch
   * filled a 1.2 GB heap. Past it the roots are unknown, which the planner reads as shared.
   */
  private static final int MAX_STEPS = 2_000;

  private int steps;

  private void collect(Expression expression, Set<String> tokens, int depth) {
    Expression value = unwrap(expression);
    deepest = Math.max(deepest, depth);
    if (depth > MAX_DEPTH || ++steps > MAX_STEPS) {
      cutoffs++;
      tokens.add("?");
    } else if (value instanceof LiteralExpr || value instanceof BinaryExpr || value instanceof ClassExpr
        || value instanceof UnaryExpr) {
      tokens.add("new"); // a literal or a value computed here: no project object's fields
    } else if (value instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isEmpty()) {
      created(creation, tokens, depth);
    } else if (value instanceof ThisExpr || value instanceof SuperExpr) {
      tokens.add("this");
    } else if (value instanceof LambdaExpr lambda) {
      // id -> new ArrayList<>(): a function made here; what a call hands back from it is what it returns
      tokens.add("new");
      for (Expression returned : returnedBy(lambda)) {
        collect(returned, tokens, depth + 1);
      }
    } else if (namedConstant(value)) {
      // Operand.EQ: an enum's constant (the planner tells, by the index) or another class's static
      tokens.add("const:" + value);
    } else if (typeName(value)) {
      tokens.add("static");
    } else if (ownCall(value)) {
      // getPetTypes(): the flow reads an unqualified getter as a part of this object; the planner can tell
      // from the method called whether it hands out its own state or, say, rows it queried
      MethodCallExpr call = (MethodCallExpr) value;
      tokens.add(call.getBegin().map(p -> "c" + p.line + ":" + p.column + ":" + call.getNameAsString() + "@this")
          .orElse("this"));
    } else {
      Set<String> origins = originTokens.apply(value);
      if (value instanceof NameExpr name && origins.equals(Set.of("this")) && isLocal.test(name.getNameAsString())
          && !assignedTo(name.getNameAsString()).isEmpty()
          && assignedTo(name.getNameAsString()).stream().allMatch(ValueRoots::ownCall)) {
        origins = Set.of(); // Collection<PetType> types = getPetTypes(): its roots are the calls'
        assignedTo(name.getNameAsString()).forEach(call -> collect(call, tokens, depth + 1));
      }
      for (String origin : origins) {
        tokens.add(origin.startsWith("c") ? withReceiver(origin, depth) : origin);
      }
      if (value instanceof NameExpr name && isLocal.test(name.getNameAsString())
          && !NameScopes.declaredInScope(name.getNameAsString(), name)
          && NameScopes.fieldNamed(name.getNameAsString(), name)) {
        // labeler.label(r) naming the field, while a local of that name stands in another scope (a lambda's body):
        // this object's, whatever the local is given (hostile review 61's lambda_local_plain)
        tokens.add("this");
      } else if (value instanceof NameExpr name && isLocal.test(name.getNameAsString())) {
        local(name.getNameAsString(), origins.isEmpty(), tokens, depth);
      } else if (origins.isEmpty() && value instanceof NameExpr name && NameScopes.literalConstant(name)) {
        tokens.add("new"); // rs.getInt(GAME_ID): a constant of the class, a literal's value (audit 14's s17b)
      } else if (origins.isEmpty()) {
        tokens.add("?");
      }
    }
  }

  static boolean literalValue(Expression value) {
    Expression bare = value instanceof com.github.javaparser.ast.expr.EnclosedExpr enclosed ? enclosed.getInner() : value;
    return bare instanceof LiteralExpr || bare instanceof BinaryExpr binary && literalValue(binary.getLeft())
        && literalValue(binary.getRight());
  }

  /**
   * A local's roots beyond what the value flow tracks: objects made for it ({@code Vet vet = new
   * Vet()}), and what calls on it hand it later ({@code w.setCursor(this.cursor)}: it holds that too).
   */
  private void local(String name, boolean untracked, Set<String> tokens, int depth) {
    recordingLocals.forEach(asked -> asked.add(name));
    if (!expanding.add(name)) {
      return; // pet.setType(byId(types, pet.getTypeId())): its own roots are being collected already
    }
    try {
      localRoots(name, untracked, tokens, depth);
    } finally {
      expanding.remove(name);
    }
  }

  private final Set<String> expanding = new java.util.HashSet<>();

  private void localRoots(String name, boolean untracked, Set<String> tokens, int depth) {
    List<Expression> assigned = assignedTo(name);
    if (untracked && assigned.isEmpty()) {
      tokens.add("?");
    }
    for (Expression each : assigned) {
      Expression bare = unwrap(each);
      if (bare instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isEmpty()) {
        created(creation, tokens, depth + 1);
      } else if (bare instanceof LiteralExpr || bare instanceof BinaryExpr) {
        tokens.add("new");
      } else if (untracked && !ownCall(bare)) {
        tokens.add("?");
      }
    }
    for (AssignExpr store : assignments) {
      // dto.roles = seen, also through ((UserDto) dto), (dto) or an alias (UserDto alias = dto): the object holds it
      if (store.getTarget() instanceof com.github.javaparser.ast.expr.FieldAccessExpr field
          && unwrap(field.getScope()) instanceof NameExpr holder && (holder.getNameAsString().equals(name)
              || assignedTo(holder.getNameAsString()).stream().anyMatch(v -> unwrap(v) instanceof NameExpr alias
                  && alias.getNameAsString().equals(name)))) {
        collect(store.getValue(), tokens, depth + 1);
      }
    }
    for (MethodCallExpr call : callsOn(name)) {
      if (READ_ONLY_TRAVERSALS.contains(call.getNameAsString())) {
        continue; // products.map(Product::getStockStatus): a traversal hands back a new value, the local keeps none
      }
      call.getArguments().forEach(argument -> collect(argument, tokens, depth + 1));
    }
  }

  /** Calls given a function for each element that put nothing into their receiver (not replaceAll, compute, merge). */
  private static final Set<String> READ_ONLY_TRAVERSALS = new java.util.HashSet<>(CallEffects.ELEMENT_CONSUMERS);

  static {
    READ_ONLY_TRAVERSALS.removeAll(Set.of("replaceAll", "computeIfPresent", "compute", "merge"));
  }

  /**
   * The body's locals' values and the calls on them, by name, gathered once: looked up by scanning the
   * body at each step, a 1,000-line method of chained locals took 98 s (each of its questions may take
   * {@link #MAX_STEPS} steps).
   */
  private java.util.Map<String, List<Expression>> valuesByLocal;
  private java.util.Map<String, List<MethodCallExpr>> callsByLocal;

  private List<MethodCallExpr> callsOn(String local) {
    if (callsByLocal == null) {
      callsByLocal = new java.util.HashMap<>();
      for (MethodCallExpr call : calls) {
        if (call.getScope().orElse(null) instanceof NameExpr on) {
          callsByLocal.computeIfAbsent(on.getNameAsString(), k -> new ArrayList<>()).add(call);
        }
      }
    }
    return callsByLocal.getOrDefault(local, List.of());
  }

  /**
   * {@code c12:5:get@this}: a call's token with the roots of what its result may be part of: a
   * library call's result may be a part of its receiver ({@code map.get(k)} on a field) or one of its
   * arguments; a factory's, or a static method's, is made from its arguments ({@code List.of(x)}).
   */
  private String withReceiver(String call, int depth) {
    Remembered known = remembered.get(call);
    if (known != null && steps + known.steps() <= MAX_STEPS && depth + known.reach() <= MAX_DEPTH
        && known.localsExpanding().entrySet().stream().allMatch(e -> expanding.contains(e.getKey()) == e.getValue())) {
      steps += known.steps();
      deepest = Math.max(deepest, depth + known.reach());
      recordingLocals.forEach(asked -> asked.addAll(known.localsExpanding().keySet()));
      return known.roots();
    }
    int stepsBefore = steps;
    int cutoffsBefore = cutoffs;
    int deepestBefore = deepest;
    deepest = depth;
    Set<String> expandingBefore = Set.copyOf(expanding);
    Set<String> asked = new java.util.HashSet<>();
    recordingLocals.add(asked);
    String roots;
    try {
      roots = receiverRoots(call, depth);
    } finally {
      recordingLocals.remove(recordingLocals.size() - 1);
    }
    if (cutoffs == cutoffsBefore) {
      java.util.Map<String, Boolean> localsExpanding = new java.util.HashMap<>();
      asked.forEach(name -> localsExpanding.put(name, expandingBefore.contains(name)));
      remembered.put(call, new Remembered(roots, steps - stepsBefore, deepest - depth, localsExpanding));
    }
    deepest = Math.max(deepest, deepestBefore);
    recordingLocals.forEach(outer -> outer.addAll(asked));
    return roots;
  }

  /**
   * A call token's roots as {@link #withReceiver} last computed them, kept for the method's other questions: each
   * call's receiver and arguments are asked about, and each asks again about the calls its values came from (a chain
   * of n calls on one local asked n times over; a fifth of the extraction on spring-framework). Reused only where
   * computing it again would give the same: no cut-off met in it, its steps and depth still within the limits, and
   * each local it asked to expand being expanded (or not) as it was then.
   */
  private record Remembered(String roots, int steps, int reach, java.util.Map<String, Boolean> localsExpanding) {}

  private final java.util.Map<String, Remembered> remembered = new java.util.HashMap<>();
  /** For each withReceiver computation under way, the locals it asked to expand. */
  private final List<Set<String>> recordingLocals = new ArrayList<>();
  private int cutoffs;
  private int deepest;

  private String receiverRoots(String call, int depth) {
    String[] position = call.substring(1).split(":");
    MethodCallExpr found = callAt.find(Integer.parseInt(position[0]), Integer.parseInt(position[1]), position[2]);
    if (found == null) {
      return call + "@?";
    }
    if (LOOKUPS.contains(found.getNameAsString())) {
      return call + "@?"; // context.getBean(Settings.class): a shared bean
    }
    // line.append(name).append(','): a chain's calls of one name begin at one place and share one token, which
    // stands for any of them: its receiver is the chain's first scope, its arguments all of theirs (taken as
    // the outer call's own receiver, the token's roots held the token itself, round to the depth limit)
    List<Expression> arguments = new ArrayList<>(found.getArguments());
    while (found.getScope().map(ValueRoots::unwrap).orElse(null) instanceof MethodCallExpr inner
        && inner.getNameAsString().equals(found.getNameAsString()) && inner.getBegin().equals(found.getBegin())) {
      found = inner;
      arguments.addAll(inner.getArguments());
    }
    Expression scope = found.getScope().orElseGet(ThisExpr::new);
    Set<String> receiver = new TreeSet<>();
    if (factory(found.getNameAsString())) {
      receiver.add("new"); // connection.prepareStatement(FIND_BY_ID), client.newCall(request): made by the call
    } else if (typeName(scope)) {
      // List.of(x), URI.create(text): made from the arguments (Objects.requireNonNull(cursor) returns its argument)
      receiver.add("new");
      arguments.forEach(argument -> collect(argument, receiver, depth + 1));
    } else {
      collect(scope, receiver, depth + 1);
      // opt.orElse(this.fallback), map.getOrDefault(k, shared): an argument may be what comes back
      arguments.forEach(argument -> collect(argument, receiver, depth + 1));
    }
    return call + "@(" + String.join(",", receiver) + ")";
  }

  /** What a lambda returns: its expression, or the expressions of its own return statements. */
  private static List<Expression> returnedBy(LambdaExpr lambda) {
    if (lambda.getExpressionBody().isPresent()) {
      return List.of(lambda.getExpressionBody().get());
    }
    List<Expression> returned = new ArrayList<>();
    for (ReturnStmt statement : Subtrees.all(lambda.getBody(), ReturnStmt.class)) {
      if (statement.getExpression().isPresent() && statement.findAncestor(LambdaExpr.class).orElse(null) == lambda
          && statement.findAncestor(ObjectCreationExpr.class).map(c -> Subtrees.isAncestor(c, lambda)).orElse(true)) {
        returned.add(statement.getExpression().get());
      }
    }
    return returned;
  }

  /** Library calls that hand out shared objects whatever their arguments. */
  private static final Set<String> LOOKUPS = Set.of("getBean", "getBeansOfType", "getObject", "getIfAvailable",
      "getIfUnique", "lookup", "getService", "getInstance", "current", "getAttribute", "getContext");

  /**
   * Library calls that make a new object from their arguments; any other library call on an object
   * may hand out a part of it ({@code map.get(k)}, {@code floorEntry(k).getValue()}).
   */
  private static final Set<String> FACTORIES = Set.of("prepareStatement", "prepareCall", "createStatement",
      "createQuery", "createNativeQuery", "createNamedQuery", "createCriteria", "newCall", "newBuilder", "builder",
      "readValue", "readTree", "treeToValue", "convertValue", "writeValueAsString", "writeValueAsBytes", "toString",
      "format", "formatted", "split", "substring", "trim", "strip", "toLowerCase", "toUpperCase", "concat",
      "getBytes", "toCharArray", "executeQuery", "query", "queryForObject", "queryForList", "queryForMap", "copy");

  /**
   * {@code new Box(registry)}: made here, holding what its constructor got, and whatever its class's
   * field initializers and constructors take from elsewhere ({@code init:Box}, resolved by the planner).
   */
  private void created(ObjectCreationExpr creation, Set<String> tokens, int depth) {
    tokens.add("new");
    String type = creation.getType().getNameAsString();
    tokens.add("init:" + type);
    if (creation.getScope().isPresent()) {
      collect(creation.getScope().get(), tokens, depth + 1); // outer.new Inner(): it holds outer
    } else if (NameScopes.innerClass(creation, type)) {
      tokens.add("this"); // new Acc() of an inner class: its methods reach this object's fields (review 61's inner_ref)
    }
    creation.getArguments().forEach(argument -> collect(argument, tokens, depth + 1));
  }

  /** {@code getPetTypes()}, {@code this.load()}: a call of this object's own method, without arguments. */
  private static boolean ownCall(Expression expression) {
    Expression value = unwrap(expression);
    return value instanceof MethodCallExpr call && call.getArguments().isEmpty()
        && call.getScope().map(scope -> scope instanceof ThisExpr).orElse(true);
  }

  private static boolean factory(String name) {
    return FACTORIES.contains(name) || FACTORY_NAME.matcher(name).matches();
  }

  /** Compiled once: asked for every call a value comes from, a pattern compiled per question was 6% of the extraction. */
  private static final java.util.regex.Pattern FACTORY_NAME =
      java.util.regex.Pattern.compile("(new|create|build|prepare|open|copy|clone)([A-Z].*)?");

  /** Every value the body gives a local: its initializers and plain assignments. */
  private List<Expression> assignedTo(String local) {
    if (valuesByLocal == null) {
      valuesByLocal = new java.util.HashMap<>();
      for (VariableDeclarator declarator : declarators) {
        declarator.getInitializer().ifPresent(value ->
            valuesByLocal.computeIfAbsent(declarator.getNameAsString(), k -> new ArrayList<>()).add(value));
      }
      for (AssignExpr assignment : assignments) {
        if (assignment.getTarget() instanceof NameExpr target) {
          valuesByLocal.computeIfAbsent(target.getNameAsString(), k -> new ArrayList<>())
              .add(assignment.getOperator() == AssignExpr.Operator.ASSIGN ? assignment.getValue() : assignment);
        }
      }
    }
    return valuesByLocal.getOrDefault(local, List.of());
  }

  /** {@code Collections} in {@code Collections.sort(l)}, or {@code java.util.Collections}: no object at all. */
  /**
   * JavaParser reads the scope of {@code bookMapper::toDto} as a type, as it does {@code Role::getName}'s: a
   * simple name starting in lower case is a field's or a local's, whose method gets each element as its
   * argument. The name, or null for a type.
   */
  private static String variableScope(com.github.javaparser.ast.expr.MethodReferenceExpr reference) {
    if (!(reference.getScope() instanceof com.github.javaparser.ast.expr.TypeExpr type)) {
      return null;
    }
    String written = type.getType().asString();
    return !written.isEmpty() && !written.contains(".") && !written.contains("<")
        && Character.isLowerCase(written.charAt(0)) ? written : null;
  }

  /** {@code Type.CONSTANT}: an upper-case name on a capitalised simple name that is no local (trial 77's Operand.EQ). */
  private boolean namedConstant(Expression value) {
    return value instanceof FieldAccessExpr access && access.getScope() instanceof NameExpr scope
        && Character.isUpperCase(scope.getNameAsString().charAt(0)) && !isLocal.test(scope.getNameAsString())
        && !NameScopes.ownFieldAround(scope.getNameAsString(), access)
        && access.getNameAsString().chars().allMatch(c -> Character.isUpperCase(c) || Character.isDigit(c) || c == '_');
  }

  private boolean typeName(Expression value) {
    if (value instanceof NameExpr name) {
      String text = name.getNameAsString();
      // CURSORS and MAX_SIZE name constants, Cursors and URI types
      boolean constant = text.equals(text.toUpperCase(java.util.Locale.ROOT)) && (text.contains("_") || text.length() > 4);
      return Character.isUpperCase(text.charAt(0)) && !isLocal.test(text) && !constant;
    }
    return value instanceof FieldAccessExpr access && Character.isUpperCase(access.getNameAsString().charAt(0))
        && access.getScope().toString().chars().allMatch(c -> Character.isLowerCase(c) || Character.isDigit(c)
            || c == '.' || c == '_');
  }

  private static Expression unwrap(Expression expression) {
    Expression current = expression;
    while (current instanceof EnclosedExpr || current instanceof CastExpr) {
      current = current instanceof EnclosedExpr enclosed ? enclosed.getInner() : ((CastExpr) current).getExpression();
    }
    return current;
  }
}
