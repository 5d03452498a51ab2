package dev.optkit.analyzers.rules;

import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.ParamFact;
import dev.optkit.analyzers.findings.Category;
import dev.optkit.analyzers.facts.Confidence;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.findings.Severity;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ReachedIo;
import dev.optkit.analyzers.index.WebEntryPoints;
import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
    id = "CacheableReadMethod",
    title = "Cacheable read method",
    category = Category.CACHEABLE_READ,
    severity = Severity.MEDIUM,
    summary = "A method that returns a value computed from remote or database reads, keyed by value parameters, "
        + "and not cached.",
    description = "The method returns a value, performs read I/O directly or through project methods, performs "
        + "no writes, takes only parameters that make a stable cache key (primitives, String, enums, records, UUID, "
        + "java.time values...), does not itself read the clock, a random source, a setting its key leaves out "
        + "(default locale or time zone, system properties, the request's locale) or mutable fields of its object, is "
        + "not a request handler or listener, and is not already cached. What the methods it calls read is migrate's "
        + "proof to make: a finding whose callee draws a random number says migrate refuses it, and why. Writers in "
        + "the same class are listed as a "
        + "stale-data risk. "
        + "Names like get*, fetch*, find*, load* (configurable) raise its rank but do not decide alone.",
    remediation = "Cache it with a bounded TTL cache: @Cacheable with a Caffeine cache manager in Spring "
        + "projects, a Caffeine cache field in plain Java (optkit migrate does either).")
public final class CacheableReadMethodRule implements Rule {
  private static final Set<String> ONE_SHOT_RETURNS = Set.of(
      "java.util.stream.Stream", "java.util.stream.IntStream", "java.util.stream.LongStream", "java.util.Iterator",
      "java.io.InputStream", "java.io.Reader", "java.sql.ResultSet", "java.sql.Connection", "java.util.Spliterator");

  /**
   * What a handler that reads a repository itself cannot have cached for it, said where every read is a query method
   * the project's repository inherits without declaring ({@code dishRepository.findAll()} of a {@code JpaRepository}:
   * audit 10's g1): optkit annotates declared methods only, and the handler has no service to cache instead.
   */
  private static String inheritedQueriesRead(RuleContext context, List<ReachedIo> reads) {
    List<String> inherited = new ArrayList<>();
    for (ReachedIo read : reads) {
      String repository = read.site().receiverType();
      // declared by the repository or by a project interface it extends (a default method: audit 14's n3)
      boolean declared = repository == null || !read.direct()
          || context.index().type(repository).map(t -> !t.kind().equals("interface")).orElse(true)
          || context.index().supertypesOf(repository).stream()
              .anyMatch(type -> !context.index().methods(type, read.site().method()).isEmpty())
          || !context.index().methods(repository, read.site().method()).isEmpty();
      if (declared) {
        return "";
      }
      String name = repository.substring(repository.lastIndexOf('.') + 1) + "." + read.site().method() + "()";
      if (!inherited.contains(name)) {
        inherited.add(name);
      }
    }
    return inherited.isEmpty() ? "" : "; it calls " + String.join(", ", inherited) + " itself, which the repository "
        + "inherits without declaring, and optkit caches declared methods only: declare it in the repository (or call "
        + "it from a service method), then run migrate again";
  }

  /** Holders whose ordinary use changes them: atomics, bit sets, NIO buffers, builders, arrays of bytes filled in place. */
  private static boolean statefulHolder(String type) {
    return type.startsWith("java.util.concurrent.atomic.") || type.equals("java.util.BitSet")
        || type.startsWith("java.nio.") && type.endsWith("Buffer") || type.equals("java.util.Properties")
        || type.equals("java.util.Scanner") || type.equals("java.lang.StringBuilder")
        || type.equals("java.lang.StringBuffer")
        // DateTimeFormatterBuilder, UriComponentsBuilder: each append or set changes it (hostile review 33's a5)
        || type.endsWith("Builder");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    SameClassWriters writers = new SameClassWriters(context.index());
    for (IndexedMethod method : context.index().methods()) {
      candidate(context, method, writers).ifPresent(findings::add);
    }
    return findings;
  }

  /**
   * Why a method that reads remote or database data is not a cacheable read, or empty when it is
   * one (or reads nothing, which needs no reason). migrate prints these so every near miss is explained.
   */
  /**
   * A field the method reads that a project superclass declares not final:
   * state its object inherits, which a key over the parameters would miss (trial 55's 3a: {@code authorize()} read
   * the request map {@code Command.setMap()} sets, and one cached answer served every user).
   */
  private static Optional<Reason> inheritedStateRead(RuleContext context, MethodFact fact) {
    return Reason.of(Proof.KEY_MISSES_STATE, inheritedState(context.index(), fact).map(state -> "depends on mutable "
        + "state its object inherits from " + state + ", which a key over its parameters would miss"));
  }

