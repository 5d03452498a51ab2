package r;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class UserDao {
    private final JdbcTemplate jdbcTemplate;
    public UserDao(JdbcTemplate jdbcTemplate) { this.jdbcTemplate = jdbcTemplate; }
    public AppUser getByEmail(String email) {
        return jdbcTemplate.queryForObject("SELECT id, email, password FROM users WHERE email = ?",
                (rs, i) -> new AppUser(rs.getInt("id"), rs.getString("email"), rs.getString("password")), email);
    }
    public void delete(int id) { jdbcTemplate.update("DELETE FROM users WHERE id = ?", id); }
}
