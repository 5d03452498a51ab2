package dev.optkit.analyzers.facts.extract;

import dev.optkit.analyzers.facts.Subtrees;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.optkit.analyzers.facts.HandedObject;
import dev.optkit.analyzers.facts.values.ChangingCode;
import java.util.List;
import java.util.TreeSet;

/**
 * Objects held in fields of this object that a method hands to a call, as an argument or as a method reference
 * ({@code jdbc.query(sql, rowMapper)}, {@code jdbc.query(sql, rowMapper::mapRow)}): whoever gets them calls their
 * methods later, with no call site in the project, on the one object every call shares ({@link HandedObject}), in their
 * order.
 */
public final class HandedFields {

  private HandedFields() {}

  public static List<HandedObject> of(MethodScan m) {
    if (m.nodes == null) {
      return List.of(); // no body
    }
    TreeSet<HandedObject> found = new TreeSet<>();
    // each field's code read once per method: a read walks the class's assignments, and most calls are on fields
    java.util.Map<String, Boolean> changing = new java.util.HashMap<>();
    java.util.function.Predicate<String> changingField = field -> changing.computeIfAbsent(field,
        name -> ChangingCode.inField(m.callable, name));
    for (MethodCallExpr call : m.nodes.ownCalls) {
      for (Expression argument : call.getArguments()) {
        note(argument, m, found, changingField);
      }
    }
    for (MethodReferenceExpr reference : m.nodes.ownReferences) {
      note(reference.getScope(), m, found, changingField);
    }
    for (ObjectCreationExpr creation : m.nodes.creations) {
      for (Expression argument : creation.getArguments()) {
        note(argument, m, found, changingField); // new Wrapper<>(rowMapper): the wrapper calls it (hostile review 38's h4)
      }
    }
    for (MethodCallExpr call : m.nodes.calls) {
      // next.getAsInt() on a field next = counter::incrementAndGet: its code runs here (hostile review 64's F)
      Expression scope = call.getScope().orElse(null);
      if (scope instanceof com.github.javaparser.ast.expr.ArrayAccessExpr slot) {
        scope = slot.getName(); // gens[0].getAsInt(): the array field's code
      }
      if (scope instanceof NameExpr alias && m.locals.declaresLocal(alias.getNameAsString())
          && m.locals.initializers.get(alias.getNameAsString()) instanceof NameExpr held) {
        scope = held; // IntSupplier gen = next; gen.getAsInt()
      }
      String field = scope instanceof NameExpr name && !m.locals.declaresLocal(name.getNameAsString())
          ? name.getNameAsString() : scope instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr
          ? access.getNameAsString() : null;
      if (field != null && m.locals.fieldType(field) != null && changingField.test(field)) {
        found.add(new HandedObject.ChangingCode(field));
      }
    }
    return List.copyOf(found);
  }

