package shop;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import java.util.*;
import java.util.function.*;


@Repository
public class UserDao extends BaseDao {
    private final JdbcTemplate jdbc;

    public UserDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }
    public UserDto user(long id) {
        Acc acc = new Acc();
        jdbc.queryForList("SELECT role FROM user_role WHERE user_id = ?", String.class, id).forEach(r -> acc.add(r));
        UserDto dto = new UserDto();
        dto.setName(String.valueOf(acc.all().size()));
        return dto;
    }
}
