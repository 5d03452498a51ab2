package dev.optkit.analyzers.facts.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import dev.optkit.analyzers.facts.Root;
import dev.optkit.analyzers.facts.Roots;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The object a method reference on a type ({@code Vet::getName}) runs on: an element of what it traverses. */
class MethodReferenceRootsTest {

  /** The receiver roots of each method reference in the method, in source order. */
  private static List<Roots> receivers(String method) {
    StaticJavaParser.getParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21);
    MethodDeclaration declaration = StaticJavaParser.parseBodyDeclaration(method).asMethodDeclaration();
    ValueRoots roots = ResultMutations.of(declaration.getBody().orElseThrow(),
        declaration.getParameters().stream().map(Parameter::getNameAsString).toList()).roots();
    return declaration.findAll(MethodReferenceExpr.class).stream().map(roots::ofReferenceReceiver).toList();
  }

  @Test
  void aReferenceOnATypeRunsOnTheElementsOfTheTraversalItIsHandedTo() {
    List<Roots> found = receivers("""
        List<String> names(List<Vet> given) {
            List<Vet> loaded = dao.findAll();
            List<String> a = loaded.stream().map(Vet::getName).toList();
            List<String> b = pinned.stream().map(Vet::getName).toList();
            List<Vet> c = given.stream().sorted(Comparator.comparing(Vet::getAge).thenComparing(Vet::getName)).toList();
            Map<Long, List<Vet>> d = loaded.stream().collect(Collectors.groupingBy(Vet::getDept));
            Comparator<Vet> e = Comparator.comparing(Vet::getName);
            return a;
        }
        """);
    // rows it loaded
    assertTrue(found.get(0).any().size() == 1 && found.get(0).any().get(0) instanceof Root.CallResult loaded
        && loaded.line() == 2 && loaded.name().equals("findAll"), found.get(0).toString());
    // the bean's own list
    assertTrue(found.get(1).any().size() == 1 && found.get(1).any().get(0) instanceof Root.CallResult own
        && own.name().equals("stream") && own.from().equals(List.of(Root.THIS)), found.get(1).toString());
    assertEquals(new Roots(List.of(new Root.Parameter(0))), found.get(2)); // through a comparator made for sorted()
    assertEquals(found.get(2), found.get(3)); // and one chained on it
    assertEquals(found.get(0), found.get(4)); // through a collector made for collect()
    assertEquals(Roots.UNKNOWN, found.get(5)); // a comparator kept for later: its elements cannot be told
  }
}
