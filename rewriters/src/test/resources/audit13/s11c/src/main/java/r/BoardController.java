package r;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class BoardController {
    private final BoardService service;

    public BoardController(BoardService service) {
        this.service = service;
    }

    @GetMapping("/board")
    public List<Board> board() {
        return service.today();
    }

    @PostMapping("/vote/{userId}/{lunchId}")
    public void vote(@PathVariable long userId, @PathVariable long lunchId) {
        service.vote(userId, lunchId);
    }
}
