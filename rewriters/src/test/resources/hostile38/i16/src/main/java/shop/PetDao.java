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
    public void rename(Long id, String name) { jdbc.query(c -> { var ps = c.prepareStatement("select id, name from pet where id = ?", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE); ps.setLong(1, id); return ps; }, (RowCallbackHandler) rs -> { rs.updateString("name", name); rs.updateRow(); }); }
}
