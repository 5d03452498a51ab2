package dev.optkit.analyzers.parse;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.body.AnnotationMemberDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import dev.optkit.analyzers.io.Hashes;
import java.util.List;

/**
 * What other files can see of a file: its package, imports, and every type's declarations (annotations, modifiers,
 * supertypes, fields with their initialisers, method and constructor signatures, enum constants, record components,
 * annotation members), nested types included; not what runs inside a method, constructor or initialiser, nor
 * comments. The symbol solver resolves one file's names through the others' declarations alone, so a file's facts
 * hold while the surfaces of the files it reaches by name do.
 */
public final class DeclarationSurface {
  private DeclarationSurface() {}

  /**
   * A file's surface and the project types it names.
   *
   * @param hash its surface, hashed
   * @param surfaceNames the simple names of project types its surface names (what other files resolve through it)
   * @param names those its whole text names, method bodies included (what it resolves through)
   */
  public record Read(String hash, List<String> surfaceNames, List<String> names) {
    public Read {
      surfaceNames = List.copyOf(surfaceNames);
      names = List.copyOf(names);
    }
  }

  /**
   * The surface of a parsed file, and the names in it of the project's types: each file's primary type, by simple
   * name ({@code projectNames}). A name reaches the types its file resolves through: a type used without being named
   * is reached through the surface of one that is (a chain's return types, a supertype's members), and a nested or
   * secondary type through its file's primary one (an import, a qualified name, a subclass's extends clause).
   */
  static Read read(CompilationUnit unit, java.util.Set<String> projectNames) {
    java.util.Set<String> surfaceNames = new java.util.TreeSet<>();
    java.util.Set<String> names = new java.util.TreeSet<>();
    java.util.ArrayDeque<Node> pending = new java.util.ArrayDeque<>(List.of(unit));
    java.util.ArrayDeque<Boolean> inBody = new java.util.ArrayDeque<>(List.of(false));
    while (!pending.isEmpty()) {
      Node node = pending.pop();
      boolean body = inBody.pop();
      String identifier = node instanceof SimpleName simple ? simple.getIdentifier()
          : node instanceof Name name ? name.getIdentifier() : null;
      if (identifier != null && projectNames.contains(identifier)) {
        names.add(identifier);
        if (!body) {
          surfaceNames.add(identifier);
        }
      }
      for (Node child : node.getChildNodes()) {
        pending.push(child);
        inBody.push(body || child instanceof com.github.javaparser.ast.stmt.BlockStmt
            && (node instanceof CallableDeclaration<?> || node instanceof InitializerDeclaration
                || node instanceof CompactConstructorDeclaration));
      }
    }
    return new Read(of(unit), List.copyOf(surfaceNames), List.copyOf(names));
  }

  /** The surface of a parsed file, hashed. */
  static String of(CompilationUnit unit) {
    StringBuilder out = new StringBuilder();
    unit.getPackageDeclaration().ifPresent(declared -> out.append(declared).append('\n'));
    unit.getImports().forEach(imported -> out.append(imported).append('\n'));
    unit.getModule().ifPresent(module -> out.append(module).append('\n'));
    unit.getTypes().forEach(type -> type(type, out));
    return Hashes.sha256(out.toString());
  }


  private static void type(TypeDeclaration<?> type, StringBuilder out) {
    annotations(type, out);
    out.append(type.getModifiers()).append(' ').append(kind(type)).append(' ').append(type.getNameAsString());
    if (type instanceof ClassOrInterfaceDeclaration declared) {
      out.append(declared.getTypeParameters()).append(" extends ").append(declared.getExtendedTypes())
          .append(" implements ").append(declared.getImplementedTypes()).append(" permits ")
          .append(declared.getPermittedTypes());
    } else if (type instanceof RecordDeclaration record) {
      out.append(record.getTypeParameters()).append(record.getParameters()).append(" implements ")
          .append(record.getImplementedTypes());
    } else if (type instanceof EnumDeclaration enumeration) {
      out.append(" implements ").append(enumeration.getImplementedTypes()).append(" {\n");
      for (EnumConstantDeclaration constant : enumeration.getEntries()) {
        annotations(constant, out);
        out.append(constant.getNameAsString()).append(constant.getArguments()).append(" {\n");
        constant.getClassBody().forEach(member -> member(member, out));
        out.append("}\n");
      }
    }
    out.append(" {\n");
    type.getMembers().forEach(member -> member(member, out));
    out.append("}\n");
  }

  private static String kind(TypeDeclaration<?> type) {
    if (type instanceof ClassOrInterfaceDeclaration declared) {
      return declared.isInterface() ? "interface" : "class";
    }
    return type.getClass().getSimpleName();
  }

  private static void member(BodyDeclaration<?> member, StringBuilder out) {
    if (member instanceof TypeDeclaration<?> nested) {
      type(nested, out);
    } else if (member instanceof FieldDeclaration || member instanceof AnnotationMemberDeclaration) {
      out.append(member).append('\n'); // initialisers included: a constant's value is read where it is used
    } else if (member instanceof CallableDeclaration<?> callable) {
      annotations(callable, out);
      out.append(callable.getModifiers()).append(callable.getTypeParameters());
      if (callable instanceof MethodDeclaration method) {
        out.append(method.getType()).append(' ');
      }
      out.append(callable.getNameAsString()).append(callable.getParameters()).append(" throws ")
          .append(callable.getThrownExceptions()).append('\n');
    } else if (member instanceof CompactConstructorDeclaration compact) {
      annotations(compact, out);
      out.append(compact.getModifiers()).append(compact.getTypeParameters()).append(compact.getNameAsString())
          .append(" throws ").append(compact.getThrownExceptions()).append('\n');
    } else if (!(member instanceof InitializerDeclaration)) {
      out.append(member).append('\n'); // a kind this surface does not take apart: all of it, body included
    }
  }

  private static void annotations(NodeWithAnnotations<?> annotated, StringBuilder out) {
    List<?> annotations = annotated.getAnnotations();
    annotations.forEach(annotation -> out.append(annotation).append(' '));
  }
}
