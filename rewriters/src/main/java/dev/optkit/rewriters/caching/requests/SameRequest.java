package dev.optkit.rewriters.caching.requests;

import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.rewriters.caching.FilterCode;
import dev.optkit.analyzers.index.Transactions;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.rewriters.caching.ProjectTraits;
import dev.optkit.rewriters.caching.WholeProject;
import dev.optkit.rewriters.caching.sharing.ResultSharing;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether one web request may run both a call of a cached method through Spring's proxy and a method of its own
 * class calling it through {@code this}. Only then does open-session-in-view make the two one entity: the proxied
 * call's miss caches the request's managed instance, and the self-call's load answers that very instance from the
 * persistence context, which the caller then changes (audit 16's S29: no request of the project did both).
 *
 * <p>A request runs what its handler reaches, and what runs around every handler: filters and interceptors, and
 * {@code @ModelAttribute}/{@code @InitBinder} methods, counted for every handler. More than {@link #LIMIT} methods
 * reached is no proof: it counts as both.
 */
public final class SameRequest {
  private static final int LIMIT = 5000;
  private static final Set<String> AROUND_EVERY_REQUEST = Set.of("javax.servlet.Filter", "jakarta.servlet.Filter",
      "org.springframework.web.filter.OncePerRequestFilter", "org.springframework.web.filter.GenericFilterBean",
      "org.springframework.web.servlet.HandlerInterceptor", "org.springframework.web.context.request.WebRequestInterceptor",
      "org.springframework.web.servlet.handler.HandlerInterceptorAdapter", "org.springframework.web.server.WebFilter",
      "org.springframework.web.servlet.AsyncHandlerInterceptor", // hostile review 48's H6
      "javax.servlet.http.HttpFilter", "jakarta.servlet.http.HttpFilter",
      // what Spring MVC runs for a request besides its handler: argument resolvers, converters and formatters of its
      // parameters, body advice, exception resolvers (hostile review 43's r2: a resolver loading and flagging the pet)
      "org.springframework.web.method.support.HandlerMethodArgumentResolver",
      "org.springframework.core.convert.converter.Converter", "org.springframework.core.convert.converter.GenericConverter",
      "org.springframework.format.Formatter", "org.springframework.format.Parser",
      "org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice",
      "org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdvice",
      "org.springframework.web.servlet.HandlerExceptionResolver", "java.beans.PropertyEditor",
      "java.beans.PropertyEditorSupport");
  private static final Set<String> BESIDE_HANDLERS = Set.of("ModelAttribute", "InitBinder", "ExceptionHandler");

  private final ProjectIndex index;
  private final ResultSharing sharing;
  private List<IndexedMethod> around;

  public SameRequest(WholeProject whole, ResultSharing sharing) {
    this.whole = whole;
    this.index = whole.index();
    this.sharing = sharing;
  }

  private final WholeProject whole;

  /**
   * Whether some request may reach the method through its proxy and also one of its self-callers. Proven not only
   * when optkit sees every such call run by a handler: a proxied call or self-caller no handler reaches may be run
   * by code it does not see (the framework, a template, another module) in any request.
   */
  public boolean mayProxyAndSelfCall(IndexedMethod target) {
    Set<IndexedMethod> selfCallers = new HashSet<>();
    Set<IndexedMethod> proxiedCallers = new HashSet<>();
    for (IndexedMethod caller : index.callersOf(target)) {
      if (dev.optkit.analyzers.source.SourceSet.isTestPath(caller.path())) {
        continue;
      }
      for (CallRef call : caller.fact().calls()) {
        if (index.allTargetsOf(call).contains(target)) {
          (sharing.selfCall(caller, call, target) ? selfCallers : proxiedCallers).add(caller);
        }
      }
    }
    if (selfCallers.isEmpty() || proxiedCallers.isEmpty()) {
      return true; // nothing to tell apart, or the read is requested by code optkit does not see
    }
    if (around == null) {
      around = index.methods().stream().filter(this::aroundRequests).toList();
    }
    Set<IndexedMethod> handled = new HashSet<>();
    for (IndexedMethod entry : index.methods()) {
      if (index.webEntryPoints().whyEntryPoint(entry).isEmpty()) {
        continue;
      }
      Set<IndexedMethod> reached = reach(entry, around);
      if (reached == null) {
        return true;
      }
      handled.addAll(reached);
      if (reached.stream().anyMatch(selfCallers::contains) && reached.stream().anyMatch(proxiedCallers::contains)) {
        return true;
      }
    }
    return !handled.containsAll(selfCallers) || !handled.containsAll(proxiedCallers);
  }

  private static final Set<String> EVENT_PUBLISHING = Set.of("publishEvent", "multicastEvent");
  private static final Set<String> LISTENER_ANNOTATIONS = Set.of("EventListener", "TransactionalEventListener");
  private List<IndexedMethod> listeners;

  /** The project's event listeners: {@code @EventListener} methods and {@code ApplicationListener.onApplicationEvent}. */
  private List<IndexedMethod> listeners() {
    if (listeners == null) {
      listeners = index.methods().stream().filter(m -> m.fact().annotations().stream().map(ProjectTraits::simpleName)
          .anyMatch(LISTENER_ANNOTATIONS::contains) || m.fact().name().equals("onApplicationEvent")
              && index.supertypesOf(m.fact().ownerType()).stream().anyMatch(t -> t.endsWith("ApplicationListener")))
          .toList();
    }
    return listeners;
  }

  /**
   * Open-session-in-view gives one request one persistence context, so every load of a row in it answers the same
   * instance, whatever method loads it. A request calling the cached read through the proxy and loading that data
   * elsewhere too (a JPA access whose tables meet the read's, {@code meets}) shares instances with it: the read's miss
   * answers with what the other load put in the context, whose state may predate a write committed in between (the
   * cache then keeps it after the writer's eviction: hostile review 43's o1, o2), and a change the other load's code
   * makes (a {@code @Transient} flag) is made to the object the cache keeps (hostile review 42's c6, c8b). Transactions
   * do not bound it: the request's context outlives them. Empty when no request optkit sees runs both.
   */
  public java.util.Optional<String> whyNotInView(IndexedMethod target,
      java.util.function.Predicate<dev.optkit.analyzers.facts.IoSite> meets, boolean bootApplication) {
    return otherLoadBeside(target, meets).map(beside -> "it reads JPA entities, and a request calling it through "
        + "Spring's proxy also runs " + beside.fact().displayName() + "(), which " + (onlyWrites(beside, target, meets)
            // trial 54's F2: addProduct() only saves a new Product; a saved entity is managed in the context all the same
            ? "saves them too (an entity it saves stays in the request's persistence context, as a loaded one does)"
            : "loads them too (or an entity reaching them)") + ": with " + whole.openInViewOn(bootApplication) + " the request's one "
        + "persistence context answers both with the same instances, so the read may answer with state loaded before a "
        + "write committed in between, which the cache would keep, and any change that method makes to them (a "
        + "@Transient field's, say) is made to the object the cache keeps; " + whole.openInViewOffHint(bootApplication)
        + filterNote(beside, target));
  }

  /** Why servlet filters count as inside the view's context, when one of them runs the other load. */
  private String filterNote(IndexedMethod beside, IndexedMethod target) {
    List<IndexedMethod> filters = around.stream()
        .filter(method -> FilterCode.onlyAFilter(index, method.fact().ownerType())).toList();
    Set<IndexedMethod> fromFilters = filters.isEmpty() ? Set.of() : walkFrom(filters, target);
    if (fromFilters == null || !fromFilters.contains(beside)) {
      return "";
    }
    return whole.filterPhase().whyInside().map(why -> " (a servlet filter runs inside the view's persistence context "
        + "when it binds one by hand or a request is forwarded or included inside the DispatcherServlet: " + why + ")")
        .orElse("");
  }

  /** The method of a request's other load of the read's data, beside a proxied call of it; empty when none. */
  private java.util.Optional<IndexedMethod> otherLoadBeside(IndexedMethod target,
      java.util.function.Predicate<dev.optkit.analyzers.facts.IoSite> meets) {
    // a wrapper over the read's interface runs its implementations from calls optkit may not resolve (review 95's v04:
    // stores.get(0).findByLastName(..) beside a bulk update of another store, in one request)
    if (around == null) {
      around = index.methods().stream().filter(this::aroundRequests).toList();
    }
    java.util.Optional<IndexedMethod> wrapper = delegatingWrapper(target);
    if (wrapper.isPresent()) {
      return wrapper;
    }
    Set<IndexedMethod> proxiedCallers = new HashSet<>();
    for (IndexedMethod caller : index.callersOf(target)) {
      for (CallRef call : caller.fact().calls()) {
        if (index.allTargetsOf(call).contains(target) && !sharing.selfCall(caller, call, target)
            && !dev.optkit.analyzers.source.SourceSet.isTestPath(caller.path())) {
          proxiedCallers.add(caller);
        }
      }
    }
    if (around == null) {
      around = index.methods().stream().filter(this::aroundRequests).toList();
    }
    for (IndexedMethod entry : index.methods()) {
      if (index.webEntryPoints().whyEntryPoint(entry).isEmpty()) {
        continue;
      }
      Set<IndexedMethod> reached = reach(entry, around);
      if (reached != null && reached.stream().noneMatch(proxiedCallers::contains)) {
        continue;
      }
      Set<IndexedMethod> beside = reached == null ? null : walk(entry, around, target);
      if (beside == null || takesLoadedEntity(entry)) {
        // past the limit: no proof; or Spring Data loads the handler's entity argument in the request's context
        return java.util.Optional.of(entry);
      }
      java.util.Optional<IndexedMethod> loads = otherLoad(beside, target, meets);
      if (loads.isPresent() && !inExclusiveBranches(entry, target, proxiedCallers, meets)) {
        return loads;
      }
    }
    return java.util.Optional.empty();
  }

  /** {@link dev.optkit.analyzers.index.InjectedFields#delegating}, worked out once per interface. */
  private final java.util.Map<String, Boolean> delegating = new java.util.HashMap<>();

  private boolean delegating(String interfaceType) {
    return delegating.computeIfAbsent(interfaceType,
        type -> dev.optkit.analyzers.index.InjectedFields.delegating(index, type));
  }

  /** A method of another implementation of the target's interfaces that calls such an interface itself. */
  private java.util.Optional<IndexedMethod> delegatingWrapper(IndexedMethod target) {
    String owner = target.fact().ownerType();
    for (String declared : index.supertypesOf(owner)) {
      if (declared.equals(owner) || index.type(declared).filter(t -> t.isInterface()).isEmpty()
          || !delegating(declared)) {
        continue;
      }
      for (String implementation : new java.util.TreeSet<>(index.subtypesOf(declared))) {
        if (implementation.equals(owner)) {
          continue;
        }
        boolean holdsMany = dev.optkit.analyzers.index.InjectedFields.holdsMany(index, implementation);
        for (IndexedMethod method : index.methodsOfType(implementation)) {
          if (method.fact().allCalls().stream().anyMatch(call -> declared.equals(call.receiverType())
              || holdsMany && call.receiverType() == null && !index.methods(declared, call.name()).isEmpty())) {
            return java.util.Optional.of(method);
          }
        }
        // one holding the interface or an implementation (List<OwnerRepository>, ObjectProvider<..Impl>): its calls
        // may be untyped, a lambda's parameter (hostile review 96's v06: stores.forEach(s -> s.rename(..)))
        boolean holds = dev.optkit.analyzers.index.InjectedFields.holdsOneOf(index, implementation, declared);
        java.util.Optional<IndexedMethod> any = index.methodsOfType(implementation).stream()
            .filter(m -> !m.fact().isConstructor() && !m.fact().allCalls().isEmpty()).findFirst();
        if (holds && any.isPresent()) {
          return any;
        }
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * {@code show(@PathVariable("id") Day day)}: Spring Data's DomainClassConverter loads the entity an argument names,
   * inside open-in-view, before the handler runs (hostile review 50's D1); a {@code @RequestBody} one is made new.
   */
  private boolean takesLoadedEntity(IndexedMethod handler) {
    List<dev.optkit.analyzers.facts.ParamFact> params = handler.fact().params();
    var declared = whole.declaration(handler).orElse(null);
    for (int i = 0; i < params.size(); i++) {
      boolean entity = index.type(params.get(i).qualifiedType()).filter(type -> type.hasAnnotation(
          "jakarta.persistence.Entity") || type.hasAnnotation("javax.persistence.Entity")).isPresent();
      // unread, or its parameters not the facts' own: an entity argument counts whatever it says
      boolean body = declared != null && declared.getParameters().size() == params.size()
          && declared.getParameter(i).getAnnotations().stream().anyMatch(a -> a.getNameAsString().endsWith("RequestBody"));
      if (entity && !body) {
        return true;
      }
    }
    return false;
  }


  /** A method among those of a request that loads the read's data besides the read itself. */
  private java.util.Optional<IndexedMethod> otherLoad(Set<IndexedMethod> methods, IndexedMethod target,
      java.util.function.Predicate<dev.optkit.analyzers.facts.IoSite> meets) {
    // in the source's order: a hash set of methods iterates in an order that differs from run to run (their facts
    // hold enums, hashed by identity), and the reason names the first load found (trial 46: two runs, two names)
    for (IndexedMethod method : methods.stream().sorted(java.util.Comparator.comparing(IndexedMethod::path)
        .thenComparingInt(m -> m.fact().range().line()).thenComparing(m -> m.fact().name())).toList()) {
      // the target itself, and what it overrides (super.names() runs inside it: its load is the read's own)
      boolean itself = method == target || method.fact().name().equals(target.fact().name())
          && method.fact().params().size() == target.fact().params().size()
          && index.supertypesOf(target.fact().ownerType()).contains(method.fact().ownerType());
      for (dev.optkit.analyzers.facts.IoSite site : itself ? List.<dev.optkit.analyzers.facts.IoSite>of()
          : index.sitesOf(method)) {
        if (!ownCall(site, target) && meets.test(site)) {
          return java.util.Optional.of(method);
        }
      }
    }
    return java.util.Optional.empty();
  }

  /** Whether the method's sites that meet the read's data all write (save, persist, merge), none reads. */
  private boolean onlyWrites(IndexedMethod method, IndexedMethod target,
      java.util.function.Predicate<dev.optkit.analyzers.facts.IoSite> meets) {
    List<dev.optkit.analyzers.facts.IoSite> meeting = index.sitesOf(method).stream()
        .filter(site -> !ownCall(site, target) && meets.test(site)).toList();
    return !meeting.isEmpty() && meeting.stream().allMatch(site -> site.access() == dev.optkit.analyzers.facts.Access.WRITE);
  }

  /** A call of the cached query method itself (a Spring Data method is called as a client site). */
  private boolean ownCall(dev.optkit.analyzers.facts.IoSite site, IndexedMethod target) {
    return target.fact().isAbstract() && site.method().equals(target.fact().name()) && site.receiverType() != null
        && (site.receiverType().equals(target.fact().ownerType())
            || index.supertypesOf(site.receiverType()).contains(target.fact().ownerType()));
  }

  /**
   * Whether the handler reaches the read and the other loads only through calls in branches no run takes both of
   * ({@code status == null ? orders.byUser(id) : orders.byUserAndStatus(id, status)}: techmart's order list, petclinic's
   * owners by name or all), with nothing run around the handler reaching either.
   */
  private boolean inExclusiveBranches(IndexedMethod entry, IndexedMethod target, Set<IndexedMethod> proxiedCallers,
      java.util.function.Predicate<dev.optkit.analyzers.facts.IoSite> meets) {
    if (!around.isEmpty()) {
      Set<IndexedMethod> aroundReach = walkFrom(around, target);
      if (aroundReach == null || aroundReach.contains(target) || aroundReach.stream().anyMatch(proxiedCallers::contains)
          || otherLoad(aroundReach, target, meets).isPresent()) {
        return false;
      }
    }
    var body = whole.declaration(entry);
    if (body.isEmpty()) {
      return false;
    }
    List<dev.optkit.analyzers.facts.SourceRange> toward = new java.util.ArrayList<>();
    List<dev.optkit.analyzers.facts.SourceRange> loading = new java.util.ArrayList<>();
    for (dev.optkit.analyzers.facts.IoSite site : index.sitesOf(entry)) {
      if (ownCall(site, target)) {
        toward.add(site.range()); // the handler calls the cached query method itself
      } else if (meets.test(site)) {
        loading.add(site.range()); // the handler's own repository call
      }
    }
    for (CallRef call : entry.fact().calls()) {
      Set<IndexedMethod> reached = walkFrom(index.allTargetsOf(call), target);
      if (reached == null) {
        return false;
      }
      if (reached.contains(target) || entry == target || reached.stream().anyMatch(proxiedCallers::contains)
          || proxiedCallers.contains(entry) && index.allTargetsOf(call).contains(target)) {
        toward.add(call.range());
      }
      if (otherLoad(reached, target, meets).isPresent()) {
        loading.add(call.range());
      }
    }
    if (toward.isEmpty() || loading.isEmpty()) {
      return false;
    }
    for (var read : toward) {
      for (var load : loading) {
        boolean readFirst = read.line() < load.line() || read.line() == load.line() && read.column() < load.column();
        if (read.equals(load) || !ExclusiveBranches.exclusive(body.get(), readFirst ? read : load, readFirst ? load : read)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Every method the given ones reach, not following {@code stopAt}'s calls; null past the limit. */
  private Set<IndexedMethod> walkFrom(java.util.Collection<IndexedMethod> starts, IndexedMethod stopAt) {
    Set<IndexedMethod> reached = new HashSet<>();
    Deque<IndexedMethod> pending = new ArrayDeque<>(starts);
    while (!pending.isEmpty()) {
      IndexedMethod method = pending.poll();
      if (!reached.add(method)) {
        continue;
      }
      if (reached.size() > LIMIT) {
        return null;
      }
      if (method == stopAt) {
        continue;
      }
      for (CallRef call : method.fact().calls()) {
        List<IndexedMethod> targets = index.allTargetsOf(call);
        if (stopAt != null && targets.size() > 1 && targets.contains(stopAt) && index.type(method.fact().ownerType())
            .filter(owner -> dev.optkit.analyzers.index.InjectedFields.onField(call, owner)).isPresent()
            && !delegating(call.receiverType())) {
          // the field holds one bean: where it runs the read, its other implementations do not run there (trial 93's
          // petclinic: a Spring Data repository's query and the JPA profile's implementation of the same interface)
          pending.add(stopAt);
          continue;
        }
        pending.addAll(targets);
        if (EVENT_PUBLISHING.contains(call.name())) {
          pending.addAll(listeners()); // publishEvent(e) runs the synchronous listeners in the request's thread (c9)
        }
      }
    }
    return reached;
  }

  /** Filters, interceptors and the methods Spring MVC runs beside handlers. */
  private boolean aroundRequests(IndexedMethod method) {
    if (method.fact().annotations().stream().map(ProjectTraits::simpleName).anyMatch(BESIDE_HANDLERS::contains)) {
      return true;
    }
    if (madeInline(method)) {
      return true; // an interceptor or filter written in the method's body runs its code in every request (review 94's c37)
    }
    List<String> supertypes = index.supertypesOf(method.fact().ownerType());
    if (FilterCode.onlyAFilter(index, method.fact().ownerType()) && whole.filterPhase().outsideView()) {
      return false; // a filter runs before Boot's open-in-view interceptor binds the request's context (trial 46)
    }
    return supertypes.stream().anyMatch(type -> AROUND_EVERY_REQUEST.contains(type) || perRequestLibrary(type));
  }

  /** Packages whose classes a request runs (filters, interceptors, resolvers, converters), their configuration aside. */
  private static final List<String> PER_REQUEST_PACKAGES = List.of("org.springframework.web.servlet.",
      "org.springframework.web.filter.", "org.springframework.web.method.", "org.springframework.web.context.request.",
      "org.springframework.web.server.", "org.springframework.web.bind.", "org.springframework.core.convert.",
      "org.springframework.format.", "jakarta.servlet.", "javax.servlet.");

  /**
   * A library class of those packages the project extends: a subclass of a library interceptor
   * ({@code extends WebContentInterceptor}, hostile review 96's i01) runs in every request though optkit sees none
   * of the library class's own supertypes.
   */
  private boolean perRequestLibrary(String type) {
    String erased = TypeNames.raw(type);
    return index.type(erased).isEmpty() && !erased.contains(".config.")
        && PER_REQUEST_PACKAGES.stream().anyMatch(erased::startsWith);
  }

  /**
   * Whether the method makes one of the per-request types in its own body, as an anonymous class or a lambda
   * ({@code registry.addInterceptor(new HandlerInterceptor() { preHandle(..) { repo.findById(..) } })}): the facts give
   * that code to the method, whose sites then run in every request.
   */
  private boolean madeInline(IndexedMethod method) {
    boolean lambdaOfOne = index.supertypesOf(method.fact().returnType()).stream().anyMatch(AROUND_EVERY_REQUEST::contains);
    var declared = (lambdaOfOne || method.fact().calls().stream().anyMatch(c -> c.name().startsWith("add")))
        ? whole.declaration(method).orElse(null) : null;
    if (declared == null) {
      return lambdaOfOne;
    }
    // an anonymous class of any type (new LocaleChangeInterceptor() {..}: i02), and a lambda or method reference handed
    // to a registration (registry.addConverter(String.class, DeptRef.class, id -> ..): i03), may run in every request
    Set<String> simpleNames = new HashSet<>();
    AROUND_EVERY_REQUEST.forEach(type -> simpleNames.add(type.substring(type.lastIndexOf('.') + 1)));
    // Spring MVC's registrations: a configurer's method, or one given a registry (InterceptorRegistry, FormatterRegistry)
    boolean registering = method.fact().params().stream().anyMatch(p -> TypeNames.raw(p.type()).endsWith("Registry"))
        || index.supertypesOf(method.fact().ownerType()).stream().anyMatch(t -> t.endsWith("WebMvcConfigurer")
            || t.endsWith("WebFluxConfigurer"));
    return lambdaOfOne && !declared.findAll(com.github.javaparser.ast.expr.LambdaExpr.class).isEmpty()
        || declared.findAll(com.github.javaparser.ast.expr.ObjectCreationExpr.class).stream()
            .anyMatch(made -> made.getAnonymousClassBody().isPresent()
                && (registering || simpleNames.contains(made.getType().getNameAsString())))
        || registering && declared.findAll(com.github.javaparser.ast.expr.MethodCallExpr.class).stream()
            .filter(call -> call.getNameAsString().startsWith("add"))
            .anyMatch(call -> call.getArguments().stream().anyMatch(argument ->
                argument instanceof com.github.javaparser.ast.expr.LambdaExpr
                    || argument instanceof com.github.javaparser.ast.expr.MethodReferenceExpr));
  }

  /** Every method the entry and what runs around it reach, or null past the limit; worked out once per entry. */
  private Set<IndexedMethod> reach(IndexedMethod entry, List<IndexedMethod> around) {
    if (reaches.containsKey(entry)) {
      return reaches.get(entry);
    }
    Set<IndexedMethod> reached = walk(entry, around);
    reaches.put(entry, reached);
    return reached;
  }

  private final java.util.Map<IndexedMethod, Set<IndexedMethod>> reaches = new java.util.HashMap<>();

  private Set<IndexedMethod> walk(IndexedMethod entry, List<IndexedMethod> around) {
    return walk(entry, around, null);
  }

  /** @param stopAt a method whose own calls are not followed (what the request runs besides it), or null */
  private Set<IndexedMethod> walk(IndexedMethod entry, List<IndexedMethod> around, IndexedMethod stopAt) {
    List<IndexedMethod> starts = new java.util.ArrayList<>(List.of(entry));
    starts.addAll(around);
    return walkFrom(starts, stopAt);
  }
}
