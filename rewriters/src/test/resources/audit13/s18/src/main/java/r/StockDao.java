package r;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class StockDao {
    private final JdbcTemplate jdbcTemplate;

    public StockDao(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    public Integer getQuantity(int itemId) {
        return jdbcTemplate.queryForObject("select quantity from item where id = ?", Integer.class, itemId);
    }

    public void take(int itemId, int quantity) {
        jdbcTemplate.update("update item set quantity = quantity - ? where id = ?", quantity, itemId);
    }

    public void saveInvoice(int itemId, int quantity, double total) {
        jdbcTemplate.update("insert into invoice (item_id, quantity, total) values (?, ?, ?)", itemId, quantity, total);
    }
}
