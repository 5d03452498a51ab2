package shop;

import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public record UserDao(JdbcTemplate jdbc, Labeler labeler) {
    @Autowired
    public UserDao(JdbcTemplate jdbc) {
        this(jdbc, new Labeler());
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
