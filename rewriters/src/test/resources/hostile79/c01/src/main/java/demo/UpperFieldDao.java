package demo;

import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class UpperFieldDao {
    private final NamedParameterJdbcTemplate jdbc;
    private String TABLE = "films";

    public UpperFieldDao(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> titlesWhere(String column, String value) {
        Where where = new Where(column, value);
        return jdbc.queryForList(where.sql(), where.params(), String.class);
    }

    public void add(long id, String title, String kind) {
        jdbc.update("INSERT INTO films (id, title, kind) VALUES (:id, :title, :kind)",
                new MapSqlParameterSource().addValue("id", id).addValue("title", title).addValue("kind", kind));
    }

    public void useArchive(boolean archive) {
        TABLE = archive ? "films_archive" : "films";
    }

    protected class Where {
        private final StringBuilder condition = new StringBuilder();
        private final MapSqlParameterSource params = new MapSqlParameterSource();

        Where(String column, Object value) {
            condition.append(column).append(" = :p0");
            params.addValue("p0", value);
        }

        String sql() {
            return "SELECT title FROM " + TABLE + " WHERE " + condition + " ORDER BY id";
        }

        MapSqlParameterSource params() {
            return params;
        }
    }
}
