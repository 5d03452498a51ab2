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
        Object hint = id < 0 ? new Labeler() : "none";
        if (hint instanceof Labeler labeler) {
            return List.of(labeler.label("negative"));
        }
        List<String> out = new ArrayList<>();
        for (String r : jdbc.queryForList("SELECT role FROM user_role WHERE user_id = ?", String.class, id)) {
            out.add(labeler.label(r));
        }
        if (out.isEmpty()) {
            Labeler labeler = new Labeler();
            out.add(labeler.label("none"));
        }
        return out;
    }
}
