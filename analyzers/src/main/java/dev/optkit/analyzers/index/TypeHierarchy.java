package dev.optkit.analyzers.index;

import dev.optkit.analyzers.facts.TypeFact;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The project's types and their hierarchy: each type by qualified and simple name, the file that
 * declares it, its project supertypes (nearest first) and every subtype, and the Spring Data
 * repositories and the classes that implement their custom methods.
 */
final class TypeHierarchy {
  private final Map<String, TypeFact> types = new HashMap<>();
  private final Map<String, String> typePaths = new HashMap<>();
  private final Map<String, List<TypeFact>> typesBySimpleName = new HashMap<>();
  private final Map<String, Set<String>> subtypes = new HashMap<>();

  /** Adds a type as the index reads the files; the first declaration of a name wins. */
  void add(TypeFact type, String path) {
    types.putIfAbsent(type.qualifiedName(), type);
    sortedNames = null;
    typePaths.putIfAbsent(type.qualifiedName(), path);
    typesBySimpleName.computeIfAbsent(type.simpleName(), k -> new ArrayList<>()).add(type);
    for (String superType : type.superTypes()) {
      subtypes.computeIfAbsent(superType, k -> new HashSet<>()).add(type.qualifiedName());
    }
  }

  /** The project type of this qualified name, or null. */
  TypeFact get(String qualifiedName) {
    return types.get(qualifiedName);
  }

  boolean contains(String qualifiedName) {
    return types.containsKey(qualifiedName);
  }

  /** Every project type, in no particular order. */
  Collection<TypeFact> all() {
    return types.values();
  }

  /** Every qualified name, sorted: built at the first {@link #nestedIn} after the last {@link #add}. */
  private volatile String[] sortedNames;

  /**
   * The project types whose qualified names start with {@code outer + "."}, at any depth, sorted: a range of
   * the sorted names, where a filter over every type per question made migrate's planner quadratic.
   */
  List<String> nestedIn(String outer) {
    String[] names = sortedNames;
    if (names == null) {
      names = types.keySet().toArray(String[]::new);
      java.util.Arrays.sort(names);
      sortedNames = names;
    }
    String prefix = outer + ".";
    int at = java.util.Arrays.binarySearch(names, prefix);
    List<String> nested = new ArrayList<>();
    for (at = at < 0 ? -at - 1 : at; at < names.length && names[at].startsWith(prefix); at++) {
      nested.add(names[at]);
    }
    return nested;
  }

  String pathOf(String type) {
    return typePaths.get(type);
  }

  List<TypeFact> named(String simpleName) {
    return Collections.unmodifiableList(typesBySimpleName.getOrDefault(simpleName, List.of()));
  }

  /** Project supertypes of a type, itself first, nearest first. */
  List<String> supertypesOf(String type) {
    return ProjectIndex.remembered(supertypes, type, this::computeSupertypes);
  }

  /** Ancestries and descendants by type: every call target asks for its receiver's. */
  private final Map<String, List<String>> supertypes = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> allSubtypes = new ConcurrentHashMap<>();

  private List<String> computeSupertypes(String type) {
    List<String> result = new ArrayList<>();
    Deque<String> queue = new ArrayDeque<>(List.of(type));
    Set<String> seen = new HashSet<>();
    while (!queue.isEmpty()) {
      String current = queue.poll();
      if (!seen.add(current)) {
        continue;
      }
      result.add(current);
      TypeFact fact = types.get(current);
      if (fact != null) {
        queue.addAll(fact.superTypes());
      }
    }
    return java.util.Collections.unmodifiableList(result);
  }

  /**
   * Whether the project declares every ancestor of a type it declares (Object aside), so its methods are those the
   * project's sources show: not an enum's or a record's, whose JDK supertypes go unwritten ({@code Enum},
   * {@code Record}).
   */
  boolean ancestryDeclared(String type) {
    List<String> ancestors = contains(type) ? supertypesOf(type) : List.of();
    return !ancestors.isEmpty()
        && ancestors.stream().allMatch(ancestor -> contains(ancestor) || ancestor.equals("java.lang.Object"))
        && ancestors.stream().map(this::get).noneMatch(fact -> fact != null
            && (fact.kind().equals("enum") || fact.kind().equals("record")));
  }

  /** Whether a project type extends or implements this one. */
  boolean hasSubtypes(String type) {
    return !subtypes.getOrDefault(type, Set.of()).isEmpty();
  }

  Set<String> subtypesOf(String type) {
    return ProjectIndex.remembered(allSubtypes, type, t -> java.util.Collections.unmodifiableSet(computeSubtypes(t)));
  }

  private Set<String> computeSubtypes(String type) {
    Set<String> result = new HashSet<>();
    Deque<String> queue = new ArrayDeque<>(List.of(type));
    while (!queue.isEmpty()) {
      for (String sub : subtypes.getOrDefault(queue.poll(), Set.of())) {
        if (result.add(sub)) {
          queue.add(sub);
        }
      }
    }
    return result;
  }

  /**
   * A class Spring Data registers as a bean and runs a repository's custom methods in: named after an
   * interface it implements plus {@code Impl} (Spring Data's default postfix), that interface being one a
   * project repository extends (a fragment: {@code EventRepositoryCustomImpl implements EventRepositoryCustom})
   * or the class being named after the repository itself ({@code EventRepositoryImpl}).
   */
  boolean repositoryImplementation(String type) {
    TypeFact fact = types.get(type);
    if (fact == null || fact.isInterface() || !fact.simpleName().endsWith("Impl")) {
      return false;
    }
    String base = fact.simpleName().substring(0, fact.simpleName().length() - "Impl".length());
    for (String implemented : supertypesOf(type)) {
      TypeFact declared = types.get(implemented);
      if (declared == null || !declared.isInterface()) {
        continue;
      }
      for (String repository : subtypesOf(implemented)) {
        if (springDataRepository(repository) && (declared.simpleName().equals(base)
            || types.get(repository).simpleName().equals(base))) {
          return true;
        }
      }
    }
    return false;
  }

  /** A Spring Data repository interface: one extending a type of {@code org.springframework.data}. */
  boolean springDataRepository(String type) {
    TypeFact fact = types.get(type);
    return fact != null && fact.kind().equals("interface")
        && supertypesOf(type).stream().anyMatch(s -> s.startsWith("org.springframework.data."));
  }
}
