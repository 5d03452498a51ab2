package dev.optkit.rewriters.loops;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.WildcardType;
import dev.optkit.analyzers.parse.LanguageLevels;
import dev.optkit.rewriters.edit.SourceDocument;
import dev.optkit.rewriters.edit.TextEdit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A loop that is an enhanced for loop in all but its syntax, read as that loop so the loop rewrites
 * (which prove their conditions on {@code for (T x : xs)}) can take it:
 * <ul>
 *   <li>a counted loop over a list's or an array's indexes, {@code for (int i = 0; i < xs.size(); i++)},
 *       whose index is used only to take the element ({@code xs.get(i)}, {@code xs[i]}) and changed only
 *       by its update: with the list unchanged while it runs (which the rewrite proves as for any loop
 *       over it) it visits the same elements in the same order;</li>
 *   <li>{@code xs.forEach(x -> { ... });} over a java.util collection, whose lambda has no
 *       {@code return} of its own: {@code Iterable.forEach} runs the body for each element in the
 *       iterator's order, on the calling thread, and a lambda's body means the same in a loop (its
 *       captures are effectively final, its exceptions unchecked).</li>
 * </ul>
 * The view is a copy of the file in which only that loop's syntax differs, written so that every
 * other node keeps its line and column: the facts of the assessment (calls, sites) find their nodes
 * in it by position. Where an element read is shorter than the text it replaces, a marker comment
 * fills the gap; the markers are taken out of the rewrite's text again ({@link View#toOriginal}).
 */
final class ForEachEquivalent {
  /** A marker is a comment of tildes, {@code /*~~~*}{@code /}, or the empty one; a file holding either is not read. */
  static final String MARK_OPEN = "/*";
  static final String MARK_CLOSE = "*/";
  private static final java.util.Set<String> LISTS = java.util.Set.of("List", "ArrayList", "LinkedList");

  /** A view of the file with the loop as an enhanced for loop, or the reason there is none. */
  sealed interface Result permits View, NotEquivalent {}

  /** @param proof the proof refused: a loop of a kind optkit does not rewrite, or one it cannot read as a for-each */
  record NotEquivalent(dev.optkit.analyzers.proof.Proof proof, String reason) implements Result {
    NotEquivalent(String reason) {
      this(dev.optkit.analyzers.proof.Proof.NOT_FOR_EACH, reason);
    }
  }

  /**
   * @param loop the loop in the view
   * @param from the start of the statement the view wrote anew (the texts before it are the same)
   * @param originalEnd the statement's end in the original file
   * @param viewEnd the statement's end in the view (the texts after the two ends are the same)
   * @param read how the original loop was read, for the plan
   * @param loopFrom the for-each's start in the view
   * @param loopViewEnd the for-each's end in the view
   * @param imports types the view's own text names (its list, its collector), for the file's imports
   */
  record View(SourceDocument document, CompilationUnit unit, ForEachStmt loop, int from, int originalEnd, int viewEnd,
      String read, int loopFrom, int loopViewEnd, java.util.Set<String> imports) implements Result {
    /** A view that is the loop alone. */
    View(SourceDocument document, CompilationUnit unit, ForEachStmt loop, int from, int originalEnd, int viewEnd,
        String read) {
      this(document, unit, loop, from, originalEnd, viewEnd, read, from, viewEnd, java.util.Set.of());
    }

    /**
     * The rewrite's edit on the view, as an edit on the original file: it must take the whole loop
     * (an edit that starts or ends inside it has no place in the original); the view's text around
     * the loop within the statement it wrote (the list the loop fills) goes with it, and the markers
     * come out.
     */
    Optional<TextEdit> toOriginal(TextEdit edit) {
      if (edit.start() > loopFrom || edit.end() < loopViewEnd) {
        return Optional.empty();
      }
      int start = Math.min(edit.start(), from);
      int end = Math.max(edit.end(), viewEnd);
      String text = document.text();
      String replacement = text.substring(start, edit.start()) + edit.replacement() + text.substring(edit.end(), end);
      return Optional.of(new TextEdit(start, end - viewEnd + originalEnd, unmarked(replacement)));
    }
  }

