package shop;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.*;
import org.springframework.jdbc.core.ResultSetExtractor;
public class CountingExtractor implements ResultSetExtractor<List<Pet>> {
    private int calls;
    public List<Pet> extractData(ResultSet rs) throws SQLException { calls++; List<Pet> out = new ArrayList<>(); while (rs.next()) out.add(new Pet(rs.getLong("id"), rs.getString("name") + "#" + calls)); return out; }
}
