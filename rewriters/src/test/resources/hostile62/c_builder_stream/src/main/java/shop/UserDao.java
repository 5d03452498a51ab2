package shop;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import java.util.*;
import java.util.function.*;
import java.util.concurrent.atomic.*;
import java.util.stream.*;
import java.math.BigDecimal;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.ResultSetExtractor;

@Repository
public class UserDao {
    private final JdbcTemplate jdbc;

    public UserDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }
    private final Function<String, List<String>> pair = r -> Stream.<String>builder().add(r).add(r.toUpperCase()).build().toList();
    public String history() { return ""; }
    public List<String> roles(long id) {
        List<String> rows = jdbc.queryForList("SELECT role FROM user_role WHERE user_id = ?", String.class, id);
        return rows.stream().flatMap(r -> pair.apply(r).stream()).toList();
    }
}
