package dev.optkit.analyzers.facts.sites;

import dev.optkit.analyzers.facts.Subtrees;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import java.util.Optional;
import java.util.Set;

/**
 * A call made on a Mockito mock talks to nothing: {@code when(repository.save(any()))} stubs, {@code
 * verify(repository).save(user)} checks, and a call on a {@code @Mock} field runs no code of the class
 * it mocks. Such a call is no I/O site, so a unit test stubbing a save is no writer of a table. Only
 * in a file that imports Mockito; spies ({@code @Spy}, {@code @SpyBean}, {@code spy(...)}) run the real
 * methods and stay sites.
 */
public final class MockedReceivers {
  /** Field annotations that make a mock (Mockito's, Spring Boot's, Spring Framework 6.2's). */
  private static final Set<String> MOCK_ANNOTATIONS = Set.of("Mock", "MockBean", "MockitoBean");
  /** Calls whose answer stands for a mock in verification or stubbing: verify(m).save(), then(m).should().save(). */
  private static final Set<String> VERIFYING = Set.of("verify", "should", "when", "doReturn", "doThrow", "doNothing",
      "doAnswer");

  private MockedReceivers() {}

  /** Whether the receiver of a call is a Mockito mock, or Mockito's stand-in for one. */
  public static boolean isMock(Expression receiver, CallableDeclaration<?> within) {
    if (!importsMockito(receiver)) {
      return false;
    }
    if (receiver instanceof MethodCallExpr made) {
      return VERIFYING.contains(made.getNameAsString());
    }
    String name = receiver instanceof NameExpr named ? named.getNameAsString()
        : receiver instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr ? access.getNameAsString()
        : null;
    if (name == null) {
      return false;
    }
    if (receiver instanceof NameExpr && within != null) {
      Optional<VariableDeclarator> local = Subtrees.all(within, VariableDeclarator.class).stream()
          .filter(v -> v.getNameAsString().equals(name)).findFirst();
      if (local.isPresent()) {
        return local.get().getInitializer().map(MockedReceivers::makesMock).orElse(false);
      }
      if (within.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(name))) {
        return false;
      }
    }
    for (Node at = receiver.getParentNode().orElse(null); at != null; at = at.getParentNode().orElse(null)) {
      if (at instanceof TypeDeclaration<?> type) {
        for (FieldDeclaration field : type.getFields()) {
          for (VariableDeclarator variable : field.getVariables()) {
            if (variable.getNameAsString().equals(name)) {
              return field.getAnnotations().stream().anyMatch(a -> MOCK_ANNOTATIONS.contains(a.getName().getIdentifier()))
                  || variable.getInitializer().map(MockedReceivers::makesMock).orElse(false);
            }
          }
        }
        return false; // the nearest class's fields only: an outer class's field of that name is another matter
      }
    }
    return false;
  }

  /** {@code mock(UserRepository.class)} or {@code Mockito.mock(...)}. */
  private static boolean makesMock(Expression value) {
    return value instanceof MethodCallExpr call && call.getNameAsString().equals("mock")
        && call.getScope().map(scope -> scope.toString().equals("Mockito")).orElse(true);
  }

  private static boolean importsMockito(Node node) {
    return node.findCompilationUnit().map(unit -> Subtrees.answer(unit, IMPORTS_MOCKITO)).orElse(false);
  }

  /** Asked for every call's receiver: read once per file while its facts are extracted. */
  private static final java.util.function.Function<CompilationUnit, Boolean> IMPORTS_MOCKITO = unit ->
      unit.getImports().stream().anyMatch(i -> i.getNameAsString().startsWith("org.mockito"));
}
