package r;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class ItemDao {
    private final JdbcTemplate jdbc;

    public ItemDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Item> all(String kind) {
        return jdbc.query("SELECT name FROM item WHERE kind = ?", (rs, n) -> {
            Item item = new Item();
            item.setName(rs.getString(1));
            return item;
        }, kind);
    }

    public void add(String kind, String name) {
        jdbc.update("INSERT INTO item (kind, name) VALUES (?, ?)", kind, name);
    }
}
