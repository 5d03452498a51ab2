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
    private final Holder holder = new Holder(); private final List<Holder> holders = List.of(holder);
    public void setPrefix(String p) { holder.allow("admin"); }
    public List<String> roles(long id) {
        List<String> rows = jdbc.queryForList("SELECT role FROM user_role WHERE user_id = ?", String.class, id);
        Holder h = holders.get(0); return rows.stream().filter(r -> h.allowed.contains(r)).toList();
    }
}
