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
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.SourceRange;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.parse.LanguageLevels;
import dev.optkit.rewriters.edit.SourceDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
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
  private static final Set<String> THREAD_BOUND = Set.of("ThreadLocal", "InheritableThreadLocal", "MDC",
      "ThreadContext", "SecurityContextHolder", "RequestContextHolder", "LocaleContextHolder",
      "TransactionSynchronizationManager", "TransactionTemplate", "EntityManager", "Session", "Connection");

  /** Library clients whose calls may run from many threads at once. */
  static final Set<String> THREAD_SAFE = Set.of("HttpClient", "CloseableHttpClient", "RestTemplate", "RestClient",
      "WebClient", "OkHttpClient", "ObjectMapper", "ObjectReader", "ObjectWriter", "Gson", "Pattern",
      "DateTimeFormatter", "JsonMapper", "XmlMapper");

  /** A root token naming a parameter ({@code p0}), alone or as a call's receiver ({@code c3:1:get@p0}). */
  private static final java.util.regex.Pattern PARAMETER_ROOT = java.util.regex.Pattern.compile("(^|[|@,])p\\d");

  private final ProjectIndex index;
  private final Path scanRoot;
  private final Map<String, Optional<CompilationUnit>> parsed = new HashMap<>();

  ConcurrentCalls(ProjectIndex index, Path scanRoot) {
    this.index = index;
    this.scanRoot = scanRoot;
  }

  /** Why the method may not run on a pool thread, or empty when it may. */
  Optional<String> whyNot(IndexedMethod target) {
    return whyNot(target, DEPTH, new java.util.HashSet<>());
  }

  private Optional<String> whyNot(IndexedMethod target, int depth, Set<IndexedMethod> seen) {
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
      return Optional.of(name + " reads the caller's own context (" + perUser.get() + ")");
    }
    for (IoSite site : fact.ioSites()) {
      if (site.access() != Access.READ) {
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
    if (!fact.parameterMutations().isEmpty()) {
      return Optional.of(name + " changes " + (fact.parameterMutations().get(0).parameter() < 0 ? "its object or class"
          : "what it is given") + " (" + fact.parameterMutations().get(0).how() + ")");
    }
    for (MethodFact.ResultMutation change : fact.resultMutations()) {
      String roots = change.rootsOrUnknown();
      if (roots.isEmpty() || roots.contains("this") || roots.contains("?") || PARAMETER_ROOT.matcher(roots).find()) {
        return Optional.of(name + " changes what " + change.call() + "() returns to it (" + change.how()
            + "), which may be shared");
      }
    }
    Optional<String> body = bodyProblem(target, name);
    if (body.isPresent()) {
      return body;
    }
    for (CallRef call : fact.calls()) {
      for (IndexedMethod callee : index.allTargetsOf(call)) {
        if (callee.fact().isConstructor()) {
          continue; // a new object of the project's: made for this call (its constructor's reads are its own)
        }
        Optional<String> deeper = whyNot(callee, depth - 1, seen);
        if (deeper.isPresent()) {
          return Optional.of(name + " calls " + deeper.get());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * What the facts do not tell, read from the method's source: a call on a field whose type may not
   * be used from several threads at once (a SimpleDateFormat, a HashMap), and thread-bound state.
   */
  private Optional<String> bodyProblem(IndexedMethod target, String name) {
    Optional<CallableDeclaration<?>> declaration = declaration(target);
    if (declaration.isEmpty()) {
      return Optional.of("optkit cannot read " + name + "'s source again");
    }
    CallableDeclaration<?> method = declaration.get();
    for (Node node : method.findAll(Node.class)) {
      String named = node instanceof NameExpr n ? n.getNameAsString()
          : node instanceof ClassOrInterfaceType t ? t.getNameAsString() : null;
      if (named != null && THREAD_BOUND.contains(named)) {
        return Optional.of(name + " uses " + named + ", state bound to the calling thread");
      }
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
      boolean project = !index.typesNamed(type).isEmpty();
      if (!declared.get().isFinal() || !project && !THREAD_SAFE.contains(type) && !LoopProof.IMMUTABLE.contains(type)) {
        return Optional.of(name + " calls " + call.getNameAsString() + "() on field " + field.get() + " (" + type
            + "), " + (declared.get().isFinal() ? "which optkit does not know to be safe from several threads at once"
                : "which is not final"));
      }
    }
    return Optional.empty();
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

  private Optional<CallableDeclaration<?>> declaration(IndexedMethod target) {
    Optional<CompilationUnit> unit = parsed.computeIfAbsent(target.path(), path -> {
      try {
        return LanguageLevels.parse(SourceDocument.decode(Files.readAllBytes(scanRoot.resolve(path))).text());
      } catch (IOException e) {
        return Optional.empty();
      }
    });
    SourceRange range = target.fact().range();
    return unit.flatMap(u -> {
      for (CallableDeclaration<?> callable : u.<CallableDeclaration<?>>findAll(castCallable())) {
        if (callable.getBegin().isPresent() && callable.getBegin().get().line == range.line()) {
          return Optional.of(callable);
        }
      }
      return Optional.empty();
    });
  }

  @SuppressWarnings("unchecked")
  private static Class<CallableDeclaration<?>> castCallable() {
    return (Class<CallableDeclaration<?>>) (Class<?>) CallableDeclaration.class;
  }
}
