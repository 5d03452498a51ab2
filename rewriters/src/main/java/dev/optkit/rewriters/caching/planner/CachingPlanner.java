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
import dev.optkit.analyzers.index.WebEntryPoints;
import dev.optkit.analyzers.source.SourceSet;
import dev.optkit.rewriters.caching.backends.PlainRedisBackend;
import dev.optkit.rewriters.caching.backends.SingleInstance;
import dev.optkit.rewriters.caching.sharing.EntityResults;
import dev.optkit.rewriters.caching.keys.CappedSizes;
import dev.optkit.rewriters.caching.keys.ClientSizedKeys;
import dev.optkit.rewriters.caching.keys.KeyCoverage;
import dev.optkit.rewriters.caching.keys.ReferencedReads;
import dev.optkit.rewriters.caching.keys.ScheduledPolls;
import dev.optkit.rewriters.caching.keys.SubclassedMethods;
import dev.optkit.rewriters.caching.requests.OutsideCallers;
import dev.optkit.rewriters.caching.requests.SameRequest;
import dev.optkit.rewriters.caching.requests.SnapshotReads;
import dev.optkit.rewriters.caching.sharing.CopiedProperties;
import dev.optkit.rewriters.caching.sharing.ResultSharing;
import dev.optkit.rewriters.caching.spring.SpringBeans;
import dev.optkit.rewriters.caching.spring.SpringVersionFloor;
import dev.optkit.rewriters.caching.SpringXmlScans;
import dev.optkit.rewriters.caching.writers.DataWriters;
import dev.optkit.rewriters.caching.writers.ExportedRepositories;
import dev.optkit.rewriters.caching.writers.OneEvictionLayer;
import dev.optkit.rewriters.caching.writers.ProjectWrites;
import dev.optkit.rewriters.caching.writers.SecondLevelCaches;
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
  private final SpringBeans springBeans;
  private final WriterEvictions writerEvictions;
  private final ResultSharing sharing;
  private final SameRequest sameRequest;
  private final KeyCoverage keyCoverage;
  private final EntityResults entityResults;
  private final TestSlices slices;
  private final SnapshotReads snapshotReads;
  private final CacheLevels cacheLevels;
  private final ExportedRepositories exportedRepositories;
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
    this.springBeans = new SpringBeans(index, traits, whole.startup(), whole::unitMentioning);
    this.writerEvictions = new WriterEvictions(whole, traits, inModule, members, springBeans);
    this.sharing = new ResultSharing(index, whole::declaration);
    this.sameRequest = new SameRequest(whole, sharing);
    this.springTooOld = SpringVersionFloor.whyTooOld(traits.pom(), index.libraryVersions(),
        config.cache().redis());
    this.outsideCallers = new OutsideCallers(index);
    this.plainRedis = PlainRedisBackend.of(traits, config);
    this.keyCoverage = new KeyCoverage(index);
    this.entityResults = new EntityResults(index, sharing, whole);
    this.slices = new TestSlices(index, traits);
    this.snapshotReads = new SnapshotReads(whole, traits, m -> form(m) == CacheForm.SPRING);
    this.cacheLevels = new CacheLevels(index, m -> form(m) == CacheForm.SPRING);
    this.exportedRepositories = new ExportedRepositories(index, traits, whole.restExportsAnnotatedOnly());
  }

  private final OutsideCallers outsideCallers;
  /** The redis backend for plain caches, when the module has it (PlainRedisBackend). */
  private final Optional<PlainRedisBackend> plainRedis;

  /** Whether this plain method's cache is one in Redis, shared by every object of its class. */
  private boolean sharedInRedis(IndexedMethod method) {
    return plainRedis.isPresent() && plainRedis.get().whyNotShared(method, whole).isEmpty();
  }

  /** Why the module's Spring is older than the generated configuration compiles against, if it is. */
  private final Optional<String> springTooOld;

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
      CacheForm form = form(method.get());
      // a cache that would never apply is the first thing to say of it, before what caching it would risk
      List<String> selfCallers = form == CacheForm.SPRING ? members.selfCallers(method.get()) : List.of();
      if (!selfCallers.isEmpty() && !outsideCallers.any(method.get())) {
        refusals.add(new Refusal(finding, Proof.SELF_INVOCATION, "only called through 'this' from " + String.join(", ", selfCallers)
            + (outsideCallers.onlyTests(method.get()) ? " (and by tests, through the proxy)" : "")
            + ": @Cacheable would never apply, because self-invocation bypasses Spring's proxy (Sonar S6809)"));
        continue;
      }
      if (form == CacheForm.SPRING && springTooOld.isPresent()) {
        refusals.add(new Refusal(finding, Proof.SPRING_TOO_OLD, springTooOld.get()));
        continue;
      }
      Optional<Reason> refused = refusal(method.get());
      if (refused.isPresent()) {
        refusals.add(new Refusal(finding, refused.get()));
        continue;
      }
      MethodFact fact = method.get().fact();
      List<String> warnings = new ArrayList<>();
      if (form == CacheForm.SPRING && springBeans.injectedByClass(fact.ownerType()).isPresent()) {
        refusals.add(new Refusal(finding, Proof.PROXY_CLASH, springBeans.injectedByClass(fact.ownerType()).get()));
        continue;
      }
      Optional<String> shared = form == CacheForm.SPRING ? springBeans.otherBeansOfTheClass(fact.ownerType()) : Optional.empty();
      if (shared.isPresent()) {
        refusals.add(new Refusal(finding, Proof.SEVERAL_BEANS, shared.get()));
        continue;
      }
      Optional<String> unscanned = form == CacheForm.SPRING ? springBeans.outsideComponentScan(fact) : Optional.empty();
      if (unscanned.isPresent()) {
        refusals.add(new Refusal(finding, Proof.OUTSIDE_COMPONENT_SCAN, unscanned.get()));
        continue;
      }
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
      // a snapshot older than a write matters only where a write evicts: no writer, no eviction to race (audit 13's s18)
      // each link its own proof, in the order they were always asked
      Optional<Reason> snapshot = Reason.of(Proof.TRANSACTION_SNAPSHOT, dataWriters.of(method.get()).isEmpty()
              ? Optional.<String>empty() : snapshotReads.whyNot(method.get()))
          .or(() -> Reason.of(Proof.ENTITY_SNAPSHOT, snapshotReads.whyNotEntities(method.get())))
          .or(() -> Reason.of(Proof.EXPORTED_REPOSITORY, exportedRepositories.whyNot(method.get())))
          .or(() -> Reason.of(Proof.SCHEDULED_POLL, ScheduledPolls.whyNot(whole, method.get(), policy.policy().ttlSeconds())))
          .or(() -> Reason.of(Proof.COPIED_KEY,
              dev.optkit.rewriters.caching.keys.CopiedKeys.whyNot(form, method.get(), index, whole::declaration)))
          .or(() -> form != CacheForm.SPRING ? Optional.empty() : Reason.of(Proof.PRIVATE_LISTENER,
              members.privateListener(fact.ownerType()).map(l -> "its class has the private " + l + ", which Spring "
                  + "cannot invoke once @Cacheable makes the bean a proxy: the application would not start"))
              .or(() -> Reason.of(Proof.FIELD_READ_ELSEWHERE, members.fieldReadElsewhere(fact.ownerType()))));
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
      // a failure's null answer is never stored, so the call after the failure tries again (assess refused every
      // other stand-in: FailureAnswerReads)
      boolean keepsNoNull = FailureAnswerReads.of(index, method.get()) instanceof FailureAnswerReads.Verdict.NoValue;
      targets.add(new CachingTarget(finding, method.get(), form, policy.name(), policy.policy(), cacheName,
          List.copyOf(evictions), List.copyOf(warnings), List.copyOf(acceptedStale), List.of(), null, policy.basis(),
          List.copyOf(clearedForTests), List.copyOf(offInTests), keepsNoNull));
    }
    return OutermostTargets.keep(index, new OneEvictionLayer(whole, writerEvictions).outermost(
        new ClientSizedKeys(index, new CappedSizes(whole)::capped).bound(targets, refusals)), refusals, cacheLevels::uncalledBesideHandlers);
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

  private Optional<Reason> refusal(IndexedMethod method) {
    MethodFact fact = method.fact();
    Optional<String> release = SignatureRefusals.release(traits.javaRelease());
    if (release.isPresent()) {
      return Reason.of(Proof.JAVA_RELEASE, release);
    }
    Optional<Reason> web = Reason.of(Proof.REQUEST_HANDLER, index.webEntryPoints().whyEntryPoint(method))
        .or(() -> Reason.of(Proof.WEB_RESULT, WebEntryPoints.whyWebResult(fact)));
    if (web.isPresent()) {
      return web;
    }
    // a write of its own (request.setStatus(CONFIRMED) on what findById loaded, written back at the flush): a
    // cached answer would skip it
    Optional<ProjectWrites.Write> ownWrite = ProjectWrites.of(whole).stream()
        .filter(w -> w.method().key().equals(method.key()) && w.method().path().equals(method.path())).findFirst();
    if (ownWrite.isPresent()) {
      return reason(Proof.OWN_WRITE, "it writes: it " + ownWrite.get().what() + ", and a cache hit would skip that write");
    }
    Optional<String> perUser = index.perUserCode().whyPerUser(method);
    if (perUser.isPresent()) {
      return Reason.of(Proof.PER_USER, perUser);
    }
    Optional<String> secret = SignatureRefusals.secretParameter(fact);
    if (secret.isPresent()) {
      return Reason.of(Proof.SECRET_PARAMETER, secret);
    }
    // a cache the project already has answers its queries: nothing to gain, whatever else holds
    Optional<String> cachedBelow = SecondLevelCaches.whyCachedAlready(index, method);
    if (cachedBelow.isPresent()) {
      return Reason.of(Proof.CACHED_BELOW, cachedBelow);
    }
    TypeFact declaring = index.type(fact.ownerType()).orElse(null);
    if (declaring != null && declaring.kind().equals("interface") && !fact.isAbstract()
        && index.declaredClient(declaring.qualifiedName()).isPresent()
        && !dev.optkit.analyzers.rules.CacheableReadMethodRule.repositoryQueryMethod(index, method)) {
      // jhipster's findOneWithEagerRelationships: a Spring cache would not need a class, but optkit does not plan it
      return reason(Proof.REPOSITORY_DEFAULT_METHOD, "a default method of the repository interface " + declaring.simpleName() + ": optkit caches "
          + "a repository's query methods, which the library implements, and not the project's code in its default "
          + "methods; cache the service that calls it instead");
    }
    // a self-call gets a fresh object past the proxy, unless one persistence context spans the request (open in view)
    // and the object is an entity it manages
    boolean bypassed = form(method) == CacheForm.SPRING && (whole.openInViewOff()
        || entityResults.namesNoEntity(method));
    // what a login reads is the login's as much as its own code's, however deep (audit 14, hostile review 60)
    Optional<String> login = index.perUserCode().readByLogin(method);
    if (login.isPresent()) {
      return Reason.of(Proof.LOGIN, login);
    }
    // a secret read outside a login (a card's CVV, a user's hash for an admin page): kept in memory all the same
    Optional<String> heldSecret = new dev.optkit.analyzers.index.SecretAnswers(index).heldSecret(fact);
    if (heldSecret.isPresent()) {
      return Reason.of(Proof.SECRET_IN_ANSWER, "its answer has the field " + heldSecret.get() + ", named for a "
          + "secret, which optkit cannot show is left empty: a cache would keep it in memory for its TTL and hand it to "
          + "every caller");
    }
    // the project's own cache below: the call graph reaches no read behind it, so its writers would not evict this one
    // (hostile review 37's p1, p2: report() over a project-cached api.name(), stale after a rename)
    Optional<IndexedMethod> projectCacheBelow = cacheLevels.projectCachedCallee(method);
    if (projectCacheBelow.isPresent()) {
      return reason(Proof.PROJECT_CACHE_BELOW, "it calls " + projectCacheBelow.get().fact().displayName() + "(), which the project already caches: "
          + "one cache level per data, and what that cache's data writers change would not evict this one");
    }
    // an existing cache above is decisive whatever the callers do: the one level there is (audit 13's s15, whose
    // chain of callers through that cache named a change made to new objects mapped from the result)
    Optional<String> cachedAbove = whole.cachedCaller(method);
    if (cachedAbove.isPresent()) {
      return reason(Proof.CACHED_CALLER, "called by " + cachedAbove.get() + "(), which is already cached: one cache level per data, "
          + "so the two never disagree and their TTLs do not add up");
    }
    Optional<String> mutated = sharing.mutatingCaller(method, bypassed);
    Optional<String> changed = mutated.isPresent()
        ? inViewOnly(method, bypassed, mutated, () -> sharing.mutatingCaller(method, true)) : mutated;
    if (changed.isPresent()) {
      return Reason.of(Proof.RESULT_CHANGED, changed);
    }
    Optional<Reason> copied = sharing.immutable(fact.returnType()) ? Optional.empty()
        : Reason.of(Proof.SHARED_BY_COPY, new CopiedProperties(index).sharedByCopy(method, sharing, whole))
            .or(() -> Reason.of(Proof.HANDED_ON, ReferencedReads.handedOn(index, whole, method)));
    if (copied.isPresent()) {
      return copied;
    }
    if (!sharing.immutable(fact.returnType()) && dev.optkit.analyzers.rules.CacheableReadMethodRule.repositoryQueryMethod(index, method)
        && index.webEntryPoints().whyEntryPoint(method).isEmpty()
        && index.callersOf(method).stream().allMatch(caller -> SourceSet.isTestPath(caller.path()))) {
      // a repository query nothing calls (prove51: cleverjohann's findUserStatistics().clear() emptied the cached list)
      return reason(Proof.UNCALLED_QUERY, "no production code in the project calls it, so what its callers do with the "
          + ProjectTraits.simpleName(fact.returnType()) + " it returns cannot be read (the framework or code outside "
          + "the project may call it, and change it): a cached result is one object shared by every caller");
    }
    Optional<String> state = keyCoverage.whyNot(method);
    if (state.isPresent()) {
      return Reason.of(Proof.KEY_MISSES_STATE, state);
    }
    TypeFact owner = index.type(fact.ownerType()).orElse(null);
    boolean repositoryQuery = dev.optkit.analyzers.rules.CacheableReadMethodRule.repositoryQueryMethod(index, method);
    if (!repositoryQuery && (owner == null || !owner.kind().equals("class"))) {
      return reason(Proof.NOT_IN_A_CLASS, "declared in " + (owner == null ? "an unknown type" : "a " + owner.kind())
          + ": caches need a class to hold them");
    }
    Optional<String> innerKey = SignatureRefusals.keyInInnerClass(fact, traits.javaRelease());
    if (innerKey.isPresent()) {
      return Reason.of(Proof.KEY_IN_INNER_CLASS, innerKey);
    }
    if (!repositoryQuery && index.hasSubtypes(fact.ownerType())) {
      return reason(Proof.SUBCLASSED, SubclassedMethods.whyNot(index, method));
    }
    Optional<String> generic = SignatureRefusals.generic(fact);
    if (generic.isPresent()) {
      return Reason.of(Proof.GENERIC, generic);
    }
    boolean proxied = form(method) == CacheForm.SPRING && whole.openInViewOff();
    Optional<String> entity = entityResults.whyNot(method, proxied);
    Optional<String> entityUse = entity.isPresent()
        ? inViewOnly(method, proxied, entity, () -> entityResults.whyNot(method, true)) : entity;
    if (entityUse.isPresent()) {
      return Reason.of(Proof.ENTITY_RESULT, entityUse);
    }
    if (form(method) == CacheForm.SPRING && !whole.openInViewOff() && snapshotReads.readsEntities(method)) {
      Optional<String> beside = sameRequest.whyNotInView(method, snapshotReads.mayHoldWhatItReads(method), bootApplication());
      if (beside.isPresent()) {
        return Reason.of(Proof.SAME_REQUEST, beside);
      }
    }
    if (repositoryQuery) {
      // Spring Data's repository proxy honours @Cacheable on the interface's method, as on a bean's
      if (!traits.spring()) {
        return reason(Proof.REPOSITORY_WITHOUT_SPRING, "a query method of a Spring Data repository interface in a module without Spring's "
            + "context on its class path: the @Cacheable its proxy would honour cannot be configured here");
      }
      Optional<String> slice = slices.sliceWithCachingOn();
      if (slice.isPresent()) {
        return reason(Proof.TEST_SLICE_CACHING, "a query method of a Spring Data repository interface, and caching is switched on by the "
            + "application class (or test code): Spring Boot's test slices such as " + ProjectTraits.simpleName(slice.get())
            + " load the repository with caching on but none of optkit's configuration, so the cache manager its "
            + "@Cacheable names would be missing there; move @EnableCaching to a configuration class of its own first");
      }
    }
    return Reason.of(Proof.REACTIVE, WebEntryPoints.whyPublisher(fact));
  }

  private static Optional<Reason> reason(Proof proof, String text) {
    return Optional.of(new Reason(proof, text));
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

  /**
   * A refusal that holds only because open-session-in-view is on says so: with it off, a self-call's change would
   * be to an object of its own, past the proxy (techmart's findCategoryById, changed by its own updateCategory).
   */
  private Optional<String> inViewOnly(IndexedMethod method, boolean bypassed, Optional<String> refusal,
      java.util.function.Supplier<Optional<String>> withViewOff) {
    if (bypassed || form(method) != CacheForm.SPRING || withViewOff.get().isPresent()) {
      return refusal;
    }
    if (!sameRequest.mayProxyAndSelfCall(method)) {
      return Optional.empty(); // no request calls it through the proxy and through 'this' both (audit 16's S29)
    }
    return Optional.of(refusal.get() + " (through a call on 'this', so only because of " + whole.openInViewOn(bootApplication())
        + ": the request's one persistence context makes the entity it changes the instance a later cached call would "
        + "answer; " + whole.openInViewOffHint(bootApplication()) + ")");
  }

  /** Whether a Spring Boot application is seen to run: what a reason may call Boot's default. */
  private boolean bootApplication() {
    return !traits.applications().isEmpty() || whole.startup().bootApplicationInProject();
  }
}