  private ForEachEquivalent() {}

  /**
   * The view for a counted loop or a forEach statement.
   *
   * @param projectCollections the project's own collection classes (extending a java.util one): a list of one of
   *     them may take its element by get(i) or walk forEach otherwise than its iterator does
   */
  static Result of(SourceDocument document, CompilationUnit unit, Node loop, java.util.Set<String> projectCollections) {
    if (!(loop instanceof ForStmt) && !(loop instanceof ExpressionStmt statement
        && statement.getExpression() instanceof MethodCallExpr call && call.getNameAsString().equals("forEach"))) {
      return new NotEquivalent(dev.optkit.analyzers.proof.Proof.LOOP_KIND, unsupported(kind(loop)));
    }
    CallableDeclaration<?> method = loop.findAncestor(CallableDeclaration.class).orElse(null);
    if (method == null) {
      return new NotEquivalent("it is not inside a method");
    }
    String methodText = document.text().substring(offsetOf(document, method), endOf(document, method));
    if (methodText.contains("/*~") || methodText.contains("/**/")) {
      return new NotEquivalent("its method holds the text /**/ or /*~, which optkit uses to mark what it reads");
    }
    if (methodText.contains("\\u")) {
      return new NotEquivalent("its method holds unicode escapes, which optkit does not read names through");
    }
    // an array is none of them: a loop counting to xs.length is read as one over an array, or refused as no array
    if (!projectCollections.isEmpty() && !countsToALength(loop)) {
      return new NotEquivalent("the project declares collections of its own (" + String.join(", ",
          new java.util.TreeSet<>(projectCollections)) + "), which the collection could be: their get(i) or forEach "
          + "need not visit the elements as their iterator does");
    }
    Optional<String> changed = CollectionWalked.changedUnderAnotherName(loop, CollectionWalked.iteratedName(loop));
    if (changed.isPresent()) {
      return new NotEquivalent(changed.get());
    }
    if (loop instanceof ForStmt counted) {
      return counted(document, counted);
    }
    ExpressionStmt statement = (ExpressionStmt) loop;
    return forEach(document, statement, (MethodCallExpr) statement.getExpression());
  }

  /**
   * Whether a counted loop counts to an array's length ({@code i < ids.length}): what it walks is no collection, so
   * none of the project's own (a blind trial's forum: 27 loops over request parameters' arrays were refused as maybe
   * walking a permissions set).
   */
  private static boolean countsToALength(Node loop) {
    return loop instanceof ForStmt counted && counted.getCompare().orElse(null) instanceof BinaryExpr compare
        && compare.getRight() instanceof FieldAccessExpr length && length.getNameAsString().equals("length");
  }

  /** The refusal of a loop none of the rewrites takes, by its kind. */
  static String unsupported(String kind) {
    return "optkit rewrites loops over a collection (for (T x : xs), a counted loop over a list's indexes, "
        + "xs.forEach(x -> {...}), a pipeline over xs.stream()); this is a " + kind + " loop"
        + (kind.equals("stream") ? " over something else" : "");
  }

  private static String kind(Node loop) {
    return loop instanceof com.github.javaparser.ast.stmt.WhileStmt ? "while"
        : loop instanceof com.github.javaparser.ast.stmt.DoStmt ? "do-while" : "stream";
  }

  // ---- for (int i = 0; i < xs.size(); i++) { ... xs.get(i) ... } ---------------------------------