  /**
   * The state the method's object inherits and reads, in words ("BaseDao (field allowed, whose object BaseDao's code
   * changes after construction)"): a field a project superclass declares not final, or final with an object its class
   * changes (a set it fills, or a view of one: hostile review 74's u_super_view, {@code super.allowed}).
   */
  public static Optional<String> inheritedState(dev.optkit.analyzers.index.ProjectIndex index, MethodFact fact) {
    for (String name : fact.inheritedNamesRead()) {
      for (String supertype : index.supertypesOf(fact.ownerType())) {
        Optional<dev.optkit.analyzers.facts.TypeFact> declaring = index.type(supertype)
            .filter(type -> type.fieldTypes().containsKey(name));
        if (declaring.isPresent() && !supertype.equals(fact.ownerType())) {
          boolean nonFinal = declaring.get().nonFinalFields().contains(name)
              || declaring.get().nonFinalStatics().contains(name);
          if (!nonFinal && !declaring.get().changingFields().contains(name)) {
            break; // a final field: set at construction, as the class's own final fields are
          }
          return Optional.of(declaring.get().simpleName() + " (field " + name + (nonFinal ? ""
              : ", whose object " + declaring.get().simpleName() + "'s code changes after construction") + ")");
        }
      }
    }
    return Optional.empty();
  }

  /** A write call site: no cache candidate, for the reason a method that writes is none. */
  public static final Reason WRITE_SITE = new Reason(Proof.OWN_WRITE, "writes are not cached");
  /** A call a cache answers already. */
  public static final Reason ALREADY_CACHED = new Reason(Proof.ALREADY_CACHED, "already cached");

