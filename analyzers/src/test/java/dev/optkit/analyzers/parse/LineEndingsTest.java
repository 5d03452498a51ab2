package dev.optkit.analyzers.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
 * Assess parses without JavaParser's line-separator detection: Windows, old Mac and Unix line
 * endings, mixed in one file, give the same facts, positions and snippets included.
 */
class LineEndingsTest {
  @TempDir Path dir;

  private FileFacts facts(String name, String text) throws Exception {
    Path file = dir.resolve(name + ".java");
    Files.writeString(file, text);
    ParsingWorker.Outcome outcome = new ParsingWorker(Map.of("shop.Rates", file), List.of(), ClientCatalog.bundled(), true)
        .analyze(new SourceFile(file, "Rates.java", "shop.Rates"));
    assertNull(outcome.problem());
    return outcome.facts();
  }

  @Test
  void windowsAndMixedLineEndingsGiveTheFactsOfUnixOnes() throws Exception {
    FileFacts unix = facts("unix", ParseFixtures.RATES_CLIENT);
    assertEquals(1, unix.methods().stream().mapToInt(m -> m.ioSites().size()).sum(), "the send is found: " + unix);
    assertEquals(unix, facts("windows", ParseFixtures.RATES_CLIENT.replace("\n", "\r\n")));
    String[] lines = ParseFixtures.RATES_CLIENT.split("\n", -1);
    StringBuilder mixed = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      mixed.append(lines[i]).append(i == lines.length - 1 ? "" : i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\r" : "\n");
    }
    assertEquals(unix, facts("mixed", mixed.toString()));
  }
}
