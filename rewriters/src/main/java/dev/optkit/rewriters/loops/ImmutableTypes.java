package dev.optkit.rewriters.loops;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.rewriters.source.ProjectSources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether an object of a type can change after it is made, so another thread may read it while the
 * loop goes on: the JDK's values ({@link LoopProof#IMMUTABLE}), and the project's records, enums and
 * classes whose instance fields are all final and of such types (apollo's {@code Env}: one
 * {@code private final String name}). A class must also have no subclass that could add state: it is
 * final, or its constructors are all private and no class in its file extends it; and it extends
 * nothing. Arrays and collections are changeable. The name written must mean one project type.
 */
final class ImmutableTypes {
  private static final int MAX_DEPTH = 4;

  private final ProjectIndex index;
  private final ProjectSources sources;
  private final Map<String, Boolean> known = new HashMap<>();

  /** The project's parsed sources these types are read from. */
  ProjectSources sources() {
    return sources;
  }

  ImmutableTypes(ProjectIndex index, ProjectSources sources) {
    this.index = index;
    this.sources = sources;
  }

  boolean immutable(String written) {
    return immutable(written, 0);
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

  private boolean immutable(String written, int depth) {
    String bare = written.replaceAll("<.*", "").strip();
    String simple = bare.substring(bare.lastIndexOf('.') + 1);
    if (LoopProof.IMMUTABLE.contains(simple)) {
      return true;
    }
    if (depth >= MAX_DEPTH || bare.endsWith("]")) {
      return false;
    }
    Boolean answer = known.get(simple);
    if (answer == null) {
      known.put(simple, false); // a type holding itself is not shown unchangeable
      answer = projectType(simple, depth);
      known.put(simple, answer);
    }
    return answer;
  }

  private boolean projectType(String simple, int depth) {
    List<TypeFact> types = index.typesNamed(simple);
    if (types.size() != 1) {
      return false;
    }
    String path = index.pathOfType(types.get(0).qualifiedName());
    Optional<CompilationUnit> unit = path == null ? Optional.empty() : sources.unit(path);
    Optional<TypeDeclaration<?>> declared = unit.flatMap(u -> u.findFirst(TypeDeclaration.class,
        t -> t.getNameAsString().equals(simple)).map(t -> (TypeDeclaration<?>) t));
    if (declared.isEmpty()) {
      return false;
    }
    List<Type> held = new ArrayList<>();
    TypeDeclaration<?> type = declared.get();
    if (type instanceof RecordDeclaration record) {
      record.getParameters().forEach(component -> held.add(component.getType()));
    } else if (type instanceof ClassOrInterfaceDeclaration declaration) {
      if (declaration.isInterface() || declaration.isAbstract() || declaration.getExtendedTypes().isNonEmpty()
          || !declaration.isFinal() && !closed(declaration, unit.get())) {
        return false;
      }
    } else if (type instanceof EnumDeclaration enumeration) {
      // a constant with a body is a subclass of its own, which may add state
      if (enumeration.getEntries().stream().anyMatch(entry -> entry.getClassBody().stream()
          .anyMatch(member -> member instanceof FieldDeclaration field && !field.isStatic()))) {
        return false;
      }
    } else {
      return false;
    }
    for (FieldDeclaration field : type.getFields()) {
      if (field.isStatic()) {
        continue;
      }
      if (!field.isFinal()) {
        return false;
      }
      field.getVariables().forEach(variable -> held.add(variable.getType()));
    }
    for (Type each : held) {
      if (each.isArrayType() || !immutable(name(each), depth + 1)) {
        return false;
      }
    }
    return true;
  }

  /** No one can extend it: it declares constructors, all private, and no class in its file extends it. */
  private static boolean closed(ClassOrInterfaceDeclaration declaration, CompilationUnit unit) {
    String name = declaration.getNameAsString();
    return !declaration.getConstructors().isEmpty()
        && declaration.getConstructors().stream().allMatch(c -> c.isPrivate())
        && unit.findAll(ClassOrInterfaceDeclaration.class).stream()
            .noneMatch(other -> other.getExtendedTypes().stream().anyMatch(t -> t.getNameAsString().equals(name)));
  }

  private static String name(Type type) {
    return type instanceof ClassOrInterfaceType named ? named.getNameAsString() : type.asString();
  }
}
