package demo;

import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class OpBodyDao {
    private final NamedParameterJdbcTemplate jdbc;

    public OpBodyDao(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> titlesOfKind(String kind) {
        Where where = new Where("kind", OpBody.EQ, kind);
        return jdbc.queryForList("SELECT title FROM films WHERE " + where.getCondition() + " ORDER BY id",
                where.getParams(), String.class);
    }

    public void add(long id, String title, String kind) {
        jdbc.update("INSERT INTO films (id, title, kind) VALUES (:id, :title, :kind)",
                new MapSqlParameterSource().addValue("id", id).addValue("title", title).addValue("kind", kind));
    }

    protected class Where {
        private final StringBuilder condition = new StringBuilder();
        private final MapSqlParameterSource params = new MapSqlParameterSource();

        public Where(String column, OpBody operand, Object value) {
            condition.append(column).append(" ").append(operand.dbNotation()).append(" :p0");
            params.addValue("p0", value);
        }

        public String getCondition() {
            return condition.toString();
        }

        public MapSqlParameterSource getParams() {
            return params;
        }
    }
}
