package shop;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.RowMapper;
public class Wrapper<T> implements RowMapper<T> {
    private final RowMapper<T> inner;
    public Wrapper(RowMapper<T> inner) { this.inner = inner; }
    public T mapRow(ResultSet rs, int n) throws SQLException { return inner.mapRow(rs, n); }
}
