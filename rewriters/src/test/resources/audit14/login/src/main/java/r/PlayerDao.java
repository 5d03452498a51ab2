package r;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class PlayerDao {
    private final JdbcTemplate jdbcTemplate;

    public PlayerDao(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    public Player findByLogin(String login) {
        return jdbcTemplate.queryForObject("select login, password from player where login = ?", (rs, n) -> {
            Player player = new Player();
            player.setLogin(rs.getString("login"));
            player.setPassword(rs.getString("password"));
            return player;
        }, login);
    }

    public void changePassword(String login, String password) {
        jdbcTemplate.update("update player set password = ? where login = ?", password, login);
    }
}
