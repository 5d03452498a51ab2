package r;

import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class VoteService {
    private final VoteRepository votes;
    private final ClubRepository clubs;

    public VoteService(VoteRepository votes, ClubRepository clubs) {
        this.votes = votes;
        this.clubs = clubs;
    }

    /** getVoteByDate is the first read of this transaction; then the vote it returns is changed (the real hazard). */
    @Transactional
    public Vote change(int userId, LocalDate day, int clubId) {
        Vote vote = votes.getExistedByDate(userId, day);
        vote.setClub(clubs.getReferenceById(clubId));
        return votes.save(vote);
    }

    @Transactional
    public Vote cast(int userId, LocalDate day, int clubId) {
        if (votes.getVoteByDate(userId, day).isPresent()) {
            throw new IllegalStateException("already voted");
        }
        return votes.save(new Vote(userId, day, clubs.getReferenceById(clubId)));
    }
}
