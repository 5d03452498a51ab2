package dev.optkit.rewriters.loops;

import dev.optkit.analyzers.facts.types.TypeNames;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.Root;
import dev.optkit.analyzers.facts.Roots;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.facts.SourceRange;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.rewriters.edit.Imports;
import dev.optkit.rewriters.edit.SourceDocument;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A rewritten loop's file as the batching rewrites read it: its calls' I/O sites, offsets and type names. */
final class LoopSites {
  private final SourceDocument document;
  private final CompilationUnit unit;
  private final ProjectIndex index;

  LoopSites(SourceDocument document, CompilationUnit unit, ProjectIndex index) {
    this.document = document;
    this.unit = unit;
    this.index = index;
  }

  /** How the file names a type, imported when its simple name is free. */
  String use(String type, Set<String> imports) {
    if (Imports.canUseSimpleName(unit, type)) {
      imports.add(type);
    }
    return Imports.reference(unit, type);
  }

  /**
   * How the file names a java.lang type: its simple name, or qualified where a type of the file, its
   * package or its imports takes that name ({@code shop.Math} hides {@code Math.min}).
   */
  String javaLang(String simple) {
    boolean hidden = unit.findAll(com.github.javaparser.ast.body.TypeDeclaration.class).stream()
        .anyMatch(t -> t.getNameAsString().equals(simple))
        || unit.containsData(Imports.PACKAGE_TYPES) && unit.getData(Imports.PACKAGE_TYPES).contains(simple)
        || unit.getImports().stream().anyMatch(i -> !i.isAsterisk() && !i.getNameAsString().equals("java.lang." + simple)
            && i.getNameAsString().endsWith("." + simple))
        || unit.findAll(com.github.javaparser.ast.type.TypeParameter.class).stream()
            .anyMatch(t -> t.getNameAsString().equals(simple));
    return hidden ? "java.lang." + simple : simple;
  }

  /** The document offset where a node begins, or just past where it ends. */
  int offset(Node node, boolean begin) {
    var position = begin ? node.getBegin().get() : node.getEnd().get();
    return document.offset(position.line, position.column) + (begin ? 0 : 1);
  }

  /** The text of a node as the file writes it. */
  String text(Node node) {
    return document.text().substring(offset(node, true), offset(node, false));
  }

  /** What the loop iterates, as the file writes it: {@code ids}, or {@code request.getItems()}. */
  String iterableText(com.github.javaparser.ast.stmt.ForEachStmt loop) {
    return text(loop.getIterable());
  }

  /** The I/O site a call of the method is, when the catalogue knows it as one. */
  Optional<IoSite> site(IndexedMethod method, MethodCallExpr call) {
    SourceRange range = FactRanges.of(call);
    return index.sitesOf(method).stream().filter(s -> s.range().equals(range)).findFirst();
  }

  Optional<CallRef> ref(IndexedMethod method, MethodCallExpr call) {
    SourceRange range = FactRanges.of(call);
    return method.fact().calls().stream().filter(c -> c.range().equals(range)).findFirst();
  }

  /** The I/O a call of a project method reaches. */
  List<?> reached(IndexedMethod method, MethodCallExpr call) {
    return ref(method, call).map(c -> (List<?>) index.reachedThrough(method, c)).orElse(List.of());
  }

  /**
   * A project method the body calls may read anything (the rows were loaded before, and nothing in
   * the loop writes), but may do no I/O and change nothing but its own object when that object was
   * made in the loop (a row it loaded).
   */
  Optional<String> projectCallProblem(IndexedMethod target, boolean receiverMadeInLoop, int depth) {
    return projectCallProblem(target, receiverMadeInLoop, java.util.Set.of(), depth);
  }

  /**
   * @param freshArguments positions of arguments made for this element ({@code addItem(new OrderItem(...))}):
   *     a change the method makes to one is the element's own, as it was before the rewrite
   */
  Optional<String> projectCallProblem(IndexedMethod target, boolean receiverMadeInLoop,
      java.util.Set<Integer> freshArguments, int depth) {
    return projectCallProblem(target, receiverMadeInLoop, freshArguments, java.util.Set.of(), depth);
  }

