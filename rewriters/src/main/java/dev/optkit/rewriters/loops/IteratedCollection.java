package dev.optkit.rewriters.loops;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.optkit.rewriters.edit.Imports;
import java.util.Optional;
import java.util.Set;

/**
 * The collection a rewritten loop iterates. The batch rewrites pass over it twice (once to collect
 * the keys, once to loop), so the two passes must give the same elements in the same order; the
 * calls run ahead walk it once, but read each element before the loop's body of the earlier ones
 * ran. Either way nothing may change it while the loop runs.
 */
final class IteratedCollection {
  /** How a rewrite walks the collection, in the words its refusals use. */
  enum Walk {
    /** The batch rewrites: once to collect the keys, once to loop. */
    TWICE("the rewrite iterates it twice, which gives the same elements in the same order only for java.util lists "
        + "and sets", "which the rewrite iterates twice", "between the two passes the rewrite makes over it",
        Set.of(), Set.of()),
    /** The calls run ahead: once, each element read before the loop's body of the earlier ones ran. */
    AHEAD("the rewrite reads its elements ahead of the loop's body, earlier than the loop would, which optkit does "
        + "only for java.util lists, sets and ArrayDeques and the copy-on-write collections (a snapshot): another "
        + "collection may load its elements lazily, or show other threads' changes as it is walked",
        "whose elements the rewrite reads ahead of the loop's body", "while the rewrite reads its elements ahead",
        Set.of("ArrayDeque", "PriorityQueue"), Set.of("CopyOnWriteArrayList", "CopyOnWriteArraySet"));

    private final String reads;
    private final String bodyUses;
    private final String between;
    /** java.util collections beyond lists and sets this walk takes. */
    private final Set<String> moreOfJavaUtil;
    /** java.util.concurrent collections this walk takes: those whose iterator is a snapshot. */
    private final Set<String> concurrent;

    Walk(String reads, String bodyUses, String between, Set<String> moreOfJavaUtil, Set<String> concurrent) {
      this.reads = reads;
      this.bodyUses = bodyUses;
      this.between = between;
      this.moreOfJavaUtil = moreOfJavaUtil;
      this.concurrent = concurrent;
    }
  }

  /** Collections whose two iterators, with no change between, give the same elements in the same order. */
  private static final Set<String> COLLECTIONS = Set.of("Collection", "List", "ArrayList", "LinkedList", "Set",
      "HashSet", "LinkedHashSet", "SortedSet", "NavigableSet", "TreeSet", "SequencedCollection", "SequencedSet");

  private IteratedCollection() {}

  static Optional<String> problem(CompilationUnit unit, CallableDeclaration<?> method, ForEachStmt loop,
      String name, Walk walk) {
    Optional<VisibleDeclaration> visible = VisibleDeclaration.of(loop, name);
    Optional<Type> declared = visible.map(VisibleDeclaration::type);
    if (declared.isEmpty()) {
      return Optional.of("it iterates " + name + ", a field: optkit proves that nothing changes a collection "
          + walk.between + " only for a parameter or local of the method");
    }
    Type type = declared.get();
    boolean varargs = visible.get().varArgs();
    if (type.isArrayType() || varargs) {
      return arrayProblem(method, loop, name, varargs ? type : type.asArrayType().getComponentType(), walk);
    }
    if (type.isVarType() || !(type instanceof ClassOrInterfaceType classType)) {
      return Optional.of("it iterates " + name + ", whose declared type optkit cannot name");
    }
    String simple = classType.getNameAsString();
    boolean javaUtil = (COLLECTIONS.contains(simple) || walk.moreOfJavaUtil.contains(simple))
        && importedFrom(unit, classType, "java.util");
    boolean snapshot = walk.concurrent.contains(simple) && importedFrom(unit, classType, "java.util.concurrent");
    if (!javaUtil && !snapshot) {
      return Optional.of("it iterates " + name + ", " + (startsWithVowel(type.asString()) ? "an " : "a ") + type + ": "
          + walk.reads);
    }
    if (LoopProof.assignedIn(method, name)) {
      return Optional.of("it iterates " + name + ", which " + method.getNameAsString() + "() assigns");
    }
    if (usedInside(loop, name)) {
      return Optional.of("its body uses " + name + ", the collection it iterates, " + walk.bodyUses);
    }
    // skus = all.subList(0, n), ids = byId.keySet(): a view shows its backing collection's changes (review 76's D2)
    if (visible.get().declaration() instanceof com.github.javaparser.ast.body.VariableDeclarator local
        && local.getInitializer().isPresent()) {
      for (com.github.javaparser.ast.expr.MethodCallExpr call
          : local.getInitializer().get().findAll(com.github.javaparser.ast.expr.MethodCallExpr.class)) {
        if (VIEWS.contains(call.getNameAsString()) && call.getScope().orElse(null) instanceof NameExpr backing
            && VisibleDeclaration.of(loop, backing.getNameAsString()).isPresent()
            && usedInside(loop, backing.getNameAsString())) {
          return Optional.of("its body uses " + backing + ", of which " + name + ", the collection it iterates, is a "
              + "view (" + call.getNameAsString() + "()), " + walk.bodyUses);
        }
      }
    }
    return Optional.empty();
  }

