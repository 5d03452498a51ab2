package dev.optkit.samples.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.HttpClientErrorException;

class SettlementServiceTest extends PartnerApiTestSupport {

    private static final AtomicLong NEXT_CUSTOMER_ID = new AtomicLong(100);

    @Autowired
    SettlementService settlement;

    @Autowired
    PurchaseOrderRepository orders;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Test
    void settlesPendingOrdersConvertingEachAmount() {
        long customerId = newCustomer("US");
        orders.saveAll(List.of(
                PurchaseOrder.pending(customerId, new BigDecimal("250.00"), "USD"),
                PurchaseOrder.pending(customerId, new BigDecimal("40.00"), "USD")));

        assertEquals(2, settlement.settlePendingOrders(customerId));

        List<PurchaseOrder> settled = orders.findByCustomerId(customerId);
        assertEquals(List.of(PurchaseOrder.SETTLED, PurchaseOrder.SETTLED),
                settled.stream().map(PurchaseOrder::getStatus).toList());
        assertEquals(List.of(new BigDecimal("231.48"), new BigDecimal("37.04")),
                settled.stream().map(PurchaseOrder::getAmountEur).toList());
        assertEquals(2, DOWNSTREAM.requestCount("/rates/USD"));
        assertEquals(List.of(customerId + ":231.48", customerId + ":37.04"), DOWNSTREAM.recordedPurchases());
    }

    @Test
    void euroOrdersNeedNoRateLookup() {
        long customerId = newCustomer("DE");
        orders.save(PurchaseOrder.pending(customerId, new BigDecimal("60.00"), "EUR"));

        assertEquals(1, settlement.settlePendingOrders(customerId));
        assertEquals(0, settlement.settlePendingOrders(customerId));

        assertEquals(0, DOWNSTREAM.requestCountWithPrefix("/rates/"));
        assertEquals(1, DOWNSTREAM.requestCount("/customers/" + customerId + "/purchases"));
    }

    @Test
    void failedRateLookupRollsBackButEarlierNotificationsWereSent() {
        long customerId = newCustomer("GB");
        orders.saveAll(List.of(
                PurchaseOrder.pending(customerId, new BigDecimal("85.00"), "GBP"),
                PurchaseOrder.pending(customerId, new BigDecimal("1000.00"), "JPY")));

        assertThrows(HttpClientErrorException.NotFound.class, () -> settlement.settlePendingOrders(customerId));

        List<PurchaseOrder> afterFailure = orders.findByCustomerId(customerId);
        assertEquals(List.of(PurchaseOrder.PENDING, PurchaseOrder.PENDING),
                afterFailure.stream().map(PurchaseOrder::getStatus).toList());
        assertNull(afterFailure.get(0).getAmountEur());
        assertEquals(List.of(customerId + ":100.00"), DOWNSTREAM.recordedPurchases());
        assertEquals(1, DOWNSTREAM.requestCount("/rates/JPY"));
    }

    @AfterEach
    void removeTestCustomers() {
        jdbcTemplate.update("DELETE FROM purchase_order WHERE customer_id >= 100");
        jdbcTemplate.update("DELETE FROM customer WHERE id >= 100");
    }

    private long newCustomer(String countryCode) {
        long id = NEXT_CUSTOMER_ID.getAndIncrement();
        jdbcTemplate.update("INSERT INTO customer (id, name, email, country_code) VALUES (?, ?, ?, ?)",
                id, "Customer " + id, "c" + id + "@example.org", countryCode);
        return id;
    }
}
