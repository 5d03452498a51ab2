package dev.optkit.rewriters.caching;

import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.analyzers.config.OptkitConfig.CachePolicy;
import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.ParamFact;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.WebEntryPoints;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.source.SourceSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides, for each cacheable-read finding, whether and how to cache it: the idiom, the policy,
 * the evictions, and what a reviewer must be warned about. Everything it refuses comes with a reason.
 */
public final class CachingPlanner {
  private static final Set<String> SPRING_BEAN_ANNOTATIONS = Set.of(
      "org.springframework.stereotype.Service", "org.springframework.stereotype.Component",
      "org.springframework.stereotype.Repository", "org.springframework.stereotype.Controller",
      "org.springframework.web.bind.annotation.RestController");


  private static final Set<String> REACTIVE_TYPES = Set.of(
      "reactor.core.publisher.Mono", "reactor.core.publisher.Flux", "io.reactivex.rxjava3.core.Single",
      "io.reactivex.rxjava3.core.Observable", "io.reactivex.rxjava3.core.Flowable", "org.reactivestreams.Publisher");

  /** What the planner decided. */
  public record Plan(List<CachingTarget> targets, List<Refusal> refusals) {}

  private final WholeProject whole;
  private final ProjectIndex index;
  private final Transactions transactions;
  private final OptkitConfig config;
  private final ProjectTraits traits;

