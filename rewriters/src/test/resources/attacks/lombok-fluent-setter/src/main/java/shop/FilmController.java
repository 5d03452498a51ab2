package shop;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
@RestController
public class FilmController {
    private final FilmDao dao;
    public FilmController(FilmDao dao) { this.dao = dao; }
    @GetMapping("/films/{id}/banner")
    public String banner(@PathVariable long id) {
        Film film = dao.find(id);
        film.title(film.title().toUpperCase() + "!");
        return film.title();
    }
}
