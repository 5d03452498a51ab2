package shop;
import java.util.*;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
@Repository
public class GenreDao {
    private final JdbcTemplate jdbc;
    public GenreDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
    public String line(long filmId) {
        return jdbc.queryForList("SELECT name FROM genre WHERE film_id = ?", String.class, filmId) + "/" + Registry.ALL.size();
    }
}