  private static Result counted(SourceDocument document, ForStmt loop) {
    String shape = "optkit reads a counted loop as a loop over a collection only in the form 'for (int i = 0; "
        + "i < xs.size(); i++)' (or xs.length over an array)";
    if (loop.getInitialization().size() != 1 || !(loop.getInitialization().get(0) instanceof VariableDeclarationExpr init)
        || init.getVariables().size() != 1 || loop.getUpdate().size() != 1 || loop.getCompare().isEmpty()) {
      return new NotEquivalent(shape);
    }
    VariableDeclarator index = init.getVariables().get(0);
    String i = index.getNameAsString();
    if (!index.getType().asString().equals("int") || !(index.getInitializer().orElse(null) instanceof IntegerLiteralExpr zero)
        || !zero.getValue().equals("0") || !steps(loop.getUpdate().get(0), i)) {
      return new NotEquivalent(shape);
    }
    if (!(loop.getCompare().get() instanceof BinaryExpr compare) || compare.getOperator() != BinaryExpr.Operator.LESS
        || !isName(compare.getLeft(), i)) {
      return new NotEquivalent(shape);
    }
    String collection;
    boolean array;
    if (compare.getRight() instanceof MethodCallExpr size && size.getNameAsString().equals("size")
        && size.getArguments().isEmpty() && size.getScope().orElse(null) instanceof NameExpr scope) {
      collection = scope.getNameAsString();
      array = false;
    } else if (compare.getRight() instanceof FieldAccessExpr length && length.getNameAsString().equals("length")
        && length.getScope() instanceof NameExpr scope) {
      collection = scope.getNameAsString();
      array = true;
    } else if (compare.getRight() instanceof MethodCallExpr size && size.getNameAsString().equals("size")
        || compare.getRight() instanceof FieldAccessExpr length && length.getNameAsString().equals("length")) {
      return new NotEquivalent("it counts to " + compare.getRight() + ", not to the size of a local list or array it "
          + "could walk instead");
    } else {
      return new NotEquivalent(shape);
    }
    if (!(loop.getBody() instanceof BlockStmt body)) {
      return new NotEquivalent("its body is not a block");
    }
    CallableDeclaration<?> method = loop.findAncestor(CallableDeclaration.class).orElse(null);
    if (method == null) {
      return new NotEquivalent("it is not inside a method");
    }
    Optional<String> elementType = elementType(method, loop, collection, array);
    if (elementType.isEmpty()) {
      return new NotEquivalent("it counts over " + collection + ", which is not a local java.util list or array of a "
          + "type optkit can name (List<T>, T[])");
    }
    boolean shadowed = body.findAll(VariableDeclarator.class).stream().anyMatch(v -> v.getNameAsString().equals(i))
        || body.findAll(Parameter.class).stream().anyMatch(p -> p.getNameAsString().equals(i));
    if (shadowed) {
      return new NotEquivalent("its body declares another " + i + " than its index");
    }
    if (body.findAll(ObjectCreationExpr.class).stream().anyMatch(c -> c.getAnonymousClassBody().isPresent())
        || !body.findAll(com.github.javaparser.ast.stmt.LocalClassDeclarationStmt.class).isEmpty()) {
      return new NotEquivalent("its body declares a class, in which " + i + " may name a field of its own");
    }
    List<Expression> reads = new ArrayList<>();
    for (NameExpr use : body.findAll(NameExpr.class)) {
      if (!use.getNameAsString().equals(i)) {
        continue;
      }
      Optional<Expression> read = elementRead(use, collection, array);
      if (read.isEmpty()) {
        Node around = use.getParentNode().orElse(use);
        return new NotEquivalent("it uses its index " + i + " for more than taking the element ("
            + (array ? collection + "[" + i + "]" : collection + ".get(" + i + ")") + "): " + around + " at line "
            + use.getBegin().get().line);
      }
      reads.add(read.get());
    }
    if (reads.isEmpty()) {
      return new NotEquivalent("its body does not take the element by its index " + i);
    }
    if (body.getStatements().isEmpty() || body.getStatements().get(0).getBegin().get().line == body.getBegin().get().line) {
      return new NotEquivalent("its body does not start on a line of its own, and optkit moves whole lines");
    }
    Optional<Expression> split = reads.stream().filter(r -> r.getBegin().get().line != r.getEnd().get().line).findFirst();
    if (split.isPresent()) {
      return new NotEquivalent("it takes its element over more than one line (" + split.get().getBegin().get().line
          + "), which optkit does not read as one");
    }
    String element = ElementNames.forReads(method, collection, reads);
    if (element == null) {
      return new NotEquivalent("optkit finds no free name for its element that fits where it takes it");
    }
    List<TextEdit> edits = new ArrayList<>();
    int start = offsetOf(document, loop);
    int bodyStart = offsetOf(document, body);
    String headerSpace = trailingSpace(document.text().substring(start, bodyStart));
    if (document.text().substring(start, bodyStart - headerSpace.length()).contains("\n")) {
      return new NotEquivalent("its header spans more than one line");
    }
    if (hasComment(document.text().substring(start, bodyStart)) || reads.stream()
        .anyMatch(r -> hasComment(document.text().substring(offsetOf(document, r), endOf(document, r))))) {
      return new NotEquivalent("a comment stands in its header or where it takes its element, which the loop written "
          + "anew would lose");
    }
    edits.add(new TextEdit(start, bodyStart, "for (" + elementType.get() + " " + element + " : " + collection + ")"
        + headerSpace));
    for (Expression read : reads) {
      int from = offsetOf(document, read);
      int to = endOf(document, read);
      edits.add(new TextEdit(from, to, element + marker(to - from - element.length())));
    }
    return view(document, start, endOf(document, loop), edits,
        "the counted loop over the indexes of " + collection + " read as a loop over its elements");
  }

