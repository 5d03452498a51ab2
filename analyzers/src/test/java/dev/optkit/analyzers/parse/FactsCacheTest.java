package dev.optkit.analyzers.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.facts.FileFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactsCacheTest {
  /** A surface for the entries: what other files see of a file is not what these tests check. */
  private static final dev.optkit.analyzers.parse.DeclarationSurface.Read SURFACE =
      new dev.optkit.analyzers.parse.DeclarationSurface.Read("surface", java.util.List.of(), java.util.List.of());

  @TempDir
  Path dir;

  private static FileFacts facts(String path, int lines) {
    return new FileFacts(path, "p", lines, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }

  private Path file() {
    return dir.resolve("facts-v5.smile");
  }

  @Test
  void factsStoredInOneRunAreReadInTheNextForTheSameContentOnly() {
    FactsCache first = FactsCache.open(dir, "k");
    first.store("A.java", "h1", facts("A.java", 10), SURFACE);
    first.save();

    FactsCache second = FactsCache.open(dir, "k");
    assertEquals(facts("A.java", 10), second.lookup("A.java", "h1"));
    assertNull(second.lookup("A.java", "h2"), "changed content");
    assertNull(FactsCache.open(dir, "other key").lookup("A.java", "h1"), "another classpath or version");
    assertEquals(1, second.hits());
  }

  @Test
  void aRunWhereEveryFileHitsWritesNothing() throws Exception {
    FactsCache first = FactsCache.open(dir, "k");
    first.store("A.java", "h1", facts("A.java", 10), SURFACE);
    first.store("B.java", "h2", facts("B.java", 20), SURFACE);
    first.save();
    byte[] written = Files.readAllBytes(file());
    Files.setLastModifiedTime(file(), FileTime.fromMillis(1_000));

    FactsCache second = FactsCache.open(dir, "k");
    second.lookup("A.java", "h1");
    second.lookup("B.java", "h2");
    second.save();

    assertEquals(FileTime.fromMillis(1_000), Files.getLastModifiedTime(file()));
    assertArrayEquals(written, Files.readAllBytes(file()));
  }

  @Test
  void filesNotSeenAgainAreDroppedAndUnchangedOnesKeptAsTheyWere() {
    FactsCache first = FactsCache.open(dir, "k");
    first.store("A.java", "h1", facts("A.java", 10), SURFACE);
    first.store("B.java", "h2", facts("B.java", 20), SURFACE);
    first.save();

    FactsCache second = FactsCache.open(dir, "k");
    assertEquals(facts("A.java", 10), second.lookup("A.java", "h1"));
    second.save(); // B.java is gone

    FactsCache third = FactsCache.open(dir, "k");
    assertEquals(facts("A.java", 10), third.lookup("A.java", "h1"));
    assertNull(third.lookup("B.java", "h2"));
  }

  /**
   * Entries are held and written deflated one by one (spring-framework's, held as plain Smile, took the launcher's
   * heap past its limit): an entry many buffers long reads back equal, the file is smaller than the plain encoding,
   * and the file of the format before is removed.
   */
  @Test
  void entriesAreDeflatedAndTheFormerFormatsFileRemoved() throws Exception {
    Files.write(dir.resolve("facts-v4.smile.gz"), new byte[] {1, 2, 3});
    String longPackage = IntStream.range(0, 40_000).mapToObj(i -> "segment" + i).collect(
        java.util.stream.Collectors.joining("."));
    FileFacts large = new FileFacts("A.java", longPackage, 4_000, List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of());
    FactsCache first = FactsCache.open(dir, "k");
    first.store("A.java", "h1", large, SURFACE);
    first.save();

    assertEquals(large, FactsCache.open(dir, "k").lookup("A.java", "h1"));
    assertTrue(Files.size(file()) < new com.fasterxml.jackson.databind.ObjectMapper(
        new com.fasterxml.jackson.dataformat.smile.SmileFactory()).writeValueAsBytes(large).length / 3, "not deflated");
    assertTrue(Files.notExists(dir.resolve("facts-v4.smile.gz")));
  }

  @Test
  void aDamagedCacheStartsEmpty() throws Exception {
    FactsCache first = FactsCache.open(dir, "k");
    first.store("A.java", "h1", facts("A.java", 10), SURFACE);
    first.save();
    byte[] bytes = Files.readAllBytes(file());
    Files.write(file(), java.util.Arrays.copyOf(bytes, bytes.length / 2));

    assertNull(FactsCache.open(dir, "k").lookup("A.java", "h1"));
  }

  @Test
  void workersLookUpAndStoreAtOnce() {
    FactsCache first = FactsCache.open(dir, "k");
    IntStream.range(0, 500).forEach(i -> first.store(i + ".java", "h" + i, facts(i + ".java", i), SURFACE));
    first.save();

    FactsCache second = FactsCache.open(dir, "k");
    ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
    IntStream.range(0, 1_000).parallel().forEach(i -> {
      if (i < 500) {
        if (!facts(i + ".java", i).equals(second.lookup(i + ".java", "h" + i))) {
          wrong.add(i + ".java");
        }
      } else {
        second.store(i + ".java", "h" + i, facts(i + ".java", i), SURFACE);
      }
    });
    assertTrue(wrong.isEmpty(), "wrong facts for " + wrong);
    assertEquals(500, second.hits());
    second.save();

    FactsCache third = FactsCache.open(dir, "k");
    long found = IntStream.range(0, 1_000).filter(i -> facts(i + ".java", i).equals(third.lookup(i + ".java", "h" + i)))
        .count();
    assertEquals(1_000, found);
    assertNotEquals(0, third.hits());
  }
  /**
   * Every kind of fact survives the encoding (records as arrays of their components): the samples'
   * and this module's own sources, analysed, stored, read back in another run, equal.
   */
  @Test
  void realFactsReadBackEqual() throws Exception {
    List<Path> sources;
    try (java.util.stream.Stream<Path> walk = java.util.stream.Stream.concat(
        Files.walk(Path.of("..", "samples")), Files.walk(Path.of("src", "main", "java")))) {
      sources = walk.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("target")).sorted().toList();
    }
    ParsingWorker worker = new ParsingWorker(java.util.Map.of(), List.of(),
        dev.optkit.analyzers.catalog.ClientCatalog.bundled(), true);
    FactsCache first = FactsCache.open(dir, "k");
    java.util.Map<String, FileFacts> analysed = new java.util.LinkedHashMap<>();
    for (Path source : sources) {
      String path = source.toString();
      FileFacts facts = worker.analyze(new dev.optkit.analyzers.source.SourceFile(source, path, "x"), first).facts();
      if (facts != null) {
        analysed.put(path, facts);
      }
    }
    first.save();
    assertTrue(analysed.size() > 100, "analysed " + analysed.size());
    assertTrue(analysed.values().stream().mapToLong(f -> f.methods().stream().mapToLong(m -> m.calls().size()).sum()).sum() > 1_000);
    FactsCache second = FactsCache.open(dir, "k");
    for (java.util.Map.Entry<String, FileFacts> entry : analysed.entrySet()) {
      assertEquals(entry.getValue(), second.lookup(entry.getKey(), dev.optkit.analyzers.io.Hashes.sha256(Path.of(entry.getKey()))),
          entry.getKey());
    }
    assertEquals(analysed.size(), second.hits());
  }
  record Leaf(String name, int line) {}

  record Inner(Leaf leaf, java.util.Optional<Leaf> other) {}

  record Holder(List<Inner> items, java.util.Map<String, List<? extends Inner>> byName) {}

  record Reordered(int line, String name) {}

  /** The key's shape of the facts reaches every record through lists, maps and optionals, components in order. */
  /** The typed facts (a value's roots, the objects a method hands on, a holder's constructor) read back as written. */
  @Test
  void typedFactsReadBackEqual() throws Exception {
    Path source = dir.resolve("Rows.java");
    Files.writeString(source, """
        package shop;
        import java.util.List;
        import java.util.concurrent.atomic.AtomicInteger;
        class Rows {
          private final org.springframework.jdbc.core.JdbcTemplate jdbc = null;
          private final AtomicInteger count = new AtomicInteger();
          private final org.springframework.jdbc.core.RowMapper<String> counting = (rs, n) -> { count.incrementAndGet(); return ""; };
          private final shop.NameMapper names = new shop.NameMapper();
          List<String> all() { return jdbc.query("select name from t", counting); }
          List<String> named() { return jdbc.query("select name from t", names); }
          List<String> made() { return jdbc.query("select name from t", Mappers.counting()); }
          List<List<String>> held(List<String> loaded) { return List.of(new java.util.ArrayList<>(loaded)); }
        }
        """);
    ParsingWorker worker = new ParsingWorker(java.util.Map.of(), List.of(),
        dev.optkit.analyzers.catalog.ClientCatalog.bundled(), true);
    FactsCache first = FactsCache.open(dir.resolve("cache"), "k");
    FileFacts facts = worker.analyze(new dev.optkit.analyzers.source.SourceFile(source, source.toString(), "x"), first).facts();
    first.save();
    java.util.Set<Class<?>> handed = new java.util.HashSet<>();
    facts.methods().forEach(m -> m.handedFields().forEach(h -> handed.add(h.getClass())));
    assertEquals(java.util.Set.of(dev.optkit.analyzers.facts.HandedObject.ChangingCode.class,
        dev.optkit.analyzers.facts.HandedObject.InField.class, dev.optkit.analyzers.facts.HandedObject.FromFactory.class),
        handed);
    FactsCache second = FactsCache.open(dir.resolve("cache"), "k");
    assertEquals(facts, second.lookup(source.toString(), dev.optkit.analyzers.io.Hashes.sha256(source)));
  }

  @Test
  void theShapeNamesEveryRecordsComponentsInOrder() {
    String shape = FactsCache.shapeOf(Holder.class);
    assertTrue(shape.contains("Holder(items:java.util.List<"), shape);
    assertTrue(shape.contains("Inner(leaf:"), shape);
    assertTrue(shape.contains("Leaf(name:java.lang.String,line:int,)"), shape);
    assertNotEquals(FactsCache.shapeOf(Leaf.class).replace("Leaf", "X"), FactsCache.shapeOf(Reordered.class).replace("Reordered", "X"));
    assertTrue(FactsCache.SHAPE.contains("dev.optkit.analyzers.facts.MethodFact("), "the real facts' shape");
    assertTrue(FactsCache.SHAPE.contains("dev.optkit.analyzers.facts.CallRef("), "reached through MethodFact's lists");
  }
}
