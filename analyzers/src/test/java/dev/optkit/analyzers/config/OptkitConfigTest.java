package dev.optkit.analyzers.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.findings.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptkitConfigTest {
  @TempDir Path dir;

  private Path write(String yaml) throws Exception {
    Path file = dir.resolve(".optkit.yml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void readsSavingsRulesAndCustomClients() throws Exception {
    OptkitConfig config = OptkitConfig.load(write("""
        exclude: ["**/generated/**"]
        rules:
          DatabaseQuery: {severity: high}
          ExistingCache: {enabled: false}
        savings:
          callsPerDay: 500
          hitRate: 0.9
          latencyMs: {api-call: 300}
          hosts:
            api.example.com: {costPerCallUsd: 0.05}
        clients:
          - id: acme-sdk
            kind: api
            types: [com.acme.sdk.AcmeClient]
            methods: [lookup]
        """));
    assertEquals(500, config.savings().callsPerDay());
    assertEquals(0.9, config.savings().hitRate());
    assertEquals(300.0, config.savings().latencyMs().get("api-call"));
    assertEquals(5.0, config.savings().latencyMs().get("db-query"));
    assertEquals(0.05, config.savings().hosts().get("api.example.com").costPerCallUsd());
    assertEquals(Severity.HIGH, config.severityOf("DatabaseQuery", Severity.LOW));
    assertEquals(false, config.ruleEnabled("ExistingCache"));
    assertEquals("acme-sdk", config.catalog().clientsForType("com.acme.sdk.AcmeClient").get(0).id());
    assertTrue(config.catalog().clientsForType("java.net.http.HttpClient").size() > 0);
  }

  @Test
  void unknownKeyNamesTheKeyAndLine() throws Exception {
    Path file = write("""
        savings:
          callsPerDay: 10
          hitrate: 0.5
        """);
    ConfigException error = assertThrows(ConfigException.class, () -> OptkitConfig.load(file));
    assertTrue(error.getMessage().contains(":3:"), error.getMessage());
    assertTrue(error.getMessage().contains("unknown key 'hitrate'"), error.getMessage());
    assertTrue(error.getMessage().contains("savings"), error.getMessage());
  }

  @Test
  void badValuesAreExplained() throws Exception {
    ConfigException hitRate = assertThrows(ConfigException.class, () -> OptkitConfig.load(write("savings:\n  hitRate: 7\n")));
    assertTrue(hitRate.getMessage().contains("hitRate must be between 0 and 1"), hitRate.getMessage());
    ConfigException severity = assertThrows(ConfigException.class,
        () -> OptkitConfig.load(write("rules:\n  DatabaseQuery:\n    severity: urgent\n")));
    assertTrue(severity.getMessage().contains("unknown severity 'urgent'"), severity.getMessage());
    ConfigException yaml = assertThrows(ConfigException.class, () -> OptkitConfig.load(write("savings: [\n")));
    assertTrue(yaml.getMessage().contains(".optkit.yml"), yaml.getMessage());
  }
}