  /**
   * @param readArguments positions of arguments whose reads are values made for the call, which the
   *     method may not change (a RowMapper's ResultSet: {@code rs.getInt(1)} is the row's own value)
   */
  Optional<String> projectCallProblem(IndexedMethod target, boolean receiverMadeInLoop,
      java.util.Set<Integer> freshArguments, java.util.Set<Integer> readArguments, int depth) {
    if (depth == 0) {
      return Optional.of("calls project methods deeper than optkit follows");
    }
    if (target.fact().isAbstract()) {
      return Optional.of("is abstract: which implementation runs is not in sight");
    }
    if (!index.sitesOf(target).isEmpty() || !index.reachedIo(target).isEmpty()) {
      return Optional.of("does I/O, which would now come after every row was loaded");
    }
    if (!target.fact().staticFieldsRead().isEmpty()) {
      // CarrierBoard.isBooked() in a row mapper reads a static set the loop's body adds to: run ahead for every
      // row, it would see the set as it was before the first element
      return Optional.of("reads static field " + target.fact().staticFieldsRead().get(0) + ", which other code changes");
    }
    if (target.fact().isStatic()) {
      // a static method's fields are its class's statics; one of a changeable type may be changed from any class
      // (CarrierBoard.BOOKED.add(carrier) in another file)
      var owner = index.type(target.fact().ownerType());
      for (String field : target.fact().fieldsRead()) {
        String type = owner.map(t -> t.fieldTypes().get(field)).orElse(null);
        if (type == null || !LoopProof.IMMUTABLE.contains(simple(TypeNames.raw(type)))) {
          return Optional.of("reads static field " + field + (type == null ? "" : " (" + simple(TypeNames.raw(type))
              + ")") + ", which code anywhere may change");
        }
      }
    }
    for (var change : target.fact().parameterMutations()) {
      if (receiverMadeInLoop && !target.fact().isStatic() && change.parameter() >= 0
          && change.change() instanceof dev.optkit.analyzers.facts.Change.StoredInField) {
        continue; // row.setStatus(s): the row the loop loaded holds s; s itself is not changed
      }
      if (change.parameter() >= 0 && freshArguments.contains(change.parameter())) {
        continue;
      }
      if (change.parameter() != dev.optkit.analyzers.facts.MethodFact.RECEIVER || !receiverMadeInLoop
          || target.fact().isStatic()) {
        return Optional.of("changes " + (change.parameter() < 0 ? "its object or class" : "what it is given") + " ("
            + change.how() + ")");
      }
    }
    for (CallRef call : target.fact().calls()) {
      // note.setTally(this) inside add(note): on an argument made for this element, or holding only this object
      // when that is made for it (a receiver the callers showed holds nothing shared)
      boolean calleeReceiverFresh = freshRoots(call.rootsOf(-1), receiverMadeInLoop && !target.fact().isStatic(),
          freshArguments, readArguments);
      for (IndexedMethod callee : index.allTargetsOf(call)) {
        if (callee.fact().isConstructor()) {
          continue;
        }
        Optional<String> deeper = projectCallProblem(callee, calleeReceiverFresh, java.util.Set.of(), depth - 1);
        if (deeper.isPresent()) {
          return Optional.of("calls " + callee.fact().displayName() + "(), which " + deeper.get());
        }
      }
    }
    return Optional.empty();
  }

  /** Whether every root of a value is made for this element: a new object, this one when it is, a fresh argument. */
  private boolean freshRoots(Roots roots, boolean thisFresh, java.util.Set<Integer> freshArguments,
      java.util.Set<Integer> readArguments) {
    for (Root root : roots.any()) {
      boolean fresh = fresh(root, thisFresh, freshArguments, java.util.Set.of())
          // Product p = new Product(): made here, holding nothing shared when its class's construction reads nothing
          || root instanceof Root.Construction construction && freshConstruction(construction.type())
          // p.setId(rs.getInt(1)) puts in p a value read from the row: c11:23:getInt@(new,p0) (a call on, or of,
          // what is read and fresh values only; a library call of fresh values alone, Cache.get("tpl"), may
          // hand out a shared object)
          || root instanceof Root.CallResult call && readFrom(call.from(), thisFresh, freshArguments, readArguments);
      if (!fresh) {
        return false;
      }
    }
    return true;
  }

  private static boolean readFrom(List<Root> each, boolean thisFresh, java.util.Set<Integer> freshArguments,
      java.util.Set<Integer> readArguments) {
    return each.stream().allMatch(part -> fresh(part, thisFresh, freshArguments, readArguments))
        && each.stream().anyMatch(part -> part instanceof Root.Parameter parameter
            && readArguments.contains(parameter.index()));
  }

