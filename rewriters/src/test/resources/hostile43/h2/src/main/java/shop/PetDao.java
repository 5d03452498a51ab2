package shop;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
@Repository
public class PetDao {
    private final JdbcTemplate jdbc;
    public PetDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
    public List<Pet> all() {
        return jdbc.query("select id, name, stars from pet order by id", (rs, n) -> new Pet(rs.getLong(1), rs.getString(2),
            rs.getInt(3) > 0 ? new StarBadge(rs.getString(2), rs.getInt(3)) : new PlainBadge(rs.getString(2))));
    }
    public void rename(Long id, String name) { jdbc.update("update pet set name = ? where id = ?", name, id); }
}
