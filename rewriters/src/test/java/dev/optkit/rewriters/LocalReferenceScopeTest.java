package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local holding a method reference ({@code BiConsumer<Quote, String> f = Quote::setNote}) is looked up by its name;
 * another local of that name in another scope, a {@code BigDecimal f} whose {@code f.add(quote.getPrice())} reads the
 * fetched quote, was taken for it, and the quote was said to be changed by {@code Quote::setNote}: a false refusal.
 * Found by hostile review 33's differential run (its s2): the solver is no longer asked about a receiver no result or
 * parameter flows into, which also took this call off that path. Only the parameter {@code draft} is changed.
 */
class LocalReferenceScopeTest {
  @TempDir Path dir;

  @Test
  void aValueLocalNamedLikeAReferenceLocalElsewhereChangesNoResult() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).file("pom.xml", """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>demo</groupId>
          <artifactId>s2</artifactId>
          <version>1</version>
          <properties><maven.compiler.release>17</maven.compiler.release></properties>
        </project>
        """);
    for (String name : new String[] {"QuoteClient", "Quote", "Pricing"}) {
      fixture.java(Files.readString(Path.of("src/test/resources/local-reference-scope/" + name + ".java")));
    }
    MigrationPlan plan = fixture.plan();
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("QuoteClient.fetchQuote")),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
  }
}
