package demo;

import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class HolderE4Dao {
    private final NamedParameterJdbcTemplate jdbc;

    public HolderE4Dao(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> titlesOfKind(String kind) {
        return jdbc.queryForList("SELECT title FROM films WHERE " + SqlParts.condition("kind", OpHolder.EQ) + " ORDER BY id", new MapSqlParameterSource("v", kind), String.class);
    }

    public void add(long id, String title, String kind) {
        jdbc.update("INSERT INTO films (id, title, kind) VALUES (:id, :title, :kind)",
                new MapSqlParameterSource().addValue("id", id).addValue("title", title).addValue("kind", kind));
    }
}
