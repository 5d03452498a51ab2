package dev.optkit.analyzers.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.catalog.ClientCatalog;
import dev.optkit.analyzers.facts.Confidence;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file whose parse and extraction outlast their budget is read again by its imports, with a
 * warning naming it; past the budget again, it is skipped with a warning; either way the rest of
 * the scan is not held up. The clocks here decide when a budget is spent, so no outcome depends
 * on the machine's speed.
 */
class FileTimeBudgetTest {
  private static final long SECOND = 1_000_000_000L;

  @TempDir Path dir;

  private ParsingWorker.Outcome analyze(long budgetNanos, LongSupplier clock) throws Exception {
    Path file = dir.resolve("Rates.java");
    Files.writeString(file, ParseFixtures.RATES_CLIENT);
    ParsingWorker worker = new ParsingWorker(Map.of("shop.Rates", file), List.of(), ClientCatalog.bundled(), true,
        1 << 20, budgetNanos, clock);
    return worker.analyze(new SourceFile(file, "Rates.java", "shop.Rates"));
  }

  @Test
  void overItsBudgetAFileIsReadByItsImportsWithAWarning() throws Exception {
    // a clock that stands still: within its budget however long the parse takes on a loaded machine (issue 67)
    ParsingWorker.Outcome within = analyze(60 * SECOND, () -> 0L);
    assertNull(within.problem());
    // 10 s pass between the start of the parse and the first check; after that the clock stands still,
    // so the second reading, without the solver, has its 5 s to itself
    AtomicInteger readings = new AtomicInteger();
    ParsingWorker.Outcome over = analyze(5 * SECOND, () -> readings.getAndIncrement() == 0 ? 0 : 10 * SECOND);
    assertNotNull(over.facts(), "the file still counts");
    assertTrue(over.problem().message().contains("over the 5 s budget for one file (analysis.maxFileSeconds"),
        over.problem().message());
    assertTrue(over.problem().message().startsWith("types not resolved"), over.problem().message());
    IoSite site = over.facts().methods().stream().flatMap(m -> m.ioSites().stream()).findFirst().orElseThrow();
    assertEquals("send", site.method(), "the HTTP call is still found, from the imports");
    IoSite resolved = within.facts().methods().stream().flatMap(m -> m.ioSites().stream()).findFirst().orElseThrow();
    assertEquals(Confidence.HIGH, resolved.confidence());
  }

  @Test
  void overItsBudgetAgainWithoutTheSolverAFileIsSkippedWithAWarning() throws Exception {
    // a budget of 0 is spent before any work: deterministic whatever the clock's resolution
    ParsingWorker.Outcome skipped = analyze(0, () -> 0L);
    assertNull(skipped.facts());
    assertEquals("Rates.java", skipped.problem().path());
    assertTrue(skipped.problem().message().startsWith("skipped: over the 0 s budget for one file "
        + "(analysis.maxFileSeconds in .optkit.yml)"), skipped.problem().message());
    // a clock two seconds ahead at each reading: over 1 s with the solver, and over it again without
    AtomicInteger seconds = new AtomicInteger();
    ParsingWorker.Outcome slow = analyze(SECOND, () -> seconds.getAndIncrement() * 2 * SECOND);
    assertNull(slow.facts());
    assertTrue(slow.problem().message().startsWith("skipped: over the 1 s budget"), slow.problem().message());
  }

  @Test
  void theNextFileHasItsWholeBudgetAgain() throws Exception {
    Path slowFile = dir.resolve("Rates.java");
    Files.writeString(slowFile, ParseFixtures.RATES_CLIENT);
    Path nextFile = dir.resolve("Quotes.java");
    Files.writeString(nextFile, ParseFixtures.RATES_CLIENT.replace("class Rates", "class Quotes"));
    // ten seconds pass at each reading of the clock while the first file is analysed, none afterwards
    AtomicBoolean slow = new AtomicBoolean(true);
    AtomicLong now = new AtomicLong();
    ParsingWorker worker = new ParsingWorker(Map.of("shop.Rates", slowFile, "shop.Quotes", nextFile), List.of(),
        ClientCatalog.bundled(), true, 1 << 20, 5 * SECOND, () -> slow.get() ? now.addAndGet(10 * SECOND) : now.get());
    ParsingWorker.Outcome skipped = worker.analyze(new SourceFile(slowFile, "Rates.java", "shop.Rates"));
    assertNull(skipped.facts());
    slow.set(false);
    ParsingWorker.Outcome next = worker.analyze(new SourceFile(nextFile, "Quotes.java", "shop.Quotes"));
    assertNull(next.problem());
    assertEquals(Confidence.HIGH, next.facts().methods().stream().flatMap(m -> m.ioSites().stream()).findFirst()
        .orElseThrow().confidence());
  }
}