  private static void note(Expression value, MethodScan m, TreeSet<HandedObject> found,
      java.util.function.Predicate<String> changingField) {
    String field = null;
    if (value instanceof com.github.javaparser.ast.expr.MethodCallExpr factory && factory.getArguments().isEmpty()
        && factory.getScope().orElse(null) instanceof NameExpr type && Character.isUpperCase(type.getNameAsString().charAt(0))
        && !m.locals.declaresLocal(type.getNameAsString()) && m.locals.fieldType(type.getNameAsString()) == null) {
      // Mappers.counting(): a static factory's object, maybe one it keeps (hostile review 38's h6); the planner reads
      // what the factory returns
      found.add(new HandedObject.FromFactory(m.file.names.qualify(type.getNameAsString()).name(), factory.getNameAsString()));
      return;
    }
    if (value instanceof com.github.javaparser.ast.expr.MethodCallExpr getter && getter.getArguments().isEmpty()
        && (getter.getScope().isEmpty() || getter.getScope().get() instanceof ThisExpr)) {
      value = returnedField(m, getter.getNameAsString()); // getMapper() { return rowMapper; } (hostile review 38's h2)
      if (value == null) {
        return;
      }
    }
    if (value instanceof NameExpr alias && m.locals.declaresLocal(alias.getNameAsString())
        && m.locals.initializers.get(alias.getNameAsString()) instanceof NameExpr held) {
      value = held; // var m = rowMapper; jdbc.query(sql, m) (hostile review 38's h1)
    }
    if (value instanceof com.github.javaparser.ast.expr.TypeExpr written
        && written.getType() instanceof com.github.javaparser.ast.type.ClassOrInterfaceType type
        && type.getScope().isEmpty()) {
      value = new NameExpr(type.getNameAsString()); // rowMapper::mapRow: the parser cannot tell a variable from a type
    }
    if (value instanceof NameExpr name && !m.locals.declaresLocal(name.getNameAsString())) {
      field = name.getNameAsString();
    } else if (value instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
      field = access.getNameAsString();
    }
    if (field == null || m.locals.fieldType(field) == null) {
      return;
    }
    String held = m.locals.fieldType(field).replaceAll("<.*", ""); // RowMapper<Pet>: its implementations (h3, h8)
    VariableDeclarator declared = declarator(m, field);
    if (changingField.test(field)) {
      // (rs, n) -> ... count.getAndIncrement(): code keeping a count (hostile review 38's h10); sink = seen::add (64's F)
      found.add(new HandedObject.ChangingCode(field));
      return;
    } else if (declared != null && declared.getInitializer().orElse(null) instanceof com.github.javaparser.ast.expr.MethodCallExpr
        factory && factory.getScope().orElse(null) instanceof NameExpr type
        && Character.isUpperCase(type.getNameAsString().charAt(0)) && m.locals.fieldType(type.getNameAsString()) == null) {
      // rowMapper = CountingMapper.create(): what the factory answers (hostile review 38's h11)
      found.add(new HandedObject.FromFactory(m.file.names.qualify(type.getNameAsString()).name(), factory.getNameAsString()));
      return;
    } else if (declared != null && declared.getInitializer().orElse(null) instanceof ObjectCreationExpr creation) {
      if (creation.getAnonymousClassBody().isPresent()) {
        return; // its code was read above (ChangingCode): one that changes nothing outside itself is harmless
      } else {
        held = m.file.names.qualify(creation.getType()).name();
      }
    }
    if (held != null && held.contains(".") && !held.startsWith("java.")) {
      found.add(new HandedObject.InField(field, held));
    }
  }

  /** The field a method of the class around returns as it is ({@code return rowMapper;}), as a name; else null. */
  private static Expression returnedField(MethodScan m, String method) {
    for (Node node = m.callable; node != null; node = node.getParentNode().orElse(null)) {
      if (node instanceof TypeDeclaration<?> type) {
        for (var declared : type.getMethodsByName(method)) {
          if (declared.getParameters().isEmpty() && declared.getBody().isPresent()) {
            var returns = Subtrees.all(declared.getBody().get(), com.github.javaparser.ast.stmt.ReturnStmt.class);
            if (returns.size() == 1 && returns.get(0).getExpression().orElse(null) instanceof NameExpr field) {
              return field;
            }
            if (returns.size() == 1 && returns.get(0).getExpression().orElse(null) instanceof FieldAccessExpr field
                && field.getScope() instanceof ThisExpr) {
              return field;
            }
          }
        }
        return null;
      }
    }
    return null;
  }

  private static VariableDeclarator declarator(MethodScan m, String field) {
    for (Node node = m.callable; node != null; node = node.getParentNode().orElse(null)) {
      if (node instanceof TypeDeclaration<?> type) {
        var declared = type.getFieldByName(field);
        if (declared.isPresent()) {
          return declared.get().getVariables().stream().filter(v -> v.getNameAsString().equals(field)).findFirst()
              .orElse(null);
        }
      }
    }
    return null;
  }
}
