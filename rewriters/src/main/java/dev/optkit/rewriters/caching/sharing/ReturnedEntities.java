package dev.optkit.rewriters.caching.sharing;

import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.rewriters.caching.ProjectTraits;
import dev.optkit.rewriters.caching.WholeProject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an entity a method returns is, as its callers' uses must see it: the JPA entity named in the
 * return type, its lazy associations by getter under the query's fetch plan (through eager and fetched
 * ones, its superclasses' and subclasses' too), the getters that read a column and those that compute,
 * and an entity it reaches whose mapping optkit does not read whole.
 */
final class ReturnedEntities {
  private final ProjectIndex index;
  private final WholeProject whole;

  ReturnedEntities(ProjectIndex index, WholeProject whole) {
    this.index = index;
    this.whole = whole;
  }

  /**
   * A JPA entity named in the return type, itself or as a type argument (List<Owner>, Page<Owner>), or a project
   * type an entity extends or implements.
   */
  Optional<ReturnedEntity> of(MethodFact fact, FetchPlan fetched) {
    for (String simple : returnTypeNames(fact)) {
      for (TypeFact type : typesDenoted(fact, simple)) {
        // an interface or superclass an entity implements (List<Titled> of Book rows) returns the entity itself:
        // walked as the entity's supertype, every subclass entity's lazy association and getter counts
        if (isEntity(type) || index.subtypesOf(type.qualifiedName()).stream()
            .anyMatch(sub -> index.type(sub).map(ReturnedEntities::isEntity).orElse(false))) {
          Map<String, String> lazy = new LinkedHashMap<>();
          Map<String, String> lazyTargets = new LinkedHashMap<>();
          List<String> unread = new ArrayList<>();
          lazyAssociations(type.qualifiedName(), "", fetched, lazy, lazyTargets, unread, new HashSet<>(),
              type.qualifiedName(), false);
          // what Jackson writes of it: the associations it reads, @JsonIgnore'd ones and what they reach left out
          Map<String, String> serialised = new LinkedHashMap<>();
          lazyAssociations(type.qualifiedName(), "", fetched, serialised, new LinkedHashMap<>(), new ArrayList<>(),
              new HashSet<>(), type.qualifiedName(), true);
          Set<String> fields = new HashSet<>(type.fieldTypes().keySet());
          index.supertypesOf(type.qualifiedName()).forEach(s -> index.type(s).ifPresent(t -> fields.addAll(t.fieldTypes().keySet())));
          // getMemberCount() { return members.isEmpty() ? memberCount : members.size(); }: named for a column,
          // it reads a lazy association; a getter the class writes that calls anything is no column's getter
          Set<String> computing = new HashSet<>();
          Map<String, String> columns = new HashMap<>();
          List<String> owners = new ArrayList<>(List.of(type.qualifiedName()));
          owners.addAll(index.supertypesOf(type.qualifiedName()));
          for (String sub : index.subtypesOf(type.qualifiedName())) {
            if (!owners.contains(sub)) {
              // a subclass's override of a getter (Capital.getName() reading its lazy mayor) may be what runs
              index.methodsOfType(sub).forEach(m -> computing.add(m.fact().name()));
            }
          }
          for (String owner : owners) {
            for (IndexedMethod method : index.methodsOfType(owner)) {
              MethodFact read = method.fact();
              if (!read.calls().isEmpty() || !read.opaqueCalls().isEmpty()
                  || read.fieldsRead().stream().anyMatch(lazy::containsValue)) {
                computing.add(read.name());
              } else if (read.params().isEmpty() && !read.isStatic() && read.fieldsRead().size() == 1
                  && fields.contains(read.fieldsRead().get(0)) && read.returnRoots().equals(List.of(dev.optkit.analyzers.facts.Roots.THIS))) {
                columns.putIfAbsent(read.name(), read.fieldsRead().get(0)); // getPassword() { return passwordHash; }
              }
            }
          }
          columns.keySet().removeAll(computing); // an overload or override elsewhere computes it
          String named = isEntity(type) ? simple : index.subtypesOf(type.qualifiedName()).stream().sorted()
              .filter(sub -> index.type(sub).map(ReturnedEntities::isEntity).orElse(false))
              .map(ProjectTraits::simpleName).findFirst().orElse(simple) + " (as " + simple + ")";
          return Optional.of(new ReturnedEntity(named, type.qualifiedName(), lazy, unread.isEmpty() ? null : unread.get(0), fields, computing,
              lazyTargets, columns, serialised));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The entity types (and project types entities extend or implement) the return type names, each once, in
   * order: {@code Map<Labeled, List<Book>>} names two, each with lazy associations and uses of its own.
   */
  List<String> namedEntityTypes(MethodFact fact) {
    Set<String> named = new java.util.LinkedHashSet<>();
    for (String simple : returnTypeNames(fact)) {
      for (TypeFact type : typesDenoted(fact, simple)) {
        if (isEntity(type) || index.subtypesOf(type.qualifiedName()).stream()
            .anyMatch(sub -> index.type(sub).map(ReturnedEntities::isEntity).orElse(false))) {
          named.add(type.qualifiedName());
        }
      }
    }
    return List.copyOf(named);
  }

  /**
   * Whether the return type may hold an entity no type names: {@code Object}, {@code Serializable} (itself or as a
   * type argument, {@code List<Object>}), while the project maps entities; not for a Spring Data native query of its
   * own text, whose {@code List<Object[]>} holds its columns' values.
   */
  boolean untypedWhereEntitiesAre(MethodFact fact) {
    boolean ownText = "true".equals(fact.annotationValue("org.springframework.data.jpa.repository.Query#value"));
    String nativeQuery = fact.annotationValue("org.springframework.data.jpa.repository.Query#nativeQuery");
    if (ownText && "true".equals(nativeQuery)) {
      // a native query of its own text: its rows are its columns' values, an entity comes back only where the type
      // names it (without text, Spring Data runs a named native query, whose resultClass may be an entity)
      return false;
    }
    if (ownText && nativeQuery == null
        && fact.annotationValue("org.springframework.data.jpa.repository.NativeQuery") == null) {
      // JPQL of its own text selecting basic values only (SELECT m.id, m.name, COUNT(s)): Object[] rows of values
      String jpql = index.annotatedQuery(fact);
      if (jpql != null && dev.optkit.analyzers.index.JpqlResults.valuesOnly(jpql, index)) {
        return false;
      }
    }
    boolean untyped = returnTypeNames(fact).stream().anyMatch(simple -> simple.equals("Object")
        || simple.equals("Serializable"));
    return untyped && index.types().stream().anyMatch(ReturnedEntities::isEntity);
  }

  /**
   * The project types a simple name in the method's return type may denote, as Java resolves it from the method's
   * class: the resolved return type itself when it has that name; else one of the class's package; else those of the
   * class's own module (source root). Every type of that name anywhere in the project made a Spring Boot service's
   * {@code Account findByName(..)} return "entities of several types" because another service has an Account too
   * (sqshq/piggymetrics). Type arguments ({@code List<Account>}) are known to the facts by their simple names only.
   */
  private List<TypeFact> typesDenoted(MethodFact fact, String simple) {
    List<TypeFact> named = index.typesNamed(simple);
    if (named.size() < 2) {
      return named;
    }
    List<TypeFact> resolved = named.stream().filter(t -> t.qualifiedName().equals(fact.returnType())).toList();
    if (!resolved.isEmpty()) {
      return resolved;
    }
    String owner = fact.ownerType();
    List<TypeFact> samePackage = named.stream()
        .filter(t -> index.packageOfType(t.qualifiedName()).equals(index.packageOfType(owner))).toList();
    if (!samePackage.isEmpty()) {
      return samePackage;
    }
    String ownerRoot = sourceRoot(index.pathOfType(owner));
    List<TypeFact> sameModule = ownerRoot == null ? List.of()
        : named.stream().filter(t -> ownerRoot.equals(sourceRoot(index.pathOfType(t.qualifiedName())))).toList();
    return sameModule.isEmpty() ? named : sameModule;
  }

  /** The source root a file is under ({@code account-service/src/main/java/}), or null when it names none. */
  private static String sourceRoot(String path) {
    if (path == null) {
      return null;
    }
    int root = path.indexOf("src/main/java/");
    return root < 0 ? null : path.substring(0, root + "src/main/java/".length());
  }

  /** Return types that name no entity (Object and Serializable may hold one). */
  private static final Set<String> VALUE_TYPES = Set.of("java.lang.String", "java.lang.Long", "java.lang.Integer",
      "java.lang.Short", "java.lang.Byte", "java.lang.Double", "java.lang.Float", "java.lang.Boolean",
      "java.lang.Character", "java.lang.Void", "java.math.BigDecimal", "java.math.BigInteger");

  private static List<String> returnTypeNames(MethodFact fact) {
    String type = fact.returnType();
    if (!type.contains(".") || VALUE_TYPES.contains(type)) {
      // long countByItemId(...): a count names no entity
      return List.of();
    }
    return fact.returnTypeNames();
  }

  private static boolean isEntity(TypeFact type) {
    return type.annotations().stream()
        .anyMatch(a -> a.equals("Entity") || a.endsWith(".Entity") // on-demand imports leave it unqualified
            || a.equals("org.springframework.data.mongodb.core.mapping.Document"));
  }

  /**
   * The lazy associations of an entity and of those it reaches through eager or fetched ones, its
   * superclasses' too. A type is walked once per part of the fetch plan still ahead of it, so one reached
   * again where less is fetched still names its lazy associations.
   *
   * @param path the attribute path the type is reached by from the entity returned ("" for itself)
   */
  private void lazyAssociations(String type, String path, FetchPlan fetched, Map<String, String> lazyByGetter,
      Map<String, String> toOneTargets, List<String> unread, Set<String> seen, String root, boolean serialised) {
    if (!seen.add(type + "|" + (path.isEmpty() ? String.join(",", fetched.paths()) : fetched.below(path)))) {
      return;
    }
    List<String> types = new ArrayList<>(List.of(type));
    types.addAll(index.supertypesOf(type));
    // the row may be of a subclass entity, whose own lazy associations a caller reads after instanceof
    index.subtypesOf(type).stream().sorted().filter(sub -> !types.contains(sub)).forEach(types::add);
    for (String each : types) {
      if (index.type(each).map(t -> !index.embeddedMappings().readWhole(t)).orElse(false)) {
        unread.add(ProjectTraits.simpleName(each));
      }
      for (TypeFact.Association association : index.type(each).map(TypeFact::associations).orElse(List.of())) {
        String field = association.field();
        String at = path.isEmpty() ? field : path + "." + field;
        if (serialised && index.type(each).map(t -> t.jsonIgnored().contains(field)).orElse(false)
            && index.subtypesOf(each).stream().allMatch(sub -> index.methods(sub, association.getter()).isEmpty())) {
          continue; // Jackson never writes it, nor what it reaches (unless a subclass declares its getter)
        }
        if (fetched.loaded(at, association.eager())) {
          lazyAssociations(association.target(), at, fetched, lazyByGetter, toOneTargets, unread, seen, root, serialised);
        } else {
          // a proxy stands in for a to-one's target, unless @LazyToOne(NO_PROXY) makes the getter load it
          if (!association.toMany() && !whole.fieldMayCarry(each, field, "LazyToOne")) {
            toOneTargets.putIfAbsent(association.getter(), association.target());
          }
          // a lazy association of an eager one's target is named with its type: User.roles eager, Role.users lazy
          String getter = "get" + field.substring(0, 1).toUpperCase(Locale.ROOT) + field.substring(1);
          if (type.equals(root)) {
            lazyByGetter.put(getter, field); // the entity's own getter, whatever an eager target walked first named
          } else {
            lazyByGetter.putIfAbsent(getter, ProjectTraits.simpleName(type) + "." + field);
          }
        }
      }
    }
  }
}
