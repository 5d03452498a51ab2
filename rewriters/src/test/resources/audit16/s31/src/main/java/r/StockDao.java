package r;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class StockDao {
    private final JdbcTemplate jdbcTemplate;

    public StockDao(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    public void save(String prefix) {
        jdbcTemplate.update("INSERT INTO stocks (code) VALUES (?)", prefix + nextFreeNumber(prefix));
    }

    public int count() {
        Integer n = jdbcTemplate.queryForObject("SELECT COUNT(*) FROM stocks", Integer.class);
        return n == null ? 0 : n;
    }

    private int nextFreeNumber(String prefix) {
        int number = 100;
        while (!isCodeUnique(prefix + number)) {
            number++;
        }
        return number;
    }

    // reads only the stocks table, which no other class writes
    private boolean isCodeUnique(String code) {
        Integer count = jdbcTemplate.queryForObject("SELECT COUNT(*) FROM stocks WHERE code = ?", Integer.class, code);
        return count != null && count == 0;
    }
}
