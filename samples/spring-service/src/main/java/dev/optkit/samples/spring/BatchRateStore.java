package dev.optkit.samples.spring;

import java.math.BigDecimal;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The batch deployment's store: upserts, so new currencies arrive too. */
@Repository
@Profile("batch")
public class BatchRateStore implements RateStore {

    private final JdbcTemplate jdbcTemplate;

    public BatchRateStore(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    @Override
    public void saveRate(String currency, BigDecimal rate) {
        jdbcTemplate.update("MERGE INTO exchange_rate (currency, rate) KEY (currency) VALUES (?, ?)", currency, rate);
    }
}
