package shop;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import shop.sql.PetSql;
@Repository
public class PetDao {
    private final JdbcTemplate jdbc;
    private final Holder PetSql = new Holder();
    public PetDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
    public String name(Long id) { return jdbc.queryForObject("select name from pet where id = ?", String.class, id); }
    public void rename(Long id, String name) { jdbc.update(PetSql.RENAME, name, id); }
}
