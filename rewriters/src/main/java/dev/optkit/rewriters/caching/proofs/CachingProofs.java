package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.proof.Reason;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one place the planner's proofs of a read are registered, in the order they are asked: the first that does not
 * hold is the refusal, so the order is part of what migrate decides (a cache that would never apply is said before
 * what caching it would risk; the request and the method's own writes before its data; a Spring proxy's start-up
 * before the writers). The writers of its data, and whether each can evict it, the planner asks after these.
 */
public final class CachingProofs {
  private CachingProofs() {}

  /** Asked before the cache is named. */
  public static final List<MethodProof> BEFORE_NAMING = List.of(
      new SelfInvocationProof(),
      new SpringTooOldProof(),
      new JavaReleaseProof(),
      new RequestHandlerProof(),
      new WebResultProof(),
      new OwnWriteProof(),
      new PerUserProof(),
      new SecretParameterProof(),
      new CachedBelowProof(),
      new RepositoryDefaultMethodProof(),
      new LoginProof(),
      new SecretInAnswerProof(),
      new ProjectCacheBelowProof(),
      new CachedCallerProof(),
      new ResultChangedProof(),
      new SharedByCopyProof(),
      new HandedOnProof(),
      new UncalledQueryProof(),
      new KeyMissesStateProof(),
      new NotInAClassProof(),
      new KeyInInnerClassProof(),
      new SubclassedProof(),
      new GenericMethodProof(),
      new EntityResultProof(),
      new SameRequestProof(),
      new RepositoryWithoutSpringProof(),
      new TestSliceCachingProof(),
      new ReactiveResultProof(),
      new ProxyClashProof(),
      new SeveralBeansProof(),
      new OutsideComponentScanProof());

  /**
   * Asked once the cache has its name and policy ({@link Candidate#named}): a scheduled poll's staleness is the
   * policy's TTL. A read these refuse keeps the name it was given, as it always did, so the names of the reads after
   * it do not change.
   */
  public static final List<MethodProof> ONCE_NAMED = List.of(
      new TransactionSnapshotProof(),
      new EntitySnapshotProof(),
      new ExportedRepositoryProof(),
      new ScheduledPollProof(),
      new CopiedKeyProof(),
      new PrivateListenerProof(),
      new FieldReadElsewhereProof());

  /**
   * Asked last, once the writers of its data can evict it ({@link WriterObligationsProof}): a check only writers read
   * is refused where nothing before has a reason of its own (a transaction's snapshot, a writer that cannot evict),
   * and so is a read nothing calls, whose other reasons say more to whoever comes to call it.
   */
  public static final List<MethodProof> ONCE_EVICTED = List.of(new GuardsWritesProof(),
      new UncalledBesideHandlersProof());

  /** Every proof, in the order the planner asks them. */
  public static List<MethodProof> all() {
    return Stream.of(BEFORE_NAMING, ONCE_NAMED, ONCE_EVICTED).flatMap(List::stream).toList();
  }

  /** The reason of the first of {@code proofs} that does not hold for the candidate, or empty when all hold. */
  public static Optional<Reason> firstRefusal(List<MethodProof> proofs, ProofContext context, Candidate candidate) {
    for (MethodProof proof : proofs) {
      Optional<Reason> refused = proof.check(context, candidate);
      if (refused.isPresent()) {
        return refused;
      }
    }
    return Optional.empty();
  }
}
