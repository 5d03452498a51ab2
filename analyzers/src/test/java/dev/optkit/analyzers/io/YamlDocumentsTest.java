package dev.optkit.analyzers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.optkit.analyzers.settings.SpringSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project's YAML read as Spring, Compose and Liquibase read it: aliases and merge keys resolved, plain data only. */
class YamlDocumentsTest {
  @TempDir Path dir;

  @Test
  void anAliasIsTheValueItsAnchorNames() throws Exception {
    JsonNode document = YamlDocuments.first("""
        sizes:
          pool: &pool 30
        spring:
          datasource:
            hikari:
              maximum-pool-size: *pool
        """);
    // Jackson's own YAML parser gives the anchor's name, "pool"
    assertEquals(30, document.at("/spring/datasource/hikari/maximum-pool-size").asInt(-1), document.toString());
  }

  @Test
  void aMergeKeyGivesTheEntriesTheMappingDoesNotSetItself() throws Exception {
    JsonNode document = YamlDocuments.first("""
        x-db: &db
          SPRING_DATASOURCE_URL: jdbc:postgresql://db:5432/shop
          SERVER_PORT: "8080"
        services:
          writer:
            environment:
              <<: *db
              SERVER_PORT: "8081"
        """);
    JsonNode environment = document.at("/services/writer/environment");
    assertEquals("jdbc:postgresql://db:5432/shop", environment.path("SPRING_DATASOURCE_URL").asText(), environment.toString());
    assertEquals("8081", environment.path("SERVER_PORT").asText());
    assertEquals(false, environment.has("<<"));
  }

  @Test
  void everyDocumentIsReadInOrderAndADateStaysItsText() throws Exception {
    List<JsonNode> documents = YamlDocuments.read("""
        released: 2024-01-02
        ---
        spring.config.activate.on-profile: prod
        enabled: yes
        """);
    assertEquals(2, documents.size());
    assertEquals("2024-01-02", documents.get(0).path("released").textValue());
    assertEquals(true, documents.get(1).path("enabled").booleanValue()); // YAML 1.1, as Spring's loader reads it
  }

  @Test
  void aTagNoLibraryKnowsIsItsValueAsWritten() throws Exception {
    JsonNode document = YamlDocuments.first("bucket: !Ref Bucket\nnames: !Split [a, b]\n");
    assertEquals("Bucket", document.path("bucket").textValue());
    assertEquals(2, document.path("names").size());
  }

  @Test
  void aDocumentThatRefersToItselfIsNoData() {
    assertThrows(java.io.IOException.class, () -> YamlDocuments.read("loop: &loop\n  - *loop\n"));
  }

  @Test
  void aDocumentExpandingPastTheBudgetIsNoData() {
    // nine levels of five aliases of the level before: 45 aliases (under SnakeYAML's 50), 5^9 values
    StringBuilder bomb = new StringBuilder("l0: &l0 [x, x, x, x, x]\n");
    for (int level = 1; level <= 9; level++) {
      String before = "*l" + (level - 1);
      bomb.append("l").append(level).append(": &l").append(level).append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(5, before))).append("]\n");
    }
    assertThrows(java.io.IOException.class, () -> YamlDocuments.read(bomb.toString()));
  }

  @Test
  void aSpringSettingGivenThroughAnAliasIsItsValue() throws Exception {
    Path file = dir.resolve("application.yml");
    Files.writeString(file, """
        defaults: &defaults
          maximum-pool-size: 40
        spring:
          datasource:
            hikari:
              <<: *defaults
        """);
    assertEquals(List.of("40"), SpringSettings.valuesIn(file, "spring.datasource.hikari.maximum-pool-size"));
  }
}
