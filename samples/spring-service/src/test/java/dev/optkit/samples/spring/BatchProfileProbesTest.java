package dev.optkit.samples.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** The same stale-read probe with the other implementation of {@link RateStore} active. */
@ActiveProfiles("batch")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BatchProfileProbesTest extends PartnerApiTestSupport {

    @Autowired
    RateStore rates;

    @Autowired
    StoredRateService storedRates;

    @Test
    void theBatchStoreEvictsTheStoredRateToo() {
        assertEquals(BatchRateStore.class, AopUtils.getTargetClass(rates));
        assertNull(storedRates.storedRate("CHF"));
        assertEquals(new BigDecimal("0.920000"), storedRates.storedRate("USD"));
        rates.saveRate("CHF", new BigDecimal("1.050000"));
        rates.saveRate("USD", new BigDecimal("0.930000"));
        assertEquals(new BigDecimal("1.050000"), storedRates.storedRate("CHF"));
        assertEquals(new BigDecimal("0.930000"), storedRates.storedRate("USD"));
    }
}
