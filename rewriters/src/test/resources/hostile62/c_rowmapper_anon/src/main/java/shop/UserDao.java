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
    private final RowMapper<UserDto> mapper = new RowMapper<UserDto>() {
        @Override
        public UserDto mapRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
            UserDto d = new UserDto();
            d.setName(rs.getString(1));
            d.getRoles().add(rs.getString(2));
            return d;
        }
    };
    public String history() { return ""; }
    public List<String> roles(long id) {
        return jdbc.query("SELECT name, role FROM user_role WHERE user_id = ?", mapper, id).stream().map(UserDto::toString).toList();
    }
}
