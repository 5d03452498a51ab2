package dev.optkit.rewriters.caching.keys;

import dev.optkit.analyzers.facts.types.TypeNames;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.ParamFact;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.rules.CollectionKeys;
import dev.optkit.rewriters.caching.CacheForm;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Keys holding a copy of a collection argument ({@link CollectionKeys}): Spring's key is made before the method runs,
 * so {@code key = "new java.util.ArrayList(#p0)"} holds the values the call was given whatever its caller does with the
 * set later, and a null collection skips the cache (the copy would throw). A plain cache's key is the argument itself,
 * and the Redis backend writes keys as text ({@code RedisRoundTrip}): those refuse.
 */
public final class CopiedKeys {
  private CopiedKeys() {}

  private static final Map<String, String> COPIES = Map.of("List", "java.util.ArrayList");

  /**
   * Why a cache of this form cannot key the method's collection parameter, or empty: a plain cache's key is the
   * argument itself, and a method that changes the collection it is given, itself or through what it hands it to,
   * would skip that change on a hit.
   */
  public static Optional<String> whyNot(CacheForm form, IndexedMethod method, ProjectIndex index,
      Function<IndexedMethod, Optional<CallableDeclaration<?>>> declarations) {
    MethodFact fact = method.fact();
    for (int position = 0; position < fact.params().size(); position++) {
      ParamFact param = fact.params().get(position);
      if (CollectionKeys.copiedAs(param, index).isEmpty()) {
        continue;
      }
      if (form != CacheForm.SPRING) {
        return Optional.of("parameter '" + param.name() + "' is a " + param.type() + ", which its caller may change "
            + "after the call: optkit keys a Spring cache by a copy made before the call, and a plain Java cache's key "
            + "would hold the caller's own collection");
      }
      Optional<String> changed = new Uses(index, declarations).changes(method, position, 0);
      if (changed.isPresent()) {
        return Optional.of("it " + changed.get().replace("%s", "its argument '" + param.name() + "'")
            + (changed.get().startsWith("compares") ? ": a cached answer would be shared by every equal list"
                : ", a change a cache hit would skip"));
      }
      Optional<String> caller = ownListPassed(method, position, index, declarations);
      if (caller.isPresent()) {
        return Optional.of("parameter '" + param.name() + "' is a " + param.type() + ", and " + caller.get()
            + ": a list of a class of its own may answer contains or equals its own way, which a key of its values "
            + "does not keep");
      }
    }
    return Optional.empty();
  }

  /**
   * A caller that may pass a list of any class (hostile review 96's k02, k03: an anonymous ArrayList or a Vector of
   * the project whose contains ignores case), or empty when every caller's argument is a list the JDK makes: {@code
   * List.of}, {@code Arrays.asList}, {@code new ArrayList<>(..)}, a stream's {@code toList()} or {@code
   * Collectors.toList()}, or a local holding one, assigned once.
   */
  private static Optional<String> ownListPassed(IndexedMethod method, int position, ProjectIndex index,
      Function<IndexedMethod, Optional<CallableDeclaration<?>>> declarations) {
    List<IndexedMethod> callers = index.callersOf(method);
    if (callers.isEmpty()) {
      return Optional.of("nothing in the project calls it, to show what list it is given");
    }
    for (IndexedMethod caller : callers) {
      CallableDeclaration<?> declared = declarations.apply(caller).orElse(null);
      List<MethodCallExpr> calls = declared == null ? List.of() : declared.findAll(MethodCallExpr.class, call ->
          call.getNameAsString().equals(method.fact().name()) && call.getArguments().size() == method.fact().params().size());
      if (calls.isEmpty()) {
        return Optional.of(caller.fact().displayName() + "() calls it where optkit does not see the list it passes");
      }
      for (MethodCallExpr call : calls) {
        if (!jdkList(call.getArgument(position), declared, index, 0)) {
          return Optional.of(caller.fact().displayName() + "() passes " + call.getArgument(position)
              + ", which optkit cannot show is a list the JDK makes");
        }
      }
    }
    return Optional.empty();
  }

  private static final Set<String> JDK_LIST_CLASSES = Set.of("ArrayList", "LinkedList", "java.util.ArrayList",
      "java.util.LinkedList");

