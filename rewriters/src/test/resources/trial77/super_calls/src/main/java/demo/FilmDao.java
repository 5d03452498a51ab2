package demo;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class FilmDao extends BaseDao {
  public FilmDao(JdbcTemplate jdbc) {
    super(jdbc);
  }

  /** The Film super.findById() loads is made for this call; fill() completes it before it is returned. */
  @Override
  public Optional<Film> findById(long id) {
    return super.findById(id).map(this::fill);
  }

  /** The list super.findMany() returns is a new ArrayList of rows loaded for this call. */
  @Override
  protected List<Film> findMany() {
    List<Film> films = super.findMany();
    fillAll(films);
    return films;
  }

  private Film fill(Film film) {
    film.setTags(tags(film.getId()));
    return film;
  }

  private void fillAll(List<Film> films) {
    films.forEach(film -> film.setTags(tags(film.getId())));
  }

  private List<String> tags(long filmId) {
    return jdbc.queryForList("SELECT tag FROM film_tags WHERE film_id = ? ORDER BY tag", String.class, filmId);
  }

  public void rename(long id, String name) {
    jdbc.update("UPDATE films SET name = ? WHERE id = ?", name, id);
  }

  public void tag(long id, String tag) {
    jdbc.update("INSERT INTO film_tags (film_id, tag) VALUES (?, ?)", id, tag);
  }
}
