package dev.optkit.rewriters.loops;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.List;
import java.util.Optional;

/**
 * The key a batched query is given for an element: the element itself ({@code findById(id)}), or
 * what a getter of it returns ({@code findById(order.getCustomerId())}, a record's
 * {@code order.customerId()}). A getter is read again where the loop calls it, so it must be one
 * that returns the same value each time: a project method that does no I/O and changes nothing, or
 * the accessor Lombok or a record writes for a field of the element's class.
 *
 * @param text the key as the loop writes it, to be evaluated for an element named {@code element}
 * @param type the key's type, boxed, as the source names it (simple name)
 * @param getter the getter's name, or null when the key is the element itself
 */
record LoopKey(String text, String type, String getter, boolean primitive) {
  /** The key of the call's argument, or why optkit cannot read one. */
  static KeyOrProblem of(ForEachStmt loop, Expression argument, ProjectIndex index, LoopSites sites,
      IndexedMethod indexed) {
    String element = loop.getVariableDeclarator().getNameAsString();
    String elementType = LoopProof.boxed(loop.getVariableDeclarator().getType().asString());
    if (argument instanceof NameExpr name && name.getNameAsString().equals(element)) {
      return new KeyOrProblem(new LoopKey(element, elementType, null, false), null);
    }
    if (!(argument instanceof MethodCallExpr call) || !call.getArguments().isEmpty()
        || !(call.getScope().orElse(null) instanceof NameExpr scope) || !scope.getNameAsString().equals(element)) {
      return problem(argument + " is neither the loop's element " + element + " nor a getter of it");
    }
    String name = call.getNameAsString();
    List<IndexedMethod> targets = sites.ref(indexed, call).map(index::allTargetsOf).orElse(List.of());
    if (!targets.isEmpty()) {
      for (IndexedMethod target : targets) {
        Optional<String> why = sites.projectCallProblem(target, false, 2);
        if (why.isPresent() || target.fact().isAbstract() || !target.fact().params().isEmpty()) {
          return problem("its key " + argument + " calls " + target.fact().displayName() + "(), which "
              + why.orElse("optkit cannot read") + ": the loading ahead could not read the same key");
        }
      }
      String returned = targets.get(0).fact().returnType();
      return new KeyOrProblem(new LoopKey(call.toString(), LoopProof.boxed(LoopSites.simple(returned)), name,
          PRIMITIVES.contains(returned)), null);
    }
    // Lombok's getter or a record's accessor: the element's class has the field
    String field = name.startsWith("get") && name.length() > 3
        ? Character.toLowerCase(name.charAt(3)) + name.substring(4) : name;
    List<TypeFact> types = WrittenProjectTypes.of(loop, elementType, index);
    if (types.size() > 1 && elementType.contains(".")) {
      // OrderRequest.Item among the project's Items: the name as written, nested or qualified, picks one
      types = types.stream().filter(t -> t.qualifiedName().endsWith("." + elementType)).toList();
    }
    if (types.size() != 1) {
      return problem("optkit cannot find the class of " + element + " (" + elementType + ") to read its key "
          + argument + ": " + WrittenProjectTypes.notOne(elementType, types));
    }
    TypeFact type = types.get(0);
    String fieldType = fieldType(index, type, field);
    boolean generated = fieldType != null && (type.kind().equals("record") && name.equals(field)
        || name.startsWith("get") && (lombokGetter(index, type)));
    if (!generated) {
      return problem("its key " + argument + " is a method optkit cannot read, so it cannot show the loading ahead "
          + "reads the same key");
    }
    return new KeyOrProblem(new LoopKey(call.toString(), LoopProof.boxed(LoopSites.simple(fieldType)), name,
        PRIMITIVES.contains(fieldType)), null);
  }

  /**
   * The loop that puts every element's key in the map once, in the loop's order, nulls left out:
   * {@code for (Long key : ids) { if (key != null) ... }}, or for a getter
   * {@code for (Vet vet : vets) { if (vet != null && vet.getId() != null) ... }}.
   *
   * @param keyName a fresh name for the element when the key is the element itself
   * @param elementType the type to declare the element with: the key's when the key is the element
   */
  String collectLoop(String indent, String unit, String nl, String iterable, String elementType, String element,
      String keyName, String map, String initial) {
    String each = isElement() ? keyName : element;
    // a record's long component is never null: comparing it with null does not compile
    String condition = isElement() ? keyName + " != null"
        : element + " != null" + (primitive ? "" : " && " + of(element) + " != null");
    return indent + "for (" + elementType + " " + each + " : " + iterable + ") {" + nl
        + indent + unit + "if (" + condition + ") {" + nl
        + indent + unit + unit + map + ".put(" + of(each) + ", " + initial + ");" + nl
        + indent + unit + "}" + nl
        + indent + "}" + nl;
  }

  private static final java.util.Set<String> PRIMITIVES = java.util.Set.of("long", "int", "short", "byte", "char",
      "boolean", "double", "float");

  /** Whether the key is the element itself. */
  boolean isElement() {
    return getter == null;
  }

  /** The key's expression for an element of another name. */
  String of(String element) {
    return isElement() ? element : element + "." + getter + "()";
  }

  private static String fieldType(ProjectIndex index, TypeFact type, String field) {
    String found = type.fieldTypes().get(field);
    if (found != null) {
      return found;
    }
    for (String supertype : index.supertypesOf(type.qualifiedName())) {
      String inherited = index.type(supertype).map(t -> t.fieldTypes().get(field)).orElse(null);
      if (inherited != null) {
        return inherited;
      }
    }
    return null;
  }

  /** Whether Lombok writes the class's getters ({@link dev.optkit.rewriters.source.LombokGetters}). */
  static boolean lombokGetter(ProjectIndex index, TypeFact type) {
    return dev.optkit.rewriters.source.LombokGetters.written(index, type);
  }

  private static KeyOrProblem problem(String why) {
    return new KeyOrProblem(null, why);
  }

  /** A key, or why there is none. */
  record KeyOrProblem(LoopKey key, String problem) {}
}
