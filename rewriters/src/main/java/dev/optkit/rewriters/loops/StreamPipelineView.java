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
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.rewriters.edit.SourceDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A stream pipeline that is a loop over a collection in all but its syntax, read as that loop so the
 * loop rewrites (which prove their conditions on {@code for (T x : xs)}) can take it:
 * <ul>
 *   <li>{@code xs.stream().forEach(x -> ...);}: a sequential stream over a collection runs the action for
 *       each element in the order of the collection's spliterator, which is its iterator's, on the calling
 *       thread (a forEach lambda's own {@code return;} ends one element's turn: the loop's continue);</li>
 *   <li>{@code List<R> rs = xs.stream().map(x -> e).collect(Collectors.toList());}, or {@code return} of it:
 *       the same calls of {@code e}, one per element in that order, their values in an ArrayList (which
 *       Collectors.toList() makes; toSet() a HashSet); with {@code .toList()} an unmodifiable list of them
 *       that allows nulls, as Stream.toList() gives; after the map, the values not null or the present
 *       Optionals' ({@link Kept}); a {@code filter(x -> p)} before the map is the loop's {@code if (p)} around the
 *       element's turn: the stream tests each element just before mapping it, as the loop does;</li>
 *   <li>{@code xs.forEach(x -> call(x));} or one returning early, on a list the method makes (a handed one may be
 *       a synchronized list, whose forEach holds its lock).</li>
 * </ul>
 * The collection is a local, parameter or field declared as a java.util collection, or a plain getter of a
 * parameter ({@link PipelineSource}); a project's own collection class that may walk otherwise refuses every
 * reading. Unlike a counted loop's view, this one writes the statement anew ({@link StreamLoopWriter}): the
 * loop's own text (its header, the list it fills) has no facts, and the lambda's body and the collection,
 * copied into it, find theirs through {@link FactRanges}.
 */
final class StreamPipelineView {
  private static final String SHAPE = "optkit reads a stream pipeline as a loop only in the forms "
      + "'xs.stream().forEach(x -> ...);' and 'List<R> rs = xs.stream().map(x -> ...).collect(Collectors.toList());' "
      + "(or a return of it, .toList(), or Collectors.toSet(), a filter() before the map) over a collection xs";

  enum Terminal { FOR_EACH, COLLECTED, UNMODIFIABLE }

  /**
   * What the collector keeps of map()'s values: all, those not null ({@code filter(Objects::nonNull)}), or what the
   * present Optionals hold ({@code filter(Optional::isPresent).map(Optional::get)}, {@code flatMap(Optional::stream)}).
   */
  enum Kept { ALL, NON_NULL, PRESENT }

  /** What a pipeline collects into: Collectors.toList() makes an ArrayList, toSet() a HashSet. */
  enum Collected {
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
        && PipelineNames.collector(index, unit, pipeline, pipeline.getArgument(0)).isPresent()) {
      terminal = Terminal.COLLECTED;
      collected = PipelineNames.collector(index, unit, pipeline, pipeline.getArgument(0)).get();
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
      if (stage.getNameAsString().equals("filter") && PipelineNames.nonNull(index, unit, argument)) {
        kept = Kept.NON_NULL;
        stage = before;
      } else if (stage.getNameAsString().equals("flatMap") && PipelineNames.optionals(index, unit, argument, "stream")) {
        kept = Kept.PRESENT;
        stage = before;
      } else if (stage.getNameAsString().equals("map") && (PipelineNames.optionals(index, unit, argument, "get")
          || PipelineNames.optionals(index, unit, argument, "orElseThrow")) && before != null
          && before.getNameAsString().equals("filter") && before.getArguments().size() == 1
          && PipelineNames.optionals(index, unit, before.getArgument(0), "isPresent")) {
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
    // a filter() before the map: the loop's if around the element's call (xs.stream().filter(x -> p).map(...))
    Expression predicate = null;
    MethodCallExpr streamed = stage;
    if (terminal != Terminal.FOR_EACH && stage.getScope().orElse(null) instanceof MethodCallExpr before
        && before.getNameAsString().equals("filter") && before.getArguments().size() == 1) {
      predicate = before.getArgument(0);
      Optional<String> problem = filterProblem(index, unit, predicate, stage.getArgument(0), statement);
      if (problem.isPresent()) {
        return new ForEachEquivalent.NotEquivalent(problem.get());
      }
      streamed = before;
    }
    // xs.stream().forEach(...), or (for a lambda that returns early) Iterable.forEach itself: xs.forEach(...)
    boolean iterableForEach = terminal == Terminal.FOR_EACH && stage.getScope().orElse(null) instanceof NameExpr;
    Expression walked = iterableForEach ? stage.getScope().get()
        : streamed.getScope().orElse(null) instanceof MethodCallExpr stream && stream.getNameAsString().equals("stream")
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
      Optional<String> problem = PipelineSource.receiverProblem(reference, statement);
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
    PipelineSource.Walked elements = PipelineSource.sourceElementType(unit, method, statement, source, index, sources);
    if (elements.problem() != null) {
      return new ForEachEquivalent.NotEquivalent(elements.problem());
    }
    Parameter parameter = action instanceof LambdaExpr lambda ? lambda.getParameter(0)
        : predicate instanceof LambdaExpr tested ? tested.getParameter(0) : null;
    Optional<String> elementType = parameter == null || parameter.getType().isUnknownType()
        ? Optional.ofNullable(elements.elementType()) : Optional.of(parameter.getType().toString());
    if (elementType.isEmpty()) {
      return new ForEachEquivalent.NotEquivalent("optkit cannot name the type of the elements of " + source);
    }
    if (predicate != null) {
      Optional<String> mismatch = filterTypesAndNames(predicate, action, elements.elementType(), elementType.get(),
          parameter == null ? null : parameter.getNameAsString());
      if (mismatch.isPresent()) {
        return new ForEachEquivalent.NotEquivalent(mismatch.get());
      }
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
      resultType = declared != null ? PipelineNames.element(index, unit, declared.getType(), false, collected)
          : method instanceof MethodDeclaration m ? PipelineNames.element(index, unit, m.getType(), true, collected)
          : Optional.empty();
      if (resultType.isEmpty()) {
        String type = collected.type + "<R>";
        return new ForEachEquivalent.NotEquivalent("optkit reads a pipeline collected to a " + collected.type
            .toLowerCase(java.util.Locale.ROOT) + " only where it is given to a " + type + " (a local declared as one, "
            + "or the return of a method that returns one)");
      }
    }
    boolean nonNullTest = predicate != null && PipelineNames.nonNull(index, unit, predicate);
    return new StreamLoopWriter(document, unit, method, statement, declared, action, predicate,
        nonNullTest && predicate instanceof MethodReferenceExpr, source, terminal, collected, kept, elementType.get(),
        resultType.orElse(null)).view();
  }

  /**
   * Why a filter() and a map() written into one loop would not mean what they meant (hostile review 58): each stage
   * takes the element as its lambda declares it, or as the collection holds it, and the loop's variable has one type,
   * so a stage taking it as another type would call other overloads; and the loop's variable takes one lambda's name,
   * which a method reference of the other stage may name as its receiver ({@code filter(listed::contains).map(listed
   * -> ...)} would test the element against itself).
   */
  private static Optional<String> filterTypesAndNames(Expression predicate, Expression action, String collectionType,
      String loopType, String element) {
    for (Expression stage : List.of(predicate, action)) {
      String taken = stage instanceof LambdaExpr lambda && !lambda.getParameter(0).getType().isUnknownType()
          ? lambda.getParameter(0).getType().toString() : collectionType;
      if (taken == null || !taken.equals(loopType)) {
        return Optional.of("its filter() and map() take the element as different types (" + (taken == null
            ? "one optkit cannot name" : taken) + ", " + loopType + "): one loop's variable has one type, and a call "
            + "in the other stage could pick another overload");
      }
      if (element != null && stage instanceof MethodReferenceExpr reference && rootName(reference.getScope())
          .equals(element)) {
        return Optional.of("its " + (stage == predicate ? "filter()" : "map()") + "'s reference " + reference
            + " names " + element + ", which the other stage's lambda names the element: in one loop it would mean "
            + "the element");
      }
    }
    return Optional.empty();
  }

  private static String rootName(Expression scope) {
    Expression at = scope;
    while (at instanceof com.github.javaparser.ast.expr.FieldAccessExpr access) {
      at = access.getScope();
    }
    return at instanceof NameExpr name ? name.getNameAsString()
        : at instanceof com.github.javaparser.ast.expr.TypeExpr type ? type.getType().asString() : "";
  }

  /**
   * Why a filter() before the map is not one the loop can test as its {@code if}: the loop copies a lambda's
   * expression as written, so it must name the element as the map's lambda does, and a method reference must be
   * a call optkit writes out ({@code Objects::nonNull}, or one on this or a final field).
   */
  private static Optional<String> filterProblem(ProjectIndex index, CompilationUnit unit, Expression predicate,
      Expression action, Statement statement) {
    if (predicate instanceof MethodReferenceExpr reference) {
      if (PipelineNames.nonNull(index, unit, reference)) {
        return Optional.empty();
      }
      if (reference.getScope() instanceof com.github.javaparser.ast.expr.TypeExpr
          && !PipelineNames.variableNamed(index, reference, rootName(reference.getScope()))) {
        // Quotes::wanted (static, Quotes.wanted(x)) or String::isBlank (the element's, x.isBlank()): JavaParser
        // cannot tell them apart without the types
        return Optional.of("its filter()'s reference " + reference + " names a type, and optkit does not tell a "
            + "static method (called with the element) from one of the element's own (called on it): write it as a "
            + "lambda");
      }
      return PipelineSource.receiverProblem(reference, statement).map(p -> "its filter(): " + p);
    }
    if (!(predicate instanceof LambdaExpr tested) || tested.getParameters().size() != 1
        || !(tested.getBody() instanceof ExpressionStmt)) {
      return Optional.of("its filter() takes " + (predicate instanceof LambdaExpr ? "a lambda with a block body"
          : "an expression that is no lambda") + ", which optkit does not write as the loop's if");
    }
    if (!tested.getParameter(0).getAnnotations().isEmpty()) {
      return Optional.of("its filter()'s lambda parameter is annotated, which the loop written anew would lose");
    }
    String name = tested.getParameter(0).getNameAsString();
    if (action instanceof LambdaExpr mapped && !mapped.getParameter(0).getNameAsString().equals(name)) {
      return Optional.of("its filter() and map() name the element differently (" + name + ", "
          + mapped.getParameter(0).getNameAsString() + "), and optkit writes both lambdas' code into one loop as "
          + "written");
    }
    return Optional.empty();
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
   * A forEach the view that keeps every node's place cannot write as a loop, and {@link StreamPipelineView} can:
   * {@code xs.forEach(x -> { ... return; ... });}, whose returns end one element's turn (the loop's continue), and
   * {@code xs.forEach(x -> call(x));} or {@code xs.forEach(this::call);}, whose call becomes the loop's statement.
   */
  static Optional<MethodCallExpr> forEachWrittenAnew(Node loop) {
    if (!(loop instanceof ExpressionStmt statement && statement.getExpression() instanceof MethodCallExpr call
        && call.getNameAsString().equals("forEach") && call.getArguments().size() == 1)) {
      return Optional.empty();
    }
    Expression action = call.getArgument(0);
    boolean writtenAnew = action instanceof com.github.javaparser.ast.expr.MethodReferenceExpr
        || action instanceof com.github.javaparser.ast.expr.LambdaExpr lambda
            && (!(lambda.getBody() instanceof com.github.javaparser.ast.stmt.BlockStmt)
                || !StreamPipelineView.ownReturns(lambda).isEmpty());
    return writtenAnew ? Optional.of(call) : Optional.empty();
  }

  /** The stream pipeline the finding's loop is: the outermost call of a chain over a collection's stream(). */
  static Optional<Node> pipelineAt(CompilationUnit unit, int line, int column) {
    return unit.findAll(MethodCallExpr.class).stream()
        .filter(c -> c.getBegin().get().line == line && c.getBegin().get().column == column)
        .filter(c -> !(c.getParentNode().orElse(null) instanceof MethodCallExpr outer && outer.getScope().orElse(null) == c))
        .filter(StreamPipelineView::isPipeline)
        .findFirst().map(Node.class::cast);
  }
}
