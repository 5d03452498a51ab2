package dev.optkit.rewriters.caching.writers;

import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.facts.types.AnnotationValues;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.source.SourceSet;
import dev.optkit.rewriters.caching.CacheForm;
import dev.optkit.rewriters.caching.MembersByType;
import dev.optkit.rewriters.caching.ProjectTraits;
import dev.optkit.rewriters.caching.WholeProject;
import dev.optkit.analyzers.index.Transactions;
import dev.optkit.rewriters.caching.spring.SpringBeans;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a cache's evictions can go: whether a writer of its data can carry one (same process and
 * application context, a body to evict from, a write that completes before it returns, a commit
 * the eviction follows), or else which callers every path to the writer crosses.
 */
public final class WriterEvictions {
  /** Said of an abstract writer, whose callers carry its eviction instead when every path crosses them. */
  /**
   * Why no eviction can follow a writer, as printed, and what kind of reason it is: one no proxy wraps (its callers'
   * proxies may carry the eviction), one with no body (a query method: its callers write), or another.
   */
  public record CannotEvict(Kind kind, String text) {
    /** What the reason says of the writer. */
    public enum Kind { NO_PROXY, NO_BODY, OTHER }

    /** A bodiless writer: a query method its library implements. */
    public static final CannotEvict NO_BODY = new CannotEvict(Kind.NO_BODY, "it has no body to evict from");

    static Optional<CannotEvict> noProxy(String text) {
      return Optional.of(new CannotEvict(Kind.NO_PROXY, text));
    }

    static Optional<CannotEvict> other(String text) {
      return Optional.of(new CannotEvict(Kind.OTHER, text));
    }

    public static CannotEvict of(String text) {
      return new CannotEvict(Kind.OTHER, text);
    }
  }

  private final WholeProject whole;
  private final ProjectIndex index;
  private final Transactions transactions;
  private final ProjectTraits traits;
  private final java.util.function.Predicate<String> inModule;
  private final MembersByType members;
  private final SpringBeans springBeans;
  private final TestReadBacks testReadBacks;
  private final TestCacheReset testCacheReset;
  private final InPlaceCallbacks inPlace;
  private final DeferringAdvice deferringAdvice;

  public WriterEvictions(WholeProject whole, ProjectTraits traits, java.util.function.Predicate<String> inModule,
      MembersByType members, SpringBeans springBeans) {
    this.whole = whole;
    this.index = whole.index();
    this.transactions = whole.transactions();
    this.traits = traits;
    this.inModule = inModule;
    this.members = members;
    this.springBeans = springBeans;
    this.testReadBacks = new TestReadBacks(index, new TestSlices(index, traits), springBeans);
    this.testCacheReset = whole.scanRoot() == null ? null
        : new TestCacheReset(index, whole.scanRoot(), traits, testReadBacks, springBeans);
    this.deferringAdvice = new DeferringAdvice(whole);
    this.inPlace = new InPlaceCallbacks(whole, deferringAdvice);
  }

