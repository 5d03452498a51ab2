package dev.optkit.rewriters.caching.requests;

import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.source.SourceSet;
import dev.optkit.rewriters.caching.ProjectTraits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether anything in the project may load a lazy association of an entity a transaction loaded, which would put
 * instances of its target in the persistence context (trial 93's libsys: a book's lazy borrowing records, which
 * nothing reads, were taken to load the patrons a later read of the transaction answers). An uninitialised
 * collection or proxy holds no instance; what initialises one is a read of it, told here by name, as a careful
 * reader would: a call of its getter anywhere in the project, a read of its field by a method of the entity (its
 * getter aside), a field other classes may read, Lombok's generated {@code toString}, {@code equals} and {@code hashCode}; and,
 * for every association at once, code reading entities by reflection or fetching graphs (bean mappers, JSON
 * conversion, entity graphs, criteria fetches, a MapStruct mapper not generated yet).
 */
public final class LazyAssociationLoads {
  private final ProjectIndex index;
  private Optional<String> everyAssociation;
  private java.util.Map<String, String> callersByName;

  private final java.nio.file.Path scanRoot;

  public LazyAssociationLoads(ProjectIndex index, java.nio.file.Path scanRoot) {
    this.index = index;
    this.scanRoot = scanRoot;
  }

  private static final int MAX_FILES_WALKED = 50_000;

  /**
   * A file declaring loads no Java shows: a JPA mapping file (default entity listeners in orm.xml, hostile review 97's
   * L6), Spring Data's named queries in properties ({@code left join fetch}: L22); the first found, else null.
   */
  private String declaredOutsideJava() {
    if (index.ormXml().declared() || !index.namedQueries().isEmpty()) {
      return "a JPA mapping file or named query";
    }
    if (scanRoot == null) {
      return null;
    }
    try (java.util.stream.Stream<java.nio.file.Path> walk = java.nio.file.Files.walk(scanRoot, 12)) {
      return walk.limit(MAX_FILES_WALKED).filter(path -> path.getFileName() != null
              && path.getFileName().toString().equals("jpa-named-queries.properties"))
          .map(path -> scanRoot.relativize(path).toString()).findFirst().orElse(null);
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return "a file optkit could not list";
    }
  }

  /** Lombok's annotations that write a {@code toString}, {@code equals} or {@code hashCode} reading every field. */
  private static final Set<String> LOMBOK_ALL_FIELDS = Set.of("Data", "ToString", "EqualsAndHashCode", "Value");

  /** Calls that load an association by name or by graph: JPA's criteria and hints, Querydsl, Hibernate. */
  private static final Set<String> FETCHING = Set.of("fetch", "fetchJoin", "setHint", "createEntityGraph",
      "getEntityGraph", "addAttributeNodes", "addSubgraph", "initialize", "unproxy", "enableFetchProfile");

  /**
   * Libraries that read an object's properties by reflection: bean mappers and copiers, JSON and expression languages,
   * and the clients that serialise what they are given to send or store (a message, a request body, a cached value).
   */
  private static final List<String> REFLECTIVE = List.of("org.modelmapper.", "com.github.dozermapper.", "org.dozer.",
      "ma.glasnost.orika.", "org.apache.commons.beanutils.", "org.springframework.beans.", "java.beans.",
      "java.lang.reflect.", "org.springframework.expression.", "com.fasterxml.jackson.", "com.google.gson.",
      "jakarta.json.bind.", "javax.json.bind.", "org.mapstruct.", "org.springframework.kafka.",
      "org.apache.kafka.", "org.springframework.amqp.", "org.springframework.jms.", "org.springframework.web.client.",
      "org.springframework.web.reactive.", "org.springframework.data.redis.", "io.lettuce.", "redis.clients.",
      "org.redisson.", "feign.", "org.springframework.cloud.openfeign.");

  /** Their calls, where the receiver's type is not known. */
  private static final Set<String> REFLECTIVE_CALLS = Set.of("convertValue", "valueToTree", "writeValueAsString",
      "writeValueAsBytes", "writeValue", "copyProperties", "toJson", "toJsonTree");

  /** Query annotations that fetch what the entity maps lazily. */
  private static final Set<String> FETCHING_ANNOTATIONS = Set.of("EntityGraph", "QueryHints", "NamedEntityGraph",
      "NamedEntityGraphs", "FetchProfile", "FetchProfiles");

  /** Why the read at {@code site} may load every lazy association of what it loads; empty when it loads none. */
  public Optional<String> fetchedBy(IoSite site) {
    if (site.sql() != null && site.sql().toLowerCase(Locale.ROOT).contains("fetch")) {
      return Optional.of("its query fetches associations");
    }
    if (site.receiverType() != null) {
      for (IndexedMethod declared : index.methods(site.receiverType(), site.method())) {
        if (declared.fact().annotations().stream().map(ProjectTraits::simpleName).anyMatch(FETCHING_ANNOTATIONS::contains)) {
          return Optional.of(declared.fact().displayName() + "() fetches associations by a graph");
        }
      }
    }
    return everyAssociation();
  }

