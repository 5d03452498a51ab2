package dev.optkit.rewriters.caching.planner;

import dev.optkit.analyzers.proof.Reason;
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
import dev.optkit.analyzers.source.SourceSet;
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
import dev.optkit.rewriters.caching.SpringXmlScans;
import dev.optkit.rewriters.caching.proofs.CacheLevels;
import dev.optkit.rewriters.caching.proofs.CachingProofs;
import dev.optkit.rewriters.caching.proofs.Candidate;
import dev.optkit.rewriters.caching.proofs.ProofContext;
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

  private final java.util.function.Predicate<String> inModule;
  private final Set<String> acceptStale;
  private final SingleInstance singleInstance;
  private final MembersByType members;
  private final DataWriters dataWriters;
  private final WriterEvictions writerEvictions;
  private final CacheLevels cacheLevels;
  /** What the proofs of a read ({@link CachingProofs}) ask. */
  private final ProofContext proofs;
  /** Methods XML configuration calls by name ({@code <task:scheduled method="...">}): callers the call graph lacks. */
  private Set<String> xmlCalledMethods;

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
    this.inModule = inModule;
    this.acceptStale = Set.copyOf(acceptStale);
    this.singleInstance = new SingleInstance(index);
    this.members = new MembersByType(index, whole::neverRuns);
    this.dataWriters = new DataWriters(whole, members);
    SpringBeans springBeans = new SpringBeans(index, traits, whole.startup(), whole::unitMentioning);
    this.writerEvictions = new WriterEvictions(whole, traits, inModule, members, springBeans);
    ResultSharing sharing = new ResultSharing(index, whole::declaration);
    SameRequest sameRequest = new SameRequest(whole, sharing);
    Optional<String> springTooOld = SpringVersionFloor.whyTooOld(traits.pom(), index.libraryVersions(),
        config.cache().redis());
    OutsideCallers outsideCallers = new OutsideCallers(index);
    this.plainRedis = PlainRedisBackend.of(traits, config);
    KeyCoverage keyCoverage = new KeyCoverage(index);
    EntityResults entityResults = new EntityResults(index, sharing, whole);
    TestSlices slices = new TestSlices(index, traits);
    SnapshotReads snapshotReads = new SnapshotReads(whole, traits, m -> form(m) == CacheForm.SPRING);
    this.cacheLevels = new CacheLevels(index, m -> form(m) == CacheForm.SPRING);
    ExportedRepositories exportedRepositories = new ExportedRepositories(index, traits, whole.restExportsAnnotatedOnly());
    this.proofs = new ProofContext(whole, traits, members, springBeans, outsideCallers, springTooOld, dataWriters,
        sharing, sameRequest, keyCoverage, entityResults, slices, snapshotReads, cacheLevels, exportedRepositories);
  }

  /** The redis backend for plain caches, when the module has it (PlainRedisBackend). */
  private final Optional<PlainRedisBackend> plainRedis;

  /** Whether this plain method's cache is one in Redis, shared by every object of its class. */
  private boolean sharedInRedis(IndexedMethod method) {
    return plainRedis.isPresent() && plainRedis.get().whyNotShared(method, whole).isEmpty();
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
          fact.params().stream().map(p -> p.type().replaceAll("<.*>", "")).toList()) + ")" : "");
      String cacheName = base;
      for (int n = 2; usedNames.contains(cacheName); n++) {
        cacheName = base + n;
      }
      usedNames.add(cacheName);
      PolicyChoice.Choice policy = PolicyChoice.of(config, finding, fact, index);
      Optional<Reason> snapshot = CachingProofs.firstRefusal(CachingProofs.ONCE_NAMED, proofs,
          candidate.named(policy.policy().ttlSeconds()));
      if (snapshot.isPresent()) {
        refusals.add(new Refusal(finding, snapshot.get()));
        continue;
      }
      List<CachingTarget.Eviction> evictions = new ArrayList<>();
      List<IndexedMethod> clearedForTests = new ArrayList<>(), offInTests = new ArrayList<>();
      List<String> unmatched = new ArrayList<>();
      for (DataWriters.Writer writer : dataWriters.of(method.get())) {
        if (form == CacheForm.PLAIN && !fact.isStatic() && !sharedInRedis(method.get())
            && writerEvictions.seedsBeforeTests(writer.method())) {
          continue; // a test's set-up writes before it builds the object whose own cache it then reads
        }
        if (SourceSet.isTestPath(writer.method().path()) && !writerEvictions.readsBackThroughTheCache(writer.method(), method.get())) {
          continue; // a test class that writes the data but never reads it through the cached method
        }
        // a test's set-up: the caches are emptied after it, before the test (asked once: its answer is the reason too)
        boolean springTestWriter = form == CacheForm.SPRING && SourceSet.isTestPath(writer.method().path());
        Optional<String> notCleared = springTestWriter
            ? writerEvictions.whyNotClearedForTests(writer.method(), method.get()) : Optional.empty();
        if (springTestWriter && notCleared.isEmpty() && !writer.deferred()) {
          clearedForTests.add(writer.method());
          continue;
        }
        if (springTestWriter && writerEvictions.canTurnOffInTests(writer.method())) {
          offInTests.add(writer.method()); // written inside a test, no eviction follows: caches off in tests (trial 88)
          continue;
        }
        Optional<List<IndexedMethod>> withSelfCallers = writer.deferred() ? Optional.empty()
            : writerEvictions.evictingWithSelfCallers(form, method.get(), writer.method(), new java.util.HashSet<>());
        if (withSelfCallers.isPresent()) {
          // evicts itself, and so do the methods of its object that call it through 'this' (a public overload
          // delegating to it), whose proxies are where those calls come in
          withSelfCallers.get().forEach(carrier -> evictions.add(new CachingTarget.Eviction(carrier)));
          continue;
        }
        Optional<WriterEvictions.CannotEvict> cannot = writer.deferred()
            ? Optional.of(WriterEvictions.CannotEvict.of("the write runs later, in another task, after any eviction on "
                + writer.method().fact().name() + "()"))
            : writerEvictions.cannotEvictFrom(form, method.get(), writer.method());
        if (cannot.isPresent() && !writer.deferred() && cannot.get().kind() == WriterEvictions.CannotEvict.Kind.NO_BODY
            && index.callersOf(writer.method()).stream().allMatch(c -> SourceSet.isTestPath(c.path()))
            && !xmlCalledMethods().contains(writer.method().fact().name())) {
          // a @Modifying query method nothing in production calls writes nothing there (a test calling it is a
          // writer of its own; Spring Data REST's exports are refused above): audit 9's techmart, 12 refusals
          continue;
        }
        if (cannot.isPresent() && !writer.deferred() && (!writer.method().fact().modifiers().isPublic()
            || cannot.get().kind() != WriterEvictions.CannotEvict.Kind.OTHER)) {
          // a private helper writes, or a class no proxy wraps (a Spring Data fragment, a plain helper): evict around
          // the methods that call it instead, when every path goes through them
          Optional<List<IndexedMethod>> callers = writerEvictions.evictingCallers(form, method.get(), writer.method(),
              new java.util.HashSet<>());
          if (callers.isPresent()) {
            callers.get().forEach(caller -> evictions.add(new CachingTarget.Eviction(caller)));
            continue;
          }
        }
        if (cannot.isPresent()) {
          unmatched.add(writer.method().fact().displayName() + "() " + writer.what() + " but " + cannot.get().text()
              + notCleared.map(why -> " (nor can clearing the caches before each test cover it: " + why + ")").orElse(""));
          continue;
        }
        // every entry: a writer's parameter named like the key may be the new value (updateEmail(id, email)
        // changes which key finds the row), so a keyed eviction would leave the old entry stale
        evictions.add(new CachingTarget.Eviction(writer.method()));
      }
      // one cache in Redis for every object: a writer's eviction reaches it whichever object it runs on
      if (form == CacheForm.PLAIN && !fact.isStatic() && !evictions.isEmpty() && !sharedInRedis(method.get())) {
        Optional<String> several = singleInstance.whyNot(fact.ownerType());
        if (several.isPresent()) {
          String evicting = evictions.stream().map(e -> e.writer().fact().displayName() + "()").distinct().sorted()
              .collect(java.util.stream.Collectors.joining(", "));
          unmatched.add(evicting + " would evict only the cache of the object it runs on, and " + several.get()
              + ": a write through one object would leave another object's cache stale");
        }
      }
      List<String> acceptedStale = new ArrayList<>();
      if (!unmatched.isEmpty()) {
        if (!accepted(fact)) {
          Optional<String> untold = dataWriters.untoldReads(method.get());
          String which = untold.orElse("a writer of its data cannot evict it: ");
          refusals.add(new Refusal(finding, untold.isPresent() ? Proof.UNKNOWN_DATA : Proof.WRITER_CANNOT_EVICT,
              which + Refusal.summarise(unmatched)
              + ". Cached, it would serve stale data after that write; --accept-stale " + fact.displayName()
              + " caches it anyway with its TTL (" + policy.policy().ttlSeconds() + " s) as the only bound"));
          continue;
        }
        String live = "; entries live up to " + policy.policy().ttlSeconds() + " s after that write";
        for (String writer : unmatched.stream().distinct().toList()) {
          warnings.add("accepted stale (--accept-stale): " + writer + live); // each, in the plan a reviewer reads
        }
        // one comment above the method, however many writers: 33 test methods wrote 33 copies of one reason (a trial
        // on JHipster's sample app, 378 lines added to its UserService)
        acceptedStale.add("accepted stale (--accept-stale): " + Refusal.summarise(unmatched, 1) + live);
      }
      targets.add(new CachingTarget(finding, method.get(), form, policy.name(), policy.policy(), cacheName,
          List.copyOf(evictions), List.copyOf(warnings), List.copyOf(acceptedStale), List.of(), null, policy.basis(),
          List.copyOf(clearedForTests), List.copyOf(offInTests)));
    }
    return OutermostTargets.keep(index, new OneEvictionLayer(whole, writerEvictions).outermost(
        new ClientSizedKeys(index, new CappedSizes(whole)::capped).bound(targets, refusals)), refusals, cacheLevels::uncalledBesideHandlers);
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

  private Set<String> xmlCalledMethods() {
    if (xmlCalledMethods == null) {
      xmlCalledMethods = SpringXmlScans.calledMethods(traits.root());
    }
    return xmlCalledMethods;
  }

  private boolean accepted(MethodFact fact) {
    return acceptStale.contains(fact.displayName()) || acceptStale.contains(fact.ownerType() + "." + fact.name());
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
