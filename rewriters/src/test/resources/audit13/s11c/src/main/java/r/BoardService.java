package r;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

@Service
public class BoardService {
    private final VoteDao dao;

    public BoardService(VoteDao dao) {
        this.dao = dao;
    }

    /** Today's voters per lunch; the clock keeps this method itself out of any cache. */
    public List<Board> today() {
        Map<Long, List<VoterTo>> byLunch = dao.getVotersOnDate(LocalDate.now()).stream()
                .collect(Collectors.groupingBy(VoterTo::getLunchId));
        return byLunch.entrySet().stream()
                .map(e -> new Board(e.getKey(), e.getValue()))
                .toList();
    }

    public void vote(long userId, long lunchId) {
        dao.vote(LocalDate.now(), userId, lunchId);
    }
}
