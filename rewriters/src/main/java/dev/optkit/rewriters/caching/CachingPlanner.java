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

  private final ProjectIndex index;
  private final OptkitConfig config;
  private final ProjectTraits traits;

  private final java.util.function.Predicate<String> inModule;

  public CachingPlanner(ProjectIndex index, OptkitConfig config, ProjectTraits traits) {
    this(index, config, traits, path -> true);
  }

  /** @param inModule the files of the module being migrated: writers elsewhere run in another process */
  public CachingPlanner(ProjectIndex index, OptkitConfig config, ProjectTraits traits,
      java.util.function.Predicate<String> inModule) {
    this.index = index;
    this.config = config;
    this.traits = traits;
    this.inModule = inModule;
  }

  public Plan plan(List<Finding> candidates) {
    List<CachingTarget> targets = new ArrayList<>();
    List<Refusal> refusals = new ArrayList<>();
    Set<String> usedNames = new java.util.HashSet<>();
    for (IndexedMethod method : index.methods()) {
      method.fact().annotationValues().values().stream().filter(v -> v.startsWith("optkit.")).forEach(usedNames::add);
    }
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
      if (form == CacheForm.SPRING) {
        List<String> selfCallers = selfCallers(method.get());
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
      String base = "optkit." + owner + "." + fact.name();
      String cacheName = base;
      for (int n = 2; usedNames.contains(cacheName); n++) {
        cacheName = base + n;
      }
      usedNames.add(cacheName);
      Map.Entry<String, CachePolicy> policy = policyFor(finding, fact);
      List<CachingTarget.Eviction> evictions = new ArrayList<>();
      for (IndexedMethod writer : writersInSameClass(method.get())) {
        Optional<String> cannot = cannotEvictFrom(form, fact, writer.fact());
        if (cannot.isPresent()) {
          warnings.add("stale data: " + writer.fact().name() + "() writes in the same class but " + cannot.get()
              + "; entries live up to " + policy.getValue().ttlSeconds() + " s");
          continue;
        }
        // the entry the writer changes when its parameters name the key, else everything: stale is worse than a miss
        evictions.add(new CachingTarget.Eviction(writer, matchKey(fact, writer.fact()).orElse(null)));
      }
      for (IndexedMethod writer : writersElsewhere(method.get())) {
        boolean bean = index.type(writer.fact().ownerType()).map(t -> t.annotations().stream()
            .anyMatch(SPRING_BEAN_ANNOTATIONS::contains)).orElse(false);
        if (form == CacheForm.SPRING && bean && isPublic(writer.fact()) && cannotEvictFrom(form, fact, writer.fact()).isEmpty()) {
          // cache names are global in Spring: any bean can drop the whole cache when it writes its data
          evictions.add(new CachingTarget.Eviction(writer, null));
        } else {
          warnings.add("stale data: " + writer.fact().displayName() + "() writes data " + fact.name() + "() reads, "
              + "and cannot reach this cache to evict it; entries live up to " + policy.getValue().ttlSeconds() + " s");
        }
      }
      targets.add(new CachingTarget(finding, method.get(), form, policy.getKey(), policy.getValue(), cacheName,
          List.copyOf(evictions), List.copyOf(warnings)));
    }
    return new Plan(List.copyOf(targets), List.copyOf(refusals));
  }

  private boolean simpleNameShared(String simpleName) {
    long count = index.files().stream().flatMap(f -> f.types().stream())
        .filter(t -> t.simpleName().equals(simpleName)).count();
    return count > 1;
  }

  private Optional<IndexedMethod> locate(Finding finding) {
    for (IndexedMethod method : index.methodsOfType(finding.enclosingClass())) {
      if (method.path().equals(finding.path()) && method.fact().range().line() == finding.line()) {
        return Optional.of(method);
      }
    }
    return Optional.empty();
  }

  private Optional<String> refusal(IndexedMethod method) {
    MethodFact fact = method.fact();
    TypeFact owner = index.type(fact.ownerType()).orElse(null);
    if (owner == null || !owner.kind().equals("class")) {
      return Optional.of("declared in " + (owner == null ? "an unknown type" : "a " + owner.kind())
          + ": caches need a class to hold them");
    }
    if (fact.params().size() > 1 && traits.javaRelease() < 16 && fact.modifiers().inInstanceInnerClass()) {
      return Optional.of("its key needs a nested class, which an inner (non-static) class cannot declare before Java 16");
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
    boolean async = isFuture(fact.returnType());
    if (async && !fact.modifiers().thrown().isEmpty()) {
      return Optional.of("returns a future but declares checked exceptions: the async loader cannot rethrow them");
    }
    return Optional.empty();
  }

  /** A JPA entity named in the return type, itself or as a type argument (List<Owner>, Page<Owner>). */
  private Optional<String> returnedEntity(MethodFact fact) {
    String signature = fact.signature();
    int name = signature.indexOf(fact.name() + "(");
    String returnPart = name < 0 ? signature : signature.substring(0, name);
    java.util.regex.Matcher identifiers = Pattern.compile("\\b[A-Z]\\w*").matcher(returnPart);
    while (identifiers.find()) {
      String simple = identifiers.group();
      for (var file : index.files()) {
        for (TypeFact type : file.types()) {
          if (type.simpleName().equals(simple) && type.annotations().stream()
              .anyMatch(a -> a.equals("Entity") || a.endsWith(".Entity") // on-demand imports leave it unqualified
                  || a.equals("org.springframework.data.mongodb.core.mapping.Document"))) {
            return Optional.of(simple);
          }
        }
      }
    }
    return Optional.empty();
  }

  static boolean isFuture(String returnType) {
    return returnType.equals("java.util.concurrent.CompletableFuture");
  }

  private CacheForm form(IndexedMethod method) {
    MethodFact fact = method.fact();
    if (!traits.spring() || fact.isStatic() || !fact.modifiers().isPublic() || isFuture(fact.returnType())
        || fact.modifiers().isFinal()) {
      return CacheForm.PLAIN;
    }
    TypeFact owner = index.type(fact.ownerType()).orElseThrow();
    boolean bean = owner.annotations().stream().anyMatch(SPRING_BEAN_ANNOTATIONS::contains);
    return bean ? CacheForm.SPRING : CacheForm.PLAIN;
  }

  private List<String> selfCallers(IndexedMethod target) {
    List<String> callers = new ArrayList<>();
    for (IndexedMethod method : index.methodsOfType(target.fact().ownerType())) {
      for (CallRef call : method.fact().calls()) {
        if (call.name().equals(target.fact().name()) && target.fact().ownerType().equals(call.receiverType())
            && index.targetsOf(call).contains(target) && method != target) {
          callers.add(method.fact().name() + "()");
        }
      }
    }
    return callers.stream().distinct().sorted().toList();
  }

  private int callersFromOutside(IndexedMethod target) {
    int count = 0;
    for (IndexedMethod method : index.methods()) {
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

  private List<IndexedMethod> writersInSameClass(IndexedMethod target) {
    List<IndexedMethod> writers = new ArrayList<>();
    for (IndexedMethod method : index.methodsOfType(target.fact().ownerType())) {
      if (method != target && !method.fact().isConstructor()
          && index.reachedIo(method).stream().anyMatch(r -> r.site().access() == Access.WRITE)) {
        writers.add(method);
      }
    }
    return writers;
  }


  private static boolean isPublic(MethodFact fact) {
    return fact.modifiers().isPublic();
  }

  /**
   * Methods of other classes that write what the cached method reads: the same tables (from the
   * SQL text) or the same repository.
   */
  private List<IndexedMethod> writersElsewhere(IndexedMethod target) {
    Set<String> read = new java.util.TreeSet<>();
    for (var reached : index.reachedIo(target)) {
      if (reached.site().access() == Access.READ) {
        read.addAll(DataNames.of(reached.site()));
      }
    }
    List<IndexedMethod> writers = new ArrayList<>();
    if (read.isEmpty()) {
      return writers;
    }
    for (IndexedMethod method : index.methods()) {
      if (method.fact().ownerType().equals(target.fact().ownerType()) || method.fact().isConstructor()
          || SourceSet.isTestPath(method.path()) || !inModule.test(method.path())) {
        continue;
      }
      for (var site : index.sitesOf(method)) {
        if (site.access() == Access.WRITE && DataNames.of(site).stream().anyMatch(read::contains)) {
          writers.add(method);
          break;
        }
      }
    }
    return writers;
  }

  /** Why a writer cannot carry an eviction for this cache, or empty when it can. */
  private static Optional<String> cannotEvictFrom(CacheForm form, MethodFact cached, MethodFact writer) {
    if (form == CacheForm.SPRING) {
      if (!isPublic(writer)) {
        return Optional.of("it is not public, so Spring's proxy cannot evict around it");
      }
      if (writer.hasAnnotation("org.springframework.cache.annotation.CacheEvict")
          || writer.hasAnnotation("org.springframework.cache.annotation.Caching")) {
        return Optional.of("it already has cache annotations that optkit does not merge");
      }
      return Optional.empty();
    }
    if (writer.isStatic() && !cached.isStatic()) {
      return Optional.of("it is static and cannot reach the instance's cache");
    }
    return Optional.empty();
  }

  /** The writer's arguments that rebuild the cached key: same names and types for every key parameter. */
  private static Optional<List<String>> matchKey(MethodFact cached, MethodFact writer) {
    if (cached.params().isEmpty()) {
      return Optional.of(List.of());
    }
    List<String> arguments = new ArrayList<>();
    for (ParamFact key : cached.params()) {
      // same name and type only: a parameter of the same type but another meaning would evict the wrong entry
      Optional<ParamFact> match = writer.params().stream()
          .filter(p -> p.qualifiedType().equals(key.qualifiedType()) && p.name().equals(key.name()))
          .findFirst();
      if (match.isEmpty()) {
        return Optional.empty();
      }
      arguments.add(match.get().name());
    }
    return Optional.of(arguments);
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
