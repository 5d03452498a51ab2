package shop;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import java.util.*;
import java.util.function.*;


@Repository
public class UserDao extends BaseDao {
    private final JdbcTemplate jdbc;

    public UserDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }
    public void setPrefix(String prefix) {
        labeler.setPrefix(prefix);
    }

    public List<String> roles(long id) {
        List<String> out = jdbc.queryForList("SELECT role FROM user_role WHERE user_id = ?", String.class, id)
            .stream().map(labeler::label).toList();
        if (out.isEmpty()) {
            Labeler labeler = new Labeler();
            return List.of(labeler.label("none"));
        }
        return out;
    }
}
