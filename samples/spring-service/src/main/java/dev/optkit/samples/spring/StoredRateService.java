package dev.optkit.samples.spring;

import java.math.BigDecimal;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Reads the negotiated rates whichever store writes them. */
@Service
public class StoredRateService {

    private final JdbcTemplate jdbcTemplate;

    public StoredRateService(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    public BigDecimal storedRate(String currency) {
        return jdbcTemplate.query("SELECT rate FROM exchange_rate WHERE currency = ?",
                (rs, row) -> rs.getBigDecimal(1), currency).stream().findFirst().orElse(null);
    }
}
