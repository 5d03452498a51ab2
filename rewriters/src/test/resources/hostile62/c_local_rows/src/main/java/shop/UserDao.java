package shop;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import java.util.*;

@Repository
public class UserDao {
    private final JdbcTemplate jdbc;

    public UserDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }
    public void setPrefix(String p) { }
    public List<String> roles(long id) {
        List<Row> rows = jdbc.query("SELECT role, level FROM user_role WHERE user_id = ?", (rs, i) -> {
            Row r = new Row(); r.name = rs.getString(1); r.level = rs.getInt(2); return r; }, id);
        List<String> out = new ArrayList<>();
        for (Row r : rows) { if (r.level > 0) out.add(r.name); }
        Row first = rows.isEmpty() ? null : rows.get(0);
        if (first != null && first.level > 5) out.add("top");
        return rows.stream().filter(r -> r.level > 1).map(r -> r.name).toList();
    }
}
