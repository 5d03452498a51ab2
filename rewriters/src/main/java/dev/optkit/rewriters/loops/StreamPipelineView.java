package dev.optkit.rewriters.loops;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.WildcardType;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.parse.LanguageLevels;
import dev.optkit.rewriters.edit.Imports;
import dev.optkit.rewriters.edit.SourceDocument;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A stream pipeline that is a loop over a collection in all but its syntax, read as that loop so the
 * loop rewrites (which prove their conditions on {@code for (T x : xs)}) can take it:
 * <ul>
 *   <li>{@code xs.stream().forEach(x -> ...);}: a sequential stream over a collection runs the action for
 *       each element in the order of the collection's spliterator, which is its iterator's, on the calling
 *       thread;</li>
 *   <li>{@code List<R> rs = xs.stream().map(x -> e).collect(Collectors.toList());}, or {@code return} of it:
 *       the same calls of {@code e}, one per element in that order, their values in an ArrayList (which
 *       Collectors.toList() makes); with {@code .toList()} an unmodifiable list of them that allows nulls, as
 *       Stream.toList() gives.</li>
 * </ul>
 * The collection must be a local or parameter declared as a java.util collection (a project's own
 * collection class may stream otherwise than it iterates). Unlike a counted loop's view, this one writes
 * the statement anew: the loop's own text (its header, the list it fills) has no facts, and the lambda's
 * body and the collection, copied into it, find theirs through {@link FactRanges}.
 */
final class StreamPipelineView {
  private static final String SHAPE = "optkit reads a stream pipeline as a loop only in the forms "
      + "'xs.stream().forEach(x -> ...);' and 'List<R> rs = xs.stream().map(x -> ...).collect(Collectors.toList());' "
      + "(or a return of it, .toList(), or Collectors.toSet()) over a collection xs";

  private enum Terminal { FOR_EACH, COLLECTED, UNMODIFIABLE }

  /**
   * What the collector keeps of map()'s values: all, those not null ({@code filter(Objects::nonNull)}), or what the
   * present Optionals hold ({@code filter(Optional::isPresent).map(Optional::get)}, {@code flatMap(Optional::stream)}).
   */
  private enum Kept { ALL, NON_NULL, PRESENT }

  /** What a pipeline collects into: Collectors.toList() makes an ArrayList, toSet() a HashSet. */
  private enum Collected {
    LIST("toList", "List", "java.util.ArrayList"), SET("toSet", "Set", "java.util.HashSet");

    final String collector;
    final String type;
    final String made;

    Collected(String collector, String type, String made) {
      this.collector = collector;
      this.type = type;
      this.made = made;
    }
  }

  private StreamPipelineView() {}

  /** Whether the call ends a pipeline over a collection's {@code stream()}: the calls this view reads. */
  static boolean isPipeline(MethodCallExpr call) {
    for (Expression at = call; at instanceof MethodCallExpr link; at = link.getScope().orElse(null)) {
      if (link.getNameAsString().equals("stream") && link.getArguments().isEmpty() && link.getScope().isPresent()) {
        return link != call;
      }
    }
    return false;
  }

