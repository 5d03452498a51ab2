package dev.optkit.samples.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Stale-read probes: read through the application, write through the application, read again and
 * expect the new value. They pass on the original code trivially and, after optkit migrate, only
 * if every writer evicts what it changes. Each probe reads first, so a cache would be filled.
 * The writes are committed (no test transaction), so the context is rebuilt afterwards.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class StaleReadProbesTest extends PartnerApiTestSupport {

    @Autowired
    CustomerDao customers;

    @Autowired
    ReferenceDataDao referenceData;

    @Autowired
    CustomerReportService reports;

    @Autowired
    RateStore rates;

    @Autowired
    StoredRateService storedRates;

    @Autowired
    OrderAdminService orderAdmin;

    @Autowired
    CountriesController countries;

    @Test
    void renamingACountryShowsInEveryReadOfIt() {
        assertEquals("France", referenceData.findCountryName("FR"));
        assertEquals("France", countries.countryName("FR"));
        referenceData.renameCountry("FR", "République française");
        assertEquals("République française", referenceData.findCountryName("FR"));
        assertEquals("République française", countries.countryName("FR"));
    }

    @Test
    void aJoinReadSeesWritesToEitherTable() {
        assertEquals("United States", customers.countryNameOf(2));
        referenceData.renameCountry("US", "United States of America");
        assertEquals("United States of America", customers.countryNameOf(2));
        customers.moveCustomer(2, "GB");
        assertEquals(referenceData.findCountryName("GB"), customers.countryNameOf(2));
    }

    @Test
    void changingAnEmailMovesTheLookupByEmail() {
        assertEquals(3L, customers.findIdByEmail("klaus@example.org"));
        assertNull(customers.findIdByEmail("niklaus@example.org"));
        assertEquals("Klaus Wirth <klaus@example.org>, Germany", reports.describeCustomer(3));
        customers.updateEmail(3, "niklaus@example.org");
        assertNull(customers.findIdByEmail("klaus@example.org"), "the old email must not find the customer any more");
        assertEquals(3L, customers.findIdByEmail("niklaus@example.org"));
        assertEquals("Klaus Wirth <niklaus@example.org>, Germany", reports.describeCustomer(3));
    }

    @Test
    void aNullEmailFindsNobodyInsteadOfFailing() {
        assertNull(customers.findIdByEmail(null));
        assertNull(customers.findIdByEmail(null));
    }

    @Test
    void aTransactionalWriteShowsAfterItsCommit() {
        assertEquals(1, customers.pendingOrderCount(1));
        assertEquals(1, orderAdmin.cancelPendingOrders(1));
        assertEquals(0, customers.pendingOrderCount(1));
    }

    @Test
    void theActiveRateStoreEvictsTheStoredRate() {
        assertEquals(new BigDecimal("1.170000"), storedRates.storedRate("GBP"));
        rates.saveRate("GBP", new BigDecimal("1.180000"));
        assertEquals(new BigDecimal("1.180000"), storedRates.storedRate("GBP"));
    }

    @Test
    void aListACallerChangesIsNotSharedBetweenCalls() {
        List<String> first = reports.reportCurrencies();
        List<String> second = reports.reportCurrencies();
        assertEquals(first, second);
        assertEquals(List.of("EUR", "GBP", "USD", "XAU"), second);
    }
}
