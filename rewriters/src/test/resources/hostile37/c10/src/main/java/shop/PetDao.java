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
    public void rename(Long id, String name) { em.unwrap(org.hibernate.Session.class).doWork(c -> { try (var ps = c.prepareStatement("update pet set name = ? where id = ?")) { ps.setString(1, name); ps.setLong(2, id); ps.executeUpdate(); } }); }
}
