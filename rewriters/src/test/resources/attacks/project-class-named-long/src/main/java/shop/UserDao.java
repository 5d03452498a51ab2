package shop;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
@Repository
public class UserDao {
    private final JdbcTemplate jdbc;
    public UserDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
    public Long userNo(String login) {
        return new Long(jdbc.queryForObject("SELECT no FROM users WHERE login = ?", java.lang.Long.class, login));
    }
}
