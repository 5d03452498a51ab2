package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

@SpringJUnitConfig(AppConfig.class)
class SetUpWritesTest {
    @Autowired JdbcTemplate jdbc;
    @Autowired CustomerDao customers;
    JdbcSeeder seeder;

    @BeforeEach
    void reset() {
        seeder = new JdbcSeeder(jdbc);
        seeder.moveTo("DE");
    }

    @Test
    void movingTheCustomerShowsTheNewCountry() {
        assertEquals("Germany", customers.countryNameOf(1));
        move(seeder, "FR");
        assertEquals("France", customers.countryNameOf(1));
    }

    private static void move(Seeder seeder, String country) {
        seeder.moveTo(country);
    }
}
