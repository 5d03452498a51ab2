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
    private final Labeler labeler = new Labeler();

    public void setPrefix(String prefix) {
        labeler.setPrefix(prefix);
    }

    public List<String> roles(long id) {
        List<String> rows = jdbc.queryForList("SELECT role FROM user_role WHERE user_id = ?", String.class, id);
        List<String> out = new ArrayList<>();
        try (Labeler labeler = new Labeler()) {
            out.add(labeler.label("#"));
        } finally {
            for (String r : rows) {
                out.add(labeler.label(r));
            }
        }
        return out;
    }
}
