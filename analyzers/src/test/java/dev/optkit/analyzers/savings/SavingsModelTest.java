package dev.optkit.analyzers.savings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.config.SavingsSettings;
import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.facts.SourceRange;
import dev.optkit.analyzers.findings.Category;
import dev.optkit.analyzers.facts.Confidence;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.findings.Savings;
import dev.optkit.analyzers.findings.Severity;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SavingsModelTest {
  private static IoSite site(ClientKind kind, String host, String sql, boolean llm) {
    return new IoSite(kind, "c", "p", Access.READ, Confidence.HIGH, "T", "m", "GET", null, host, sql, llm, false, false,
        new SourceRange(1, 1, 1, 2), "x");
  }

  private static Finding finding(String rule, Finding.Remedy remedy, IoSite... sites) {
    return new Finding(rule, Category.API_CALL, Severity.MEDIUM, Confidence.HIGH, "A.java", 1, 1, 1, 2, "A", "m()", "f",
        "msg", "x", new TreeMap<>(), false, null, null, Savings.NONE, new Finding.SavingsBasis(remedy, List.of(sites)),
        new SourceRange(1, 1, 1, 2));
  }

  @Test
  void cachingSavesHitRateShareOfCallsAtDefaultLatencyAndPrice() {
    Savings savings = new SavingsModel(SavingsSettings.defaults())
        .estimate(finding("RemoteApiCall", Finding.Remedy.CACHE, site(ClientKind.API, null, null, false)));
    assertEquals(10_000, savings.callsPerDay());
    assertEquals(7_000, savings.callsSavedPerDay());
    assertEquals(7_000 * 150, savings.timeSavedMsPerDay());
    assertEquals(14.0, savings.costSavedUsdPerDay());
  }

  @Test
  void hostAndQueryOverridesWinOverDefaults() {
    SavingsSettings settings = new SavingsSettings(100L, 0.5, null, null, null, null, null,
        Map.of("api.example.com", new SavingsSettings.Override(null, null, 1000.0, 0.1, null)),
        Map.of("from orders", new SavingsSettings.Override(2000L, null, 40.0, null, null)));
    SavingsModel model = new SavingsModel(settings);
    Savings host = model.estimate(finding("RemoteApiCall", Finding.Remedy.CACHE, site(ClientKind.API, "api.example.com", null, false)));
    assertEquals(50, host.callsSavedPerDay());
    assertEquals(50_000, host.timeSavedMsPerDay());
    assertEquals(5.0, host.costSavedUsdPerDay());
    Savings query = model.estimate(finding("DatabaseQuery", Finding.Remedy.CACHE,
        site(ClientKind.DB, null, "SELECT * FROM Orders WHERE id = ?", false)));
    assertEquals(1000, query.callsSavedPerDay());
    assertEquals(40_000, query.timeSavedMsPerDay());
  }

  @Test
  void batchingAndParallelisingPriceLoops() {
    SavingsModel model = new SavingsModel(SavingsSettings.defaults());
    Savings batch = model.estimate(finding("SequentialIoLoop", Finding.Remedy.BATCH, site(ClientKind.DB, null, "select 1", false)));
    assertEquals(100_000, batch.callsPerDay());
    assertEquals(90_000, batch.callsSavedPerDay());
    assertEquals(90_000 * 5, batch.timeSavedMsPerDay());
    Savings parallel = model.estimate(finding("SequentialIoLoop", Finding.Remedy.PARALLELIZE, site(ClientKind.API, null, null, true)));
    assertEquals(0, parallel.callsSavedPerDay());
    // 10 iterations at concurrency 8 take 2 waits instead of 10
    assertEquals(10_000L * 8 * 2000, parallel.timeSavedMsPerDay());
    assertEquals(Savings.NONE, model.estimate(finding("SequentialIoLoop", Finding.Remedy.NONE, site(ClientKind.API, null, null, false))));
  }
}
