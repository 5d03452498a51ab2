package dev.optkit.analyzers.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.symbolsolver.JavaSymbolSolver;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;
import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeclarationsOnlyTest {
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
  void bodiesAreEmptiedAndSignaturesKept() {
    CompilationUnit unit = DeclarationsOnly.strip(new JavaParser(ParsingWorker.solverConfiguration())
        .parse(REPOSITORY).getResult().orElseThrow());
    for (Statement statement : unit.findAll(Statement.class)) {
      assertTrue(statement instanceof BlockStmt block && block.isEmpty(), "left in a body: " + statement);
    }
    assertEquals(11, unit.findAll(BlockStmt.class).size(), "every body is still there, empty: " + unit);
    MethodDeclaration weight = unit.findFirst(MethodDeclaration.class, m -> m.getNameAsString().equals("weight"))
        .orElseThrow();
    assertTrue(weight.getBody().isEmpty(), "an abstract method gets no body");
    MethodDeclaration raw = unit.findFirst(MethodDeclaration.class, m -> m.getNameAsString().equals("raw")).orElseThrow();
    assertTrue(raw.getBody().isEmpty(), "an interface's abstract method gets no body");
    assertTrue(unit.toString().contains("static final java.util.Map<String, String> NAMES = new java.util.HashMap<>()"),
        "field initializers are kept: " + unit);
    assertFalse(unit.getRange().isPresent(), "the solver's trees keep no positions: " + unit.getRange());
  }

  @Test
  void callsOnProjectTypesResolveThroughStrippedTrees(@TempDir Path project) throws Exception {
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
}
