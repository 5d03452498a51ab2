package r;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** sales_tax_rate is seeded outside the application: nothing in the project writes it. */
@Repository
public class TaxDao {
    private final JdbcTemplate jdbcTemplate;

    public TaxDao(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    public Double getRate(String state) {
        return jdbcTemplate.queryForObject("select rate from sales_tax_rate where state = ?", Double.class, state);
    }
}
