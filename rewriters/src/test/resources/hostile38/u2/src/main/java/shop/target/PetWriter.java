package shop.target;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
@Service
public class PetWriter {
    private final JdbcTemplate jdbc;
    public PetWriter(JdbcTemplate jdbc) { this.jdbc = jdbc; }
    public void rename(Long id, String name) { jdbc.update("update pet set name = ? where id = ?", name, id); }
}
