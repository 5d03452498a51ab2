package demo;

import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class QualifiedStaticDao {
    private final NamedParameterJdbcTemplate jdbc;

    public QualifiedStaticDao(NamedParameterJdbcTemplate jdbc) {
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

    protected class Where {
        private final StringBuilder condition = new StringBuilder();
        private final MapSqlParameterSource params = new MapSqlParameterSource();

        Where(String column, Object value) {
            condition.append(column).append(" = :p0");
            params.addValue("p0", value);
        }

        String sql() {
            return "SELECT title FROM " + Naming.TABLE + " WHERE " + condition + " ORDER BY id";
        }

        MapSqlParameterSource params() {
            return params;
        }
    }
}
