package shop;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.RowMapper;
public class CountingMapper {
    private int k;
    public static RowMapper<Pet> create() { CountingMapper c = new CountingMapper(); return c::map; }
    Pet map(ResultSet rs, int n) throws SQLException { return new Pet(rs.getLong("id"), rs.getString("name") + "#" + (k++)); }
}
