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
    private final Map<String, List<String>> groups = new HashMap<>();
    public String history() { return String.valueOf(groups); }
    public List<String> roles(long id) {
        List<String> rows = jdbc.queryForList("SELECT role FROM user_role WHERE user_id = ?", String.class, id);
        rows.stream().collect(Collectors.groupingBy(r -> r, () -> groups, Collectors.toList()));
        return rows;
    }
}