  private static boolean steps(Expression update, String i) {
    if (update instanceof UnaryExpr unary) {
      return isName(unary.getExpression(), i) && (unary.getOperator() == UnaryExpr.Operator.POSTFIX_INCREMENT
          || unary.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT);
    }
    return update instanceof AssignExpr assign && assign.getOperator() == AssignExpr.Operator.PLUS
        && isName(assign.getTarget(), i) && assign.getValue() instanceof IntegerLiteralExpr one && one.getValue().equals("1");
  }

  /** xs.get(i) or xs[i], only read (an array element written through the index is not a read). */
  private static Optional<Expression> elementRead(NameExpr use, String collection, boolean array) {
    Node parent = use.getParentNode().orElse(null);
    if (array && parent instanceof ArrayAccessExpr access && access.getIndex() == use && isName(access.getName(), collection)
        && !(access.getParentNode().orElse(null) instanceof AssignExpr assign && assign.getTarget() == access)
        && !(access.getParentNode().orElse(null) instanceof UnaryExpr)) {
      return Optional.of(access);
    }
    if (!array && parent instanceof MethodCallExpr get && get.getNameAsString().equals("get")
        && get.getArguments().size() == 1 && get.getArgument(0) == use
        && get.getScope().filter(s -> isName(s, collection)).isPresent()) {
      return Optional.of(get);
    }
    return Optional.empty();
  }

  // ---- xs.forEach(x -> { ... }); -------------------------------------------------------------------

