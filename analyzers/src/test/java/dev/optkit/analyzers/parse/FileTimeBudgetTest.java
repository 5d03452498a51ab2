package dev.optkit.analyzers.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.catalog.ClientCatalog;
import dev.optkit.analyzers.findings.Confidence;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file whose type resolution outlasts its budget is read by its imports instead, with a warning
 * naming it; the rest of the scan is not held up. The budget here is spent before the first
 * resolution, so the outcome does not depend on the machine's speed.
 */
class FileTimeBudgetTest {
  @TempDir Path dir;

  private ParsingWorker.Outcome analyze(long budgetNanos) throws Exception {
    Path file = dir.resolve("Rates.java");
    Files.writeString(file, ParseFixtures.RATES_CLIENT);
    ParsingWorker worker = new ParsingWorker(Map.of("shop.Rates", file), List.of(), ClientCatalog.bundled(), true,
        1 << 20, budgetNanos);
    return worker.analyze(new SourceFile(file, "Rates.java", "shop.Rates"));
  }

  @Test
  void overItsBudgetAFileIsReadByItsImportsWithAWarning() throws Exception {
    ParsingWorker.Outcome within = analyze(60_000_000_000L);
    assertNull(within.problem());
    ParsingWorker.Outcome over = analyze(0);
    assertNotNull(over.facts(), "the file still counts");
    assertTrue(over.problem().message().contains("over the 0 s budget for one file (analysis.maxFileSeconds"),
        over.problem().message());
    IoSite site = over.facts().methods().stream().flatMap(m -> m.ioSites().stream()).findFirst().orElseThrow();
    assertEquals("send", site.method(), "the HTTP call is still found, from the imports");
    IoSite resolved = within.facts().methods().stream().flatMap(m -> m.ioSites().stream()).findFirst().orElseThrow();
    assertEquals(Confidence.HIGH, resolved.confidence());
  }
}
