package shop;
import java.util.*;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
@Repository
public class GenreDao {
    private final JdbcTemplate jdbc;
    public GenreDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
    private final List<List<String>> everyList = new ArrayList<>();
    public List<List<String>> all() { return everyList; }
    public String line(long filmId) {
        Map<Long, List<String>> byId = new HashMap<>();
        jdbc.query("SELECT film_id, name FROM genre WHERE film_id = ?", (rs, n) -> {
            List<String> names = byId.computeIfAbsent(rs.getLong("film_id"), id -> namesOf(id));
            names.add(rs.getString("name"));
            return names;
        }, filmId);
        return byId.toString();
    }
    private List<String> namesOf(long id) {
        List<String> l = new ArrayList<>();
        Registry.ALL.add(l);
        return l;
    }
}
