package r;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
@Repository
public class ItemDao {
    private final JdbcTemplate jdbc;
    ItemDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
    public List<Item> byKind(int kindId) {
        return jdbc.query("SELECT * FROM item WHERE kind_id = ?", (rs, n) -> new Item(rs.getInt("id"), rs.getInt("kind_id"), rs.getString("name")), kindId);
    }
    public void add(int kindId, String name) { jdbc.update("INSERT INTO item(kind_id, name) VALUES (?, ?)", kindId, name); }
}
