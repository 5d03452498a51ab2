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
    private final List<String> seen = new ArrayList<>();

    public UserDto user(long id) {
        UserDto dto = new UserDto();
        UserDto alias = dto;
        alias.roles = seen;
        jdbc.queryForList("SELECT role FROM user_role WHERE user_id = ?", String.class, id).forEach(r -> dto.addRole(r));
        return dto;
    }
}
