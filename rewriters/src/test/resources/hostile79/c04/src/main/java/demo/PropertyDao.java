package demo;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class PropertyDao {
    private final NamedParameterJdbcTemplate jdbc;

    public PropertyDao(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> activeTitles() {
        Where where = new Where("expires_at");
        return jdbc.queryForList("SELECT title FROM offers WHERE " + where.getCondition() + " ORDER BY id",
                where.getParams(), String.class);
    }

    public void setHorizonYears(int years) {
        System.setProperty("offers.horizon.years", String.valueOf(years));
    }

    public void add(long id, String title, LocalDateTime expiresAt) {
        jdbc.update("INSERT INTO offers (id, title, expires_at) VALUES (:id, :title, :expiresAt)",
                new MapSqlParameterSource().addValue("id", id).addValue("title", title).addValue("expiresAt", expiresAt));
    }

    protected static class Where {
        private final StringBuilder condition = new StringBuilder();
        private final MapSqlParameterSource params = new MapSqlParameterSource();

        public Where(String column) {
            condition.append(column).append(" > :now");
            params.addValue("now", LocalDateTime.of(2000, 1, 1, 0, 0).plusYears(Integer.getInteger("offers.horizon.years", 0)));
        }

        public Where and(String column, Object value) {
            condition.append(" AND ").append(column).append(" = :p1");
            params.addValue("p1", value);
            return this;
        }

        public String getCondition() {
            return condition.toString();
        }

        public MapSqlParameterSource getParams() {
            return params;
        }
    }
}
