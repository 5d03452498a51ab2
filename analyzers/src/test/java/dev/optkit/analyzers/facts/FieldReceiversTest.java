package dev.optkit.analyzers.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.ArrayList;
import java.util.List;
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
    // 1 for Service (its enum constant's argument, 8, is in the enum: Mode's own body, 10, shares it),
    // 3 for this.client, 5 for the anonymous class (its constructor argument, 7, is Service's), 9 for the
    // enum constant's body, 8 for Mode
    assertEquals(List.of("1", "3", "5", "8", "9"), asked);
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
}
