package dev.optkit.rewriters.caching.keys;

import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.source.SourceSet;
import java.util.List;
import java.util.Optional;

/**
 * Code the key proof needs and optkit cannot read: a project interface's method with no implementation among the
 * project's classes (a lambda, an anonymous class or generated code may hold state), and a MapStruct mapper whose
 * implementation the build has not generated yet (then the build is what to do first).
 */
final class UnseenImplementations {
  private final ProjectIndex index;
  private final GeneratedGetters generatedGetters;

  UnseenImplementations(ProjectIndex index) {
    this.index = index;
    this.generatedGetters = new GeneratedGetters(index);
  }

  /**
   * A call of a project interface's method on a shared object whose production implementation
   * optkit cannot read: only a test's double implements it, or nothing among the project's classes
   * does (a lambda, an anonymous class or generated code may, holding state its key does not
   * cover). A repository's or declared client's method (the library implements it) and a getter
   * without arguments (a Spring Data projection's) are not asked.
   */
  Optional<String> whyNot(IndexedMethod method, CallRef call, List<IndexedMethod> targets,
      boolean receiverShared) {
    List<IndexedMethod> all = index.allTargetsOf(call);
    if (!receiverShared || all.isEmpty() || index.declaredSite(call).isPresent()) {
      return Optional.empty();
    }
    if (!targets.stream().allMatch(t -> t.fact().isAbstract() && index.implementedByLibrary(t).isEmpty())) {
      return Optional.empty();
    }
    if (generatedGetters.generatedGetter(call, targets)) {
      return Optional.empty();
    }
    boolean testDouble = all.stream().anyMatch(t -> !t.fact().isAbstract() && SourceSet.isTestPath(t.path()));
    IndexedMethod abstractOne = all.stream().filter(t -> t.fact().isAbstract()).findFirst().orElse(all.get(0));
    String declared = abstractOne.fact().displayName();
    // the method declared by a plain interface (AbstractMapper<E, D>) the @Mapper class the call is made on implements
    String receiver = call.receiverType() != null ? call.receiverType() : index.receivedType(call);
    String mapper = java.util.stream.Stream.of(abstractOne.fact().ownerType(), receiver).filter(java.util.Objects::nonNull)
        .filter(this::mapStructMapper).findFirst().orElse(null);
    if (mapper != null) {
      return Optional.of(buildFirst(mapper, declared));
    }
    return Optional.of("depends on code optkit cannot read: " + declared + "() has no implementation among the "
        + "project's classes" + (testDouble ? " but a test's double" : "") + " (a lambda, an anonymous class or "
        + "generated code may implement it, holding state the key does not cover)");
  }

  /**
   * A change to what a MapStruct mapper's method returned, before the build generates the mapper
   * ({@code d = mapper.toDto(cat); d.setLabel("cat")}): whether that object is new or shared is in code
   * not there yet, so the build is what to do first, not a claim that it is shared.
   */
  Optional<String> generatedLater(MethodFact fact, String callName) {
    for (CallRef call : fact.calls()) {
      if (!call.name().equals(callName)) {
        continue;
      }
      List<IndexedMethod> targets = index.allTargetsOf(call);
      String receiver = call.receiverType() != null ? call.receiverType() : index.receivedType(call);
      String mapper = java.util.stream.Stream.concat(java.util.stream.Stream.of(receiver),
          targets.stream().map(t -> t.fact().ownerType())).filter(java.util.Objects::nonNull)
          .filter(this::mapStructMapper).findFirst().orElse(null);
      if (mapper != null && !targets.isEmpty() && targets.stream().allMatch(t -> t.fact().isAbstract())) {
        return Optional.of(buildFirst(mapper, targets.get(0).fact().displayName()));
      }
    }
    return Optional.empty();
  }

  /** The refusal for a proof that needs a MapStruct mapper's generated implementation. */
  private static String buildFirst(String mapper, String method) {
    return "depends on code not in the sources: build the project first (missing: the implementation of "
        + mapper.substring(mapper.lastIndexOf('.') + 1) + ", which MapStruct generates at build time, for " + method
        + "())";
  }

  private boolean mapStructMapper(String type) {
    return index.type(type).map(t -> t.annotations().stream()
        .anyMatch(a -> a.equals("org.mapstruct.Mapper") || a.equals("Mapper") || a.endsWith(".Mapper"))).orElse(false);
  }

  /**
   * The targets whose answers count: a project interface's abstract method answers nothing of its own
   * when the project implements it (petclinic-rest's OwnerRepository.findById, run by its JDBC, JPA or
   * Spring Data implementation), so its implementations decide; with none, it stays and is not fresh.
   */
  List<IndexedMethod> answering(List<IndexedMethod> targets) {
    List<IndexedMethod> implemented = targets.stream()
        .filter(t -> !t.fact().isAbstract() || springDataQuery(t) || index.type(t.fact().ownerType()).isEmpty())
        .toList();
    return implemented.isEmpty() ? targets : implemented;
  }

  /** A Spring Data repository's query method: the proxy runs it, and what it returns is loaded for the call. */
  boolean springDataQuery(IndexedMethod method) {
    return method.fact().isAbstract() && index.supertypesOf(method.fact().ownerType()).stream()
        .anyMatch(type -> type.startsWith("org.springframework.data."));
  }
}
