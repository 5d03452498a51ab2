package r;

import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.*;

@RestController
public class BoardController {
    private final BoardService board;
    private final VoteService votes;

    public BoardController(BoardService board, VoteService votes) {
        this.board = board;
        this.votes = votes;
    }

    @GetMapping("/board")
    public List<String> board(@RequestParam LocalDate day) {
        return board.board(day);
    }

    @PostMapping("/votes")
    public Integer cast(@RequestParam int user, @RequestParam LocalDate day, @RequestParam int club) {
        return votes.cast(user, day, club).getId();
    }

    @PutMapping("/votes")
    public Integer change(@RequestParam int user, @RequestParam LocalDate day, @RequestParam int club) {
        return votes.change(user, day, club).getId();
    }
}
