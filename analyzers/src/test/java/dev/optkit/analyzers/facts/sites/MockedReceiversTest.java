package dev.optkit.analyzers.facts.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.List;
import org.junit.jupiter.api.Test;

class MockedReceiversTest {
  private static final String TEST = """
      import static org.mockito.Mockito.*;

      import org.mockito.Mock;
      import org.mockito.Spy;

      class UserServiceTest {
          @Mock
          UserRepository mocked;
          @Spy
          UserRepository spied;
          @org.springframework.beans.factory.annotation.Autowired
          UserRepository real;
          UserRepository made = mock(UserRepository.class);

          void test(UserRepository given) {
              when(mocked.save(any())).thenReturn(null);
              verify(real).save(null);
              spied.save(null);
              real.save(null);
              made.save(null);
              given.save(null);
              UserRepository local = mock(UserRepository.class);
              local.save(null);
          }
      }
      """;

  /** For each save() in the test, in order, whether its receiver is taken for a mock. */
  private static List<Boolean> mocked(String source) {
    CompilationUnit unit = StaticJavaParser.parse(source);
    CallableDeclaration<?> test = unit.findFirst(CallableDeclaration.class, c -> c.getNameAsString().equals("test"))
        .orElseThrow();
    return test.findAll(MethodCallExpr.class, call -> call.getNameAsString().equals("save")).stream()
        .map(call -> MockedReceivers.isMock(call.getScope().orElseThrow(), test)).toList();
  }

  @Test
  void callsOnMocksAndMockitosStandInsAreTold() {
    // mocked (@Mock), verify(real), spied (@Spy: real methods), real, made (mock(...)), a parameter, a local mock
    assertEquals(List.of(true, true, false, false, true, false, true), mocked(TEST));
  }

  @Test
  void withoutMockitoNothingIsAMock() {
    // a project's own annotation or method named like Mockito's means nothing without Mockito imported
    assertEquals(List.of(false, false, false, false, false, false, false),
        mocked(TEST.replace("import static org.mockito.Mockito.*;", "import static shop.Fakes.*;")
            .replace("import org.mockito.Mock;", "import shop.Mock;").replace("import org.mockito.Spy;", "import shop.Spy;")));
  }
}
