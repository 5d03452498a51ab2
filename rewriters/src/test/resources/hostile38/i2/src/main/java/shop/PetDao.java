package shop;
import java.sql.*;
import org.springframework.jdbc.core.*;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
@Repository
public class PetDao {
    private final JdbcTemplate jdbc;
    public PetDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
    @Transactional(readOnly = true)
    public String name(Long id) { return jdbc.queryForObject("select name from pet where id = ?", String.class, id); }
    public void rename(Long id, String name) { try (Connection c = jdbc.getDataSource().getConnection(); PreparedStatement ps = c.prepareStatement("update pet set name = ? where id = ?")) { ps.setString(1, name); ps.setLong(2, id); ps.addBatch(); ps.executeLargeBatch(); } catch (SQLException e) { throw new RuntimeException(e); } }
}
