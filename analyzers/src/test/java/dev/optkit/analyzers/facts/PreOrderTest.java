package dev.optkit.analyzers.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreOrderTest {
  @Test
  void visitsEveryNodeInTheOrderFindAllGivesAndTellsOwnCodeFromLocalClasses() {
    CompilationUnit unit = StaticJavaParser.parse("""
        class A {
          void f(java.util.List<String> l) {
            l.add("a");
            class Local { void g() { l.size(); } }
            Runnable r = () -> l.clear();
            new Object() { int h() { return l.indexOf("b"); } };
          }
        }
        """);
    List<Node> walked = new ArrayList<>();
    PreOrder.walk(unit, walked::add);
    assertEquals(unit.findAll(Node.class), walked);

    MethodDeclaration f = unit.findFirst(MethodDeclaration.class).orElseThrow();
    List<String> ownCalls = new ArrayList<>();
    List<String> otherCalls = new ArrayList<>();
    PreOrder.walkMarkingOwn(f.getBody().orElseThrow(), (node, own) -> {
      if (node instanceof MethodCallExpr call) {
        (own ? ownCalls : otherCalls).add(call.getNameAsString());
      }
    });
    assertEquals(List.of("add", "clear", "indexOf"), ownCalls, "lambdas and anonymous classes are the method's own");
    assertEquals(List.of("size"), otherCalls, "a local class's methods are its own");
  }

  @Test
  void aPrunedWalkLeavesOutWhatBelowTheNodesItRefuses() {
    CompilationUnit unit = StaticJavaParser.parse("class A { void f() { g(); } void h() { g(); } int x = g(); }");
    MethodDeclaration f = unit.findFirst(MethodDeclaration.class).orElseThrow();
    List<Node> walked = new ArrayList<>();
    PreOrder.walkPruned(unit, node -> {
      walked.add(node);
      return node != f.getBody().orElseThrow();
    });
    List<Node> expected = new ArrayList<>(unit.findAll(Node.class));
    expected.removeIf(node -> node != f.getBody().orElseThrow() && f.getBody().orElseThrow().isAncestorOf(node));
    assertEquals(expected, walked);
    assertEquals(2, walked.stream().filter(MethodCallExpr.class::isInstance).count(), "h's call and x's are walked");
  }

  @Test
  void aGeneratedExpressionThousandsDeepIsWalkedWithoutOverflow() {
    Expression sum = new IntegerLiteralExpr("0");
    for (int i = 0; i < 50_000; i++) {
      sum = new BinaryExpr(sum, new IntegerLiteralExpr("1"), BinaryExpr.Operator.PLUS);
    }
    int[] literals = {0};
    PreOrder.walk(sum, node -> literals[0] += node instanceof IntegerLiteralExpr ? 1 : 0);
    assertEquals(50_001, literals[0]);
  }
}
