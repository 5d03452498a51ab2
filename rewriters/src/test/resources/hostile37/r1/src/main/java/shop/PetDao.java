package shop;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.annotation.Isolation;
@Repository
public class PetDao {
    private final JdbcTemplate jdbc;
    public PetDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
    @Transactional(readOnly = true)
    public String name(Long id) { return jdbc.queryForObject("select name from pet where id = ?", String.class, id); }
    public void rename(Long id, String name) { try { var c = jdbc.getDataSource().getConnection(); var ps = c.prepareStatement("update pet set name = ? where id = ?"); ps.setString(1, name); ps.setLong(2, id); ps.executeUpdate(); c.close(); } catch (java.sql.SQLException e) { throw new RuntimeException(e); } }
}