  /**
   * With several Spring Boot applications in the module, a writer evicts only the caches of the
   * contexts it runs in: it must run in exactly the one application the cached bean runs in, and
   * under the scan where optkit's configuration goes (elsewhere no context would hold that cache).
   */
  private Optional<String> anotherApplication(IndexedMethod cached, IndexedMethod writer) {
    String writerPackage = index.packageOfType(writer.fact().ownerType());
    if (!traits.scannedWithConfiguration(writerPackage)) {
      return Optional.of("its bean's package " + writerPackage + " is outside the component scan of "
          + traits.scanPackage() + ", where optkit's caches are configured: it runs in another application context, "
          + "whose eviction cannot reach this cache");
    }
    List<String> readerApps = traits.applicationsCovering(index.packageOfType(cached.fact().ownerType()));
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


  /** Whether a test's write is a set-up seeding before the tests ({@link TestReadBacks#seedsBeforeTests}). */
  public boolean seedsBeforeTests(IndexedMethod writer) {
    return testReadBacks.seedsBeforeTests(writer);
  }

  /** Whether a writing test may read its write back through the cache ({@link TestReadBacks}). */
  public boolean readsBackThroughTheCache(IndexedMethod testWriter, IndexedMethod cached) {
    return testReadBacks.readsBackThroughTheCache(testWriter, cached);
  }

  /**
   * Why clearing a Spring cache before each test method cannot cover a test's write of its data
   * ({@link TestCacheReset}); empty when it can.
   */
  public Optional<String> whyNotClearedForTests(IndexedMethod testWriter, IndexedMethod cached) {
    if (!inModule.test(testWriter.path())) {
      return Optional.of("it is in another Maven module, whose tests run without this module's test resources");
    }
    if (testCacheReset == null) {
      return Optional.of("optkit has no project folder to read its test resources from");
    }
    // a write inside a test that the caches-off switch cannot cover either: the refusal says why not
    Optional<String> offInTests = testCacheReset.writesInsideATest(testWriter) ? testCacheReset.whyNotOffInTests()
        : Optional.empty();
    return testCacheReset.whyNot(testWriter, cached)
        .map(why -> offInTests.map(off -> why + "; nor can its module's tests run with the caches off: " + off).orElse(why));
  }

  /**
   * Whether the caches can be turned off while the tests of this test writer's module run: it is test code under that
   * module's {@code src/test/java} that writes inside a test (a set-up's write is cleared for, or refused), whose Maven
   * build puts {@code src/test/resources}, where the marker the switch reads goes, on every test's class path, and
   * whose tests start no application of their own in another process.
   */
  public boolean canTurnOffInTests(IndexedMethod testWriter) {
    return testCacheReset != null && inModule.test(testWriter.path()) && SourceSet.isTestPath(testWriter.path())
        && TestCacheReset.testRoot(testWriter.path()).isPresent() && testCacheReset.writesInsideATest(testWriter)
        && testCacheReset.whyNotOffInTests().isEmpty();
  }

  /** What the planner knows about the members of each class, shared with the layer choosing where evictions go. */
  MembersByType members() {
    return members;
  }

  /**
   * Why a writer cannot carry an eviction for this cache, or empty when it can: what {@link #cannotEvictAround}
   * says, or, for a Spring cache, that its own object also calls it through {@code this}, where no proxy is.
   */
  public Optional<CannotEvict> cannotEvictFrom(CacheForm form, IndexedMethod cached, IndexedMethod writerMethod) {
    Optional<CannotEvict> around = cannotEvictAround(form, cached, writerMethod);
    if (around.isPresent() || form != CacheForm.SPRING) {
      return around;
    }
    List<String> selfCallers = members.selfCallers(writerMethod);
    if (!selfCallers.isEmpty()) {
      // a self-call in code that may run after its caller returns: an eviction around that caller may come first
      for (Map.Entry<IndexedMethod, CallRef> selfCall : members.selfCalls(writerMethod)) {
        Optional<String> later = SourceSet.isTestPath(selfCall.getKey().path())
            || runsInPlace(selfCall.getKey(), selfCall.getValue()) ? Optional.empty()
            : inPlace.laterCode(selfCall.getKey(), selfCall.getValue());
        if (later.isPresent()) {
          String caller = selfCall.getKey().fact().name() + "()";
          return CannotEvict.other("it is also called through 'this' from " + caller + ", " + later.get() + ", which may "
              + "run it after " + caller + " returns, so no eviction around " + caller + " is shown to follow the "
              + "write");
        }
      }
      return CannotEvict.other("it is also called through 'this' from " + String.join(", ", selfCallers)
          + ", where no eviction would run (self-invocation bypasses Spring's proxy)");
    }
    for (IndexedMethod override : members.overrides(writerMethod)) {
      Optional<CannotEvict> cannot = SourceSet.isTestPath(override.path()) ? Optional.empty()
          : cannotEvictAround(form, cached, override);
      if (cannot.isPresent()) {
        // a subclass's override is what runs on its objects (hostile review 32: o1 a non-bean, o4 a final method)
        return CannotEvict.other("it is overridden by " + override.fact().displayName() + "(), and " + cannot.get().text());
      }
    }
    return Optional.empty();
  }

  /**
   * The methods that carry a Spring cache's eviction for a public writer its own object also calls through
   * {@code this} ({@code clearCart(User user) { clearCart(user.getId()); }}): the writer, for the calls that come
   * through its proxy, and each self-caller, whose own proxy's eviction follows the write it makes inside (a
   * self-caller that cannot evict, non-public, is replaced by its callers in turn). Empty when the writer cannot
   * evict for another reason, or when some self-call cannot be covered: made in a task run later, from the
   * cached method, from a constructor or start-up method, or from a method handing out code.
   */
  public Optional<List<IndexedMethod>> evictingWithSelfCallers(CacheForm form, IndexedMethod cached, IndexedMethod writer,
      Set<IndexedMethod> seen) {
    if (form != CacheForm.SPRING || !writer.fact().modifiers().isPublic()
        || cannotEvictAround(form, cached, writer).isPresent()) {
      return Optional.empty();
    }
    List<IndexedMethod> evicting = new ArrayList<>(List.of(writer));
    seen.add(writer);
    // a subclass bean's override is what its proxy runs: with cache annotations of its own, Spring reads those and not
    // the overridden method's, so optkit's eviction goes on it too (shop-data-model's ProductService.update calling
    // super.update() after its own @Caching: audit 9, stale by a run)
    for (IndexedMethod override : members.overrides(writer)) {
      if (seen.add(override)) {
        if (SourceSet.isTestPath(override.path())) {
          continue;
        }
        if (cannotEvictAround(form, cached, override).isPresent()) {
          return Optional.empty();
        }
        evicting.add(override);
      }
    }
    List<Map.Entry<IndexedMethod, CallRef>> selfCalls = members.selfCalls(writer);
    if (!selfCalls.isEmpty() && members.holdsCode(writer)) {
      return Optional.empty(); // BiConsumer op = this::update in a field: its runs are self-calls no method shows
    }
    for (Map.Entry<IndexedMethod, CallRef> selfCall : selfCalls) {
      IndexedMethod caller = selfCall.getKey();
      if (SourceSet.isTestPath(caller.path()) || !seen.add(caller)) {
        continue; // a test's own subclass is no bean; a caller met before is covered, or fails the whole answer
      }
      if (selfCall.getValue().deferred() || caller == cached || deferredCode(caller.fact().returnType())
          || !runsInPlace(caller, selfCall.getValue())) {
        return Optional.empty(); // a task, a lambda or a class body that may run the write after the eviction
      }
      if (!caller.fact().modifiers().isPublic()
          && dev.optkit.analyzers.index.WebEntryPoints.hasEntryAnnotation(caller.fact())) {
        return Optional.empty(); // a package-private @Scheduled or @EventListener: the framework calls it directly
      }
      Optional<List<IndexedMethod>> covering = caller.fact().modifiers().isPublic()
          ? evictingWithSelfCallers(form, cached, caller, seen)
          : evictingCallers(form, cached, caller, new java.util.HashSet<>());
      if (covering.isEmpty()) {
        return Optional.empty();
      }
      evicting.addAll(covering.get());
    }
    return Optional.of(evicting.stream().distinct().toList());
  }

  private boolean runsInPlace(IndexedMethod caller, CallRef call) {
    return inPlace.runsInPlace(caller, call);
  }

  /** Why no eviction can go around a writer's calls from outside its object, or empty when one can. */
  private Optional<CannotEvict> cannotEvictAround(CacheForm form, IndexedMethod cached, IndexedMethod writerMethod) {
    MethodFact writer = writerMethod.fact();
    if (!inModule.test(writerMethod.path())) {
      // whether the two modules share a JVM is the deployment's business; what holds is that optkit plans each
      // module's caches, their configuration and their evictions inside that module
      return CannotEvict.other("it is in another Maven module (" + writerMethod.path() + "), and optkit adds a module's "
          + "caches and their evictions inside that module only");
    }
    if (SourceSet.isGeneratedPath(writerMethod.path())) {
      return CannotEvict.other("it is generated code, which optkit does not edit");
    }
    if (SourceSet.isTestPath(writerMethod.path())) {
      return CannotEvict.other("it is test code, which optkit does not edit: a test reading its own write back through "
          + "the cache would fail");
    }
    if (writer.isAbstract()) {
      return Optional.of(CannotEvict.NO_BODY);
    }
    if (writer.isConstructor()) {
      return CannotEvict.other("it is a constructor, which no cache annotation or invalidation can follow");
    }
    if (form == CacheForm.SPRING && writer.annotations().stream()
        .anyMatch(a -> a.equals("Bean") || a.equals("org.springframework.context.annotation.Bean"))) {
      // the container calls it to make the bean, and other bean methods call it in place or through the
      // configuration's own interceptor, never through a caching proxy
      return CannotEvict.other("it is a @Bean method, which runs when the bean is made (and again wherever code calls it in "
          + "lite mode or for another scope), never through a proxy that could evict around it");
    }
    if (form == CacheForm.SPRING) {
      Optional<String> escapes = members.thisHandedOut(writerMethod);
      if (escapes.isPresent()) {
        return CannotEvict.other("its class hands 'this' to " + escapes.get() + ", which may call it on the object itself, "
            + "past the proxy that would evict");
      }
      Optional<String> holder = members.codeHolder(writerMethod);
      if (holder.isPresent() && index.type(holder.get()).isEmpty()) {
        return CannotEvict.other("its class extends " + ProjectTraits.simpleName(TypeNames.raw(holder.get()))
            + ", library code optkit does not read, which may call it on the object itself (a template method "
            + "running the steps a subclass overrides), past the proxy that would evict");
      }
      if (holder.isPresent()) {
        return CannotEvict.other("its class keeps code in a field (a method reference to itself, say), which may run it on "
            + "the object itself, past the proxy that would evict");
      }
      Optional<String> made = members.madeWithNew(writer.ownerType());
      if (made.isPresent()) {
        return CannotEvict.other("its class is also made with new in " + made.get() + ": that object is no bean, and no "
            + "proxy evicts around its writes");
      }
      Optional<String> listener = members.privateListener(writer.ownerType());
      if (listener.isPresent()) {
        return CannotEvict.other("its class has the private " + listener.get() + ", which Spring cannot invoke once a cache "
            + "annotation makes the bean a proxy: the application would not start");
      }
    }
    if (CacheForm.isFuture(writer.returnType()) || dev.optkit.analyzers.facts.types.Publishers.is(writer.returnType())
        || writer.returnType().equals("java.util.concurrent.Future")) {
      return CannotEvict.other("it returns a " + ProjectTraits.simpleName(writer.returnType()) + ": its write may complete "
          + "after it returns, and an eviction on its return would come before the write");
    }
    Optional<String> manual = manualTransaction(writerMethod);
    if (manual.isPresent()) {
      return manual.map(CannotEvict::of);
    }
    if (form == CacheForm.SPRING) {
      if (!springBeans.isBeanClass(writer.ownerType()) && !springBeans.beanThroughSubclasses(writer.ownerType())) {
        return CannotEvict.noProxy("it is not a Spring bean, so no proxy can evict around it");
      }
      if (!writer.modifiers().isPublic() || writer.isStatic() || writer.modifiers().isFinal()) {
        // trial 71: Spring 6 intercepts protected and package-private methods of class-based proxies too, so "cannot"
        // was false there; optkit does not tell which proxies a project gets, and says what it does instead
        return CannotEvict.noProxy("it is not a public instance method: optkit evicts only around public ones, which Spring's "
            + "proxies intercept on every version and proxy type");
      }
      if (writer.annotations().stream().anyMatch(a -> a.endsWith("PostConstruct") || a.endsWith("PreDestroy"))
          || Set.of("afterPropertiesSet", "destroy").contains(writer.name()) && writer.params().isEmpty()) {
        return CannotEvict.other("Spring calls it on the bean itself at start-up or shutdown, not through its proxy, so "
            + "no eviction around it would run");
      }
      // its own @CacheEvict, @CachePut, @Caching or plain @Cacheable takes ours beside it (ExistingEvictions; Spring
      // runs an eviction after the call even when the @Cacheable answered it); a synchronized @Cacheable must stay
      // alone on its method or Spring refuses to start (audit 16's S28: a plain one was refused as if synchronized)
      if (writer.annotationValues().containsKey(AnnotationValues.CACHEABLE_SYNC)
          || writer.annotationValues().getOrDefault(AnnotationValues.CACHING_OPERATIONS, "")
              .contains("cacheable")) {
        return CannotEvict.other("it is itself cached (@Cacheable(sync = true) or in @Caching), and Spring refuses another "
            + "cache operation beside a synchronized one, so optkit adds no eviction there");
      }
      if (index.type(writer.ownerType()).map(t -> t.isFinal() || t.kind().equals("record") || t.kind().equals("enum"))
          .orElse(false)) {
        return CannotEvict.noProxy("its class is final, so Spring cannot proxy it to evict");
      }
      Optional<String> injection = springBeans.injectedByClass(writer.ownerType());
      if (injection.isPresent()) {
        return injection.map(CannotEvict::of);
      }
      Optional<String> advice = deferringAdvice.first();
      if (advice.isPresent()) {
        return CannotEvict.other("the project's advice " + advice.get() + " may run what it wraps after it returns "
            + "(proceed() in a lambda, a task or another method), and an eviction around the writer runs when the "
            + "advice returns, maybe before the write");
      }
      return anotherApplication(cached, writerMethod).map(CannotEvict::of);
    }
    if (!writer.ownerType().equals(cached.fact().ownerType())) {
      return CannotEvict.other("it is in another class, and a plain Java cache can only be invalidated by its own class");
    }
    if (writer.isStatic() && !cached.fact().isStatic()) {
      return CannotEvict.other("it is static and cannot reach the instance's cache");
    }
    Optional<String> transaction = transactions.inTransaction(writerMethod);
    if (transaction.isPresent()) {
      String where = transaction.get().equals(writer.displayName() + "()") ? "it runs in a transaction"
          : "it runs in the transaction of " + transaction.get() + ", which calls it";
      return CannotEvict.other(where + ": invalidating before the commit would let a concurrent read "
          + "cache the old value again, and plain Java has no after-commit hook optkit can rely on");
    }
    return Optional.empty();
  }

  /**
   * The methods to evict on instead of a non-public writer: its project callers, each able to evict
   * (or, non-public itself, replaced by its own callers in turn). Empty when some path to the writer
   * cannot be covered, when the writer has no caller optkit can see (the framework may call it), or
   * on a cycle.
   */
  public Optional<List<IndexedMethod>> evictingCallers(CacheForm form, IndexedMethod cached, IndexedMethod writer,
      Set<IndexedMethod> seen) {
    if (!seen.add(writer)) {
      return Optional.empty();
    }
    if (!writer.fact().modifiers().isPublic()
        && dev.optkit.analyzers.index.WebEntryPoints.hasEntryAnnotation(writer.fact())) {
      return Optional.empty(); // a package-private @Scheduled writer: the framework calls it, past its callers
    }
    // a field holding code (Consumer<String> adder = this::insertNote, Consumer<Owner> save = dao::save) may run the
    // writer from any method, and its initializer is no method the call graph sees
    if (members.holdsCode(writer) || members.namedInFieldCode(writer)) {
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
      if (!caller.fact().modifiers().isPublic()
          && dev.optkit.analyzers.index.WebEntryPoints.hasEntryAnnotation(caller.fact())) {
        return Optional.empty(); // a package-private @Scheduled or @EventListener: the framework calls it, not its callers
      }
      Optional<List<IndexedMethod>> withSelfCallers = evictingWithSelfCallers(form, cached, caller,
          new java.util.HashSet<>());
      if (withSelfCallers.isPresent()) {
        evicting.addAll(withSelfCallers.get());
      } else if (cannotEvictFrom(form, cached, caller).isEmpty()) {
        evicting.add(caller);
      } else if (!caller.fact().modifiers().isPublic() || onlyProjectCalls(form, caller)) {
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
   * A public static method of a class that is no bean, in this module, which holds the Spring Boot
   * application: only the project's code calls it (the framework calls beans' instance methods, and
   * no other module depends on an application's), so its project callers are every path to it.
   * {@code main} is the JVM's entry.
   */
  private boolean onlyProjectCalls(CacheForm form, IndexedMethod caller) {
    return form == CacheForm.SPRING && caller.fact().isStatic() && !caller.fact().name().equals("main")
        && !traits.applications().isEmpty() && inModule.test(caller.path())
        && !springBeans.isBeanClass(caller.fact().ownerType());
  }

  private static final Set<String> CODE_TYPES = Set.of(
      "java.util.stream.Stream", "java.util.stream.IntStream", "java.util.stream.LongStream",
      "java.util.stream.DoubleStream", "java.util.Iterator", "java.lang.Iterable", "java.util.Spliterator",
      "java.lang.Runnable", "java.util.concurrent.Callable", "java.util.function.Consumer",
      "java.util.function.BiConsumer", "java.util.function.Function", "java.util.function.BiFunction",
      "java.util.function.Supplier", "java.util.function.Predicate", "java.util.function.UnaryOperator",
      "java.util.function.BinaryOperator", "java.util.concurrent.CompletableFuture", "java.util.concurrent.Future",
      "java.lang.Thread", "java.util.TimerTask");

  /** A type that holds code to run later: a functional interface, a task, a future. */
  static boolean deferredCode(String type) {
    String erased = TypeNames.raw(type);
    String simple = erased.substring(erased.lastIndexOf('.') + 1);
    // every java.util.function interface (IntConsumer, ToLongFunction...) holds code, not only the common ones
    return CODE_TYPES.contains(erased) || erased.startsWith("java.util.function.")
        || CODE_TYPES.stream().anyMatch(t -> t.endsWith("." + simple))
        || simple.endsWith("Listener") || simple.endsWith("Callback") || simple.endsWith("Task");
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
}
