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
    private final Labeler[] labelers = {new Labeler()};

    public void setPrefix(String prefix) {
        labelers[0].setPrefix(prefix);
    }

    public List<String> roles(long id) {

        return jdbc.queryForList("SELECT role FROM user_role WHERE user_id = ?", String.class, id)
            .stream().map(labelers[0]::label).toList();
    }
}
