package dev.optkit.samples.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Tests whose set-up writes straight to the database, past the application's writers, as many projects' tests do (a
 * repository's deleteAll, a JdbcTemplate insert), then read back through a method optkit caches. Each test's set-up
 * moves the customer to another country; each test expects its own. After optkit migrate they pass because optkit
 * adds a test listener that empties its caches before each test method, after the set-up (the caches' clearing in
 * PartnerApiTestSupport runs before this class's set-up, so it does not cover these writes).
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SetUpWritesTest extends PartnerApiTestSupport {

    private static final String[] COUNTRIES = {"DE", "FR", "US"};
    private static int setUps;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CustomerDao customers;

    private String movedTo;

    @BeforeEach
    void moveTheCustomerStraightInTheDatabase() {
        movedTo = COUNTRIES[setUps++ % COUNTRIES.length];
        jdbc.update("UPDATE customer SET country_code = ? WHERE id = 1", movedTo);
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void theFirstTestReadsWhatItsSetUpWrote() {
        assertEquals(countryName(movedTo), customers.countryNameOf(1));
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void theSecondTestReadsWhatItsSetUpWrote() {
        assertEquals(countryName(movedTo), customers.countryNameOf(1));
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void theThirdTestReadsWhatItsSetUpWrote() {
        assertEquals(countryName(movedTo), customers.countryNameOf(1));
    }

    private String countryName(String code) {
        return jdbc.queryForObject("SELECT name FROM country WHERE code = ?", String.class, code);
    }
}
