package shop;
import java.sql.ResultSet;
import java.sql.SQLException;
public final class PetMappers {
    static final java.util.Map<String, String> CONF = new java.util.concurrent.ConcurrentHashMap<>();
    static Pet map(ResultSet rs, int n) throws SQLException { return new Pet(rs.getLong("id"), rs.getString("name") + CONF.getOrDefault("suffix", "")); }
}
