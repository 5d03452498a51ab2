package dev.optkit.rewriters.loops;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.PerUserCode;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.rewriters.source.ProjectSources;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a project method a rewritten loop hands to a pool may run there: on another thread, at
 * the same time as itself (the next elements' calls) and as the loop's statements after earlier
 * elements' answers. It must only read what does not change (final fields of immutable or
 * thread-safe types, its arguments, what it makes), change nothing it did not make, make only
 * remote reads (a write would run ahead of the loop's statements, a database query needs the
 * connection bound to the caller's thread), and use no state bound to the caller's thread
 * (ThreadLocal, security, request and locale contexts, MDC, a transaction). Project methods it
 * calls are held to the same, a few levels down; beyond that it is refused.
 */
final class ConcurrentCalls {
  private static final int DEPTH = 4;

  /** Types whose state belongs to the calling thread: on a pool thread they hold another thread's state, or none. */
  static final Set<String> THREAD_BOUND = dev.optkit.analyzers.index.ThreadBoundState.simpleNames();

  /** Library clients whose calls may run from many threads at once, by simple name ({@link ThreadSafeTypes} resolves more). */
  static final Set<String> THREAD_SAFE = ThreadSafeTypes.BY_NAME;


  /** A root token naming a parameter ({@code p0}), alone or as a call's receiver ({@code c3:1:get@p0}). */

  private final ProjectIndex index;
  private final ProjectSources sources;

  ConcurrentCalls(ProjectIndex index, ProjectSources sources) {
    this.index = index;
    this.sources = sources;
  }

  /** Why the method may not run on a pool thread, or empty when it may. */
  Optional<String> whyNot(IndexedMethod target) {
    return whyNot(target, false);
  }

  /**
   * @param remoteWrites whether remote writes may run on the pool (the user accepted their reordering,
   *     --accept-reorder); database access never may
   */
  Optional<String> whyNot(IndexedMethod target, boolean remoteWrites) {
    return whyNot(target, DEPTH, new java.util.HashSet<>(), remoteWrites);
  }

  /** How the user lets a loop's remote writes run ahead, for a refusal's end. */
  static String reorderHint(IndexedMethod loopMethod) {
    return " (--accept-reorder " + loopMethod.fact().ownerType().substring(loopMethod.fact().ownerType().lastIndexOf('.') + 1)
        + "." + loopMethod.fact().name() + " lets them run ahead when their order, and what a failure leaves sent, do "
        + "not matter)";
  }

  private Optional<String> whyNot(IndexedMethod target, int depth, Set<IndexedMethod> seen, boolean remoteWrites) {
    if (!seen.add(target)) {
      return Optional.empty();
    }
    MethodFact fact = target.fact();
    String name = fact.displayName() + "()";
    if (depth == 0) {
      return Optional.of(name + " is more calls deep than optkit follows");
    }
    if (fact.isAbstract()) {
      return Optional.of(name + " is abstract: which implementation runs is not in sight");
    }
    if (fact.annotations().stream().anyMatch(a -> a.endsWith("Transactional"))) {
      return Optional.of(name + " runs in a transaction, which is bound to the caller's thread");
    }
    Optional<String> perUser = index.perUserCode().whyPerUser(target);
    if (perUser.isPresent()) {
      // hostile review 51's W1: a loop caches nothing, its reason is the pool thread's missing context
      return Optional.of(name + " reads the caller's own context (" + perUser.get().replace(PerUserCode.CACHED_ANSWER, "")
          + "), which a pool thread does not carry");
    }
    for (IoSite site : fact.ioSites()) {
      if (site.access() != Access.READ && (!remoteWrites || site.kind() == ClientKind.DB)) {
        return Optional.of(name + " may write (" + site.provider() + " " + site.method() + "()): on a pool thread it "
            + "would run ahead of the loop's statements for earlier elements");
      }
      if (site.kind() == ClientKind.DB) {
        return Optional.of(name + " queries the database (" + site.method() + "()): a connection belongs to one "
            + "thread and its pool bounds the queries at once; one query per batch is the fix for such loops");
      }
    }
    if (!fact.mutableFieldsRead().isEmpty()) {
      return Optional.of(name + " reads field " + fact.mutableFieldsRead().get(0) + ", which changes after "
          + "construction: another thread could change it while the call runs");
    }
    if (!fact.staticFieldsRead().isEmpty()) {
      return Optional.of(name + " reads the static field " + fact.staticFieldsRead().get(0) + ", which changes");
    }
    if (fact.isConstructor()) {
      Optional<String> statics = staticsChangedByConstruction(target, name);
      if (statics.isPresent()) {
        return statics;
      }
    }
    // a constructor fills the object it makes: that is no change of anything another thread holds
    List<MethodFact.ParameterMutation> changes = fact.parameterMutations().stream()
        .filter(change -> !fact.isConstructor() || change.parameter() >= 0).toList();
    if (!changes.isEmpty()) {
      return Optional.of(name + " changes " + (changes.get(0).parameter() < 0 ? "its object or class"
          : "what it is given") + " (" + changes.get(0).how() + ")");
    }
    for (MethodFact.ResultMutation change : fact.resultMutations()) {
      // from this object, from what it was given, or from what optkit cannot tell, at any depth
      if (change.roots().mentions(root -> root instanceof dev.optkit.analyzers.facts.Root.This
          || root instanceof dev.optkit.analyzers.facts.Root.Unknown
          || root instanceof dev.optkit.analyzers.facts.Root.Parameter)) {
        return Optional.of(name + " changes what " + change.call() + "() returns to it (" + change.how()
            + "), which may be shared");
      }
    }
    Optional<String> body = bodyProblem(target, name);
    if (body.isPresent()) {
      return body;
    }
    for (CallRef call : fact.allCalls()) {
      for (IndexedMethod callee : index.allTargetsOf(call)) {
        // a new object of the project's is made for this call, but its constructor may still do I/O or change statics
        Optional<String> deeper = whyNot(callee, depth - 1, seen, remoteWrites);
        if (deeper.isPresent()) {
          return Optional.of(name + " calls " + deeper.get());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a project method run ahead of the earlier elements' turns writes to the console or a log, itself (its
   * source read again: the facts keep no library calls): a filter that logs each element it checks would log elements
   * the original never reaches after a failure (hostile review 58). Its own project calls are judged on their own.
   */
  Optional<String> writesConsoleOrLog(IndexedMethod target) {
    Optional<CallableDeclaration<?>> declaration = sources.declaration(target);
    if (declaration.isEmpty()) {
      return Optional.of(target.fact().displayName() + "(), whose source optkit cannot read again (it may write to the "
          + "console or a log)");
    }
    return declaration.get().findAll(MethodCallExpr.class).stream().filter(AheadReads::writesConsoleOrLog).findFirst()
        .map(call -> target.fact().displayName() + "(), which writes to the console or a log (" + call + "): run ahead, it "
            + "would write for elements the original does not reach after a failure, and in another order");
  }

  /**
   * What the facts do not tell, read from the method's source: a call on a field whose type may not
   * be used from several threads at once (a SimpleDateFormat, a HashMap), and thread-bound state.
   */
  private Optional<String> bodyProblem(IndexedMethod target, String name) {
    Optional<CallableDeclaration<?>> declaration = sources.declaration(target);
    if (declaration.isEmpty()) {
      return Optional.of("optkit cannot read " + name + "'s source again");
    }
    CallableDeclaration<?> method = declaration.get();
    for (Node node : method.findAll(Node.class)) {
      // org.slf4j.MDC.get(..) names its class through a package: field accesses on a package's name (review 51's U3)
      String named = node instanceof NameExpr n ? n.getNameAsString()
          : node instanceof ClassOrInterfaceType t ? t.getNameAsString()
          : node instanceof FieldAccessExpr access && packageName(access.getScope()) ? access.getNameAsString() : null;
      if (named != null && THREAD_BOUND.contains(named)) {
        return Optional.of(name + " uses " + named + ", state bound to the calling thread");
      }
    }
    for (MethodCallExpr call : method.findAll(MethodCallExpr.class)) {
      boolean currentThread = call.getNameAsString().equals("currentThread")
          && call.getScope().map(Expression::toString).filter(t -> t.equals("Thread") || t.equals("java.lang.Thread")).isPresent();
      boolean interruptOnly = call.getParentNode().orElse(null) instanceof MethodCallExpr use && use.getScope().orElse(null) == call
          && (use.getNameAsString().equals("interrupt") || use.getNameAsString().equals("isInterrupted"));
      if (currentThread && !interruptOnly) {
        return Optional.of(name + " asks which thread it runs on (Thread.currentThread()), which on a pool thread is "
            + "another");
      }
    }
    for (FieldAccessExpr access : method.findAll(FieldAccessExpr.class)) {
      String stream = access.toString();
      if (stream.equals("System.out") || stream.equals("System.err")) {
        return Optional.of(name + " writes to the console (" + stream + "), whose lines would come out in another "
            + "order from the pool's threads");
      }
    }
    Optional<String> state = stateRead(method, name);
    if (state.isPresent()) {
      return state;
    }
    for (MethodCallExpr call : method.findAll(MethodCallExpr.class)) {
      Optional<String> field = fieldReceiver(call.getScope().orElse(null), method);
      if (field.isEmpty()) {
        continue;
      }
      Optional<FieldDeclaration> declared = fieldNamed(method, field.get());
      if (declared.isEmpty()) {
        return Optional.of(name + " calls " + call.getNameAsString() + "() on " + field.get()
            + ", which optkit cannot find declared in its class");
      }
      String type = declared.get().getElementType() instanceof ClassOrInterfaceType t ? t.getNameAsString()
          : declared.get().getElementType().asString();
      if (THREAD_BOUND.contains(type)) {
        return Optional.of(name + " uses " + field.get() + " (" + type + "), state bound to the calling thread");
      }
      // logging APIs: safe from several threads, but a log's order and thread context are part of what a call does
      if (dev.optkit.analyzers.facts.types.Loggers.isLoggerSimpleName(type) && declared.get().isFinal()) {
        return Optional.of(name + " logs through " + field.get() + " (" + type + "): from the pool's threads its lines "
            + "would come out in another order, without what the caller's thread holds for them (its MDC: a request "
            + "or trace id)");
      }
      boolean project = !index.typesNamed(type).isEmpty();
      // a private field the facts saw written only while its object was made (or injected) is as good as final
      boolean unchanging = declared.get().isFinal()
          || SetWhileMade.only(declared.get(), field.get());
      if (!unchanging || !project && !ThreadSafeTypes.is(declared.get(), declared.get().getElementType().asString())
          && !LoopProof.IMMUTABLE.contains(type)) {
        return Optional.of(name + " calls " + call.getNameAsString() + "() on field " + field.get() + " (" + type
            + "), " + (unchanging ? "which optkit does not know to be safe from several threads at once"
                : declared.get().isPrivate() ? "which its class changes after construction"
                : "which is neither final nor private: a subclass or a class of its package could change it"));
      }
    }
    return Optional.empty();
  }

  /** {@code org.slf4j}: a dotted name of lower-case words, as packages are written. */
  private static boolean packageName(Expression scope) {
    return scope instanceof NameExpr name ? Character.isLowerCase(name.getNameAsString().charAt(0))
        : scope instanceof FieldAccessExpr access && Character.isLowerCase(access.getNameAsString().charAt(0))
            && packageName(access.getScope());
  }

  /**
   * State the method reads that another thread (the loop's, running the statements after an earlier
   * element's answer) may change while it runs: a field that is not final, whoever writes it (a
   * subclass's hook too); a field of another object ({@code cfg.region}); an array element
   * ({@code region[0]}); a static field of another class, unless it is a final constant of an
   * immutable type.
   */
  private Optional<String> stateRead(CallableDeclaration<?> method, String name) {
    for (NameExpr read : method.findAll(NameExpr.class)) {
      String n = read.getNameAsString();
      if (isLocal(n, method)) {
        continue;
      }
      Optional<FieldDeclaration> field = fieldNamed(method, n);
      if (field.isPresent()) {
        // a private field the facts saw written only while its object was made is as good as final
        if (!field.get().isFinal() && !field.get().isPrivate()) {
          return Optional.of(name + " reads field " + n + ", which is neither final nor private: a subclass or a "
              + "class of its package could change it while the call runs on another thread");
        }
        continue;
      }
      Optional<String> imported = staticImport(method, n);
      if (imported.isPresent()) {
        Optional<String> problem = staticFieldProblem(name, imported.get(), n);
        if (problem.isPresent()) {
          return problem;
        }
      }
    }
    for (FieldAccessExpr access : method.findAll(FieldAccessExpr.class)) {
      Expression scope = access.getScope();
      if (scope instanceof ThisExpr || scope instanceof com.github.javaparser.ast.expr.SuperExpr) {
        Optional<FieldDeclaration> field = fieldNamed(method, access.getNameAsString());
        if (field.isEmpty() || !field.get().isFinal() && !field.get().isPrivate()) {
          return Optional.of(name + " reads field " + access.getNameAsString() + ", which "
              + (field.isEmpty() ? "optkit cannot find declared in its class" : "is neither final nor private") + ": the loop's "
              + "thread could change it while the call runs on another");
        }
        continue;
      }
      if (access.getParentNode().orElse(null) instanceof MethodCallExpr call && call.getScope().orElse(null) == access
          && !(scope instanceof NameExpr)) {
        continue; // HttpResponse.BodyHandlers.ofString(): a nested type's static call
      }
      if (scope instanceof NameExpr owner && !isLocal(owner.getNameAsString(), method)
          && fieldNamed(method, owner.getNameAsString()).isEmpty()) {
        if (Character.isUpperCase(owner.getNameAsString().charAt(0))) {
          Optional<String> problem = staticFieldProblem(name, owner.getNameAsString(), access.getNameAsString());
          if (problem.isPresent()) {
            return problem;
          }
          continue;
        }
      }
      if (scope instanceof FieldAccessExpr || access.getParentNode().orElse(null) instanceof FieldAccessExpr) {
        continue; // a qualified name: java.util.Locale.ROOT, judged as its type's constant
      }
      if (scope instanceof NameExpr owner && isLocal(owner.getNameAsString(), method) && madeHere(owner, method)) {
        continue; // a field of an object this method made
      }
      return Optional.of(name + " reads " + access + ", a field of an object others hold: the loop's thread could "
          + "change it while the call runs on another");
    }
    for (com.github.javaparser.ast.expr.ArrayAccessExpr access
        : method.findAll(com.github.javaparser.ast.expr.ArrayAccessExpr.class)) {
      if (access.getName() instanceof NameExpr array && isLocal(array.getNameAsString(), method)
          && madeHere(array, method)) {
        continue;
      }
      return Optional.of(name + " reads " + access + ", an element of an array others hold: the loop's thread could "
          + "change it while the call runs on another");
    }
    return Optional.empty();
  }

  /**
   * A static field of a project class read from another: a thread-bound holder (a ThreadLocal), a
   * field that is not final, or a final one of a type that can change, is a refusal.
   */
  private Optional<String> staticFieldProblem(String name, String owner, String fieldName) {
    for (var type : index.typesNamed(owner)) {
      String path = index.pathOfType(type.qualifiedName());
      Optional<CompilationUnit> unit = path == null ? Optional.empty() : unit(path);
      Optional<FieldDeclaration> field = unit.flatMap(u -> u.findAll(FieldDeclaration.class).stream()
          .filter(f -> f.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(fieldName))).findFirst());
      if (field.isEmpty()) {
        return Optional.of(name + " reads " + owner + "." + fieldName + ", which optkit cannot find declared");
      }
      String fieldType = field.get().getElementType() instanceof ClassOrInterfaceType t ? t.getNameAsString()
          : field.get().getElementType().asString();
      if (THREAD_BOUND.contains(fieldType)) {
        return Optional.of(name + " uses " + owner + "." + fieldName + " (" + fieldType + "), state bound to the "
            + "calling thread");
      }
      if (!field.get().isFinal()) {
        return Optional.of(name + " reads the static field " + owner + "." + fieldName + ", which is not final");
      }
      if (!LoopProof.IMMUTABLE.contains(fieldType) && !THREAD_SAFE.contains(fieldType)
          && index.typesNamed(fieldType).isEmpty()) {
        return Optional.of(name + " reads the static field " + owner + "." + fieldName + " (" + fieldType + "), whose "
            + "state optkit does not know to stay unchanged");
      }
    }
    return Optional.empty(); // a library class's constant
  }

  /** The class a name is statically imported from ({@code import static shop.Ctx.TENANT;}), by simple name. */
  private static Optional<String> staticImport(Node use, String name) {
    return use.findCompilationUnit().flatMap(unit -> unit.getImports().stream()
        .filter(i -> i.isStatic() && !i.isAsterisk() && i.getName().getIdentifier().equals(name))
        .map(i -> i.getName().getQualifier().map(q -> q.getIdentifier()).orElse(""))
        .findFirst());
  }

  /** Whether a local is declared with a new object or array as its value ({@code T[] a = new T[n]}). */
  private static boolean madeHere(NameExpr local, CallableDeclaration<?> method) {
    return method.findAll(VariableDeclarator.class).stream()
        .anyMatch(v -> v.getNameAsString().equals(local.getNameAsString()) && v.getInitializer().isPresent()
            && (v.getInitializer().get() instanceof ObjectCreationExpr
                || v.getInitializer().get() instanceof com.github.javaparser.ast.expr.ArrayCreationExpr
                || v.getInitializer().get() instanceof com.github.javaparser.ast.expr.ArrayInitializerExpr));
  }

  private static boolean isLocal(String name, CallableDeclaration<?> method) {
    return method.findAll(Parameter.class).stream().anyMatch(p -> p.getNameAsString().equals(name))
        || method.findAll(VariableDeclarator.class).stream().anyMatch(v -> v.getNameAsString().equals(name));
  }

  /** The field a call's receiver chain starts at ({@code http}, {@code this.http}); empty for locals, parameters, types. */
  private static Optional<String> fieldReceiver(Expression scope, CallableDeclaration<?> method) {
    Expression current = scope;
    while (current instanceof MethodCallExpr inner) {
      current = inner.getScope().orElse(null);
    }
    if (current instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
      return Optional.of(access.getNameAsString());
    }
    if (current instanceof NameExpr name) {
      String n = name.getNameAsString();
      boolean local = method.findAll(Parameter.class).stream().anyMatch(p -> p.getNameAsString().equals(n))
          || method.findAll(VariableDeclarator.class).stream().anyMatch(v -> v.getNameAsString().equals(n));
      if (!local && fieldNamed(method, n).isPresent()) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }

  /**
   * A static field a constructor changes ({@code issued = issued + 1}, {@code ALL.add(this)}): every
   * object made changes its class, which calls made at once would race on.
   */
  private Optional<String> staticsChangedByConstruction(IndexedMethod constructor, String name) {
    Optional<CallableDeclaration<?>> declaration = sources.declaration(constructor);
    if (declaration.isEmpty()) {
      return Optional.of("optkit cannot read " + name + "'s source again");
    }
    for (Node node : declaration.get().findAll(Node.class)) {
      Expression target = null;
      if (node instanceof com.github.javaparser.ast.expr.AssignExpr assign) {
        target = assign.getTarget();
      } else if (node instanceof com.github.javaparser.ast.expr.UnaryExpr step && (step.getOperator().isPostfix()
          || step.getOperator() == com.github.javaparser.ast.expr.UnaryExpr.Operator.PREFIX_INCREMENT
          || step.getOperator() == com.github.javaparser.ast.expr.UnaryExpr.Operator.PREFIX_DECREMENT)) {
        target = step.getExpression();
      } else if (node instanceof MethodCallExpr call && !LoadAheadProof.READS.contains(call.getNameAsString())) {
        target = call.getScope().orElse(null);
      }
      String field = target instanceof NameExpr n ? n.getNameAsString()
          : target instanceof FieldAccessExpr f ? f.getNameAsString() : null;
      if (field != null && !isLocal(field, declaration.get())) {
        Optional<FieldDeclaration> declared = fieldNamed(node, field);
        if (declared.isPresent() && declared.get().isStatic()) {
          return Optional.of(name + " changes the static field " + field + " (" + node + "): each object made changes "
              + "its class, and calls made at once would race on it");
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<FieldDeclaration> fieldNamed(Node use, String name) {
    for (Node current = use; current != null; current = current.getParentNode().orElse(null)) {
      if (current instanceof TypeDeclaration<?> type) {
        for (var member : type.getMembers()) {
          if (member instanceof FieldDeclaration field
              && field.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(name))) {
            return Optional.of(field);
          }
        }
      }
    }
    return Optional.empty();
  }

  private Optional<CompilationUnit> unit(String path) {
    return sources.unit(path);
  }
}
