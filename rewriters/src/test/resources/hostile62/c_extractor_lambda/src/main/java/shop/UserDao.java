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
    private final ResultSetExtractor<List<UserDto>> extractor = rs -> {
        Map<String, UserDto> byName = new LinkedHashMap<>();
        while (rs.next()) {
            byName.computeIfAbsent(rs.getString(1), k -> new UserDto()).getRoles().add(rs.getString(2));
        }
        return new ArrayList<>(byName.values());
    };
    public String history() { return ""; }
    public List<String> roles(long id) {
        return jdbc.query("SELECT name, role FROM user_role WHERE user_id = ?", extractor, id).stream().map(UserDto::toString).toList();
    }
}