  /** The view of the statement the pipeline stands in, or the reason there is none. */
  static ForEachEquivalent.Result of(SourceDocument document, CompilationUnit unit, MethodCallExpr pipeline,
      Set<String> projectCollections, ProjectIndex index, dev.optkit.rewriters.source.ProjectSources sources) {
    Node parent = pipeline.getParentNode().orElse(null);
    Statement statement;
    VariableDeclarator declared = null;
    if (parent instanceof ExpressionStmt expression) {
      statement = expression;
    } else if (parent instanceof ReturnStmt returned) {
      statement = returned;
    } else if (parent instanceof VariableDeclarator variable
        && variable.getParentNode().orElse(null) instanceof VariableDeclarationExpr declaration
        && declaration.getVariables().size() == 1 && declaration.getParentNode().orElse(null) instanceof ExpressionStmt s) {
      statement = s;
      declared = variable;
    } else {
      return new ForEachEquivalent.NotEquivalent(SHAPE);
    }
    if (!(statement.getParentNode().orElse(null) instanceof BlockStmt)) {
      // if (c) return xs.stream()...; is one statement, and the loop written anew several
      return new ForEachEquivalent.NotEquivalent("it is not a statement of a block ({ ... }), where the loop written "
          + "anew can stand");
    }
    Optional<CallableDeclaration<?>> enclosing = directlyIn(statement);
    if (enclosing.isEmpty()) {
      return new ForEachEquivalent.NotEquivalent("it stands in a lambda or a class inside its method, which optkit does "
          + "not rewrite loops in");
    }
    CallableDeclaration<?> method = enclosing.get();
    String methodText = document.text().substring(ForEachEquivalent.offsetOf(document, method),
        ForEachEquivalent.endOf(document, method));
    if (methodText.contains("/*~") || methodText.contains("/**/") || methodText.contains("\\u")) {
      return new ForEachEquivalent.NotEquivalent("its method holds the text /**/, /*~ or a unicode escape, which "
          + "optkit does not read a pipeline through");
    }
    if (!projectCollections.isEmpty()) {
      return new ForEachEquivalent.NotEquivalent("the project declares collections of its own (" + String.join(", ",
          new java.util.TreeSet<>(projectCollections)) + "), which the collection could be: their stream() need not "
          + "visit the elements as their iterator does");
    }
    Terminal terminal;
    Collected collected = Collected.LIST;
    MethodCallExpr stage;
    if (pipeline.getNameAsString().equals("forEach") && pipeline.getArguments().size() == 1) {
      terminal = Terminal.FOR_EACH;
      stage = pipeline;
    } else if (pipeline.getNameAsString().equals("toList") && pipeline.getArguments().isEmpty()) {
      terminal = Terminal.UNMODIFIABLE;
      stage = pipeline.getScope().filter(MethodCallExpr.class::isInstance).map(MethodCallExpr.class::cast).orElse(null);
    } else if (pipeline.getNameAsString().equals("collect") && pipeline.getArguments().size() == 1
        && collector(index, unit, pipeline, pipeline.getArgument(0)).isPresent()) {
      terminal = Terminal.COLLECTED;
      collected = collector(index, unit, pipeline, pipeline.getArgument(0)).get();
      stage = pipeline.getScope().filter(MethodCallExpr.class::isInstance).map(MethodCallExpr.class::cast).orElse(null);
    } else {
      return new ForEachEquivalent.NotEquivalent(SHAPE + "; its last call is " + pipeline.getNameAsString() + "()");
    }
    // between map() and the collector, the stages that only drop what the call answered empty
    Kept kept = Kept.ALL;
    if (terminal != Terminal.FOR_EACH && stage != null && stage.getArguments().size() == 1) {
      MethodCallExpr before = stage.getScope().filter(MethodCallExpr.class::isInstance).map(MethodCallExpr.class::cast)
          .orElse(null);
      Expression argument = stage.getArgument(0);
      if (stage.getNameAsString().equals("filter") && nonNull(index, unit, argument)) {
        kept = Kept.NON_NULL;
        stage = before;
      } else if (stage.getNameAsString().equals("flatMap") && optionals(index, unit, argument, "stream")) {
        kept = Kept.PRESENT;
        stage = before;
      } else if (stage.getNameAsString().equals("map") && (optionals(index, unit, argument, "get")
          || optionals(index, unit, argument, "orElseThrow")) && before != null
          && before.getNameAsString().equals("filter") && before.getArguments().size() == 1
          && optionals(index, unit, before.getArgument(0), "isPresent")) {
        kept = Kept.PRESENT;
        stage = before.getScope().filter(MethodCallExpr.class::isInstance).map(MethodCallExpr.class::cast)
            .orElse(null);
      }
    }
    if (stage == null || !stage.getNameAsString().equals(terminal == Terminal.FOR_EACH ? "forEach" : "map")
        || stage.getArguments().size() != 1) {
      return new ForEachEquivalent.NotEquivalent(SHAPE + (stage == null ? ""
          : "; its " + stage.getNameAsString() + "() stage is not one it reads (one map() before the collector)"));
    }
    // xs.stream().forEach(...), or (for a lambda that returns early) Iterable.forEach itself: xs.forEach(...)
    boolean iterableForEach = terminal == Terminal.FOR_EACH && stage.getScope().orElse(null) instanceof NameExpr;
    Expression walked = iterableForEach ? stage.getScope().get()
        : stage.getScope().orElse(null) instanceof MethodCallExpr stream && stream.getNameAsString().equals("stream")
            && stream.getArguments().isEmpty() ? stream.getScope().orElse(null) : null;
    if (!(walked instanceof NameExpr || walked instanceof MethodCallExpr || walked instanceof FieldAccessExpr)) {
      return new ForEachEquivalent.NotEquivalent(SHAPE);
    }
    Expression source = walked;
    if (iterableForEach && !CollectionWalked.plainlyMade(statement, source.toString())) {
      return new ForEachEquivalent.NotEquivalent("it calls forEach on " + source + ", which is not a plain list or set "
          + "the method makes itself (ArrayList, HashSet, List.of...): a synchronized collection's (or a Vector's) "
          + "forEach holds its lock for the whole loop, which the rewritten loop would not");
    }
    if ((terminal == Terminal.FOR_EACH) != (statement instanceof ExpressionStmt expression
        && expression.getExpression() == pipeline)) {
      return new ForEachEquivalent.NotEquivalent(SHAPE);
    }
    Expression action = stage.getArgument(0);
    if (action instanceof MethodReferenceExpr reference) {
      Optional<String> problem = receiverProblem(reference, statement);
      if (problem.isPresent()) {
        return new ForEachEquivalent.NotEquivalent(problem.get());
      }
    } else if (action instanceof LambdaExpr annotated && annotated.getParameters().size() == 1
        && !annotated.getParameter(0).getAnnotations().isEmpty()) {
      return new ForEachEquivalent.NotEquivalent("its lambda's parameter is annotated, which the loop written anew "
          + "would lose");
    } else if (!(action instanceof LambdaExpr lambda) || lambda.getParameters().size() != 1) {
      return new ForEachEquivalent.NotEquivalent(SHAPE + ", with a lambda of one parameter or a method reference on "
          + "this or a final field");
    } else if (terminal != Terminal.FOR_EACH && !(lambda.getBody() instanceof ExpressionStmt)) {
      return new ForEachEquivalent.NotEquivalent("its map() takes a lambda with a block body, whose returns optkit "
          + "does not read as a loop's");
    } else if (lambda.getBody() instanceof BlockStmt block && ownReturns(lambda).stream()
        .anyMatch(r -> r.findAncestor(Statement.class, StreamPipelineView::innerLoop).filter(l -> block.isAncestorOf(l))
            .isPresent())) {
      return new ForEachEquivalent.NotEquivalent("its lambda returns early for an element from inside a loop of its "
          + "own, where the loop's continue would continue that loop instead");
    }
    Optional<String> sourceType = sourceElementType(unit, method, statement, source, index, sources);
    if (sourceType.isPresent() && sourceType.get().startsWith(PROBLEM)) {
      return new ForEachEquivalent.NotEquivalent(sourceType.get().substring(PROBLEM.length()));
    }
    Parameter parameter = action instanceof LambdaExpr lambda ? lambda.getParameter(0) : null;
    Optional<String> elementType = parameter == null || parameter.getType().isUnknownType() ? sourceType
        : Optional.of(parameter.getType().toString());
    if (elementType.isEmpty()) {
      return new ForEachEquivalent.NotEquivalent("optkit cannot name the type of the elements of " + source);
    }
    String collection = source instanceof NameExpr name ? name.getNameAsString() : "";
    Optional<String> changed = CollectionWalked.changedUnderAnotherName(statement, collection);
    if (changed.isPresent()) {
      return new ForEachEquivalent.NotEquivalent(changed.get());
    }
    Optional<String> resultType = Optional.empty();
    if (declared != null && !((VariableDeclarationExpr) declared.getParentNode().orElseThrow()).getAnnotations().isEmpty()) {
      return new ForEachEquivalent.NotEquivalent("its local is annotated, which the loop written anew would lose");
    }
    if (terminal != Terminal.FOR_EACH) {
      resultType = declared != null ? element(index, unit, declared.getType(), false, collected)
          : method instanceof MethodDeclaration m ? element(index, unit, m.getType(), true, collected)
          : Optional.empty();
      if (resultType.isEmpty()) {
        String type = collected.type + "<R>";
        return new ForEachEquivalent.NotEquivalent("optkit reads a pipeline collected to a " + collected.type
            .toLowerCase(java.util.Locale.ROOT) + " only where it is given to a " + type + " (a local declared as one, "
            + "or the return of a method that returns one)");
      }
    }
    return new Writer(document, unit, method, statement, declared, action, source, terminal, collected, kept,
        elementType.get(), resultType.orElse(null)).view();
  }

