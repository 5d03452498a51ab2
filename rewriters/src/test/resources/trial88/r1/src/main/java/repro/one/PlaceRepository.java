package repro.one;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class PlaceRepository {
    private final JdbcTemplate jdbcTemplate;

    public PlaceRepository(JdbcTemplate jdbcTemplate) { this.jdbcTemplate = jdbcTemplate; }

    public List<Place> findAll() {
        return jdbcTemplate.query("SELECT id, name FROM place", (rs, n) -> new Place(rs.getLong("id"), rs.getString("name")));
    }

    public void save(String name) {
        jdbcTemplate.update("INSERT INTO place(name) VALUES (?)", name);
    }
}
