package dev.optkit.rewriters.loops;

import dev.optkit.analyzers.facts.types.TypeNames;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code for (Item item : request.getItems())}: a loop over what a getter of a local or parameter
 * hands out. The batched rewrite passes over the collection twice, so it calls the getter twice: once
 * for the loading it puts before the loop, once as the loop's own header, with only the loading's
 * queries between; the calls run ahead call it once, but read its elements ahead of the loop's body.
 * optkit knows which collection that is, and that nothing but the loop's holder changes it, when the
 * getter returns one of its object's fields and does nothing else (written so, or Lombok's or a
 * record's), and a java.util list or set gives the same elements twice, or ahead.
 */
final class IterableGetter {
  /** Why a getter must return its object's field, whichever rewrite walks what it gives. */
  private static final String SAME_COLLECTION = "optkit knows the collection the rewrite walks (twice for a batch, "
      + "ahead of the loop's body for calls run ahead) only for a getter that returns its object's field";
  private static final Set<String> COLLECTIONS = Set.of("java.util.Collection", "java.util.List", "java.util.ArrayList",
      "java.util.LinkedList", "java.util.Set", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.SortedSet",
      "java.util.NavigableSet", "java.util.TreeSet", "java.util.SequencedCollection", "java.util.SequencedSet");

  /**
   * The field's type as the index has it ({@code java.util.List<shop.OrderRequest.Item>}), or why there is none;
   * the getter, when the project writes it (null for Lombok's or a record's).
   */
  record FieldOrProblem(String fieldType, String problem, IndexedMethod getter, String fieldOwner, String field) {}

  /** java.util's containers by simple name: a call on one answers a view or a copy, not a field a getter returns. */
  private static final Set<String> JDK_CONTAINERS = Set.of("Map", "HashMap", "LinkedHashMap", "TreeMap", "SortedMap",
      "NavigableMap", "ConcurrentMap", "ConcurrentHashMap", "Collection", "List", "ArrayList", "LinkedList", "Set",
      "HashSet", "LinkedHashSet", "TreeSet", "SortedSet", "NavigableSet", "Deque", "ArrayDeque", "Queue");

  private IterableGetter() {}

  static boolean is(ForEachStmt loop) {
    return loop.getIterable() instanceof MethodCallExpr call && call.getArguments().isEmpty()
        && call.getScope().orElse(null) instanceof NameExpr;
  }

  static FieldOrProblem of(CallableDeclaration<?> method, ForEachStmt loop, ProjectIndex index) {
    return of(method, (MethodCallExpr) loop.getIterable(), loop, index);
  }

