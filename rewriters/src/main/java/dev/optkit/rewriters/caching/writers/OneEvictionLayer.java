package dev.optkit.rewriters.caching.writers;

import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.index.WebEntryPoints;
import dev.optkit.analyzers.source.SourceSet;
import dev.optkit.rewriters.caching.CacheForm;
import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.WholeProject;
import dev.optkit.analyzers.index.Transactions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evict at one layer: a write reaching a cache through a service method and the DAO method it calls
 * evicts once, on the outermost method every write path crosses, instead of on both. A writer's
 * eviction of a cache is dropped when the writer has production callers and every production path
 * to it goes through another method that evicts the same cache (transitively); it stays when any
 * path is not covered, when nothing visible calls it (controllers, {@code @Scheduled} jobs and
 * listeners are called by the framework), when a call on the way is deferred or may be unseen, and
 * on a cycle.
 *
 * <p>Why dropping the inner eviction keeps the cache correct: the covering method calls the writer
 * inline, so its own eviction runs after the inner write, never before it. Spring's
 * {@code @CacheEvict} runs after the invocation (and, transaction-aware, after the commit of the
 * transaction the write joined), so moving it outward only makes it later; the plain Java form
 * invalidates in a {@code finally} after the whole outer body, so the same holds, and the write
 * counter beside the cache still drops a value loaded across the write. Plain Java writers never run
 * in a transaction (those are refused), and this class checks that again rather than rely on it.
 * Spring skips an after-invocation eviction when the method throws, so for Spring caches the outer
 * method covers the inner one only when any exception it throws also rolls the inner write back
 * ({@code @Transactional}, no checked exceptions declared); otherwise both evict.
 */
public final class OneEvictionLayer {
  /** Annotations under which the framework calls a method, besides the web and listener ones. */
  private static final Set<String> FRAMEWORK_CALLED = Set.of(
      "Scheduled", "Schedules", "PostConstruct", "PreDestroy", "EventListener", "TransactionalEventListener",
      "Bean", "Async");
  /** Past this many methods above a writer, optkit does not try to prove every path is covered. */
  private static final int MAX_METHODS_ABOVE = 2_000;

  private final ProjectIndex index;
  private final Transactions transactions;
  private final WriterEvictions writerEvictions;
  private Set<String> unresolvedCallNames;

  public OneEvictionLayer(WholeProject whole, WriterEvictions writerEvictions) {
    this.index = whole.index();
    this.transactions = whole.transactions();
    this.writerEvictions = writerEvictions;
  }

  /** The targets, each without the evictions that a method above them already makes. */
  public List<CachingTarget> outermost(List<CachingTarget> targets) {
    List<CachingTarget> result = new ArrayList<>();
    for (CachingTarget target : targets) {
      Set<IndexedMethod> evicting = Collections.newSetFromMap(new IdentityHashMap<>());
      target.evictions().forEach(e -> evicting.add(e.writer()));
      List<CachingTarget.Eviction> kept = target.evictions().stream()
          .filter(e -> !evictedAbove(target, e.writer(), evicting)).toList();
      result.add(kept.size() == target.evictions().size() ? target : target.withEvictions(kept));
    }
    return result;
  }

  /** Whether every production path to the writer crosses another method evicting the same cache. */
  private boolean evictedAbove(CachingTarget target, IndexedMethod writer, Set<IndexedMethod> evicting) {
    if (calledByTheFramework(writer) || mayBeCalledUnseen(writer) || commitsOnItsOwn(writer)) {
      return false;
    }
    // plain Java has no after-commit hook: an invalidation moved outward must not end up inside a transaction
    if (target.form() == CacheForm.PLAIN && transactions.inTransaction(writer).isPresent()) {
      return false;
    }
    if (cycleOrTooManyAbove(writer)) {
      return false;
    }
    return covered(writer, target, evicting, new IdentityHashMap<>());
  }

  /** Every path above the method reaches an evicting method before a root, with nothing deferred on the way. */
  private boolean covered(IndexedMethod method, CachingTarget target, Set<IndexedMethod> evicting,
      Map<IndexedMethod, Boolean> known) {
    Boolean answer = known.get(method);
    if (answer != null) {
      return answer;
    }
    boolean result = coveredNow(method, target, evicting, known);
    known.put(method, result);
    return result;
  }

