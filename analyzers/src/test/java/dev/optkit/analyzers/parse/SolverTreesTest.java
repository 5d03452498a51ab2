package dev.optkit.analyzers.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.symbolsolver.JavaSymbolSolver;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;
import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The solver's trees keep no tokens and no positions, and names from other files still resolve through them. */
class SolverTreesTest {
  private static final String REPOSITORY = """
      package shop;
      import java.util.List;
      public class Repository extends Base implements Lookup {
        static final java.util.Map<String, String> NAMES = new java.util.HashMap<>();
        static { NAMES.put("a", "b"); }
        { count = 1; }
        private int count;
        public Repository() { super(); count = 2; }
        public List<String> names() { class Local {} return List.of(new Local().toString()); }
        public Item first() { return new Item() { public String label() { return "anonymous"; } }; }
        public abstract static class Item { public String label() { return "item"; } abstract int weight(); }
        enum Kind { PLAIN { int rank() { return 1; } }; int rank() { return 0; } }
        record Point(int x) { Point { if (x < 0) throw new IllegalArgumentException(); } }
      }
      class Base { protected java.time.Instant created() { return java.time.Instant.now(); } }
      interface Lookup { default Long id() { return 1L; } Object raw(); }
      """;

  @Test
  void theSolversTreesKeepNoPositions() {
    CompilationUnit unit = new JavaParser(ParsingWorker.solverConfiguration()).parse(REPOSITORY).getResult().orElseThrow();
    assertFalse(unit.getRange().isPresent(), "no positions: " + unit.getRange());
    assertFalse(unit.getTokenRange().isPresent(), "no tokens");
    assertTrue(unit.findFirst(ReturnStmt.class).isPresent(), "bodies are kept");
  }

  @Test
  void callsOnProjectTypesResolveThroughTreesWithoutPositions(@TempDir Path project) throws Exception {
    Path repository = Files.createDirectories(project.resolve("shop")).resolve("Repository.java");
    Files.writeString(repository, REPOSITORY);
    CombinedTypeSolver solver = new CombinedTypeSolver();
    solver.add(new ReflectionTypeSolver(true), false);
    ProjectTypeSolver projectTypes = new ProjectTypeSolver(Map.of("shop.Repository", repository, "shop.Base", repository,
        "shop.Lookup", repository), new JavaParser(ParsingWorker.solverConfiguration()), 1);
    solver.add(projectTypes, false);
    ParserConfiguration reading = new ParserConfiguration().setLanguageLevel(LanguageLevels.newest());
    reading.setSymbolResolver(new JavaSymbolSolver(solver));
    CompilationUnit user = new JavaParser(reading).parse("""
        package web;
        import shop.Repository;
        class Page {
          Object show(Repository repository) {
            return java.util.List.of(repository.names(), repository.first().label(), repository.first().weight(),
                repository.created(), repository.id(), repository.raw(), Repository.Kind.PLAIN.rank());
          }
        }
        """).getResult().orElseThrow();
    Map<String, String> expected = Map.of("names", "java.util.List<java.lang.String>", "label", "java.lang.String",
        "weight", "int", "created", "java.time.Instant", "id", "java.lang.Long", "raw", "java.lang.Object",
        "rank", "int");
    for (Map.Entry<String, String> call : expected.entrySet()) {
      MethodCallExpr expression = user.findFirst(MethodCallExpr.class, c -> c.getNameAsString().equals(call.getKey()))
          .orElseThrow();
      assertEquals(call.getValue(), JavaParserFacade.get(solver).getType(expression).describe(), call.getKey());
    }
  }

  /**
   * JavaParser compares class declarations by their trees: two same-named classes of different
   * packages that differ only in their method bodies must stay two types, so overloads taking one
   * never accept the other (with emptied bodies they did, and a call was read as another's).
   */
  @Test
  void sameNamedClassesThatDifferOnlyInBodiesStayApart(@TempDir Path project) throws Exception {
    Path first = Files.createDirectories(project.resolve("v1")).resolve("Client.java");
    Files.writeString(first, "package v1; public class Client { int id() { return 1; } }");
    Path second = Files.createDirectories(project.resolve("v2")).resolve("Client.java");
    Files.writeString(second, "package v2; public class Client { int id() { return 2; } }");
    CombinedTypeSolver solver = new CombinedTypeSolver();
    solver.add(new ReflectionTypeSolver(true), false);
    solver.add(new ProjectTypeSolver(Map.of("v1.Client", first, "v2.Client", second),
        new JavaParser(ParsingWorker.solverConfiguration()), 4), false);
    ParserConfiguration reading = new ParserConfiguration().setLanguageLevel(LanguageLevels.newest());
    reading.setSymbolResolver(new JavaSymbolSolver(solver));
    CompilationUnit user = new JavaParser(reading).parse("""
        package p;
        class Use {
          static class Fake {}
          java.util.List<String> pick(v1.Client c) { return null; }
          Fake pick(Object o) { return new Fake(); }
          Object a(v2.Client c) { return pick(c); }
        }
        """).getResult().orElseThrow();
    MethodCallExpr pick = user.findFirst(MethodCallExpr.class).orElseThrow();
    assertEquals("p.Use.Fake", JavaParserFacade.get(solver).getType(pick).describe());
  }
}
