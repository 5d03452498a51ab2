package r;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
public class EventRepository {
    private final JdbcTemplate jdbcTemplate;

    public EventRepository(JdbcTemplate jdbcTemplate) { this.jdbcTemplate = jdbcTemplate; }

    public List<Event> findAll() {
        return jdbcTemplate.query("SELECT * FROM event", (rs, n) -> {
            Event e = new Event();
            e.setId(rs.getLong("id"));
            e.setName(rs.getString("name"));
            return e;
        });
    }

    public Event findById(Long id) {
        return jdbcTemplate.queryForObject("SELECT * FROM event WHERE id = ?", (rs, n) -> {
            Event e = new Event();
            e.setId(rs.getLong("id"));
            e.setName(rs.getString("name"));
            return e;
        }, id);
    }

    public void save(Event event) {
        jdbcTemplate.update("INSERT INTO event(name) VALUES(?)", event.getName());
    }
}
