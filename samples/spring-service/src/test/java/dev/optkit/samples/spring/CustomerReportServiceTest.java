package dev.optkit.samples.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

@Transactional
class CustomerReportServiceTest extends PartnerApiTestSupport {

    @Autowired
    CustomerReportService reports;

    @Autowired
    CustomerDao customers;

    @Autowired
    ReferenceDataDao referenceData;

    @Autowired
    PurchaseOrderRepository orders;

    @Test
    void groupsOrdersByCustomer() {
        Map<Long, List<PurchaseOrder>> byCustomer = reports.ordersByCustomer();

        assertTrue(byCustomer.keySet().containsAll(List.of(1L, 2L, 3L)));
        assertEquals(2, byCustomer.get(1L).size());
        assertEquals(3, byCustomer.get(2L).size());
        assertEquals(1, byCustomer.get(3L).size());
        assertEquals(0, DOWNSTREAM.totalRequests());
    }

    @Test
    void describesCustomerWithCountryName() {
        assertEquals("Grace Hopper <grace@example.org>, United States", reports.describeCustomer(2));

        customers.updateEmail(2, "grace.hopper@example.org");
        assertEquals(1, referenceData.renameCountry("US", "United States of America"));

        assertEquals("Grace Hopper <grace.hopper@example.org>, United States of America",
                reports.describeCustomer(2));
    }

    @Test
    void findsCustomersByCountry() {
        assertEquals(List.of("Ada Lovelace", "Klaus Wirth"),
                customers.findByCountries(List.of("GB", "DE")).stream().map(Customer::name).toList());
        assertEquals("United Kingdom", referenceData.findCountryName("GB"));
    }

    @Test
    void summarisesOrdersInMemory() {
        List<PurchaseOrder> grace = orders.findByCustomerId(2);

        assertEquals(new BigDecimal("500.00"), reports.settledTotal(grace));
        assertEquals(Map.of("Awaiting settlement", 2, "Settled", 1), reports.countByStatus(grace));
        reports.warnAboutPendingOrders(grace);
        assertEquals("EUR", reports.getReportCurrency());
        assertEquals(0, DOWNSTREAM.totalRequests());
    }

    @Test
    void findsLargeOrdersWithCustomQuery() {
        List<PurchaseOrder> large = orders.findLargeOrders(2, new BigDecimal("100"));

        assertEquals(List.of(new BigDecimal("540.00"), new BigDecimal("250.00")),
                large.stream().map(PurchaseOrder::getAmount).toList());
    }
}