  /** Why the lazy association of the loaded entity may be loaded in the project; empty when nothing reads it. */
  public Optional<String> whyLoaded(TypeFact entity, TypeFact.Association association) {
    Optional<String> every = everyAssociation();
    if (every.isPresent()) {
      return every;
    }
    String field = association.field();
    List<String> declaring = new ArrayList<>(List.of(entity.qualifiedName()));
    declaring.addAll(index.supertypesOf(entity.qualifiedName()));
    for (String type : declaring) {
      Optional<TypeFact> fact = index.type(type);
      Optional<String> lombok = fact.flatMap(t -> t.annotations().stream().map(ProjectTraits::simpleName)
          .filter(LOMBOK_ALL_FIELDS::contains).findFirst());
      if (lombok.isPresent()) {
        return Optional.of("Lombok's @" + lombok.get() + " on " + ProjectTraits.simpleName(type)
            + " reads it in toString, equals or hashCode");
      }
      if (fact.isPresent() && fact.get().fieldTypes().containsKey(field) && !fact.get().privateFields().contains(field)) {
        return Optional.of("its field " + field + " is not private: code of other classes may read it");
      }
      for (IndexedMethod method : index.methodsOfType(type)) {
        boolean itsGetter = method.fact().name().equals(association.getter()) && method.fact().params().isEmpty();
        if (!itsGetter && method.fact().fieldsRead().contains(field)) {
          return Optional.of(method.fact().displayName() + "() reads it");
        }
      }
    }
    String caller = callers().get(association.getter());
    if (caller != null) {
      return Optional.of(caller + "() calls " + association.getter() + "()");
    }
    return Optional.empty();
  }

  /** Production code that may load any association of any entity; empty when there is none. */
  private Optional<String> everyAssociation() {
    if (everyAssociation != null) {
      return everyAssociation;
    }
    everyAssociation = Optional.empty();
    String declared = declaredOutsideJava();
    if (declared != null) {
      everyAssociation = Optional.of(declared + " may load associations or run listeners on what is loaded");
      return everyAssociation;
    }
    for (IndexedMethod method : index.methods()) {
      if (SourceSet.isTestPath(method.path())) {
        continue;
      }
      List<CallRef> calls = new ArrayList<>(method.fact().calls());
      calls.addAll(method.fact().opaqueCalls());
      for (CallRef call : calls) {
        String receiver = call.receiverType() != null ? call.receiverType() : index.receivedType(call);
        boolean reflective = receiver != null ? REFLECTIVE.stream().anyMatch(receiver::startsWith)
            : REFLECTIVE_CALLS.contains(call.name());
        if (FETCHING.contains(call.name()) || reflective) {
          everyAssociation = Optional.of(method.fact().displayName() + "() calls " + call.name() + "()"
              + (reflective ? ", which reads objects' properties by reflection" : ", which may fetch associations"));
          return everyAssociation;
        }
      }
    }
    for (IndexedMethod method : index.methods()) {
      // an open Spring Data projection: its @Value expression reads the entity behind it, by any property path
      if (method.fact().isAbstract() && method.fact().annotations().stream().map(ProjectTraits::simpleName)
          .anyMatch("Value"::equals)) {
        everyAssociation = Optional.of(method.fact().displayName() + "() reads the entity behind a projection by an "
            + "expression");
        return everyAssociation;
      }
    }
    for (TypeFact type : index.types()) {
      if (type.annotations().stream().map(ProjectTraits::simpleName).anyMatch(FETCHING_ANNOTATIONS::contains)) {
        everyAssociation = Optional.of(type.simpleName() + " declares an entity graph or fetch profile");
        return everyAssociation;
      }
      if (type.annotations().stream().anyMatch(a -> a.equals("org.mapstruct.Mapper"))
          && !index.hasSubtypes(type.qualifiedName())) {
        everyAssociation = Optional.of("the implementation of " + type.simpleName() + ", which MapStruct generates at "
            + "build time, is not in the sources (build the project first)");
        return everyAssociation;
      }
    }
    return everyAssociation;
  }

  /** The first production method calling each name, in the index's order. */
  private java.util.Map<String, String> callers() {
    if (callersByName == null) {
      callersByName = new java.util.HashMap<>();
      for (IndexedMethod method : index.methods()) {
        if (SourceSet.isTestPath(method.path())) {
          continue;
        }
        method.fact().calls().forEach(call -> callersByName.putIfAbsent(call.name(), method.fact().displayName()));
        method.fact().opaqueCalls().forEach(call -> callersByName.putIfAbsent(call.name(), method.fact().displayName()));
      }
    }
    return callersByName;
  }
}
