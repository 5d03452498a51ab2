package dev.optkit.analyzers.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.catalog.ClientCatalog;
import dev.optkit.analyzers.facts.ParseProblem;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library I/O summaries' time budgets (the whole computation's 120 s, a jar's 60 s), kept on a test's clock, so
 * what a spent budget leaves out is checked however fast the machine is (issue 67: nothing tested them, and a loaded
 * machine could have spent them in any test that read a large jar).
 */
class LibraryTimeBudgetTest {
  private static final LongSupplier STANDS_STILL = () -> 0L;
  private static final long SPENT = TimeUnit.MINUTES.toNanos(10);

  @TempDir Path temp;

  @Test
  void aClockThatStandsStillReadsEveryJarHoweverLongItTakes() throws Exception {
    Path jar = LibraryBytecodeIoTest.libraryJar(temp.resolve("acme-1.0.jar"), LibraryBytecodeIoTest.WIRE);
    LibraryIo io = LibraryIo.of(List.of(jar), List.of(jar), ClientCatalog.bundled(), null, STANDS_STILL);
    assertEquals(List.of(), io.warnings());
    assertEquals("new java.net.Socket", io.reached("com.acme.wire.Wire", "fetch", 1).orElseThrow().basis());
  }

  @Test
  void jarsLeftWhenTheWholeBudgetIsSpentAreNamedAndNotRead() throws Exception {
    Path first = LibraryBytecodeIoTest.libraryJar(temp.resolve("acme-1.0.jar"), LibraryBytecodeIoTest.WIRE);
    Path second = LibraryBytecodeIoTest.libraryJar(temp.resolve("acme-2.0.jar"), LibraryBytecodeIoTest.WIRE);
    // the start, then past the budget at the first jar
    LongSupplier spentAtOnce = after(1);
    LibraryIo io = LibraryIo.of(List.of(first, second), List.of(first, second), ClientCatalog.bundled(), null,
        spentAtOnce);
    assertEquals(List.of("acme-1.0.jar: library bytecode: not read: library I/O summaries ran over their time budget",
        "acme-2.0.jar: library bytecode: not read: library I/O summaries ran over their time budget"), shown(io.warnings()));
    assertTrue(io.reached("com.acme.wire.Wire", "fetch", 1).isEmpty());
  }

  @Test
  void aGraphPastTheBudgetIsIncompleteAndSaysSo() throws Exception {
    Path jar = LibraryBytecodeIoTest.libraryJar(temp.resolve("acme-1.0.jar"), LibraryBytecodeIoTest.WIRE);
    Path cache = temp.resolve("cache");
    LibraryIo.of(List.of(jar), List.of(jar), ClientCatalog.bundled(), cache, STANDS_STILL);
    // the class path's kept graph gone, which would answer without computing the reach
    try (java.util.stream.Stream<Path> kept = java.nio.file.Files.list(cache.resolve("bytecode"))) {
      for (Path file : kept.filter(f -> f.getFileName().toString().startsWith("classpath-")).toList()) {
        java.nio.file.Files.delete(file);
      }
    }
    // the jar's graph now comes from the cache: the start and the jar's check are in the budget, the graph's are past
    LibraryIo io = LibraryIo.of(List.of(jar), List.of(jar), ClientCatalog.bundled(), cache, after(2));
    assertEquals(List.of("(dependency jars): library bytecode: library I/O summaries stopped at their time budget: calls into libraries "
        + "may be missed"), shown(io.warnings()));
    assertTrue(io.reached("com.acme.wire.Wire", "fetch", 1).isEmpty());

    JarGraph graph = JarReader.read(jar, JarReader.Limits.DEFAULT, STANDS_STILL).graph().canonical(new HashMap<>());
    IoPrimitives primitives = new IoPrimitives(ClientCatalog.bundled());
    assertTrue(new LibraryCallGraph(List.of(graph), primitives, 0, STANDS_STILL).complete());
    assertFalse(new LibraryCallGraph(List.of(graph), primitives, 0, () -> 1L).complete());
  }

  @Test
  void aJarPastItsOwnBudgetIsReadInPart() throws Exception {
    Path jar = LibraryBytecodeIoTest.libraryJar(temp.resolve("acme-1.0.jar"), LibraryBytecodeIoTest.WIRE);
    JarReader.Outcome whole = JarReader.read(jar, JarReader.Limits.DEFAULT, STANDS_STILL);
    assertEquals(null, whole.problem());
    assertEquals(LibraryBytecodeIoTest.WIRE.size(), whole.graph().types().size(), "every class of the jar");
    // the start, then past the jar's 60 s at its first entry
    JarReader.Outcome cut = JarReader.read(jar, JarReader.Limits.DEFAULT, after(1));
    assertEquals("read in part: over its time budget of 60 s", cut.problem());
    assertEquals(List.of(), cut.graph().types());
  }

  /** A clock at 0 for its first {@code readings} readings, then ten minutes on: past every budget. */
  private static LongSupplier after(int readings) {
    AtomicInteger read = new AtomicInteger();
    return () -> read.getAndIncrement() < readings ? 0L : SPENT;
  }

  private static List<String> shown(List<ParseProblem> warnings) {
    return warnings.stream().map(w -> w.path() + ": " + w.message()).toList();
  }
}
