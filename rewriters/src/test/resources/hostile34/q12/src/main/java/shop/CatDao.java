package shop;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
@Repository
public class CatDao {
    private final JdbcTemplate jdbc;
    public CatDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
    public String name(long id) { return jdbc.queryForObject("CALL cat_name(?)", String.class, id); }
    public void rename(long id, String n) { jdbc.update("update cat set name = ? where id = ?", n, id); }
}
