package shop;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
@Repository
public class PetDao {
    private final JdbcTemplate jdbc;
    private final jakarta.persistence.EntityManager em;
    public PetDao(JdbcTemplate jdbc, jakarta.persistence.EntityManager em) { this.jdbc = jdbc; this.em = em; }
    @Transactional(readOnly = true)
    public String name(Long id) { return jdbc.queryForObject("select name from pet where id = ?", String.class, id); }
    @Transactional
    public void rename(Long id, String name) { var c = org.springframework.jdbc.datasource.DataSourceUtils.getConnection(jdbc.getDataSource()); try (var st = c.createStatement()) { st.executeUpdate("update pet set name = '" + name + "' where id = " + id); } catch (java.sql.SQLException e) { throw new RuntimeException(e); } }
}