  /**
   * Why a method reference is not one the loop may call anew for each element: the stream evaluates its receiver
   * once, before the first element, and the loop at each; only {@code this} and a final field of the class (which
   * nothing changes after construction) are the same at each.
   */
  private static Optional<String> receiverProblem(MethodReferenceExpr reference, Statement statement) {
    if (reference.getTypeArguments().isPresent() || reference.getIdentifier().equals("new")) {
      return Optional.of("its method reference " + reference + " is not a call optkit writes out");
    }
    Expression receiver = reference.getScope();
    if (receiver instanceof com.github.javaparser.ast.expr.ThisExpr self && self.getTypeName().isEmpty()) {
      return Optional.empty();
    }
    // pricing::fetch parses as a type's reference when no local is named pricing (JavaParser cannot tell)
    String name = receiver instanceof NameExpr n ? n.getNameAsString()
        : receiver instanceof com.github.javaparser.ast.expr.TypeExpr written
            && written.getType() instanceof ClassOrInterfaceType plain && plain.getScope().isEmpty()
            && plain.getTypeArguments().isEmpty() ? plain.getNameAsString()
        : receiver instanceof com.github.javaparser.ast.expr.FieldAccessExpr access
            && access.getScope() instanceof com.github.javaparser.ast.expr.ThisExpr self && self.getTypeName().isEmpty()
            ? access.getNameAsString() : null;
    if (name != null && (receiver instanceof com.github.javaparser.ast.expr.FieldAccessExpr
        || VisibleDeclaration.of(statement, name).isEmpty()) && finalField(statement, name)) {
      return Optional.empty();
    }
    return Optional.of("its method reference " + reference + " is not on this or a final field of the class: the "
        + "stream evaluates its receiver once, before the first element, and the loop would at each element");
  }

