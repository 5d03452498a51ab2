package dev.optkit.rewriters.caching.sharing;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.optkit.analyzers.facts.FileFacts;
import dev.optkit.analyzers.facts.HolderMade;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Whether an object made by {@code new T(..., value, ...)} holds nothing of that argument: every constructor of
 * that name and arity only reads getters of it into fields of immutable types ({@code this.productName =
 * productInfo.getProductName()}), or compares it with null. Such an object is a copy, not a holder, so what its
 * users do to it never reaches the value (trial 42's F4: Shopping-Store's {@code new ProductInOrder(productInfo, 1)}).
 * Anything else the constructor does with the parameter (keeps it, hands it on, calls a method whose answer is not
 * stored in such a field, captures it in a lambda) counts as keeping it; so does a constructor optkit cannot read.
 */
final class CopyingConstructors {
  private final ProjectIndex index;
  private final Function<IndexedMethod, Optional<CallableDeclaration<?>>> declarations;
  private final Predicate<String> immutable;
  private final Map<Decided, Boolean> decided = new HashMap<>();

  /** One question: a holder made in a file. */
  private record Decided(String path, HolderMade holder) {}

  CopyingConstructors(ProjectIndex index, Function<IndexedMethod, Optional<CallableDeclaration<?>>> declarations,
      Predicate<String> immutable) {
    this.index = index;
    this.declarations = declarations;
    this.immutable = immutable;
  }

  /**
   * Whether the hand-off, made in {@code in}, is of a holder made by a constructor call that keeps nothing of the
   * value.
   */
  boolean holdsNothing(IndexedMethod in, MethodFact.HandOff handOff) {
    return handOff.held() && handOff.keptBy() != null
        && decided.computeIfAbsent(new Decided(in.path(), handOff.keptBy()), key -> copiesOnly(in, handOff.keptBy()));
  }

  /**
   * The getters the holder's constructors call on the value, when it holds nothing of it ({@link #holdsNothing}):
   * what a copy reads of an entity, all it may touch of its associations (trial 88's {@code new ProductDto(product)}
   * reading {@code getId()} and {@code getName()}). Empty when it may hold something, or its constructors cannot be read.
   */
  Optional<java.util.Set<String>> gettersCopied(IndexedMethod in, MethodFact.HandOff handOff) {
    if (!holdsNothing(in, handOff)) {
      return Optional.empty();
    }
    HolderMade holder = handOff.keptBy();
    Optional<TypeFact> type = madeType(in, holder).flatMap(index::type);
    if (type.isEmpty()) {
      return Optional.empty();
    }
    int arguments = holder.arguments();
    int position = holder.position();
    java.util.Set<String> getters = new java.util.TreeSet<>();
    for (IndexedMethod constructor : index.methodsOfType(type.get().qualifiedName())) {
      if (!constructor.fact().isConstructor() || constructor.fact().params().size() != arguments) {
        continue;
      }
      Optional<CallableDeclaration<?>> declared = declarations.apply(constructor);
      if (declared.isEmpty() || !(declared.get() instanceof ConstructorDeclaration body)
          || position >= body.getParameters().size()) {
        return Optional.empty();
      }
      String name = body.getParameter(position).getNameAsString();
      body.getBody().findAll(MethodCallExpr.class).stream()
          .filter(call -> call.getScope().orElse(null) instanceof NameExpr scope && scope.getNameAsString().equals(name))
          .forEach(call -> getters.add(call.getNameAsString()));
    }
    return Optional.of(getters);
  }

  /**
   * Whether every constructor that call may run copies values out
   * of that argument. The class is the one the file's {@code new} names (its imports decide: a library class of the
   * same simple name is no project class), a plain class no Lombok annotation writes constructors for; any of its
   * constructors with varargs may be the one run, and refuses it (hostile review 44: F1 to F4).
   */
  private boolean copiesOnly(IndexedMethod in, HolderMade holder) {
    List<IndexedMethod> run = constructorsRun(in, holder);
    return !run.isEmpty() && run.stream().allMatch(c -> copiesOnly(c, holder.position()));
  }

  /**
   * The constructors the holder's {@code new} may run, all in the sources; empty when optkit cannot tell them (a
   * class of another of its name may be meant, Lombok writes constructors for it, one takes varargs).
   */
  List<IndexedMethod> constructorsRun(IndexedMethod in, HolderMade holder) {
    int arguments = holder.arguments();
    Optional<TypeFact> type = madeType(in, holder).flatMap(index::type);
    if (type.isEmpty() || !onlyOneOfItsName(type.get(), in) || !type.get().kind().equals("class")
        || type.get().annotations().stream()
        .map(a -> a.substring(a.lastIndexOf('.') + 1)).anyMatch(LOMBOK_CONSTRUCTORS::contains)) {
      return List.of();
    }
    List<IndexedMethod> constructors = index.methodsOfType(type.get().qualifiedName()).stream()
        .filter(m -> m.fact().isConstructor()).toList();
    if (constructors.stream().anyMatch(c -> !c.fact().params().isEmpty()
        && c.fact().params().get(c.fact().params().size() - 1).varArgs())) {
      return List.of();
    }
    return constructors.stream().filter(c -> c.fact().params().size() == arguments).toList();
  }

