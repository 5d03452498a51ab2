package shop;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.*;
import org.springframework.stereotype.Repository;
@Repository
public class PetDao {
    private final JdbcTemplate jdbc;
    public void rename(Long id, String name) { jdbc.update("update pet set name = ? where id = ?", name, id); }
    private final RowMapper<Pet> rowMapper = CountingMapper.create();
    public PetDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
    public List<Pet> all() { return jdbc.query("select id, name from pet order by id", rowMapper); }
}
