package shop;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
@Service
public class Events {
    private final JdbcTemplate jdbc;
    public Events(JdbcTemplate jdbc) { this.jdbc = jdbc; }
    public Integer count(Search search) {
        return jdbc.queryForObject("SELECT count(*) FROM events WHERE text = ? AND size > ?", Integer.class, search.getText(), search.getSize());
    }
}
