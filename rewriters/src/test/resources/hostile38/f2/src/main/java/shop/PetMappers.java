package shop;
import java.sql.ResultSet;
import java.sql.SQLException;
public final class PetMappers {
    static final String[] parts = {""};
    static Pet map(ResultSet rs, int n) throws SQLException { return new Pet(rs.getLong("id"), rs.getString("name") + parts[0]); }
}
