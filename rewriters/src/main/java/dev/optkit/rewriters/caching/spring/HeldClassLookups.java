package dev.optkit.rewriters.caching.spring;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.optkit.analyzers.facts.TypeFact;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A lookup by the bean's class where the class literal is not in the lookup's own text: held in a variable or field
 * first ({@code Class<CountryDao> type = CountryDao.class; context.getBean(type)}), or handed to a project method that
 * passes its parameter on to a lookup ({@code beans.lookup(CountryDao.class)} into {@code context.getBean(type)}).
 * Outside Spring Boot the caching proxy of a bean implementing interfaces is a JDK proxy of them, and the lookup by
 * the class fails. A name holding the literal anywhere in the file counts wherever the file hands that name to a
 * lookup: the scopes of two same-named locals are not told apart, which can only refuse more. So does a constant
 * another class keeps it in ({@code Types.DAO}, {@link #keptInFields}), wherever that name is handed to a lookup,
 * and a literal kept in a collection ({@code Map.of("dao", CountryDao.class)}) in a file that looks beans up by a
 * class it does not write there ({@code context.getBean(types.get(name))}): what the collection hands out is not
 * followed (the plain-Spring review of 2026-11-29, f6 and f6b).
 */
final class HeldClassLookups {
  /** Whether a project method of this name and arity hands its parameter at the position to a lookup by type. */
  interface HandsToLookup {
    /**
     * @param receiverType the simple name of the type the receiver is declared with in the file ({@code Map} for
     *     {@code LABELS.get(..)}), or null when the file does not tell (a type's name, a call's result)
     */
    Optional<String> lookupOf(String method, int arguments, int position, String receiverType);
  }

  private HeldClassLookups() {}

  /** Where the file looks the bean up by a class it holds or hands on ({@code Main.main: context.getBean(type)}). */
  static Optional<String> in(CompilationUnit unit, TypeFact bean, Set<String> lookups, HandsToLookup handsToLookup,
      Set<String> keptElsewhere) {
    boolean simpleNameIsBean = ClassCasts.simpleNameIsBean(unit, bean);
    Set<String> holders = new HashSet<>(keptElsewhere);
    for (Node node : unit.findAll(Node.class, n -> n instanceof VariableDeclarator || n instanceof AssignExpr)) {
      if (node instanceof VariableDeclarator variable && variable.getInitializer().map(v -> literal(v, bean, simpleNameIsBean)).orElse(false)) {
        holders.add(variable.getNameAsString());
      } else if (node instanceof AssignExpr assign && literal(assign.getValue(), bean, simpleNameIsBean)) {
        name(assign.getTarget()).ifPresent(holders::add);
      }
    }
    Optional<String> collected = keptInCollection(unit, bean, simpleNameIsBean);
    for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
      if (collected.isPresent() && lookups.contains(call.getNameAsString()) && call.getArguments().stream()
          .anyMatch(argument -> !(argument instanceof ClassExpr || argument.isStringLiteralExpr()))) {
        return Optional.of(collected.get() + ", and " + ClassCasts.where(call) + " looks a bean up by a class it holds: "
            + call);
      }
      for (int position = 0; position < call.getArguments().size(); position++) {
        Expression argument = call.getArgument(position);
        if (lookups.contains(call.getNameAsString())) {
          if (name(argument).filter(holders::contains).isPresent()) {
            return Optional.of(ClassCasts.where(call) + ": " + call + ", where " + argument + " holds "
                + bean.simpleName() + ".class");
          }
        } else if (literal(argument, bean, simpleNameIsBean)) {
          Optional<String> lookup = handsToLookup.lookupOf(call.getNameAsString(), call.getArguments().size(), position,
              declaredType(call).orElse(null));
          if (lookup.isPresent()) {
            return Optional.of(ClassCasts.where(call) + ": " + call + ", which looks it up (" + lookup.get() + ")");
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Where the file looks beans up by a class it computes, whichever bean that is: a lookup, or a project helper handing
   * its parameter to one, given a class that is no literal, no String and no name holding a literal
   * ({@code context.getBean(Kind.valueOf(k).storeType)}, {@code getBean(typeOf(kind))}, {@code getBean(BY_KIND.get(k))},
   * {@code getBean(route.type())}, {@code getBean(Class.forName(name))}, {@code map(context::getBean)}). Any bean
   * implementing interfaces may be the one looked up (the hostile review of 2026-11-29, hr36's l1-l7). A parameter of
   * the enclosing method handed on is the helper itself: its callers are judged.
   *
   * @param heldNames names of variables and fields, anywhere in the project, that hold a class literal
   */
  static Optional<String> computed(CompilationUnit unit, Set<String> lookups, HandsToLookup handsToLookup,
      Set<String> heldNames) {
    for (com.github.javaparser.ast.expr.MethodReferenceExpr reference
        : unit.findAll(com.github.javaparser.ast.expr.MethodReferenceExpr.class)) {
      if (lookups.contains(reference.getIdentifier())) {
        return Optional.of(ClassCasts.where(reference) + ": " + reference);
      }
    }
    for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
      boolean lookup = lookups.contains(call.getNameAsString());
      if (!lookup && call.getScope().orElse(null) instanceof MethodCallExpr mockito
          && MOCKITO_CHAINS.contains(mockito.getNameAsString())) {
        continue; // verify(client, times(1)).create(..): a check of a mock's call runs no project code (halo's tests)
      }
      for (int position = 0; position < call.getArguments().size(); position++) {
        Expression argument = call.getArgument(position);
        if (!computedClass(argument, heldNames)) {
          continue;
        }
        if (lookup || handsToLookup.lookupOf(call.getNameAsString(), call.getArguments().size(), position,
            declaredType(call).orElse(null)).isPresent()) {
          return Optional.of(ClassCasts.where(call) + ": " + call);
        }
      }
    }
    return Optional.empty();
  }

  /** Mockito's calls whose answer is the mock itself, a check or a stub of the next call: no project code runs there. */
  private static final Set<String> MOCKITO_CHAINS = Set.of("verify", "when", "given", "then", "should", "doReturn",
      "doThrow", "doAnswer", "doNothing", "doCallRealMethod", "willReturn", "willThrow", "willAnswer", "willDoNothing");

  /** Whether an argument may be a class the code computes: no literal, no text, no name holding either, no parameter. */
  private static boolean computedClass(Expression written, Set<String> heldNames) {
    Expression argument = written;
    while (argument instanceof com.github.javaparser.ast.expr.CastExpr || argument instanceof com.github.javaparser.ast.expr.EnclosedExpr) {
      argument = argument instanceof com.github.javaparser.ast.expr.CastExpr cast ? cast.getExpression()
          : ((com.github.javaparser.ast.expr.EnclosedExpr) argument).getInner(); // (Class<?>) wanted: still the parameter
    }
    // literals of any kind (getBeansOfType(X.class, false, false)), text built by concatenation
    if (argument instanceof ClassExpr || argument.isLiteralExpr() || argument instanceof com.github.javaparser.ast.expr.BinaryExpr) {
      return false;
    }
    if (argument instanceof MethodCallExpr made && !made.getArguments().isEmpty()
        && made.getArguments().stream().allMatch(ClassExpr.class::isInstance)
        && made.getScope().map(scope -> scope.toString().matches("([a-z_$][\\w$]*\\.)*[A-Z][\\w$]*")).orElse(true)) {
      // ResolvableType.forClassWithGenerics(Reconciler.class, Request.class): made of its literals alone, a lookup of
      // those classes, which the lookup's own text names (halo's regression run)
      return false;
    }
    Optional<String> name = name(argument);
    if (name.isPresent() && heldNames.contains(name.get())) {
      return false; // held: judged per bean by in()
    }
    if (argument instanceof NameExpr named) {
      Optional<String> type = declaredTypeOf(named);
      if (type.filter(t -> !t.equals("Class") && !t.equals("Object")).isPresent()) {
        return false; // a name, a context handed to BeanFactoryUtils: declared as something that is no class
      }
      if (parameterOfEnclosing(named)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the name is a parameter of the method, constructor or lambda around it. */
  private static boolean parameterOfEnclosing(NameExpr name) {
    for (Node at = name.getParentNode().orElse(null); at != null; at = at.getParentNode().orElse(null)) {
      if (at instanceof com.github.javaparser.ast.nodeTypes.NodeWithParameters<?> withParameters
          && withParameters.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(name.getNameAsString()))) {
        return true;
      }
      if (at instanceof com.github.javaparser.ast.body.TypeDeclaration<?>) {
        return false;
      }
    }
    return false;
  }

  /** The names of variables and fields of the file initialised with a class literal, or assigned one. */
  static Set<String> namesHoldingLiterals(CompilationUnit unit) {
    Set<String> held = new java.util.TreeSet<>();
    for (VariableDeclarator variable : unit.findAll(VariableDeclarator.class)) {
      if (variable.getInitializer().filter(ClassExpr.class::isInstance).isPresent()) {
        held.add(variable.getNameAsString());
      }
    }
    for (AssignExpr assign : unit.findAll(AssignExpr.class)) {
      if (assign.getValue() instanceof ClassExpr) {
        name(assign.getTarget()).ifPresent(held::add);
      }
    }
    return held;
  }

  /**
   * The fields of the file other classes may read that hold the bean's class literal ({@code public static final
   * Class<CountryDao> DAO = CountryDao.class;}), by name: a private one is read in its own file, where {@link #in}
   * sees it.
   */
  static Set<String> keptInFields(CompilationUnit unit, TypeFact bean) {
    boolean simpleNameIsBean = ClassCasts.simpleNameIsBean(unit, bean);
    Set<String> kept = new java.util.TreeSet<>();
    for (FieldDeclaration field : unit.findAll(FieldDeclaration.class)) {
      if (field.isPrivate()) {
        continue;
      }
      for (VariableDeclarator variable : field.getVariables()) {
        if (variable.getInitializer().map(v -> literal(v, bean, simpleNameIsBean)).orElse(false)) {
          kept.add(variable.getNameAsString());
        }
      }
    }
    return kept;
  }

  /** Calls and initializers that keep their arguments in a collection or an array. */
  private static final Set<String> COLLECTING = Set.of("of", "ofEntries", "entry", "put", "putIfAbsent", "add", "addAll",
      "asList", "singletonList", "singleton", "singletonMap", "offer", "push", "addFirst", "addLast", "set", "with");

  /** Where the file keeps the bean's class literal in a collection or an array, as {@code where: code}. */
  private static Optional<String> keptInCollection(CompilationUnit unit, TypeFact bean, boolean simpleNameIsBean) {
    for (ClassExpr literal : unit.findAll(ClassExpr.class)) {
      if (!literal(literal, bean, simpleNameIsBean)) {
        continue;
      }
      Node parent = literal.getParentNode().orElse(null);
      if (parent instanceof MethodCallExpr call && call.getArguments().contains(literal)
          && COLLECTING.contains(call.getNameAsString())
          || parent instanceof com.github.javaparser.ast.expr.ArrayInitializerExpr) {
        String code = parent.toString().replaceAll("\\s+", " ");
        return Optional.of(bean.simpleName() + ".class is kept in a collection (" + ClassCasts.where(literal) + ": "
            + (code.length() > 120 ? code.substring(0, 117) + "..." : code) + ")");
      }
    }
    return Optional.empty();
  }

  /**
   * The simple name of the type the call's receiver variable is declared with, read from the file: a local or a
   * parameter of the enclosing methods and lambdas, else a field of the enclosing classes ({@code Map<Class<?>,
   * String> LABELS}). A map's {@code get(ProductStore.class)} is then no call of a project helper named {@code get}
   * (the plain-Spring review of 2026-11-29, f15: a false refusal).
   */
  private static Optional<String> declaredType(MethodCallExpr call) {
    Expression scope = call.getScope().orElse(null);
    if (scope instanceof FieldAccessExpr access && access.getScope() instanceof com.github.javaparser.ast.expr.ThisExpr) {
      // this.labels.get(..): the field of the enclosing class (hr36's fr1)
      return access.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class).flatMap(type -> declaredIn(
          ((com.github.javaparser.ast.body.TypeDeclaration<?>) type).getFields().stream()
              .flatMap(field -> field.getVariables().stream()).filter(v -> v.getNameAsString().equals(access.getNameAsString()))
              .toList()));
    }
    if (scope instanceof NameExpr receiver) {
      Optional<String> declared = declaredTypeOf(receiver);
      // URI.create(value): no variable of that name, a type's: only that type's static method runs (halo's
      // AttachmentPermalinkMatcher was taken for a lookup helper named create)
      return declared.isPresent() || !Character.isUpperCase(receiver.getNameAsString().charAt(0)) || declaredAnywhere(receiver)
          ? declared : Optional.of(STATIC + receiver.getNameAsString());
    }
    return Optional.empty();
  }

  /** How {@link HandsToLookup} is told the receiver is a type's name, whose static method the call runs. */
  static final String STATIC = "static:";

  /** Whether a variable of the name is declared anywhere in the file (a scope the walk up did not see). */
  private static boolean declaredAnywhere(NameExpr name) {
    return name.findCompilationUnit().map(unit -> !unit.findAll(VariableDeclarator.class,
        v -> v.getNameAsString().equals(name.getNameAsString())).isEmpty()
        || !unit.findAll(com.github.javaparser.ast.body.Parameter.class,
            p -> p.getNameAsString().equals(name.getNameAsString())).isEmpty()).orElse(true);
  }

  /** The simple name of a declared variable's type; for {@code var}, of what its initializer makes ({@code new HashMap<>()}). */
  private static Optional<String> declaredIn(List<VariableDeclarator> variables) {
    if (variables.size() != 1) {
      return Optional.empty();
    }
    VariableDeclarator variable = variables.get(0);
    if (variable.getType() instanceof ClassOrInterfaceType type) {
      return Optional.of(type.getNameAsString());
    }
    if (variable.getType().isVarType() && variable.getInitializer().orElse(null)
        instanceof com.github.javaparser.ast.expr.ObjectCreationExpr creation) {
      return Optional.of(creation.getType().getNameAsString()); // var labels = new HashMap<..>() (hr36's fr2)
    }
    return Optional.empty();
  }

  private static Optional<String> declaredTypeOf(NameExpr receiver) {
    String name = receiver.getNameAsString();
    for (Node at = receiver.getParentNode().orElse(null); at != null; at = at.getParentNode().orElse(null)) {
      if (at instanceof com.github.javaparser.ast.nodeTypes.NodeWithParameters<?> withParameters) {
        List<com.github.javaparser.ast.body.Parameter> parameters = withParameters.getParameters().stream()
            .filter(p -> p.getNameAsString().equals(name)).toList();
        if (!parameters.isEmpty()) {
          return parameters.size() == 1 && parameters.get(0).getType() instanceof ClassOrInterfaceType type
              ? Optional.of(type.getNameAsString()) : Optional.empty();
        }
      }
      List<VariableDeclarator> declared = new java.util.ArrayList<>();
      if (at instanceof com.github.javaparser.ast.stmt.BlockStmt block) {
        for (var statement : block.getStatements()) {
          if (statement instanceof com.github.javaparser.ast.stmt.ExpressionStmt expression
              && expression.getExpression() instanceof com.github.javaparser.ast.expr.VariableDeclarationExpr locals) {
            locals.getVariables().stream().filter(v -> v.getNameAsString().equals(name)).forEach(declared::add);
          }
        }
      } else if (at instanceof com.github.javaparser.ast.body.TypeDeclaration<?> type) {
        type.getFields().stream().flatMap(field -> field.getVariables().stream())
            .filter(v -> v.getNameAsString().equals(name)).forEach(declared::add);
      } else if (at instanceof com.github.javaparser.ast.stmt.TryStmt attempt) {
        // try (AnnotationConfigApplicationContext context = ...), for (Foo f : ...), for (int i = ...)
        attempt.getResources().stream().filter(com.github.javaparser.ast.expr.VariableDeclarationExpr.class::isInstance)
            .flatMap(r -> ((com.github.javaparser.ast.expr.VariableDeclarationExpr) r).getVariables().stream())
            .filter(v -> v.getNameAsString().equals(name)).forEach(declared::add);
      } else if (at instanceof com.github.javaparser.ast.stmt.ForEachStmt each) {
        each.getVariable().getVariables().stream().filter(v -> v.getNameAsString().equals(name)).forEach(declared::add);
      } else if (at instanceof com.github.javaparser.ast.stmt.ForStmt loop) {
        loop.getInitialization().stream().filter(com.github.javaparser.ast.expr.VariableDeclarationExpr.class::isInstance)
            .flatMap(r -> ((com.github.javaparser.ast.expr.VariableDeclarationExpr) r).getVariables().stream())
            .filter(v -> v.getNameAsString().equals(name)).forEach(declared::add);
      }
      if (!declared.isEmpty()) {
        // two declarations of the name in one scope cannot compile; any doubt answers nothing
        return declaredIn(declared);
      }
    }
    return Optional.empty();
  }

  private static boolean literal(Expression expression, TypeFact bean, boolean simpleNameIsBean) {
    return expression instanceof ClassExpr literal && literal.getType() instanceof ClassOrInterfaceType named
        && ClassCasts.namesBean(named, bean, simpleNameIsBean);
  }

  /** {@code type}, {@code this.type}, {@code Beans.TYPE}: the name a value is kept under. */
  private static Optional<String> name(Expression expression) {
    return expression instanceof NameExpr named ? Optional.of(named.getNameAsString())
        : expression instanceof FieldAccessExpr access ? Optional.of(access.getNameAsString()) : Optional.empty();
  }
}
