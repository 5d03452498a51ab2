package dev.optkit.analyzers.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.io.Hashes;
import dev.optkit.analyzers.catalog.ClientCatalog;
import dev.optkit.analyzers.facts.FileFacts;
import dev.optkit.analyzers.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hash the assessment cache took of a file is handed to the worker: a facts-cache hit then
 * reads nothing, and a miss hashes what it reads, so facts are never stored under another content's hash.
 */
class KnownHashTest {
  @TempDir Path dir;

  private static final String ONE_METHOD = "package p; class A { int a() { return 1; } }";
  private static final String TWO_METHODS = "package p; class A { int a() { return 1; } int b() { return 2; } }";

  @Test
  void aHitByTheKnownHashReadsNothingAndAMissStoresUnderTheHashOfWhatItRead() throws Exception {
    Path source = dir.resolve("A.java");
    Files.writeString(source, ONE_METHOD);
    SourceFile file = new SourceFile(source, "A.java", "p.A");
    ParsingWorker worker = new ParsingWorker(Map.of("p.A", source), List.of(), ClientCatalog.bundled(), false);
    Path cacheDir = Files.createDirectories(dir.resolve("cache"));
    FactsCache first = FactsCache.open(cacheDir, "k");
    String oneHash = Hashes.sha256(source);
    assertEquals(1, worker.analyze(file, first, oneHash).facts().methods().size());
    first.save();

    Files.writeString(source, TWO_METHODS); // changed after the run took its hash: the run's snapshot is the old one
    FactsCache second = FactsCache.open(cacheDir, "k");
    FileFacts snapshot = worker.analyze(file, second, oneHash).facts();
    assertEquals(1, snapshot.methods().size(), "a hit by the known hash reads nothing");
    assertEquals(1, second.hits());

    assertEquals(0, worker.readOtherContent());
    FactsCache third = FactsCache.open(cacheDir, "k");
    FileFacts read = worker.analyze(file, third, "a hash of content no run stored").facts();
    assertEquals(2, read.methods().size(), "a miss reads the file as it is now");
    assertEquals(1, worker.readOtherContent(), "and says it read other content than the run hashed");
    third.save();
    FactsCache fourth = FactsCache.open(cacheDir, "k");
    assertNull(fourth.lookup("A.java", "a hash of content no run stored"), "never stored under the hash it was given");
    assertNotNull(fourth.lookup("A.java", Hashes.sha256(source)), "stored under the hash of what it read");
  }

  @Test
  void aFileOverALoweredBudgetIsSkippedEvenWhenItsFactsAreCached() throws Exception {
    Path source = dir.resolve("A.java");
    Files.writeString(source, ONE_METHOD);
    SourceFile file = new SourceFile(source, "A.java", "p.A");
    Path cacheDir = Files.createDirectories(dir.resolve("cache"));
    FactsCache first = FactsCache.open(cacheDir, "k");
    String hash = Hashes.sha256(source);
    new ParsingWorker(Map.of("p.A", source), List.of(), ClientCatalog.bundled(), false).analyze(file, first, hash);
    first.save();

    ParsingWorker lowered = new ParsingWorker(Map.of("p.A", source), List.of(), ClientCatalog.bundled(), false, 10);
    ParsingWorker.Outcome outcome = lowered.analyze(file, FactsCache.open(cacheDir, "k"), hash);
    assertNull(outcome.facts());
    assertTrue(outcome.problem().message().startsWith("skipped:"), outcome.problem().message());
  }
}
