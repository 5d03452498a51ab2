package shop;
import org.springframework.stereotype.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
@Repository
public class ProductStore implements Store {
    private final JdbcTemplate jdbc;
    public ProductStore(JdbcTemplate jdbc) { this.jdbc = jdbc; }
    public void rename(Long id, String name) { jdbc.update("update product set name = ? where id = ?", name, id); }
    public String name(Long id) { return jdbc.queryForObject("select name from product where id = ?", String.class, id); }
}
