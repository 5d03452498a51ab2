package shop;
import static shop.sql.PetSql.RENAME;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
@Repository
public class PetDao extends BaseDao {
    private final JdbcTemplate jdbc;
    public PetDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
    public String name(Long id) { return jdbc.queryForObject("select name from pet where id = ?", String.class, id); }
    public void rename(Long id, String name) { jdbc.update(RENAME, name, id); }
}
