package dev.optkit.rewriters.caching.sharing;

import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.Optional;

/**
 * Repository fragments: a project class implementing a repository interface's custom method, which Spring Data runs
 * for the repository and the call graph does not know of. An entity handed to such a method may be changed or
 * written back, and optkit does not follow that implementation.
 */
public final class RepositoryFragments {
  private final ProjectIndex index;

  public RepositoryFragments(ProjectIndex index) {
    this.index = index;
  }

  /**
   * A project method the call may run without the call graph knowing: the receiver is a project interface
   * (a repository) and a project class has a method of that name and as many parameters.
   */
  public Optional<IndexedMethod> fragmentFor(IndexedMethod method, MethodFact.HandOff handOff) {
    dev.optkit.analyzers.facts.CallRef call = EntityResults.callTo(method, handOff);
    if (call == null || call.receiverType() == null || index.type(call.receiverType())
        .filter(type -> type.kind().equals("interface")).isEmpty()) {
      return Optional.empty();
    }
    return implementedInProject(call.receiverType(), handOff.target(), call.argumentCount());
  }

  /**
   * A project method with a body of this name and as many parameters (any number when negative), which Spring Data
   * may run for the repository interface {@code owner}; none for an interface no library implements (a MapStruct
   * mapper's implementation is generated, and another mapper's is not it: audit 10's s4).
   */
  public Optional<IndexedMethod> implementedInProject(String owner, String name, int parameters) {
    if (owner == null || index.declaredClient(owner).isEmpty()) {
      return Optional.empty();
    }
    return index.methodsNamed(name).stream()
        .filter(m -> !m.fact().isAbstract() && !m.fact().isConstructor()
            && (parameters < 0 || m.fact().params().size() == parameters))
        .findFirst();
  }

  public static String refusal(String who, String called, IndexedMethod fragment) {
    return who + " passes it to " + called + "(), which the project may implement itself ("
        + fragment.fact().displayName() + "(), a repository fragment?), and optkit does not follow such an "
        + "implementation: it may change the entity or write it back";
  }
}
