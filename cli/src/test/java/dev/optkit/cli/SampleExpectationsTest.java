package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What each sample's README promises: the places that must be flagged, in which category and
 * classification, and the negatives that must not be. Golden files pin every detail; this test
 * says which details matter.
 */
class SampleExpectationsTest {

  private static List<String> findings(String sample) throws Exception {
    CliRun run = CliRun.of("assess", CliRun.repoRoot().resolve("samples").resolve(sample).toString(), "--format", "json",
        "--no-maven-repo");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode root = new ObjectMapper().readTree(run.out());
    List<String> keys = new ArrayList<>();
    for (JsonNode finding : root.get("findings")) {
      String type = finding.get("enclosingClass").asText();
      // a finding in a schema script (a foreign key) is in no method: its table names it
      String method = finding.path("enclosingMethod").asText("");
      int paren = method.indexOf('(');
      String key = finding.get("category").asText() + " " + type.substring(type.lastIndexOf('.') + 1) + "."
          + (paren < 0 ? method : method.substring(0, paren));
      JsonNode classification = finding.get("details").get("classification");
      String rule = finding.get("category").asText().equals("db-hint") ? " " + finding.get("ruleId").asText() : "";
      keys.add((classification == null ? key : key + " " + classification.asText()) + rule);
    }
    return keys;
  }

  @Test
  void plainJavaServiceFlagsWhatItsReadmeExpects() throws Exception {
    List<String> found = findings("plain-java-service");
    for (String expected : List.of(
        "api-call PricingClient.fetchUnitPrice", "api-call PricingClient.fetchUnitPrices",
        "api-call PricingClient.getExchangeRate", "api-call PricingClient.checkHealth",
        "api-call CustomerDirectory.loadCustomerTier",
        "db-query ProductRepository.findById", "db-query ProductRepository.findByCategory",
        "db-query ProductRepository.findProductName", "db-query ProductRepository.findBySkus",
        "db-query ProductRepository.updateStock", "db-query OrderRepository.insertOrder",
        "db-query OrderRepository.insertLines", "db-query OrderRepository.updateStatus",
        "db-query OrderRepository.countOrdersPlacedWithin",
        "io-loop OrderService.priceLines independent-remote-calls",
        "io-loop OrderService.unitPrices independent-remote-calls",
        "io-loop OrderService.loadProducts n-plus-one-query",
        "io-loop OrderService.fillBasket dependent-remote-calls",
        "io-loop OrderService.productNames n-plus-one-query",
        "io-loop PricingClient.fetchUnitPrices futures-joined-in-loop",
        "cacheable-read PricingClient.getExchangeRate", "cacheable-read ProductRepository.findProductName",
        "cacheable-read CustomerDirectory.loadCustomerTier", "cacheable-read PricingClient.fetchUnitPrice",
        "cacheable-read ProductRepository.findById", "cacheable-read ProductRepository.findByCategory",
        "cacheable-read CatalogService.describeProduct", "cacheable-read OrderService.quoteLine",
        "existing-cache CatalogService.productsInCategory")) {
      assertTrue(found.contains(expected), "missing: " + expected + " in " + found);
    }
    for (String prefix : List.of(
        "io-loop OrderService.subtotal", "io-loop OrderService.applyPromotions", "api-call OrderService.applyPromotions",
        "db-query OrderService.reportUnpaid", "io-loop OrderService.reportUnpaid",
        " OrderService.getDefaultCurrency", " PricingClient.getBaseUrl",
        "io-loop OrderRepository.insertLines", "io-loop ProductRepository.findBySkus", "io-loop ProductRepository.findByCategory",
        "cacheable-read PricingClient.checkHealth", "cacheable-read CatalogService.restock",
        "cacheable-read ProductRepository.updateStock", "cacheable-read OrderRepository.updateStatus",
        "cacheable-read OrderRepository.insertOrder", "cacheable-read OrderService.placeOrder",
        // a List of strings or numbers is keyed by a copy (a judgement call in the README); a list of records is not
        "cacheable-read OrderService.priceLines",
        "cacheable-read OrderService.fillBasket", "cacheable-read OrderRepository.countOrdersPlacedWithin",
        "cacheable-read CatalogService.featuredProduct", "cacheable-read CatalogService.productsInCategory",
        " PricingDownstream.", " OrderPricingApp.main")) {
      assertFalse(found.stream().anyMatch(f -> f.contains(prefix)), "must not be flagged: " + prefix + " in " + found);
    }
  }

  @Test
  void springServiceFlagsWhatItsReadmeExpects() throws Exception {
    List<String> found = findings("spring-service");
    for (String expected : List.of(
        "api-call ExchangeRateService.getRate", "api-call LoyaltyService.getCustomerTier",
        "api-call LoyaltyService.recordPurchase",
        "db-query CustomerDao.findAll", "db-query CustomerDao.findById", "db-query CustomerDao.findByCountries",
        "db-query CustomerDao.updateEmail", "db-query ReferenceDataDao.findCountryName",
        "db-query ReferenceDataDao.renameCountry", "db-query CustomerReportService.ordersByCustomer",
        "db-query SettlementService.settlePendingOrders",
        "io-loop CustomerReportService.ordersByCustomer n-plus-one-query",
        "io-loop LoyaltyService.tiersFor independent-remote-calls",
        "cacheable-read LoyaltyService.getCustomerTier", "cacheable-read ReferenceDataDao.findCountryName",
        "cacheable-read CustomerDao.findById", "cacheable-read CustomerReportService.describeCustomer",
        "existing-cache ExchangeRateService.getRate")) {
      assertTrue(found.contains(expected), "missing: " + expected + " in " + found);
    }
    // one database hint of each rule, and no other
    assertEquals(List.of("db-hint CustomerDao.findIdByEmail MissingIndex", "db-hint OrderNotesController.notes UnboundedRead",
        "db-hint order_note. UnindexedForeignKey"), found.stream().filter(f -> f.startsWith("db-hint")).sorted().toList());
    // lists of values: cacheable by a copy of the list (a judgement call in the README)
    assertTrue(found.contains("cacheable-read LoyaltyService.tiersFor"), found.toString());
    assertTrue(found.stream().anyMatch(f -> f.startsWith("io-loop SettlementService.settlePendingOrders")), found.toString());
    for (String prefix : List.of(
        "io-loop CustomerReportService.settledTotal", "io-loop CustomerReportService.countByStatus",
        "api-call CustomerReportService.countByStatus", "db-query CustomerReportService.warnAboutPendingOrders",
        "io-loop CustomerReportService.warnAboutPendingOrders", " CustomerReportService.getReportCurrency",
        " ExchangeRateService.getBaseCurrency", " PurchaseOrder.", "cacheable-read ExchangeRateService.getRate",
        "cacheable-read LoyaltyService.recordPurchase", "cacheable-read CustomerDao.updateEmail",
        "cacheable-read ReferenceDataDao.renameCountry", "cacheable-read SettlementService.settlePendingOrders",
        "api-call AppConfig.", " SettlementApp.main io-loop", " PartnerApiDownstream.")) {
      assertFalse(found.stream().anyMatch(f -> f.contains(prefix)), "must not be flagged: " + prefix + " in " + found);
    }
  }
}
