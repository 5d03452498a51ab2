package shop;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import java.util.*;
import java.util.function.*;


@Repository
public class UserDao {
    private final JdbcTemplate jdbc;

    public UserDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }
    public void setPrefix(String prefix) {
        Labels.DEFAULT.setPrefix(prefix);
    }

    public List<String> roles(long id) {
        return jdbc.queryForList("SELECT role FROM user_role WHERE user_id = ?", String.class, id)
            .stream().map(Labels.DEFAULT::label).toList();
    }
}
