package r;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
@Repository
public class CityDao {
    private final JdbcTemplate jdbc;
    CityDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
    // reference data: no code writes table location
    public List<String> cities(String region) {
        return jdbc.query("SELECT city FROM location WHERE region = ?", (rs, n) -> rs.getString("city"), region);
    }
}
