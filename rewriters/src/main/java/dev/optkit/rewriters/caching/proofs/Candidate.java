package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.rewriters.caching.CacheForm;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The read the proofs are asked about: the method, the form its cache would take, and what several proofs share,
 * each worked out once and only when a proof first asks (at the point of the chain it always was).
 */
public final class Candidate {
  private final IndexedMethod method;
  private final CacheForm form;
  private final List<String> selfCallers;
  private final Once bypassed;
  private final Once repositoryQuery;
  private final Once immutableResult;
  private final boolean named;
  private final Long ttlSeconds;

  Candidate(IndexedMethod method, CacheForm form, List<String> selfCallers, BooleanSupplier bypassed,
      BooleanSupplier repositoryQuery, BooleanSupplier immutableResult) {
    this(method, form, selfCallers, new Once(bypassed), new Once(repositoryQuery), new Once(immutableResult), false,
        null);
  }

  private Candidate(IndexedMethod method, CacheForm form, List<String> selfCallers, Once bypassed,
      Once repositoryQuery, Once immutableResult, boolean named, Long ttlSeconds) {
    this.method = method;
    this.form = form;
    this.selfCallers = List.copyOf(selfCallers);
    this.bypassed = bypassed;
    this.repositoryQuery = repositoryQuery;
    this.immutableResult = immutableResult;
    this.named = named;
    this.ttlSeconds = ttlSeconds;
  }

  /** The same candidate once its cache has a name and a policy, for {@link CachingProofs#ONCE_NAMED}. */
  public Candidate named(Long ttlSeconds) {
    return new Candidate(method, form, selfCallers, bypassed, repositoryQuery, immutableResult, true, ttlSeconds);
  }

  public IndexedMethod method() {
    return method;
  }

  public MethodFact fact() {
    return method.fact();
  }

  public CacheForm form() {
    return form;
  }

  public boolean spring() {
    return form == CacheForm.SPRING;
  }

  /** The methods of its object that call it through 'this' (a Spring bean's only: a plain cache sees them). */
  public List<String> selfCallers() {
    return selfCallers;
  }

  /**
   * Whether a self-call gets a fresh object past the proxy: a Spring cache, and no persistence context spanning the
   * request (open in view off) or no entity in the answer for it to manage.
   */
  public boolean bypassed() {
    return bypassed.get();
  }

  /** Whether it is a query method of a Spring Data repository interface, which the library implements. */
  public boolean repositoryQuery() {
    return repositoryQuery.get();
  }

  /** Whether its result type is immutable, so no caller can change the one object a cache shares. */
  public boolean immutableResult() {
    return immutableResult.get();
  }

  /** The TTL of the policy chosen for its cache; only once the cache is named. */
  public long ttlSeconds() {
    if (!named) {
      throw new IllegalStateException("no policy is chosen yet for " + method.fact().displayName());
    }
    return ttlSeconds;
  }

  /** A yes-or-no worked out on first asking, then kept. */
  private static final class Once {
    private final BooleanSupplier compute;
    private Boolean value;

    Once(BooleanSupplier compute) {
      this.compute = compute;
    }

    boolean get() {
      if (value == null) {
        value = compute.getAsBoolean();
      }
      return value;
    }
  }
}