  private static boolean jdkList(Expression argument, CallableDeclaration<?> declared, ProjectIndex index, int depth) {
    Expression value = unwrapped(argument);
    if (value instanceof ObjectCreationExpr made) {
      return made.getAnonymousClassBody().isEmpty() && JDK_LIST_CLASSES.contains(TypeNames.raw(made.getType().asString()));
    }
    if (value instanceof MethodCallExpr call) {
      String scope = call.getScope().map(Expression::toString).orElse("");
      String name = call.getNameAsString();
      boolean projectMethod = !index.methodsNamed(name).isEmpty();
      return (scope.equals("List") || scope.equals("java.util.List")) && (name.equals("of") || name.equals("copyOf"))
          || (scope.equals("Arrays") || scope.equals("java.util.Arrays")) && name.equals("asList")
          || (scope.equals("Collections") || scope.equals("java.util.Collections"))
              && (name.equals("emptyList") || name.equals("singletonList"))
          || name.equals("toList") && call.getArguments().isEmpty() && !projectMethod
          || name.equals("collect") && call.getArguments().size() == 1
              && Set.of("Collectors.toList()", "Collectors.toUnmodifiableList()", "java.util.stream.Collectors.toList()")
                  .contains(call.getArgument(0).toString());
    }
    if (value instanceof NameExpr local && depth < 2) {
      List<VariableDeclarator> locals = declared.findAll(VariableDeclarator.class, v -> v.getNameAsString().equals(
          local.getNameAsString()));
      boolean assigned = declared.findAll(com.github.javaparser.ast.expr.AssignExpr.class).stream()
          .anyMatch(assign -> assign.getTarget() instanceof NameExpr target
              && target.getNameAsString().equals(local.getNameAsString()));
      return locals.size() == 1 && !assigned && locals.get(0).getInitializer().isPresent()
          && jdkList(locals.get(0).getInitializer().get(), declared, index, depth + 1);
    }
    return false;
  }

  private static Expression unwrapped(Expression expression) {
    Expression value = expression;
    while (value instanceof EnclosedExpr enclosed) {
      value = enclosed.getInner();
    }
    return value;
  }

  /** Library calls that read a collection handed to them and keep nothing of it. */
  private static final Set<String> READERS = Set.of("contains", "containsAll", "equals", "join", "copyOf", "addAll",
      "setParameter", "setParameterList", "valueOf", "format", "trace", "debug", "info", "warn", "error", "println",
      "print", "isEmpty", "requireNonNull", "hash");
  /** A JDK collection's own reads: they change nothing (its changes are mutations of the facts). */
  private static final Set<String> READS = Set.of("size", "isEmpty", "contains", "containsAll", "get", "indexOf",
      "lastIndexOf", "stream", "parallelStream", "forEach", "toArray", "equals", "hashCode", "toString", "getFirst",
      "getLast", "first", "last");
  /** JDK collections a constructor copies the argument into. */
  private static final Set<String> COPYING = Set.of("ArrayList", "HashSet", "LinkedHashSet", "TreeSet", "LinkedList",
      "ArrayDeque");

  /** Where a method's parameter goes, read from its source: each use is a read, or how it may be changed. */
  private static final class Uses {
    private final ProjectIndex index;
    private final Function<IndexedMethod, Optional<CallableDeclaration<?>>> declarations;

    Uses(ProjectIndex index, Function<IndexedMethod, Optional<CallableDeclaration<?>>> declarations) {
      this.index = index;
      this.declarations = declarations;
    }

    /** How the method changes its parameter at this position, or may ("%s" for the parameter); else empty. */
    Optional<String> changes(IndexedMethod method, int position, int depth) {
      MethodFact fact = method.fact();
      for (MethodFact.ParameterMutation change : fact.parameterMutations()) {
        if (change.parameter() == position) {
          return Optional.of("changes %s (" + change.how() + ")");
        }
      }
      CallableDeclaration<?> declared = declarations.apply(method).orElse(null);
      if (declared == null || position >= declared.getParameters().size()) {
        return Optional.of("hands %s to " + fact.displayName() + "(), whose source optkit cannot read, and which may "
            + "change it");
      }
      String name = declared.getParameter(position).getNameAsString();
      boolean shadowed = declared.findAll(Parameter.class).stream().filter(p -> p.getNameAsString().equals(name)).count() > 1
          || declared.findAll(VariableDeclarator.class).stream().anyMatch(v -> v.getNameAsString().equals(name));
      if (shadowed) {
        return Optional.of("names another variable as %s, which optkit does not tell apart");
      }
      for (NameExpr use : declared.findAll(NameExpr.class, n -> n.getNameAsString().equals(name))) {
        Optional<String> why = use(use, depth);
        if (why.isPresent()) {
          return why;
        }
      }
      return Optional.empty();
    }

