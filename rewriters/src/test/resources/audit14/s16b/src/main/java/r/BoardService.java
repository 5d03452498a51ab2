package r;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class BoardService {
    private final ClubRepository clubs;

    public BoardService(ClubRepository clubs) {
        this.clubs = clubs;
    }

    /** Loads every club (entities) first, then the counts (a DTO projection) in the same read-only transaction. */
    @Transactional(readOnly = true)
    public List<String> board(LocalDate day) {
        int known = clubs.findAll().size();
        return clubs.countsOn(day).stream().map(c -> c.getName() + ": " + c.getVotes() + " of " + known).toList();
    }
}
