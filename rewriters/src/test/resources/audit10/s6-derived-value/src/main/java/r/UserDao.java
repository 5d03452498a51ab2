package r;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
@Repository
public class UserDao {
    private final JdbcTemplate jdbc;
    UserDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
    // name and nickname are written only by signUp's insert
    public NameInfo info(int id) {
        return jdbc.queryForObject("SELECT name, nickname FROM users WHERE id = ?",
                (rs, n) -> new NameInfo(rs.getString("name"), rs.getString("nickname")), id);
    }
    public void signUp(int id, String name, String nickname) {
        jdbc.update("INSERT INTO users(id, name, nickname) VALUES (?, ?, ?)", id, name, nickname);
    }
}
