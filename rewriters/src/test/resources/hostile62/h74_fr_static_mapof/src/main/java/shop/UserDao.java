package shop;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import java.util.*;
import java.util.function.*;
import java.util.stream.*;

@Repository
public class UserDao {
    private final JdbcTemplate jdbc;

    public UserDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void setPrefix(String p) {  }
    public List<String> roles(long id) {
        List<String> rows = jdbc.queryForList("SELECT role FROM user_role WHERE user_id = ?", String.class, id);
        return rows.stream().map(r -> Labels.LABELS.getOrDefault(r, r)).toList();
    }
}
