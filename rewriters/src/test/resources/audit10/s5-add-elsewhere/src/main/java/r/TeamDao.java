package r;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
@Repository
public class TeamDao {
    private final JdbcTemplate jdbc;
    TeamDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
    // player.team is written only by the insert below
    public int teamOf(long playerId) {
        return jdbc.queryForObject("SELECT team FROM player WHERE id = ?", Integer.class, playerId);
    }
    public void addPlayer(long id, int team) { jdbc.update("INSERT INTO player(id, team) VALUES (?, ?)", id, team); }
}
