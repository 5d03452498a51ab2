package shop;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
@Repository
public class PetDao {
    private final JdbcTemplate jdbc;
    public PetDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
    public List<PetDto> all() {
        return jdbc.query("select id, name from pet order by id", (rs, n) -> new PetDto(rs.getLong(1), rs.getString(2)));
    }
    public PetDto one(Long id) {
        return jdbc.queryForObject("select id, name from pet where id = ?", (rs, n) -> new PetDto(rs.getLong(1), rs.getString(2)), id);
    }
    public void rename(Long id, String name) { jdbc.update("update pet set name = ? where id = ?", name, id); }
}