  public static Optional<Reason> whyNotCacheable(RuleContext context, IndexedMethod method) {
    MethodFact fact = method.fact();
    if (fact.isAbstract() && !repositoryQueryMethod(context, method)) {
      return declaredClientRead(context, method);
    }
    if (fact.isConstructor()) {
      return Optional.empty();
    }
    List<ReachedIo> reached = context.index().reachedIo(method);
    if (reached.stream().noneMatch(r -> r.site().access() == Access.READ || r.site().access() == Access.UNKNOWN)) {
      return Optional.empty();
    }
    if (!fact.returnsValue()) {
      return Reason.of(Proof.NO_RESULT, "returns nothing: there is no result to cache");
    }
    if (fact.hasAnnotation("org.springframework.context.annotation.Bean")) {
      // a Spring Batch step whose tasklet lambda reads and sets its exit status (audit 10's s8): not a read of its own
      return Reason.of(Proof.BEAN_FACTORY, "a @Bean factory method: Spring calls it once, at start-up, and the bean it makes does the "
          + "reading later; cache what that bean calls instead");
    }
    if (reached.stream().anyMatch(r -> r.site().access() == Access.WRITE)) {
      // the write named as the read is, with its verb and the path to it: a sign-in POST inside a helper is no GET
      // the reader misread (trial 105's quiz service)
      return Reason.of(Proof.OWN_WRITE, "writes (" + reached.stream().filter(r -> r.site().access() == Access.WRITE).findFirst()
          .map(r -> ReachedSites.describe(r, context.index().messageDepth(), true)).orElse("")
          + "): replaying it from a cache would skip the write");
    }
    List<ReachedIo> reads = reached.stream().filter(r -> r.site().access() == Access.READ).toList();
    if (reads.isEmpty()) {
      // only I/O whose access no reader could tell (a library's bytecode reaching Statement.execute): its call sites
      // point here, so say why, rather than send them to a line that is not there
      ReachedIo unknown = reached.stream().filter(r -> r.site().access() == Access.UNKNOWN).findFirst().orElseThrow();
      return Reason.of(Proof.UNKNOWN_ACCESS, "its I/O may read or write (" + ReachedSites.describe(unknown,
          context.index().messageDepth(), true) + "): optkit caches only what it can show is a read");
    }
    if (reads.stream().allMatch(r -> context.index().isCacheStore(r.site()))) {
      return Reason.of(Proof.CACHE_STORE_READ, "reads a cache store already (" + reads.get(0).site().provider()
          + "): a second cache in front of it adds staleness and memory, not a saved round trip worth it");
    }
    if (context.index().alreadyCached(method)) {
      return Optional.of(ALREADY_CACHED);
    }
    if (!fact.timeOrRandomUses().isEmpty()) {
      String use = fact.timeOrRandomUses().get(0);
      return Reason.of(Proof.KEY_MISSES_STATE, "depends on " + dev.optkit.analyzers.facts.extract.TimeAndRandom.whatItReads(use) + " (" + use + ")");
    }
    for (ReachedIo read : reads) {
      String query = read.site().sql();
      // a MongoDB repository's query document is no SQL: read as what it is
      Optional<String> changing = dev.optkit.analyzers.facts.sites.MongoQueryDocuments.isDocument(query)
          ? dev.optkit.analyzers.facts.sites.MongoQueryDocuments.volatileValue(query)
          : dev.optkit.analyzers.facts.sites.SqlStatements.volatileValue(query);
      if (changing.isEmpty() && read.site().sql() != null) {
        // a view the query reads may read the clock itself
        for (String name : context.index().footprints().of(read.site()).names()) {
          if (changing.isEmpty() && name.startsWith("table:")) {
            changing = context.index().schemaViews().changingValue(name.substring("table:".length()))
                .map(value -> value + " (in view " + name.substring("table:".length()) + ")");
          }
        }
      }
      if (changing.isPresent()) {
        return Reason.of(Proof.KEY_MISSES_STATE, "its query reads " + changing.get() + ", which changes from one execution to the next: a "
            + "cached answer would keep one execution's value");
      }
    }
    if (!fact.mutableFieldsRead().isEmpty()) {
      return Reason.of(Proof.KEY_MISSES_STATE, "depends on mutable state of its object (field " + fact.mutableFieldsRead().get(0)
          + "), which a key over its parameters would miss");
    }
    Optional<Reason> inherited = inheritedStateRead(context, fact);
    if (inherited.isPresent()) {
      return inherited;
    }
    if (ONE_SHOT_RETURNS.contains(fact.returnType())) {
      return Reason.of(Proof.ONE_SHOT_RESULT, "returns a " + fact.returnType().substring(fact.returnType()
          .lastIndexOf('.') + 1) + ", which can be consumed only once");
    }
    if (statefulHolder(fact.returnType())) {
      return Reason.of(Proof.STATEFUL_RESULT, "returns a " + fact.returnType().substring(fact.returnType()
          .lastIndexOf('.') + 1) + ", whose every use may change it (a buffer's reads move its position, a counter's increments add up): "
          + "one shared object would carry each caller's use into the next answer");
    }
    Optional<Reason> entryPoint = Reason.of(Proof.REQUEST_HANDLER, context.index().webEntryPoints().whyEntryPoint(method))
        .or(() -> Reason.of(Proof.WEB_RESULT, WebEntryPoints.whyWebResult(fact)))
        .or(() -> Reason.of(Proof.REACTIVE, WebEntryPoints.whyPublisher(fact)));
    if (entryPoint.isPresent()) {
      return Reason.of(entryPoint.get().proof(), entryPoint.get().text() + inheritedQueriesRead(context, reads));
    }
    Optional<String> failureAnswer = FailureAnswerReads.why(context.index(), method);
    if (failureAnswer.isPresent()) {
      // a trial's RestTemplate proxy caught RestClientException and returned null: the outage's null was cached
      return Reason.of(Proof.FAILURE_ANSWER, failureAnswer);
    }
    for (ParamFact param : fact.params()) {
      Optional<String> notKeyable = KeyableTypes.whyNotKeyable(param, context.index());
      if (notKeyable.isPresent()) {
        return Reason.of(Proof.UNKEYABLE_PARAMETER, notKeyable.get() + ": not a safe cache key");
      }
    }
    return Optional.empty();
  }

  /**
   * A read of a declared client other than a repository (a Feign or {@code @HttpExchange} interface's GET): its library
   * implements it and optkit caches the project methods calling it, so say which those are (trial 81's A: a product
   * list and a weather read through Feign were nowhere in the plan, and {@code --only} said only "matches nothing").
   */
  private static Optional<Reason> declaredClientRead(RuleContext context, IndexedMethod method) {
    Optional<IoSite> site = context.index().implementedByLibrary(method).filter(s -> s.access() == Access.READ);
    if (site.isEmpty()) {
      return Optional.empty();
    }
    List<String> callers = context.index().callersOf(method).stream()
        .filter(caller -> !dev.optkit.analyzers.source.SourceSet.isTestPath(caller.path()))
        .map(caller -> caller.fact().displayName() + "()").distinct().sorted().toList();
    String provider = site.get().provider();
    String article = "AEIOU".indexOf(Character.toUpperCase(provider.charAt(0))) >= 0 ? "an " : "a ";
    return Reason.of(Proof.DECLARED_CLIENT, "a method of " + article + provider + " interface, which " + provider
        + " implements: optkit caches the project methods that call it, not the interface; "
        + (callers.isEmpty() ? "no production code calls it" : "its callers: " + String.join(", ", callers)
            + " (see their lines)"));
  }

