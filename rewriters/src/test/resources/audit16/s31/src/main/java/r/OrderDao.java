package r;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class OrderDao {
    private final JdbcTemplate jdbcTemplate;

    public OrderDao(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    // writes only the orders table, through a constant of another class
    public void create(String code) {
        jdbcTemplate.update(OrderQueries.INSERT_ORDER, code);
    }
}
