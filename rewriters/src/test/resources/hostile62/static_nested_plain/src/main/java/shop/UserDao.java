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
    private static final List<String> SEEN = new ArrayList<>();

    static class Acc {
        void add(String role) {
            SEEN.add(role);
        }

        int size() {
            return SEEN.size();
        }
    }

    public UserDto user(long id) {
        Acc acc = new Acc();
        jdbc.queryForList("SELECT role FROM user_role WHERE user_id = ?", String.class, id).forEach(r -> acc.add(r));
        UserDto dto = new UserDto();
        dto.setName(String.valueOf(acc.size()));
        return dto;
    }
}
