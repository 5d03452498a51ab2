package dev.optkit.rewriters.caching.backends;

import dev.optkit.analyzers.facts.FileFacts;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.source.SourceSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a class has one object per process (or per application context). A plain Java cache
 * lives in a field of each object and is invalidated only by that object's writers: a write
 * through a second object of the class leaves the first one's cache stale. So a per-object cache
 * with writers is safe only when the production code creates the class exactly once: in a static
 * initializer, in {@code main}, in a singleton {@code @Bean} method, as a component the container
 * creates, or in the constructor of a class that is itself created once. Test code is not counted:
 * it builds its own objects around its own data.
 */
public final class SingleInstance {
  private static final Set<String> SINGLETON_ANNOTATIONS = java.util.stream.Stream.concat(
      dev.optkit.analyzers.index.SpringStereotypes.COMPONENTS.stream(), java.util.stream.Stream.of("javax.inject.Singleton",
          "jakarta.inject.Singleton", "javax.enterprise.context.ApplicationScoped",
          "jakarta.enterprise.context.ApplicationScoped", "com.google.inject.Singleton", "javax.ejb.Singleton",
          "jakarta.ejb.Singleton")).collect(java.util.stream.Collectors.toUnmodifiableSet());

  /** A scope other than the singleton one: a bean per request, session or lookup. */
  private static final Set<String> SCOPES = Set.of("org.springframework.context.annotation.Scope",
      "org.springframework.web.context.annotation.RequestScope",
      "org.springframework.web.context.annotation.SessionScope");

  private final ProjectIndex index;

  public SingleInstance(ProjectIndex index) {
    this.index = index;
  }

  /**
   * Why the class may have several objects, or empty when it is created once. Remembered by class:
   * each answer passes over every file and method of the project, and the planner asks once per
   * cached method.
   */
  public Optional<String> whyNot(String type) {
    Optional<String> known = answers.get(type);
    if (known == null) {
      known = whyNot(type, new HashSet<>());
      answers.put(type, known);
    }
    return known;
  }

  private final java.util.Map<String, Optional<String>> answers = new java.util.HashMap<>();

  private Optional<String> whyNot(String type, Set<String> seen) {
    String simple = type.substring(type.lastIndexOf('.') + 1);
    if (!seen.add(type)) {
      return Optional.of(simple + " is created in a cycle of constructors optkit cannot count");
    }
    if (index.supertypesOf(type).contains("java.io.Serializable")) {
      return Optional.of(simple + " is Serializable: each deserialized copy is another object with a cache of its own");
    }
    List<FileFacts.Creation> creations = creationsOf(type);
    Optional<TypeFact> declared = index.type(type);
    boolean containerSingleton = declared.map(t -> SINGLETON_ANNOTATIONS.stream().anyMatch(t::hasAnnotation)
        && SCOPES.stream().noneMatch(t::hasAnnotation)).orElse(false);
    if (creations.isEmpty()) {
      return containerSingleton ? Optional.empty()
          : Optional.of("no production code optkit can see creates " + simple + ", so it cannot tell how many "
              + simple + " objects exist");
    }
    if (containerSingleton || creations.size() > 1) {
      List<String> where = new ArrayList<>(creations.stream().map(SingleInstance::where).distinct().sorted().toList());
      if (containerSingleton) {
        where.add(0, "the container, as a component");
      }
      return Optional.of(simple + " is created in " + (creations.size() + (containerSingleton ? 1 : 0)) + " places ("
          + String.join(", ", where) + ")");
    }
    FileFacts.Creation only = creations.get(0);
    if (only.repeated()) {
      return Optional.of(simple + " is created in a loop or callback in " + where(only));
    }
    if (only.site() == FileFacts.Creation.Site.MAIN) {
      Optional<String> relaunched = mainCalledFrom(only.ownerType());
      if (relaunched.isPresent()) {
        return Optional.of(simple + " is created in " + where(only) + ", and that main() is also called by "
            + relaunched.get() + ", once per call");
      }
    }
    return switch (only.site()) {
      case STATIC, MAIN, BEAN -> Optional.empty();
      case CONSTRUCTOR -> whyNot(only.ownerType(), seen)
          .map(reason -> simple + " is created with each " + simpleName(only.ownerType()) + ", and " + reason);
      case METHOD -> Optional.of(simple + " is created in " + where(only) + ", once per call");
    };
  }

  /** A production method that calls the type's {@code main}, which then runs more than once. */
  private Optional<String> mainCalledFrom(String type) {
    for (var method : index.methods()) {
      if (SourceSet.isTestPath(method.path())) {
        continue;
      }
      for (var call : method.fact().calls()) {
        if (call.name().equals("main") && index.targetsOf(call).stream()
            .anyMatch(target -> target.fact().ownerType().equals(type) && target.fact().isStatic())) {
          return Optional.of(method.fact().displayName() + "()");
        }
      }
    }
    return Optional.empty();
  }

  /** Constructions of the type or of a subclass, in production code. */
  private List<FileFacts.Creation> creationsOf(String type) {
    List<FileFacts.Creation> found = new ArrayList<>();
    for (FileFacts file : index.files()) {
      if (SourceSet.isTestPath(file.path())) {
        continue;
      }
      for (FileFacts.Creation creation : file.creations()) {
        if (creation.type().equals(type) || index.supertypesOf(creation.type()).contains(type)) {
          found.add(creation);
        }
      }
    }
    return found;
  }

  private static String where(FileFacts.Creation creation) {
    String owner = creation.ownerType().isEmpty() ? "a local class" : simpleName(creation.ownerType());
    return owner + " line " + creation.range().line();
  }

  private static String simpleName(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }
}