  private static Result forEach(SourceDocument document, ExpressionStmt statement, MethodCallExpr call) {
    if (!(call.getScope().orElse(null) instanceof NameExpr scope) || call.getArguments().size() != 1
        || !(call.getArgument(0) instanceof LambdaExpr lambda) || lambda.getParameters().size() != 1
        || !(lambda.getBody() instanceof BlockStmt body)) {
      return new NotEquivalent("optkit reads a forEach as a loop only in the form 'xs.forEach(x -> { ... });' over a local "
          + "collection xs");
    }
    String collection = scope.getNameAsString();
    CallableDeclaration<?> method = statement.findAncestor(CallableDeclaration.class).orElse(null);
    if (method == null) {
      return new NotEquivalent("it is not inside a method");
    }
    Parameter parameter = lambda.getParameter(0);
    Optional<String> elementType = parameter.getType().isUnknownType()
        ? elementType(method, statement, collection, false)
        : Optional.of(parameter.getType().toString());
    if (elementType.isEmpty() || !declaredCollection(method, statement, collection)) {
      return new NotEquivalent("it calls forEach on " + collection + ", which is not a local java.util collection of a "
          + "type optkit can name");
    }
    if (!CollectionWalked.plainlyMade(statement, collection)) {
      String made = VisibleDeclaration.of(statement, collection).flatMap(VisibleDeclaration::initializer)
          .filter(i -> i instanceof com.github.javaparser.ast.expr.ObjectCreationExpr)
          .map(i -> "a " + ((com.github.javaparser.ast.expr.ObjectCreationExpr) i).getType().getNameAsString()
              + " the method makes, whose forEach need not be its iterator's walk")
          .orElse("a collection it was handed or got from a call");
      return new NotEquivalent("it calls forEach on " + collection + ", " + made + ": a synchronized collection's (or "
          + "a Vector's) forEach holds its lock for the whole loop, which the rewritten loop would not; optkit reads "
          + "forEach as a loop only on a plain list or set the method makes itself (ArrayList, HashSet, List.of...)");
    }
    boolean returns = body.findAll(ReturnStmt.class).stream().anyMatch(r -> ownStatement(r, lambda));
    if (returns) {
      return new NotEquivalent("its lambda returns early for an element (a return there ends one element's turn), "
          + "which optkit does not read as a loop");
    }
    if (body.getStatements().isEmpty() || body.getStatements().get(0).getBegin().get().line == body.getBegin().get().line
        || body.getEnd().get().line != statement.getEnd().get().line) {
      return new NotEquivalent("its lambda's body does not stand on lines of its own ('xs.forEach(x -> {' ... '});'), and "
          + "optkit moves whole lines");
    }
    int start = offsetOf(document, statement);
    int bodyStart = offsetOf(document, body);
    int bodyEnd = endOf(document, body);
    int end = endOf(document, statement);
    String between = document.text().substring(start, bodyStart);
    if (hasComment(between) || hasComment(document.text().substring(bodyEnd, end)) || !parameter.getAnnotations().isEmpty()) {
      return new NotEquivalent("a comment or an annotation stands in its forEach call around the lambda's body, which "
          + "the loop written anew would lose");
    }
    if (between.contains("\n") || !document.text().substring(bodyEnd, end).replaceAll("\\s", "").equals(");")) {
      return new NotEquivalent("its forEach call does not open and close on the lines of its body");
    }
    String modifiers = parameter.isFinal() ? "final " : "";
    List<TextEdit> edits = List.of(
        new TextEdit(start, bodyStart, "for (" + modifiers + elementType.get() + " " + parameter.getNameAsString() + " : "
            + collection + ") "),
        new TextEdit(bodyEnd, end, ""));
    return view(document, start, end, edits, collection + ".forEach(...) read as a loop over its elements");
  }

  /** A return of the lambda itself, not of a lambda, class or switch expression inside it. */
  static boolean ownStatement(Statement statement, LambdaExpr lambda) {
    for (Node at = statement.getParentNode().orElse(null); at != null; at = at.getParentNode().orElse(null)) {
      if (at == lambda) {
        return true;
      }
      if (at instanceof LambdaExpr || at instanceof ObjectCreationExpr
          || at instanceof com.github.javaparser.ast.body.TypeDeclaration<?>) {
        return false;
      }
    }
    return false;
  }

  // ---- the view --------------------------------------------------------------------------------

