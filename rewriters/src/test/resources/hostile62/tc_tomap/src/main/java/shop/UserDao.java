package shop;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import java.util.*;
import java.util.function.*;
import java.util.concurrent.atomic.*;
import java.util.stream.*;

@Repository
public class UserDao {
    private final JdbcTemplate jdbc;

    public UserDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }
    private final Map<String, Integer> counts = new HashMap<>();
    public String history() { return String.valueOf(counts); }
    public List<String> roles(long id) {
        List<String> rows = jdbc.queryForList("SELECT role FROM user_role WHERE user_id = ?", String.class, id);
        Map<String, Integer> m = rows.stream().collect(Collectors.toMap(r -> r, r -> 1, Integer::sum, () -> counts));
        return new ArrayList<>(m.keySet());
    }
}