  /**
   * Whether the simple name the {@code new} uses can mean no other class: the project declares one type of that name
   * (a nested one, a member type inherited from a superclass or imported statically would be another: hostile review
   * 45's H1 to H3), and the class making it has no supertype outside the project but {@code Object}, whose member
   * types could be meant.
   */
  private boolean onlyOneOfItsName(TypeFact type, IndexedMethod in) {
    String simple = type.qualifiedName().substring(type.qualifiedName().lastIndexOf('.') + 1);
    if (index.typesNamed(simple).size() != 1) {
      return false;
    }
    String owner = in.fact().ownerType();
    for (String enclosing = owner; enclosing.contains("."); enclosing = enclosing.substring(0, enclosing.lastIndexOf('.'))) {
      if (index.type(enclosing).isPresent() && index.supertypesOf(enclosing).stream()
          .anyMatch(s -> !s.equals("java.lang.Object") && index.type(s).isEmpty())) {
        return false;
      }
    }
    return true;
  }

  /** The type the file's {@code new} at the holder's place names (its imports decide), no anonymous subclass. */
  private Optional<String> madeType(IndexedMethod in, HolderMade holder) {
    return index.files().stream().filter(file -> file.path().equals(in.path()))
        .flatMap(file -> file.creations().stream())
        .filter(c -> c.range().line() == holder.line() && c.range().column() == holder.column() && !c.anonymous())
        .map(FileFacts.Creation::type).findFirst();
  }

  /**
   * Lombok's annotations that write a constructor beside those the class declares, which may keep any argument;
   * {@code @Data}, {@code @Value} and {@code @Builder} write one only where the class declares none (then no declared
   * constructor is the one run, and the call is refused for that), {@code @NoArgsConstructor} one taking nothing
   * (Shopping-Store's {@code @Data @NoArgsConstructor ProductInOrder}: probe 44).
   */
  private static final java.util.Set<String> LOMBOK_CONSTRUCTORS = java.util.Set.of("AllArgsConstructor",
      "RequiredArgsConstructor", "SuperBuilder");

  private boolean copiesOnly(IndexedMethod constructor, int position) {
    Optional<TypeFact> owner = index.type(constructor.fact().ownerType());
    Optional<CallableDeclaration<?>> declared = declarations.apply(constructor);
    if (owner.isEmpty() || declared.isEmpty() || !(declared.get() instanceof ConstructorDeclaration body)
        || position < 0 || position >= body.getParameters().size()) {
      return false;
    }
    if (position < constructor.fact().params().size()) {
      dev.optkit.analyzers.facts.ParamFact parameter = constructor.fact().params().get(position);
      if (!parameter.varArgs() && !parameter.type().contains("[") && immutable.test(parameter.qualifiedType())) {
        // new SampleLocation(sample.getLatitude(), ...) into a float: what arrives is a value, never the argument
        return true;
      }
    }
    String name = body.getParameter(position).getNameAsString();
    return body.getBody().findAll(NameExpr.class).stream()
        .filter(use -> use.getNameAsString().equals(name))
        .allMatch(use -> !captured(use, body) && onlyRead(use, body, owner.get()));
  }

  /** A use inside a lambda, an anonymous or a local class: code that may run later, holding the parameter. */
  private static boolean captured(Node use, ConstructorDeclaration body) {
    for (Node at = use.getParentNode().orElse(null); at != null && at != body; at = at.getParentNode().orElse(null)) {
      if (at instanceof LambdaExpr || at instanceof TypeDeclaration<?>
          || at instanceof ObjectCreationExpr made && made.getAnonymousClassBody().isPresent()) {
        return true;
      }
    }
    return false;
  }

  /** {@code info == null}, or {@code this.name = info.getName()} into a field of an immutable type. */
  private boolean onlyRead(NameExpr use, ConstructorDeclaration body, TypeFact owner) {
    Node parent = use.getParentNode().orElse(null);
    if (parent instanceof BinaryExpr compared
        && (compared.getOperator() == BinaryExpr.Operator.EQUALS
            || compared.getOperator() == BinaryExpr.Operator.NOT_EQUALS)
        && (compared.getLeft() instanceof NullLiteralExpr || compared.getRight() instanceof NullLiteralExpr)) {
      return true;
    }
    if (!(parent instanceof MethodCallExpr getter) || getter.getScope().orElse(null) != use
        || !getter.getArguments().isEmpty()) {
      return false;
    }
    // the getter's answer, through parentheses and the arms of a conditional, is what is assigned
    Node value = getter;
    Node up = getter.getParentNode().orElse(null);
    while (up instanceof EnclosedExpr || up instanceof ConditionalExpr choice && choice.getCondition() != value) {
      value = up;
      up = up.getParentNode().orElse(null);
    }
    if (!(up instanceof AssignExpr assign) || assign.getOperator() != AssignExpr.Operator.ASSIGN
        || assign.getValue() != value) {
      return false;
    }
    String field = ownField(assign.getTarget(), body);
    return field != null && owner.fieldTypes().containsKey(field) && immutable.test(owner.fieldTypes().get(field));
  }

  /** {@code this.name}, or {@code name} where no parameter (a lambda's too) or local of the constructor is so named. */
  private static String ownField(Expression target, ConstructorDeclaration body) {
    if (target instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
      return access.getNameAsString();
    }
    if (target instanceof NameExpr named) {
      String name = named.getNameAsString();
      boolean shadowed = body.findAll(Parameter.class).stream().map(Parameter::getNameAsString).anyMatch(name::equals)
          || body.findAll(VariableDeclarator.class).stream().anyMatch(v -> v.getNameAsString().equals(name));
      return shadowed ? null : name;
    }
    return null;
  }
}
