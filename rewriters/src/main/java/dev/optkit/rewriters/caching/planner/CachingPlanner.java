package dev.optkit.rewriters.caching.planner;

import dev.optkit.analyzers.proof.Reason;
import dev.optkit.analyzers.rules.FailureAnswerReads;
import dev.optkit.rewriters.caching.CacheForm;
import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.MembersByType;
import dev.optkit.rewriters.caching.ProjectTraits;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.caching.WholeProject;
import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.rewriters.caching.backends.PlainRedisBackend;
import dev.optkit.rewriters.caching.backends.SingleInstance;
import dev.optkit.rewriters.caching.sharing.EntityResults;
import dev.optkit.rewriters.caching.keys.CappedSizes;
import dev.optkit.rewriters.caching.keys.ClientSizedKeys;
import dev.optkit.rewriters.caching.keys.KeyCoverage;
import dev.optkit.rewriters.caching.requests.OutsideCallers;
import dev.optkit.rewriters.caching.requests.SameRequest;
import dev.optkit.rewriters.caching.requests.SnapshotReads;
import dev.optkit.rewriters.caching.sharing.ResultSharing;
import dev.optkit.rewriters.caching.spring.SpringBeans;
import dev.optkit.rewriters.caching.spring.SpringVersionFloor;
import dev.optkit.rewriters.caching.proofs.CacheLevels;
import dev.optkit.rewriters.caching.proofs.CachingProofs;
import dev.optkit.rewriters.caching.proofs.Candidate;
import dev.optkit.rewriters.caching.proofs.ProofContext;
import dev.optkit.rewriters.caching.proofs.WriterObligationsProof;
import dev.optkit.rewriters.caching.writers.DataWriters;
import dev.optkit.rewriters.caching.writers.ExportedRepositories;
import dev.optkit.rewriters.caching.writers.OneEvictionLayer;
import dev.optkit.rewriters.caching.writers.TestSlices;
import dev.optkit.rewriters.caching.writers.WriterEvictions;
import dev.optkit.analyzers.proof.Proof;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, for each cacheable-read finding, whether and how to cache it: the idiom, the policy,
 * the evictions, and what a reviewer must be warned about. Everything it refuses comes with a reason.
 */
public final class CachingPlanner {

  /** What the planner decided. */
  public record Plan(List<CachingTarget> targets, List<Refusal> refusals) {}

  private final WholeProject whole;
  private final ProjectIndex index;
  private final OptkitConfig config;
  private final ProjectTraits traits;

  private final MembersByType members;
  private final WriterEvictions writerEvictions;
  private final CacheLevels cacheLevels;
  /** What the proofs of a read ({@link CachingProofs}) ask. */
  private final ProofContext proofs;
  /** The writers of a read's data, asked last: the evictions they oblige, or why one cannot evict. */
  private final WriterObligationsProof writerObligations;

  public CachingPlanner(ProjectIndex index, OptkitConfig config, ProjectTraits traits) {
    this(index, config, traits, path -> true, Set.of());
  }

  /**
   * @param inModule the files of the module being migrated: writers elsewhere run in another process
   * @param acceptStale methods ({@code Class.method}, simple or qualified class) to cache even though some
   *     writer of their data cannot evict them: their TTL is then the only bound on stale reads
   */
  public CachingPlanner(ProjectIndex index, OptkitConfig config, ProjectTraits traits,
      java.util.function.Predicate<String> inModule, Set<String> acceptStale) {
    this(new WholeProject(index), config, traits, inModule, acceptStale);
  }

  /** @param whole the answers about the whole project, shared by the planners of one migration's modules */
  public CachingPlanner(WholeProject whole, OptkitConfig config, ProjectTraits traits,
      java.util.function.Predicate<String> inModule, Set<String> acceptStale) {
    this.whole = whole;
    this.index = whole.index();
    this.config = config;
    this.traits = traits;
    SingleInstance singleInstance = new SingleInstance(index);
    this.members = new MembersByType(index, whole::neverRuns);
    DataWriters dataWriters = new DataWriters(whole, members);
    SpringBeans springBeans = new SpringBeans(index, traits, whole.startup(), whole::unitMentioning);
    this.writerEvictions = new WriterEvictions(whole, traits, inModule, members, springBeans);
    ResultSharing sharing = new ResultSharing(index, whole::declaration);
    SameRequest sameRequest = new SameRequest(whole, sharing);
    Optional<String> springTooOld = SpringVersionFloor.whyTooOld(traits.pom(), index.libraryVersions(),
        config.cache().redis());
    OutsideCallers outsideCallers = new OutsideCallers(index);
    Optional<PlainRedisBackend> plainRedis = PlainRedisBackend.of(traits, config);
    KeyCoverage keyCoverage = new KeyCoverage(index);
    EntityResults entityResults = new EntityResults(index, sharing, whole);
    TestSlices slices = new TestSlices(index, traits);
    SnapshotReads snapshotReads = new SnapshotReads(whole, traits, m -> form(m) == CacheForm.SPRING);
    this.cacheLevels = new CacheLevels(index, m -> form(m) == CacheForm.SPRING, whole::templatesMention);
    ExportedRepositories exportedRepositories = new ExportedRepositories(index, traits, whole.restExportsAnnotatedOnly());
    this.proofs = new ProofContext(whole, traits, members, springBeans, outsideCallers, springTooOld, dataWriters,
        sharing, sameRequest, keyCoverage, entityResults, slices, snapshotReads, cacheLevels, exportedRepositories);
    this.writerObligations = new WriterObligationsProof(whole, dataWriters, writerEvictions, singleInstance, plainRedis,
        acceptStale, traits.root());
  }