  /** java.util's methods answering a view of their collection, which shows its later changes. */
  private static final Set<String> VIEWS = Set.of("subList", "keySet", "values", "entrySet", "headSet", "tailSet",
      "subSet", "headMap", "tailMap", "subMap", "descendingSet", "descendingMap", "navigableKeySet", "descendingKeySet",
      "reversed", "sequencedKeySet", "sequencedValues", "sequencedEntrySet");

  /** A use of the name in the loop's body other than a read of it ({@code ids.size()}, {@code ids.contains(x)}). */
  private static boolean usedInside(ForEachStmt loop, String name) {
    return loop.getBody().findAll(NameExpr.class).stream().anyMatch(n -> n.getNameAsString().equals(name)
        && !(n.getParentNode().orElse(null) instanceof com.github.javaparser.ast.expr.MethodCallExpr call
            && call.getScope().filter(scope -> scope == n).isPresent() && READS.contains(call.getNameAsString())));
  }

  /**
   * An array gives two passes the same elements while nothing writes it: the method does not assign
   * it and the loop's body does not use it at all (an element write, or handing it on); its
   * elements must be objects, which the rewrite takes again through Arrays.asList.
   */
  private static Optional<String> arrayProblem(CallableDeclaration<?> method, ForEachStmt loop, String name,
      Type component, Walk walk) {
    if (component.isPrimitiveType() || component.isArrayType()) {
      return Optional.of("it iterates the array " + name + " of " + component + " (the rewrite walks an array through "
          + "Arrays.asList, which takes objects only)");
    }
    if (LoopProof.assignedIn(method, name)) {
      return Optional.of("it iterates the array " + name + ", which " + method.getNameAsString() + "() assigns");
    }
    boolean used = loop.getBody().findAll(NameExpr.class).stream().anyMatch(n -> n.getNameAsString().equals(name)
        && !(n.getParentNode().orElse(null) instanceof com.github.javaparser.ast.expr.FieldAccessExpr length
            && length.getNameAsString().equals("length")));
    if (used) {
      return Optional.of("its body uses " + name + ", the array it iterates, " + walk.bodyUses + ": an element written "
          + "meanwhile would not be the one the rewrite read");
    }
    return Optional.empty();
  }

  /** Whether the name, where the loop stands, is an array parameter or local of the method (varargs too). */
  static boolean isArray(ForEachStmt loop, String name) {
    return VisibleDeclaration.of(loop, name).filter(d -> d.varArgs() || d.type().isArrayType()).isPresent();
  }

  /**
   * What the loop iterates, as the rewrite walks it, or why it may not.
   *
   * @param name what the refusals and the rewrite's message call it
   * @param iterator the expression the rewrite takes the iterator of
   * @param aliased the local whose other names the statements after a call could change it through
   */
  record Iterated(String refusal, String name, String iterator, String aliased, Set<String> imports) {
    static Iterated refused(String why) {
      return new Iterated(why, null, null, null, Set.of());
    }
  }

  static Iterated iterated(CompilationUnit unit, CallableDeclaration<?> method, ForEachStmt loop, LoopProof.CallJudge judge,
      boolean getters) {
    if (loop.getIterable() instanceof NameExpr iterable) {
      String name = iterable.getNameAsString();
      Optional<String> collection = problem(unit, method, loop, name, Walk.AHEAD);
      if (collection.isPresent()) {
        return Iterated.refused(collection.get());
      }
      if (isArray(loop, name)) {
        // an array gives the elements the loop would see while nothing writes it, which problem() showed
        return new Iterated(null, name, Imports.reference(unit, "java.util.Arrays") + ".asList(" + name + ")", name,
            Imports.canUseSimpleName(unit, "java.util.Arrays") ? Set.of("java.util.Arrays") : Set.of());
      }
      return new Iterated(null, name, name, name, Set.of());
    }
    if (getters && IterableGetter.is(loop)) {
      Optional<String> getter = judge.getterProblem(method, loop);
      if (getter.isPresent()) {
        return Iterated.refused(getter.get());
      }
      MethodCallExpr call = (MethodCallExpr) loop.getIterable();
      String holder = ((NameExpr) call.getScope().get()).getNameAsString();
      if (loop.getBody().findAll(NameExpr.class).stream().anyMatch(n -> n.getNameAsString().equals(holder))) {
        return Iterated.refused("its body uses " + holder + ", whose " + call.getNameAsString() + "() it iterates: the "
            + "rewrite reads that collection's elements ahead of the loop's body, which could change it meanwhile");
      }
      return new Iterated(null, call.toString(), call.toString(), holder, Set.of());
    }
    return Iterated.refused("it iterates " + loop.getIterable() + ", an expression: the rewrite reads the elements "
        + "ahead of the loop's body, and optkit proves that nothing changes them meanwhile only for a parameter or local"
        + (getters ? ", or a getter of one that returns its field" : ""));
  }

