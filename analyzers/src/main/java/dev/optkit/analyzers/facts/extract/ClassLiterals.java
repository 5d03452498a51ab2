package dev.optkit.analyzers.facts.extract;

import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.optkit.analyzers.facts.ClassLiteral;
import dev.optkit.analyzers.facts.Confidence;
import dev.optkit.analyzers.facts.types.TypeNames;

/** The one reader of a class literal ({@code ItemDao.class}) as a fact: as written, and qualified where the file tells. */
final class ClassLiterals {
  private ClassLiterals() {}

  static ClassLiteral of(ClassExpr literal, TypeNames names) {
    Type type = literal.getType();
    String written = TypeNames.erase(type instanceof ClassOrInterfaceType named ? named.getNameWithScope() : type.asString());
    TypeNames.Qualified qualified = type.isPrimitiveType() || type.isArrayType() ? null : names.qualify(type);
    return new ClassLiteral(written, qualified == null || qualified.confidence() == Confidence.LOW ? null : qualified.name());
  }
}
