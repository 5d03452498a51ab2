package shop;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
@Service
public class Members {
    private final JdbcTemplate jdbc;
    public Members(JdbcTemplate jdbc) { this.jdbc = jdbc; }
    public Member member(long id) {
        return jdbc.queryForObject("SELECT name FROM member WHERE id = ?", (rs, n) -> new Member(rs.getString(1)), id);
    }
    public void rename(long id, String name) {
        jdbc.update("UPDATE member SET name = ? WHERE id = ?", name, id);
    }
}