  private static boolean fresh(Root root, boolean thisFresh, java.util.Set<Integer> freshArguments,
      java.util.Set<Integer> readArguments) {
    if (root instanceof Root.Parameter parameter) {
      return freshArguments.contains(parameter.index()) || readArguments.contains(parameter.index());
    }
    return root instanceof Root.Made || root instanceof Root.This && thisFresh;
  }

  /** A new object of a class no project type of that name fills from a static or a call at construction. */
  private boolean freshConstruction(String written) {
    String simple = written.substring(written.lastIndexOf('.') + 1);
    return index.typesNamed(simple).stream()
        .noneMatch(type -> type.constructionReadsOutside() || !type.constructionConstants().isEmpty());
  }

  /** Whether a name is declared inside the loop: a local of its body, a lambda's parameter there. */
  static boolean declaredInside(ForEachStmt loop, String name) {
    return loop.getBody().findAll(VariableDeclarator.class).stream().anyMatch(v -> v.getNameAsString().equals(name))
        || loop.getBody().findAll(com.github.javaparser.ast.body.Parameter.class).stream()
            .anyMatch(p -> p.getNameAsString().equals(name));
  }

  /**
   * Whether an expression is one text for every element of the loop: a literal, a final field of
   * the class, a local of the method declared outside the loop and never assigned again, or such
   * texts joined with + ("SELECT ... " + "WHERE id = ?").
   */
  static boolean constantText(com.github.javaparser.ast.body.CallableDeclaration<?> method, ForEachStmt loop,
      com.github.javaparser.ast.expr.Expression text) {
    if (text instanceof com.github.javaparser.ast.expr.EnclosedExpr enclosed) {
      return constantText(method, loop, enclosed.getInner());
    }
    if (text instanceof com.github.javaparser.ast.expr.BinaryExpr join
        && join.getOperator() == com.github.javaparser.ast.expr.BinaryExpr.Operator.PLUS) {
      return constantText(method, loop, join.getLeft()) && constantText(method, loop, join.getRight());
    }
    return text instanceof com.github.javaparser.ast.expr.StringLiteralExpr
        || text instanceof com.github.javaparser.ast.expr.TextBlockLiteralExpr
        || text instanceof com.github.javaparser.ast.expr.NameExpr name && (constantField(method, name.getNameAsString())
            || !declaredInside(loop, name.getNameAsString()) && LoadAheadProof.declaredIn(method, name.getNameAsString())
                && !LoopProof.assignedIn(method, name.getNameAsString())
            || constantInside(method, loop, name.getNameAsString()));
  }

  /**
   * A local the loop's body declares, the only one of its name in the method, set to one text
   * (a literal, a final field, ... joined with +) and never assigned again: each element declares
   * it anew with the same text ({@code String sql = "SELECT ... WHERE id = ?";} inside the loop).
   */
  private static boolean constantInside(com.github.javaparser.ast.body.CallableDeclaration<?> method, ForEachStmt loop,
      String name) {
    java.util.List<VariableDeclarator> named = method.findAll(VariableDeclarator.class).stream()
        .filter(v -> v.getNameAsString().equals(name)).toList();
    if (named.size() != 1 || !LoopProof.isInside(named.get(0), loop.getBody()) || LoopProof.assignedIn(method, name)
        || method.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(name))) {
      return false;
    }
    com.github.javaparser.ast.expr.Expression value = named.get(0).getInitializer().orElse(null);
    // its own text must not name it again (no recursion through a declaration that reads itself)
    return value != null && value.findAll(com.github.javaparser.ast.expr.NameExpr.class).stream()
        .noneMatch(n -> n.getNameAsString().equals(name)) && constantText(method, loop, value);
  }

  /** A final field of the class holding the name, not shadowed by a local. */
  private static boolean constantField(com.github.javaparser.ast.body.CallableDeclaration<?> method, String name) {
    if (LoadAheadProof.declaredIn(method, name)) {
      return false;
    }
    return method.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class).stream()
        .flatMap(t -> ((com.github.javaparser.ast.body.TypeDeclaration<?>) t).getFields().stream())
        .filter(com.github.javaparser.ast.body.FieldDeclaration::isFinal)
        .anyMatch(f -> f.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(name)));
  }

  static String simple(String type) {
    String bare = TypeNames.raw(type);
    return bare.substring(bare.lastIndexOf('.') + 1);
  }

  /** A type as written without its type arguments ({@code java.util.List<Item>} is {@code java.util.List}). */
}