    private Optional<String> use(NameExpr use, int depth) {
      Node parent = use.getParentNode().orElse(null);
      while (parent instanceof EnclosedExpr) {
        parent = parent.getParentNode().orElse(null);
      }
      if (parent instanceof MethodCallExpr call && call.getScope().filter(scope -> unwrap(scope) == use).isPresent()) {
        return READS.contains(call.getNameAsString()) ? Optional.empty()
            : Optional.of("calls " + call.getNameAsString() + "() on %s, which optkit does not know for a read");
      }
      if (parent instanceof BinaryExpr binary && (binary.getOperator() == BinaryExpr.Operator.EQUALS
          || binary.getOperator() == BinaryExpr.Operator.NOT_EQUALS)
          && !(binary.getLeft() instanceof com.github.javaparser.ast.expr.NullLiteralExpr
              || binary.getRight() instanceof com.github.javaparser.ast.expr.NullLiteralExpr)) {
        // names == ANY: a sentinel list the copy is not (hostile review 96's k01)
        return Optional.of("compares %s by identity (" + binary + "), which a copy of it does not keep");
      }
      if (parent instanceof ForEachStmt loop && unwrap(loop.getIterable()) == use
          || parent instanceof BinaryExpr || parent instanceof com.github.javaparser.ast.expr.InstanceOfExpr) {
        return Optional.empty(); // its elements, immutable values; a null check; text made of it
      }
      if (parent instanceof MethodReferenceExpr reference) {
        return READS.contains(reference.getIdentifier()) ? Optional.empty()
            : Optional.of("hands on %s::" + reference.getIdentifier() + ", which optkit does not know for a read");
      }
      if (parent instanceof ObjectCreationExpr made && made.getArguments().contains(use)
          && made.getAnonymousClassBody().isEmpty() && COPYING.contains(made.getType().getNameAsString())) {
        return Optional.empty(); // copied into a new JDK collection
      }
      if (parent instanceof MethodCallExpr call && call.getArguments().stream().anyMatch(a -> unwrap(a) == use)) {
        int at = java.util.stream.IntStream.range(0, call.getArguments().size())
            .filter(i -> unwrap(call.getArgument(i)) == use).findFirst().orElseThrow();
        List<IndexedMethod> targets = index.methodsNamed(call.getNameAsString()).stream()
            .filter(m -> m.fact().params().size() == call.getArguments().size()).toList();
        if (targets.isEmpty()) {
          if (call.getNameAsString().equals("addAll") && at == 0 && call.getArguments().size() > 1) {
            // Collections.addAll(names, ..), Guava's Iterables.addAll(names, ..): they fill their first argument
            // (hostile review 96's k04)
            return Optional.of("hands %s to addAll() as what it fills");
          }
          return READERS.contains(call.getNameAsString()) ? Optional.empty()
              : Optional.of("hands %s to " + call.getNameAsString() + "(), which optkit cannot show leaves it unchanged,"
                  + " and may change it");
        }
        for (IndexedMethod target : targets) {
          if (target.fact().isAbstract() && index.implementedByLibrary(target).isPresent()) {
            continue; // a repository's query method: its library binds the values
          }
          if (depth >= 3) {
            return Optional.of("hands %s on deeper than optkit follows, and may change it");
          }
          Optional<String> deeper = target.fact().isAbstract()
              ? Optional.of("hands %s to " + target.fact().displayName() + "(), which optkit does not follow into its "
                  + "implementations, and which may change it")
              : changes(target, at, depth + 1);
          if (deeper.isPresent()) {
            return Optional.of(deeper.get().startsWith("hands %s to " + target.fact().displayName()) ? deeper.get()
                : "hands %s to " + target.fact().displayName() + "(), which " + deeper.get().replace("%s", "it"));
          }
        }
        return Optional.empty();
      }
      return Optional.of("keeps or passes on %s where optkit does not follow it ("
          + (parent == null ? use : parent).toString().lines().findFirst().orElse("") + ")");
    }

    private static Expression unwrap(Expression expression) {
      Expression value = expression;
      while (value instanceof EnclosedExpr enclosed) {
        value = enclosed.getInner();
      }
      return value;
    }
  }

  /** The JDK collection a copy of the parameter is made as, or empty for any other parameter. */
  public static Optional<String> copiedAs(Parameter parameter, CompilationUnit unit) {
    if (!parameter.getType().isClassOrInterfaceType() || parameter.isVarArgs()) {
      return Optional.empty();
    }
    var type = parameter.getType().asClassOrInterfaceType();
    String name = type.getNameAsString();
    String copy = COPIES.get(name);
    if (copy == null) {
      return Optional.empty();
    }
    String scope = type.getScope().map(Object::toString).orElse(null);
    boolean jdk = scope != null ? scope.equals("java.util")
        : unit.getImports().stream().anyMatch(i -> !i.isStatic() && (i.isAsterisk() ? i.getNameAsString().equals("java.util")
            : i.getNameAsString().equals("java.util." + name)));
    return jdk ? Optional.of(copy) : Optional.empty();
  }
}
