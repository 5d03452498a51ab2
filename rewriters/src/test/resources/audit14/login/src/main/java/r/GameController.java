package r;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class GameController {
    private final GameDao dao;

    public GameController(GameDao dao) {
        this.dao = dao;
    }

    @GetMapping("/games")
    public List<Game> all() {
        return dao.getAllGames();
    }

    @GetMapping("/games-by-columns")
    public List<Game> allByColumns() {
        return dao.getAllGamesByColumns();
    }

    @GetMapping("/games/{title}")
    public List<Game> byTitle(@PathVariable String title) {
        return dao.getGamesByTitle(title);
    }

    @PostMapping("/games/{title}")
    public void add(@PathVariable String title) {
        dao.addGame(title);
    }
}
