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
    private static final Labeler LABELER = new Labeler();

    public void setPrefix(String prefix) {
        LABELER.setPrefix(prefix);
    }

    public List<String> roles(long id) {
        return jdbc.queryForList("SELECT role FROM user_role WHERE user_id = ?", String.class, id)
            .stream().map(LABELER::label).toList();
    }
}
