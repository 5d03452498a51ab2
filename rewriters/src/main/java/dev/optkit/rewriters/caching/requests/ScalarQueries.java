package dev.optkit.rewriters.caching.requests;

import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.rewriters.caching.ProjectTraits;
import java.util.List;

/**
 * Which reads answer values the database computes ({@code existsByName}, {@code count(*)}, a {@code Set<Long>} of ids,
 * a constructor-expression DTO of values) rather than entity instances a persistence context could stand in for.
 */
final class ScalarQueries {
  private final ProjectIndex index;

  ScalarQueries(ProjectIndex index) {
    this.index = index;
  }

  /** The EntityManager's and Session's query factories, whose text tells what the query answers. */
  private static final java.util.Set<String> ENTITY_MANAGER_QUERIES = java.util.Set.of("createQuery",
      "createNativeQuery", "createNamedQuery", "createSelectionQuery");

  /** Answers a query gives as a value computed by the database, never as entity instances. */
  private static final java.util.Set<String> SCALAR_ANSWERS = java.util.Set.of("boolean", "java.lang.Boolean", "long",
      "java.lang.Long", "int", "java.lang.Integer");

  /**
   * {@code existsByName(name)}, {@code countByOwner(o)}, {@code @Query("select count(r) > 0 ...") boolean}: the
   * database computes the answer (Hibernate flushes the transaction's changes first), so no instance the
   * persistence context holds stands in for it. Spring Data's contract makes {@code exists...} a boolean and
   * {@code count...} a number; otherwise the query method's declared return type says so.
   */
  boolean scalar(dev.optkit.analyzers.facts.IoSite site) {
    if (ENTITY_MANAGER_QUERIES.contains(site.method()) && !site.clientId().equals("spring-data-repository")) {
      // em.createNativeQuery("select count(*) from days"): a number, whatever class it is told to map (trial 46)
      return dev.optkit.analyzers.facts.sites.SqlStatements.onlyAggregates(site.sql());
    }
    if (site.receiverType() == null) {
      return false;
    }
    List<String> owners = new java.util.ArrayList<>(List.of(site.receiverType()));
    owners.addAll(index.supertypesOf(site.receiverType()));
    owners.remove("java.lang.Object"); // every class extends it: no sign of a fragment or a repository base class
    // a fragment's XxxImpl or a repository base class the project writes may answer it by loading entities
    boolean projectCode = index.methodsNamed(site.method()).stream().anyMatch(method -> !method.fact().isAbstract()
        && !method.fact().isConstructor() && index.supertypesOf(method.fact().ownerType()).stream().anyMatch(owners::contains));
    if (projectCode) {
      return false;
    }
    List<IndexedMethod> declared = owners.stream().flatMap(owner -> index.methods(owner, site.method()).stream()).toList();
    if (declared.isEmpty()) {
      return site.method().startsWith("exists") || site.method().equals("count"); // CrudRepository's own
    }
    return declared.stream().allMatch(method -> method.fact().isAbstract()
        && index.implementedByLibrary(method).isPresent() && (SCALAR_ANSWERS.contains(method.fact().returnType())
            || valuesOnly(method)));
  }

  /** JDK containers of values: a {@code Set<Long>} of ids holds no entity instance (audit 13's s16). */
  private static final java.util.Set<String> VALUE_CONTAINERS = java.util.Set.of("java.util.List", "java.util.Set",
      "java.util.Collection", "java.util.Optional");
  private static final java.util.Set<String> VALUE_ELEMENTS = java.util.Set.of("Long", "Integer", "Short", "Byte",
      "String", "Boolean", "Double", "Float", "Character", "BigDecimal", "BigInteger", "UUID", "LocalDate",
      "LocalDateTime", "LocalTime", "Instant", "OffsetDateTime", "ZonedDateTime");

  /** A query method whose declared answer is a JDK container of value types, as its source writes them. */
  private boolean valuesOnly(IndexedMethod method) {
    if (dataObject(method.fact().returnType())) {
      return true;
    }
    List<com.github.javaparser.ast.type.Type> arguments = dev.optkit.analyzers.index.ReturnTypeArguments.of(method.fact());
    if (!VALUE_CONTAINERS.contains(method.fact().returnType()) || arguments.size() != 1
        || !(arguments.get(0) instanceof com.github.javaparser.ast.type.ClassOrInterfaceType element)
        || element.getTypeArguments().isPresent()) {
      return false;
    }
    List<dev.optkit.analyzers.facts.TypeFact> named = index.typesNamed(element.getNameAsString());
    return named.isEmpty() ? VALUE_ELEMENTS.contains(element.getNameAsString())
        : named.size() == 1 && dataObject(named.get(0).qualifiedName());
  }

  /**
   * A project class or record that is no JPA type: Spring Data fills one only from a query's values (a constructor
   * expression, {@code SELECT new r.ClubCount(c.id, c.name, COUNT(v))}: audit 14's s16b), never from managed
   * instances. Interface projections are left out: an open one may read the entity behind it.
   */
  private boolean dataObject(String type) {
    return index.type(type).filter(t -> (t.kind().equals("class") || t.kind().equals("record"))
        && t.annotations().stream().map(ProjectTraits::simpleName)
            .noneMatch(a -> a.equals("Entity") || a.equals("Embeddable") || a.equals("MappedSuperclass"))
        // holding values only: new ClubDto(c) would hold the managed instance itself
        && t.fieldTypes().values().stream().allMatch(ScalarQueries::valueType))
        .isPresent();
  }

  private static boolean valueType(String type) {
    return !type.contains(".") || type.startsWith("java.lang.") || type.startsWith("java.math.")
        || type.startsWith("java.time.") || type.equals("java.util.UUID");
  }}
