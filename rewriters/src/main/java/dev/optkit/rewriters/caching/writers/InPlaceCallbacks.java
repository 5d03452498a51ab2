package dev.optkit.rewriters.caching.writers;

import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.rewriters.caching.KeptCalls;
import dev.optkit.rewriters.caching.WholeProject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a self-call of a writer runs before its caller returns, so an eviction around the caller follows the write:
 * in the caller's own body, or in code handed to a call that runs it in place (the JDK's {@code forEach} and
 * {@code ifPresent}, Spring's {@code TransactionTemplate}), never in a task, a returned stream, or an anonymous or
 * local class.
 */
final class InPlaceCallbacks {
  private final WholeProject whole;
  private final ProjectIndex index;

  private final JdkCollections jdkCollections;

  InPlaceCallbacks(WholeProject whole, DeferringAdvice advice) {
    this.whole = whole;
    this.index = whole.index();
    this.jdkCollections = new JdkCollections(whole, advice);
  }

  /** Calls whose lambda runs before they return: a self-call in one of these runs where its caller does. */
  private static final Set<String> IN_PLACE = Set.of("forEach", "forEachOrdered", "ifPresent", "ifPresentOrElse");

  /**
   * Whether a self-call runs inside its caller's own body, before the caller returns: not in a lambda handed to
   * anything but {@code forEach}/{@code ifPresent} or a transaction template ({@code thenRunAsync(() -> update())}, a
   * project's {@code @Async} runner, a stream returned), nor in an anonymous or local class ({@code new Thread(new
   * Runnable() {...})}).
   * False when the source cannot be read again.
   */
  boolean runsInPlace(IndexedMethod caller, CallRef call) {
    // the caller's file is parsed again: once per self-call, not once per cached method that asks
    return inPlace.computeIfAbsent(caller.path() + ":" + call.range() + ":" + call.name(), key -> readInPlace(caller, call));
  }

  private final Map<String, Boolean> inPlace = new java.util.HashMap<>();