  private static Result view(SourceDocument document, int start, int end, List<TextEdit> edits, String read) {
    List<TextEdit> ordered = new ArrayList<>(edits);
    ordered.sort(Comparator.comparingInt(TextEdit::start));
    String text = document.apply(ordered);
    int viewEnd = end + ordered.stream().mapToInt(e -> e.replacement().length() - (e.end() - e.start())).sum();
    Optional<CompilationUnit> unit = LanguageLevels.parse(text);
    if (unit.isEmpty()) {
      return new NotEquivalent("read as a loop over its elements, the file would not parse");
    }
    SourceDocument viewDocument = SourceDocument.of(text);
    Optional<ForEachStmt> loop = unit.get().findAll(ForEachStmt.class).stream()
        .filter(l -> offsetOf(viewDocument, l) == start).findFirst();
    if (loop.isEmpty()) {
      return new NotEquivalent("read as a loop over its elements, the loop is not where it was");
    }
    return new View(viewDocument, unit.get(), loop.get(), start, end, viewEnd, read);
  }

  private static String marker(int length) {
    if (length == 0) {
      return "";
    }
    return MARK_OPEN + "~".repeat(Math.max(0, length - MARK_OPEN.length() - MARK_CLOSE.length())) + MARK_CLOSE;
  }

  /** The text with every marker (a comment of nothing but tildes) taken out. */
  static String unmarked(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (int open = text.indexOf(MARK_OPEN); open >= 0; open = text.indexOf(MARK_OPEN, open + 1)) {
      int fill = open + MARK_OPEN.length();
      while (fill < text.length() && text.charAt(fill) == '~') {
        fill++;
      }
      if (open >= at && text.startsWith(MARK_CLOSE, fill)) {
        out.append(text, at, open);
        at = fill + MARK_CLOSE.length();
      }
    }
    return out.append(text.substring(at)).toString();
  }

  /** The element type of a parameter or local declared outside the loop as a java.util list (or an array). */
  static Optional<String> elementType(CallableDeclaration<?> method, Node loop, String name, boolean array) {
    Optional<Type> declared = declaration(method, loop, name);
    if (declared.isEmpty()) {
      return Optional.empty();
    }
    Type type = declared.get();
    if (array) {
      boolean varargs = VisibleDeclaration.of(loop, name).filter(VisibleDeclaration::varArgs).isPresent();
      if (varargs) {
        return Optional.of(type.toString());
      }
      return type instanceof ArrayType arrayType ? Optional.of(arrayType.getComponentType().toString()) : Optional.empty();
    }
    if (!(type instanceof ClassOrInterfaceType classType) || classType.getTypeArguments().map(List::size).orElse(0) != 1) {
      return Optional.empty();
    }
    if (loop instanceof ForStmt && !LISTS.contains(classType.getNameAsString())) {
      return Optional.empty();
    }
    Type argument = classType.getTypeArguments().get().get(0);
    if (argument instanceof WildcardType wildcard) {
      return wildcard.getExtendedType().map(Type::toString);
    }
    return Optional.of(argument.toString());
  }

  /** Whether the name is a parameter or a local declared outside the loop (a field is judged by the rewrite). */
  private static boolean declaredCollection(CallableDeclaration<?> method, Node loop, String name) {
    return declaration(method, loop, name).filter(t -> t instanceof ClassOrInterfaceType).isPresent();
  }

  private static Optional<Type> declaration(CallableDeclaration<?> method, Node loop, String name) {
    return VisibleDeclaration.of(loop, name).map(VisibleDeclaration::type).filter(t -> !t.isVarType());
  }

  private static boolean isName(Expression expression, String name) {
    return expression instanceof NameExpr n && n.getNameAsString().equals(name);
  }

  static boolean hasComment(String text) {
    return text.contains("//") || text.contains("/*");
  }

  private static String trailingSpace(String text) {
    int end = text.length();
    while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(end);
  }

  static int offsetOf(SourceDocument document, Node node) {
    return document.offset(node.getBegin().get().line, node.getBegin().get().column);
  }

  static int endOf(SourceDocument document, Node node) {
    return document.offset(node.getEnd().get().line, node.getEnd().get().column) + 1;
  }
}