  public Plan plan(List<Finding> candidates) {
    List<CachingTarget> targets = new ArrayList<>();
    List<Refusal> refusals = new ArrayList<>();
    Set<String> usedNames = new java.util.HashSet<>(whole.optkitCacheNames());
    for (Finding finding : candidates) {
      Optional<IndexedMethod> method = locate(finding);
      if (method.isEmpty()) {
        refusals.add(new Refusal(finding, Proof.METHOD_NOT_FOUND, "the method could not be found again in " + finding.path()));
        continue;
      }
      Candidate candidate = candidate(method.get());
      CacheForm form = candidate.form();
      List<String> selfCallers = candidate.selfCallers();
      Optional<Reason> refused = CachingProofs.firstRefusal(CachingProofs.BEFORE_NAMING, proofs, candidate);
      if (refused.isPresent()) {
        refusals.add(new Refusal(finding, refused.get()));
        continue;
      }
      MethodFact fact = method.get().fact();
      List<String> warnings = new ArrayList<>();
      if (!selfCallers.isEmpty()) {
        warnings.add("calls from " + String.join(", ", selfCallers) + " go through 'this' and bypass the cache "
            + "(self-invocation, Sonar S6809): call it through the bean instead");
      }
      String simpleOwner = fact.ownerType().substring(fact.ownerType().lastIndexOf('.') + 1);
      // cache names are global in a Spring context: qualify when two classes share a simple name
      String owner = simpleNameShared(simpleOwner) ? fact.ownerType() : simpleOwner;
      String base = "optkit." + owner + "." + fact.name() + (overloaded(fact) ? "(" + String.join(",",
          fact.params().stream().map(p -> dev.optkit.analyzers.facts.types.TypeNames.withoutArguments(p.type())).toList()) + ")" : "");
      String cacheName = base;
      for (int n = 2; usedNames.contains(cacheName); n++) {
        cacheName = base + n;
      }
      usedNames.add(cacheName);
      PolicyChoice.Choice policy = PolicyChoice.of(config, finding, fact, index);
      Candidate named = candidate.named(policy.policy().ttlSeconds());
      Optional<Reason> snapshot = CachingProofs.firstRefusal(CachingProofs.ONCE_NAMED, proofs, named);
      if (snapshot.isPresent()) {
        refusals.add(new Refusal(finding, snapshot.get()));
        continue;
      }
      WriterObligationsProof.Verdict writers = writerObligations.check(named);
      if (writers instanceof WriterObligationsProof.Refused refusedByWriters) {
        refusals.add(new Refusal(finding, refusedByWriters.reason()));
        continue;
      }
      Optional<Reason> guard = CachingProofs.firstRefusal(CachingProofs.ONCE_EVICTED, proofs, named);
      if (guard.isPresent()) {
        refusals.add(new Refusal(finding, guard.get()));
        continue;
      }
      WriterObligationsProof.Holds obligations = (WriterObligationsProof.Holds) writers;
      warnings.addAll(obligations.warnings());
      // a failure's null answer is never stored, so the call after the failure tries again (assess refused every
      // other stand-in: FailureAnswerReads)
      boolean keepsNoNull = FailureAnswerReads.of(index, method.get()) instanceof FailureAnswerReads.Verdict.NoValue;
      targets.add(new CachingTarget(finding, method.get(), form, policy.name(), policy.policy(), cacheName,
          obligations.evictions(), List.copyOf(warnings), obligations.acceptedStale(), List.of(), null, policy.basis(),
          obligations.clearedForTests(), obligations.offInTests(), keepsNoNull));
    }
    return OutermostTargets.keep(index, new OneEvictionLayer(whole, writerEvictions).outermost(
        new ClientSizedKeys(index, new CappedSizes(whole)::capped).bound(targets, refusals)), refusals);
  }

  /** A read as its proofs see it: the form its cache would take, and the methods of its bean calling it through 'this'. */
  public Candidate candidate(IndexedMethod method) {
    CacheForm form = form(method);
    return proofs.candidate(method, form, form == CacheForm.SPRING ? members.selfCallers(method) : List.of());
  }

  /** What this planner's proofs read, for asking one of them alone. */
  public ProofContext proofContext() {
    return proofs;
  }

  /** The writers' proof, asked last, for asking it alone. */
  public WriterObligationsProof writerObligations() {
    return writerObligations;
  }

  private boolean simpleNameShared(String simpleName) {
    return index.typesNamed(simpleName).size() > 1;
  }

  private Optional<IndexedMethod> locate(Finding finding) {
    return members.at(finding.enclosingClass(), finding.path(), finding.line());
  }

  private boolean overloaded(MethodFact fact) {
    return index.methods(fact.ownerType(), fact.name()).size() > 1;
  }

  private CacheForm form(IndexedMethod method) {
    MethodFact fact = method.fact();
    if (!traits.spring() || fact.isStatic() || !fact.modifiers().isPublic() || CacheForm.isFuture(fact.returnType())
        || fact.modifiers().isFinal()) {
      return CacheForm.PLAIN;
    }
    TypeFact owner = index.type(fact.ownerType()).orElseThrow();
    if (dev.optkit.analyzers.rules.CacheableReadMethodRule.repositoryQueryMethod(index, method)) {
      return CacheForm.SPRING; // the repository's proxy applies it
    }
    boolean bean = SpringBeans.stereotyped(owner);
    // a final class cannot be subclassed for Spring's proxy: its cache lives in a field instead
    return bean && !owner.isFinal() && !owner.kind().equals("record") ? CacheForm.SPRING : CacheForm.PLAIN;
  }
}
