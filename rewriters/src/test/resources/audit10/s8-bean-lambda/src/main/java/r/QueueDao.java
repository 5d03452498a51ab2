package r;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
@Repository
public class QueueDao {
    private final JdbcTemplate jdbc;
    QueueDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
    public int countByStatus(String status) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM queue WHERE status = ?", Integer.class, status);
    }
}
