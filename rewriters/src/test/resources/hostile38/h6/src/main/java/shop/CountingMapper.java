package shop;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.RowMapper;
public class CountingMapper implements RowMapper<Pet> {
    private int k;
    public Pet mapRow(ResultSet rs, int n) throws SQLException { return new Pet(rs.getLong("id"), rs.getString("name") + "#" + (k++)); }
}