  /**
   * Whether the class the statement is in declares a final field of that name. In an anonymous class the name may be
   * one of its own fields, or one it inherits: none is read (hostile review 52's N1: its field was not final).
   */
  private static boolean finalField(Statement statement, String name) {
    for (Node at = statement.getParentNode().orElse(null); at != null; at = at.getParentNode().orElse(null)) {
      if (at instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent()) {
        return false;
      }
      if (at instanceof com.github.javaparser.ast.body.TypeDeclaration<?> type) {
        return type.getFields().stream()
            .anyMatch(f -> f.isFinal() && f.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(name)));
      }
    }
    return false;
  }

  /** The lambda's own returns: each ends one element's turn, which is a loop's continue. */
  static List<ReturnStmt> ownReturns(LambdaExpr lambda) {
    return lambda.getBody().findAll(ReturnStmt.class).stream()
        .filter(r -> ForEachEquivalent.ownStatement(r, lambda)).toList();
  }

  private static boolean innerLoop(Statement statement) {
    return statement instanceof com.github.javaparser.ast.stmt.ForStmt || statement instanceof ForEachStmt
        || statement instanceof com.github.javaparser.ast.stmt.WhileStmt
        || statement instanceof com.github.javaparser.ast.stmt.DoStmt;
  }

  /** {@code Objects::nonNull} (java.util's), or {@code x -> x != null}. */
  private static boolean nonNull(ProjectIndex index, CompilationUnit unit, Expression predicate) {
    if (predicate instanceof MethodReferenceExpr reference) {
      return reference.getIdentifier().equals("nonNull") && reference.getScope().toString().equals("Objects")
          && javaUtilName(index, unit, "Objects", "java.util")
          || reference.getScope().toString().equals("java.util.Objects") && reference.getIdentifier().equals("nonNull");
    }
    return predicate instanceof LambdaExpr lambda && lambda.getParameters().size() == 1
        && lambda.getBody() instanceof ExpressionStmt body
        && body.getExpression() instanceof com.github.javaparser.ast.expr.BinaryExpr compare
        && compare.getOperator() == com.github.javaparser.ast.expr.BinaryExpr.Operator.NOT_EQUALS
        && (compare.getLeft() instanceof NameExpr left && left.getNameAsString().equals(lambda.getParameter(0)
            .getNameAsString()) && compare.getRight() instanceof com.github.javaparser.ast.expr.NullLiteralExpr
            || compare.getRight() instanceof NameExpr right && right.getNameAsString().equals(lambda.getParameter(0)
                .getNameAsString()) && compare.getLeft() instanceof com.github.javaparser.ast.expr.NullLiteralExpr);
  }

  /** {@code Optional::name} (java.util's). */
  private static boolean optionals(ProjectIndex index, CompilationUnit unit, Expression expression, String name) {
    return expression instanceof MethodReferenceExpr reference && reference.getIdentifier().equals(name)
        && (reference.getScope().toString().equals("java.util.Optional")
            || reference.getScope().toString().equals("Optional") && javaUtilName(index, unit, "Optional", "java.util"));
  }

  /** The method the statement is in, when no lambda or class body stands between them. */
  private static Optional<CallableDeclaration<?>> directlyIn(Statement statement) {
    for (Node at = statement.getParentNode().orElse(null); at != null; at = at.getParentNode().orElse(null)) {
      if (at instanceof CallableDeclaration<?> method) {
        return Optional.of(method);
      }
      if (at instanceof LambdaExpr || at instanceof ObjectCreationExpr || at instanceof LocalClassDeclarationStmt) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * {@code Collectors.toList()} or {@code toSet()}, or either imported statically from Collectors (and no method
   * of the class taking that name).
   */
  private static Optional<Collected> collector(ProjectIndex index, CompilationUnit unit, Node at,
      Expression collector) {
    if (!(collector instanceof MethodCallExpr call) || !call.getArguments().isEmpty()) {
      return Optional.empty();
    }
    Optional<Collected> kind = java.util.Arrays.stream(Collected.values())
        .filter(c -> c.collector.equals(call.getNameAsString())).findFirst();
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    if (call.getScope().isEmpty()) {
      String name = call.getNameAsString();
      // toList() means Collectors' only when nothing nearer takes the name: a method of the file's classes or of
      // their project supertypes, or another single static import (hostile review 51's a1, a2, a4)
      boolean declared = unit.findAll(com.github.javaparser.ast.body.MethodDeclaration.class).stream()
          .anyMatch(m -> m.getNameAsString().equals(name));
      boolean inherited = at.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class).stream()
          .flatMap(t -> enclosing((com.github.javaparser.ast.body.TypeDeclaration<?>) t).stream())
          .flatMap(type -> index.supertypesOf(type).stream())
          .anyMatch(type -> !index.methods(type, name).isEmpty());
      boolean otherImport = unit.getImports().stream().anyMatch(i -> i.isStatic() && !i.isAsterisk()
          && i.getNameAsString().endsWith("." + name)
          && !i.getNameAsString().equals("java.util.stream.Collectors." + name));
      boolean imported = unit.getImports().stream().anyMatch(i -> i.isStatic() && (i.isAsterisk()
          ? i.getNameAsString().equals("java.util.stream.Collectors")
          : i.getNameAsString().equals("java.util.stream.Collectors." + name)));
      return declared || inherited || otherImport || !imported ? Optional.empty() : kind;
    }
    Expression scope = call.getScope().get();
    return scope.toString().equals("java.util.stream.Collectors")
        || scope instanceof NameExpr name && name.getNameAsString().equals("Collectors")
            && javaUtilName(index, unit, "Collectors", "java.util.stream") ? kind : Optional.empty();
  }

  /** The qualified names of a type and the types it is nested in. */
  private static List<String> enclosing(com.github.javaparser.ast.body.TypeDeclaration<?> type) {
    List<String> names = new ArrayList<>();
    for (Node at = type; at != null; at = at.getParentNode().orElse(null)) {
      if (at instanceof com.github.javaparser.ast.body.TypeDeclaration<?> declared) {
        declared.getFullyQualifiedName().ifPresent(names::add);
      }
    }
    return names;
  }

  private static final String PROBLEM = "\u0000";

  /**
   * The element type of what the pipeline streams, written so the file can name it: a local, parameter or field
   * declared as a java.util collection ({@code List<Item>}: Item), or a getter of a local or parameter that returns
   * such a field (its type qualified). {@link #PROBLEM} and the reason when it is none of these; empty when it is
   * one whose element type optkit cannot write.
   */
  private static Optional<String> sourceElementType(CompilationUnit unit, CallableDeclaration<?> method, Node at,
      Expression source, ProjectIndex index, dev.optkit.rewriters.source.ProjectSources sources) {
    if (source instanceof MethodCallExpr getter) {
      if (!getter.getArguments().isEmpty() || !(getter.getScope().orElse(null) instanceof NameExpr)) {
        return Optional.of(PROBLEM + "it streams " + getter + ", which is not a getter of a local or parameter");
      }
      IterableGetter.FieldOrProblem field = IterableGetter.of(method, getter, at, index);
      if (field.problem() != null) {
        return Optional.of(PROBLEM + field.problem());
      }
      // the index keeps field types erased: the element type is the one the getter's own signature writes
      List<Type> arguments = field.getter() == null ? List.of()
          : dev.optkit.analyzers.index.ReturnTypeArguments.of(field.getter().fact());
      if (arguments.size() != 1 || !(arguments.get(0) instanceof ClassOrInterfaceType written)
          || written.getTypeArguments().isPresent() || written.getScope().isPresent()) {
        return Optional.empty();
      }
      // the name as the getter's own file means it, written so this file means the same (hostile review 52's N6)
      Optional<CompilationUnit> getterFile = sources.declaration(field.getter())
          .flatMap(Node::findCompilationUnit);
      return getterFile.flatMap(file -> TypeNamesInFile.qualified(file, written.getNameAsString(), index))
          .map(qualified -> TypeNamesInFile.written(unit, qualified, index));
    }
    String name = source instanceof NameExpr n ? n.getNameAsString()
        : source instanceof FieldAccessExpr access && access.getScope() instanceof com.github.javaparser.ast.expr.ThisExpr self
            && self.getTypeName().isEmpty() ? access.getNameAsString() : null;
    Optional<Type> declared = name == null ? Optional.empty()
        : source instanceof NameExpr && VisibleDeclaration.of(at, name).isPresent()
            ? VisibleDeclaration.of(at, name).map(VisibleDeclaration::type)
            : fieldType(at, name);
    String notCollection = "it streams " + source + ", which is not a local, parameter or field declared as a "
        + "java.util collection (List<T>, Set<T>, Collection<T>...), nor a getter of one";
    if (declared.isEmpty() || !(declared.get() instanceof ClassOrInterfaceType type)) {
      return Optional.of(PROBLEM + notCollection);
    }
    String simple = type.getNameAsString();
    boolean qualified = type.getScope().map(s -> s.asString().equals("java.util")).orElse(false);
    if (!LoopMigration.JAVA_UTIL_COLLECTIONS.contains(simple) || type.getScope().isPresent() && !qualified
        || !qualified && !javaUtilName(index, unit, simple, "java.util")
        || type.getTypeArguments().map(List::size).orElse(0) != 1) {
      return Optional.of(PROBLEM + notCollection);
    }
    Type argument = type.getTypeArguments().get().get(0);
    if (argument instanceof WildcardType wildcard) {
      return wildcard.getExtendedType().map(Type::toString);
    }
    return Optional.of(argument.toString());
  }

  /** The declared type of a field of the class the node is in. */
  private static Optional<Type> fieldType(Node at, String name) {
    return at.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class)
        .flatMap(type -> ((com.github.javaparser.ast.body.TypeDeclaration<?>) type).getFields().stream()
            .flatMap(f -> f.getVariables().stream()).filter(v -> v.getNameAsString().equals(name))
            .map(VariableDeclarator::getType).findFirst());
  }

  /** Whether a simple name the file writes means the type of that name in the package (imported, not shadowed). */
  private static boolean javaUtilName(ProjectIndex index, CompilationUnit unit, String simple, String pkg) {
    boolean shadowed = unit.findAll(com.github.javaparser.ast.body.TypeDeclaration.class).stream()
        .anyMatch(t -> t.getNameAsString().equals(simple))
        || unit.containsData(Imports.PACKAGE_TYPES) && unit.getData(Imports.PACKAGE_TYPES).contains(simple)
        || unit.getImports().stream().anyMatch(i -> !i.isStatic() && !i.isAsterisk()
            && i.getNameAsString().endsWith("." + simple) && !i.getNameAsString().equals(pkg + "." + simple));
    boolean imported = unit.getImports().stream().anyMatch(i -> !i.isStatic()
        && (i.isAsterisk() ? i.getNameAsString().equals(pkg) : i.getNameAsString().equals(pkg + "." + simple)));
    // a project type of the name could be a member type the class inherits (hostile review 51's a3)
    return !shadowed && imported && index.typesNamed(simple).isEmpty();
  }

  /** R of a {@code List<R>} or {@code Set<R>} (in a return type also {@code <? extends R>}), java.util's. */
  private static Optional<String> element(ProjectIndex index, CompilationUnit unit, Type type, boolean returned,
      Collected collected) {
    if (!(type instanceof ClassOrInterfaceType list) || !list.getNameAsString().equals(collected.type)
        || list.getTypeArguments().map(List::size).orElse(0) != 1) {
      return Optional.empty();
    }
    boolean qualified = list.getScope().map(s -> s.asString().equals("java.util")).orElse(false);
    if (list.getScope().isPresent() && !qualified || !qualified && !javaUtilName(index, unit, collected.type, "java.util")) {
      return Optional.empty();
    }
    Type argument = list.getTypeArguments().get().get(0);
    if (argument instanceof WildcardType wildcard) {
      return returned ? wildcard.getExtendedType().map(Type::toString) : Optional.empty();
    }
    return Optional.of(argument.toString());
  }

  /** Writes the view: the statement as the loop, the pieces it copies recorded for {@link FactRanges}. */
  private static final class Writer {
    private final SourceDocument document;
    private final CompilationUnit unit;
    private final CallableDeclaration<?> method;
    private final Statement statement;
    private final VariableDeclarator declared;
    private final Expression action;
    private final Expression source;
    private final Terminal terminal;
    private final Collected collected;
    private final Kept kept;
    private final String elementType;
    private final String resultType;
    private final StringBuilder text = new StringBuilder();
    private final List<FactRanges.Copied> copied = new ArrayList<>();
    private final List<FactRanges.Standing> standing = new ArrayList<>();
    private final Set<String> imports = new LinkedHashSet<>();
    private int from;

    Writer(SourceDocument document, CompilationUnit unit, CallableDeclaration<?> method, Statement statement,
        VariableDeclarator declared, Expression action, Expression source, Terminal terminal, Collected collected,
        Kept kept, String elementType, String resultType) {
      this.document = document;
      this.unit = unit;
      this.method = method;
      this.statement = statement;
      this.declared = declared;
      this.action = action;
      this.source = source;
      this.terminal = terminal;
      this.collected = collected;
      this.kept = kept;
      this.elementType = elementType;
      this.resultType = resultType;
    }

    ForEachEquivalent.Result view() {
      // the view writes the statement's whole lines anew: an edit of whole lines is one the caching's text can take
      int statementFrom = ForEachEquivalent.offsetOf(document, statement);
      int statementEnd = ForEachEquivalent.endOf(document, statement);
      int line = statement.getBegin().get().line;
      from = document.lineStart(line);
      int end = document.lineEnd(statement.getEnd().get().line);
      String original = document.text();
      if (!original.substring(from, statementFrom).isBlank() || !original.substring(statementEnd, end).isBlank()) {
        return new ForEachEquivalent.NotEquivalent("it does not stand on lines of its own, and optkit moves whole lines");
      }
      text.append(original, from, statementFrom);
      LambdaExpr lambda = action instanceof LambdaExpr l ? l : null;
      Node body = lambda == null ? action
          : lambda.getBody() instanceof ExpressionStmt expression ? expression.getExpression() : lambda.getBody();
      int bodyFrom = ForEachEquivalent.offsetOf(document, body);
      int bodyEnd = ForEachEquivalent.endOf(document, body);
      String outside = original.substring(statementFrom, bodyFrom) + original.substring(bodyEnd, statementEnd);
      if (ForEachEquivalent.hasComment(outside)) {
        return new ForEachEquivalent.NotEquivalent("a comment stands in the pipeline outside its lambda's body, which "
            + "the loop written anew would lose");
      }
      String newline = document.lineSeparator();
      String indent = document.indentationOf(line);
      FreshNames names = new FreshNames(method);
      String list = null;
      String filled = null;
      if (terminal != Terminal.FOR_EACH) {
        String made = name(collected.made);
        filled = declared != null && terminal == Terminal.COLLECTED ? declared.getNameAsString() : names.take("results");
        list = declared != null ? declared.getType().toString()
            : name("java.util." + collected.type) + "<" + resultType + ">";
        String modifiers = declared != null && terminal == Terminal.COLLECTED ? modifiers() : "";
        text.append(modifiers).append(list).append(' ').append(filled).append(" = new ").append(made)
            .append("<>();").append(newline).append(indent);
      }
      if (action instanceof MethodReferenceExpr reference
          && !(reference.getScope() instanceof com.github.javaparser.ast.expr.ThisExpr)) {
        // the stream evaluates the reference's receiver before the first element: null fails even with none
        // (hostile review 52's N2); the loop reads it at each element
        text.append(name("java.util.Objects")).append(".requireNonNull(").append(reference.getScope())
            .append("); // ").append(reference).append(" fails on a null ").append(reference.getScope())
            .append(" before the first element").append(newline).append(indent);
      }
      int loopFrom = from + text.length();
      Parameter parameter = lambda == null ? null : lambda.getParameter(0);
      String element = parameter != null ? parameter.getNameAsString() : names.take(elementName());
      text.append("for (").append(parameter != null && parameter.isFinal() ? "final " : "").append(elementType)
          .append(' ').append(element).append(" : ");
      copy(source);
      text.append(") ");
      if (lambda != null && lambda.getBody() instanceof BlockStmt) {
        copyTurningReturnsToContinues(body, ownReturns(lambda));
      } else {
        String inner = indent + document.indentUnit();
        text.append('{').append(newline).append(inner);
        String value = null;
        if (kept == Kept.NON_NULL) {
          value = names.take("mapped");
          text.append(resultType).append(' ').append(value).append(" = ");
        } else if (kept == Kept.PRESENT) {
          value = names.take("found");
          text.append(name("java.util.Optional")).append("<? extends ").append(resultType).append("> ").append(value)
              .append(" = ");
        } else if (terminal != Terminal.FOR_EACH) {
          text.append(filled).append(".add(");
        }
        if (action instanceof MethodReferenceExpr reference) {
          call(reference, element);
        } else {
          copy(body);
        }
        text.append(terminal == Terminal.FOR_EACH || value != null ? ";" : ");");
        if (value != null) {
          // the stages after map() drop what the call answered empty: the loop adds the rest
          text.append(newline).append(inner).append("if (").append(value)
              .append(kept == Kept.NON_NULL ? " != null" : ".isPresent()").append(") {").append(newline)
              .append(inner).append(document.indentUnit()).append(filled).append(".add(").append(value)
              .append(kept == Kept.NON_NULL ? "" : ".get()").append(");").append(newline).append(inner).append('}');
        }
        text.append(newline).append(indent).append('}');
      }
      int loopEnd = from + text.length();
      if (terminal == Terminal.UNMODIFIABLE) {
        String unmodifiable = name("java.util.Collections") + ".unmodifiableList(" + filled + ")";
        text.append(newline).append(indent).append(declared != null
            ? modifiers() + list + " " + declared.getNameAsString() + " = " + unmodifiable + ";"
            : "return " + unmodifiable + ";");
      } else if (terminal == Terminal.COLLECTED && declared == null) {
        text.append(newline).append(indent).append("return ").append(filled).append(';');
      }
      text.append(original, statementEnd, end);
      String viewText = original.substring(0, from) + text + original.substring(end);
      int viewEnd = from + text.length();
      Optional<CompilationUnit> parsed = LanguageLevels.parse(viewText);
      if (parsed.isEmpty()) {
        return new ForEachEquivalent.NotEquivalent("read as a loop over its elements, the file would not parse");
      }
      SourceDocument viewDocument = SourceDocument.of(viewText);
      Optional<ForEachStmt> loop = parsed.get().findAll(ForEachStmt.class).stream()
          .filter(l -> ForEachEquivalent.offsetOf(viewDocument, l) == loopFrom).findFirst();
      if (loop.isEmpty()) {
        return new ForEachEquivalent.NotEquivalent("read as a loop over its elements, the loop is not where it was");
      }
      FactRanges.translate(parsed.get(), new FactRanges.Translation(viewDocument, document, from, viewEnd, end,
          List.copyOf(copied), List.copyOf(standing)));
      return new ForEachEquivalent.View(viewDocument, parsed.get(), loop.get(), from, end, viewEnd,
          "the stream pipeline over " + source + " read as a loop over its elements", loopFrom, loopEnd,
          Set.copyOf(imports));
    }

    /** The block, each of the lambda's own {@code return;} written {@code continue;} (they end one element's turn). */
    private void copyTurningReturnsToContinues(Node block, List<ReturnStmt> returns) {
      int at = ForEachEquivalent.offsetOf(document, block);
      for (ReturnStmt returned : returns) {
        int start = ForEachEquivalent.offsetOf(document, returned);
        copied.add(new FactRanges.Copied(from + text.length(), at, start - at));
        text.append(document.text(), at, start).append("continue;");
        at = ForEachEquivalent.endOf(document, returned);
      }
      int end = ForEachEquivalent.endOf(document, block);
      copied.add(new FactRanges.Copied(from + text.length(), at, end - at));
      text.append(document.text(), at, end);
    }

    private void copy(Node node) {
      int start = ForEachEquivalent.offsetOf(document, node);
      int end = ForEachEquivalent.endOf(document, node);
      copied.add(new FactRanges.Copied(from + text.length(), start, end - start));
      text.append(document.text(), start, end);
    }

    /** The call a method reference makes of an element, {@code client.price(sku)}: it stands for the reference. */
    private void call(MethodReferenceExpr reference, String element) {
      int start = from + text.length();
      copy(reference.getScope());
      text.append('.').append(reference.getIdentifier()).append('(').append(element).append(')');
      standing.add(new FactRanges.Standing(start, from + text.length(), ForEachEquivalent.offsetOf(document, reference),
          ForEachEquivalent.endOf(document, reference)));
    }

    /** A name for the element: the collection's in the singular (skus: sku), else "element". */
    private String elementName() {
      String collection = source instanceof MethodCallExpr getter && getter.getNameAsString().startsWith("get")
          && getter.getNameAsString().length() > 3
          ? Character.toLowerCase(getter.getNameAsString().charAt(3)) + getter.getNameAsString().substring(4)
          : source instanceof NameExpr name ? name.getNameAsString()
          : source instanceof FieldAccessExpr access ? access.getNameAsString() : "";
      // entries: entry, not entrie
      return collection.length() > 3 && collection.endsWith("ies")
          ? collection.substring(0, collection.length() - 3) + "y"
          : collection.length() > 1 && collection.endsWith("s") && !collection.endsWith("ss")
          ? collection.substring(0, collection.length() - 1) : "element";
    }

    private String name(String qualified) {
      if (Imports.canUseSimpleName(unit, qualified)) {
        imports.add(qualified);
      }
      return Imports.reference(unit, qualified);
    }

    /** The local's modifiers ({@code final}) as the declaration writes them. */
    private String modifiers() {
      VariableDeclarationExpr declaration = (VariableDeclarationExpr) declared.getParentNode().orElseThrow();
      return declaration.isFinal() ? "final " : "";
    }
  }
}
