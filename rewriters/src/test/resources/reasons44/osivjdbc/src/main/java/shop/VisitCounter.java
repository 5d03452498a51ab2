package shop;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Counts the page's visits with plain JDBC: rows, no entity instances. */
@Service
public class VisitCounter {
    private final JdbcTemplate jdbc;
    public VisitCounter(JdbcTemplate jdbc) { this.jdbc = jdbc; }

    public long visits() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM item_view", Long.class);
        return count == null ? 0 : count;
    }
}
