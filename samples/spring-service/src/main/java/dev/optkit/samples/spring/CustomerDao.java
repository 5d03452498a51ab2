package dev.optkit.samples.spring;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class CustomerDao {

    private static final RowMapper<Customer> CUSTOMER = (rs, rowNum) -> new Customer(
            rs.getLong("id"), rs.getString("name"), rs.getString("email"), rs.getString("country_code"));

    private final JdbcTemplate jdbcTemplate;
    private final NamedParameterJdbcTemplate namedJdbcTemplate;

    public CustomerDao(JdbcTemplate jdbcTemplate, NamedParameterJdbcTemplate namedJdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
        this.namedJdbcTemplate = namedJdbcTemplate;
    }

    public List<Customer> findAll() {
        return jdbcTemplate.query("SELECT id, name, email, country_code FROM customer ORDER BY id", CUSTOMER);
    }

    public Optional<Customer> findById(long id) {
        return jdbcTemplate.query("SELECT id, name, email, country_code FROM customer WHERE id = ?", CUSTOMER, id)
                .stream()
                .findFirst();
    }

    public List<Customer> findByCountries(List<String> countryCodes) {
        return namedJdbcTemplate.query(
                "SELECT id, name, email, country_code FROM customer WHERE country_code IN (:codes) ORDER BY id",
                Map.of("codes", countryCodes), CUSTOMER);
    }

    /** The customer with this email, or null; null for a null email too (a caller may not have one). */
    public Long findIdByEmail(String email) {
        return jdbcTemplate.query("SELECT id FROM customer WHERE email = ?", (rs, row) -> rs.getLong(1), email)
                .stream().findFirst().orElse(null);
    }

    /** Joins two tables: renaming the country (another bean) or moving the customer changes it. */
    public String countryNameOf(long customerId) {
        return jdbcTemplate.queryForObject("SELECT c.name FROM customer cu JOIN country c ON c.code = cu.country_code "
                + "WHERE cu.id = ?", String.class, customerId);
    }

    public int pendingOrderCount(long customerId) {
        return jdbcTemplate.queryForObject(
                "SELECT COUNT(*) FROM purchase_order WHERE customer_id = ? AND status = 'PENDING'", Integer.class, customerId);
    }

    public void moveCustomer(long id, String countryCode) {
        jdbcTemplate.update("UPDATE customer SET country_code = ? WHERE id = ?", countryCode, id);
    }

    public void updateEmail(long id, String email) {
        jdbcTemplate.update("UPDATE customer SET email = ? WHERE id = ?", email, id);
    }
}