  private boolean coveredNow(IndexedMethod method, CachingTarget target, Set<IndexedMethod> evicting,
      Map<IndexedMethod, Boolean> known) {
    List<IndexedMethod> callers = new ArrayList<>();
    for (IndexedMethod caller : index.callersOf(method)) {
      if (SourceSet.isTestPath(caller.path())) {
        if (writerEvictions.readsBackThroughTheCache(caller, target.method())) {
          return false; // a test writing through this path and reading back: nothing above it evicts
        }
        continue;
      }
      if (callsLater(caller, method)) {
        return false;
      }
      callers.add(caller);
    }
    if (callers.isEmpty()) {
      return false; // a root: the framework, reflection or another process calls it, and nothing above evicts
    }
    for (IndexedMethod caller : callers) {
      if (evicting.contains(caller)) {
        if (async(caller)) {
          return false; // its proxy may return, and evict, before the body that writes has run
        }
        if (target.form() == CacheForm.SPRING && !rollsBackOnAnyException(caller)) {
          return false; // it may throw after the inner write returned: Spring would skip its eviction
        }
        continue;
      }
      if (calledByTheFramework(caller) || mayBeCalledUnseen(caller) || !covered(caller, target, evicting, known)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Spring skips an after-invocation eviction when the method throws. That loses nothing only when
   * the exception also undoes the inner write: the method runs in a transaction the write joins, and
   * throws no checked exception (which Spring commits by default).
   */
  private boolean rollsBackOnAnyException(IndexedMethod method) {
    String propagation = transactions.propagationOf(method);
    return transactions.declared(method) && method.fact().modifiers().thrown().stream().allMatch(this::unchecked)
        && (propagation.isEmpty() || propagation.endsWith("REQUIRED") && !propagation.endsWith("REQUIRES_NEW")
            || propagation.endsWith("MANDATORY"))
        && !transactions.commitsForSomeExceptions(method);
  }

  /**
   * A writer that commits on its own ({@code REQUIRES_NEW}, {@code NOT_SUPPORTED}, {@code NEVER},
   * {@code NESTED}'s savepoint aside): the outer method's rollback would not undo its write.
   */
  private boolean commitsOnItsOwn(IndexedMethod writer) {
    String propagation = transactions.propagationOf(writer);
    return propagation.endsWith("REQUIRES_NEW") || propagation.endsWith("NOT_SUPPORTED")
        || propagation.endsWith("NEVER") || propagation.endsWith("NESTED");
  }

  private static final Set<String> UNCHECKED = Set.of("java.lang.RuntimeException", "java.lang.Error",
      "java.lang.IllegalArgumentException", "java.lang.IllegalStateException", "java.lang.UnsupportedOperationException",
      "java.lang.NullPointerException", "java.lang.SecurityException");

  /** An exception type Spring rolls back for: a runtime exception or an error (Spring's DataAccessException too). */
  private boolean unchecked(String type) {
    return UNCHECKED.contains(type) || type.startsWith("org.springframework.dao.")
        || index.supertypesOf(type).stream().anyMatch(UNCHECKED::contains);
  }

  /** A call to the method that runs after the caller returns: a task, a stored or returned lambda. */
  private boolean callsLater(IndexedMethod caller, IndexedMethod callee) {
    if (WriterEvictions.deferredCode(caller.fact().returnType())) {
      return true; // it may hand the write out to run later (return () -> dao.save(x))
    }
    for (CallRef call : caller.fact().calls()) {
      if (call.deferred() && call.name().equals(callee.fact().name()) && index.allTargetsOf(call).contains(callee)) {
        return true;
      }
    }
    return false;
  }

  private boolean calledByTheFramework(IndexedMethod method) {
    return async(method) || index.webEntryPoints().whyEntryPoint(method).isPresent()
        || WebEntryPoints.hasEntryAnnotation(method.fact())
        || method.fact().annotations().stream().anyMatch(a -> FRAMEWORK_CALLED.contains(simple(a)) || simple(a).endsWith("Listener")
            || simple(a).endsWith("Handler"));
  }

  private static boolean async(IndexedMethod method) {
    return method.fact().annotations().stream().anyMatch(a -> simple(a).equals("Async"));
  }

  /**
   * Calls the call graph may not show: a call whose receiver type nobody could tell (the graph links
   * it only to a name unique in the project), or a field initialiser naming it ({@code Consumer<Owner> save =
   * dao::save}, {@code Renamer renamer = this::rename}), which is no method.
   */
  private boolean mayBeCalledUnseen(IndexedMethod method) {
    if (unresolvedCallNames == null) {
      Set<String> names = new HashSet<>();
      for (IndexedMethod caller : index.methods()) {
        for (CallRef call : caller.fact().calls()) {
          // a call on what a getter returned is typed by the index (its declared type), or was opaque before: not unseen
          if (call.receiverType() == null && (call.receivedFrom() == null
              || call.receivedFromField() && index.receivedType(call) == null) && index.targetsOf(call).isEmpty()) {
            names.add(call.name());
          }
        }
      }
      unresolvedCallNames = names;
    }
    if (unresolvedCallNames.contains(method.fact().name())) {
      return true;
    }
    return writerEvictions.members().namedInFieldCode(method) || writerEvictions.members().holdsCode(method);
  }

  /** Whether the methods above the writer loop back (recursion) or are too many to follow. */
  private boolean cycleOrTooManyAbove(IndexedMethod writer) {
    Set<IndexedMethod> done = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<IndexedMethod> onPath = Collections.newSetFromMap(new IdentityHashMap<>());
    return loopsAbove(writer, done, onPath);
  }

  private boolean loopsAbove(IndexedMethod method, Set<IndexedMethod> done, Set<IndexedMethod> onPath) {
    if (onPath.contains(method)) {
      return true;
    }
    if (!done.add(method)) {
      return false;
    }
    if (done.size() > MAX_METHODS_ABOVE) {
      return true;
    }
    onPath.add(method);
    for (IndexedMethod caller : index.callersOf(method)) {
      if (!SourceSet.isTestPath(caller.path()) && loopsAbove(caller, done, onPath)) {
        return true;
      }
    }
    onPath.remove(method);
    return false;
  }

  private static String simple(String annotation) {
    return annotation.substring(annotation.lastIndexOf('.') + 1);
  }
}
