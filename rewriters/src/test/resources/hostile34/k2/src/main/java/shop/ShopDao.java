package shop;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
@Repository
public class ShopDao {
    private final JdbcTemplate jdbc;
    public ShopDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
    /** In the order they were registered. */
    public String[] names() { return jdbc.queryForList("SELECT name FROM shop ORDER BY id", String.class).toArray(new String[0]); }
    public void add(int id, String name) { jdbc.update("INSERT INTO shop VALUES (?, ?)", id, name); }
}
