package dev.optkit.analyzers.index;

import dev.optkit.analyzers.facts.CallRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One walk over the project's call graph, breadth first, in one direction: what the proofs ask when they follow
 * callers up or calls down ("every method from which a chain of calls reaches this one", "the test methods calling
 * it, up to 8 callers away", "a method it reaches that the project caches itself").
 *
 * <p>Each method is met once, by identity, at its smallest depth and from the first method that reached it, in the
 * order of the edges ({@link ProjectIndex#callersOf}'s, a method's calls' and their targets'). A method the walk
 * {@linkplain #follow does not follow} into is never met; a method it {@linkplain #stopAt stops at} is met, counted
 * and listed, but its own edges are not followed; neither are those of a method at {@linkplain #maxDepth the
 * largest depth}. The walk is lazy: a caller that stops reading its steps stops the walk there.
 */
public final class CallWalk {
  /** Which edges a step follows from a method. */
  public enum Edges {
    /** {@link ProjectIndex#callersOf}: every project method that may call it, each once, in index order. */
    CALLERS,
    /** {@link ProjectIndex#calleesOf}: the call graph's callees, each once (another profile's beans left out). */
    CALLEES,
    /** Every target ({@link ProjectIndex#allTargetsOf}) of each of its method calls, in the order of its calls. */
    CALL_TARGETS,
    /**
     * The targets {@link ProjectIndex#targetsOf} gives each of its method calls (the method in the receiver's type or
     * its supertypes, and its overrides; an unknown receiver by a unique name), in the order of its calls.
     */
    TARGETS,
    /** As {@link #CALL_TARGETS}, then the targets of its constructor calls ({@code MethodFact.allCalls()}). */
    CALL_AND_CONSTRUCTOR_TARGETS
  }

  /**
   * A method the walk met.
   *
   * @param depth how many calls from a start (0 for a start itself)
   * @param from the method whose edge first reached it; null for a start
   */
  public record Step(IndexedMethod method, int depth, IndexedMethod from) {}

  private final ProjectIndex index;
  private final Edges edges;
  private final Predicate<IndexedMethod> follow;
  private final Predicate<IndexedMethod> stopAt;
  private final int maxDepth;
  private final int maxMethods;

  private CallWalk(ProjectIndex index, Edges edges, Predicate<IndexedMethod> follow, Predicate<IndexedMethod> stopAt,
      int maxDepth, int maxMethods) {
    this.index = index;
    this.edges = edges;
    this.follow = follow;
    this.stopAt = stopAt;
    this.maxDepth = maxDepth;
    this.maxMethods = maxMethods;
  }

  /** A walk over these edges, following every one, without limit. */
  public static CallWalk over(ProjectIndex index, Edges edges) {
    return new CallWalk(index, edges, method -> true, method -> false, Integer.MAX_VALUE, Integer.MAX_VALUE);
  }

  /** Up the callers ({@link Edges#CALLERS}). */
  public static CallWalk callers(ProjectIndex index) {
    return over(index, Edges.CALLERS);
  }

  /** Only into the methods that pass: the others are never met, counted or walked through. */
  public CallWalk follow(Predicate<IndexedMethod> into) {
    return new CallWalk(index, edges, follow.and(into), stopAt, maxDepth, maxMethods);
  }

  /** Meets a method that passes, but walks no further from it. */
  public CallWalk stopAt(Predicate<IndexedMethod> at) {
    return new CallWalk(index, edges, follow, stopAt.or(at), maxDepth, maxMethods);
  }

  /** Walks no further from the methods this many calls from a start (they are still met). */
  public CallWalk maxDepth(int depth) {
    return new CallWalk(index, edges, follow, stopAt, depth, maxMethods);
  }

  /** Meets at most this many methods (starts met by {@link #from} included), then ends. */
  public CallWalk maxMethods(int count) {
    return new CallWalk(index, edges, follow, stopAt, maxDepth, count);
  }

  /** The starts (at depth 0, each once, in order), then every method they reach. */
  public Stream<Step> from(Collection<IndexedMethod> starts) {
    return stream(new Walker(starts, true));
  }

  public Stream<Step> from(IndexedMethod start) {
    return from(List.of(start));
  }

  /**
   * Every method reached from the starts through at least one edge: the starts' own edges are followed first
   * (neither {@link #stopAt} nor {@link #maxMethods} counts a start), and a start is met only when the walk comes
   * back to it (a cycle), at that depth.
   */
  public Stream<Step> reachedFrom(Collection<IndexedMethod> starts) {
    return stream(new Walker(starts, false));
  }

  public Stream<Step> reachedFrom(IndexedMethod start) {
    return reachedFrom(List.of(start));
  }

  /** The methods of {@link #reachedFrom}, as a set by identity. */
  public Set<IndexedMethod> reachedSet(IndexedMethod start) {
    Set<IndexedMethod> reached = Collections.newSetFromMap(new IdentityHashMap<>());
    reachedFrom(start).forEach(step -> reached.add(step.method()));
    return reached;
  }

  private static Stream<Step> stream(Iterator<Step> steps) {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(steps, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  private List<IndexedMethod> edgesOf(IndexedMethod method) {
    return switch (edges) {
      case CALLERS -> index.callersOf(method);
      case CALLEES -> index.calleesOf(method);
      case CALL_TARGETS -> targets(method.fact().calls());
      case TARGETS -> method.fact().calls().stream().flatMap(call -> index.targetsOf(call).stream()).toList();
      case CALL_AND_CONSTRUCTOR_TARGETS -> targets(method.fact().allCalls());
    };
  }

  private List<IndexedMethod> targets(List<CallRef> calls) {
    List<IndexedMethod> targets = new ArrayList<>();
    for (CallRef call : calls) {
      targets.addAll(index.allTargetsOf(call));
    }
    return targets;
  }

  /** Breadth first: a method is queued once, when first reached, and met when it leaves the queue. */
  private final class Walker implements Iterator<Step> {
    private final Set<IndexedMethod> queued = Collections.newSetFromMap(new IdentityHashMap<>());
    private final ArrayDeque<Step> queue = new ArrayDeque<>();
    private int met;

    Walker(Collection<IndexedMethod> starts, boolean meetStarts) {
      for (IndexedMethod start : starts) {
        if (meetStarts) {
          if (queued.add(start)) {
            queue.add(new Step(start, 0, null));
          }
        } else {
          expand(new Step(start, 0, null));
        }
      }
    }

    @Override
    public boolean hasNext() {
      return !queue.isEmpty() && met < maxMethods;
    }

    @Override
    public Step next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Step step = queue.poll();
      met++;
      if (!stopAt.test(step.method())) {
        expand(step);
      }
      return step;
    }

    private void expand(Step step) {
      if (step.depth() >= maxDepth) {
        return;
      }
      for (IndexedMethod next : edgesOf(step.method())) {
        if (follow.test(next) && queued.add(next)) {
          queue.add(new Step(next, step.depth() + 1, step.method()));
        }
      }
    }
  }
}
