package shop;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
@Repository
public class PetDao {
    private final JdbcTemplate jdbc;
    public PetDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
    public Pet one(Long id) {
        return jdbc.queryForObject("select p.id, p.name, o.name from pet p join owner o on o.id = p.owner_id where p.id = ?",
            (rs, n) -> new Pet(rs.getLong(1), rs.getString(2), new Owner(rs.getString(3))), id);
    }
    public void rename(Long id, String name) { jdbc.update("update pet set name = ? where id = ?", name, id); }
}