  /** A local of the method the collection is also held in: the statements after a join could change it through that name. */
  static Optional<String> aliasProblem(CallableDeclaration<?> method, ForEachStmt loop, String iterable) {
    for (VariableDeclarator variable : method.findAll(VariableDeclarator.class)) {
      if (variable.getInitializer().filter(i -> i instanceof NameExpr n && n.getNameAsString().equals(iterable)).isPresent()) {
        return Optional.of("it iterates " + iterable + ", which " + variable.getNameAsString() + " also holds: the "
            + "statements after a join could change it through that name after the rewrite read its elements ahead");
      }
    }
    for (AssignExpr assign : method.findAll(AssignExpr.class)) {
      if (assign.getValue() instanceof NameExpr n && n.getNameAsString().equals(iterable)) {
        return Optional.of("it iterates " + iterable + ", which " + assign.getTarget() + " also holds: the statements "
            + "after a join could change it through that name after the rewrite read its elements ahead");
      }
    }
    return Optional.empty();
  }

  /** Calls that only read a java.util list or set: no walk over it sees them. */
  private static final Set<String> READS = Set.of("size", "isEmpty", "contains", "containsAll", "get", "indexOf",
      "lastIndexOf", "getFirst", "getLast");

  /** Calls that change a collection or map they are made on. */
  private static final Set<String> MUTATORS = Set.of("add", "addAll", "set", "remove", "removeAll", "removeIf",
      "retainAll", "clear", "sort", "replaceAll", "put", "putAll", "addFirst", "addLast", "removeFirst", "removeLast");

  /** Whether a call of this name changes the collection or map it is made on. */
  static boolean changes(String method) {
    return MUTATORS.contains(method);
  }

  /**
   * The collection came from a caller (a parameter, or a local set from elsewhere), so it may be
   * one a field holds too ({@code quoteAll(this.pending)}): a statement after the call that changes
   * a field's collection, or calls a project method that changes its object, could change it
   * after the rewrite read its elements ahead, and the elements taken ahead would be the old ones.
   */
  static Optional<String> changedThroughHolder(java.util.List<com.github.javaparser.ast.stmt.Statement> after,
      String iterable, LoopProof.CallJudge judge) {
    for (var statement : after) {
      for (com.github.javaparser.ast.expr.MethodCallExpr call
          : statement.findAll(com.github.javaparser.ast.expr.MethodCallExpr.class)) {
        Optional<String> why = judge.changesHeldState(call);
        boolean onField = MUTATORS.contains(call.getNameAsString()) && call.getScope().orElse(null)
            instanceof com.github.javaparser.ast.expr.FieldAccessExpr access
            && access.getScope() instanceof com.github.javaparser.ast.expr.ThisExpr;
        if (why.isEmpty() && onField) {
          why = Optional.of(call.getScope().get() + "." + call.getNameAsString() + "() changes a collection a field holds");
        }
        if (why.isPresent()) {
          return Optional.of("it iterates " + iterable + ", which its caller hands it and a field may hold too, and the "
              + "statements after its call change held state (" + why.get() + "): the elements the rewrite takes "
              + "ahead could be the ones from before that change");
        }
      }
    }
    return Optional.empty();
  }

  /** The element type the collection is declared with ({@code Integer} of {@code List<Integer>}), or "". */
  static String declaredElementType(CallableDeclaration<?> method, ForEachStmt loop, String iterable) {
    Optional<VisibleDeclaration> visible = VisibleDeclaration.of(loop, iterable);
    if (visible.isPresent() && (visible.get().varArgs() || visible.get().type().isArrayType())) {
      // Integer[] ids: Integer (hostile review 54's F3); int[] is refused before, for Arrays.asList
      return visible.get().varArgs() ? visible.get().type().asString()
          : visible.get().type().asArrayType().getComponentType().asString();
    }
    Optional<Type> declared = visible.map(VisibleDeclaration::type);
    return declared.filter(t -> t instanceof ClassOrInterfaceType c && c.getTypeArguments().map(a -> a.size() == 1).orElse(false))
        .map(t -> ((ClassOrInterfaceType) t).getTypeArguments().get().get(0).asString()).orElse("");
  }

  /** Whether the type, as written, names the class of that simple name in that package. */
  private static boolean importedFrom(CompilationUnit unit, ClassOrInterfaceType type, String packageName) {
    if (type.getScope().isPresent()) {
      return type.getScope().get().asString().equals(packageName);
    }
    String simple = type.getNameAsString();
    for (ImportDeclaration declaration : unit.getImports()) {
      if (declaration.isStatic()) {
        continue;
      }
      String imported = declaration.getNameAsString();
      if (declaration.isAsterisk() ? imported.equals(packageName) : imported.equals(packageName + "." + simple)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWithVowel(String text) {
    return !text.isEmpty() && "AEIOUaeiou".indexOf(text.charAt(0)) >= 0;
  }
}
