package dev.optkit.analyzers.rules;

import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.facts.LoopFact;
import dev.optkit.analyzers.facts.SourceRange;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.findings.Category;
import dev.optkit.analyzers.facts.Confidence;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.findings.Severity;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@RuleInfo(
    id = "OrmNPlusOne",
    title = "Hidden ORM N+1",
    category = Category.IO_LOOP,
    severity = Severity.HIGH,
    summary = "N+1 queries the ORM issues where no query call is written: a lazy association touched per "
        + "element of a loop or written per entity of a response body, or an eager association loaded by a query "
        + "that returns many entities.",
    description = "From the JPA mappings of the project's entities (@OneToMany, @ManyToMany and @ElementCollection "
        + "are lazy by default, @ManyToOne and @OneToOne eager): the getter of a lazy association called on the "
        + "element of a loop, or on it by the constructor or method the loop hands it to, loads it with one query per "
        + "element (for (Pet p : owner.getPets()) p.getVisits().size(); new PetRow(p)), one finding a loop naming each "
        + "association; reading only a lazy to-one's identifier (p.getType().getId()) loads nothing; a Spring Data repository query returning many entities whose eager association "
        + "its JPQL does not JOIN FETCH loads it with one more query per row; a request handler answering many "
        + "entities as its body has Jackson write each one's lazy association it sees (a getter, not @JsonIgnore'd), "
        + "one query per entity (or a LazyInitializationException with open-in-view off). Associations with @BatchSize or "
        + "@Fetch(SUBSELECT) are loaded in batches and not reported. Mappings in orm.xml count the same, and override "
        + "the annotation on the same field. What runs is decided at run time (an entity "
        + "graph or a fetch join elsewhere may have loaded the association), hence medium confidence.",
    remediation = "Fetch the association with the query that loads the owners (JOIN FETCH, @EntityGraph), or let "
        + "Hibernate load it in batches (@BatchSize on the association, hibernate.default_batch_fetch_size); a handler "
        + "can answer DTOs, or leave the association out of its JSON (@JsonIgnore).")
public final class OrmNPlusOneRule implements Rule {
  /** migrate edits no mapping or query for these. */
  private static final Reason NOT_REWRITTEN = new Reason(Proof.ORM_FETCH_PLAN, "ORM fetch plans are not rewritten by migrate");

