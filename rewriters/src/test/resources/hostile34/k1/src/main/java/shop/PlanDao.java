package shop;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
@Repository
public class PlanDao {
    private final JdbcTemplate jdbc;
    public PlanDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
    public Plan load(String code) {
        Plan plan = Plan.valueOf(code);
        plan.setPrice(jdbc.queryForObject("SELECT price FROM plan WHERE code = ?", Integer.class, code));
        return plan;
    }
    public void setPrice(String code, int price) { jdbc.update("UPDATE plan SET price = ? WHERE code = ?", price, code); }
}
