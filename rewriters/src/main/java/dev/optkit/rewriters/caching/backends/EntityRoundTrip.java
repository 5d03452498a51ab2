package dev.optkit.rewriters.caching.backends;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import dev.optkit.analyzers.facts.TypeFact;
import java.util.Optional;

/**
 * Whether a JPA entity a method returns comes back from Redis's JSON as it went in. One of plain columns
 * does, as any class with a creator and getters does (the rest of {@link RedisRoundTrip}'s checks): Hibernate
 * hands out the entity's own class when it loads a row. One with associations holds Hibernate's lazy proxies
 * and its own collection classes ({@code PersistentBag}, {@code PersistentSet}), which Jackson's type
 * information would name and which cannot be made outside a session; a collection of values (an
 * {@code @ElementCollection}, a converted column) is one of those too, and a mapping optkit does not read
 * (orm.xml) may hold any of them.
 */
final class EntityRoundTrip {
  private EntityRoundTrip() {}

  static Optional<String> whyNot(TypeFact entity, Optional<CompilationUnit> unit) {
    String refusal = ": Hibernate's lazy proxies and its own collection classes do not come back from JSON; cache a DTO "
        + "or record of it instead";
    if (!entity.associations().isEmpty()) {
      return Optional.of(entity.simpleName() + " is a JPA entity with associations (" + String.join(", ",
          entity.associations().stream().map(TypeFact.Association::field).toList()) + ")" + refusal);
    }
    if (entity.mappingUnread()) {
      return Optional.of(entity.simpleName() + " is a JPA entity mapped in a file optkit does not read (orm.xml), which "
          + "may give it associations" + refusal);
    }
    Optional<TypeDeclaration<?>> declaration = unit.flatMap(u -> u.findAll(TypeDeclaration.class).stream()
        .filter(t -> t.getNameAsString().equals(entity.simpleName())).map(t -> (TypeDeclaration<?>) t).findFirst());
    if (declaration.isEmpty()) {
      return Optional.of(entity.simpleName() + " is a JPA entity optkit could not read field by field" + refusal);
    }
    for (FieldDeclaration field : declaration.get().getFields()) {
      if (field.isStatic() || field.isTransient()) {
        continue;
      }
      String type = field.getElementType().isClassOrInterfaceType()
          ? field.getElementType().asClassOrInterfaceType().getNameAsString() : "";
      if (RedisRoundTrip.CONTAINERS.contains(type) && !type.equals("Optional")) {
        VariableDeclarator first = field.getVariable(0);
        return Optional.of(entity.simpleName() + " is a JPA entity with a collection (" + first.getNameAsString() + ")"
            + refusal);
      }
    }
    return Optional.empty();
  }
}
