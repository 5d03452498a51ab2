package demo;

import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class OpHolderDirectDao {
    private final NamedParameterJdbcTemplate jdbc;

    public OpHolderDirectDao(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> titlesOfKind(String kind) {
        return find("kind", OpHolder.EQ, kind);
    }

    private List<String> find(String column, OpHolder operand, String value) {
        return jdbc.queryForList("SELECT title FROM films WHERE " + column + " " + operand.dbNotation() + " :v ORDER BY id",
                new MapSqlParameterSource("v", value), String.class);
    }

    public void add(long id, String title, String kind) {
        jdbc.update("INSERT INTO films (id, title, kind) VALUES (:id, :title, :kind)",
                new MapSqlParameterSource().addValue("id", id).addValue("title", title).addValue("kind", kind));
    }
}
