package dev.optkit.analyzers.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The methods a type's field initialisers, initialiser blocks and enum constants name: called there, or held as code
 * ({@code Map<String, BiConsumer<Long, String>> ops = Map.of("rename", this::rename)}, {@code Renamer renamer =
 * this::rename}, a lambda or an anonymous class). None of these is a method, so the call graph shows no caller for
 * them: whatever runs the held code later runs the named method without a call site, on the object itself where it is
 * {@code this}, past a Spring proxy (hostile review 35's c1 and c2). Names only, whatever the receiver: a name is
 * enough to say "may be called unseen", and few writers share a name with what an initialiser calls.
 */
final class FieldCodeCalls {
  private FieldCodeCalls() {}

  static List<String> of(TypeDeclaration<?> type) {
    List<Node> code = new ArrayList<>();
    for (BodyDeclaration<?> member : type.getMembers()) {
      if (member instanceof FieldDeclaration field) {
        field.getVariables().forEach(variable -> variable.getInitializer().ifPresent(code::add));
      } else if (member instanceof InitializerDeclaration block) {
        code.add(block.getBody());
      }
    }
    if (type instanceof EnumDeclaration enumeration) {
      for (EnumConstantDeclaration constant : enumeration.getEntries()) {
        code.addAll(constant.getArguments());
        code.addAll(constant.getClassBody());
      }
    }
    TreeSet<String> names = new TreeSet<>();
    for (Node node : code) {
      node.findAll(MethodCallExpr.class).forEach(call -> names.add(call.getNameAsString()));
      node.findAll(MethodReferenceExpr.class).stream().map(MethodReferenceExpr::getIdentifier)
          .filter(name -> !name.equals("new")).forEach(names::add);
    }
    return List.copyOf(names);
  }
}
