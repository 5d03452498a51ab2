package dev.optkit.samples.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.optkit.samples.plain.downstream.PricingDownstream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PricingClientTest {

    private static PricingDownstream downstream;
    private static PricingClient client;

    @BeforeAll
    static void startDownstream() throws Exception {
        downstream = PricingDownstream.start();
        client = new PricingClient(downstream.baseUrl());
    }

    @AfterAll
    static void stopDownstream() {
        downstream.close();
    }

    @BeforeEach
    void resetCounts() {
        downstream.resetCounts();
    }

    @Test
    void everyPriceLookupIsARemoteCall() {
        assertEquals(new BigDecimal("49.90"), client.fetchUnitPrice("KB-101"));
        assertEquals(new BigDecimal("49.90"), client.fetchUnitPrice("KB-101"));

        assertEquals(2, downstream.requestCount("/prices/KB-101"));
        assertEquals(2, downstream.totalRequests());
    }

    @Test
    void exchangeRatesComeFromTheRatesEndpoint() {
        assertEquals(new BigDecimal("1.08"), client.getExchangeRate("USD"));
        assertEquals(new BigDecimal("0.85"), client.getExchangeRate("GBP"));

        assertEquals(1, downstream.requestCount("/rates/USD"));
        assertEquals(1, downstream.requestCount("/rates/GBP"));
    }

    @Test
    void batchPriceLookupCallsOncePerSku() {
        Map<String, BigDecimal> prices = client.fetchUnitPrices(List.of("MN-303", "CB-404", "HS-505"));

        assertEquals(List.of("MN-303", "CB-404", "HS-505"), List.copyOf(prices.keySet()));
        assertEquals(new BigDecimal("189.00"), prices.get("MN-303"));
        assertEquals(new BigDecimal("9.50"), prices.get("CB-404"));
        assertEquals(3, downstream.requestCountWithPrefix("/prices/"));
    }

    @Test
    void unknownSkuIsReportedAsPricingFailure() {
        assertThrows(PricingException.class, () -> client.fetchUnitPrice("NOPE-1"));
        assertThrows(PricingException.class, () -> client.fetchUnitPrices(List.of("KB-101", "NOPE-2")));
        assertEquals(1, downstream.requestCount("/prices/NOPE-1"));
        assertEquals(1, downstream.requestCount("/prices/NOPE-2"));
    }

    @Test
    void healthCheckHitsHealthEndpoint() {
        client.checkHealth();
        assertEquals(1, downstream.requestCount("/health"));
    }

    @Test
    void customerTierIsLoadedOverHttpUrlConnection() {
        UUID gold = UUID.randomUUID();
        downstream.setTier(gold, "GOLD");
        CustomerDirectory directory = new CustomerDirectory(downstream.baseUrl());

        assertEquals(CustomerTier.GOLD, directory.loadCustomerTier(gold));
        assertEquals(CustomerTier.STANDARD, directory.loadCustomerTier(UUID.randomUUID()));
        assertEquals(1, downstream.requestCount("/customers/" + gold + "/tier"));
        assertEquals(2, downstream.requestCountWithPrefix("/customers/"));
    }
}
