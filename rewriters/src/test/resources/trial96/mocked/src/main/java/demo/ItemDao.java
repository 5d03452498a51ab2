package demo;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
@Repository
public class ItemDao {
  private final JdbcTemplate jdbc;
  public ItemDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
  public List<String> names() { return jdbc.queryForList("select name from item", String.class); }
  public int add(String name) { return jdbc.update("insert into item(name) values(?)", name); }
}
