package dev.optkit.analyzers.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.resolution.TypeSolver;
import com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.model.SymbolReference;
import dev.optkit.analyzers.bytecode.LibraryBytecodeIoTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dependency classes resolution reads: the class path's order, nested names, and jars opened only when asked. */
class JarClassesTest {
  @TempDir Path temp;

  private Path jar(String name, String source) throws Exception {
    Files.createDirectories(temp);
    return LibraryBytecodeIoTest.libraryJar(temp.resolve(name), Map.of("com/acme/Clock.java", source));
  }

  private static Set<String> methodsOf(SymbolReference<ResolvedReferenceTypeDeclaration> solved) {
    assertTrue(solved.isSolved());
    return solved.getCorrespondingDeclaration().getDeclaredMethods().stream()
        .map(ResolvedMethodDeclaration::getName).collect(Collectors.toSet());
  }

  @Test
  void theFirstJarOnTheClassPathAnswersForAClassTwoJarsHold() throws Exception {
    Path one = jar("one.jar", "package com.acme; public class Clock { public int first() { return 1; } }");
    Path two = jar("two.jar", "package com.acme; public class Clock { public int second() { return 2; } }");
    assertEquals(Set.of("first"), methodsOf(ParsingWorker.typeSolver(Map.of(), List.of(one, two))
        .tryToSolveType("com.acme.Clock")));
    assertEquals(Set.of("second"), methodsOf(ParsingWorker.typeSolver(Map.of(), List.of(two, one))
        .tryToSolveType("com.acme.Clock")));
  }

  @Test
  void aNestedClassIsSolvedByItsDottedName() throws Exception {
    Path jar = jar("nested.jar", "package com.acme; public class Clock { public static class Tick { public void tock() {} } }");
    assertEquals(Set.of("tock"), methodsOf(ParsingWorker.typeSolver(Map.of(), List.of(jar))
        .tryToSolveType("com.acme.Clock.Tick")));
    assertFalse(ParsingWorker.typeSolver(Map.of(), List.of(jar)).tryToSolveType("com.acme.Clock$Tick").isSolved());
  }

  @Test
  void onlyTheJarsAClassIsAskedOfAreOpened() throws Exception {
    Path clock = jar("clock.jar", "package com.acme; public class Clock { public int now() { return 0; } }");
    Path other = LibraryBytecodeIoTest.libraryJar(temp.resolve("other.jar"),
        Map.of("com/other/Unused.java", "package com.other; public class Unused {}"));
    JarClasses classes = JarClasses.of(List.of(other, clock));
    JarClasses.Solver solver = (JarClasses.Solver) classes.solver();
    assertFalse(solver.tryToSolveType("com.acme.Missing").isSolved());
    assertEquals(0, solver.openedJars());
    assertEquals(Set.of("now"), methodsOf(solver.tryToSolveType("com.acme.Clock")));
    assertEquals(1, solver.openedJars());
  }

  @Test
  void anUnreadableJarResolvesNothingAndHidesNoOtherJar() throws Exception {
    Path garbage = Files.write(temp.resolve("garbage.jar"), new byte[] {'n', 'o', 't', ' ', 'a', ' ', 'z', 'i', 'p'});
    Path missing = temp.resolve("missing.jar");
    Path clock = jar("clock.jar", "package com.acme; public class Clock { public int now() { return 0; } }");
    TypeSolver solver = ParsingWorker.typeSolver(Map.of(), List.of(garbage, missing, clock));
    assertEquals(Set.of("now"), methodsOf(solver.tryToSolveType("com.acme.Clock")));
  }
}
