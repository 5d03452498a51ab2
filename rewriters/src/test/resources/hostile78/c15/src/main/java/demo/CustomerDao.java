package demo;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class CustomerDao {
    private final JdbcTemplate jdbcTemplate;

    public CustomerDao(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    public String countryNameOf(long customerId) {
        return jdbcTemplate.queryForObject("SELECT c.name FROM customer cu JOIN country c ON c.code = cu.country_code "
                + "WHERE cu.id = ?", String.class, customerId);
    }

    public void moveCustomer(long id, String countryCode) {
        jdbcTemplate.update("UPDATE customer SET country_code = ? WHERE id = ?", countryCode, id);
    }
}