  private final java.util.function.Predicate<String> inModule;
  private final Set<String> acceptStale;
  private final SingleInstance singleInstance;
  private final MembersByType members;
  private final DataWriters dataWriters;

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
    this.transactions = whole.transactions();
    this.config = config;
    this.traits = traits;
    this.inModule = inModule;
    this.acceptStale = Set.copyOf(acceptStale);
    this.singleInstance = new SingleInstance(index);
    this.members = new MembersByType(index);
    this.dataWriters = new DataWriters(whole, members);
  }

  public Plan plan(List<Finding> candidates) {
    List<CachingTarget> targets = new ArrayList<>();
    List<Refusal> refusals = new ArrayList<>();
    Set<String> usedNames = new java.util.HashSet<>(whole.optkitCacheNames());
    for (Finding finding : candidates) {
      Optional<IndexedMethod> method = locate(finding);
      if (method.isEmpty()) {
        refusals.add(new Refusal(finding, "the method could not be found again in " + finding.path()));
        continue;
      }
      Optional<String> refused = refusal(method.get());
      if (refused.isPresent()) {
        refusals.add(new Refusal(finding, refused.get()));
        continue;
      }
      MethodFact fact = method.get().fact();
      CacheForm form = form(method.get());
      List<String> warnings = new ArrayList<>();
      if (form == CacheForm.SPRING && injectedByClass(fact.ownerType()).isPresent()) {
        refusals.add(new Refusal(finding, injectedByClass(fact.ownerType()).get()));
        continue;
      }
      Optional<String> shared = form == CacheForm.SPRING ? otherBeansOfTheClass(fact.ownerType()) : Optional.empty();
      if (shared.isPresent()) {
        refusals.add(new Refusal(finding, shared.get()));
        continue;
      }
      Optional<String> unscanned = form == CacheForm.SPRING ? outsideComponentScan(fact) : Optional.empty();
      if (unscanned.isPresent()) {
        refusals.add(new Refusal(finding, unscanned.get()));
        continue;
      }
      if (form == CacheForm.SPRING) {
        List<String> selfCallers = members.selfCallers(method.get());
        if (!selfCallers.isEmpty() && callersFromOutside(method.get()) == 0) {
          refusals.add(new Refusal(finding, "only called through 'this' from " + String.join(", ", selfCallers)
              + ": @Cacheable would never apply, because self-invocation bypasses Spring's proxy (Sonar S6809)"));
          continue;
        }
        if (!selfCallers.isEmpty()) {
          warnings.add("calls from " + String.join(", ", selfCallers) + " go through 'this' and bypass the cache "
              + "(self-invocation, Sonar S6809): call it through the bean instead");
        }
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
      Map.Entry<String, CachePolicy> policy = policyFor(finding, fact);
      Optional<String> snapshot = snapshotRead(method.get());
      if (snapshot.isPresent()) {
        refusals.add(new Refusal(finding, snapshot.get()));
        continue;
      }
      List<CachingTarget.Eviction> evictions = new ArrayList<>();
      List<String> unmatched = new ArrayList<>();
      for (DataWriters.Writer writer : dataWriters.of(method.get())) {
        if (form == CacheForm.PLAIN && !fact.isStatic() && seedsBeforeTests(writer.method())) {
          continue; // a test's set-up writes before it builds the object whose own cache it then reads
        }
        if (SourceSet.isTestPath(writer.method().path()) && !readsBackThroughTheCache(writer.method(), method.get())) {
          continue; // a test class that writes the data but never reads it through the cached method
        }
        Optional<String> cannot = writer.deferred()
            ? Optional.of("the write runs later, in another task, after any eviction on " + writer.method().fact().name() + "()")
            : cannotEvictFrom(form, method.get(), writer.method());
        if (cannot.isPresent() && !writer.deferred() && !writer.method().fact().modifiers().isPublic()) {
          // a private helper writes: evict around the methods that call it instead, when every path goes through them
          Optional<List<IndexedMethod>> callers = evictingCallers(form, method.get(), writer.method(),
              new java.util.HashSet<>());
          if (callers.isPresent()) {
            callers.get().forEach(caller -> evictions.add(new CachingTarget.Eviction(caller)));
            continue;
          }
        }
        if (cannot.isPresent()) {
          unmatched.add(writer.method().fact().displayName() + "() " + writer.what() + " but " + cannot.get());
          continue;
        }
        // every entry: a writer's parameter named like the key may be the new value (updateEmail(id, email)
        // changes which key finds the row), so a keyed eviction would leave the old entry stale
        evictions.add(new CachingTarget.Eviction(writer.method()));
      }
      if (form == CacheForm.PLAIN && !fact.isStatic() && !evictions.isEmpty()) {
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
          refusals.add(new Refusal(finding, "a writer of its data cannot evict it: " + summarise(unmatched)
              + ". Cached, it would serve stale data after that write; --accept-stale " + fact.displayName()
              + " caches it anyway with its TTL (" + policy.getValue().ttlSeconds() + " s) as the only bound"));
          continue;
        }
        for (String writer : unmatched.stream().distinct().toList()) {
          acceptedStale.add("accepted stale (--accept-stale): " + writer + "; entries live up to "
              + policy.getValue().ttlSeconds() + " s after that write");
        }
        warnings.addAll(acceptedStale);
      }
      targets.add(new CachingTarget(finding, method.get(), form, policy.getKey(), policy.getValue(), cacheName,
          List.copyOf(evictions), List.copyOf(warnings), List.copyOf(acceptedStale)));
    }
    return OutermostTargets.keep(index, targets, refusals);
  }

  /** Distinct reasons, the first few in full: overloads and repeated sites say the same thing. */
  private static String summarise(List<String> reasons) {
    List<String> distinct = reasons.stream().distinct().toList();
    int shown = Math.min(distinct.size(), 3);
    return String.join("; ", distinct.subList(0, shown))
        + (distinct.size() > shown ? "; and " + (distinct.size() - shown) + " more writers" : "");
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

  private static final Pattern SECRET_NAME = Pattern.compile(
      "(?i).*(password|passwd|passphrase|secret|token|apikey|api_key|credential|privatekey|accesskey|sessionid).*");

  private Optional<String> refusal(IndexedMethod method) {
    MethodFact fact = method.fact();
    if (traits.javaRelease() < 8) {
      return Optional.of("the module compiles for Java " + traits.javaRelease() + "; optkit generates code for Java 8 "
          + "and later only");
    }
    Optional<String> web = index.webEntryPoints().whyEntryPoint(method).or(() -> WebEntryPoints.whyWebResult(fact));
    if (web.isPresent()) {
      return web;
    }
    Optional<String> perUser = index.perUserCode().whyPerUser(method);
    if (perUser.isPresent()) {
      return perUser;
    }
    for (ParamFact param : fact.params()) {
      if (SECRET_NAME.matcher(param.name()).matches()) {
        return Optional.of("parameter '" + param.name() + "' looks like a secret: a cache key would keep it in memory "
            + "and in cache statistics");
      }
    }
    Optional<String> mutated = mutatingCaller(method);
    if (mutated.isPresent()) {
      return mutated;
    }
    Optional<String> state = mutableStateBelow(method, 4, new java.util.HashSet<>());
    if (state.isPresent()) {
      return Optional.of("depends on mutable state its key does not cover: " + state.get());
    }
    Optional<String> cachedBelow = queriesCachedAlready(method);
    if (cachedBelow.isPresent()) {
      return cachedBelow;
    }
    Optional<String> cachedAbove = whole.cachedCaller(method);
    if (cachedAbove.isPresent()) {
      return Optional.of("called by " + cachedAbove.get() + "(), which is already cached: one cache level per data, "
          + "so the two never disagree and their TTLs do not add up");
    }
    TypeFact owner = index.type(fact.ownerType()).orElse(null);
    if (owner == null || !owner.kind().equals("class")) {
      return Optional.of("declared in " + (owner == null ? "an unknown type" : "a " + owner.kind())
          + ": caches need a class to hold them");
    }
    if (fact.params().size() > 1 && traits.javaRelease() < 16 && fact.modifiers().inInstanceInnerClass()) {
      return Optional.of("its key needs a nested class, which an inner (non-static) class cannot declare before Java 16");
    }
    if (index.hasSubtypes(fact.ownerType())) {
      return Optional.of("its class has subclasses in the project: several beans or objects of different kinds would "
          + "share one cache keyed only by the parameters");
    }
    if (fact.modifiers().generic()) {
      return Optional.of("generic method: its type parameters cannot be part of a cache's type");
    }
    Optional<String> entity = returnedEntity(fact);
    if (entity.isPresent()) {
      return Optional.of("returns the persistent entity " + entity.get() + ": a cached entity is shared mutable state "
          + "detached from its persistence context; cache a value built from it instead");
    }
    if (REACTIVE_TYPES.contains(fact.returnType())) {
      return Optional.of("returns a reactive publisher (" + fact.returnType().substring(fact.returnType().lastIndexOf('.') + 1)
          + "): caching the publisher does not cache its result, each subscriber calls again; use .cache() on it "
          + "or a reactive cache");
    }
    return Optional.empty();
  }

  /** A mutable field read by a project method the target calls, every implementation followed. */
  private Optional<String> mutableStateBelow(IndexedMethod method, int depth, Set<IndexedMethod> seen) {
    if (depth == 0 || !seen.add(method)) {
      return Optional.empty();
    }
    for (CallRef call : method.fact().calls()) {
      for (IndexedMethod callee : index.allTargetsOf(call)) {
        if (!callee.fact().mutableFieldsRead().isEmpty()) {
          return Optional.of(callee.fact().displayName() + "() reads field " + callee.fact().mutableFieldsRead().get(0)
              + ", which changes after construction");
        }
        Optional<String> deeper = mutableStateBelow(callee, depth - 1, seen);
        if (deeper.isPresent()) {
          return deeper;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Every query the method reads through is answered by a cache the project already has (MyBatis's
   * second-level cache): a second cache above it saves no query and adds its own staleness.
   */
  private Optional<String> queriesCachedAlready(IndexedMethod method) {
    List<String> caches = new ArrayList<>();
    for (var reached : index.reachedIo(method)) {
      if (reached.site().access() != Access.READ) {
        continue;
      }
      Optional<String> cache = index.secondLevelCache(reached.site());
      if (cache.isEmpty()) {
        return Optional.empty();
      }
      caches.add(cache.get());
    }
    return caches.isEmpty() ? Optional.empty() : Optional.of("its queries are already cached by "
        + String.join(", ", caches.stream().distinct().toList()) + ": a second cache above it would save no query "
        + "and add staleness of its own");
  }

  /** A caller that changes the result it gets: a cached result is one object shared by every caller. */
  private Optional<String> mutatingCaller(IndexedMethod target) {
    return mutatingCaller(target, target.fact().returnType(), new java.util.HashSet<>());
  }

  /**
   * @param resultType the cached method's result type, whichever method hands the result on
   * @param seen methods already followed: a caller that returns the result is followed to its own callers
   */
  private Optional<String> mutatingCaller(IndexedMethod target, String resultType, Set<IndexedMethod> seen) {
    if (!seen.add(target)) {
      return Optional.empty();
    }
    for (IndexedMethod caller : index.callersOf(target)) {
      if (SourceSet.isTestPath(caller.path())) {
        continue; // tests change what they read to check it; production callers are what share a cache
      }
      for (MethodFact.ResultMutation mutation : caller.fact().resultMutations()) {
        if (!mutation.call().equals(target.fact().name())) {
          continue;
        }
        for (CallRef call : caller.fact().calls()) {
          if (mutation.of(call) && index.targetsOf(call).contains(target)
              && !(mutation.how().startsWith("stored in field ") && immutable(resultType))) {
            if (mutation.how().startsWith("stored in field ")) {
              return Optional.of(caller.fact().displayName() + "() keeps the result it gets in field "
                  + mutation.how().substring("stored in field ".length()) + ", where anyone (data binding included) "
                  + "may change it: a cached result is one object shared by every caller");
            }
            return Optional.of(caller.fact().displayName() + "() changes the result it gets (" + mutation.how()
                + "): a cached result is one object shared by every caller, so the change would leak into "
                + "later answers");
          }
        }
      }
      for (MethodFact.HandOff handOff : caller.fact().handOffs()) {
        if (!target.fact().name().equals(handOff.fromCall())
            || caller.fact().calls().stream().noneMatch(call -> handOff.from(call) && index.targetsOf(call).contains(target))) {
          continue;
        }
        if (handOff.to().equals(MethodFact.RETURNED)) {
          // return dao.pets(owner): what the caller's own callers do with it counts the same
          Optional<String> above = mutatingCaller(caller, resultType, seen);
          if (above.isPresent()) {
            return Optional.of(caller.fact().displayName() + "() returns the result it gets, and " + above.get());
          }
          continue;
        }
        Optional<String> throughHelper = changedOnReturn(caller, handOff);
        if (throughHelper.isPresent()) {
          return throughHelper;
        }
        if (handOff.to().startsWith("new ") && handOff.to().endsWith("AuthenticationToken")) {
          return Optional.of(caller.fact().displayName() + "() makes the result it gets an authenticated principal ("
              + handOff.to() + "): request handlers receive it (@AuthenticationPrincipal) and may change it, and "
              + "the framework erases its credentials after the login; a cached one is shared by every login");
        }
        Optional<String> how = changedDownstream(caller, handOff, new java.util.HashSet<>(),
            immutable(resultType) || handOff.part());
        if (how.isPresent()) {
          boolean kept = how.get().contains(", which keeps it in field ");
          return Optional.of(caller.fact().displayName() + (handOff.position() == MethodFact.RECEIVER
              ? "() calls a method on the result it gets: " + how.get() : "() passes the result it gets to " + how.get())
              + (kept ? ", where anyone (data binding included) may change it later: a cached result is one object "
                  + "shared by every caller" : ": a cached result is one object shared by every caller, so the change "
                  + "would leak into later answers"));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * {@code first(dao.pets()).setName(n)}: a project helper that returns what it is given (or a part
   * of it) hands the result back, and the caller changes what the helper returns.
   */
  private Optional<String> changedOnReturn(IndexedMethod caller, MethodFact.HandOff handOff) {
    if (handOff.position() < 0 || handOff.to().startsWith("new ") || handOff.to().equals(MethodFact.RETURNED)) {
      return Optional.empty();
    }
    for (IndexedMethod helper : receivers(caller, handOff)) {
      int position = parameterAt(helper, handOff.position());
      boolean returnsIt = helper.fact().handOffs().stream().anyMatch(h -> h.fromCall() == null
          && h.fromParameter() == position && h.to().equals(MethodFact.RETURNED));
      if (!returnsIt) {
        continue;
      }
      for (MethodFact.ResultMutation mutation : caller.fact().resultMutations()) {
        if (mutation.call().equals(helper.fact().name()) && mutation.arguments() == handOff.toArguments()) {
          return Optional.of(caller.fact().displayName() + "() passes the result it gets to "
              + helper.fact().displayName() + "(), which returns it, and changes what that returns (" + mutation.how()
              + "): a cached result is one object shared by every caller, so the change would leak into later answers");
        }
      }
    }
    return Optional.empty();
  }

  /** The project methods or constructors a hand-off may reach. */
  private List<IndexedMethod> receivers(IndexedMethod from, MethodFact.HandOff handOff) {
    if (handOff.to().startsWith("new ")) {
      String simple = handOff.to().substring("new ".length());
      String bare = simple.substring(simple.lastIndexOf('.') + 1).replaceAll("<.*", "");
      // by simple name: several classes may share it, and any of them keeping the value is enough to refuse
      return index.methodsNamed(bare).stream().filter(m -> m.fact().isConstructor()
          && m.fact().params().size() == handOff.toArguments()).toList();
    }
    List<IndexedMethod> found = new ArrayList<>();
    for (CallRef call : from.fact().calls()) {
      if (call.name().equals(handOff.to()) && call.argumentCount() == handOff.toArguments()) {
        found.addAll(index.targetsOf(call));
      }
    }
    if (found.isEmpty() && handOff.position() == MethodFact.RECEIVER) {
      // dao.find(id).tag(t): a call on a call's result whose type the extractor could not name records no call
      // site, so every project instance method of that name may be the one called
      found.addAll(index.methodsNamed(handOff.to()).stream().filter(m -> !m.fact().isStatic() && !m.fact().isConstructor() && m.fact().params().size() == handOff.toArguments()
          && !SourceSet.isTestPath(m.path())).toList());
    }
    return found;
  }

  /**
   * Follows a value handed from {@code from} to the project methods its receiving call reaches,
   * and on through their own hand-offs of that parameter (cycles cut by {@code seen}), to a method
   * that changes it.
   *
   * @return the chain, "Helper.normalise(), which changes it (sort)", when some method changes it
   */
  private Optional<String> changedDownstream(IndexedMethod from, MethodFact.HandOff handOff,
      Set<IndexedMethod> seen, boolean immutableValue) {
    for (IndexedMethod callee : receivers(from, handOff)) {
      if (!seen.add(callee)) {
        continue;
      }
      int position = parameterAt(callee, handOff.position());
      for (MethodFact.ParameterMutation change : callee.fact().parameterMutations()) {
        if (change.parameter() == position
            && !(immutableValue && change.how().startsWith("stored in field "))) {
          return Optional.of(callee.fact().displayName() + "(), which "
              + (change.how().startsWith("stored in field ") ? "keeps it in field "
                  + change.how().substring("stored in field ".length()) : "changes it (" + change.how() + ")"));
        }
      }
      for (MethodFact.HandOff onward : callee.fact().handOffs()) {
        if (onward.fromCall() == null && onward.fromParameter() == position) {
          Optional<String> deeper = changedDownstream(callee, onward, seen, immutableValue);
          if (deeper.isPresent()) {
            return Optional.of(callee.fact().displayName() + "(), which passes it to " + deeper.get());
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The parameter an argument lands in: every argument from a varargs parameter's position on lands in it. */
  private static int parameterAt(IndexedMethod callee, int argument) {
    int params = callee.fact().params().size();
    return argument != MethodFact.RECEIVER && params > 0 && callee.fact().params().get(params - 1).varArgs()
        && argument >= params - 1 ? params - 1 : argument;
  }

  private static final Set<String> IMMUTABLE_RESULTS = Set.of(
      "java.lang.String", "java.lang.Integer", "java.lang.Long", "java.lang.Boolean", "java.lang.Double",
      "java.lang.Float", "java.lang.Short", "java.lang.Byte", "java.lang.Character", "java.math.BigDecimal",
      "java.math.BigInteger", "java.util.UUID", "int", "long", "boolean", "double", "float", "short", "byte", "char");

  /** A result nobody can change, so sharing it through a field is harmless. */
  private boolean immutable(String type) {
    return immutable(type, 0);
  }

  /** A record is as immutable as its components: {@code record Tags(List<String> tags)} is not. */
  private boolean immutable(String type, int depth) {
    if (IMMUTABLE_RESULTS.contains(type) || type.startsWith("java.time.")) {
      return true;
    }
    Optional<TypeFact> fact = index.type(type);
    if (fact.isEmpty() || depth > 3) {
      return false;
    }
    return fact.get().kind().equals("enum") || fact.get().kind().equals("record")
        && fact.get().fieldTypes().values().stream().allMatch(component -> immutable(component, depth + 1));
  }

  /** A JPA entity named in the return type, itself or as a type argument (List<Owner>, Page<Owner>). */
  private Optional<String> returnedEntity(MethodFact fact) {
    String signature = fact.signature();
    int name = signature.indexOf(fact.name() + "(");
    String returnPart = name < 0 ? signature : signature.substring(0, name);
    java.util.regex.Matcher identifiers = TYPE_NAME.matcher(returnPart);
    while (identifiers.find()) {
      String simple = identifiers.group();
      for (TypeFact type : index.typesNamed(simple)) {
        if (type.annotations().stream()
            .anyMatch(a -> a.equals("Entity") || a.endsWith(".Entity") // on-demand imports leave it unqualified
                || a.equals("org.springframework.data.mongodb.core.mapping.Document"))) {
          return Optional.of(simple);
        }
      }
    }
    return Optional.empty();
  }

  /** A capitalised identifier in a signature: a type name, simple or the last part of a qualified one. */
  private static final Pattern TYPE_NAME = Pattern.compile("\\b[A-Z]\\w*");

  static boolean isFuture(String returnType) {
    return returnType.equals("java.util.concurrent.CompletableFuture");
  }

  /**
   * Beans of the class besides the one the component scan makes: {@code @Bean} methods returning
   * it or constructing it. A Spring cache is one per name, shared by every bean of the class, so
   * one bean's answer (another data source, another configuration) would be served by the others.
   */
  private Optional<String> otherBeansOfTheClass(String type) {
    return otherBeans.computeIfAbsent(type, this::findOtherBeans);
  }

  private final Map<String, Optional<String>> otherBeans = new java.util.HashMap<>();

  private Optional<String> findOtherBeans(String type) {
    java.util.Set<String> definitions = new java.util.TreeSet<>();
    for (IndexedMethod method : index.methods()) {
      if (!SourceSet.isTestPath(method.path()) && method.fact().annotations().stream().anyMatch(a -> a.endsWith("Bean"))
          && method.fact().returnType().equals(type)) {
        definitions.add(method.fact().displayName() + "()");
      }
    }
    for (var file : index.files()) {
      if (SourceSet.isTestPath(file.path())) {
        continue;
      }
      for (var creation : file.creations()) {
        if (creation.type().equals(type) && creation.site() == dev.optkit.analyzers.facts.FileFacts.Creation.Site.BEAN) {
          String owner = creation.ownerType().substring(creation.ownerType().lastIndexOf('.') + 1);
          if (definitions.stream().noneMatch(d -> d.startsWith(owner + "."))) {
            definitions.add(owner + " line " + creation.range().line());
          }
        }
      }
    }
    if (SpringXmlScans.beanClasses(traits.root()).contains(type)) {
      definitions.add("a <bean> in XML configuration");
    }
    if (definitions.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(type.substring(type.lastIndexOf('.') + 1) + " is also defined as a bean by "
        + String.join(", ", definitions)
        + ": every bean of the class would share one Spring cache keyed only by the parameters, so one bean's answer "
        + "would be served by the others");
  }

  private CacheForm form(IndexedMethod method) {
    MethodFact fact = method.fact();
    if (!traits.spring() || fact.isStatic() || !fact.modifiers().isPublic() || isFuture(fact.returnType())
        || fact.modifiers().isFinal()) {
      return CacheForm.PLAIN;
    }
    TypeFact owner = index.type(fact.ownerType()).orElseThrow();
    boolean bean = owner.annotations().stream().anyMatch(SPRING_BEAN_ANNOTATIONS::contains);
    // a final class cannot be subclassed for Spring's proxy: its cache lives in a field instead
    return bean && !owner.isFinal() ? CacheForm.SPRING : CacheForm.PLAIN;
  }

  /**
   * Spring caches need optkit's configuration in the application context that creates the bean. The
   * configuration goes to one scanned package; a bean outside it may come from another context
   * (XML configurations often scan controllers in a child context) or from nowhere optkit can see.
   */
  private Optional<String> outsideComponentScan(MethodFact fact) {
    String pkg = ProjectTraits.packageOf(fact.ownerType());
    if (traits.scanPackage() == null) {
      if (!traits.existingSpringCaching()) {
        return Optional.empty(); // without a scan or caching the annotations stay inert: the migration notes it
      }
      return Optional.of("the project caches with Spring already, but optkit finds no component scan "
          + "(@SpringBootApplication, @ComponentScan, <context:component-scan>) that would register its cache "
          + "resolver: @Cacheable naming that resolver would fail at run time. Add a component scan covering " + pkg);
    }
    if (!ProjectTraits.covers(traits.scanPackage(), pkg)) {
      return Optional.of("its bean's package " + pkg + " is outside the component scan of " + traits.scanPackage()
          + ", where optkit's cache configuration goes: the bean may come from another application context "
          + "(scanned: " + String.join(", ", traits.scannedPackages()) + "), which would have no cache for it");
    }
    return Optional.empty();
  }

  /**
   * With several Spring Boot applications in the module, a writer evicts only the caches of the
   * contexts it runs in: it must run in exactly the one application the cached bean runs in, and
   * under the scan where optkit's configuration goes (elsewhere no context would hold that cache).
   */
  private Optional<String> anotherApplication(IndexedMethod cached, IndexedMethod writer) {
    String writerPackage = ProjectTraits.packageOf(writer.fact().ownerType());
    if (traits.scanPackage() != null && !ProjectTraits.covers(traits.scanPackage(), writerPackage)) {
      return Optional.of("its bean's package " + writerPackage + " is outside the component scan of "
          + traits.scanPackage() + ", where optkit's caches are configured: it runs in another application context, "
          + "whose eviction cannot reach this cache");
    }
    List<String> readerApps = traits.applicationsCovering(ProjectTraits.packageOf(cached.fact().ownerType()));
    List<String> writerApps = traits.applicationsCovering(writerPackage);
    if (traits.applications().size() > 1 && (readerApps.size() != 1 || !writerApps.equals(readerApps))) {
      return Optional.of("the module has " + traits.applications().size() + " Spring Boot applications ("
          + String.join(", ", traits.applications().keySet().stream().map(ProjectTraits::simpleName).toList())
          + "), each with caches of its own: the write runs in " + names(writerApps) + " and the read in "
          + names(readerApps) + ", so an eviction in one leaves the other's cache stale");
    }
    return Optional.empty();
  }

  private static String names(List<String> applications) {
    return applications.isEmpty() ? "none of them"
        : String.join(" and ", applications.stream().map(ProjectTraits::simpleName).toList());
  }

  private int callersFromOutside(IndexedMethod target) {
    int count = 0;
    for (IndexedMethod method : index.callersOf(target)) {
      if (method.fact().ownerType().equals(target.fact().ownerType())) {
        continue;
      }
      for (CallRef call : method.fact().calls()) {
        if (call.name().equals(target.fact().name()) && index.targetsOf(call).contains(target)) {
          count++;
        }
      }
    }
    return count;
  }

  private static final Set<String> SET_UP_ANNOTATIONS = Set.of(
      "BeforeEach", "BeforeAll", "Before", "BeforeClass", "AfterEach", "AfterAll", "After", "AfterClass");

  /**
   * A write in test code that sets data up rather than changing it under a test: a set-up method,
   * or a fixture class with no tests of its own. A plain cache lives in its object, which a test
   * builds after its set-up; a Spring cache is a singleton of a test context shared by every test
   * class, which a later class's set-up writes under, so there it counts.
   */
  private boolean seedsBeforeTests(IndexedMethod writer) {
    if (!SourceSet.isTestPath(writer.path())) {
      return false;
    }
    if (writer.fact().annotations().stream().anyMatch(a -> SET_UP_ANNOTATIONS.contains(a.substring(a.lastIndexOf('.') + 1)))) {
      return true;
    }
    // a fixture: no tests in its class, and no test calls it (TestData.insertOwner() in the middle of a test writes
    // under what the test read before)
    return index.methodsOfType(writer.fact().ownerType()).stream().noneMatch(ProjectWrites::isTest)
        && index.callersOf(writer).stream().noneMatch(ProjectWrites::isTest);
  }

  /**
   * Whether the test class of a writing test method reaches the cached method (directly or through
   * project code), so a test of it may read its own write back through the cache.
   */
  private boolean readsBackThroughTheCache(IndexedMethod testWriter, IndexedMethod cached) {
    Set<String> reachedFrom = callingClasses.computeIfAbsent(cached, this::callingClasses);
    return index.supertypesOf(testWriter.fact().ownerType()).stream().anyMatch(reachedFrom::contains);
  }

  /** By cached method: the classes of every method that reaches it through project calls. */
  private final Map<IndexedMethod, Set<String>> callingClasses = new java.util.IdentityHashMap<>();

  private Set<String> callingClasses(IndexedMethod cached) {
    Set<String> classes = new java.util.HashSet<>();
    java.util.ArrayDeque<IndexedMethod> pending = new java.util.ArrayDeque<>(List.of(cached));
    Set<IndexedMethod> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    seen.add(cached);
    while (!pending.isEmpty()) {
      for (IndexedMethod caller : index.callersOf(pending.poll())) {
        classes.add(caller.fact().ownerType());
        if (seen.add(caller)) {
          pending.add(caller);
        }
      }
    }
    return classes;
  }

  /** Why a writer cannot carry an eviction for this cache, or empty when it can. */
  private Optional<String> cannotEvictFrom(CacheForm form, IndexedMethod cached, IndexedMethod writerMethod) {
    MethodFact writer = writerMethod.fact();
    if (!inModule.test(writerMethod.path())) {
      return Optional.of("it is in another module (" + writerMethod.path() + "), which may run in another process");
    }
    if (SourceSet.isGeneratedPath(writerMethod.path())) {
      return Optional.of("it is generated code, which optkit does not edit");
    }
    if (SourceSet.isTestPath(writerMethod.path())) {
      return Optional.of("it is test code, which optkit does not edit: a test reading its own write back through "
          + "the cache would fail");
    }
    if (writer.isAbstract()) {
      return Optional.of("it has no body to evict from");
    }
    if (writer.isConstructor()) {
      return Optional.of("it is a constructor, which no cache annotation or invalidation can follow");
    }
    if (isFuture(writer.returnType()) || REACTIVE_TYPES.contains(writer.returnType())
        || writer.returnType().equals("java.util.concurrent.Future")) {
      return Optional.of("it returns a " + ProjectTraits.simpleName(writer.returnType()) + ": its write may complete "
          + "after it returns, and an eviction on its return would come before the write");
    }
    Optional<String> manual = manualTransaction(writerMethod);
    if (manual.isPresent()) {
      return manual;
    }
    if (form == CacheForm.SPRING) {
      boolean bean = index.type(writer.ownerType()).map(t -> t.annotations().stream()
          .anyMatch(SPRING_BEAN_ANNOTATIONS::contains)).orElse(false);
      if (!bean) {
        return Optional.of("it is not a Spring bean, so no proxy can evict around it");
      }
      if (!writer.modifiers().isPublic() || writer.isStatic() || writer.modifiers().isFinal()) {
        return Optional.of("it is not a public instance method, so Spring's proxy cannot evict around it");
      }
      if (writer.hasAnnotation("org.springframework.cache.annotation.CacheEvict")
          || writer.hasAnnotation("org.springframework.cache.annotation.Caching")) {
        return Optional.of("it already has cache annotations that optkit does not merge");
      }
      if (index.type(writer.ownerType()).map(TypeFact::isFinal).orElse(false)) {
        return Optional.of("its class is final, so Spring cannot proxy it to evict");
      }
      Optional<String> injection = injectedByClass(writer.ownerType());
      if (injection.isPresent()) {
        return injection;
      }
      Optional<String> otherContext = anotherApplication(cached, writerMethod);
      if (otherContext.isPresent()) {
        return otherContext;
      }
      List<String> selfCallers = members.selfCallers(writerMethod);
      if (!selfCallers.isEmpty()) {
        return Optional.of("it is also called through 'this' from " + String.join(", ", selfCallers)
            + ", where no eviction would run (self-invocation bypasses Spring's proxy)");
      }
      return Optional.empty();
    }
    if (!writer.ownerType().equals(cached.fact().ownerType())) {
      return Optional.of("it is in another class, and a plain Java cache can only be invalidated by its own class");
    }
    if (writer.isStatic() && !cached.fact().isStatic()) {
      return Optional.of("it is static and cannot reach the instance's cache");
    }
    Optional<String> transaction = transactions.inTransaction(writerMethod);
    if (transaction.isPresent()) {
      String where = transaction.get().equals(writer.displayName() + "()") ? "it runs in a transaction"
          : "it runs in the transaction of " + transaction.get() + ", which calls it";
      return Optional.of(where + ": invalidating before the commit would let a concurrent read "
          + "cache the old value again, and plain Java has no after-commit hook optkit can rely on");
    }
    return Optional.empty();
  }

  /**
   * A database read inside a transaction on MySQL or MariaDB (REPEATABLE READ by default) sees the
   * snapshot its transaction took at its first read: loaded after a writer's eviction, it may still
   * predate that write, and nothing after the load would tell the cache. Reads that never run in a
   * transaction read the latest commit.
   */
  private Optional<String> snapshotRead(IndexedMethod cached) {
    if (index.reachedIo(cached).stream().noneMatch(r -> r.site().kind() == dev.optkit.analyzers.catalog.ClientKind.DB)) {
      return Optional.empty();
    }
    Optional<IndexedMethod> transaction = transactions.above(cached);
    if (transaction.isEmpty()) {
      return Optional.empty();
    }
    String isolation = transactions.isolationOf(transaction.get());
    if (isolation.isEmpty() && !transactions.declared(transaction.get())) {
      isolation = transactions.programmaticIsolation(); // a TransactionTemplate or manager configured in code
    }
    String where = "it reads the database inside the transaction of " + transaction.get().fact().displayName() + "(), ";
    if (isolation.contains("REPEATABLE_READ") || isolation.contains("SERIALIZABLE")) {
      return Optional.of(where + "which asks for " + isolation.substring(isolation.lastIndexOf('.') + 1)
          + " isolation: its reads answer from a snapshot taken when it began, so a value it loads after a writer's "
          + "eviction may predate that write, and the cache would keep it");
    }
    if (traits.snapshotDatabase() != null && !isolation.contains("READ_COMMITTED") && !isolation.contains("READ_UNCOMMITTED")) {
      return Optional.of(where + "and " + traits.snapshotDatabase() + " (REPEATABLE READ by default) answers from the "
          + "snapshot that transaction took at its first read: a value it loads after a writer's eviction may predate "
          + "that write, and the cache would keep it");
    }
    return Optional.empty();
  }




  /**
   * The methods to evict on instead of a non-public writer: its project callers, each able to evict
   * (or, non-public itself, replaced by its own callers in turn). Empty when some path to the writer
   * cannot be covered, when the writer has no caller optkit can see (the framework may call it), or
   * on a cycle.
   */
  private Optional<List<IndexedMethod>> evictingCallers(CacheForm form, IndexedMethod cached, IndexedMethod writer,
      Set<IndexedMethod> seen) {
    if (!seen.add(writer)) {
      return Optional.empty();
    }
    // a field holding code (Consumer<String> adder = this::insertNote) may run the writer from any method,
    // and its initializer is no method the call graph sees
    boolean holdsCode = index.type(writer.fact().ownerType()).map(t -> t.fieldTypes().values().stream()
        .anyMatch(CachingPlanner::deferredCode)).orElse(true);
    if (holdsCode) {
      return Optional.empty();
    }
    List<IndexedMethod> callers = new ArrayList<>();
    for (IndexedMethod method : index.callersOf(writer)) {
      if (SourceSet.isTestPath(method.path())) {
        continue;
      }
      for (CallRef call : method.fact().calls()) {
        if (call.name().equals(writer.fact().name()) && index.allTargetsOf(call).contains(writer)) {
          if (call.deferred()) {
            return Optional.empty(); // the write would run later, after any eviction around this caller
          }
          callers.add(method);
          break;
        }
      }
    }
    if (callers.isEmpty()) {
      return Optional.empty();
    }
    List<IndexedMethod> evicting = new ArrayList<>();
    for (IndexedMethod caller : callers) {
      if (caller == cached) {
        return Optional.empty();
      }
      if (deferredCode(caller.fact().returnType())) {
        return Optional.empty(); // it may hand the write out to run later (return () -> insert(x))
      }
      if (cannotEvictFrom(form, cached, caller).isEmpty()) {
        evicting.add(caller);
      } else if (!caller.fact().modifiers().isPublic()) {
        Optional<List<IndexedMethod>> further = evictingCallers(form, cached, caller, seen);
        if (further.isEmpty()) {
          return Optional.empty();
        }
        evicting.addAll(further.get());
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(evicting.stream().distinct().toList());
  }

  /**
   * Outside Spring Boot, a caching proxy of a bean that implements interfaces is a JDK proxy of
   * those interfaces: a field or constructor parameter typed with the class itself would no
   * longer be satisfied, and the context would fail to start.
   */
  private Optional<String> injectedByClass(String beanType) {
    // a pass over every file of the project: once per bean class, not once per cached method and writer
    return injectedByClass.computeIfAbsent(beanType, this::findInjectionByClass);
  }

  private final Map<String, Optional<String>> injectedByClass = new java.util.HashMap<>();

  private Optional<String> findInjectionByClass(String beanType) {
    if (traits.springBoot()) {
      return Optional.empty(); // Boot proxies classes (spring.aop.proxy-target-class defaults to true)
    }
    TypeFact bean = index.type(beanType).orElse(null);
    if (bean == null || bean.interfaces().stream().noneMatch(CachingPlanner::proxiedInterface)) {
      return Optional.empty();
    }
    for (var file : index.files()) {
      for (TypeFact type : file.types()) {
        for (var field : type.fieldTypes().entrySet()) {
          if (field.getValue().equals(beanType) && !type.qualifiedName().equals(beanType)) {
            return Optional.of(proxyClash(bean, type.simpleName() + "." + field.getKey()));
          }
        }
      }
      for (MethodFact method : file.methods()) {
        if ((method.isConstructor() || method.hasAnnotation("org.springframework.context.annotation.Bean"))
            && !method.ownerType().equals(beanType)
            && method.params().stream().anyMatch(p -> p.qualifiedType().equals(beanType)
                || typeArgumentNames(p.type(), beanType))) {
          return Optional.of(proxyClash(bean, method.displayName() + "(...)"));
        }
      }
    }
    return Optional.empty();
  }

  private static final Set<String> CODE_TYPES = Set.of(
      "java.lang.Runnable", "java.util.concurrent.Callable", "java.util.function.Consumer",
      "java.util.function.BiConsumer", "java.util.function.Function", "java.util.function.BiFunction",
      "java.util.function.Supplier", "java.util.function.Predicate", "java.util.function.UnaryOperator",
      "java.util.function.BinaryOperator", "java.util.concurrent.CompletableFuture", "java.util.concurrent.Future",
      "java.lang.Thread", "java.util.TimerTask");

  /** A type that holds code to run later: a functional interface, a task, a future. */
  private static boolean deferredCode(String type) {
    String erased = type.replaceAll("<.*", "");
    String simple = erased.substring(erased.lastIndexOf('.') + 1);
    return CODE_TYPES.contains(erased) || CODE_TYPES.stream().anyMatch(t -> t.endsWith("." + simple))
        || simple.endsWith("Listener") || simple.endsWith("Callback") || simple.endsWith("Task");
  }

  /**
   * A parameter whose type argument is the bean's class ({@code ObjectProvider<ItemService>},
   * {@code Provider<ItemService>}, {@code List<ItemService>}): the proxy fails that lookup too.
   */
  private static boolean typeArgumentNames(String writtenType, String beanType) {
    int open = writtenType.indexOf('<');
    if (open < 0) {
      return false;
    }
    String simple = beanType.substring(beanType.lastIndexOf('.') + 1);
    for (String argument : writtenType.substring(open + 1, writtenType.lastIndexOf('>')).split("[<>,\\s]+")) {
      if (argument.equals(simple) || argument.equals(beanType)) {
        return true;
      }
    }
    return false;
  }

  /** Interfaces Spring's proxy factory implements: all but callbacks (InitializingBean, *Aware...) and markers. */
  private static boolean proxiedInterface(String type) {
    String simple = type.substring(type.lastIndexOf('.') + 1);
    return !Set.of("InitializingBean", "DisposableBean", "Closeable", "AutoCloseable", "Serializable", "Cloneable")
        .contains(simple) && !simple.endsWith("Aware");
  }

  private static String proxyClash(TypeFact bean, String where) {
    return bean.simpleName() + " implements interfaces and is injected by its class (" + where + "): outside Spring "
        + "Boot the caching proxy would be a JDK proxy of its interfaces and that injection would fail";
  }

  /**
   * A JDBC transaction run by hand ({@code setAutoCommit(false)}) commits where the code says, not
   * where a cache manager or optkit's {@code finally} can see: a writer that does not commit itself
   * may be evicted before the commit, and a read in between caches the old value again. Neither
   * Spring's transaction-aware cache nor a plain eviction can follow it, so such writers refuse.
   */
  private Optional<String> manualTransaction(IndexedMethod writerMethod) {
    Optional<String> manualTransactionStart = whole.manualTransactionStart();
    if (manualTransactionStart.isEmpty() || writerMethod.fact().commitsItself()) {
      return Optional.empty();
    }
    return Optional.of("the project runs JDBC transactions by hand (setAutoCommit(false) in "
        + manualTransactionStart.get() + ") and this method does not commit itself, so its write may commit after "
        + "the eviction and a read in between would cache the old value again");
  }

  private Map.Entry<String, CachePolicy> policyFor(Finding finding, MethodFact fact) {
    Map<String, CachePolicy> policies = config.effectiveCachePolicies();
    if (Boolean.TRUE.equals(finding.details().get("llm")) && policies.containsKey("llm")) {
      return Map.entry("llm", policies.get("llm"));
    }
    List<String> words = java.util.Arrays.stream(fact.name().split("(?<=[a-z0-9])(?=[A-Z])|_"))
        .map(w -> w.toLowerCase(Locale.ROOT)).toList();
    for (Map.Entry<String, CachePolicy> entry : policies.entrySet()) {
      List<String> patterns = entry.getValue().methods();
      if (patterns == null) {
        continue;
      }
      for (String glob : patterns) {
        Pattern pattern = Pattern.compile(Pattern.quote(glob.toLowerCase(Locale.ROOT)).replace("*", "\\E.*\\Q"));
        if (words.stream().anyMatch(w -> pattern.matcher(w).matches())) {
          return entry;
        }
      }
    }
    return Map.entry("default", policies.get("default"));
  }
}
