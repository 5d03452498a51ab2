package demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

public class BaseDao {
  protected final JdbcTemplate jdbc;

  protected BaseDao(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Film> findById(long id) {
    return jdbc.query("SELECT id, name FROM films WHERE id = ?", (rs, n) -> row(rs.getLong(1), rs.getString(2)), id)
        .stream().findFirst();
  }

  public List<Film> findAll() {
    return findMany();
  }

  protected List<Film> findMany() {
    return new ArrayList<>(jdbc.query("SELECT id, name FROM films ORDER BY id", (rs, n) -> row(rs.getLong(1), rs.getString(2))));
  }

  private static Film row(long id, String name) {
    Film f = new Film();
    f.setId(id);
    f.setName(name);
    return f;
  }
}
