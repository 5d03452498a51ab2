package shop;
import java.sql.ResultSet;
import java.sql.SQLException;
public final class PetMappers {
    static final java.util.concurrent.atomic.AtomicReference<String> SUFFIX = new java.util.concurrent.atomic.AtomicReference<>("");
    static Pet map(ResultSet rs, int n) throws SQLException { return new Pet(rs.getLong("id"), rs.getString("name") + SUFFIX.get()); }
}
