package dev.optkit.rewriters.loops;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.EnumDeclaration;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.rewriters.source.ProjectSources;
import java.util.List;
import java.util.Optional;

/**
 * What the loop proofs ask of a type's objects: whether they can change after they are made, so another thread may
 * read one while the loop goes on (the project's one registry, {@link dev.optkit.analyzers.index.ImmutableTypes},
 * decides), and whether an enum's constant is one object without a body of its own.
 */
final class ImmutableTypes {
  private final ProjectIndex index;
  private final ProjectSources sources;

  /** The project's parsed sources these types are read from. */
  ProjectSources sources() {
    return sources;
  }

  ImmutableTypes(ProjectIndex index, ProjectSources sources) {
    this.index = index;
    this.sources = sources;
  }

  /** Whether objects of the type as written are unchangeable: the project's one registry decides. */
  boolean immutable(String written) {
    return index.immutableTypes().immutableWritten(written);
  }

  /** Whether the one project enum of this simple name declares this constant, without a body of its own. */
  boolean enumConstant(String simple, String constant) {
    List<TypeFact> types = index.typesNamed(simple);
    if (types.size() != 1) {
      return false;
    }
    String path = index.pathOfType(types.get(0).qualifiedName());
    Optional<CompilationUnit> unit = path == null ? Optional.empty() : sources.unit(path);
    return unit.flatMap(u -> u.findFirst(EnumDeclaration.class, e -> e.getNameAsString().equals(simple)))
        .map(e -> e.getEntries().stream().anyMatch(entry -> entry.getNameAsString().equals(constant)
            && entry.getClassBody().isEmpty()))
        .orElse(false);
  }

}