  private static final List<String> COLLECTIONS = List.of("java.util.List", "java.util.Collection", "java.util.Set",
      "java.lang.Iterable", "java.util.stream.Stream", "org.springframework.data.domain.Page",
      "org.springframework.data.domain.Slice");

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    ProjectIndex index = context.index();
    boolean hibernateModule = hibernateModule(index);
    for (IndexedMethod method : index.methods()) {
      for (LoopFact loop : method.fact().loops()) {
        // one finding a loop, naming each association it touches once (a trial's loop reading p.getOwner() four
        // times and p.getKeeper() twice was six findings at one line)
        java.util.Map<String, Touched> touched = new java.util.LinkedHashMap<>();
        for (int c : loop.elementCalls()) {
          CallRef call = method.fact().calls().get(c);
          association(index, call.receiverType(), call.name())
              .filter(a -> !a.eager() && !a.batched() && !onlyItsIdRead(index, method.fact().calls(), call, a))
              .map(a -> new Touched(call, a, null, call.range(), call.snippet()))
              .ifPresent(t -> touched.putIfAbsent(t.key(index), t));
        }
        for (LoopFact.HandedElement handed : loop.handedElement()) {
          touchedBy(index, method, handed).forEach(t -> touched.putIfAbsent(t.key(index), t));
        }
        if (!touched.isEmpty()) {
          findings.add(lazyInLoop(method, loop, List.copyOf(touched.values())));
        }
      }
      for (IoSite site : index.sitesOf(method)) {
        eagerLoadedByQuery(index, site).ifPresent(found -> findings.add(eagerByQuery(method, site, found)));
      }
      if (!hibernateModule) {
        serialisedLazy(index, method).ifPresent(found -> findings.add(serialisedByHandler(method, found)));
      }
    }
    return findings;
  }

  /** Wrappers a handler's body is unwrapped from. */
  private static final List<String> BODY_WRAPPERS = List.of("org.springframework.http.ResponseEntity",
      "org.springframework.http.HttpEntity", "java.util.Optional");

  /**
   * A request handler whose response body is many entities of a type with a lazy association Jackson writes (a
   * getter it can see, not {@code @JsonIgnore}d or {@code @JsonBackReference}d, not loaded in batches): serialising
   * the body loads it once per entity, past any query the code wrote (a trial's employee API loaded each employee's
   * telephones, authorizations and authentication so).
   */
  private static Optional<EagerLoad> serialisedLazy(ProjectIndex index, IndexedMethod method) {
    if (!index.webEntryPoints().servesBody(method) || method.fact().hasAnnotation("com.fasterxml.jackson.annotation.JsonView")) {
      // a view may leave the association out; Jackson's Hibernate module writes an unloaded association as null
      return Optional.empty();
    }
    List<String> chain = method.fact().returnTypeChain();
    int at = 0;
    while (at < chain.size() - 1 && BODY_WRAPPERS.contains(chain.get(at))) {
      at++;
    }
    if (at + 1 >= chain.size() || !COLLECTIONS.contains(chain.get(at))) {
      return Optional.empty();
    }
    String element = chain.get(at + 1);
    Optional<TypeFact> entity = index.type(element).filter(OrmNPlusOneRule::isEntity);
    if (entity.isEmpty()) {
      return Optional.empty();
    }
    String qualified = entity.get().qualifiedName();
    if (fetchesWithAGraph(index, method)) {
      return Optional.empty(); // an entity graph or fetch join on the way may load the association with the rows
    }
    java.util.Set<String> ignored = new java.util.HashSet<>();
    index.supertypesOf(qualified).forEach(t -> index.type(t).ifPresent(f -> ignored.addAll(f.jsonIgnored())));
    for (String type : index.supertypesOf(qualified)) {
      for (TypeFact.Association association : index.associations(type)) {
        // what Jackson leaves out, unseen fields included, is the facts' one answer (JsonIgnoredProperties)
        if (!association.eager() && !association.batched() && !ignored.contains(association.field())
            && !index.type(association.target())
                .map(t -> t.hasAnnotation("com.fasterxml.jackson.annotation.JsonIgnoreType")).orElse(false)) {
          return Optional.of(new EagerLoad(qualified, association));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a method the handler reaches (3 calls deep) loads with an entity graph ({@code @EntityGraph}) or a JPQL
   * fetch join: which associations it loads is the graph's, so the handler is given the benefit of the doubt.
   */
  private static boolean fetchesWithAGraph(ProjectIndex index, IndexedMethod handler) {
    return dev.optkit.analyzers.index.CallWalk.over(index, dev.optkit.analyzers.index.CallWalk.Edges.CALL_TARGETS)
        .maxDepth(3).maxMethods(200).from(handler)
        .anyMatch(step -> step.method().fact().hasAnnotation("org.springframework.data.jpa.repository.EntityGraph")
            || index.sitesOf(step.method()).stream().anyMatch(site -> site.sql() != null
                && site.sql().toLowerCase(Locale.ROOT).contains("join fetch")));
  }

  /** Whether the project makes one of Jackson's Hibernate modules ({@code new Hibernate6Module()}). */
  private static boolean hibernateModule(ProjectIndex index) {
    return index.methods().stream().flatMap(m -> m.fact().allCalls().stream())
        .anyMatch(call -> call.name().startsWith("Hibernate") && call.name().endsWith("Module"));
  }

  private Finding serialisedByHandler(IndexedMethod method, EagerLoad load) {
    String owner = TypeNames.simple(load.entity());
    TypeFact.Association association = load.association();
    return FindingDraft.in(info(), method, method.fact().range(), method.fact().signature())
        .confidence(Confidence.MEDIUM)
        .message("N+1 query (ORM): " + method.fact().displayName() + " answers many " + owner + " entities as its "
            + "response body, and writing them loads the lazy " + association.mapping() + " " + owner + "."
            + association.field() + " of each: one query per " + owner + " (with open-in-view off, the response "
            + "fails instead); fetch it with the query or answer DTOs")
        .detail("classification", "orm-serialised-lazy-association")
        .detail("entity", load.entity())
        .detail("association", association.field())
        .detail("mapping", association.mapping())
        .detail("fix", "JOIN FETCH or @EntityGraph(attributePaths = \"" + association.field() + "\") in the query "
            + "that loads the " + owner + " entities, @BatchSize on " + owner + "." + association.field()
            + ", @JsonIgnore it, or answer DTOs")
        .refused(NOT_REWRITTEN)
        .basis(new Finding.SavingsBasis(Finding.Remedy.BATCH, List.of(lazyLoad(load.entity(), association,
            method.fact().range(), method.fact().signature()))))
        .build();
  }

  private record EagerLoad(String entity, TypeFact.Association association) {}

  /** The entity among the type's supertypes that declares the association: one key for it, whatever subclass. */
  private static String declaring(ProjectIndex index, String entity, TypeFact.Association association) {
    for (String type : index.supertypesOf(entity)) {
      if (index.associations(type).contains(association)) {
        return type;
      }
    }
    return entity;
  }

  /** An annotation marking the identifier: {@code @Id} or {@code @EmbeddedId}, by simple name. */
  private static boolean identifier(String annotation) {
    String simple = annotation.substring(annotation.lastIndexOf('.') + 1);
    return simple.equals("Id") || simple.equals("EmbeddedId");
  }

  /**
   * Whether a to-one association's getter is called only to read the target's identifier, its result the receiver of
   * the target's {@code @Id} getter and nothing else ({@code inventory.getUserId().getId()}): Hibernate answers the
   * identifier from the proxy, which holds the foreign key, without loading the row (a blind trial's JACQ result
   * objects). Told by the facts: the id getter's call begins where the association's does and is made on its result.
   */
  private static boolean onlyItsIdRead(ProjectIndex index, List<CallRef> calls, CallRef getter,
      TypeFact.Association association) {
    if (association.toMany() || association.mappedBy() != null || getter.range() == null) {
      // the inverse side of a one-to-one is no proxy: Hibernate loads it whatever is read of it
      return false;
    }
    java.util.Set<String> idGetters = new java.util.HashSet<>();
    for (String type : index.supertypesOf(association.target())) {
      index.type(type).ifPresent(fact -> fact.fieldAnnotations().forEach((field, annotations) -> {
        if (annotations.stream().anyMatch(OrmNPlusOneRule::identifier)) {
          idGetters.add("get" + Character.toUpperCase(field.charAt(0)) + field.substring(1));
        }
      }));
      // @Id on the getter (property access)
      index.methodsOfType(type).stream().filter(m -> m.fact().annotations().stream().anyMatch(OrmNPlusOneRule::identifier))
          .forEach(m -> idGetters.add(m.fact().name()));
    }
    for (CallRef call : calls) {
      if (call.argumentCount() == 0 && idGetters.contains(call.name()) && call.range() != null
          && call.range().line() == getter.range().line() && call.range().column() == getter.range().column()
          && !call.roots().isEmpty() && call.roots().get(0).any().stream().anyMatch(root ->
              root instanceof dev.optkit.analyzers.facts.Root.CallResult result && result.line() == getter.range().line()
                  && result.column() == getter.range().column() && result.name().equals(getter.name()))) {
        return true;
      }
    }
    return false;
  }

  private static Optional<TypeFact.Association> association(ProjectIndex index, String entity, String getter) {
    if (entity == null) {
      return Optional.empty();
    }
    for (String type : index.supertypesOf(entity)) {
      Optional<TypeFact.Association> found = index.associations(type).stream()
          .filter(a -> a.getter().equals(getter)).findFirst();
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** A repository read that returns many entities of a type with an eager association it does not fetch-join. */
  private static Optional<EagerLoad> eagerLoadedByQuery(ProjectIndex index, IoSite site) {
    if (site.kind() != ClientKind.DB || site.access() != Access.READ || !"spring-data-repository".equals(site.clientId())
        || site.receiverType() == null) {
      return Optional.empty();
    }
    String entity = returnedEntities(index, site).orElse(null);
    if (entity == null) {
      return Optional.empty();
    }
    String jpql = site.sql() == null ? "" : site.sql().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    for (String type : index.supertypesOf(entity)) {
      for (TypeFact.Association association : index.associations(type)) {
        boolean fetched = jpql.contains("fetch") && jpql.contains("." + association.field().toLowerCase(Locale.ROOT));
        if (association.eager() && !association.batched() && !fetched) {
          return Optional.of(new EagerLoad(entity, association));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The entity a repository method returns many of: a collection-returning method (declared, its
   * element type erased in the facts, or the inherited findAll) of a repository whose generic
   * supertype names the entity ({@code JpaRepository<Pet, Integer>}).
   */
  private static Optional<String> returnedEntities(ProjectIndex index, IoSite site) {
    boolean many = site.method().equals("findAll");
    for (String type : index.supertypesOf(site.receiverType())) {
      List<IndexedMethod> declared = index.methods(type, site.method());
      if (!declared.isEmpty()) {
        List<String> chain = declared.get(0).fact().returnTypeChain();
        many = COLLECTIONS.contains(dev.optkit.analyzers.facts.types.TypeNames.raw(declared.get(0).fact().returnType()));
        Optional<TypeFact> element = many && chain.size() > 1 ? index.type(chain.get(1)) : Optional.empty();
        if (element.isPresent()) {
          // the rows are what the declaration says (select distinct p.favoriteToy from Pet p: List<Toy>), not the
          // repository's own entity: a projection or another entity (a trial's pet store was said to load pets)
          return isEntity(element.get()) || index.ormXml().entity(element.get().qualifiedName()).isPresent()
              ? Optional.of(element.get().qualifiedName()) : Optional.empty();
        }
        break;
      }
    }
    if (!many) {
      return Optional.empty();
    }
    return index.type(site.receiverType()).flatMap(t -> t.superTypeArguments().values().stream()
            .filter(arguments -> !arguments.isEmpty()).map(arguments -> arguments.get(0)).findFirst())
        .filter(entity -> index.type(entity).filter(OrmNPlusOneRule::isEntity).isPresent()
            || index.ormXml().entity(entity).isPresent());
  }

  private static boolean isEntity(TypeFact type) {
    return type.hasAnnotation("jakarta.persistence.Entity") || type.hasAnnotation("javax.persistence.Entity");
  }

  /**
   * The lazy associations the code a loop hands its element to touches on it, one call deep: a getter called on that
   * parameter itself ({@code new PlantDto(plant)} reading {@code plant.getOwner()}: a blind trial's JACQ built a DTO per
   * row so, twelve loops).
   */
  private static List<Touched> touchedBy(ProjectIndex index, IndexedMethod method, LoopFact.HandedElement handed) {
    List<CallRef> calls = handed.construction() ? method.fact().constructorCalls() : method.fact().calls();
    if (handed.call() >= calls.size()) {
      return List.of();
    }
    List<Touched> found = new ArrayList<>();
    dev.optkit.analyzers.facts.Root parameter = new dev.optkit.analyzers.facts.Root.Parameter(handed.argument());
    CallRef handing = calls.get(handed.call());
    List<IndexedMethod> targets = index.targetsOf(handing);
    if (targets.stream().map(target -> target.fact().params().size() > handed.argument()
        ? String.valueOf(target.fact().params().get(handed.argument()).type()) : "").distinct().count() > 1) {
      return List.of(); // overloads taking different types there: which one runs is not told by the count alone
    }
    for (IndexedMethod target : targets) {
      for (CallRef inner : target.fact().calls()) {
        if (!inner.roots().isEmpty() && inner.roots().get(0).any().equals(List.of(parameter))) {
          association(index, inner.receiverType(), inner.name()).filter(a -> !a.eager() && !a.batched()
                  && !onlyItsIdRead(index, target.fact().calls(), inner, a))
              .ifPresent(a -> found.add(new Touched(inner, a, target.fact().displayName(), handing.range(),
                  handing.snippet())));
        }
      }
    }
    return found;
  }

  /**
   * A lazy association a loop's element calls touch, by the first call touching it; {@code via} the method or
   * constructor handed the element that makes the call, null for a call in the loop itself; {@code range} and {@code
   * snippet} the call in the loop that touches it (that call, or the one handing the element over).
   */
  private record Touched(CallRef call, TypeFact.Association association, String via, SourceRange range,
      String snippet) {
    String named() {
      return TypeNames.simple(call.receiverType()) + "." + association.field();
    }

    /** The association by the entity declaring it: one key for it, whatever subclass the element is. */
    String key(ProjectIndex index) {
      return declaring(index, call.receiverType(), association) + "." + association.field();
    }
  }

  private Finding lazyInLoop(IndexedMethod method, LoopFact loop, List<Touched> touched) {
    CallRef call = touched.get(0).call();
    TypeFact.Association association = touched.get(0).association();
    String owner = TypeNames.simple(call.receiverType());
    String where = loop.kind() + " loop in " + method.fact().displayName();
    List<Touched> others = touched.subList(1, touched.size());
    StringBuilder more = new StringBuilder();
    for (Touched other : others) {
      more.append(", ").append(other.association().mapping()).append(' ').append(other.named()).append(" (")
          .append(other.call().name()).append("()").append(other.via() == null ? "" : " in " + other.via()).append(')');
    }
    String first = call.name() + "()" + (touched.get(0).via() == null ? "" : " in " + touched.get(0).via());
    FindingDraft draft = FindingDraft.in(info(), method, loop.range(), loop.snippet())
        .confidence(Confidence.MEDIUM)
        .message("N+1 query (ORM): " + where + " touches the lazy " + association.mapping() + " " + owner + "."
            + association.field() + " of each element (" + first + ")" + more + ": one query per " + owner
            + (others.isEmpty() ? "" : " for each") + "; fetch "
            + (others.isEmpty() ? "it" : "them") + " with the query that loads them (JOIN FETCH, @EntityGraph) or add "
            + "@BatchSize");
    if (!others.isEmpty()) {
      draft.detail("alsoLazy", others.stream().map(Touched::named).toList());
    }
    return draft
        .detail("classification", "orm-lazy-load-in-loop")
        .detail("entity", call.receiverType())
        .detail("association", association.field())
        .detail("mapping", association.mapping())
        .detail("fix", "JOIN FETCH " + lower(owner) + "." + association.field() + " in the query that loads the "
            + owner + " entities, or @EntityGraph(attributePaths = \"" + association.field() + "\"), or @BatchSize "
            + "on " + owner + "." + association.field())
        .refused(NOT_REWRITTEN)
        .basis(new Finding.SavingsBasis(Finding.Remedy.BATCH, touched.stream().map(each -> lazyLoad(
            each.call().receiverType(), each.association(), each.range(), each.snippet())).toList()))
        .build();
  }

  private Finding eagerByQuery(IndexedMethod method, IoSite site, EagerLoad load) {
    String owner = TypeNames.simple(load.entity());
    TypeFact.Association association = load.association();
    return FindingDraft.in(info(), method, site.range(), site.snippet())
        .confidence(Confidence.MEDIUM)
        .message("N+1 query (ORM): " + site.method() + "() in " + method.fact().displayName() + " loads many " + owner
            + " entities whose " + association.mapping() + " " + association.field() + " is fetched eagerly"
            + (association.mapping().endsWith("ToOne") && !association.toMany() ? " (JPA's default)" : "")
            + " without a fetch join: one more query per " + owner + "; JOIN FETCH it or make it lazy")
        .detail("classification", "orm-eager-association")
        .detail("entity", load.entity())
        .detail("association", association.field())
        .detail("mapping", association.mapping())
        .detail("fix", "JOIN FETCH " + lower(owner) + "." + association.field() + " in the query, "
            + "@EntityGraph(attributePaths = \"" + association.field() + "\") on " + site.method() + "(), or "
            + "fetch = FetchType.LAZY on " + owner + "." + association.field())
        .refused(NOT_REWRITTEN)
        .basis(new Finding.SavingsBasis(Finding.Remedy.BATCH, List.of(lazyLoad(load.entity(), association,
            site.range(), site.snippet()))))
        .build();
  }

  /** The query the ORM issues per row, as a site the savings model can price. */
  private static IoSite lazyLoad(String entity, TypeFact.Association association, SourceRange range, String snippet) {
    return new IoSite(ClientKind.DB, "jpa-association-load", "JPA association loading", Access.READ, Confidence.MEDIUM,
        entity, association.getter(), null, null, null, "load " + TypeNames.simple(entity) + "." + association.field(), false,
        false, false, range, snippet);
  }


  private static String lower(String simple) {
    return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
  }
}
