package dev.optkit.samples.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.client.HttpClientErrorException;

class PartnerClientsTest extends PartnerApiTestSupport {

    @Autowired
    LoyaltyService loyalty;

    @Autowired
    ExchangeRateService exchangeRates;

    @Test
    void customerTierComesFromTheLoyaltyApi() {
        // how often a repeated customer is asked again is the cache's business (OptkitCachingProofTest)
        assertEquals(CustomerTier.GOLD, loyalty.getCustomerTier(1));
        assertEquals(CustomerTier.STANDARD, loyalty.getCustomerTier(3));

        assertEquals(1, DOWNSTREAM.requestCount("/customers/1/tier"));
        assertEquals(1, DOWNSTREAM.requestCount("/customers/3/tier"));
    }

    @Test
    void tiersForCallsTheApiOncePerCustomer() {
        Map<Long, CustomerTier> tiers = loyalty.tiersFor(List.of(1L, 2L, 3L));

        assertEquals(Map.of(1L, CustomerTier.GOLD, 2L, CustomerTier.SILVER, 3L, CustomerTier.STANDARD), tiers);
        assertEquals(3, DOWNSTREAM.requestCountWithPrefix("/customers/"));
    }

    @Test
    void recordPurchasePostsTheAmount() {
        loyalty.recordPurchase(3, new BigDecimal("12.50"));

        assertEquals(List.of("3:12.50"), DOWNSTREAM.recordedPurchases());
        assertEquals(1, DOWNSTREAM.requestCount("/customers/3/purchases"));
    }

    @Test
    void ratesAreCachedWhenCalledThroughTheBean() {
        assertEquals(new BigDecimal("1.08"), exchangeRates.getRate("USD"));
        assertEquals(new BigDecimal("1.08"), exchangeRates.getRate("USD"));
        assertEquals(new BigDecimal("0.85"), exchangeRates.getRate("GBP"));

        assertEquals(1, DOWNSTREAM.requestCount("/rates/USD"));
        assertEquals(1, DOWNSTREAM.requestCount("/rates/GBP"));
    }

    @Test
    void conversionCallsTheRateInternallyAndBypassesTheCache() {
        assertEquals(new BigDecimal("1.08"), exchangeRates.getRate("USD"));
        assertEquals(new BigDecimal("100.00"), exchangeRates.toBaseCurrency(new BigDecimal("108.00"), "USD"));
        assertEquals(new BigDecimal("50.00"), exchangeRates.toBaseCurrency(new BigDecimal("54.00"), "USD"));
        assertEquals(new BigDecimal("7.00"), exchangeRates.toBaseCurrency(new BigDecimal("7.00"), "EUR"));

        assertEquals(3, DOWNSTREAM.requestCount("/rates/USD"));
        assertEquals(0, DOWNSTREAM.requestCount("/rates/EUR"));
        assertEquals("EUR", exchangeRates.getBaseCurrency());
    }

    @Test
    void unknownCurrencyIsAClientError() {
        assertThrows(HttpClientErrorException.NotFound.class, () -> exchangeRates.getRate("XXX"));
        assertEquals(1, DOWNSTREAM.requestCount("/rates/XXX"));
    }
}