  /**
   * A query method of a Spring Data repository interface (declared or derived): Spring Data
   * implements it, so it reads like any method with a body, and Spring's repository proxy honours
   * {@code @Cacheable} on it. Other declared clients' methods are judged at their callers.
   */
  public static boolean repositoryQueryMethod(RuleContext context, IndexedMethod method) {
    return repositoryQueryMethod(context.index(), method);
  }

  public static boolean repositoryQueryMethod(dev.optkit.analyzers.index.ProjectIndex index, IndexedMethod method) {
    return method.fact().isAbstract() && index.implementedByLibrary(method)
        .filter(site -> site.clientId().equals(SPRING_DATA_REPOSITORY)).isPresent();
  }

  /** The catalogue's id of Spring Data repositories. */
  public static final String SPRING_DATA_REPOSITORY = "spring-data-repository";

  private Optional<Finding> candidate(RuleContext context, IndexedMethod method, SameClassWriters sameClassWriters) {
    MethodFact fact = method.fact();
    if (fact.isAbstract() && !repositoryQueryMethod(context, method) || fact.isConstructor()
        || whyNotCacheable(context, method).isPresent()) {
      return Optional.empty();
    }
    List<ReachedIo> reached = context.index().reachedIo(method);
    List<ReachedIo> reads = reached.stream().filter(r -> r.site().access() == Access.READ).toList();
    if (reads.isEmpty()) {
      return Optional.empty();
    }
    boolean named = context.matchesCacheableName(fact.name());
    boolean llm = reads.stream().anyMatch(r -> r.site().llm());
    Confidence confidence = Confidence.LOW;
    for (ReachedIo read : reads) {
      if (read.confidence().compareTo(confidence) < 0) {
        confidence = read.confidence();
      }
    }
    if (reached.stream().anyMatch(r -> r.site().access() == Access.UNKNOWN)) {
      confidence = confidence.compareTo(Confidence.MEDIUM) < 0 ? Confidence.MEDIUM : confidence;
    }
    Set<IoSite> sites = new LinkedHashSet<>();
    List<String> described = new ArrayList<>();
    for (ReachedIo read : reads) {
      sites.add(read.site());
      described.add(ReachedSites.describe(read, context.index().messageDepth(), false));
    }
    List<String> key = fact.params().stream().map(p -> p.type() + " " + p.name()).toList();
    List<String> writers = sameClassWriters.except(method);
    // SQL or URL built at run time (a query helper, a generic client wrapper): the key may not
    // capture what is read, so say so rather than rank it with fixed queries
    boolean opaque = reads.stream().allMatch(r -> !r.site().llm() && r.site().sql() == null && r.site().url() == null
        && context.index().type(r.site().receiverType()).isEmpty());
    if (opaque) {
      confidence = Confidence.LOW;
    }
    Severity severity = llm ? Severity.HIGH : named && !opaque ? Severity.MEDIUM : Severity.LOW;
    return Optional.of(FindingDraft.in(info(), method, fact.range(), fact.signature())
        .severity(severity)
        .confidence(confidence)
        .message("Cacheable read: " + fact.displayName() + " returns " + TypeNames.simple(fact.returnType()) + " from "
            + reads.size() + " read" + (reads.size() == 1 ? "" : "s") + " (" + described.get(0) + ")"
            + (key.isEmpty() ? " with no parameters" : " keyed by " + String.join(", ", key)))
        .detail("returnType", fact.returnType())
        .detail("key", key)
        .detail("reads", List.copyOf(new LinkedHashSet<>(described)))
        .detail("namePatternMatch", named)
        .detail("llm", llm ? Boolean.TRUE : null)
        .detail("transitive", reads.stream().allMatch(r -> !r.direct()))
        .detail("writersInSameClass", writers.isEmpty() ? null : writers)
        .detail("queryBuiltAtRunTime", opaque ? Boolean.TRUE : null)
        .fix(true, "optkit migrate adds a bounded, expiring cache keyed by " + (key.isEmpty() ? "a constant" : "the parameters"))
        .basis(new Finding.SavingsBasis(Finding.Remedy.CACHE, List.copyOf(sites)))
        .build());
  }

}
