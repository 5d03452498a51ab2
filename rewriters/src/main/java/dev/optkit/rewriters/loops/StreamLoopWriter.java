package dev.optkit.rewriters.loops;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import dev.optkit.analyzers.parse.LanguageLevels;
import dev.optkit.rewriters.edit.Imports;
import dev.optkit.rewriters.edit.SourceDocument;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a stream pipeline's statement anew as the loop it is ({@link StreamPipelineView}): the list or set it
 * fills, the for-each over the collection, the lambda's body or the reference's call as the loop's statement, and
 * the pieces copied from the original, recorded for {@link FactRanges}.
 */
final class StreamLoopWriter {
  private final SourceDocument document;
  private final CompilationUnit unit;
  private final CallableDeclaration<?> method;
  private final Statement statement;
  private final VariableDeclarator declared;
  private final Expression action;
  private final Expression predicate;
  private final boolean nonNullTest;
  private final Expression source;
  private final StreamPipelineView.Terminal terminal;
  private final StreamPipelineView.Collected collected;
  private final StreamPipelineView.Kept kept;
  private final String elementType;
  private final String resultType;
  private final StringBuilder text = new StringBuilder();
  private final List<FactRanges.Copied> copied = new ArrayList<>();
  private final List<FactRanges.Standing> standing = new ArrayList<>();
  private final Set<String> imports = new LinkedHashSet<>();
  private int from;

  StreamLoopWriter(SourceDocument document, CompilationUnit unit, CallableDeclaration<?> method, Statement statement,
      VariableDeclarator declared, Expression action, Expression predicate, boolean nonNullTest, Expression source,
      StreamPipelineView.Terminal terminal,
      StreamPipelineView.Collected collected, StreamPipelineView.Kept kept, String elementType, String resultType) {
    this.document = document;
    this.unit = unit;
    this.method = method;
    this.statement = statement;
    this.declared = declared;
    this.action = action;
    this.predicate = predicate;
    this.nonNullTest = nonNullTest;
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
    if (terminal != StreamPipelineView.Terminal.FOR_EACH) {
      String made = name(collected.made);
      filled = declared != null && terminal == StreamPipelineView.Terminal.COLLECTED ? declared.getNameAsString() : names.take("results");
      list = declared != null ? declared.getType().toString()
          : name("java.util." + collected.type) + "<" + resultType + ">";
      String modifiers = declared != null && terminal == StreamPipelineView.Terminal.COLLECTED ? modifiers() : "";
      text.append(modifiers).append(list).append(' ').append(filled).append(" = new ").append(made)
          .append("<>();").append(newline).append(indent);
    }
    // the stream evaluates a reference's receiver before the first element, the filter's before the map's: null
    // fails even with none (hostile review 52's N2); the loop reads it at each element
    for (Expression stage : nonNullTest ? List.of(action) : java.util.Arrays.asList(predicate, action)) {
      if (stage instanceof MethodReferenceExpr reference
          && !(reference.getScope() instanceof com.github.javaparser.ast.expr.ThisExpr)) {
        text.append(name("java.util.Objects")).append(".requireNonNull(").append(reference.getScope())
            .append("); // ").append(reference).append(" fails on a null ").append(reference.getScope())
            .append(" before the first element").append(newline).append(indent);
      }
    }
    int loopFrom = from + text.length();
    Parameter parameter = lambda != null ? lambda.getParameter(0)
        : predicate instanceof LambdaExpr tested ? tested.getParameter(0) : null;
    String element = parameter != null ? parameter.getNameAsString() : names.take(elementName());
    text.append("for (").append(parameter != null && parameter.isFinal() ? "final " : "").append(elementType)
        .append(' ').append(element).append(" : ");
    copy(source);
    text.append(") ");
    if (lambda != null && lambda.getBody() instanceof BlockStmt) {
      copyTurningReturnsToContinues(body, StreamPipelineView.ownReturns(lambda));
    } else {
      String inner = indent + document.indentUnit();
      text.append('{').append(newline).append(inner);
      if (predicate != null) {
        // the filter before the map: the element's call only for the elements it keeps
        text.append("if (");
        condition(element);
        text.append(") {").append(newline);
        inner += document.indentUnit();
        text.append(inner);
      }
      String value = null;
      if (kept == StreamPipelineView.Kept.NON_NULL) {
        value = names.take("mapped");
        text.append(resultType).append(' ').append(value).append(" = ");
      } else if (kept == StreamPipelineView.Kept.PRESENT) {
        value = names.take("found");
        text.append(name("java.util.Optional")).append("<? extends ").append(resultType).append("> ").append(value)
            .append(" = ");
      } else if (terminal != StreamPipelineView.Terminal.FOR_EACH) {
        text.append(filled).append(".add(");
      }
      if (action instanceof MethodReferenceExpr reference) {
        call(reference, element);
      } else {
        copy(body);
      }
      text.append(terminal == StreamPipelineView.Terminal.FOR_EACH || value != null ? ";" : ");");
      if (value != null) {
        // the stages after map() drop what the call answered empty: the loop adds the rest
        text.append(newline).append(inner).append("if (").append(value)
            .append(kept == StreamPipelineView.Kept.NON_NULL ? " != null" : ".isPresent()").append(") {").append(newline)
            .append(inner).append(document.indentUnit()).append(filled).append(".add(").append(value)
            .append(kept == StreamPipelineView.Kept.NON_NULL ? "" : ".get()").append(");").append(newline).append(inner).append('}');
      }
      if (predicate != null) {
        text.append(newline).append(indent).append(document.indentUnit()).append('}');
      }
      text.append(newline).append(indent).append('}');
    }
    int loopEnd = from + text.length();
    if (terminal == StreamPipelineView.Terminal.UNMODIFIABLE) {
      String unmodifiable = name("java.util.Collections") + ".unmodifiableList(" + filled + ")";
      text.append(newline).append(indent).append(declared != null
          ? modifiers() + list + " " + declared.getNameAsString() + " = " + unmodifiable + ";"
          : "return " + unmodifiable + ";");
    } else if (terminal == StreamPipelineView.Terminal.COLLECTED && declared == null) {
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

  /** The filter's test of the element: its lambda's expression as written, or the call its reference makes. */
  private void condition(String element) {
    if (predicate instanceof LambdaExpr tested) {
      copy(((ExpressionStmt) tested.getBody()).getExpression());
    } else if (nonNullTest) {
      text.append(element).append(" != null"); // java.util.Objects::nonNull
    } else {
      call((MethodReferenceExpr) predicate, element);
    }
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
    String singular = collection.length() > 3 && collection.endsWith("ies")
        ? collection.substring(0, collection.length() - 3) + "y"
        : collection.length() > 1 && collection.endsWith("s") && !collection.endsWith("ss")
        ? collection.substring(0, collection.length() - 1) : "element";
    // getCases(): case is a keyword (ccd-data-store-api's view did not parse)
    return ElementNames.isIdentifier(singular) ? singular
        : "each" + Character.toUpperCase(singular.charAt(0)) + singular.substring(1);
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