  /**
   * @param call {@code holder.getItems()}, a getter of a local or parameter
   * @param at where the collection is walked: a local declared inside it is not the holder
   */
  static FieldOrProblem of(CallableDeclaration<?> method, MethodCallExpr call, com.github.javaparser.ast.Node at,
      ProjectIndex index) {
    String holder = ((NameExpr) call.getScope().get()).getNameAsString();
    // the declaration in scope where the collection is walked, not the first of that name (hostile review 52's N5)
    Optional<String> written = VisibleDeclaration.of(at, holder).filter(d -> !d.type().isVarType())
        .map(d -> d.type().asString());
    String why = "it iterates " + call + ", ";
    if (written.isEmpty()) {
      return problem("it iterates " + call + ", an expression: optkit proves which collection the rewrite walks, and "
          + "that nothing changes it meanwhile, only for a parameter, a local, or a getter of one that returns its field");
    }
    List<TypeFact> types = WrittenProjectTypes.of(at, written.get(), index);
    if (types.isEmpty() && JDK_CONTAINERS.contains(LoopSites.simple(TypeNames.raw(written.get())))) {
      // byId.keySet() on a local HashMap: a view of a java.util map, no project getter (review 76 said "given")
      return problem(why + "what " + holder + " (" + written.get() + ", java.util's) answers: a view or a copy optkit "
          + "does not follow; it proves which collection the rewrite walks, and that nothing changes it meanwhile, only "
          + "for a parameter, a local, or a getter of one that returns its field");
    }
    if (types.size() != 1) {
      return problem(why + "and optkit cannot find the one class of " + holder + " (" + written.get() + "): "
          + WrittenProjectTypes.notOne(written.get(), types));
    }
    TypeFact type = types.get(0);
    String name = call.getNameAsString();
    String field = name.startsWith("get") && name.length() > 3
        ? Character.toLowerCase(name.charAt(3)) + name.substring(4) : name;
    // the type itself is among its supertypes
    List<String> owners = new ArrayList<>(new java.util.LinkedHashSet<>(java.util.stream.Stream.concat(
        java.util.stream.Stream.of(type.qualifiedName()), index.supertypesOf(type.qualifiedName()).stream()).toList()));
    List<IndexedMethod> declared = owners.stream().flatMap(owner -> index.methods(owner, name).stream())
        .filter(m -> m.fact().params().isEmpty()).distinct().toList();
    // the holder may be a subclass's object, whose own getter runs (hostile review 52's N4: it loaded remotely)
    Optional<String> overriding = index.subtypesOf(type.qualifiedName()).stream()
        .filter(sub -> index.methods(sub, name).stream().anyMatch(m -> m.fact().params().isEmpty())).sorted()
        .findFirst();
    if (overriding.isPresent()) {
      return problem(why + "and " + overriding.get().substring(overriding.get().lastIndexOf('.') + 1) + ", a subclass "
          + "of " + type.qualifiedName().substring(type.qualifiedName().lastIndexOf('.') + 1) + ", declares its own "
          + name + "(): " + SAME_COLLECTION);
    }
    String fieldType;
    IndexedMethod writtenGetter = null;
    if (!declared.isEmpty()) {
      MethodFact getter = declared.get(0).fact();
      boolean plain = declared.size() == 1 && !getter.isAbstract() && getter.calls().isEmpty()
          && getter.ioSites().isEmpty() && getter.opaqueCalls().isEmpty() && getter.parameterMutations().isEmpty()
          && getter.fieldsRead().size() == 1 && getter.returnRoots().equals(List.of(dev.optkit.analyzers.facts.Roots.THIS));
      if (!plain) {
        return problem(why + "and " + getter.displayName() + "() does more than return a field: " + SAME_COLLECTION);
      }
      field = getter.fieldsRead().get(0);
      writtenGetter = declared.get(0);
      fieldType = fieldType(index, owners, field);
    } else {
      fieldType = fieldType(index, owners, field);
      boolean generated = fieldType != null && (type.kind().equals("record") && name.equals(field)
          || name.startsWith("get") && LoopKey.lombokGetter(index, type));
      if (!generated) {
        return problem(why + "whose getter optkit cannot read: " + SAME_COLLECTION);
      }
    }
    if (fieldType == null || !COLLECTIONS.contains(TypeNames.raw(fieldType))) {
      return problem(why + "a " + (fieldType == null ? "field optkit cannot find" : fieldType) + ": the rewrite "
          + "walks it twice or ahead of the loop's body, which gives the elements the loop would see only for java.util "
          + "lists and sets");
    }
    if (LoopProof.assignedIn(method, holder)) {
      return problem(why + "and " + method.getNameAsString() + "() assigns " + holder);
    }
    String named = field;
    String fieldOwner = owners.stream().filter(owner -> index.type(owner)
        .filter(t -> t.fieldTypes().containsKey(named)).isPresent()).findFirst().orElse(null);
    return new FieldOrProblem(fieldType, null, writtenGetter, fieldOwner, field);
  }

  /** The element type a collection type names ({@code shop.OrderRequest.Item}), or "". */
  static String elementType(String fieldType) {
    int open = fieldType.indexOf('<');
    if (open < 0 || !fieldType.endsWith(">")) {
      return "";
    }
    String argument = fieldType.substring(open + 1, fieldType.length() - 1).strip();
    return argument.contains("<") || argument.contains(",") || argument.startsWith("?") ? "" : argument;
  }

  private static String fieldType(ProjectIndex index, List<String> owners, String field) {
    return owners.stream().flatMap(owner -> index.type(owner).stream()).map(t -> t.fieldTypes().get(field))
        .filter(java.util.Objects::nonNull).findFirst().orElse(null);
  }

  private static FieldOrProblem problem(String why) {
    return new FieldOrProblem(null, why, null, null, null);
  }
}
