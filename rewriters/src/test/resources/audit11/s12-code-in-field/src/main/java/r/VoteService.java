package r;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class VoteService {
    private final VoteRepository votes;
    private final MemberRepository members;
    public VoteService(VoteRepository votes, MemberRepository members) { this.votes = votes; this.members = members; }
    public boolean hasVoted(int memberId) { return votes.existsByMemberId(memberId); }
    @Transactional
    public Vote create(int restaurantId, int memberId) {
        return votes.save(new Vote(restaurantId, members.getReferenceById(memberId)));
    }
}
