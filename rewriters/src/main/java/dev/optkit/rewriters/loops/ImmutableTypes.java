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

  /**
   * Whether objects of the type as written in this method's file are unchangeable: a simple name the file imports by
   * name is that type ({@code import java.awt.Point} beside a project record {@code Point}: hostile review 106's F2);
   * one a wildcard import may bring is known only as a JDK value or a type of the file's own package; else as
   * {@link #immutable(String)} reads it.
   */
  boolean immutable(String written, dev.optkit.analyzers.index.IndexedMethod in) {
    String bare = written.contains("<") ? written.substring(0, written.indexOf('<')).strip() : written.strip();
    Optional<CompilationUnit> unit = sources.unit(in.path());
    if (bare.contains(".") || bare.endsWith("]") || unit.isEmpty()) {
      return immutable(written);
    }
    var registry = index.immutableTypes();
    for (com.github.javaparser.ast.ImportDeclaration declared : unit.get().getImports()) {
      if (!declared.isAsterisk() && !declared.isStatic() && declared.getName().getIdentifier().equals(bare)) {
        return !written.strip().endsWith("]") && registry.immutable(declared.getNameAsString());
      }
    }
    String own = unit.get().getPackageDeclaration().map(p -> p.getNameAsString() + ".").orElse("") + bare;
    if (index.type(own).isPresent()) {
      return registry.immutable(own);
    }
    List<String> wildcards = unit.get().getImports().stream().filter(d -> d.isAsterisk() && !d.isStatic())
        .map(d -> d.getNameAsString()).toList();
    if (wildcards.isEmpty()) {
      return immutable(written);
    }
    // import java.awt.*: a package the project declares nothing in may hold a class of that name
    boolean foreign = wildcards.stream().anyMatch(w -> index.types().stream()
        .noneMatch(t -> t.qualifiedName().startsWith(w + ".")));
    List<String> candidates = wildcards.stream().map(w -> w + "." + bare).filter(q -> index.type(q).isPresent()).toList();
    return dev.optkit.analyzers.facts.types.JdkValues.UNMISTAKABLE_SIMPLE_NAMES.contains(bare)
        || !foreign && candidates.size() == 1 && registry.immutable(candidates.get(0));
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
