package dev.optkit.rewriters.caching.sharing;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.rewriters.loops.TypeNamesInFile;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A record's method that reads a collection it keeps only through streams: {@code int itemCount() { return (int)
 * items.stream().filter(i -> i.title() != null).count(); }}, {@code tasks.stream().filter(TaskView::isCompleted)
 * .map(TaskView::timeEstimate).reduce(TimeEstimate.zero(), TimeEstimate::add)} (trial 81's F2). A stream never changes
 * the collection it streams, and elements nobody can change (immutable values, records of them) stay as they are
 * whatever its lambdas do with them. So the method only reads when every component it names whose value can change is
 * named only as the receiver of {@code stream()} and holds such elements, it names no bare {@code this} (which would
 * hand the record on) and changes nothing the extractor sees: {@code items.remove(i)} in a lambda names {@code items}
 * outside a stream's receiver, {@code items::add} and {@code Registry.keep(this)} too.
 */
final class RecordStreamReads {
  private static final Set<String> COLLECTIONS = Set.of("List", "Set", "Collection", "SortedSet", "NavigableSet");

  private final ProjectIndex index;
  private final ImmutableValues immutables;
  private final Function<IndexedMethod, Optional<CallableDeclaration<?>>> declarations;

  RecordStreamReads(ProjectIndex index, Function<IndexedMethod, Optional<CallableDeclaration<?>>> declarations) {
    this.index = index;
    this.immutables = new ImmutableValues(index);
    this.declarations = declarations;
  }

  /** Whether the record's method reads what the record keeps and no more, streams over its collections included. */
  boolean onlyReads(IndexedMethod method) {
    MethodFact fact = method.fact();
    if (!fact.parameterMutations().isEmpty()) {
      return false;
    }
    Optional<CallableDeclaration<?>> declaration = declarations.apply(method);
    Optional<RecordDeclaration> record = declaration.flatMap(d -> d.getParentNode())
        .filter(RecordDeclaration.class::isInstance).map(RecordDeclaration.class::cast);
    Optional<TypeFact> type = index.type(method.fact().ownerType());
    CompilationUnit file = record.flatMap(r -> r.findCompilationUnit()).orElse(null);
    if (file == null || type.isEmpty()) {
      return false;
    }
    CallableDeclaration<?> body = declaration.get();
    if (!fact.resultMutations().stream().allMatch(change -> valueMethodReference(change, body, file))) {
      return false;
    }
    Set<String> hidden = new HashSet<>();
    body.getParameters().forEach(p -> hidden.add(p.getNameAsString()));
    body.findAll(VariableDeclarator.class).forEach(v -> hidden.add(v.getNameAsString()));
    body.findAll(LambdaExpr.class).forEach(l -> l.getParameters().forEach(p -> hidden.add(p.getNameAsString())));
    if (body.findAll(ThisExpr.class).stream().anyMatch(self -> !(self.getParentNode().orElse(null)
        instanceof FieldAccessExpr) && !(self.getParentNode().orElse(null) instanceof MethodCallExpr call
            && call.getScope().filter(self::equals).isPresent()))) {
      return false; // Registry.keep(this), this::rename: the record handed on
    }
    for (Parameter component : record.get().getParameters()) {
      String name = component.getNameAsString();
      if (changeless(component, type.get())) {
        continue;
      }
      if (hidden.contains(name)) {
        return false; // a local of the component's name: which uses are the component's is not worth telling
      }
      boolean streamable = elementType(component, file).filter(immutables::immutable).isPresent();
      for (Expression use : usesOf(body, name)) {
        if (!streamable || !(use.getParentNode().orElse(null) instanceof MethodCallExpr stream)
            || !stream.getScope().filter(use::equals).isPresent() || !stream.getArguments().isEmpty()
            || !(stream.getNameAsString().equals("stream") || stream.getNameAsString().equals("parallelStream"))) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * {@code reduce(TimeEstimate.zero(), TimeEstimate::add)}: a change the extractor supposes of a method reference's
   * name, where every reference of that name is on an immutable value type, whose methods change nothing of theirs.
   */
  private boolean valueMethodReference(MethodFact.ResultMutation change, CallableDeclaration<?> body,
      CompilationUnit file) {
    if (!change.how().startsWith("::")) {
      return false;
    }
    List<MethodReferenceExpr> references = body.findAll(MethodReferenceExpr.class).stream()
        .filter(reference -> reference.getIdentifier().equals(change.how().substring(2))).toList();
    return !references.isEmpty() && references.stream().allMatch(reference -> reference.getScope()
        instanceof com.github.javaparser.ast.expr.TypeExpr value && value.getType() instanceof ClassOrInterfaceType named
        && named.getTypeArguments().isEmpty() && !named.getNameWithScope().contains(".")
        && TypeNamesInFile.qualified(file, named.getNameAsString(), index).filter(immutables::immutable).isPresent());
  }

  /** A component nobody can change: a primitive, or a class type without arguments that is an immutable value. */
  private boolean changeless(Parameter component, TypeFact record) {
    if (component.getType().isPrimitiveType()) {
      return true;
    }
    return component.getType() instanceof ClassOrInterfaceType written && written.getTypeArguments().isEmpty()
        && immutables.immutable(record.fieldTypes().getOrDefault(component.getNameAsString(), "?"));
  }

  /** {@code items}, {@code this.items}, {@code items()}: where the method names the component, as an expression. */
  private static List<Expression> usesOf(CallableDeclaration<?> body, String component) {
    List<Expression> uses = new java.util.ArrayList<>();
    body.findAll(NameExpr.class).stream().filter(name -> name.getNameAsString().equals(component)).forEach(uses::add);
    body.findAll(FieldAccessExpr.class).stream().filter(field -> field.getNameAsString().equals(component)
        && field.getScope() instanceof ThisExpr).forEach(uses::add);
    body.findAll(MethodCallExpr.class).stream().filter(call -> call.getNameAsString().equals(component)
        && call.getArguments().isEmpty() && call.getScope().map(ThisExpr.class::isInstance).orElse(true))
        .forEach(uses::add);
    body.findAll(MethodReferenceExpr.class).stream().filter(reference -> reference.getIdentifier().equals(component)
        && reference.getScope() instanceof ThisExpr).forEach(uses::add);
    return uses;
  }

  /** E of a component declared {@code List<E>}, qualified as the record's file means it; empty for anything else. */
  private Optional<String> elementType(Parameter component, CompilationUnit file) {
    if (!(component.getType() instanceof ClassOrInterfaceType collection)
        || !COLLECTIONS.contains(collection.getNameAsString()) || collection.getScope().isPresent()
        || !index.typesNamed(collection.getNameAsString()).isEmpty()
        || collection.getTypeArguments().map(List::size).orElse(0) != 1
        || !(collection.getTypeArguments().get().get(0) instanceof ClassOrInterfaceType element)
        || element.getTypeArguments().isPresent()) {
      return Optional.empty();
    }
    String written = element.getNameWithScope();
    if (written.contains(".")) {
      return Optional.of(written);
    }
    return TypeNamesInFile.qualified(file, written, index);
  }
}
