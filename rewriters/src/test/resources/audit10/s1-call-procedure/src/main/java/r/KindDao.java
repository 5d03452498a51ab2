package r;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
@Repository
public class KindDao {
    private final JdbcTemplate jdbc;
    KindDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
    // a read: the procedure is SELECT * FROM kind (schema.sql)
    public List<Kind> all() {
        return jdbc.query("CALL ListKinds();", (rs, n) -> new Kind(rs.getInt("id"), rs.getString("name")));
    }
    public Kind byId(int id) {
        return jdbc.queryForObject("CALL GetKind(?);", (rs, n) -> new Kind(rs.getInt("id"), rs.getString("name")), id);
    }
    public void add(String name) { jdbc.update("INSERT INTO kind(name) VALUES (?)", name); }
}
