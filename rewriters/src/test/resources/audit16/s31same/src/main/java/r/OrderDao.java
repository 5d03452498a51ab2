package r;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class OrderDao {
    // the same name as OrderQueries' constant, on another table: not the text create() runs
    private static final String INSERT_ORDER = "INSERT INTO audit (code) VALUES (?)";

    private final JdbcTemplate jdbcTemplate;

    public OrderDao(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    // writes only the orders table, through a constant of another class
    public void create(String code) {
        jdbcTemplate.update(OrderQueries.INSERT_ORDER, code);
    }

    public void audit(String code) {
        jdbcTemplate.update(INSERT_ORDER, code);
    }
}
