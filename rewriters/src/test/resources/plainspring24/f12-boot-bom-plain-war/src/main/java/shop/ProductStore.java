package shop;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

@Service
public class ProductStore implements Store {
    private final JdbcTemplate jdbc;

    public ProductStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name(long id) {
        return jdbc.queryForObject("select name from product where id = ?", String.class, id);
    }

    @Override
    public void rename(long id, String name) {
        jdbc.update("update product set name = ? where id = ?", name, id);
    }
}
