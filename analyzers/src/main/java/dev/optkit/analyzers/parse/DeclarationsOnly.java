package dev.optkit.analyzers.parse;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.stmt.BlockStmt;

/**
 * Empties the bodies of methods, constructors and initializers in a tree the symbol solver keeps
 * for resolving names from other files. Another file can only see a type's members and
 * signatures (a local or anonymous class in a body is out of its reach), so the bodies are dead
 * weight: kept, they were most of the 200 MB of trees the solvers held on spring-framework, and
 * every garbage collection walked them.
 */
final class DeclarationsOnly {
  private DeclarationsOnly() {}

  static CompilationUnit strip(CompilationUnit unit) {
    for (TypeDeclaration<?> type : unit.getTypes()) {
      strip(type);
    }
    return unit;
  }

  private static void strip(TypeDeclaration<?> type) {
    if (type instanceof EnumDeclaration enumeration) {
      for (EnumConstantDeclaration constant : enumeration.getEntries()) {
        constant.getClassBody().forEach(DeclarationsOnly::stripMember);
      }
    }
    type.getMembers().forEach(DeclarationsOnly::stripMember);
  }

  private static void stripMember(BodyDeclaration<?> member) {
    if (member instanceof MethodDeclaration method && method.getBody().isPresent()) {
      method.setBody(new BlockStmt());
    } else if (member instanceof ConstructorDeclaration constructor) {
      constructor.setBody(new BlockStmt());
    } else if (member instanceof CompactConstructorDeclaration constructor) {
      constructor.setBody(new BlockStmt());
    } else if (member instanceof InitializerDeclaration initializer) {
      initializer.setBody(new BlockStmt());
    } else if (member instanceof TypeDeclaration<?> nested) {
      strip(nested);
    }
  }
}
