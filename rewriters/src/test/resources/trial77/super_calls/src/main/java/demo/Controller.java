package demo;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class Controller {
  private final FilmDao films;

  public Controller(FilmDao films) {
    this.films = films;
  }

  @GetMapping("/films/{id}")
  public String film(@PathVariable long id) {
    return films.findById(id).map(f -> f.getName() + " " + f.getTags()).orElse("none");
  }

  @GetMapping("/films")
  public List<String> all() {
    return films.findAll().stream().map(f -> f.getName() + " " + f.getTags()).toList();
  }

  @PutMapping("/films/{id}")
  public void rename(@PathVariable long id, @RequestBody String name) {
    films.rename(id, name);
  }

  @PutMapping("/films/{id}/tags")
  public void tag(@PathVariable long id, @RequestBody String tag) {
    films.tag(id, tag);
  }
}
