package shop;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
@Repository
public class FilmDao {
    private final JdbcTemplate jdbc;
    public FilmDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
    public Film find(long id) {
        return jdbc.queryForObject("SELECT id, title FROM film WHERE id = ?",
            (rs, n) -> new Film().id(rs.getLong("id")).title(rs.getString("title")), id);
    }
}
