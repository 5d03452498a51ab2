package dev.optkit.analyzers.facts.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FieldReceiversTest {
  private static final CompilationUnit UNIT = StaticJavaParser.parse("""
      class Service {
        Client client;
        void a() { client.send(1); client.send(2); this.client.send(3); }
        void b() { client.send(4); }
        void c() {
          new Base() { void run() { client.send(5); client.send(6); } };
          Object o = new Base(client.send(7)) {};
        }
        enum Mode {
          FAST(client.send(8)) { void go() { client.send(9); } };
          void go() { client.send(10); }
        }
      }
      """);

  /** The receiver of the call with this literal argument. */
  private static Expression receiverOf(String argument) {
    return UNIT.findFirst(MethodCallExpr.class, c -> c.getArguments().toString().equals("[" + argument + "]"))
        .orElseThrow().getScope().orElseThrow();
  }

  @Test
  void eachFieldIsSolvedOncePerClassBody() {
    List<String> asked = new ArrayList<>();
    ReceiverResolver counting = receiver -> {
      asked.add(receiver.findAncestor(MethodCallExpr.class).orElseThrow().getArgument(0).toString());
      return Optional.of(List.of("Client"));
    };
    FieldReceivers receivers = new FieldReceivers();
    for (int call = 1; call <= 10; call++) {
      Expression receiver = receiverOf(String.valueOf(call));
      String field = FieldReceivers.fieldName(receiver, name -> false);
      assertEquals(Optional.of(List.of("Client")), receivers.typeAndAncestors(receiver, field, counting));
    }
    // 2 and 4 take 1's answer (Service's), 6 takes 5's (the anonymous class's); 7 (an anonymous class's
    // argument) and 8 (an enum constant's) sit in no plain statement, so they are asked and not kept, and
    // 10, the first plain one in Mode, is asked
    assertEquals(List.of("1", "3", "5", "7", "8", "9", "10"), asked);
  }

  @Test
  void aNameTheMethodDeclaresIsNoField() {
    Expression receiver = receiverOf("1");
    assertNull(FieldReceivers.fieldName(receiver, Set.of("client")::contains));
    assertEquals("client", FieldReceivers.fieldName(receiver, Set.of("other")::contains));
    assertEquals("this.client", FieldReceivers.fieldName(receiverOf("3"), Set.of("client")::contains),
        "this.client is the field whatever the method declares");
    assertNull(FieldReceivers.fieldName(receiver.findAncestor(MethodCallExpr.class).orElseThrow(), n -> false),
        "a call is no field");
  }

  /**
   * The hostile review's cases: JavaParser's answer inside a switch depends on the switch (it types
   * the selector first, and takes an enum constant of the field's name), and a deep expression may
   * run it out of stack; such answers, and failures, are never shared.
   */
  @Test
  void answersFromSwitchesDeepExpressionsAndFailuresAreNeverShared() {
    CompilationUnit unit = StaticJavaParser.parse("""
        class A {
          RestTemplate rest;
          enum E { rest }
          void a(E e) { switch (e) { default: rest.delete(1); } }
          void b() { rest.delete(2); }
          void c() { rest.delete(3); }
          void d() { String s = "" + rest.delete(4) + "a"; }
          void e() { rest.delete(5); }
        }
        """);
    Map<String, Optional<List<String>>> solverSays = Map.of("1", Optional.of(List.of("A.E")), "2", Optional.empty(),
        "3", Optional.of(List.of("RestTemplate")), "4", Optional.empty());
    List<String> asked = new ArrayList<>();
    ReceiverResolver solver = receiver -> {
      String call = receiver.findAncestor(MethodCallExpr.class).orElseThrow().getArgument(0).toString();
      asked.add(call);
      return solverSays.get(call);
    };
    FieldReceivers receivers = new FieldReceivers();
    Map<String, Optional<List<String>>> answered = new java.util.TreeMap<>();
    for (MethodCallExpr call : unit.findAll(MethodCallExpr.class, c -> c.getNameAsString().equals("delete"))) {
      Expression receiver = call.getScope().orElseThrow();
      answered.put(call.getArgument(0).toString(), receivers.typeAndAncestors(receiver, "rest", solver));
    }
    assertEquals(List.of("1", "2", "3", "4"), asked, "only 5 takes an earlier answer");
    assertEquals(Optional.of(List.of("A.E")), answered.get("1"));
    assertEquals(Optional.empty(), answered.get("2"), "a failure is its own");
    assertEquals(Optional.of(List.of("RestTemplate")), answered.get("5"), "3's answer, from a plain statement");
  }
}
