package shop;
import java.sql.ResultSet;
import java.sql.SQLException;
public final class PetMappers {
    static String suffix = "";
    static Pet map(ResultSet rs, int n) throws SQLException { return new Pet(rs.getLong("id"), rs.getString("name") + suffix); }
}
