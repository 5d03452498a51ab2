package r;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class GameDao {
    public static final String GAME_ID = "game_id";
    public static final String TITLE = "title";

    private final JdbcTemplate jdbcTemplate;

    public GameDao(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    /** Row mapper given as a method reference: each row is a new Game. */
    public List<Game> getAllGames() {
        return jdbcTemplate.query("select * from game", this::mapRowToGame);
    }

    /** Same mapping as a lambda. */
    public List<Game> getGamesByTitle(String title) {
        return jdbcTemplate.query("select * from game where title = ?", (rs, n) -> {
            Game game = new Game();
            game.setId(rs.getInt("game_id"));
            game.setTitle(rs.getString("title"));
            return game;
        }, title);
    }

    /** The same method-reference mapper, but its column names are the class's static final constants. */
    public List<Game> getAllGamesByColumns() {
        return jdbcTemplate.query("select * from game", this::mapRowByColumns);
    }

    public void addGame(String title) {
        jdbcTemplate.update("insert into game (title) values (?)", title);
    }

    private Game mapRowToGame(ResultSet rs, int rowNum) throws SQLException {
        Game game = new Game();
        game.setId(rs.getInt("game_id"));
        game.setTitle(rs.getString("title"));
        return game;
    }

    private Game mapRowByColumns(ResultSet rs, int rowNum) throws SQLException {
        Game game = new Game();
        game.setId(rs.getInt(GAME_ID));
        game.setTitle(rs.getString(TITLE));
        return game;
    }
}
