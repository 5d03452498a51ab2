package dev.optkit.analyzers.facts.values;

import dev.optkit.analyzers.facts.Subtrees;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The methods a type's field initialisers, initialiser blocks and enum constants name: called there, or held as code
 * ({@code Map<String, BiConsumer<Long, String>> ops = Map.of("rename", this::rename)}, {@code Renamer renamer =
 * this::rename}, a lambda or an anonymous class). None of these is a method, so the call graph shows no caller for
 * them: whatever runs the held code later runs the named method without a call site, on the object itself where it is
 * {@code this}, past a Spring proxy (hostile review 35's c1 and c2). Names only, whatever the receiver: a name is
 * enough to say "may be called unseen", and few writers share a name with what an initialiser calls. {@link #THIS}
 * where such code hands {@code this} on ({@code new Job(this)}), or any method stores it ({@code Registry.writer =
 * this}): whoever holds it then runs any method on the object itself.
 */
public final class FieldCodeCalls {
  private FieldCodeCalls() {}

  public static List<String> of(TypeDeclaration<?> type) {
    List<Node> code = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>();
    for (BodyDeclaration<?> member : type.getMembers()) {
      if (member instanceof FieldDeclaration field) {
        field.getVariables().forEach(variable -> variable.getInitializer().ifPresent(code::add));
      } else if (member instanceof InitializerDeclaration block) {
        code.add(block.getBody());
      } else if (member instanceof com.github.javaparser.ast.body.CompactConstructorDeclaration compact) {
        code.add(compact.getBody()); // a record's compact constructor is no method the facts hold (review 37's k2)
        if (!CompactChecks.onlyChecks(compact)) {
          names.add(COMPACT); // one that only checks what it is given runs no code on it (trial 81's F1)
        }
      }
    }
    if (type instanceof EnumDeclaration enumeration) {
      for (EnumConstantDeclaration constant : enumeration.getEntries()) {
        code.addAll(constant.getArguments());
        code.addAll(constant.getClassBody());
      }
    }
    for (Node node : code) {
      Subtrees.all(node, MethodCallExpr.class).forEach(call -> names.add(call.getNameAsString()));
      Subtrees.all(node, MethodReferenceExpr.class).stream().map(MethodReferenceExpr::getIdentifier)
          .filter(name -> !name.equals("new")).forEach(names::add);
      if (Subtrees.all(node, ThisExpr.class).stream().anyMatch(FieldCodeCalls::handedOn)) {
        names.add(THIS); // new Job(this), Helper.bind(this), (id, n) -> Helper.run(this, id, n): hostile review 36's f5-f12
      }
    }
    // a method or constructor keeping this where no call shows (Registry.writer = this in @PostConstruct: f3b, f3c)
    for (BodyDeclaration<?> member : type.getMembers()) {
      if (member instanceof com.github.javaparser.ast.body.CallableDeclaration<?> callable
          && Subtrees.all(callable, ThisExpr.class).stream().anyMatch(FieldCodeCalls::stored)) {
        names.add(THIS);
      }
    }
    return List.copyOf(names);
  }

  /** In the list: the record has a compact constructor, whose code runs on what it is given. */
  public static final String COMPACT = "<compact>";

  /** In the list: the type hands {@code this} on from code no method call shows, or keeps it where others reach it. */
  public static final String THIS = "this";

  /** {@code this} as a value: not the scope of a field access, a call or a method reference, nor compared or locked. */
  private static boolean handedOn(ThisExpr self) {
    Node parent = self.getParentNode().orElse(null);
    return !(parent instanceof com.github.javaparser.ast.expr.FieldAccessExpr access && access.getScope() == self
        || parent instanceof MethodCallExpr call && call.getScope().orElse(null) == self
        || parent instanceof MethodReferenceExpr
        || parent instanceof com.github.javaparser.ast.expr.BinaryExpr
        || parent instanceof com.github.javaparser.ast.stmt.SynchronizedStmt);
  }

  /** {@code this} assigned, declared into a variable, put in an array or chosen by a condition. */
  private static boolean stored(ThisExpr self) {
    Node at = self;
    Node parent = self.getParentNode().orElse(null);
    while (parent instanceof com.github.javaparser.ast.expr.EnclosedExpr || parent instanceof com.github.javaparser.ast.expr.CastExpr
        || parent instanceof com.github.javaparser.ast.expr.ConditionalExpr) {
      at = parent;
      parent = parent.getParentNode().orElse(null);
    }
    final Node value = at;
    // () -> this, or a lambda's return this: whoever holds the lambda gets the object (hostile review 37's f2)
    boolean fromLambda = parent instanceof com.github.javaparser.ast.stmt.ExpressionStmt statement
        && statement.getParentNode().orElse(null) instanceof com.github.javaparser.ast.expr.LambdaExpr
        || parent instanceof com.github.javaparser.ast.stmt.ReturnStmt
            && value.findAncestor(com.github.javaparser.ast.expr.LambdaExpr.class).isPresent();
    return fromLambda || parent instanceof com.github.javaparser.ast.expr.AssignExpr assign && assign.getValue() == value
        || parent instanceof com.github.javaparser.ast.body.VariableDeclarator
        || parent instanceof com.github.javaparser.ast.expr.ArrayInitializerExpr;
  }
}