  /**
   * Where a self-call sits that may run after its caller returns, as a refusal names it ("in a lambda handed to
   * forEach() on department.getEmployees()"); empty when it sits in the caller's own body or cannot be found.
   */
  Optional<String> laterCode(IndexedMethod caller, CallRef call) {
    var declaration = whole.declaration(caller).orElse(null);
    if (declaration == null) {
      return Optional.empty();
    }
    for (var expression : declaration.findAll(com.github.javaparser.ast.expr.MethodCallExpr.class)) {
      var begin = expression.getBegin().orElse(null);
      if (!expression.getNameAsString().equals(call.name()) || begin == null || begin.line != call.range().line()
          || begin.column != call.range().column()) {
        continue;
      }
      for (var at = expression.getParentNode().orElse(null); at != null && at != declaration;
          at = at.getParentNode().orElse(null)) {
        if (at instanceof com.github.javaparser.ast.expr.LambdaExpr lambda
            && lambda.getParentNode().orElse(null) instanceof com.github.javaparser.ast.expr.MethodCallExpr taking) {
          String on = taking.getScope().map(scope -> " on " + abbreviated(scope.toString())).orElse("");
          return Optional.of("in a lambda handed to " + taking.getNameAsString() + "()" + on
              + (IN_PLACE.contains(taking.getNameAsString()) ? FOR_EACH_PROOF : ""));
        }
        if (at instanceof com.github.javaparser.ast.expr.LambdaExpr
            || at instanceof com.github.javaparser.ast.expr.ObjectCreationExpr made && made.getAnonymousClassBody().isPresent()
            || at instanceof com.github.javaparser.ast.stmt.LocalClassDeclarationStmt) {
          return Optional.of("in a lambda or a class body, which may run later");
        }
      }
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** What optkit proves of forEach, said where it could not. */
  private static final String FOR_EACH_PROOF = " (optkit shows forEach runs its callback at once only over a collection "
      + "made in the method or a Spring Data query's answer, in a project declaring no traversal, proxy, JDK collection "
      + "subclass or aspect of its own: another may run it later)";

  private static String abbreviated(String code) {
    String line = code.replaceAll("\\s+", " ");
    return line.length() > 60 ? line.substring(0, 57) + "..." : line;
  }

  private boolean readInPlace(IndexedMethod caller, CallRef call) {
    var declaration = whole.declaration(caller);
    if (declaration.isEmpty()) {
      return false;
    }
    // the call itself, or a method reference to it (ticketsDto.forEach(this::save): audit 12's s13)
    List<com.github.javaparser.ast.expr.Expression> sites = new ArrayList<>();
    declaration.get().findAll(com.github.javaparser.ast.expr.MethodCallExpr.class).stream()
        .filter(expression -> expression.getNameAsString().equals(call.name())).forEach(sites::add);
    declaration.get().findAll(com.github.javaparser.ast.expr.MethodReferenceExpr.class).stream()
        .filter(expression -> expression.getIdentifier().equals(call.name())).forEach(sites::add);
    for (var expression : sites) {
      var begin = expression.getBegin().orElse(null);
      if (begin == null || begin.line != call.range().line() || begin.column != call.range().column()) {
        continue;
      }
      if (expression instanceof com.github.javaparser.ast.expr.MethodReferenceExpr
          && !takenInPlace(caller, expression)) {
        return false;
      }
      for (var at = expression.getParentNode().orElse(null); at != null && at != declaration.get();
          at = at.getParentNode().orElse(null)) {
        if (at instanceof com.github.javaparser.ast.body.TypeDeclaration<?>
            || at instanceof com.github.javaparser.ast.expr.ObjectCreationExpr creation
                && creation.getAnonymousClassBody().isPresent()
            || at instanceof com.github.javaparser.ast.stmt.LocalClassDeclarationStmt) {
          return false;
        }
        if (at instanceof com.github.javaparser.ast.expr.LambdaExpr lambda && !takenInPlace(caller, lambda)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** Transaction templates run the callback they are given before they return. */
  // TransactionOperations is an interface a bean may implement with anything (a JDK proxy: hostile review 37's g2b)
  private static final Set<String> RUN_IN_PLACE_BY = Set.of("org.springframework.transaction.support.TransactionTemplate");

  private static final Set<String> JDK_ITERABLES = Set.of("java.lang.Iterable", "java.util.Collection", "java.util.List",
      "java.util.Set", "java.util.Map", "java.util.Optional", "java.util.stream.Stream", "java.util.Queue",
      "java.util.Deque");

  private Boolean containerSubclasses;

  /** Whether the project has a class of its own that is a JDK collection, map or stream. */
  private boolean projectSubclassesJdkContainers() {
    if (containerSubclasses == null) {
      // the JDK's own types are not in the index: a class extending HashMap lists HashMap, not Map
      containerSubclasses = index.types().stream().anyMatch(type -> !type.qualifiedName().startsWith("java.")
          && index.supertypesOf(type.qualifiedName()).stream().anyMatch(t -> JDK_ITERABLES.contains(t)
              || t.startsWith("java.util.") && !t.startsWith("java.util.function.") && !t.equals("java.util.EventListener")));
    }
    return containerSubclasses;
  }

  /**
   * Whether code handed on as an argument (a lambda, a method reference) runs before the call taking it returns: that
   * call is {@code forEach}/{@code ifPresent}, or {@code execute}/{@code executeWithoutResult} on a field of the
   * caller's class that is a {@code TransactionTemplate}.
   */
  private boolean takenInPlace(IndexedMethod caller, com.github.javaparser.ast.Node code) {
    if (!(code.getParentNode().orElse(null) instanceof com.github.javaparser.ast.expr.MethodCallExpr taking)
        || !taking.getArguments().contains(code)) {
      return false;
    }
    String name = taking.getNameAsString();
    if (CHAINED.contains(name)) {
      // findById(id).map(n -> { ...; return save(n); }).orElseThrow(): Optional's map runs at once, and a stream's once
      // its terminal operation, in the same expression, runs (trial 42's NoteService.update); a chain kept lazy (a
      // stream returned or stored) or of another library's operators (Reactor's block*) is not in place
      String terminal = terminal(taking);
      if (terminal == null || projectSubclassesJdkContainers() || iterationMayDefer()) {
        return false;
      }
      // kept by the facts: a type they could not tell (Spring Data's findById without its jar) is an Optional when an
      // Optional's own operation ends the chain; a type they could tell is not the JDK's
      Optional<CallRef> kept = keptCall(caller, taking);
      return kept.isEmpty() || kept.get().receiverType() == null && OPTIONAL_TERMINAL.contains(terminal);
    }
    if (name.startsWith("ifPresent")) {
      // Optional's, a final JDK class: a call the facts kept is on a project type (or one they could not type)
      return !factsKeep(caller, taking);
    }
    if (IN_PLACE.contains(name)) {
      // forEach runs the callback at once only on a collection whose class is the JDK's: the declared type says
      // nothing (a project subclass: review 37's g1; a proxy, an anonymous list, a library's or a Spliterator's
      // traversal, an @Async bean: reviews 87 and 89), so the value must be one made here or a query's answer
      return !iterationMayDefer() && !projectCollections()
          && taking.getScope().map(receiver -> jdkCollections.proven(caller, receiver)).orElse(false);
    }
    if (!name.equals("execute") && !name.equals("executeWithoutResult")) {
      return false;
    }
    String field = taking.getScope().map(scope -> scope instanceof com.github.javaparser.ast.expr.NameExpr plain
        ? plain.getNameAsString() : scope instanceof com.github.javaparser.ast.expr.FieldAccessExpr access
            && access.getScope() instanceof com.github.javaparser.ast.expr.ThisExpr ? access.getNameAsString() : null)
        .orElse(null);
    String type = field == null ? null : index.type(caller.fact().ownerType())
        .map(t -> t.fieldTypes().get(field)).orElse(null);
    String template = type == null ? null : TypeNames.raw(type);
    // Spring's own, with no subclass in the project that may run the callback later (a @Primary one: review 36's t3)
    return template != null && RUN_IN_PLACE_BY.contains(template) && index.subtypesOf(template).isEmpty()
        && index.files().stream().flatMap(file -> file.creations().stream())
            .noneMatch(made -> made.anonymous() && made.type().equals(template));
  }

  /** The JDK's Optional and Stream operations whose function runs when the chain's end runs (at once for Optional's). */
  private static final Set<String> CHAINED = Set.of("map", "flatMap", "filter", "peek", "mapToObj", "mapToInt",
      "mapToLong", "mapToDouble", "takeWhile", "dropWhile");
  private static final Set<String> PASSED_THROUGH = Set.of("map", "flatMap", "filter", "peek", "mapToObj", "mapToInt",
      "mapToLong", "mapToDouble", "takeWhile", "dropWhile", "sorted", "distinct", "limit", "skip", "boxed");
  /** Operations that end an Optional or a stream, running what the chain before them was given, on this thread. */
  private static final Set<String> TERMINAL = Set.of("orElseThrow", "orElse", "orElseGet", "get", "isPresent",
      "isEmpty", "ifPresent", "ifPresentOrElse", "collect", "toList", "toArray", "forEach", "forEachOrdered",
      "findFirst", "findAny", "count", "anyMatch", "allMatch", "noneMatch", "reduce", "min", "max", "sum", "average");

  private static final Set<String> OPTIONAL_TERMINAL = Set.of("orElseThrow", "orElse", "orElseGet", "isPresent",
      "isEmpty", "ifPresent", "ifPresentOrElse");

  /** The operation ending the chain a call is a link of, through JDK operations only; null when none does. */
  private static String terminal(com.github.javaparser.ast.expr.MethodCallExpr link) {
    com.github.javaparser.ast.expr.MethodCallExpr at = link;
    while (at.getParentNode().orElse(null) instanceof com.github.javaparser.ast.expr.MethodCallExpr next
        && next.getScope().orElse(null) == at) {
      if (TERMINAL.contains(next.getNameAsString())) {
        return next.getNameAsString();
      }
      if (!PASSED_THROUGH.contains(next.getNameAsString())) {
        return null;
      }
      at = next;
    }
    return null;
  }

  /** The call as the caller's facts kept it (they drop calls on the JDK's types); empty when they did not. */
  private static Optional<CallRef> keptCall(IndexedMethod caller, com.github.javaparser.ast.expr.MethodCallExpr taking) {
    if (taking.getBegin().isEmpty()) { // no position to match: the first call stands for it, as before
      return java.util.stream.Stream.concat(caller.fact().calls().stream(), caller.fact().opaqueCalls().stream())
          .findFirst();
    }
    return KeptCalls.anyOf(caller, taking);
  }

  private Boolean projectCollections;

  /**
   * Whether a project class is a JDK collection, map, stream or spliterator (extends or implements one, found with the
   * JDK's own types): such a class, made a bean, may get an {@code @Async} proxy around its inherited forEach (hostile
   * review 89's S3). A class implementing {@code Iterator} (trial 85's DepartmentIterator) is none.
   */
  private boolean projectCollections() {
    if (projectCollections == null) {
      projectCollections = index.types().stream().filter(type -> !type.qualifiedName().startsWith("java."))
          .anyMatch(type -> index.supertypesOf(type.qualifiedName()).stream().anyMatch(InPlaceCallbacks::jdkCollection));
    }
    return projectCollections;
  }

  private static boolean jdkCollection(String type) {
    if (!type.startsWith("java.")) {
      return false;
    }
    try {
      Class<?> loaded = Class.forName(TypeNames.raw(type), false, ClassLoader.getPlatformClassLoader());
      return Iterable.class.isAssignableFrom(loaded) || Map.class.isAssignableFrom(loaded)
          || java.util.stream.BaseStream.class.isAssignableFrom(loaded) || java.util.Spliterator.class.isAssignableFrom(loaded);
    } catch (ClassNotFoundException | LinkageError unknown) {
      return true; // a JDK name optkit's runtime lacks: counted
    }
  }

  private Boolean iterationMayDefer;

  /**
   * Whether code of the project may make a JDK collection's, map's or stream's forEach run its callback later: it
   * declares a forEach in a class body (named, local or anonymous: a subclass of any list, a library's included), or
   * makes a proxy at run time ({@link dev.optkit.analyzers.facts.FileFacts.IterationCode}). Sources optkit cannot read
   * (Kotlin, Groovy) already block every cache.
   */
  private boolean iterationMayDefer() {
    if (iterationMayDefer == null) {
      iterationMayDefer = index.files().stream().anyMatch(file -> !file.iterationCode().isEmpty());
    }
    return iterationMayDefer;
  }

  /** Whether the caller's facts kept the call: they drop calls on the JDK's types, and keep every other. */
  private static boolean factsKeep(IndexedMethod caller, com.github.javaparser.ast.expr.MethodCallExpr taking) {
    return taking.getBegin().isEmpty() || KeptCalls.anyOf(caller, taking).isPresent();
  }

}
