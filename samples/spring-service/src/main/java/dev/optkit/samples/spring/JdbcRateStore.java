package dev.optkit.samples.spring;

import java.math.BigDecimal;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The default store: one UPDATE per rate. */
@Repository
@Profile("!batch")
public class JdbcRateStore implements RateStore {

    private final JdbcTemplate jdbcTemplate;

    public JdbcRateStore(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    @Override
    public void saveRate(String currency, BigDecimal rate) {
        jdbcTemplate.update("UPDATE exchange_rate SET rate = ? WHERE currency = ?", rate, currency);
    }
}
