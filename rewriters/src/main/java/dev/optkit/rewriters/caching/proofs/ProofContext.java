package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.rules.CacheableReadMethodRule;
import dev.optkit.rewriters.caching.CacheForm;
import dev.optkit.rewriters.caching.MembersByType;
import dev.optkit.rewriters.caching.ProjectTraits;
import dev.optkit.rewriters.caching.WholeProject;
import dev.optkit.rewriters.caching.keys.KeyCoverage;
import dev.optkit.rewriters.caching.requests.OutsideCallers;
import dev.optkit.rewriters.caching.requests.SameRequest;
import dev.optkit.rewriters.caching.requests.SnapshotReads;
import dev.optkit.rewriters.caching.sharing.EntityResults;
import dev.optkit.rewriters.caching.sharing.ResultSharing;
import dev.optkit.rewriters.caching.spring.SpringBeans;
import dev.optkit.rewriters.caching.writers.DataWriters;
import dev.optkit.rewriters.caching.writers.ExportedRepositories;
import dev.optkit.rewriters.caching.writers.TestSlices;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the proofs read: the whole-project answers of one planner, built once per module and shared by every
 * candidate (several keep what they worked out, so the proofs ask the planner's own instances).
 *
 * @param springTooOld why the module's Spring is older than the generated configuration compiles against, if it is
 */
public record ProofContext(WholeProject whole, ProjectTraits traits, MembersByType members, SpringBeans springBeans,
    OutsideCallers outsideCallers, Optional<String> springTooOld, DataWriters dataWriters, ResultSharing sharing,
    SameRequest sameRequest, KeyCoverage keyCoverage, EntityResults entityResults, TestSlices slices,
    SnapshotReads snapshotReads, CacheLevels cacheLevels, ExportedRepositories exportedRepositories) {

  public ProjectIndex index() {
    return whole.index();
  }

  /** The candidate the proofs are asked about, its shared answers worked out when a proof first asks. */
  public Candidate candidate(IndexedMethod method, CacheForm form, List<String> selfCallers) {
    return new Candidate(method, form, selfCallers,
        () -> form == CacheForm.SPRING && (whole.openInViewOff() || entityResults.namesNoEntity(method)),
        () -> CacheableReadMethodRule.repositoryQueryMethod(index(), method),
        () -> sharing.immutable(method.fact().returnType()));
  }

  /** Whether a Spring Boot application is seen to run: what a reason may call Boot's default. */
  boolean bootApplication() {
    return !traits.applications().isEmpty() || whole.startup().bootApplicationInProject();
  }

  /**
   * A refusal that holds only because open-session-in-view is on says so: with it off, a self-call's change would
   * be to an object of its own, past the proxy (techmart's findCategoryById, changed by its own updateCategory).
   */
  Optional<String> inViewOnly(Candidate candidate, boolean bypassed, Optional<String> refusal,
      Supplier<Optional<String>> withViewOff) {
    if (bypassed || !candidate.spring() || withViewOff.get().isPresent()) {
      return refusal;
    }
    if (!sameRequest.mayProxyAndSelfCall(candidate.method())) {
      return Optional.empty(); // no request calls it through the proxy and through 'this' both (audit 16's S29)
    }
    return Optional.of(refusal.get() + " (through a call on 'this', so only because of "
        + whole.openInViewOn(bootApplication()) + ": the request's one persistence context makes the entity it changes "
        + "the instance a later cached call would answer; " + whole.openInViewOffHint(bootApplication()) + ")");
  }
}
