package shop;
import java.sql.ResultSet;
import java.sql.SQLException;
public final class PetMappers {
    private static String suffix = "";
    static Pet map(ResultSet rs, int n) throws SQLException { return new Pet(rs.getLong("id"), rs.getString("name") + suffix); }
    public static final class Admin { public static void use(String s) { suffix = s; } }
}
